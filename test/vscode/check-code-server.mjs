// Checks that the installed code-server really works (used by scripts/setup-vscode-test.sh; runs on Node 20):
//  1. every native module built under code-server (build/Release/*.node) loads in Node 24;
//  2. a started code-server serves the workbench page, i.e. VS Code's server module loaded.
// Exit 0 = ok, 1 = broken (reason on stderr).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_NODE, InfraError, makeSandbox, sleep, startCodeServer,
} from './lib/code-server.mjs';

function findNativeModules(dir, out = []) {
  let entries;
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findNativeModules(p, out);
    // build/Release/*.node, minus intermediate copies and the Windows-only modules (built as empty stubs here)
    else if (e.name.endsWith('.node') && /[/\\]build[/\\]Release[/\\][^/\\]+$/.test(p) && !/windows|winreg/i.test(p)) out.push(p);
  }
  return out;
}

async function main() {
  for (const p of [CODE_SERVER_NODE, CODE_SERVER_ENTRY]) if (!fs.existsSync(p)) throw new InfraError(`missing ${p}`);
  const v = spawnSync(CODE_SERVER_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!/^v24\./.test(v)) throw new InfraError(`${CODE_SERVER_NODE} is ${v || 'not runnable'}, need v24`);

  // 1. native modules (code-server's own deps are hoisted next to it: search the whole prefix)
  const prefixModules = path.resolve(CODE_SERVER_DIR, '..');
  const natives = findNativeModules(prefixModules);
  if (natives.length < 3) throw new InfraError(`only ${natives.length} native modules built under ${prefixModules}`);
  const r = spawnSync(CODE_SERVER_NODE, ['-e', `
    const bad = [];
    for (const f of JSON.parse(process.argv[1])) { try { require(f); } catch (e) { bad.push(f + ': ' + e.message.split('\\n')[0]); } }
    if (bad.length) { console.error(bad.join('\\n')); process.exit(1); }`, JSON.stringify(natives)], { encoding: 'utf8' });
  if (r.status !== 0) throw new InfraError(`native modules do not load in Node 24:\n${r.stderr}`);
  console.log(`native modules load in Node ${v}: ${natives.length}`);
  for (const n of natives) console.log('  ' + path.relative(prefixModules, n));
  // the packages VS Code's server and code-server require, resolved as they resolve them (prebuilds included)
  const named = spawnSync(CODE_SERVER_NODE, ['-e', `
    const { createRequire } = require('module');
    const bad = [];
    const check = (from, names) => { const req = createRequire(from); for (const n of names) { try { req(n); } catch (e) { bad.push(n + ': ' + e.message.split('\\n')[0]); } } };
    check(process.argv[1], ['@vscode/spdlog', 'node-pty', '@parcel/watcher', 'kerberos', '@vscode/sqlite3', '@vscode/native-watchdog']);
    check(process.argv[2], ['argon2']);
    if (bad.length) { console.error(bad.join('\\n')); process.exit(1); }`,
  path.join(CODE_SERVER_DIR, 'lib/vscode/package.json'), path.join(CODE_SERVER_DIR, 'package.json')], { encoding: 'utf8' });
  if (named.status !== 0) throw new InfraError(`packages do not load in Node 24:\n${named.stderr}`);
  console.log('spdlog, node-pty, @parcel/watcher, kerberos, sqlite3, native-watchdog, argon2 load');

  // 2. the workbench page
  const sb = makeSandbox('cs-check-');
  let cs;
  try {
    cs = await startCodeServer(sb, {});
    const res = await fetch(`http://${cs.authority}/?folder=${encodeURIComponent(sb.tmp)}`);
    const body = await res.text();
    await sleep(300);
    if (/error\s+CodeServerRouteWrapper/.test(cs.log())) throw new InfraError(`VS Code server failed to load:\n${cs.log().slice(-2000)}`);
    if (res.status !== 200 || !/workbench/i.test(body)) throw new InfraError(`GET / answered ${res.status} without a workbench page:\n${body.slice(0, 500)}`);
    const version = spawnSync(CODE_SERVER_NODE, [CODE_SERVER_ENTRY, '--config', sb.config, '--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`workbench page served (${body.length} bytes); code-server --version: ${version}`);
  } finally {
    if (cs) await cs.stop();
    fs.rmSync(sb.tmp, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), e => {
  console.error(`check-code-server: ${e instanceof InfraError ? e.message : e.stack}`);
  process.exit(1);
});
