// Whole processes, as a user or an editor starts them: the CLI and alex's CLI on
// a file, node's own start-up, and the language server from process start to its
// first publishDiagnostics over stdio. Used by bench/run.mjs.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node'

const root = fileURLToPath(new URL('..', import.meta.url))
const cpuAtExit = join(root, 'bench', 'cpu-at-exit.cjs')

/**
 * One run of `node ...args`: wall-clock time from spawn to exit, and the process's
 * own CPU time (user + system, every thread), which it reports at exit.
 */
export function timeProcess(args, cwd = root) {
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-'))
  const cpuFile = join(dir, 'cpu')
  const t0 = performance.now()
  const r = spawnSync(process.execPath, ['--require', cpuAtExit, ...args], {cwd, env: {...process.env, BENCH_CPU_FILE: cpuFile, NO_COLOR: '1'}, maxBuffer: 1 << 28, encoding: 'utf8'})
  const wall = performance.now() - t0
  let cpu = NaN
  try {
    cpu = Number(readFileSync(cpuFile, 'utf8').trim().split('\n')[0])
  } catch {
    // the process died before its exit handler
  }
  rmSync(dir, {recursive: true, force: true})
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`)
  return {cpu, wall, stdout: r.stdout}
}

/** A process's CPU time so far (user + system, ms) from /proc (Linux), or NaN. */
function procCpuMs(pid) {
  try {
    // Fields after the command name: state is field 3; utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

/**
 * The language server as an editor starts it (`node dist/server.cjs --stdio`):
 * initialize, initialized, open the document; the time from spawn to the first
 * publishDiagnostics for it (for a long document: its first slices), by the wall
 * clock and in the server's own CPU time at that moment (10 ms ticks; NaN off Linux).
 */
export async function serverFirstDiagnostics(text, serverPath = join(root, 'dist', 'server.cjs')) {
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-ws-'))
  const uri = pathToFileURL(join(dir, 'handbook.md')).href
  const t0 = performance.now()
  const child = spawn(process.execPath, [serverPath, '--stdio'], {stdio: ['pipe', 'pipe', 'ignore']})
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  try {
    const first = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics within 60 s')), 60_000)
      rpc.onNotification('textDocument/publishDiagnostics', (p) => {
        if (p.uri !== uri) return
        clearTimeout(timer)
        resolve({ms: performance.now() - t0, cpu: procCpuMs(child.pid), diagnostics: p.diagnostics.length})
      })
    })
    rpc.onRequest('workspace/configuration', (p) => p.items.map(() => ({})))
    rpc.onRequest('client/registerCapability', () => null)
    rpc.onNotification('window/logMessage', () => {})
    rpc.listen()
    await rpc.sendRequest('initialize', {
      processId: null,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'bench'}],
      capabilities: {workspace: {configuration: true, workspaceFolders: true}},
      initializationOptions: {trusted: true}
    })
    void rpc.sendNotification('initialized', {})
    void rpc.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
    return await first
  } finally {
    rpc.dispose()
    child.kill()
    rmSync(dir, {recursive: true, force: true})
  }
}

/** Sizes of the shipped files, in KB. */
export function bundleKb() {
  const kb = (file) => Math.round(statSync(join(root, 'dist', file)).size / 1024)
  return {cli: kb('cli-bundle.cjs'), server: kb('server-bundle.cjs'), extension: kb('extension.cjs'), 'web-extension': kb('web-extension.cjs'), rules: kb('rules.json')}
}

/** Build the production bundles and package the .vsix as `npm run package` does; its size in KB (and the file, with `keep`). */
export function packageVsix({keep = false} = {}) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], {cwd: root, encoding: 'utf8'})
  if (build.status !== 0) throw new Error(`production build failed: ${build.stderr}`)
  const dir = mkdtempSync(join(tmpdir(), 'rl-vsix-'))
  const out = join(dir, 'recovery-lint.vsix')
  const vsce = spawnSync(process.execPath, ['scripts/package.mjs', '--out', out], {cwd: root, encoding: 'utf8'})
  if (vsce.status !== 0) throw new Error(`packaging failed: ${vsce.stderr || vsce.stdout}`)
  const kb = Math.round(statSync(out).size / 1024)
  const files = (vsce.stdout.match(/(\d+) files/) ?? [])[1]
  if (!keep) rmSync(dir, {recursive: true, force: true})
  return {kb, files: files ? Number(files) : undefined, ...(keep ? {path: out, cleanup: () => rmSync(dir, {recursive: true, force: true})} : {})}
}

/**
 * The first squiggle in a real VS Code (code-server, the packaged .vsix installed as a user would): from the
 * document shown to its first squiggle on first start and after window reloads (test/vscode/e2e-ui.mjs).
 * Undefined when code-server is not installed (bash scripts/setup-vscode-test.sh) or the run failed.
 */
export function firstSquiggle(vsixPath, reloads = 3) {
  if (!existsSync(join(root, '.cache', 'code-server'))) return undefined
  const dir = mkdtempSync(join(tmpdir(), 'rl-squiggle-'))
  const timing = join(dir, 'timing.json')
  try {
    spawnSync(process.execPath, ['test/vscode/e2e-ui.mjs', '--vsix', vsixPath, '--workspace', 'test/vscode/workspace', '--file', 'policy.md', '--reloads', String(reloads), '--timing', timing], {cwd: root, encoding: 'utf8'})
    return existsSync(timing) ? JSON.parse(readFileSync(timing, 'utf8')) : undefined
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
