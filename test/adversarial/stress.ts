/**
 * npm run stress: every adversarial case at the sizes of issue 12, one at a
 * time, with its outcome, wall-clock and CPU time, peak memory, and CPU and
 * memory as ratios to a normal document of the same size measured in the same
 * run. Prints a table, then one JSON line. Exit 1 when a case fails.
 *
 *   npm run stress                 all cases
 *   npm run stress -- deep list    only cases whose name contains one of the words
 */
import {buildCli} from '../cli/helpers.js'
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
