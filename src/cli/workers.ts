/**
 * Reviewing one file (read, review, fix), in this thread or in a pool of worker
 * threads. Large batches use every core: the worker entry is the bundled CLI
 * itself (dist/cli.cjs), started with workerData marking it a worker.
 */
import {writeFileSync} from 'node:fs'
import {Worker} from 'node:worker_threads'
import {createTwoFilesPatch} from 'diff'
import {ConfigError, RulePackError} from '../core/index.js'
import {fixDocument, loadDocument, reviewDocument, type DocumentKind, type Reviewed} from '../node/documents.js'
import {Project, type ProjectOptions} from '../node/project.js'
import {writeReviewedDocx} from '../node/docx.js'
import type {Finding} from '../core/index.js'
import {DocumentError} from '../node/read-document.js'

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
  wrote?: {path: string; comments: number; changes: number; notChanged: number}
}

const REPORT_MARK = '<meta name="generator" content="recovery-lint report">'

export function describeError(name: string, error: unknown): string {
  if (error instanceof DocumentError || error instanceof ConfigError || error instanceof RulePackError) return error.message.split('\n')[0]
  return `${name}: cannot review: ${String((error as Error)?.message ?? error).split('\n')[0]}`
}

export async function processJob(project: Project, job: Job): Promise<Outcome> {
  try {
    const reviewer = project.reviewerFor(job.path)
    const doc = await loadDocument(job.path, job.name, job.kind)
    if (job.kind === 'html' && doc.text.slice(0, 2000).includes(REPORT_MARK)) return {id: job.id, skipped: true}
    const reviewed = reviewDocument(reviewer, doc)
    if (job.kind === 'docx' && job.docxOut && doc.docx) {
      const keep = (f: Finding) =>
        (!job.keep?.errorsOnly || f.severity === 'error') && (!job.keep?.rules?.length || job.keep.rules.includes(f.ruleId)) && (!job.keep?.categories?.length || job.keep.categories.includes(f.category))
      const kept = reviewed.findings.map((f, i) => [f, reviewed.places?.[i] ?? ''] as const).filter(([f]) => keep(f))
      let copy
      try {
        copy = writeReviewedDocx(job.name, doc.docx, kept.map(([f]) => f), kept.map(([, p]) => p), reviewer, job.docxOut, {trackChanges: job.trackChanges === true})
      } catch (error) {
        return {id: job.id, reviewed, problem: describeError(job.name, error)}
      }
      return {id: job.id, reviewed, wrote: {path: job.docxOut, comments: copy.comments, changes: copy.changes, notChanged: copy.notChanged}}
    }
    if (job.fix === 'none' || job.kind === 'docx') return {id: job.id, reviewed}
    // Re-encoding invalid UTF-8 would change bytes far from any fix: leave such a file alone.
    if (!doc.lossless) return {id: job.id, reviewed, problem: `${job.name}: not valid UTF-8 text, so it was not fixed`}
    const fixed = fixDocument(reviewer, doc, reviewed)
    if (fixed.applied === 0) return {id: job.id, reviewed}
    if (job.fix === 'write') {
      try {
        writeFileSync(job.path, (doc.bom ? '\ufeff' : '') + fixed.text)
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
 * Run jobs over `size` workers started from `entry`. Jobs go out one at a time
 * per worker (documents differ a lot in size). Resolves when every job is done.
 */
export function runPool(entry: string, size: number, init: WorkerInit, jobs: Job[], onOutcome: (o: Outcome) => void): Promise<void> {
  return new Promise((resolveAll, rejectAll) => {
    let next = 0
    let done = 0
    let failed = false
    if (jobs.length === 0) return resolveAll()
    const workers: Worker[] = []
    const feed = (worker: Worker) => {
      if (next < jobs.length) worker.postMessage(jobs[next++])
      else worker.postMessage(null)
    }
    for (let i = 0; i < Math.min(size, jobs.length); i++) {
      const worker = new Worker(entry, {workerData: init, stdout: false, stderr: false, resourceLimits: {maxYoungGenerationSizeMb: 64}})
      workers.push(worker)
      worker.on('message', (outcome: Outcome) => {
        onOutcome(outcome)
        done++
        if (done === jobs.length) {
          for (const w of workers) w.postMessage(null)
          resolveAll()
        } else feed(worker)
      })
      worker.on('error', (error) => {
        if (failed) return
        failed = true
        for (const w of workers) void w.terminate()
        rejectAll(error)
      })
      feed(worker)
    }
  })
}
