/** One case at one scale: set up in a fresh folder, run, check, compare with a normal document. */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {baseline, runCli} from './harness.js'
import type {Case, Scale} from './cases.js'

export interface CaseResult {
  name: string
  group: string
  expect: string
  ok: boolean
  skipped?: string
  error?: string
  wallMs: number
  cpuMs: number
  rssMb: number
  /** CPU time and peak memory over those of a normal document of the same size (when the case has one). */
  cpuRatio?: number
  rssRatio?: number
  /** The ratio or memory limits the case failed, if any. */
  limits: string[]
}

export function runCase(c: Case, scale: Scale, timeoutMs = scale === 'test' ? 90_000 : 120_000): CaseResult {
  const dir = mkdtempSync(join(tmpdir(), 'rl-adv-'))
  const base = {name: c.name, group: c.group, expect: c.expect, wallMs: NaN, cpuMs: NaN, rssMb: NaN, limits: [] as string[]}
  try {
    const setup = c.setup(dir, scale)
    if (setup.skip) return {...base, ok: true, skipped: setup.skip}
    let r
    try {
      r = runCli(setup.args, {cwd: dir, env: setup.env, input: setup.input, stdinPath: setup.stdinPath, timeoutMs})
    } finally {
      setup.cleanup?.()
    }
    const result: CaseResult = {...base, ok: true, wallMs: r.wallMs, cpuMs: r.cpuMs, rssMb: r.maxRssMb}
    try {
      setup.check(r, dir)
    } catch (error) {
      result.ok = false
      result.error = String((error as Error).message).split('\n').slice(0, 4).join(' ')
    }
    if (setup.size) {
      const b = baseline(setup.size.bytes, setup.size.kind, timeoutMs)
      result.cpuRatio = r.cpuMs / b.cpuMs
      result.rssRatio = r.maxRssMb / b.maxRssMb
      if (setup.ratio?.cpu && !(result.cpuRatio <= setup.ratio.cpu)) result.limits.push(`CPU ${result.cpuRatio.toFixed(1)}× a normal document (limit ${setup.ratio.cpu}×)`)
      if (setup.ratio?.rss && !(result.rssRatio <= setup.ratio.rss)) result.limits.push(`memory ${result.rssRatio.toFixed(1)}× a normal document (limit ${setup.ratio.rss}×)`)
    }
    if (scale === 'stress' && setup.maxRssMb && !(r.maxRssMb <= setup.maxRssMb)) result.limits.push(`peak memory ${Math.round(r.maxRssMb)} MB (limit ${setup.maxRssMb} MB)`)
    if (result.limits.length > 0) result.ok = false
    return result
  } catch (error) {
    return {...base, ok: false, error: `setup failed: ${(error as Error).message}`}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
