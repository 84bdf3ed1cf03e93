/**
 * The systems measured, each turning files into flags with 1-based positions:
 *   shipped   recovery-lint as shipped: the built CLI, `--format json`
 *   in-process the same engine built here through src/core (checked against the CLI)
 *   baseline  that engine with every frame rule removed (phrase rules only)
 *   alex      alex's markdown API with its defaults, as a new user would run it
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {markdown as alexMarkdown} from 'alex'
import {mergeConfigs, Reviewer, type RulePack} from '../../src/core/index.js'
import {builtinPacks} from '../../src/node/builtin-rules.js'
import {loadDocument, reviewDocument} from '../../src/node/documents.js'
import {Project} from '../../src/node/project.js'

export interface Flag {
  ruleId: string
  /** One of the five category ids; null for alex, which has none. */
  category: string | null
  /** error, warning or info; alex's messages are all warnings. */
  severity: string
  line: number
  column: number
  endLine: number
  /** Exclusive. */
  endColumn: number
  text: string
  suggestions?: string[]
}

export type SystemId = 'shipped' | 'baseline' | 'alex'
export const SYSTEMS: SystemId[] = ['shipped', 'baseline', 'alex']
export const SYSTEM_NAMES: Record<SystemId, string> = {
  shipped: 'recovery-lint (as shipped)',
  baseline: 'recovery-lint, phrase rules only (frames off)',
  alex: 'alex (general inclusive language)'
}

/** Reviews files (absolute paths) and returns each one's flags. */
export type Review = (paths: string[]) => Promise<Map<string, Flag[]>>

/** The CLI named by package.json `bin`, run once over all the files, as ../shared/tools/score-corpus.mjs runs it. */
export function cliReview(root: string): Review {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {bin?: string | Record<string, string>}
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['recovery-lint']
  if (!bin) throw new Error('package.json has no bin "recovery-lint"')
  return async (paths) => {
    let out: string
    try {
      out = execFileSync(process.execPath, [resolve(root, bin), '--format', 'json', ...paths], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 28})
    } catch (error) {
      const e = error as {status?: number; stdout?: string; stderr?: string}
      if (e.status !== 1 || e.stdout === undefined) throw new Error(`the CLI failed with exit code ${e.status}: ${e.stderr ?? ''}`.trim())
      out = e.stdout
    }
    const byFile = new Map<string, Flag[]>(paths.map((p) => [p, []]))
    for (const file of JSON.parse(out) as Array<{file: string; findings: Flag[]}>) {
      const path = resolve(root, file.file)
      if (!byFile.has(path)) throw new Error(`the CLI reported a file it was not given: ${file.file}`)
      byFile.set(path, file.findings.map(flagOf))
    }
    return byFile
  }
}

const flagOf = (f: Flag): Flag => ({
  ruleId: f.ruleId,
  category: f.category,
  severity: f.severity,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  text: f.text,
  suggestions: f.suggestions
})

/** The packs without frame rules: what the engine was before frames (word classes stay; phrase guards use them). */
export function phraseOnly(packs: RulePack[]): RulePack[] {
  return packs.map((p) => ({...p, rules: p.rules.filter((r) => r.frame === undefined)}))
}

/**
 * The engine built here: the built-in packs (optionally reduced) plus what the
 * document's configuration files add, under that configuration, as the CLI's
 * Project builds it; each document read and reviewed by the CLI's own functions.
 */
export function engineReview(root: string, reduce: (packs: RulePack[]) => RulePack[] = (p) => p): Review {
  const project = new Project()
  const reviewers = new Map<string, Reviewer>()
  return async (paths) => {
    const byFile = new Map<string, Flag[]>()
    for (const path of paths) {
      const resolved = project.configFor(path)
      const key = resolved.files.join('\n')
      let reviewer = reviewers.get(key)
      if (!reviewer) {
        reviewer = new Reviewer(reduce([...builtinPacks(), ...resolved.packs]), mergeConfigs(resolved.config))
        reviewers.set(key, reviewer)
      }
      const name = path.startsWith(root) ? path.slice(root.length + 1) : path
      const doc = await loadDocument(path, name)
      byFile.set(path, reviewDocument(reviewer, doc).findings.map((f) => flagOf(f as Flag)))
    }
    return byFile
  }
}

/** alex on the same Markdown, with its defaults; a message is a flag (alex has no categories). */
export function alexReview(): Review {
  return async (paths) => {
    const byFile = new Map<string, Flag[]>()
    for (const path of paths) {
      const file = alexMarkdown(readFileSync(path, 'utf8'))
      byFile.set(
        path,
        file.messages.map((m) => {
          const place = (m as unknown as {position?: {start: Point; end: Point}; place?: {start: Point; end: Point}}).position ?? (m as unknown as {place?: {start: Point; end: Point}}).place
          const start = place?.start ?? {line: m.line ?? 0, column: m.column ?? 0}
          const end = place?.end ?? start
          return {ruleId: `alex/${m.ruleId ?? m.source ?? 'message'}`, category: null, severity: 'warning', line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: String((m as {actual?: string}).actual ?? '')}
        })
      )
    }
    return byFile
  }
}

interface Point {
  line: number
  column: number
}

/** Whether two reviews of the same files give the same flags (rule, category and range). */
export function sameFlags(a: Flag[], b: Flag[]): boolean {
  const key = (f: Flag) => `${f.ruleId}\t${f.category}\t${f.line}:${f.column}-${f.endLine}:${f.endColumn}\t${f.text}`
  const ka = a.map(key).sort()
  const kb = b.map(key).sort()
  return ka.length === kb.length && ka.every((k, i) => k === kb[i])
}
