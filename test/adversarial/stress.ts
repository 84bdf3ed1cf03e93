/**
 * npm run stress: every adversarial case at the sizes of issue 12, one at a
 * time, with its outcome, wall-clock and CPU time, peak memory, and CPU and
 * memory as ratios to a normal document of the same size measured in the same
 * run. Prints a table, then one JSON line. Exit 1 when a case fails.
 *
 *   npm run stress                 all cases
 *   npm run stress -- deep list    only cases whose name contains one of the words
 *   npm run stress -- server       only the language server's cases (over stdio, a 20 MB document, 200 000 findings)
 */
import {spawnSync} from 'node:child_process'
import {buildCli, ROOT} from '../cli/helpers.js'
import {CASES} from './cases.js'
import {runCase, type CaseResult} from './run-case.js'

buildCli()
const filters = process.argv.slice(2).map((a) => a.toLowerCase())
const cases = CASES.filter((c) => filters.length === 0 || filters.some((f) => c.name.toLowerCase().includes(f)))
const results: CaseResult[] = []
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n))
const num = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-')
console.log(`${pad('case', 44)} ${pad('result', 7)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'MB'.padStart(6)} ${'cpu×'.padStart(6)} ${'mem×'.padStart(6)}`)
for (const c of cases) {
  const r = runCase(c, 'stress')
  results.push(r)
  const status = r.skipped ? 'skip' : r.ok ? 'ok' : 'FAIL'
  console.log(
    `${pad(`${c.group}: ${c.name}`, 44)} ${pad(status, 7)} ${num(r.wallMs / 1000).padStart(7)} ${num(r.cpuMs / 1000).padStart(7)} ${num(r.rssMb, 0).padStart(6)} ${(r.cpuRatio === undefined ? '' : num(r.cpuRatio)).padStart(6)} ${(r.rssRatio === undefined ? '' : num(r.rssRatio)).padStart(6)}`
  )
  if (r.skipped) console.log(`    skipped: ${r.skipped}`)
  for (const why of [r.error, ...r.limits].filter(Boolean)) console.log(`    ${why}`)
}
// The language server's cases (test/server/hostile-*.test.ts) through the real server over stdio, the large document
// at 20 MB, the document of nothing but findings at 200 000 of them (4 MB).
if (filters.length === 0 || filters.some((f) => 'server'.includes(f))) {
  const files = ['test/server/hostile-client.test.ts', 'test/server/hostile-documents.test.ts']
  const tap = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {cwd: ROOT, encoding: 'utf8', env: {...process.env, RL_SERVER_BIG_MB: '20', RL_SERVER_FINDINGS: '200000'}, maxBuffer: 1 << 26})
  const server: Array<CaseResult & {notes: string[]}> = []
  for (const m of tap.stdout.matchAll(/^ {4}(not )?ok \d+ - (.*)\n(?:[^\n]*\n){0,2}? {6}duration_ms: ([\d.]+)/gm)) {
    const r = {name: m[2], group: 'server', expect: m[2], ok: !m[1], wallMs: Number(m[3]), cpuMs: NaN, rssMb: NaN, limits: [], notes: [] as string[]}
    if (!r.ok) (r as CaseResult).error = /error: '?([^\n]*)/.exec(tap.stdout.slice(m.index! + m[0].length))?.[1]
    server.push(r)
  }
  // A test's diagnostics (the server's peak memory) follow its result.
  let last: (typeof server)[number] | undefined
  for (const line of tap.stdout.split('\n')) {
    const name = /^ {4}(?:not )?ok \d+ - (.*)$/.exec(line)?.[1]
    if (name !== undefined) last = server.find((r) => r.name === name)
    const note = /^ {4}# (.*server peak (\d+) MB.*)$/.exec(line)
    if (!note || !last) continue
    last.notes.push(note[1])
    last.rssMb = Number(note[2])
  }
  for (const {notes, ...r} of server) {
    results.push(r)
    console.log(`${pad(`server: ${r.name}`, 44)} ${pad(r.ok ? 'ok' : 'FAIL', 7)} ${num(r.wallMs / 1000).padStart(7)} ${''.padStart(7)} ${num(r.rssMb, 0).padStart(6)}`)
    for (const why of [r.error, ...notes].filter(Boolean)) console.log(`    ${why}`)
  }
}
const run = results.filter((r) => !r.skipped)
const summary = {
  cases: results.length,
  passed: run.filter((r) => r.ok).length,
  failed: run.filter((r) => !r.ok).length,
  skipped: results.length - run.length,
  maxWallMs: Math.round(Math.max(0, ...run.map((r) => r.wallMs).filter(Number.isFinite))),
  maxRssMb: Math.round(Math.max(0, ...run.map((r) => r.rssMb).filter(Number.isFinite))),
  maxCpuRatio: Number(Math.max(0, ...run.map((r) => r.cpuRatio ?? 0).filter(Number.isFinite)).toFixed(2)),
  results: results.map((r) => ({
    name: r.name,
    ok: r.ok,
    ...(r.skipped ? {skipped: r.skipped} : {}),
    wallMs: Math.round(r.wallMs),
    cpuMs: Math.round(r.cpuMs),
    rssMb: Math.round(r.rssMb),
    ...(r.cpuRatio !== undefined ? {cpuRatio: Number(r.cpuRatio.toFixed(2)), rssRatio: Number(r.rssRatio!.toFixed(2))} : {})
  }))
}
console.log(JSON.stringify(summary))
process.exitCode = summary.failed > 0 ? 1 : 0
