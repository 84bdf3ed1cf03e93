#!/usr/bin/env bash
# Installs what the Word (.docx) round-trip tests need, idempotently: LibreOffice Writer without a GUI
# (`soffice --headless`: makes fixtures, opens reviewed documents, prints them to PDF) and poppler-utils
# (`pdftoppm`, `pdftotext`: a PDF page to PNG, words with their boxes). Skipped when both are present.
#
# LibreOffice prints comments in the page margin (the PDF export's ExportNotesInMargin) from 7.5 on;
# Debian 12 ships 7.4. On Debian 12, when the installed one is older (or none is installed), this
# installs Writer from bookworm-backports (adding that source to /etc/apt/sources.list.d only if no
# source names it yet), with libreoffice-uiconfig-writer (the margin is drawn with Writer's comment
# window, see margin_ready). Done once: later runs see 7.5+ and touch nothing. Another process may hold apt's lock: we wait for
# it (up to 10 minutes) rather than fail; two runs of this script at once take turns.
#
# Usage: bash scripts/setup-libreoffice.sh
# Env:   SKIP_APT=1   do not touch apt (fail if a package is missing; no upgrade)
# Exit:  0 ready, LibreOffice 7.5+ that prints comments in the margin
#        3 ready, but comments cannot be printed in the margin (LibreOffice older than 7.5, or without
#          libreoffice-uiconfig-writer) and that could not be fixed: one line on stderr says why, and the
#          margin-comment test skips with it
#        1 not ready, with a one-line reason on stderr
set -uo pipefail

APT_PKGS=(libreoffice-writer-nogui poppler-utils)
MARGIN_MIN=7.5
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${VSCODE_TEST_CACHE:-$ROOT/.cache}
LOG=$CACHE/setup-libreoffice.log
mkdir -p "$CACHE" || { echo "setup-libreoffice: FAILED: cannot create $CACHE" >&2; exit 1; }
fail() { echo "setup-libreoffice: FAILED: $* (log: $LOG)" >&2; exit 1; }
old() { echo "setup-libreoffice: comments in the margin cannot be printed (they need LibreOffice $MARGIN_MIN+ with libreoffice-uiconfig-writer): $*" >&2; exit 3; }

# Test suites run in parallel: one apt run at a time, the others wait and then find it done.
exec 9>"$CACHE/setup-libreoffice.lock"
flock 9 2>/dev/null || true

SUDO=()
can_apt() {
  [ "${SKIP_APT:-}" = 1 ] && { why="SKIP_APT=1"; return 1; }
  command -v apt-get >/dev/null 2>&1 || { why="no apt-get (not Debian)"; return 1; }
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || { why="not root and no password-less sudo"; return 1; }
    SUDO=(sudo -n)
  fi
  return 0
}
apt() { DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 "$@" >> "$LOG" 2>&1; }

# "7.4.7" from the Debian package (fast), else from soffice itself.
lo_version() {
  local v
  v=$(dpkg-query -W -f='${Version}' libreoffice-core-nogui 2>/dev/null || true)
  [ -n "$v" ] || v=$(dpkg-query -W -f='${Version}' libreoffice-core 2>/dev/null || true)
  if [ -n "$v" ]; then v=${v#*:}; echo "${v%%[-+~]*}"; return; fi
  soffice --version 2>/dev/null | sed -n 's/^LibreOffice \([0-9][0-9.]*\).*/\1/p' | head -1
}
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]; }
# Printing comments in the margin draws each in Writer's comment window: without its UI definition
# (package libreoffice-uiconfig-writer, not a dependency of the -nogui packages) the PDF export aborts.
UI_FILE=share/config/soffice.cfg/modules/swriter/ui/annotation.ui
margin_ready() {
  local program
  command -v soffice >/dev/null 2>&1 || return 1
  program=$(dirname "$(readlink -f "$(command -v soffice)")")
  at_least "$(lo_version)" "$MARGIN_MIN" && [ -f "$program/../$UI_FILE" ]
}

missing() {
  local p
  for p in "${APT_PKGS[@]}"; do dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || echo "$p"; done
}
note=""

# 1. Debian 12: Writer 25.2 from bookworm-backports, whether 7.4 or nothing is installed (one install, not two).
. /etc/os-release 2>/dev/null || true
if [ "${VERSION_CODENAME:-}" = bookworm ] && ! margin_ready; then
  why=""
  if can_apt; then
    : > "$LOG"
    if ! grep -rqsE '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; then
      printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' 'Components: main' \
        'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
        | "${SUDO[@]}" tee /etc/apt/sources.list.d/bookworm-backports.sources >> "$LOG" \
        && echo "setup-libreoffice: added /etc/apt/sources.list.d/bookworm-backports.sources" >&2
    fi
    if ! apt update; then
      note="apt-get update failed (no network to deb.debian.org?) (log: $LOG)"
    elif ! apt install -y --no-install-recommends -t bookworm-backports libreoffice-writer-nogui libreoffice-uiconfig-writer; then
      note="apt-get install -t bookworm-backports libreoffice-writer-nogui libreoffice-uiconfig-writer failed (log: $LOG)"
    else
      echo "setup-libreoffice: installed LibreOffice $(lo_version) from bookworm-backports" >&2
    fi
  else
    note="$why, so LibreOffice 7.5+ was not installed from bookworm-backports"
  fi
fi

# 2. Whatever is still missing, from the release's own packages.
read -ra need <<< "$(missing | tr '\n' ' ')"
if [ ${#need[@]} -gt 0 ]; then
  why=""
  can_apt || fail "missing Debian packages and $why: ${need[*]}"
  [ -s "$LOG" ] || : > "$LOG"
  apt update || fail "apt-get update failed"
  apt install -y --no-install-recommends "${need[@]}" || fail "apt-get install ${need[*]} failed"
  echo "setup-libreoffice: installed ${need[*]}"
fi
command -v soffice >/dev/null 2>&1 || fail "soffice missing after apt"
command -v pdftoppm >/dev/null 2>&1 || fail "pdftoppm missing after apt"
command -v pdftotext >/dev/null 2>&1 || fail "pdftotext missing after apt"

version=$(lo_version)
[ -n "$version" ] || fail "cannot tell which LibreOffice is installed"
margin_ready && exit 0
[ -n "$note" ] && old "LibreOffice $version: $note"
at_least "$version" "$MARGIN_MIN" || old "LibreOffice $version is older than $MARGIN_MIN, and this is not Debian 12 (bookworm-backports)"

# 3. 7.5+ without Writer's UI files (another release, or installed by hand): the package of the core's exact version.
core=$(dpkg-query -W -f='${Version}' libreoffice-core-nogui 2>/dev/null || dpkg-query -W -f='${Version}' libreoffice-core 2>/dev/null || true)
[ -n "$core" ] || old "LibreOffice $version has no $UI_FILE and is not a Debian package"
why=""
can_apt || old "LibreOffice $version lacks libreoffice-uiconfig-writer, and $why"
apt install -y --no-install-recommends "libreoffice-uiconfig-writer=$core" \
  || { apt update && apt install -y --no-install-recommends "libreoffice-uiconfig-writer=$core"; } \
  || old "apt-get install libreoffice-uiconfig-writer=$core failed (log: $LOG)"
margin_ready || old "LibreOffice $version still has no $UI_FILE (log: $LOG)"
exit 0
