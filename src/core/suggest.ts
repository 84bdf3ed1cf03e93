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
  /** The alternatives' verb shape is done *to* what the matched words describe (a verb rule's adjective or noun phrase). */
  verbForObject?: boolean
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
  const edit = seams(proposal.edit, ctx)
  if (!edit || 'advice' in edit) return edit ?? {advice: adviceFor(shapes)}
  // "manage the people I support" in a policy that never says "I": a first-person alternative fits only a sentence in the first person.
  if (/\bI\b/.test(edit.edit.replacement) && !ctx.tokens.some((t) => /^(i|my|me|myself|mine)$/.test(t.norm))) return {advice: adviceFor(shapes)}
  return {edit: {...edit.edit, replacement: ownedBySubject(edit.edit.replacement, ctx)}}
}

const OWNER: Record<string, {their: string; themselves: string}> = {
  you: {their: 'your', themselves: 'yourself'},
  we: {their: 'our', themselves: 'ourselves'},
  i: {their: 'my', themselves: 'myself'}
}

/** "you are fully recovered" → "you are in recovery in your own way", not "in their own way": a predicate's "their" is its subject's. */
function ownedBySubject(replacement: string, ctx: FitContext): string {
  const {slot, tokens} = ctx
  if (slot.kind !== 'predicate' || slot.passive || slot.be === undefined) return replacement
  const owner = OWNER[tokens[slot.be - 1]?.norm ?? '']
  if (!owner) return replacement
  return replacement.replace(/\btheir\b/g, owner.their).replace(/\bthemselves\b/g, owner.themselves)
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

function place(written: Shapes, ctx: FitContext): Proposal {
  const {slot, text, tokens} = ctx
  const shapes = ctx.verbForObject && slot.kind !== 'verb' ? {...written, verb: undefined} : written
  const advice = {advice: adviceFor(written)}
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
      if (slot.modified && (!bare || (noun.mass && /^\w+ing\b/.test(phrase)) || words(plainPhrase).some((w) => /^(who|whose|that|with|of|in|on|about|for|from|by|at|living|using|I|we)$/.test(w)))) return advice
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
      const atStart = !tokens.slice(0, ctx.start).length
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

/** Nouns that take a that-clause ("proof that…", "a sign that…"). */
const CONTENT_NOUN = /^(proof|evidence|testament|sign|signs|hope|belief|idea|fact|view|reminder|news|chance|possibility|message|claim)$/
/** Verbs that take an object and a wh-clause ("explore with them how…", "ask them what…"). */
const WH_VERB = /^(explore|exploring|explored|explores|ask|asks|asked|asking|discuss|discusses|discussed|discussing|tell|tells|told|telling|show|shows|showed|shown|showing|teach|teaches|taught|teaching|remind|reminds|reminded|reminding)$/
/** The head word of a noun phrase: its last word before a post-modifier. */
function headOf(phrase: string): string {
  const w = words(phrase.toLowerCase())
  const post = w.findIndex((x, i) => i > 0 && (POST.test(x) || PREP.test(x)))
  return (post === -1 ? w.at(-1) : w[post - 1]) ?? ''
}
/** The word before token `i`, or the one before an article there, is `word`. */
function prevOf(tokens: Token[], i: number, word: string): boolean {
  return tokens[i - 1]?.norm === word || (/^(the|a|an)$/.test(tokens[i - 1]?.norm ?? '') && tokens[i - 2]?.norm === word)
}

/** Prepositions whose phrase after a match may be the match's own complement ("non-compliant *with*", "in denial *about*"). */
const GOVERNED_PREP = /^(with|about|into)$/
/** Words an alternative can end in and still take that preposition's phrase ("not ready to talk *about* it", "find it hard to connect *with*"). */
const TAKES: Record<string, Set<string>> = {
  with: new Set('connect connected engage engaged work working cope coping live living deal dealing struggle struggling agree disagree talk talking speak speaking meet share sharing help start continue involved comfortable happy unhappy satisfied familiar content touch well okay along together'.split(' ')),
  about: new Set('talk talking speak speaking think thinking worry worried care know ask asking learn hear read write feel feeling unsure uncertain sure concerned anxious open honest curious hopeful doubts questions concerns views feelings choices decisions information conversation conversations'.split(' ')),
  into: new Set('look looking go going move moving turn come fit tap insight'.split(' '))
}
/** Words that follow a phrase without continuing its noun ("engaged with treatment *today*"). */
const TIME = /^(today|tonight|tomorrow|yesterday|daily|weekly|monthly|yearly|again|first|last|next|together|alone|instead|anyway|later|earlier)$/

/** After a verb: an object of up to three words, then "to" ("helps residents to recover"). */
function objectThenTo(tokens: Token[], i: number): boolean {
  for (let k = i; k >= 0 && k < tokens.length && k < i + 4; k++) if (tokens[k].norm === 'to') return true
  return false
}

/** The edit joined to its neighbours, or undefined when it cannot join cleanly. */
function seams(edit: {start: number; end: number; replacement: string}, ctx: FitContext): Proposal | undefined {
  const {text, tokens} = ctx
  let {start, end, replacement} = edit
  const prev = [...tokens].reverse().find((t) => t.end <= start)
  const nextIndex = tokens.findIndex((t) => t.start >= end)
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
    // "a history of deciding not to take it" + "with medication" → "deciding not to take medication": a gerund phrase takes the object too.
    if ((verbSlot && /^(with|to)$/.test(next.norm)) || (ctx.slot.kind === 'noun' && /^\w+ing$/i.test(repWords[0] ?? '') && next.norm === 'with')) {
      // "choose not to take it" + "with their medication" → "choose not to take their medication".
      return seams({start, end: next.end, replacement: repWords.slice(0, -1).join(' ')}, ctx)
    }
  }
  // "a long history of deciding not to take it who had stopped": in a noun phrase, "it" refers to nothing unless the sentence's object takes its place.
  if (lastWord === 'it' && ctx.slot.kind === 'noun') return undefined
  // "in denial about their drinking" → not "unsure about the diagnosis about their drinking": the sentence's
  // preposition phrase belonged to the matched words, so the alternative must end in a word that takes it.
  const governed = next && spaceAfter && edit.end === ctx.to && GOVERNED_PREP.test(next.norm) && !(ctx.slot.kind === 'noun' && (ctx.person || next.norm !== 'with' && next.norm !== 'about')) && ctx.slot.kind !== 'modifier'
  if (governed && !PREP.test(lastWord) && !TAKES[next.norm]?.has(lastWord)) return undefined
  // "engaged with their treatment plan": the sentence's next noun continues the matched noun, and no alternative ends in a noun it fits.
  if (next && spaceAfter && !/^(noun|modifier)$/.test(ctx.slot.kind) && ctx.end - ctx.start > 1 && isNounLike(tokens[ctx.end - 1]) && isNounLike(next) && !TIME.test(next.norm) && edit.end === ctx.to) return undefined
  // "patients' deficits" → "people's deficits"; "the patient's own words" → not "the person we support's own words".
  const apostrophe = /^['\u2019]s?(?![\p{L}])/u.exec(text.slice(end))
  if (apostrophe && edit.end === ctx.to) {
    if (repWords.slice(1).some((w) => POST.test(w.toLowerCase()) || PREP.test(w.toLowerCase()))) return undefined
    if (apostrophe[0].length === 1 && !/s$/i.test(lastWord)) return seams({start, end: end + 1, replacement: `${replacement}${apostrophe[0]}s`}, ctx)
  }
  // Text after the alternative's own comma or question mark would read as a run-on.
  if (/[,;?]/.test(replacement) && next !== undefined) return undefined
  const matchEndsInPrep = PREP.test(tokens[ctx.end - 1].norm) && edit.end === ctx.to
  if (next && spaceAfter && sameWord(lastWord, next.norm)) {
    // "chose not to" + "to take part": the sentence already has the complement's first word.
    // "a person we work with" + "with a history": a relative clause's own preposition is not that one.
    if (!PREP.test(lastWord) || repWords.slice(1, -1).some((w) => POST.test(w.toLowerCase()))) return undefined
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
  } else if (ctx.slot.kind === 'verb' && next && spaceAfter && next.norm === 'to' && !TO_VERBS.has(repWords[0]?.toLowerCase() ?? '')) {
    // "claims to hear voices": "says" takes no infinitive.
    return undefined
  } else if ((ctx.slot.kind === 'noun' || ctx.slot.kind === 'complement') && next && spaceAfter && (/^(of|to|on|from|into|about|for|by|with)$/.test(next.norm) ? repWords.slice(1).some((w) => POST.test(w.toLowerCase())) : /^(who|that|which)$/.test(next.norm) && repWords.slice(1).some((w, i, rest) => /^(who|that|whose)$/i.test(w) || (/ed$/i.test(w) && rest[i + 1]?.toLowerCase() === 'by')))) {
    // "people who need support" + "on their families", "peers who share their own experience" + "for the people who…",
    // "people who use drugs" + "who are in denial": a post-modified phrase takes no second one.
    return undefined
  }
  // "help patients recover" → "support patients recover" (or "learn together with them recover") would need "to".
  if (ctx.slot.kind === 'verb' && ctx.slot.base !== undefined && BARE_INFINITIVE.test(ctx.slot.base) && !BARE_INFINITIVE.test(repWords[0]?.toLowerCase() ?? '') && !objectThenTo(tokens, nextIndex)) return undefined
  // "committed suicide attempts": the matched noun modifies the next one, so no verb fits there.
  if (ctx.slot.kind === 'verb' && next && spaceAfter && isNounLike(next) && isPluralNoun(next.norm) && isNounLike(tokens[ctx.end - 1])) return undefined
  if (ctx.slot.kind === 'noun' && next && spaceAfter) {
    // "a recovery rate of 55%": a quantity; only another quantity would take its figure.
    if (next.norm === 'of' && /^\s*\d[\d.,]*\s*(%|per\s*cent|percent)/i.test(text.slice(next.end))) return undefined
    // "living proof that our service works": the match's noun takes a that-clause (a subject follows "that"), and the alternative's does not.
    const subject = tokens[nextIndex + 1]
    if (next.norm === 'that' && CONTENT_NOUN.test(tokens[ctx.end - 1].norm) && subject !== undefined && (NP_START.test(subject.norm) || /^(it|they|he|she|we|you|i|recovery|treatment)$/.test(subject.norm)) && !CONTENT_NOUN.test(headOf(replacement))) return undefined
  }
  // "full members of the treatment team" → not "members of the people supporting you": a part of a group is not a part of people.
  if (ctx.slot.kind === 'noun' && prevOf(tokens, ctx.start, 'of') && /^(members?|part|one|head|leader|lead|rest)$/.test(tokens[ctx.start - (tokens[ctx.start - 1]?.norm === 'of' ? 2 : 3)]?.norm ?? '') && /^(the\s+)?(people|person|someone)\b/i.test(replacement)) return undefined
  // "Model recovery for individuals" → not "Explore what recovery means to each person for individuals": a wh-clause takes no phrase after it.
  if (next && spaceAfter && /^(for|with|to|on|about|of|from|by|in|into|at)$/.test(next.norm) && /\b(what|how|where|whether|why)\s/i.test(replacement) && edit.end === ctx.to) return undefined
  // "show them how to recover": the matched verb takes an object and a wh-clause, which only a verb of asking or exploring takes too.
  if (ctx.slot.kind === 'verb' && next && spaceAfter && /^(them|him|her|us|me|you|people|patients|residents|clients|members|others)$/.test(next.norm) && /^(how|what|where|when|why|whether)$/.test(tokens[nextIndex + 1]?.norm ?? '') && !WH_VERB.test(repWords[0]?.toLowerCase() ?? '')) return undefined
  // "Family members who keep rescuing are family members who…", "You are able to draw on your own lived experience and
  // able to draw on your own experience": an alternative the sentence already says (its first four words) is no change.
  const said = repWords.slice(0, 4).join(' ')
  if (repWords.length > 1 && new RegExp(`\\b${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(`${text.slice(0, start)} ${text.slice(end)}`)) return undefined
  // "Clients with a dual diagnosis" → not "Clients with people who use substances": after "with" a condition, not people.
  const withAt = ctx.start - (tokens[ctx.start - 1]?.norm === 'with' ? 1 : 2)
  if (ctx.slot.kind === 'noun' && !ctx.person && prevOf(tokens, ctx.start, 'with') && PEOPLE.test(tokens[withAt - 1]?.norm ?? '') && /^(people|person|someone)$/i.test(repWords[0] ?? '')) return undefined
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
