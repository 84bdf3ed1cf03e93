/**
 * Reviewing one file (read, review, fix), in this thread or in a pool of worker
 * threads. Large batches use every core: the worker entry is the bundled CLI
 * itself (dist/cli.cjs), started with workerData marking it a worker.
 */
import {fork, type ChildProcess} from 'node:child_process'
import {createTwoFilesPatch} from 'diff'
import {ConfigError, RulePackError} from '../core/index.js'
import {fixDocument, loadDocument, reviewDocument, type DocumentKind, type Reviewed} from '../node/documents.js'
import {Project, type ProjectOptions} from '../node/project.js'
import {writeReviewedDocx} from '../node/docx.js'
import type {Finding} from '../core/index.js'
import {DocumentError} from '../node/read-document.js'
import {REPORT_MARK, writeFileAtomic} from '../node/safe-write.js'

export type FixMode = 'none' | 'write' | 'dry-run'

export interface Job {
  id: number
  path: string
  name: string
  kind: DocumentKind
  fix: FixMode
  /** Word: write the reviewed copy (comments, and with trackChanges the safe fixes) here. */
  docxOut?: string
  trackChanges?: boolean
  /** Word: a note's comment on its words inside the note, not on its reference mark. */
  commentsInNotes?: boolean
  /** The report's filters (--rule, --category, --quiet): the copy comments on what is reported. */
  keep?: {rules?: string[]; categories?: string[]; errorsOnly?: boolean}
}

export interface Outcome {
  id: number
  reviewed?: Reviewed
  /** One line: why the file could not be reviewed (or fixed). */
  problem?: string
  /** Fixes applied (or, in a dry run, that would be). */
  applied?: number
  /** --fix-dry-run: the unified diff. */
  diff?: string
  /** Not a document to review (one of our own HTML reports). */
  skipped?: boolean
  /** The reviewed Word copy written. */
  wrote?: {path: string; comments: number; changes: number; notChanged: number; alreadyCommented: number}
}

export function describeError(name: string, error: unknown): string {
  if (error instanceof DocumentError || error instanceof ConfigError || error instanceof RulePackError) return error.message.split('\n')[0]
  return `${name}: cannot review: ${String((error as Error)?.message ?? error).split('\n')[0]}`
}

/** The line for a document reviewed despite invalid UTF-8. */
export const reviewedAnyway = (warning: string) => `${warning}; reviewed with U+FFFD in place of the invalid bytes`

export async function processJob(project: Project, job: Job): Promise<Outcome> {
  try {
    const reviewer = project.reviewerFor(job.path)
    const doc = await loadDocument(job.path, job.name, job.kind)
    if (job.kind === 'html' && doc.text.slice(0, 2000).includes(REPORT_MARK)) return {id: job.id, skipped: true}
    const reviewed = reviewDocument(reviewer, doc)
    // Reviewed, but the user must hear about it (invalid UTF-8 read with U+FFFD).
    const warning = doc.warning
    if (job.kind === 'docx' && job.docxOut && doc.docx) {
      const keep = (f: Finding) =>
        (!job.keep?.errorsOnly || f.severity === 'error') && (!job.keep?.rules?.length || job.keep.rules.includes(f.ruleId)) && (!job.keep?.categories?.length || job.keep.categories.includes(f.category))
      const kept = reviewed.findings.map((f, i) => [f, reviewed.places?.[i] ?? ''] as const).filter(([f]) => keep(f))
      let copy
      try {
        copy = writeReviewedDocx(job.name, doc.docx, kept.map(([f]) => f), kept.map(([, p]) => p), reviewer, job.docxOut, {trackChanges: job.trackChanges === true, commentsInNotes: job.commentsInNotes === true})
      } catch (error) {
        return {id: job.id, reviewed, problem: describeError(job.name, error)}
      }
      return {id: job.id, reviewed, wrote: {path: job.docxOut, comments: copy.comments, changes: copy.changes, notChanged: copy.notChanged, alreadyCommented: copy.alreadyCommented}}
    }
    if (job.fix === 'none' || job.kind === 'docx') return {id: job.id, reviewed, problem: warning && reviewedAnyway(warning)}
    // Re-encoding invalid UTF-8 (or UTF-16) would change bytes far from any fix: leave such a file alone.
    if (!doc.lossless) return {id: job.id, reviewed, problem: `${warning ?? `${job.name}: not UTF-8 text`}, so it was not fixed`}
    const fixed = fixDocument(reviewer, doc, reviewed)
    if (fixed.applied === 0) return {id: job.id, reviewed}
    if (job.fix === 'write') {
      try {
        writeFileAtomic(job.path, (doc.bom ? '\ufeff' : '') + fixed.text)
      } catch (error) {
        return {id: job.id, reviewed, problem: `${job.name}: cannot write the fixes: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`}
      }
      return {id: job.id, reviewed: fixed.reviewed, applied: fixed.applied}
    }
    const label = job.name.split('\\').join('/')
    const diff = createTwoFilesPatch(`a/${label}`, `b/${label}`, doc.text, fixed.text, undefined, undefined, {context: 3})
    // The headers the diff package adds ("=====" line) are dropped: plain unified diff.
    return {id: job.id, reviewed: fixed.reviewed, applied: fixed.applied, diff: diff.replace(/^=+\n/m, '')}
  } catch (error) {
    return {id: job.id, problem: describeError(job.name, error)}
  }
}

export interface WorkerInit {
  recoveryLintWorker: true
  project: ProjectOptions
}

/** The worker side: review the jobs the main thread sends, one at a time. */
export function workerMain(port: {on(event: 'message', fn: (job: Job | null) => void): void; postMessage(o: Outcome): void}, init: WorkerInit, exit: () => void) {
  const project = new Project(init.project)
  port.on('message', (job) => {
    if (job === null) return exit()
    processJob(project, job).then((outcome) => port.postMessage(outcome))
  })
}

/**
 * Heap limit of one worker process: a document that needs more is reported, and the
 * batch goes on. RECOVERY_LINT_WORKER_HEAP_MB changes it (the tests use a small one).
 */
export const WORKER_HEAP_MB = Number(process.env.RECOVERY_LINT_WORKER_HEAP_MB) || 1024

/** Marks a child process started as a worker (src/cli/index.ts). */
export const WORKER_ENV = 'RECOVERY_LINT_WORKER'

/**
 * Run jobs over `size` worker processes started from `entry` (the bundled CLI).
 * Jobs go out one at a time per worker (documents differ a lot in size).
 * Resolves when every job is done.
 *
 * Workers are child processes, each with its own heap limit, not threads: V8 may
 * abort a whole process when one of its threads reaches a heap limit (Node issue
 * 47224), so only a process boundary keeps a run alive whatever one document
 * does. A worker that dies while reviewing a file (out of memory, or any crash)
 * costs only that file: it is reported in one line, never retried, and a new
 * worker takes the remaining jobs. Only a worker that fails before reviewing
 * anything (it cannot start) rejects, so the caller can go on without workers.
 */
export function runPool(
  entry: string,
  size: number,
  init: WorkerInit,
  jobs: Job[],
  onOutcome: (o: Outcome) => void,
  heapMb = WORKER_HEAP_MB
): Promise<void> {
  return new Promise((resolveAll, rejectAll) => {
    let next = 0
    let done = 0
    let settled = false
    let restarts = 0
    const live = new Set<ChildProcess>()
    if (jobs.length === 0) return resolveAll()
    const settle = (error?: Error) => {
      if (settled) return
      settled = true
      for (const child of live) {
        if (error) child.kill()
        else if (child.connected) child.send({job: null})
      }
      if (error) rejectAll(error)
      else resolveAll()
    }
    const start = () => {
      const child = fork(entry, [], {
        execArgv: [`--max-old-space-size=${heapMb}`],
        env: {...process.env, [WORKER_ENV]: '1'},
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced'
      })
      live.add(child)
      let current: Job | undefined
      let reviewed = 0
      let gone = false
      // The end of what the worker wrote on stderr: V8's word for why it stopped.
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-4096)
      })
      const feed = () => {
        current = next < jobs.length ? jobs[next++] : undefined
        if (child.connected) child.send({job: current ?? null})
        if (!current) live.delete(child)
      }
      child.on('message', (outcome: Outcome) => {
        current = undefined
        reviewed++
        onOutcome(outcome)
        if (++done === jobs.length) settle()
        else feed()
      })
      const lost = (why: string, outOfMemory: boolean) => {
        if (gone || settled) return
        gone = true
        live.delete(child)
        child.kill()
        if (reviewed === 0 && !outOfMemory && restarts === 0) return settle(new Error(why))
        if (current) {
          onOutcome({id: current.id, problem: `${current.name}: cannot review: ${why}`})
          current = undefined
          if (++done === jobs.length) return settle()
        }
        // A new worker for the jobs left (bounded: each restart follows a job given up).
        if (next < jobs.length && restarts++ < jobs.length) start()
        else if (live.size === 0 && done < jobs.length) settle(new Error(why))
      }
      child.on('error', (error) => lost(`the worker failed (${String(error?.message ?? error).split('\n')[0]})`, false))
      child.on('exit', (code, signal) => {
        if (!current && (code === 0 || settled)) return
        const oom = /heap out of memory|Allocation failed|Reached heap limit/i.test(stderr)
        lost(oom ? `ran out of memory (a worker may use ${heapMb} MB)` : `the worker stopped (${signal ?? `exit code ${code}`})`, oom)
      })
      child.send({init})
      feed()
    }
    for (let i = 0; i < Math.min(size, jobs.length); i++) start()
  })
}

/** The worker process side (src/cli/index.ts): first `{init}`, then `{job}` messages (`{job: null}`: stop). */
export function workerProcessMain() {
  let port: ((job: Job | null) => void) | undefined
  process.on('message', (message: {init?: WorkerInit; job?: Job | null}) => {
    if (message.init) {
      workerMain({on: (_event, fn) => (port = fn), postMessage: (o) => process.send?.(o)}, message.init, () => process.disconnect())
    } else port?.(message.job ?? null)
  })
}
