/**
 * Reports of an evaluation: the console tables, the JSON results and the generated
 * section of docs/accuracy.md. Held-out sets appear in aggregate only, everywhere.
 */
import type {Evaluation} from './evaluate.js'
import {isTuning, ruleTallies, tuningDocumentCategories, tuningGroups} from './evaluate.js'
import type {DocumentScore, SentenceScore} from './score.js'
import {SYSTEMS, SYSTEM_NAMES, type SystemId} from './systems.js'

export const DOC_PATH = 'docs/accuracy.md'
export const BEGIN = '<!-- accuracy:begin -->'
export const END = '<!-- accuracy:end -->'

const fixed = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3))
const SHORT: Record<SystemId, string> = {shipped: 'recovery-lint', baseline: 'frames off', alex: 'alex'}
const ALEX_NOTE = 'alex flags inclusive-language issues in general; it is not built for this domain.'

/** The results as JSON: aggregates for every set; per-item detail for open sets only, and only when asked. */
export function jsonResults(e: Evaluation, options: {verbose?: boolean; scorer?: ScorerCheck[]} = {}) {
  return {
    engine: e.engine,
    alex: {version: e.alexVersion, note: ALEX_NOTE},
    systems: SYSTEM_NAMES,
    checks: {
      cliMatchesInProcessEngine: e.agreement ?? null,
      scoreCorpusAgrees: options.scorer ?? null
    },
    sentenceSets: e.sentences.map(({set, results}) => ({
      name: set.name,
      path: set.path,
      heldOut: set.heldOut,
      items: set.items.length,
      toFlag: set.items.filter((i) => i.expect.length > 0).length,
      clean: set.items.filter((i) => i.expect.length === 0).length,
      systems: Object.fromEntries(SYSTEMS.map((s) => [s, results[s].score])),
      ...(options.verbose && !set.heldOut ? {misses: sentenceMisses(e, set.name)} : {})
    })),
    documentSets: e.documents.map(({set, scores}) => ({
      name: set.name,
      path: set.dir,
      heldOut: set.heldOut,
      systems: scores,
      ...(options.verbose && !set.heldOut ? {misses: documentMisses(e, set.name)} : {})
    })),
    tuning: {
      sentenceGroups: tuningGroups(e),
      documentCategories: tuningDocumentCategories(e),
      rules: ruleTallies(e)
    }
  }
}

/** Per-item misses of an open sentence set, worded as score-corpus.mjs --verbose words them. */
export function sentenceMisses(e: Evaluation, name: string): string[] {
  const entry = e.sentences.find((s) => s.set.name === name)
  if (!entry || entry.set.heldOut) return []
  const out: string[] = []
  for (const {item, flags, outcome} of entry.results.shipped.outcomes) {
    if (outcome === 'missed') out.push(`missed (${item.expect.join('|')}): ${item.text}`)
    else if (outcome === 'wrong-category') out.push(`wrong category (${flags.map((f) => f.category).join(',')} for ${item.expect.join('|')}): ${item.text}`)
    else if (outcome === 'false-alarm') out.push(`false alarm (${flags.map((f) => `${f.ruleId} "${f.text}"`).join(', ')}): ${item.text}`)
  }
  return out
}

export function documentMisses(e: Evaluation, name: string): string[] {
  const entry = e.documents.find((d) => d.set.name === name)
  if (!entry || entry.set.heldOut) return []
  const out: string[] = []
  for (const d of entry.details.shipped) {
    const at = (line: number) => `${d.document.path}:${line}`
    for (const p of d.missed) out.push(`${at(p.line)} missed (${p.categories.join('|')}): "${p.text}"`)
    for (const w of d.wrongCategory) out.push(`${at(w.place.line)} wrong category (${w.flags.map((f) => f.category).join(',')} for ${w.place.categories.join('|')}): "${w.place.text}"`)
    for (const f of d.falseAlarms) out.push(`${at(f.line)} false alarm (${f.ruleId}${f.severity === 'info' ? ', info' : ''}): "${f.text}"`)
  }
  return out
}

export interface ScorerCheck {
  set: string
  /** score-corpus.mjs's three summary lines. */
  theirs: string
  ours: string
  agrees: boolean
}

/** The three lines score-corpus.mjs prints for a set, computed from our score of the CLI's flags. */
export function scoreCorpusLines(s: SentenceScore): string {
  return [
    `items ${s.items}: flagged-right ${s.tp}, missed ${s.fn}, false-alarms ${s.fp}, clean-right ${s.tn}`,
    `category right ${s.rightCategory}/${s.tp}; every finding has a suggestion ${s.withSuggestion}/${s.tp}`,
    `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} category-accuracy ${(s.categoryAccuracy ?? 0).toFixed(3)}`
  ].join('\n')
}

function table(header: string[], rows: string[][], align: Array<'l' | 'r'>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}

function mdTable(header: string[], rows: string[][], align: Array<'l' | 'r'>): string[] {
  return [`| ${header.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)]
}

const sentenceRows = (e: Evaluation, name: (s: SystemId) => string) =>
  e.sentences.flatMap(({set, results}) => {
    const toFlag = set.items.filter((i) => i.expect.length > 0).length
    return SYSTEMS.map((s, k) => {
      const r = results[s].score
      return [k === 0 ? set.name + (set.heldOut ? ' (held out)' : '') : '', k === 0 ? `${set.items.length} (${toFlag} / ${set.items.length - toFlag})` : '', name(s), fixed(r.precision), fixed(r.recall), fixed(r.categoryAccuracy)]
    })
  })

const documentRows = (e: Evaluation, name: (s: SystemId) => string) =>
  e.documents.flatMap(({set, scores}) =>
    SYSTEMS.map((s, k) => {
      const r: DocumentScore = scores[s]
      return [
        k === 0 ? `docs/${set.name}` + (set.heldOut ? ' (held out)' : '') : '',
        k === 0 ? `${r.documents}, ${r.places} (+${r.eitherWay})` : '',
        name(s),
        String(r.flags),
        fixed(r.precision),
        fixed(r.recall),
        r.foundRightCategory === null ? 'n/a' : `${r.foundRightCategory}/${r.found}`,
        s === 'alex' ? 'n/a' : `${r.repeatedGroups} (${r.repeatedFlags})`
      ]
    })
  )

const SENTENCE_HEADER = ['set', 'items (to flag / clean)', 'system', 'precision', 'recall', 'category accuracy']
const SENTENCE_ALIGN: Array<'l' | 'r'> = ['l', 'r', 'l', 'r', 'r', 'r']
const DOCUMENT_HEADER = ['set', 'documents, marked places (+ either way)', 'system', 'findings', 'precision', 'recall', 'found with right category', 'repeated-wording groups (findings)']
const DOCUMENT_ALIGN: Array<'l' | 'r'> = ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r']
const GROUP_HEADER = ['source group', 'items (to flag / clean)', 'missed', 'missed, frames off', 'false alarms', 'false alarms, frames off', 'wrong category']
const GROUP_ALIGN: Array<'l' | 'r'> = ['l', 'r', 'r', 'r', 'r', 'r', 'r']
const CATEGORY_HEADER = ['expected category', 'marked places', 'missed', 'missed, frames off', 'wrong category']
const CATEGORY_ALIGN: Array<'l' | 'r'> = ['l', 'r', 'r', 'r', 'r']

const groupRows = (e: Evaluation) =>
  tuningGroups(e).map((g) => [g.group, `${g.items} (${g.toFlag} / ${g.clean})`, String(g.missed.shipped), String(g.missed.baseline), String(g.falseAlarms.shipped), String(g.falseAlarms.baseline), String(g.wrongCategory)])
const categoryRows = (e: Evaluation) =>
  tuningDocumentCategories(e).map((c) => [c.category, String(c.places), String(c.missed.shipped), String(c.missed.baseline), String(c.wrongCategory)])

const tuningNames = (e: Evaluation) => [...e.sentences.filter((s) => isTuning(s.set.name)).map((s) => s.set.path), ...e.documents.filter((d) => isTuning(d.set.name)).map((d) => d.set.dir)]

/** The console report. */
export function textReport(e: Evaluation, options: {verbose?: boolean; scorer?: ScorerCheck[]; rules?: number} = {}): string {
  const out: string[] = []
  out.push(`recovery-lint ${e.engine.version}: ${e.engine.rules} rules, ${e.engine.frameRules} of them frames; alex ${e.alexVersion} (defaults)`)
  if (e.agreement) {
    const bad = e.agreement.sets.filter((s) => s.differing > 0)
    out.push(`check: the CLI and the in-process engine give the same findings on every file: ${e.agreement.ok ? 'yes' : `NO (${bad.map((s) => `${s.name}: ${s.differing}/${s.files}`).join(', ')})`}`)
  }
  if (options.scorer) {
    out.push(
      options.scorer.length === 0
        ? 'check: ../shared/tools/score-corpus.mjs not found beside the project; not compared'
        : `check: ../shared/tools/score-corpus.mjs gives the same figures: ${options.scorer.every((c) => c.agrees) ? 'yes' : `NO (${options.scorer.filter((c) => !c.agrees).map((c) => c.set).join(', ')})`} (${options.scorer.length} sets)`
    )
  }
  out.push('', 'Sentences (precision, recall and category accuracy as score-corpus.mjs computes them)')
  out.push(...table(SENTENCE_HEADER, sentenceRows(e, (s) => SHORT[s]), SENTENCE_ALIGN))
  out.push('', 'Documents (finding by finding against the marked places; "?" places count neither way)')
  out.push(...table(DOCUMENT_HEADER, documentRows(e, (s) => SHORT[s]), DOCUMENT_ALIGN))
  out.push('', `alex: ${ALEX_NOTE}`)
  out.push('', `Tuning half only (${tuningNames(e).join(', ')}): misses and false alarms by source group`)
  out.push(...table(GROUP_HEADER, groupRows(e), GROUP_ALIGN))
  out.push('', 'Tuning documents: marked places by expected category')
  out.push(...table(CATEGORY_HEADER, categoryRows(e), CATEGORY_ALIGN))
  const tallies = ruleTallies(e)
  const shown = options.rules === undefined ? tallies : tallies.slice(0, options.rules)
  out.push('', `Tuning half only: per rule (sentences: items flagged; documents: findings)${shown.length < tallies.length ? `, the ${shown.length} with most false alarms then hits (--rules N for more)` : ''}`)
  out.push(
    ...table(
      ['rule', 'kind', 'category', 'sent. hits', 'wrong cat.', 'sent. false alarms', 'only finder', 'doc hits', 'doc either-way', 'doc false alarms'],
      shown.map((t) => [t.ruleId, t.frame ? 'frame' : 'phrase', t.category, String(t.sentenceHits), String(t.sentenceWrongCategory), String(t.sentenceFalseAlarms), String(t.only), String(t.documentHits), String(t.documentIgnored), String(t.documentFalseAlarms)]),
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
    )
  )
  if (options.verbose) {
    for (const {set} of e.sentences.filter((s) => !s.set.heldOut)) {
      const misses = sentenceMisses(e, set.name)
      out.push('', `${set.path}: ${misses.length} misses, wrong categories and false alarms`, ...misses)
    }
    for (const {set} of e.documents.filter((d) => !d.set.heldOut)) {
      const misses = documentMisses(e, set.name)
      out.push('', `${set.dir}: ${misses.length} misses, wrong categories and false alarms`, ...misses)
    }
    const held = [...e.sentences.filter((s) => s.set.heldOut).map((s) => s.set.path), ...e.documents.filter((d) => d.set.heldOut).map((d) => d.set.dir)]
    if (held.length) out.push('', `Held out, never listed item by item: ${held.join(', ')}`)
  }
  return out.join('\n') + '\n'
}

/** The generated part of docs/accuracy.md (between the markers): deterministic, aggregates only. */
export function docSection(e: Evaluation): string {
  const name = (s: SystemId) => (s === 'alex' ? 'alex ¹' : s === 'baseline' ? 'recovery-lint, frames off ²' : 'recovery-lint')
  const lines = [
    BEGIN,
    '<!-- Generated by `npm run accuracy -- --write-docs` from test/corpus/; do not edit by hand. -->',
    '',
    `recovery-lint ${e.engine.version} with its built-in rules: ${e.engine.rules} rules, ${e.engine.frameRules} of them frame rules. alex ${e.alexVersion} with its default settings.`,
    '',
    '#### Sentences',
    '',
    ...mdTable(SENTENCE_HEADER, sentenceRows(e, name), SENTENCE_ALIGN),
    '',
    '#### Documents',
    '',
    ...mdTable(DOCUMENT_HEADER, documentRows(e, name), DOCUMENT_ALIGN),
    '',
    `¹ ${ALEX_NOTE} It has no categories, so category accuracy is n/a; an item counts as flagged when alex reports anything on it.`,
    '',
    '² The same engine and configuration with every frame rule removed: the phrase rules only.',
    '',
    '#### Tuning sentences: where the misses and false alarms are',
    '',
    'By source group of `test/corpus/tune.tsv` (held-out sets are never broken down).',
    '',
    ...mdTable(GROUP_HEADER, groupRows(e), GROUP_ALIGN),
    '',
    '#### Tuning documents: marked places by category',
    '',
    ...mdTable(CATEGORY_HEADER, categoryRows(e), CATEGORY_ALIGN),
    '',
    END
  ]
  return lines.join('\n')
}

/** `doc` with its generated section replaced; throws when the markers are missing. */
export function withSection(doc: string, section: string): string {
  const begin = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  if (begin === -1 || end === -1 || end < begin) throw new Error(`${DOC_PATH}: the markers ${BEGIN} … ${END} are missing`)
  return doc.slice(0, begin) + section + doc.slice(end + END.length)
}

export function currentSection(doc: string): string | undefined {
  const begin = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  return begin === -1 || end < begin ? undefined : doc.slice(begin, end + END.length)
}
