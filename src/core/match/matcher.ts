/**
 * The rule matcher: every rule phrase in one phrase index (a trie of word
 * slots), and the per-sentence search with each rule's guards. The cost per
 * word is the trie paths its words take, however many rules a pack has; guards
 * near a match are found once per sentence, not once per match.
 */
import type {Rule} from '../types.js'
import {compileGuard, compilePhrase, matchAfter, matchBefore, type CompiledPhrase, type Slot} from './phrase.js'
import {PhraseIndex} from './phrase-index.js'
import {Prefilter} from './prefilter.js'
import type {Token} from './tokens.js'
import {labelEnd} from './label.js'
import {keepShape} from '../shapes.js'

export interface CompiledRule {
  rule: Rule
  unlessBefore: CompiledPhrase[]
  unlessAfter: CompiledPhrase[]
  onlyBefore: CompiledPhrase[]
  onlyAfter: CompiledPhrase[]
  /** Near-guards as end ids in the matcher's near index. */
  unlessNear: number[]
  onlyNear: number[]
  /** A label for a person that may open a record's clause with the person understood ("Ward round: uncooperative"). */
  opensRecord: boolean
}

interface Entry {
  compiled: CompiledRule
  phrase: CompiledPhrase
  /** Rule order, then phrase order: which rule wins a tie. */
  order: number
}

/** A rule match in token indexes [start, end). */
export interface Match {
  compiled: CompiledRule
  start: number
  end: number
  /** The last matched word was a plural form. */
  plural: boolean
  /** The rule phrase that matched, as written in the pack. */
  phrase: string
  /** A frame's verb: a governing negation or belief may stand before it, after the frame's subject ("I worried that my story would be used…"). */
  verb?: number
  /** A record's field read as a phrase ("Insight: poor"): the token where its value starts, so a fix keeps the label. */
  field?: number
}


export class Matcher {
  private readonly phrases = new PhraseIndex<Entry>()
  /** Every near-guard phrase of every rule, by end id. */
  private readonly near = new PhraseIndex<never>()
  readonly rules: CompiledRule[] = []
  /** Rules out stretches of text where no rule can match (see prefilter.ts). */
  readonly prefilter: Prefilter

  /**
   * `extra`: prefilter entries for rules matched elsewhere (frames); `classSlot`: the one-word
   * forms of a data word class, for guards such as `onlyAfter: ['@people']`.
   */
  constructor(rules: Rule[], extra: ConstructorParameters<typeof Prefilter>[0] = [], classSlot: (name: string) => Slot | undefined = () => undefined) {
    const keyed: ConstructorParameters<typeof Prefilter>[0] = [...extra]
    const guards = (phrases: string[] | undefined) => (phrases ?? []).flatMap((p) => compileGuard(p, classSlot))
    let order = 0
    for (const rule of rules) {
      if (rule.frame) continue
      const onlyNear = guards(rule.onlyNear)
      const compiled: CompiledRule = {
        rule,
        unlessBefore: guards(rule.unlessBefore),
        unlessAfter: guards(rule.unlessAfter),
        onlyBefore: guards(rule.onlyBefore),
        onlyAfter: guards(rule.onlyAfter),
        unlessNear: [...new Set(guards(rule.unlessNear).map((g) => this.near.add(g)))],
        onlyNear: [...new Set(onlyNear.map((g) => this.near.add(g)))],
        opensRecord: rule.person === true && rule.kind === 'adjective' && (rule.onlyNear ?? []).includes('@people')
      }
      this.rules.push(compiled)
      const phrases = rule.phrases.flatMap((text) => compilePhrase(text, rule.exact))
      keyed.push({phrases, guards: [compiled.onlyBefore, compiled.onlyAfter, compiled.opensRecord ? [] : onlyNear]})
      for (const phrase of phrases) if (phrase.slots.length > 0) this.phrases.add(phrase, {compiled, phrase, order: order++})
    }
    this.prefilter = new Prefilter(keyed)
  }

  /** Whether any rule could start at this word: a cheap pre-check. */
  has(norm: string): boolean {
    return this.phrases.startsWith(norm)
  }

  /** Every rule match in one sentence, guards applied, overlaps resolved (longest wins). */
  /**
   * `matchSentence`, and a record's field read as the phrase it stands for: "Insight: poor" is "poor insight",
   * "Engagement: poor" "poor engagement", "Strengths: none identified" "no strengths". A label of one or two words, a
   * colon, and a value of at most three words opening on a judgement; a match of the judgement put before the label
   * stands for the whole field.
   */
  matchWithFields(tokens: Token[], text: string): Match[] {
    const found = this.matchSentence(tokens, text)
    if (tokens.length < 2 || tokens.length > 6) return found
    const c = [0, 1].find((k) => k + 1 < tokens.length && /^\s*:\s*$/.test(text.slice(tokens[k].end, tokens[k + 1].start)))
    const read = c === undefined ? undefined : FIELD_JUDGEMENT[tokens[c + 1].norm]
    if (c === undefined || read === undefined || tokens.length - c - 1 > 3) return found
    const swapped: Token[] = [{...tokens[c + 1], norm: read, join: 'start'}, ...tokens.slice(0, c + 1).map((t) => ({...t, join: 'space' as const}))]
    for (const m of this.matchSentence(swapped, text)) if (m.start === 0 && m.end > 1 && !found.some((f) => f.compiled === m.compiled)) found.push({...m, start: 0, end: tokens.length, field: c + 1})
    return found
  }

  matchSentence(tokens: Token[], text?: string): Match[] {
    const at = this.at
    at.tokens = tokens
    at.text = text
    at.found = undefined
    at.near = undefined
    for (at.start = 0; at.start < tokens.length; at.start++) {
      // A match starts and ends on whole words: never inside "self-management".
      if (tokens[at.start].join === 'hyphen') continue
      if (this.phrases.startsWith(tokens[at.start].norm)) this.phrases.scan(tokens, at.start, this.atEnd)
    }
    const found = at.found
    at.found = at.near = undefined
    return found ? resolveOverlaps(found, tokens.length) : []
  }

  /** The sentence `atEnd` reads: the start of the phrases being scanned, and what was found so far. */
  private readonly at: {tokens: Token[]; text: string | undefined; start: number; found: Array<Match & {order: number}> | undefined; near: NearSpans | undefined} = {tokens: [], text: undefined, start: 0, found: undefined, near: undefined}

  /**
   * A phrase ending at `end` for the start being scanned. One callback made with the matcher, not one per sentence: V8 keeps
   * a closure's optimised code only while a closure of it lives, and a sentence's died at each full collection.
   */
  private readonly atEnd = (id: number, end: number): void => {
    const {tokens, start, text} = this.at
    if (tokens[end] && tokens[end].join === 'hyphen') return
    // Of the rules ending here, only the first that passes its guards can be kept:
    // the others cover exactly the same words (see resolveOverlaps).
    for (const {compiled, phrase, order} of this.phrases.valuesAt(id)) {
      if (compiled.unlessNear.length > 0 || compiled.onlyNear.length > 0) this.at.near ??= new NearSpans(this.near, tokens, this.at.text)
      if (!passesGuards(compiled, tokens, start, end, this.at.near, phrase, text)) continue
      const last = phrase.slots[phrase.slots.length - 1]
      ;(this.at.found ??= []).push({compiled, start, end, plural: last.forms.get(tokens[end - 1].norm) === true, phrase: phrase.source, order})
      return
    }
  }
}

/**
 * Where each near-guard phrase occurs in one sentence: its earliest end and
 * latest start, which is all "occurs outside the match" needs. Found in one
 * pass over the sentence.
 */
class NearSpans {
  private readonly minEnd = new Map<number, number>()
  private readonly maxStart = new Map<number, number>()

  constructor(index: PhraseIndex<never>, tokens: Token[], text?: string) {
    for (let i = documentLabel(tokens, text); i < tokens.length; i++) {
      if (!index.startsWith(tokens[i].norm)) continue
      index.scan(tokens, i, (id, end) => {
        if (!(end >= (this.minEnd.get(id) ?? Infinity))) this.minEnd.set(id, end)
        this.maxStart.set(id, i)
      })
    }
  }

  /** Whether one of the phrases occurs in the sentence outside tokens [start, end). */
  /** Some guard phrase may lie inside [start, end): one ends by `end` and one starts at or after `start`. */
  inside(ids: number[], start: number, end: number): boolean {
    return ids.some((id) => (this.minEnd.get(id) ?? Infinity) <= end && (this.maxStart.get(id) ?? -1) >= start)
  }

  outside(ids: number[], start: number, end: number): boolean {
    for (const id of ids) {
      const minEnd = this.minEnd.get(id)
      if (minEnd !== undefined && (minEnd <= start || this.maxStart.get(id)! >= end)) return true
    }
    return false
  }
}
keepShape(new NearSpans(new PhraseIndex<never>(), []))

/** Nouns that end a label naming the kind of document a line comes from: "Tribunal report:", "Board minutes:", "Court summary:". */
const DOCUMENT_KINDS = /^(report|reports|note|notes|summary|file|record|letter|minutes|decision|statement|submission|extract)$/
/**
 * Where a sentence's own words start after such a label (0 when there is none). The label says where the line is from, so
 * its words ("tribunal", "board", "court") are not guard words near the match: "Tribunal report: Ms K refused her depot…".
 */
function documentLabel(tokens: Token[], text: string | undefined): number {
  const c = text === undefined ? -1 : labelEnd(tokens, text, 4)
  return c > 0 && DOCUMENT_KINDS.test(tokens[c].norm) ? c + 1 : 0
}

/** Where `phrase` has a wildcard, the words it stood for count as near for `onlyNear` ("at the manager's discretion"). */
function passesGuards(c: CompiledRule, tokens: Token[], start: number, end: number, near: NearSpans | undefined, phrase: CompiledPhrase, text?: string): boolean {
  if (c.unlessBefore.some((g) => matchBefore(g, tokens, start) || (c.rule.kind === 'adjective' && predicativeEnd(tokens, end) && listItemAfter(tokens, start, (k) => matchBefore(g, tokens, k))))) return false
  if (c.unlessAfter.some((g) => matchAfter(g, tokens, end))) return false
  if (c.onlyBefore.length > 0 && !c.onlyBefore.some((g) => matchBefore(g, tokens, start))) return false
  if (c.onlyAfter.length > 0 && !c.onlyAfter.some((g) => matchAfter(g, tokens, end))) return false
  if (c.unlessNear.length > 0 && near!.outside(c.unlessNear, start, end)) return false
  if (c.onlyNear.length > 0 && !near!.outside(c.onlyNear, start, end) && !(phrase.slots.some((slot) => slot.any === true) && near!.inside(c.onlyNear, start, end)) && !(c.opensRecord && text !== undefined && opensClause(tokens, text, start))) return false
  return true
}

/** The adjective ends its phrase ("…, hopeless or alone"), not one before its noun ("When staff feel rushed, hopeless clients…"). */
const predicativeEnd = (tokens: Token[], end: number) => end >= tokens.length || tokens[end].join === 'break' || /^(and|or|but|about|in|at|with)$/.test(tokens[end].norm)
/** "feeling trapped, hopeless or…": an adjective in a list after its first item, whose guard stands before that item. */
function listItemAfter(tokens: Token[], start: number, guarded: (k: number) => boolean): boolean {
  for (let k = start, hops = 0; hops < 2 && k >= 2 && tokens[k].join === 'break' && tokens[k - 1].join !== 'break' && /^[a-z]+$/.test(tokens[k - 1].norm); hops++) if (guarded(--k)) return true
  return false
}

/** Words a record's telegraphic clause may open with before its label: "Ward round: (remains) (very) uncooperative". */
const RECORD_LEAD = new Set('very quite often still remains remained was is appears appeared seemed presents presented increasingly verbally physically extremely somewhat at times and'.split(' '))

/** Whether the words at `start` open a clause with no subject: the sentence's start, or after a colon or semicolon ("Ward round: uncooperative…"). */
function opensClause(tokens: Token[], text: string, start: number): boolean {
  let i = start
  while (i > 0 && RECORD_LEAD.has(tokens[i - 1].norm) && tokens[i - 1].join !== 'break') i--
  if (i > 0 && RECORD_LEAD.has(tokens[i - 1].norm)) i--
  return i === 0 || /[:;]/.test(text.slice(tokens[i - 1].end, tokens[i].start))
}

/**
 * Longest first, then earliest, then rule order: a longer phrase is the more
 * specific rule. Words already taken are marked, so each match is checked in
 * the length of its own span.
 */
function resolveOverlaps(matches: Array<Match & {order: number}>, length: number): Match[] {
  if (matches.length < 2) return matches
  const sorted = matches.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order)
  const taken = new Uint8Array(length)
  const kept: Match[] = []
  outer: for (const m of sorted) {
    for (let k = m.start; k < m.end; k++) if (taken[k]) continue outer
    for (let k = m.start; k < m.end; k++) taken[k] = 1
    kept.push(m)
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** A field value's opening judgement, and the word it is read as before the label (Matcher.matchWithFields). */
const FIELD_JUDGEMENT: Record<string, string> = {poor: 'poor', limited: 'limited', impaired: 'impaired', partial: 'partial', lacking: 'no', nil: 'no', none: 'no', absent: 'no', minimal: 'limited'}
