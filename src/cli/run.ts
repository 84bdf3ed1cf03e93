/**
 * The command line: argv → documents → review → report → exit code.
 *   0  no finding of severity warning or error
 *   1  at least one
 *   2  it could not do its job (bad arguments, unreadable file, invalid config)
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {basename, isAbsolute, join, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {CATEGORIES, categoriesOf, CONFIG_NAMES, enableHtml, isFixable, PROFILES, REGIONS, starterConfigText, type CategoryId, type Finding, type Profile, type Region, type Rule} from '../core/index.js'
import {builtinPacks, packageRoot} from '../node/builtin-rules.js'
import {ReviewCache} from '../node/cache.js'
import {decodeAny, fixDocument, kindFor, reviewDocument, type Reviewed} from '../node/documents.js'
import {expandPaths} from '../node/files.js'
import {readBytes} from '../node/read-document.js'
import {canonicalPath, outputConflict, writeFileAtomic} from '../node/safe-write.js'
import {REVIEW_LIMIT_RULE} from '../core/index.js'
import {Project, type ProjectOptions} from '../node/project.js'
import {formatGithub} from './format/github.js'
import {formatHtml} from './format/html.js'
import {formatJson} from './format/json.js'
import {formatSarif} from './format/sarif.js'
import {colours, formatStylish, plain} from './format/stylish.js'
import type {FileResult, ReportContext} from './results.js'
import {init} from './init.js'
import {HELP, OPTIONS} from './options.js'
import {describeError, processJob, reviewedAnyway, runPool, type FixMode, type Job, type Outcome} from './workers.js'
import {createTwoFilesPatch} from 'diff'

export interface Io {
  stdout: (s: string) => void
  stderr: (s: string) => void
  readStdin: () => Promise<Buffer>
  isTty: boolean
  /** Whether stderr is a terminal (progress is shown there). */
  stderrIsTty?: boolean
  cwd: string
  env: Record<string, string | undefined>
  /** The script to start worker processes from (the bundled CLI); no workers without it. */
  workerEntry?: string
}

// The CLI reads HTML files (and so do its worker threads, which run this bundle): plug in the engine's HTML reader.
enableHtml()

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const
type OutputFormat = (typeof FORMATS)[number]

/** Fewer uncached files than this are reviewed in this thread (starting workers costs more). */
const WORKER_THRESHOLD = 48
/** Progress on a terminal from this many files. */
const PROGRESS_THRESHOLD = 20

export async function run(argv: string[], io: Io, version = '0.0.0'): Promise<number> {
  let args
  try {
    args = parseArgs({args: argv, allowPositionals: true, options: OPTIONS})
  } catch (error) {
    io.stderr(`recovery-lint: ${(error as Error).message.split('\n')[0]} (see --help)\n`)
    return 2
  }
  const {values, positionals} = args
  if (values.help) {
    io.stdout(HELP)
    return 0
  }
  if (values.version) {
    io.stdout(version + '\n')
    return 0
  }
  const fail = (message: string) => {
    io.stderr(`recovery-lint: ${message}\n`)
    return 2
  }
  const format = (values.format ?? 'stylish') as OutputFormat
  if (!FORMATS.includes(format)) return fail(`unknown format "${values.format}" (use ${FORMATS.join(', ')})`)
  if (values.profile !== undefined && !PROFILES.includes(values.profile as Profile)) {
    return fail(`unknown profile "${values.profile}" (use ${PROFILES.join(', ')})`)
  }
  if (values.region !== undefined && !REGIONS.includes(values.region as Region)) return fail(`unknown region "${values.region}" (use ${REGIONS.join(', ')})`)
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return fail(`--max-warnings takes a whole number, not "${values['max-warnings']}"`)
  }
  for (const c of values.category ?? []) if (!CATEGORIES.includes(c as CategoryId)) return fail(`unknown category "${c}" (use ${CATEGORIES.join(', ')})`)
  if (values.fix && values['fix-dry-run']) return fail('use --fix or --fix-dry-run, not both')
  if (values['review-docx'] !== undefined && values['review-docx-dir'] !== undefined) return fail('use --review-docx or --review-docx-dir, not both')
  for (const flag of ['track-changes', 'comments-in-notes'] as const)
    if (values[flag] && values['review-docx'] === undefined && values['review-docx-dir'] === undefined) return fail(`--${flag} goes with --review-docx or --review-docx-dir`)
  if (values['review-docx'] !== undefined && !/\.docx$/i.test(values['review-docx'])) return fail(`--review-docx writes a .docx, not "${values['review-docx']}"`)
  let workers = Math.min(availableParallelism(), 8)
  if (values.workers !== undefined) {
    workers = Number(values.workers)
    if (!Number.isInteger(workers) || workers < 0) return fail(`--workers takes a whole number, not "${values.workers}"`)
  }

  if (values.init) return init(io, fail, values.profile as Profile | undefined)

  try {
    builtinPacks()
  } catch (error) {
    return fail((error as Error).message)
  }

  const projectOptions: ProjectOptions = {
    configFile: values.config ? resolve(io.cwd, values.config) : undefined,
    overrides: values.profile || values.region ? {...(values.profile ? {profile: values.profile as Profile} : {}), ...(values.region ? {region: values.region as Region} : {})} : undefined
  }
  const project = new Project(projectOptions)
  if (values.config) {
    try {
      project.configFor(resolve(io.cwd, values.config))
    } catch (error) {
      return fail((error as Error).message)
    }
  }

  if (values['print-config'] !== undefined) {
    try {
      const path = resolve(io.cwd, values['print-config'])
      const reviewer = project.reviewerFor(path)
      const resolved = project.configFor(path)
      const printed = {
        profile: reviewer.config.profile ?? 'peer',
        ...reviewer.config,
        ...(resolved.ignore.length ? {ignore: resolved.ignore.map((i) => relative(io.cwd, resolve(i.base, i.pattern)) || '.')} : {}),
        configFiles: resolved.files.map((f) => relative(io.cwd, f) || f),
        ignoredByConfig: project.isIgnored(path)
      }
      io.stdout(JSON.stringify(printed, null, 2) + '\n')
      return 0
    } catch (error) {
      return fail((error as Error).message)
    }
  }

  if (values['list-rules']) {
    const rules = builtinPacks().flatMap((p) => p.rules)
    if (format === 'json') {
      const list = rules.map((r) => ({id: r.id, category: r.category, severity: r.severity, contested: r.contested === true, safeFix: r.safeFix === true, phrases: r.phrases, message: r.message, rationale: r.rationale, alternatives: r.alternatives}))
      io.stdout(JSON.stringify(list, null, 2) + '\n')
    } else for (const r of rules) io.stdout(`${r.id}\t${r.category}\t${r.severity}\t${r.phrases.join(', ')}\n`)
    return 0
  }
  if (positionals.length === 0) return fail('no paths given (try "recovery-lint docs/" or see --help)')
  const fixMode: FixMode = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none'
  if (fixMode === 'write' && positionals.includes('-')) return fail('--fix cannot write to stdin (use --fix-dry-run for a diff)')

  // Rules that could report, for SARIF's rule list, the HTML reasons and --rule checks.
  const rules = new Map<string, Rule>()
  for (const pack of builtinPacks()) for (const r of pack.rules) rules.set(r.id, r)
  const problems: string[] = []
  const problem = (message: string) => {
    // A broken config file is met by every document below it: say it once.
    if (problems.includes(message)) return
    problems.push(message)
    io.stderr(`recovery-lint: ${message}\n`)
  }
  const cache = values.cache ? new ReviewCache(resolve(io.cwd, values['cache-location'] ?? '.recoverylintcache'), version) : undefined

  // 1. Which files, each with its place in the report.
  const slots: Array<{name: string; reviewed?: Reviewed; applied?: number; diff?: string; skipped?: boolean; wrote?: Outcome['wrote']}> = []
  const jobs: Job[] = []
  const cacheKeys = new Map<number, {path: string; key: string}>()

  if (positionals.includes('-')) {
    const name = values['stdin-filename'] ?? '<stdin>'
    const path = resolve(io.cwd, values['stdin-filename'] ?? 'stdin.md')
    const id = slots.push({name}) - 1
    try {
      const reviewer = project.reviewerFor(path)
      for (const r of reviewer.rules) rules.set(r.id, r)
      const doc = await decodeAny(name, await io.readStdin(), kindFor(path))
      if (doc.warning) problem(reviewedAnyway(doc.warning))
      let reviewed = reviewDocument(reviewer, doc)
      if (fixMode === 'dry-run' && doc.kind !== 'docx') {
        const fixed = fixDocument(reviewer, doc, reviewed)
        if (fixed.applied > 0) {
          slots[id].diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, doc.text, fixed.text).replace(/^=+\n/m, '')
          slots[id].applied = fixed.applied
          reviewed = fixed.reviewed
        }
      }
      slots[id].reviewed = reviewed
    } catch (error) {
      problem(describeError(name, error))
    }
  }
  const expanded = expandPaths(
    positionals.filter((p) => p !== '-'),
    io.cwd,
    {ignoreFiles: !values['no-ignore']}
  )
  for (const p of expanded.problems) problem(p)
  const outputPath = values.output ? resolve(io.cwd, values.output) : undefined
  // The report must never replace a document this run reads (only a report of ours, from an earlier run).
  const outputTarget = outputPath && canonicalPath(outputPath)
  if (outputPath) {
    const inputs = [...expanded.files, ...positionals.filter((p) => p !== '-').map((p) => resolve(io.cwd, p))]
    if (positionals.includes('-') && values['stdin-filename']) inputs.push(resolve(io.cwd, values['stdin-filename']))
    const conflict = outputConflict(outputPath, inputs)
    if (conflict) return fail(`--output ${values.output}: ${conflict}`)
  }
  // Where each Word document's reviewed copy goes (never over a document of this run).
  const docxOut = new Map<string, string>()
  if (values['review-docx'] !== undefined || values['review-docx-dir'] !== undefined) {
    const words = expanded.files.filter((f) => kindFor(f) === 'docx' && /\.docx$/i.test(f))
    if (words.length === 0) return fail('no .docx among the paths to write a reviewed copy of')
    if (values['review-docx'] !== undefined) {
      if (words.length > 1) return fail(`--review-docx takes one .docx, not ${words.length} (use --review-docx-dir for several)`)
      docxOut.set(words[0], resolve(io.cwd, values['review-docx']))
    } else {
      const dir = resolve(io.cwd, values['review-docx-dir']!)
      if (existsSync(dir) && !statSync(dir).isDirectory()) return fail(`--review-docx-dir ${values['review-docx-dir']}: not a folder`)
      for (const file of words) {
        const rel = relative(io.cwd, file)
        docxOut.set(file, join(dir, rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(file)))
      }
    }
    const inputs = new Set(expanded.files)
    for (const [file, out] of docxOut) {
      if (inputs.has(out) || out === outputPath) return fail(`${displayName(file, io.cwd)}: the reviewed copy would overwrite ${displayName(out, io.cwd)}, a file of this run; choose another name or folder`)
    }
  }
  const keep = {rules: values.rule, categories: values.category, errorsOnly: values.quiet}
  for (const file of expanded.files) {
    if (outputTarget && canonicalPath(file) === outputTarget) continue // our own report from an earlier run, about to be rewritten
    const name = displayName(file, io.cwd)
    try {
      if (project.isIgnored(file)) continue
      const reviewer = project.reviewerFor(file)
      for (const r of reviewer.rules) rules.set(r.id, r)
      const id = slots.push({name}) - 1
      const kind = kindFor(file)
      if (cache) {
        let bytes: Buffer | undefined
        try {
          bytes = readBytes(file, name)
        } catch {
          bytes = undefined // reported when the job reads it
        }
        if (bytes) {
          const key = ReviewCache.key(bytes, reviewer, kind, version)
          const hit = cache.get(file, key)
          const needsFix = fixMode !== 'none' && kind !== 'docx' && hit?.findings.some(isFixable)
          if (hit && !needsFix && !docxOut.has(file)) {
            slots[id].reviewed = hit
            continue
          }
          cacheKeys.set(id, {path: file, key})
        }
      }
      const out = docxOut.get(file)
      jobs.push({id, path: file, name, kind, fix: fixMode, ...(out ? {docxOut: out, trackChanges: values['track-changes'], commentsInNotes: values['comments-in-notes'], keep} : {})})
    } catch (error) {
      problem(describeError(name, error))
    }
  }

  // 2. Review: in worker processes for a large batch, else here.
  const total = jobs.length
  let finished = 0
  const showProgress = Boolean(io.stderrIsTty) && total >= PROGRESS_THRESHOLD
  const take = (o: Outcome) => {
    const slot = slots[o.id]
    if (o.problem) problem(o.problem)
    if (o.reviewed) slot.reviewed = o.reviewed
    slot.skipped = o.skipped
    slot.applied = o.applied
    slot.diff = o.diff
    slot.wrote = o.wrote
    const keyed = cacheKeys.get(o.id)
    if (cache && keyed && o.reviewed && !o.problem && !o.applied) cache.set(keyed.path, keyed.key, o.reviewed)
    finished++
    if (showProgress) io.stderr(`\r\u001b[K[${finished}/${total}] ${slot.name}`.slice(0, 200))
  }
  const useWorkers = io.workerEntry !== undefined && workers > 1 && total >= WORKER_THRESHOLD
  if (useWorkers) {
    const seen = new Set<number>()
    try {
      await runPool(io.workerEntry!, workers, {recoveryLintWorker: true, project: projectOptions}, jobs, (o) => {
        seen.add(o.id)
        take(o)
      })
    } catch (error) {
      // A worker died: finish here what it left.
      io.stderr(`${showProgress ? '\r\u001b[K' : ''}recovery-lint: worker process failed (${(error as Error).message}); going on without workers\n`)
      for (const job of jobs) if (!seen.has(job.id)) take(await processJob(project, job))
    }
  } else {
    for (const job of jobs) take(await processJob(project, job))
  }
  if (showProgress) io.stderr('\r\u001b[K')
  const cacheProblem = cache?.save()
  if (cacheProblem) io.stderr(`recovery-lint: ${cacheProblem}\n`)

  // 3. Filter and report.
  for (const id of values.rule ?? []) if (!rules.has(id)) problem(`unknown rule "${id}" (see --list-rules)`)
  const keepFinding = (f: Finding) =>
    (!values.quiet || f.severity === 'error') &&
    (!values.rule?.length || values.rule.includes(f.ruleId)) &&
    (!values.category?.length || values.category.includes(f.category))
  const results: FileResult[] = []
  for (const slot of slots) {
    if (!slot.reviewed || slot.skipped) continue
    const {findings, excerpts, kind, places} = slot.reviewed
    const kept = findings.map((f, i) => [f, excerpts[i], places?.[i]] as const).filter(([f]) => keepFinding(f))
    results.push({file: slot.name, kind, findings: kept.map(([f]) => f), excerpts: kept.map(([, e]) => e), ...(places ? {places: kept.map(([, , p]) => p ?? '')} : {})})
  }

  // Notices of the review's limits have a rule of their own (for SARIF's rule list), when there are any.
  if (results.some((r) => r.findings.some((f) => f.ruleId === REVIEW_LIMIT_RULE.id))) rules.set(REVIEW_LIMIT_RULE.id, REVIEW_LIMIT_RULE)
  let report: string
  if (fixMode === 'dry-run') {
    report = slots.map((s) => s.diff ?? '').join('')
  } else {
    const context: ReportContext = {rules, categories: categoriesOf(builtinPacks()), version, cwd: io.cwd, problems}
    const useColour = values['no-color'] ? false : (values.color ?? (io.isTty && !values.output && !io.env.NO_COLOR))
    report =
      format === 'json'
        ? formatJson(results)
        : format === 'sarif'
          ? formatSarif(results, context)
          : format === 'github'
            ? formatGithub(results)
            : format === 'html'
              ? formatHtml(results, context)
              : formatStylish(results, useColour ? colours : plain)
  }
  for (const slot of slots) {
    const w = slot.wrote
    if (!w) continue
    const changes = values['track-changes'] ? `, ${w.changes} tracked change${w.changes === 1 ? '' : 's'}${w.notChanged ? ` (${w.notChanged} fix${w.notChanged === 1 ? '' : 'es'} left as comments only: protected text or markup)` : ''}` : ''
    const before = w.alreadyCommented ? `; ${w.alreadyCommented} finding${w.alreadyCommented === 1 ? '' : 's'} already had a comment from an earlier review` : ''
    io.stderr(`recovery-lint: wrote ${displayName(w.path, io.cwd)} (${w.comments} comment${w.comments === 1 ? '' : 's'}${changes}${before})\n`)
  }
  if (fixMode !== 'none') {
    const fixedFiles = slots.filter((s) => s.applied)
    const count = fixedFiles.reduce((n, s) => n + (s.applied ?? 0), 0)
    const left = results.reduce((n, r) => n + r.findings.length, 0)
    const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`
    if (count > 0 && fixMode === 'write') io.stderr(`recovery-lint: fixed ${count} finding${count === 1 ? '' : 's'} in ${files(fixedFiles.length)}\n`)
    else if (count === 0 && fixMode === 'dry-run' && problems.length === 0) {
      // An empty diff should not leave the user guessing (--fix stays quiet, as in CI).
      const why = left === 0 ? 'no findings' : `none of the ${left} finding${left === 1 ? '' : 's'} has a safe drop-in replacement (run without --fix-dry-run to see ${left === 1 ? 'it' : 'them'})`
      io.stderr(`recovery-lint: nothing to fix in ${files(results.length)}: ${why}\n`)
    }
  }
  if (values.output) {
    try {
      writeFileAtomic(resolve(io.cwd, values.output), report)
    } catch (error) {
      return fail(`${values.output}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  } else io.stdout(report)

  if (problems.length > 0) return 2
  const all = results.flatMap((r) => r.findings)
  const warnings = all.filter((f) => f.severity === 'warning').length
  if (all.some((f) => f.severity === 'error')) return 1
  if (maxWarnings !== undefined) return warnings > maxWarnings ? 1 : 0
  return warnings > 0 ? 1 : 0
}

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file)
  return rel && !rel.startsWith('..') ? rel : file
}
