#!/usr/bin/env bash
# Installs what the Word (.docx) round-trip tests need, idempotently: LibreOffice Writer without a GUI
# (`soffice --headless`: makes fixtures, opens reviewed documents, prints them to PDF) and poppler-utils
# (`pdftoppm`: a PDF page to PNG). Skipped when both are present. Another process may hold apt's lock:
# we wait for it (up to 10 minutes) rather than fail.
#
# Usage: bash scripts/setup-libreoffice.sh
# Env:   SKIP_APT=1   do not touch apt (fail if a package is missing)
# Exit:  0 ready; 1 with a one-line reason on stderr.
set -uo pipefail

APT_PKGS=(libreoffice-writer-nogui poppler-utils)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${VSCODE_TEST_CACHE:-$ROOT/.cache}
LOG=$CACHE/setup-libreoffice.log
mkdir -p "$CACHE" || { echo "setup-libreoffice: FAILED: cannot create $CACHE" >&2; exit 1; }
fail() { echo "setup-libreoffice: FAILED: $* (log: $LOG)" >&2; exit 1; }

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "${SKIP_APT:-}" = 1 ] && fail "missing Debian packages and SKIP_APT=1: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo; install: ${missing[*]}"
    SUDO=(sudo -n)
  fi
  : > "$LOG"
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update >> "$LOG" 2>&1 || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >> "$LOG" 2>&1 \
    || fail "apt-get install ${missing[*]} failed"
  echo "setup-libreoffice: installed ${missing[*]}"
fi
command -v soffice >/dev/null 2>&1 || fail "soffice missing after apt"
command -v pdftoppm >/dev/null 2>&1 || fail "pdftoppm missing after apt"
exit 0
