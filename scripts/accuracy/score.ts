/**
 * Scoring. Sentences exactly as ../shared/tools/score-corpus.mjs scores them (one
 * item a paragraph of one Markdown file, flags mapped back by line); documents
 * finding by finding against the places a reviewer marked.
 */
import type {ExpectedPlace, MarkedDocument, SentenceItem} from './corpus.js'
import type {Flag} from './systems.js'

/** The file score-corpus.mjs writes: item i on line 2i+1, each a paragraph of its own. */
export const sentenceDocument = (items: SentenceItem[]) => items.map((item) => item.text).join('\n\n') + '\n'

export type ItemOutcome = 'hit' | 'wrong-category' | 'missed' | 'false-alarm' | 'clean'

export interface SentenceScore {
  items: number
  /** Flagged and should be ("flagged-right" in score-corpus). */
  tp: number
  fn: number
  fp: number
  tn: number
  /** Of tp, how many have a flag of an expected category; null for a system without categories. */
  rightCategory: number | null
  /** Of tp, how many have suggestions on every flag; null for a system without suggestions. */
  withSuggestion: number | null
  precision: number
  recall: number
  categoryAccuracy: number | null
}

export interface SentenceResult {
  score: SentenceScore
  /** Per item: its flags and outcome (never written out for held-out sets). */
  outcomes: Array<{item: SentenceItem; flags: Flag[]; outcome: ItemOutcome}>
}

/** score-corpus.mjs's ratio: 1 when there is nothing to divide by. */
export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)

export function scoreSentences(items: SentenceItem[], flags: Flag[], hasCategories: boolean): SentenceResult {
  const byItem: Flag[][] = items.map(() => [])
  for (const flag of flags) {
    const index = (flag.line - 1) / 2
    if (Number.isInteger(index) && byItem[index]) byItem[index].push(flag)
  }
  let tp = 0, fp = 0, fn = 0, tn = 0, rightCategory = 0, withSuggestion = 0
  const outcomes: SentenceResult['outcomes'] = []
  items.forEach((item, i) => {
    const got = byItem[i]
    const flagged = got.length > 0
    let outcome: ItemOutcome
    if (item.expect.length > 0) {
      if (flagged) {
        tp++
        const right = got.some((f) => f.category !== null && item.expect.includes(f.category))
        if (right) rightCategory++
        outcome = right || !hasCategories ? 'hit' : 'wrong-category'
        if (got.every((f) => Array.isArray(f.suggestions) && f.suggestions.length > 0)) withSuggestion++
      } else {
        fn++
        outcome = 'missed'
      }
    } else if (flagged) {
      fp++
      outcome = 'false-alarm'
    } else {
      tn++
      outcome = 'clean'
    }
    outcomes.push({item, flags: got, outcome})
  })
  return {
    score: {
      items: items.length,
      tp,
      fn,
      fp,
      tn,
      rightCategory: hasCategories ? rightCategory : null,
      withSuggestion: hasCategories ? withSuggestion : null,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      categoryAccuracy: hasCategories ? ratio(rightCategory, tp) : null
    },
    outcomes
  }
}

export interface DocumentScore {
  documents: number
  /** Places a reviewer marked as findings (not the `?` ones). */
  places: number
  /** `?` places: counted neither way. */
  eitherWay: number
  flags: number
  /** Flags on a marked place. */
  hits: number
  /** Flags only on `?` places. */
  ignored: number
  falseAlarms: number
  /** Of the false alarms, how many are of severity info (a clinical profile's vocabulary, say). */
  falseAlarmsInfo: number
  /** Marked places with at least one flag on them. */
  found: number
  /** Of those, found by a flag of an expected category; null for a system without categories. */
  foundRightCategory: number | null
  precision: number
  recall: number
  /** foundRightCategory / found. */
  categoryAccuracy: number | null
  /** Same rule and same wording, 2+ times in one document. */
  repeatedGroups: number
  /** Flags inside those groups. */
  repeatedFlags: number
}

export interface DocumentDetail {
  document: MarkedDocument
  missed: ExpectedPlace[]
  wrongCategory: Array<{place: ExpectedPlace; flags: Flag[]}>
  falseAlarms: Flag[]
  /** For the per-rule table: each flag and what it was. */
  flagged: Array<{flag: Flag; kind: 'hit' | 'ignored' | 'false-alarm'}>
}

/** The flag's 0-based column range on `line`, if it touches that line. */
function rangeOn(flag: Flag, line: number): [number, number] | undefined {
  if (line < flag.line || line > flag.endLine) return undefined
  return [flag.line === line ? flag.column - 1 : 0, flag.endLine === line ? flag.endColumn - 1 : Infinity]
}

/** A flag matches a place when it is on the place's line and its range overlaps the marked text. */
export function overlaps(flag: Flag, place: ExpectedPlace): boolean {
  const r = rangeOn(flag, place.line)
  if (!r) return false
  // An empty range (a zero-width message) counts when it sits inside the text.
  return r[0] < place.end && (r[1] > place.start || (r[1] === r[0] && r[0] >= place.start))
}

export function scoreDocument(document: MarkedDocument, flags: Flag[], hasCategories: boolean): DocumentDetail {
  const marked = document.places.filter((p) => !p.optional)
  const eitherWay = document.places.filter((p) => p.optional)
  const flagged: DocumentDetail['flagged'] = flags.map((flag) => ({
    flag,
    kind: marked.some((p) => overlaps(flag, p)) ? 'hit' : eitherWay.some((p) => overlaps(flag, p)) ? 'ignored' : 'false-alarm'
  }))
  const missed: ExpectedPlace[] = []
  const wrongCategory: DocumentDetail['wrongCategory'] = []
  for (const place of marked) {
    const on = flags.filter((f) => overlaps(f, place))
    if (on.length === 0) missed.push(place)
    else if (hasCategories && !on.some((f) => f.category !== null && place.categories.includes(f.category))) wrongCategory.push({place, flags: on})
  }
  return {document, missed, wrongCategory, falseAlarms: flagged.filter((f) => f.kind === 'false-alarm').map((f) => f.flag), flagged}
}

/** The wording a repetition is judged by: case, spacing, markup and a leading article do not count. */
export const normalisedWording = (text: string) =>
  text
    .toLowerCase()
    .replace(/[*_`~[\]]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(a|an|the) /, '')

/** Groups of flags with the same rule and the same wording in one document, 2+ strong. */
export function repeatedWording(flags: Flag[]): Flag[][] {
  const groups = new Map<string, Flag[]>()
  for (const f of flags) {
    const key = `${f.ruleId}\t${normalisedWording(f.text)}`
    groups.set(key, [...(groups.get(key) ?? []), f])
  }
  return [...groups.values()].filter((g) => g.length >= 2)
}

export function sumDocuments(details: DocumentDetail[], flagsOf: (d: DocumentDetail) => Flag[], hasCategories: boolean): DocumentScore {
  let places = 0, eitherWay = 0, flags = 0, hits = 0, ignored = 0, falseAlarms = 0, falseAlarmsInfo = 0, found = 0, wrong = 0, repeatedGroups = 0, repeatedFlags = 0
  for (const d of details) {
    const marked = d.document.places.filter((p) => !p.optional).length
    places += marked
    eitherWay += d.document.places.length - marked
    flags += d.flagged.length
    hits += d.flagged.filter((f) => f.kind === 'hit').length
    ignored += d.flagged.filter((f) => f.kind === 'ignored').length
    falseAlarms += d.falseAlarms.length
    falseAlarmsInfo += d.falseAlarms.filter((f) => f.severity === 'info').length
    found += marked - d.missed.length
    wrong += d.wrongCategory.length
    const groups = repeatedWording(flagsOf(d))
    repeatedGroups += groups.length
    repeatedFlags += groups.reduce((n, g) => n + g.length, 0)
  }
  return {
    documents: details.length,
    places,
    eitherWay,
    flags,
    hits,
    ignored,
    falseAlarms,
    falseAlarmsInfo,
    found,
    foundRightCategory: hasCategories ? found - wrong : null,
    precision: ratio(hits, hits + falseAlarms),
    recall: ratio(found, places),
    categoryAccuracy: hasCategories ? ratio(found - wrong, found) : null,
    repeatedGroups,
    repeatedFlags
  }
}

/** Per rule, on the open (tuning) sets: what its flags were. */
export interface RuleTally {
  ruleId: string
  category: string
  frame: boolean
  /** Sentences: flags on items that should be flagged (of them, with a category not expected). */
  sentenceHits: number
  sentenceWrongCategory: number
  sentenceFalseAlarms: number
  /** Documents: flags on a marked place, on a `?` place only, elsewhere. */
  documentHits: number
  documentIgnored: number
  documentFalseAlarms: number
  /** Items (sentences) or marked places this rule alone found. */
  only: number
}
