/**
 * The grammatical shapes of a rule's alternatives. A pack may write an alternative
 * as a plain string (its shape is inferred from the rule's kind), as
 * `{singular, plural}` (a noun phrase), or as an object naming one or more shapes
 * of the same meaning (`{verb: choose not to take it, noun: a decision not to take it}`);
 * the engine picks the shape that fits the slot in the sentence.
 */
import type {Alternative, Rule, RuleKind} from '../types.js'
import {analyseVerb, inflectVerb, isMassNoun, isPluralNoun, pluralNoun} from './inflect.js'

/** The shapes one alternative can take. */
export interface Shapes {
  /** A noun phrase; `mass` when it takes no article ("distress", "progress on their goals"). */
  noun?: {singular: string; plural: string; mass: boolean; determined: boolean}
  /** An adjective phrase ("hopeful", "interested in other things"). */
  adjective?: string
  /** A verb phrase with its head verb first, in the base form ("choose not to take it"). */
  verb?: string
  /** A whole clause with its own subject ("the treatment did not help"). */
  clause?: string
  /** A preposition phrase ("with lived experience", "in recovery"). */
  prep?: string
  /** Written for one slot only and used there as written (packs that give no shape for a rule of kind `other`). */
  asWritten?: string
  /** Shown, never an edit. */
  advice?: string
  /** Fits only where the words describe a person, or a thing. */
  describes?: 'person' | 'thing'
}

/** Words that start a noun phrase with its own determiner: it never takes another article. */
export const DETERMINED = /^(a|an|the|some|someone|somebody|people|anyone|anybody|everyone|everybody|each|every|their|our|my|your|his|her|its|this|that|these|those|what|how|where|when|why|whether|who|one)\b|^\w+ing\b/i
/** Where the head of a noun phrase ends: a post-modifier starts ("person *who* uses drugs", "person *I* support"). */
const POST_MODIFIER = /^(who|whom|whose|that|which|with|without|of|in|on|at|for|from|to|about|around|through|between|among|after|during|by|like|under|over|living|experiencing|using|affected|taken|i|we|they|you|he|she|the|a|an|their|our|people|the|whose|through|into|not|never)$/i

/** A clause that starts with an instruction to the author ("describe…", "name…", "ask what…"). */
const INSTRUCTION = /^(describe|name|ask|say|explain|list|state|give|use|consider|check|write|mention)\b/i

/** The plural of a noun phrase: its head noun and a verb that agrees with it after "who". */
export function pluralise(phrase: string): string {
  const words = phrase.split(' ')
  // A participle starts a post-modifier too ("note *agreed* with the person", "person *seeking* connection").
  let head = words.findIndex((w, i) => i > 0 && (POST_MODIFIER.test(w) || /^\w{3,}(ing|ed)$/.test(w)))
  if (head === -1) head = words.length
  head -= 1
  // Only a short head is safe to inflect: a longer phrase reads as written.
  if (head > 3 || head < 0) return phrase
  const first = words[0].toLowerCase()
  if (first === 'a' || first === 'an') {
    if (head === 0) return phrase
    words.shift()
    head -= 1
  }
  if (/^(the|their|our|people|someone|everyone|what|how|where|when|why|whether)$/i.test(words[0])) return words.join(' ')
  const noun = words[head].replace(/[,;]$/, '')
  if (isPluralNoun(noun) || isMassNoun(noun)) return words.join(' ')
  words[head] = words[head].replace(noun, pluralNoun(noun))
  if (/^(who|that)$/i.test(words[head + 1] ?? '')) {
    const verb = words[head + 2]
    const analysed = verb && analyseVerb(verb)
    if (analysed && analysed.form === 's') words[head + 2] = inflectVerb(analysed.base, 'base') === 'be' ? 'are' : inflectVerb(analysed.base, 'base')
    else if (verb === 'was') words[head + 2] = 'were'
  }
  return words.join(' ')
}

/** Whether a noun phrase's head is uncountable ("progress on their goals", "harmful substance use"). */
function massPhrase(phrase: string): boolean {
  const words = phrase.split(' ')
  let head = words.findIndex((w, i) => i > 0 && (POST_MODIFIER.test(w) || /^\w{3,}(ing|ed)$/.test(w)))
  if (head === -1) head = words.length
  const noun = words[head - 1] ?? ''
  return isMassNoun(noun) || (/ing$/.test(noun) && head - 1 === 0)
}

/** The base form of a verb phrase written in the base, -s or an irregular past form ("lives with" → "live with"). */
function verbBaseOf(phrase: string): string | undefined {
  const [first, ...rest] = phrase.split(' ')
  const analysed = analyseVerb(first)
  if (!analysed) return undefined
  return [analysed.base, ...rest].join(' ')
}

/**
 * Shapes already worked out, by alternative and kind: each finding asks for every alternative of its
 * rule, and pluralising or analysing a verb each time cost more than placing the words. The shapes
 * are only read (fit and place copy before they change anything).
 */
const byObject = new WeakMap<object, Shapes>()
const byString = new Map<RuleKind | undefined, Map<string, Shapes>>()

/** The shapes of one alternative as written in a pack, for a rule (or phrase) of this kind. */
export function shapesOf(alt: Alternative, kind: RuleKind | undefined): Shapes {
  if (typeof alt === 'string') {
    let strings = byString.get(kind)
    if (!strings) byString.set(kind, (strings = new Map()))
    let shapes = strings.get(alt)
    if (!shapes) strings.set(alt, (shapes = inferShapes(alt, kind)))
    return shapes
  }
  // Written shapes do not depend on the kind.
  let shapes = byObject.get(alt)
  if (!shapes) byObject.set(alt, (shapes = writtenShapes(alt)))
  return shapes
}

function writtenShapes(alt: Exclude<Alternative, string>): Shapes {
  // Wording only the author can judge ("member", where the group has chosen it): shown, never an edit.
  if ('advice' in alt && alt.advice) return {advice: alt.advice}
  // "describe what happened" has no subject: an instruction to the author, never wording to put in the sentence.
  if ('clause' in alt && alt.clause && INSTRUCTION.test(alt.clause) && Object.keys(alt).length === 1) return {advice: alt.clause}
  const shapes: Shapes = {}
  const singular = 'singular' in alt && alt.singular !== undefined ? alt.singular : 'noun' in alt ? alt.noun : undefined
  if (singular !== undefined) {
    const plural = alt.plural ?? pluralise(singular)
    shapes.noun = {singular, plural, mass: alt.mass ?? (plural === singular && massPhrase(singular)), determined: DETERMINED.test(singular)}
  }
  if ('adjective' in alt && alt.adjective) shapes.adjective = alt.adjective
  if ('verb' in alt && alt.verb) shapes.verb = alt.verb
  if ('clause' in alt && alt.clause) shapes.clause = alt.clause
  if ('prep' in alt && alt.prep) shapes.prep = alt.prep
  if (alt.describes) shapes.describes = alt.describes
  return shapes
}

function inferShapes(text: string, kind: RuleKind | undefined): Shapes {
  switch (kind) {
    case 'noun': {
      const plural = pluralise(text)
      return {noun: {singular: text, plural, mass: massPhrase(text), determined: DETERMINED.test(text)}}
    }
    case 'verb': {
      const base = verbBaseOf(text)
      return base ? {verb: base} : {asWritten: text}
    }
    case 'adjective':
      return /^(with|without|in|on|at|beyond|under|from)\s/i.test(text) ? {prep: text} : {adjective: text}
    case 'clause':
      return {clause: text}
    default:
      return {asWritten: text}
  }
}

/** The text an alternative is shown as when it cannot be an edit here. */
export function adviceText(shapes: Shapes, kind: RuleKind | undefined): string {
  const order: Array<keyof Shapes> =
    kind === 'verb' ? ['verb', 'clause', 'adjective', 'prep', 'noun'] : kind === 'adjective' ? ['adjective', 'prep', 'verb', 'clause', 'noun'] : ['noun', 'clause', 'verb', 'adjective', 'prep']
  if (shapes.asWritten) return shapes.asWritten
  for (const key of order) {
    const value = shapes[key]
    if (!value) continue
    return typeof value === 'string' ? value : value.singular
  }
  return ''
}

/** The kind of the phrase a match came from: a rule's `kinds` may name some phrases' own kind. */
export function phraseKind(rule: Rule, phrase: string | undefined): RuleKind | undefined {
  if (phrase && rule.kinds) {
    for (const [kind, phrases] of Object.entries(rule.kinds)) if (phrases?.includes(phrase)) return kind as RuleKind
  }
  return rule.kind
}

/**
 * The shapes of an alternative of a frame rule (or a second-opinion rule). Such a finding covers a clause's key
 * words, whose grammar the pack does not state; a plain string there is advice (a
 * rewrite to make by hand), and only an alternative with a named shape is fitted.
 */
export function frameShapes(alt: Alternative, kind: RuleKind | undefined): Shapes {
  if (typeof alt !== 'string') return shapesOf(alt, kind)
  return kind && kind !== 'other' ? shapesOf(alt, kind) : {advice: alt}
}

/** An alternative as one line of text, for lists (docs, SARIF rule help). */
export function alternativeLabel(alt: Alternative): string {
  if (typeof alt === 'string') return alt
  return alt.singular ?? alt.noun ?? alt.verb ?? alt.clause ?? alt.adjective ?? alt.prep ?? alt.advice ?? ''
}
