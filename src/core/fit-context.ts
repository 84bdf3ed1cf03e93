/**
 * What fitting an alternative knows about its place: the sentence, the match and its
 * slot, and the small word helpers the fitting (suggest.ts) and the joining at the
 * seams (seams.ts) share.
 */
import type {Slot} from './grammar/slot.js'
import type {Token} from './match/tokens.js'
import type {Within} from './slices.js'
import type {Rule, RuleKind} from './types.js'
import {lowerFirst, UPPER_START} from './match/letters.js'

/** One way an alternative lands: an edit of [start, end) in the source, or advice. */
export type Proposal = {edit: {start: number; end: number; replacement: string}} | {advice: string}

export interface FitContext {
  text: string
  /** The whole document when `text` is a slice of it (regions, slices): the document decides, not where a slice ends. */
  within?: Within
  tokens: Token[]
  /** The matched tokens [start, end). */
  start: number
  end: number
  /** The finding's range in the source (it may include an article before the match). */
  from: number
  to: number
  /** The finding's range begins with that article. */
  withArticle: boolean
  slot: Slot
  /** The match names a person: a relative clause after it starts with "who". */
  person: boolean
  /** The alternatives' verb shape is done *to* what the matched words describe (a verb rule's adjective or noun phrase). */
  verbForObject?: boolean
}

export function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean)
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Keep the original's capital letter (or shouting); an acronym is no reason to shout. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '')
  // "A DSH episode": a capitalised word before the acronym starts the sentence, so the replacement does.
  if (letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return letters.length >= 5 ? replacement.toUpperCase() : /\s/.test(original.trim()) ? capitalise(replacement) : replacement
  if (UPPER_START.test(original)) return capitalise(replacement)
  // A lower-case original mid-sentence: the alternative's own capital goes, except "I" and names.
  return lowerFirst(replacement)
}

/** Nouns for people: a relative clause after them starts with "who". */
export const PEOPLE = /^(people|person|persons|patients?|clients?|residents?|members?|users?|individuals?|adults?|men|man|women|woman|children|child|young|youth|peers?|workers?|staff|families|family|carers?|participants?|applicants?|someone|anyone|everyone|he|she|they)$/

/**
 * What a rule says about the match's place. "non-compliance" in a rule about non-compliant
 * people names a behaviour, not a person; a verb rule's verb ("keep people stable") is done
 * by staff, so it never stands for its adjective phrase ("are clinically stable").
 */
export function fitFlags(rule: Rule, kind: RuleKind | undefined): {person: boolean; verbForObject: boolean} {
  return {person: rule.person === true && !(kind === 'noun' && rule.kind !== 'noun'), verbForObject: rule.kind === 'verb' && kind !== 'verb'}
}

/** Praise for the matched label, which the alternative does not need ("a positive peer"). */
export const PRAISE = /^(positive|good|great|excellent|strong|fantastic|brilliant|wonderful|shining|perfect|ideal)$/
