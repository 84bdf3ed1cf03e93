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
import type {Within} from './slices.js'

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
}

const ADVERB_LIKE = /^(very|well|more|less|most|really|quite|so|too|still|also|often|fully|highly|deeply|newly)$/i
/** Nouns too general to modify another ("person records"). */
const GENERAL = /^(person|people|someone|somebody|everyone|anyone|individual|individuals)$/i

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
  if (shapes.advice !== undefined) return {advice: shapes.advice}
  const proposal = place(shapes, ctx)
  if ('advice' in proposal) return proposal
  return seams(proposal.edit, ctx) ?? {advice: adviceFor(shapes)}
}

const WORD_OR_STOP = /[.!?]|\p{L}/gu

/** Whether a letter comes after `from` before a full stop, question or exclamation mark, reading on into the document after a slice. */
function wordBeforeStop(text: string, from: number, within: Within | undefined): boolean {
  WORD_OR_STOP.lastIndex = from
  let m = WORD_OR_STOP.exec(text)
  if (m === null && within) {
    WORD_OR_STOP.lastIndex = text.length + within.base
    m = WORD_OR_STOP.exec(within.text)
  }
  return m !== null && !/[.!?]/.test(m[0])
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
      const nextWord = tokens[ctx.end]?.norm ?? ''
      // "Disruptive behaviours are recorded" → not "Distress are recorded".
      if (slot.plural && noun.mass && /^(are|were|have|do|need|tend|seem|remain|make|become)$/.test(nextWord)) return advice
      // "The treatment team determines" → not "The people supporting you determines".
      if (!slot.plural && /^(the\s+)?people\b/i.test(phrase) && (/^(is|was|has|does)$/.test(nextWord) || (/[^s]s$/.test(nextWord) && tokens[ctx.end]?.join === 'space'))) return advice
      const ownDeterminer = DETERMINED_START.test(phrase)
      const plainPhrase = phrase.replace(/^(a|an)\s+/i, '')
      // "the helped" → "the peer": the match's own "the" stays unless the alternative has a determiner.
      if (tokens[ctx.start].norm === 'the' && ctx.end - ctx.start > 1) return dropIn(ownDeterminer || noun.mass ? phrase : `the ${plainPhrase}`)
      if (ctx.withArticle) {
        if (noun.mass || ownDeterminer) return dropIn(noun.mass ? plainPhrase : phrase)
        return dropIn(`${indefiniteArticle(phrase)} ${phrase}`)
      }
      // "good medication compliance": after a modifier only a plain noun phrase fits.
      // "new cases" → "new people" reads; "good medication how the person…" and "anxiety people living with it" do not.
      const bare = /^(people|person)\b/i.test(phrase) || !ownDeterminer
      if (slot.modified && (!bare || (noun.mass && /^\w+ing\b/.test(phrase)) || words(plainPhrase).some((w) => /^(who|whose|that|with|of|in|living|using|I|we)$/.test(w)))) return advice
      const det = slot.determiner
      // "the frequent flyers" → "the people who use the service often": "people" takes "the" as it is.
      if (det !== undefined && /^(the|these|those)$/.test(tokens[det].norm) && /^people\b/i.test(phrase)) return dropIn(phrase)
      if (det !== undefined && (ownDeterminer || (noun.mass && /^(a|an)$/.test(tokens[det].norm)))) {
        // "any relapse" → "a difficult period": the alternative brings its own determiner. A possessive
        // ("her caseload") says whose, so it is never dropped.
        if (!/^\s+$/.test(text.slice(tokens[det].end, tokens[ctx.start].start)) || /^(my|your|his|her|its|our|their|two|three|four|five|six|seven|eight|nine|ten|several|many)$/.test(tokens[det].norm) || !/^\s+$/.test(text.slice(tokens[det].end, tokens[det].end + 1))) return advice
        const start = tokens[det].start
        return {edit: {start, end: ctx.to, replacement: matchCase(text.slice(start, ctx.to), noun.mass ? plainPhrase : phrase)}}
      }
      // "times of relapse": a bare singular after "of" is used as a mass noun; "a difficult period" does not fit there.
      if (det === undefined && !slot.plural && /^(a|an)\s/i.test(phrase) && tokens[ctx.start - 1]?.norm === 'of' && tokens[ctx.start].join === 'space') return advice
      if (det === undefined && !slot.plural && !noun.mass && !ownDeterminer && !slot.modified && noun.plural !== noun.singular && /^\p{Ll}/u.test(text.slice(ctx.from, ctx.to))) {
        // A bare singular ("covers relapse prevention"): a countable alternative needs its article,
        // and after "of" ("times of relapse") it does not fit at all.
        if (tokens[ctx.start - 1]?.norm === 'of') return advice
        // In a list or a heading ("Patient or client → person") a bare word stays bare.
        if (ctx.start === 0 || /^(or|and|nor)$/.test(tokens[ctx.start - 1].norm) || tokens[ctx.start].join !== 'space') return dropIn(phrase)
        return dropIn(`${indefiniteArticle(phrase)} ${phrase}`)
      }
      // No determiner before it: the alternative keeps its own ("would be a serious risk").
      return dropIn(det === undefined ? phrase : plainPhrase)
    }
    case 'modifier': {
      const head = tokens[slot.head!]
      const headText = text.slice(head.start, head.end)
      if (slot.head! < ctx.end) {
        // "psychotic dog" → "aggressive dog": the phrase's own noun stays.
        if (shapes.adjective && compactModifier(shapes.adjective)) return dropIn(`${shapes.adjective} ${headText}`)
        const after = postModifier(shapes, ctx, isPluralNoun(head.norm), head)
        return after ? dropIn(`${headText} ${after}`) : advice
      }
      // The article before a modifier belongs to the noun it modifies: it stays, fitted to the new word.
      const withArticle = (s: string) => (ctx.withArticle ? `${indefiniteArticle(s)} ${s}` : s)
      if (shapes.adjective && compactModifier(shapes.adjective)) return dropIn(withArticle(shapes.adjective))
      if (slot.nounMatch && shapes.noun && compactNoun(shapes.noun.singular)) return dropIn(withArticle(shapes.noun.singular))
      // A noun before a noun takes only a preposition phrase after it ("alcoholic residents" → "residents with an alcohol problem").
      if (slot.nounMatch && !shapes.prep) return advice
      // Too long to stand before the noun: it follows it ("non-compliant clients" → "clients who choose not to take it").
      if (!/^\s+$/.test(text.slice(ctx.to, head.start))) return advice
      const after = slot.nounMatch ? shapes.prep : postModifier(shapes, ctx, isPluralNoun(head.norm), head)
      // "a revolving-door patient who is back": a second relative clause would not read; a heading's words stay in order.
      if (/^\p{Lu}/u.test(head.raw) && ctx.start > 0) return advice
      if (!after || /^(who|that|which|whose)$/.test(tokens[slot.head! + 1]?.norm ?? '')) return advice
      const start = ctx.from
      const phraseText = text.slice(tokens[ctx.end].start, head.end)
      const article = ctx.withArticle ? `${indefiniteArticle(phraseText)} ` : ''
      return {edit: {start, end: head.end, replacement: matchCase(text.slice(start, ctx.to), `${article}${phraseText} ${after}`)}}
    }
    case 'predicate': {
      // "are managed by the senior" → "are supported by the senior": a passive stays passive.
      if (slot.passive) return shapes.adjective ? dropIn(shapes.adjective) : shapes.verb ? dropIn(inflectPhrase(shapes.verb, 'participle')) : advice
      // "being living well" would not read: after "being" an -ing phrase does not fit.
      if (shapes.adjective && !(slot.verbForm === 'ing' && /^\w+ing\b/.test(shapes.adjective))) return dropIn(shapes.adjective)
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
      // "sounded distressed", "described as resourceful"; not "sounded experiencing psychosis".
      if (shapes.adjective && (slot.afterAs || !/^\w+ing\b/.test(shapes.adjective))) return dropIn(shapes.adjective)
      if (slot.afterAs) {
        // "seen as a burden" → "seen as someone who needs more support"; "seen as struggling".
        if (shapes.noun && !shapes.noun.mass) {
          const phrase = shapes.noun.singular
          return dropIn(shapes.noun.determined || /^(a|an|the)\s/i.test(phrase) ? phrase : `${indefiniteArticle(phrase)} ${phrase}`)
        }
        if (shapes.verb) return dropIn(inflectPhrase(shapes.verb, 'ing'))
        return advice
      }
      if (shapes.prep && !/^(with|of)\s/i.test(shapes.prep)) return dropIn(shapes.prep)
      return advice
    }
    case 'postmodifier': {
      // "people afflicted with anxiety" → "people living with anxiety".
      if (shapes.adjective) return dropIn(shapes.adjective)
      if (shapes.prep) return dropIn(shapes.prep)
      if (shapes.verb) return dropIn(`${relative(ctx, tokens[ctx.start - 1])} ${inflectPhrase(shapes.verb, slot.plural ? 'base' : 's')}`)
      return advice
    }
    case 'verb': {
      if (!shapes.verb) return advice
      return dropIn(inflectPhrase(shapes.verb, slot.verbForm))
    }
    case 'clause': {
      const clause = shapes.clause
      if (!clause) return advice
      // A clause fits only where the match runs to the end of the sentence ("…because treatment works.").
      if (tokens[ctx.end] !== undefined || wordBeforeStop(text, ctx.to, ctx.within)) return advice
      const atStart = ctx.start === 0
      return {edit: {start: ctx.from, end: ctx.to, replacement: atStart ? capitalise(clause) : matchCase(text.slice(ctx.from, ctx.to), clause)}}
    }
  }
}

/** What follows a noun in place of a modifier before it: "with lived experience", "who choose not to …". */
function postModifier(shapes: Shapes, ctx: FitContext, plural: boolean, head?: Token): string | undefined {
  if (shapes.prep) return shapes.prep
  if (shapes.adjective) return shapes.adjective
  if (shapes.verb) return `${relative(ctx, head)} ${inflectPhrase(shapes.verb, plural ? 'base' : 's')}`
  return undefined
}

/** Nouns for people: a relative clause after them starts with "who". */
const PEOPLE = /^(people|person|persons|patients?|clients?|residents?|members?|users?|individuals?|adults?|men|man|women|woman|children|child|young|youth|peers?|workers?|staff|families|family|carers?|participants?|applicants?|someone|anyone|everyone|he|she|they)$/

function relative(ctx: FitContext, head?: Token): string {
  return ctx.person || (head !== undefined && PEOPLE.test(head.norm)) ? 'who' : 'that'
}

/** Verbs that take a to-infinitive after them ("declined to attend"); any other verb does not. */
const TO_VERBS = new Set(
  'aim agree arrange ask attempt begin choose continue decide decline expect fail hope intend learn manage need offer plan prefer prepare promise refuse seem start struggle tend try want wish'
    .split(' ')
    .flatMap((v) => (['base', 's', 'past', 'participle', 'ing'] as const).map((f) => inflectVerb(v, f)))
)
const DEGREE = /^(so|very|really|quite|bit|too|rather|extremely|completely|totally|absolutely|utterly|fairly|pretty)$/
/** The same word, singular or plural ("peer" and "peers"). */
const sameWord = (a: string, b: string) => a === b || (a.length > 2 && (a + 's' === b || b + 's' === a))

/** A noun phrase that brings its own determiner ("the people I support", "someone who…", "sharing information"). */
const DETERMINED_START = /^(a|an|the|some|someone|somebody|people|anyone|anybody|everyone|everybody|each|every|their|our|my|your|his|her|its|this|that|these|those|what|how|where|when|why|whether|who|one)\b|^\w+ing\b/i
const PREP = /^(to|with|about|for|on|of|from|at|in|into|by)$/
const AUX = /^(will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|be|been)$/
/** Verbs that take a bare infinitive after their object ("help people *get* well"). */
const BARE_INFINITIVE = /^(help|helps|helped|helping|let|lets|letting|make|makes|made|making)$/
/** Words that can start the object of a preposition. */
const NP_START = /^(the|a|an|their|his|her|our|my|your|them|him|us|me|people|everyone|each|every|other|others|anyone|someone|all|any|some|this|these|those|two|three|four|five|six|seven|eight|nine|ten|several|many|most)$/
/** Words that start a post-modifier inside a noun phrase ("people *who* use", "people *I* support"). */
const POST = /^(who|whose|that|living|using|experiencing|i|we|they)$/

/** After a verb: an object of up to three words, then "to" ("helps residents to recover"). */
function objectThenTo(tokens: Token[], i: number): boolean {
  for (let k = i; k >= 0 && k < tokens.length && k < i + 4; k++) if (tokens[k].norm === 'to') return true
  return false
}

/** Index of the first token for which `after` holds (it holds for every later one too), or tokens.length. */
function firstToken(tokens: Token[], after: (t: Token) => boolean): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (after(tokens[mid])) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The edit joined to its neighbours, or undefined when it cannot join cleanly. */
function seams(edit: {start: number; end: number; replacement: string}, ctx: FitContext): Proposal | undefined {
  const {text, tokens} = ctx
  let {start, end, replacement} = edit
  // Tokens are in source order: found by halving, not by walking a sentence that may be thousands of words long.
  const prevIndex = firstToken(tokens, (t) => t.end > start) - 1
  const prev = prevIndex >= 0 ? tokens[prevIndex] : undefined
  const found = firstToken(tokens, (t) => t.start >= end)
  const nextIndex = found === tokens.length ? -1 : found
  const next = nextIndex === -1 ? undefined : tokens[nextIndex]
  const spaceAfter = next !== undefined && /^\s+$/.test(text.slice(end, next.start))
  let repWords = words(replacement)
  const lastWord = repWords.at(-1)?.toLowerCase() ?? ''
  const beforeLast = repWords.at(-2)?.toLowerCase() ?? ''
  const verbSlot = ctx.slot.kind === 'verb' || (ctx.slot.kind === 'predicate' && !ctx.slot.passive && edit.start < ctx.from)
  if (lastWord === 'it' && next && spaceAfter && PREP.test(next.norm) && tokens[nextIndex + 1]?.join === 'space') {
    if (next.norm === beforeLast) {
      // "not ready to talk about it" + "about how much she drinks" → "not ready to talk about how much she drinks".
      return seams({start, end, replacement: repWords.slice(0, -2).join(' ')}, ctx)
    }
    if (verbSlot && /^(with|to)$/.test(next.norm)) {
      // "choose not to take it" + "with their medication" → "choose not to take their medication".
      return seams({start, end: next.end, replacement: repWords.slice(0, -1).join(' ')}, ctx)
    }
  }
  // Text after the alternative's own comma or question mark would read as a run-on.
  if (/[,;?]/.test(replacement) && next !== undefined) return undefined
  const matchEndsInPrep = PREP.test(tokens[ctx.end - 1].norm) && edit.end === ctx.to
  if (next && spaceAfter && sameWord(lastWord, next.norm)) {
    // "chose not to" + "to take part": the sentence already has the complement's first word.
    if (!PREP.test(lastWord)) return undefined
    replacement = repWords.slice(0, -1).join(' ')
  } else if (PREP.test(lastWord) && !/^(in|into)$/.test(lastWord)) {
    // An alternative that ends in "to"/"with" needs what follows to be its object.
    if (!next || !spaceAfter) return undefined
    const after = tokens[nextIndex + 1]
    if (/^(of|on|upon)$/.test(next.norm) && !matchEndsInPrep && after?.join === 'space' && (isNounLike(after) || NP_START.test(after.norm))) {
      // "decision about" + "of medication" → "decision about medication": the alternative's preposition replaces the sentence's.
      return {edit: {start, end: next.end, replacement}}
    }
    if (lastWord === 'to' && !matchEndsInPrep && (PREP.test(next.norm) || AUX.test(next.norm))) return undefined
    if (lastWord === 'to' && !matchEndsInPrep ? !/^[a-z]/.test(next.norm) || NP_START.test(next.norm) : !(isNounLike(next) || NP_START.test(next.norm) || /^(how|what|who|where|why|whether)$/.test(next.norm))) return undefined
  } else if (matchEndsInPrep) {
    // "be an example to the people" needs an alternative that also ends in its preposition.
    return undefined
  } else if (ctx.slot.kind === 'verb' && ctx.slot.base !== undefined && BARE_INFINITIVE.test(ctx.slot.base) && !BARE_INFINITIVE.test(repWords[0]?.toLowerCase() ?? '') && !objectThenTo(tokens, nextIndex)) {
    // "help patients recover" → "support patients recover" would need "to".
    return undefined
  } else if (ctx.slot.kind === 'verb' && next && spaceAfter && next.norm === 'to' && !TO_VERBS.has(repWords[0]?.toLowerCase() ?? '')) {
    // "claims to hear voices": "says" takes no infinitive.
    return undefined
  } else if ((ctx.slot.kind === 'noun' || ctx.slot.kind === 'complement') && next && spaceAfter && /^(of|to|on|from|into|about)$/.test(next.norm) && repWords.slice(1).some((w) => POST.test(w.toLowerCase()))) {
    // "people who need support" + "on their families": a post-modified phrase takes no second one.
    return undefined
  }
  // "committed suicide attempts": the matched noun modifies the next one, so no verb fits there.
  if (ctx.slot.kind === 'verb' && next && spaceAfter && isNounLike(next) && isPluralNoun(next.norm) && isNounLike(tokens[ctx.end - 1])) return undefined
  // "how the person uses their medication" + "with medication": a clause-like phrase takes no complement.
  if (next && spaceAfter && PREP.test(next.norm) && /^(what|how|where|whether|why)\s/i.test(replacement) && (ctx.slot.kind === 'noun' || ctx.slot.kind === 'complement')) return undefined
  // "lacks insight into his condition": the match's own complement would be left hanging.
  if (next && spaceAfter && (next.norm === 'into' || (next.norm === 'of' && ctx.slot.kind === 'verb')) && !PREP.test(words(replacement).at(-1)?.toLowerCase() ?? '')) return undefined
  repWords = words(replacement)
  const firstWord = repWords[0]?.toLowerCase()
  const joined = prev !== undefined && /^\s+$/.test(text.slice(prev.end, start))
  if (prev && joined && firstWord !== undefined && sameWord(firstWord, prev.norm)) {
    // "peer mentors" → "peer peer supporters": the sentence's own word stays.
    replacement = repWords.slice(1).join(' ')
  } else if (prev && joined && DEGREE.test(prev.norm) && /^very\s/i.test(replacement)) {
    // "so OCD" → "so particular", not "so very particular".
    replacement = replacement.replace(/^very\s+/i, '')
  }
  if (!replacement) return undefined
  // The article before the edit agrees with its new first word ("a asset-based" → "an asset-based").
  if (prev && joined && (prev.norm === 'a' || prev.norm === 'an')) {
    const wanted = indefiniteArticle(replacement)
    const raw = text.slice(prev.start, prev.end)
    if (/^(the|a|an|some|our|their)\s/i.test(replacement) && start === ctx.from) {
      // The alternative brings its own determiner: the sentence's article goes.
      return {edit: {start: prev.start, end, replacement: matchCase(raw, replacement)}}
    }
    if (wanted !== prev.norm) {
      const article = /^A/.test(raw) ? capitalise(wanted) : wanted
      return {edit: {start: prev.start, end, replacement: `${article}${text.slice(prev.end, start)}${replacement}`}}
    }
  }
  return {edit: {start, end, replacement}}
}
