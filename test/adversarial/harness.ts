/**
 * Running one adversarial case: the built CLI in a child process under a time
 * limit, with its CPU time and peak memory measured (measure.cjs), and the same
 * for a normal document of the same size and format, so each case's cost is
 * judged as a ratio to ordinary work measured in the same run.
 */
import {spawnSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {CLI, ROOT} from '../cli/helpers.js'

const MEASURE = fileURLToPath(new URL('./measure.cjs', import.meta.url))

export interface Measured {
  code: number | null
  stdout: string
  stderr: string
  wallMs: number
  /** CPU time of the process (user + system); NaN when it was killed. */
  cpuMs: number
  maxRssMb: number
  timedOut: boolean
}

export interface RunOptions {
  cwd: string
  env?: Record<string, string>
  timeoutMs?: number
  input?: string
  /** A file (or device) to read standard input from. */
  stdinPath?: string
}

export function runCli(args: string[], options: RunOptions): Measured {
  const out = join(mkdtempSync(join(tmpdir(), 'rl-measure-')), 'usage.json')
  const started = Date.now()
  const stdin = options.stdinPath ? openSync(options.stdinPath, 'r') : undefined
  const r = spawnSync(process.execPath, ['--require', MEASURE, CLI, ...args], {
    cwd: options.cwd,
    input: options.input,
    stdio: [stdin ?? 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 30,
    env: {...process.env, NO_COLOR: '1', RL_MEASURE_OUT: out, ...options.env}
  })
  const wallMs = Date.now() - started
  if (stdin !== undefined) closeSync(stdin)
  let usage = {cpuMs: NaN, maxRssMb: NaN}
  try {
    usage = JSON.parse(readFileSync(out, 'utf8'))
  } catch {
    // Killed: no usage written.
  }
  rmSync(join(out, '..'), {recursive: true, force: true})
  const timedOut = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT'
  return {code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', wallMs, ...usage, timedOut}
}

export type Kind = 'md' | 'txt' | 'html'

let units: string[] | undefined

/** Service-document paragraphs (the bench's), for normal documents of any size. */
function paragraphs(): string[] {
  units ??= readdirSync(join(ROOT, 'bench', 'paragraphs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'bench', 'paragraphs', f), 'utf8').trim())
  return units
}

/** A normal document of about `bytes` bytes: the bench's paragraphs, round after round. */
export function normalDocument(bytes: number, kind: Kind): string {
  const parts: string[] = []
  let size = 0
  for (let round = 0; size < bytes; round++) {
    for (const p of paragraphs()) {
      const unit = kind === 'html' ? `<section>\n${p.split(/\n{2,}/).map((b) => `<p>${b.replace(/[<>&]/g, ' ')}</p>`).join('\n')}\n</section>` : p
      parts.push(unit)
      size += unit.length + 2
      if (size >= bytes) break
    }
  }
  const body = parts.join('\n\n') + '\n'
  return kind === 'html' ? `<!DOCTYPE html>\n<html><head><title>Handbook</title></head><body>\n${body}</body></html>\n` : body
}

const baselines = new Map<string, Measured>()

/** The CLI on a normal document of the same size and format (measured once per size bucket). */
export function baseline(bytes: number, kind: Kind, timeoutMs: number): Measured {
  // Buckets of half powers of two from 16 KB (within 19 % of the size): close enough, and few runs.
  const bucket = Math.round(Math.max(16 * 1024, 2 ** (Math.round(2 * Math.log2(Math.max(1, bytes))) / 2)))
  const key = `${kind}:${bucket}`
  let m = baselines.get(key)
  if (!m) {
    const dir = mkdtempSync(join(tmpdir(), 'rl-baseline-'))
    writeFileSync(join(dir, '.recoverylintrc.json'), '{"root": true}')
    writeFileSync(join(dir, `doc.${kind}`), normalDocument(bucket, kind))
    m = runCli(['-f', 'json', `doc.${kind}`], {cwd: dir, timeoutMs})
    rmSync(dir, {recursive: true, force: true})
    baselines.set(key, m)
  }
  return m
}

/** Findings per file from a JSON report (undefined when stdout is not one). */
export function report(stdout: string): Array<{file: string; findings: Array<{ruleId: string; line: number; column: number; text: string; message: string}>}> | undefined {
  try {
    return JSON.parse(stdout)
  } catch {
    return undefined
  }
}
