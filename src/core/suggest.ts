/**
 * Fit a rule's alternatives to the sentence they land in. Each alternative has
 * shapes (shape.ts); the match fills a slot (slot.ts). An alternative whose shape
 * fits the slot replaces the match (a drop-in); one that fits once the smallest
 * enclosing phrase is rewritten replaces that phrase ("who are non-compliant" →
 * "who choose not to take it"); any other is advice, shown but never applied.
 */
import {indefiniteArticle, inflectVerb, isPluralNoun} from './grammar/inflect.js'
import {type Shapes} from './grammar/shape.js'
import {isNounLike, type Slot} from './grammar/slot.js'
import type {Token} from './match/tokens.js'

/** One way an alternative lands: an edit of [start, end) in the source, or advice. */
export type Proposal = {edit: {start: number; end: number; replacement: string}} | {advice: string}

export interface FitContext {
  text: string
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
}

const ADVERB_LIKE = /^(very|well|more|less|most|really|quite|so|too|not|still|also|often|fully|highly|deeply|newly)$/i
/** Nouns too general to modify another ("person records"). */
const GENERAL = /^(person|people|someone|somebody|everyone|anyone|individual|individuals)$/i
const SENTENCE_PUNCTUATION = /[?!;]|\.\s/

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean)
}

/** A modifier that can stand before a noun: one word, a hyphenated compound or "very"/"well" + word. */
function compactModifier(s: string): boolean {
  const w = words(s)
  if (w.length === 1) return true
  return w.length === 2 && (ADVERB_LIKE.test(w[0]) || /ly$/.test(w[0])) && !/[,;(]/.test(s)
}

/** A noun phrase that can stand before another noun as a modifier ("peer", "wellness plan"). */
function compactNoun(s: string): boolean {
  const w = words(s)
  return w.length <= 2 && !w.some((x) => GENERAL.test(x) || /^(the|a|an|of|with|who|to|in|for|and|or|their|our)$/i.test(x)) && !/[,;(']/.test(s)
}

/** "choose not to take it" in the form "past" → "chose not to take it". */
function inflectPhrase(verb: string, form: Slot['verbForm']): string {
  const [head, ...rest] = words(verb)
  return [inflectVerb(head, form ?? 'base'), ...rest].join(' ')
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Keep the original's capital letter (or shouting); an acronym is no reason to shout. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '')
  if (letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return letters.length >= 5 ? replacement.toUpperCase() : replacement
  if (/^\p{Lu}/u.test(original)) return capitalise(replacement)
  // A lower-case original mid-sentence: the alternative's own capital goes, except "I" and names.
  if (/^\p{Lu}\p{Ll}/u.test(replacement) && !/^I\b/.test(replacement)) return replacement.charAt(0).toLowerCase() + replacement.slice(1)
  return replacement
}

/**
 * Fit one alternative. Returns the proposal, already joined to the words around it:
 * no doubled word at either seam, the article before it agreeing with it.
 */
export function fit(shapes: Shapes, ctx: FitContext): Proposal {
  const proposal = place(shapes, ctx)
  if ('advice' in proposal) return proposal
  return seams(proposal.edit, ctx) ?? {advice: adviceFor(shapes)}
}

function adviceFor(shapes: Shapes): string {
  return shapes.asWritten ?? shapes.noun?.singular ?? shapes.verb ?? shapes.clause ?? shapes.adjective ?? shapes.prep ?? ''
}

function place(shapes: Shapes, ctx: FitContext): Proposal {
  const {slot, text, tokens} = ctx
  const advice = {advice: adviceFor(shapes)}
  const dropIn = (replacement: string) => ({edit: {start: ctx.from, end: ctx.to, replacement: matchCase(text.slice(ctx.from, ctx.to), replacement)}})
  if (shapes.asWritten) return dropIn(ctx.withArticle ? `${indefiniteArticle(shapes.asWritten)} ${shapes.asWritten}` : shapes.asWritten)
  switch (slot.kind) {
    case 'noun': {
      const noun = shapes.noun
      if (!noun) return advice
      const phrase = slot.plural ? noun.plural : noun.singular
      const ownDeterminer = noun.determined || /^(a|an|the)\s/i.test(phrase)
      const plainPhrase = phrase.replace(/^(a|an)\s+/i, '')
      if (ctx.withArticle) {
        if (noun.mass || ownDeterminer) return dropIn(noun.mass ? plainPhrase : phrase)
        return dropIn(`${indefiniteArticle(phrase)} ${phrase}`)
      }
      const det = slot.determiner
      if (det !== undefined && (ownDeterminer || (noun.mass && /^(a|an)$/.test(tokens[det].norm)))) {
        // "our caseload" → "the people I work alongside": the alternative brings its own determiner.
        if (!/^\s+$/.test(text.slice(tokens[det].end, tokens[ctx.start].start))) return advice
        const start = tokens[det].start
        return {edit: {start, end: ctx.to, replacement: matchCase(text.slice(start, ctx.to), noun.mass ? plainPhrase : phrase)}}
      }
      return dropIn(plainPhrase)
    }
    case 'modifier': {
      const head = tokens[slot.head!]
      const headText = text.slice(head.start, head.end)
      if (shapes.adjective && compactModifier(shapes.adjective)) return dropIn(shapes.adjective)
      if (shapes.noun && compactNoun(shapes.noun.singular)) return dropIn(shapes.noun.singular)
      // Too long to stand before the noun: it follows it ("non-compliant clients" → "clients who choose not to take it").
      if (!/^\s+$/.test(text.slice(ctx.to, head.start))) return advice
      const after = postModifier(shapes, ctx, isPluralNoun(head.norm))
      if (!after) return advice
      const start = ctx.from
      return {edit: {start, end: head.end, replacement: matchCase(text.slice(start, ctx.to), `${headText} ${after}`)}}
    }
    case 'predicate': {
      if (shapes.adjective) return dropIn(shapes.adjective)
      if (shapes.prep && !/^(with|of)\s/i.test(shapes.prep)) return dropIn(shapes.prep)
      if (shapes.verb && !slot.negated && slot.be !== undefined) {
        // "who are non-compliant" → "who choose not to take it"; "has been" → "has chosen".
        const be = tokens[slot.be]
        const between = tokens.slice(slot.be + 1, ctx.start).map((t) => text.slice(t.start, t.end))
        if (/^(am|'m|'s|'re)$/.test(be.norm) || tokens.slice(slot.be + 1, ctx.start).some((t) => t.join !== 'space')) return advice
        const verb = inflectPhrase(shapes.verb, slot.verbForm)
        const replacement = [...between, verb].join(' ')
        return {edit: {start: be.start, end: ctx.to, replacement: matchCase(text.slice(be.start, ctx.to), replacement)}}
      }
      return advice
    }
    case 'complement': {
      if (shapes.adjective) return dropIn(shapes.adjective)
      if (shapes.prep && !/^(with|of)\s/i.test(shapes.prep)) return dropIn(shapes.prep)
      return advice
    }
    case 'verb': {
      if (!shapes.verb) return advice
      return dropIn(inflectPhrase(shapes.verb, slot.verbForm))
    }
    case 'clause': {
      const clause = shapes.clause
      if (!clause) return advice
      // A clause with its own question mark or semicolon fits only at the end of a sentence.
      const rest = text.slice(ctx.to).split(/[.!?]/)[0]
      if (SENTENCE_PUNCTUATION.test(clause) && /\p{L}/u.test(rest)) return advice
      const atStart = !tokens.slice(0, ctx.start).length
      return {edit: {start: ctx.from, end: ctx.to, replacement: atStart ? capitalise(clause) : matchCase(text.slice(ctx.from, ctx.to), clause)}}
    }
  }
}

/** What follows a noun in place of a modifier before it: "with lived experience", "who choose not to …". */
function postModifier(shapes: Shapes, ctx: FitContext, plural: boolean): string | undefined {
  if (shapes.prep) return shapes.prep
  if (shapes.adjective) return shapes.adjective
  if (shapes.verb) return `${ctx.person ? 'who' : 'that'} ${inflectPhrase(shapes.verb, plural ? 'base' : 's')}`
  return undefined
}

/** The edit joined to its neighbours, or undefined when it cannot join cleanly. */
function seams(edit: {start: number; end: number; replacement: string}, ctx: FitContext): Proposal | undefined {
  const {text, tokens} = ctx
  let {start, end, replacement} = edit
  const prev = [...tokens].reverse().find((t) => t.end <= start)
  const next = tokens.find((t) => t.start >= end)
  const repWords = words(replacement)
  const lastWord = repWords.at(-1)?.toLowerCase()
  // "chose not to" + "to take part": the sentence already has the complement's first word.
  if (next && lastWord === next.norm && /^\s+$/.test(text.slice(end, next.start))) {
    if (!/^(to|with|about|for|on|of|in|from|at)$/.test(lastWord) || ctx.slot.kind !== 'verb') return undefined
    replacement = repWords.slice(0, -1).join(' ')
  } else if (ctx.slot.kind === 'verb' && lastWord && /^(to|with|about|for|on|of|from|at)$/.test(lastWord) && !/^(in|into|alongside)$/.test(lastWord)) {
    // An alternative that ends in "to"/"with" needs what follows to be its object.
    if (!next || !/^\s+$/.test(text.slice(end, next.start))) return undefined
    if (lastWord === 'to' ? !/^[a-z]/.test(next.norm) || /^(the|a|an|their|his|her|our|my|your|this|that)$/.test(next.norm) : !(isNounLike(next) || /^(the|a|an|their|his|her|our|my|your|this|that|them|him|her|us|me|people|everyone|each|other|others)$/.test(next.norm))) {
      // "refused her medication": "chose not to" has no verb to take.
      if (lastWord === 'to') return undefined
      if (!/^(them|him|her|us|me|people|everyone)$/.test(next.norm)) return undefined
    }
  }
  const firstWord = words(replacement)[0]?.toLowerCase()
  if (prev && firstWord === prev.norm && /^\s+$/.test(text.slice(prev.end, start))) {
    // "help people support" never happens, but "with with" does: the sentence's own word stays.
    replacement = words(replacement).slice(1).join(' ')
  }
  if (!replacement) return undefined
  // The article before the edit agrees with its new first word ("a asset-based" → "an asset-based").
  if (prev && (prev.norm === 'a' || prev.norm === 'an') && /^\s+$/.test(text.slice(prev.end, start))) {
    const wanted = indefiniteArticle(replacement)
    if (/^(the|a|an|some|our|their)\s/i.test(replacement) && start === ctx.from) {
      // The alternative brings its own determiner: the sentence's article goes.
      const raw = text.slice(prev.start, prev.end)
      return {edit: {start: prev.start, end, replacement: matchCase(raw, replacement)}}
    }
    if (wanted !== prev.norm) {
      const raw = text.slice(prev.start, prev.end)
      const article = /^A/.test(raw) ? capitalise(wanted) : wanted
      return {edit: {start: prev.start, end, replacement: `${article}${text.slice(prev.end, start)}${replacement}`}}
    }
  }
  return {edit: {start, end, replacement}}
}
