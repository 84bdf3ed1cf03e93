/**
 * The grammar oracle: put each suggestion of a finding into its sentence and ask
 * harper.js (a grammar checker compiled to WebAssembly, a devDependency only)
 * whether the result has a grammar lint the original did not. Used by
 * test/suggestions.test.ts and scripts/suggestion-oracle.ts.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {Dialect, LocalLinter} from 'harper.js'
import {parse as parseYaml} from 'yaml'
import {binary} from 'harper.js/binary'
import {fixRange, Reviewer, type Finding, type SourcePack} from '../../src/core/index.js'

/** One substitution: the sentence with one alternative of one finding put in. */
export interface Substitution {
  ruleId: string
  /** The sentence as written. */
  sentence: string
  /** The finding's text. */
  text: string
  /** The edited range and its new text (a drop-in covers the finding's range; a rewrite may reach wider). */
  offset: number
  endOffset: number
  replacement: string
  /** The sentence after the edit. */
  result: string
  /** Index of the rule alternative this edit came from (-1 when unknown). */
  alternative: number
  /** The edit a quick fix or `--fix` applies first. */
  first: boolean
}

export interface LintSummary {
  /** Harper's rule name ("MissingTo"). */
  rule: string
  kind: string
  start: number
  end: number
  problem: string
  message: string
}

export interface Verdict extends Substitution {
  /** Grammar lints that appear only after the substitution. */
  added: LintSummary[]
}

let linterPromise: Promise<LocalLinter> | undefined

/** One linter per process: the WebAssembly start-up is most of the cost. */
export function linter(): Promise<LocalLinter> {
  linterPromise ??= (async () => {
    const l = new LocalLinter({binary, dialect: Dialect.British})
    await l.setup()
    return l
  })()
  return linterPromise
}

const cache = new Map<string, LintSummary[]>()

const NOT_GRAMMAR = new Set(['LongSentences'])

export async function lints(text: string): Promise<LintSummary[]> {
  const hit = cache.get(text)
  if (hit) return hit
  const l = await linter()
  const out: LintSummary[] = []
  for (const [rule, found] of Object.entries(await l.organizedLints(text))) {
    // Length is style, not grammar: a longer alternative may tip a long sentence over harper's 40 words.
    if (NOT_GRAMMAR.has(rule)) {
      for (const lint of found) lint.free()
      continue
    }
    for (const lint of found) {
      const span = lint.span()
      out.push({rule, kind: lint.lint_kind(), start: span.start, end: span.end, problem: lint.get_problem_text(), message: lint.message()})
      lint.free()
    }
  }
  out.sort((a, b) => a.start - b.start)
  cache.set(text, out)
  return out
}

/** Harper counts characters (Unicode scalar values); our offsets are UTF-16. */
function toChars(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length
}

/** Lints in `after` that have no counterpart in `before` (same kind, span shifted past the edit). */
export function addedLints(before: LintSummary[], after: LintSummary[], sub: Pick<Substitution, 'sentence' | 'offset' | 'endOffset' | 'replacement'>): LintSummary[] {
  const editStart = toChars(sub.sentence, sub.offset)
  const oldEnd = toChars(sub.sentence, sub.endOffset)
  const newEnd = editStart + [...sub.replacement].length
  const delta = newEnd - oldEnd
  const key = (l: LintSummary, end: number, shift: number) => {
    if (l.end <= editStart) return `${l.kind}@${l.start}-${l.end}`
    if (l.start >= end) return `${l.kind}@${l.start + shift}-${l.end + shift}`
    return `${l.kind}@edit`
  }
  const old = new Map<string, number>()
  for (const l of before) {
    const k = key(l, oldEnd, delta)
    old.set(k, (old.get(k) ?? 0) + 1)
  }
  const added: LintSummary[] = []
  for (const l of after) {
    const k = key(l, newEnd, 0)
    const n = old.get(k) ?? 0
    if (n > 0) old.set(k, n - 1)
    else added.push(l)
  }
  return added
}

/** Every edit a finding offers, first the one a fix applies. */
export function edits(finding: Finding): Array<{offset: number; endOffset: number; replacement: string; alternative: number}> {
  return finding.fixes.map((fix) => ({...fixRange(finding, fix), replacement: fix.replacement, alternative: fix.alternative}))
}

/** The substitutions of every finding in `sentence` (or only those of `ruleId`). */
export function substitutions(reviewer: Reviewer, sentence: string, ruleId?: string): Substitution[] {
  const out: Substitution[] = []
  for (const f of reviewer.review(sentence, 'text')) {
    if (ruleId && f.ruleId !== ruleId) continue
    edits(f).forEach((e, i) => {
      out.push({
        ruleId: f.ruleId,
        sentence,
        text: f.text,
        offset: e.offset,
        endOffset: e.endOffset,
        replacement: e.replacement,
        result: sentence.slice(0, e.offset) + e.replacement + sentence.slice(e.endOffset),
        alternative: e.alternative,
        first: i === 0
      })
    })
  }
  return out
}

export interface FalseLint {
  rule: string
  problem: string
  reason: string
}

export interface SubstitutionException {
  ruleId: string
  /** The edit's replacement text. */
  replacement: string
  /** Only in this sentence (default: wherever the rule's examples put it). */
  sentence?: string
  reason: string
}

export interface Exceptions {
  falseLints: FalseLint[]
  substitutions: SubstitutionException[]
}

/** The reviewed exceptions (test/suggestions/exceptions.yml). */
export function readExceptions(): Exceptions {
  const data = parseYaml(readFileSync(new URL('../suggestions/exceptions.yml', import.meta.url), 'utf8')) as Partial<Exceptions>
  return {falseLints: data.falseLints ?? [], substitutions: data.substitutions ?? []}
}

/** A lint that a reviewed entry says is wrong about correct English. */
export function isFalseLint(lint: LintSummary, falseLints: FalseLint[]): FalseLint | undefined {
  return falseLints.find((f) => f.rule === lint.rule && f.problem.trim().toLowerCase() === lint.problem.trim().toLowerCase())
}

export async function judge(sub: Substitution, falseLints: FalseLint[] = []): Promise<Verdict> {
  const [before, after] = [await lints(sub.sentence), await lints(sub.result)]
  return {...sub, added: addedLints(before, after, sub).filter((l) => !isFalseLint(l, falseLints))}
}

/** The rule examples: every flag sentence of every rule, with the rule it belongs to. */
export function ruleExamples(packs: SourcePack[]): Array<{ruleId: string; sentence: string}> {
  return packs.flatMap((p) => p.rules.flatMap((r) => r.examples.flag.map((sentence) => ({ruleId: r.id, sentence}))))
}

/** The sentences of every corpus in test/corpus (a tab-separated label, then the sentence). */
export function corpusSentences(dir = new URL('../corpus/', import.meta.url)): Array<{file: string; sentence: string}> {
  const out: Array<{file: string; sentence: string}> = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    for (const line of readFileSync(new URL(file, dir), 'utf8').split(/\r?\n/)) {
      if (!line.trim() || line.startsWith('#')) continue
      const tab = line.indexOf('\t')
      out.push({file, sentence: tab === -1 ? line : line.slice(tab + 1)})
    }
  }
  return out
}
