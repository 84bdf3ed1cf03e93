/**
 * Fit a rule's alternatives to the sentence they land in. Each alternative has
 * shapes (shape.ts); the match fills a slot (slot.ts). An alternative whose shape
 * fits the slot replaces the match (a drop-in); one that fits once the smallest
 * enclosing phrase is rewritten replaces that phrase ("who are non-compliant" →
 * "who choose not to take it"); any other is advice, shown but never applied.
 */
import {indefiniteArticle, inflectVerb, isPluralNoun} from './grammar/inflect.js'
import {DETERMINED, type Shapes} from './grammar/shape.js'
import {isNounLike, type Slot} from './grammar/slot.js'
import {describedBy, isPersonWord, type Described} from './grammar/described.js'
import {isFunctionWord} from './match/forms.js'
import type {Token} from './match/tokens.js'
import type {Within} from './slices.js'
import {capitalise, matchCase, PEOPLE, PRAISE, words, type FitContext, type Proposal} from './fit-context.js'
import {seams} from './seams.js'
import {actAsVerb} from './act-as.js'
import {firstPerson, namedPerson, otherPersonAfterAs, ownedBySubject, reportedNaming} from './voice.js'
import {UPPER_START} from './match/letters.js'

export {fitFlags, type FitContext, type Proposal} from './fit-context.js'

const ADVERB_LIKE = /^(very|well|more|less|most|really|quite|so|too|still|also|often|fully|highly|deeply|newly)$/i
/** Nouns too general to modify another ("person records"). */
const GENERAL = /^(person|people|someone|somebody|everyone|anyone|individual|individuals)$/i

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
function inflectPhrase(verb: string, form: Slot['verbForm'], agree?: Slot['agree']): string {
  const [head, ...rest] = words(verb)
  // "participants who stay clean" → "who are in recovery", not "who be"; "who stayed" → "who were".
  const be = head === 'be' && agree ? ({base: agree === 'first' ? 'am' : 'are', past: agree === 'first' ? 'was' : 'were'} as Partial<Record<string, string>>)[form ?? 'base'] : undefined
  if (be) return [be, ...rest].join(' ')
  return [inflectVerb(head, form ?? 'base'), ...rest].join(' ')
}

/**
 * Fit one alternative. Returns the proposal, already joined to the words around it:
 * no doubled word at either seam, the article before it agreeing with it.
 */
export function fit(shapes: Shapes, ctx: FitContext): Proposal {
  if (shapes.advice !== undefined) return {advice: shapes.advice}
  // "a negative sample" but "members in recovery": an alternative written for a person or a thing fits only that.
  if (shapes.describes !== undefined && describes(ctx) === otherThan[shapes.describes]) return {advice: adviceFor(shapes)}
  const proposal = place(shapes, ctx)
  if ('advice' in proposal) return proposal
  const edit = seams(proposal.edit, ctx)
  if (!edit || 'advice' in edit) return edit ?? {advice: adviceFor(shapes)}
  // "manage the people I support" in a policy that never says "I": a first-person alternative fits only a sentence in the first person.
  if (/\bI\b/.test(edit.edit.replacement) && !firstPerson(ctx.tokens)) return {advice: adviceFor(shapes)}
  // "As a peer who shares their own experience, you will…": a third person in the "As" phrase, "you" after it.
  if (otherPersonAfterAs(edit.edit.replacement, ctx)) return {advice: adviceFor(shapes)}
  return {edit: {...edit.edit, replacement: namedPerson(ownedBySubject(edit.edit.replacement, ctx), ctx.tokens)}}
}

const otherThan = {person: 'thing', thing: 'person'} as const
const describedCache = new WeakMap<FitContext, Described | undefined>()
/** What the matched words describe, read once per finding. */
function describes(ctx: FitContext): Described | undefined {
  if (!describedCache.has(ctx)) describedCache.set(ctx, describedBy(ctx.slot, ctx.tokens, ctx.start, ctx.end))
  return describedCache.get(ctx)
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
  // At the start of a sentence the replacement keeps the capital, even where the original was an acronym ("DSH was recorded").
  const dropIn = (replacement: string) => {
    const fitted = matchCase(text.slice(ctx.from, ctx.to), replacement)
    return {edit: {start: ctx.from, end: ctx.to, replacement: ctx.start === 0 && !ctx.withArticle ? capitalise(fitted) : fitted}}
  }
  if (shapes.asWritten) return dropIn(ctx.withArticle ? `${indefiniteArticle(shapes.asWritten)} ${shapes.asWritten}` : shapes.asWritten)
  switch (slot.kind) {
    case 'noun': {
      const noun = shapes.noun
      // "The peer worker is the helper" → not "is the peer": a predicate that repeats its subject's word says nothing.
      if (noun && repeatsSubject(noun.singular, tokens, ctx.start)) return advice
      // "called him a psycho": the name someone used is reported, not the writer's wording.
      if (reportedNaming(tokens, ctx.start)) return advice
      // "Residents with challenging behaviour" → "Residents in distress": a state takes its own preposition.
      const withWord = tokens[ctx.start - 1]
      // "Young people with DSH" → "Young people who self-harm": a doing takes a relative clause.
      const people = ctx.start > 1 ? tokens[ctx.start - 2] : undefined
      if ((shapes.prep || shapes.verb) && withWord?.norm === 'with' && slot.determiner === undefined && !slot.modified && people && isPersonWord(people.norm)) {
        const plural = isPluralNoun(people.norm) || /^(people|staff|they|we|you)$/.test(people.norm)
        const replacement = shapes.prep ?? `who ${inflectPhrase(shapes.verb!, plural ? 'base' : 's', 'plural')}`
        return {edit: {start: withWord.start, end: ctx.to, replacement: matchCase(text.slice(withWord.start, withWord.end), replacement)}}
      }
      if (!noun) return advice
      const phrase = slot.plural ? noun.plural : noun.singular
      const nextWord = tokens[ctx.end]?.norm ?? ''
      // "the patients they meet" → not "the people we support they meet": an alternative with its own clause takes no second one.
      if (/^(i|we|they|you|he|she)$/.test(nextWord) && /^\s+$/.test(text.slice(ctx.to, tokens[ctx.end].start)) && words(phrase).some((w) => /^(who|whose|that|I|we|they|you)$/i.test(w))) return advice
      // "Disruptive behaviours are recorded" → not "Distress are recorded".
      if (slot.plural && noun.mass && /^(are|were|have|do|need|tend|seem|remain|make|become)$/.test(nextWord)) return advice
      // "The treatment team determines" → not "The people supporting you determines".
      if (!slot.plural && /^(the\s+)?people\b/i.test(phrase) && (/^(is|was|has|does)$/.test(nextWord) || (/[^s]s$/.test(nextWord) && tokens[ctx.end]?.join === 'space'))) return advice
      // "the treatment team's view" → not "the people supporting you's view": only a noun takes the possessive.
      if (/^['\u2019]s?\b/.test(text.slice(ctx.to, ctx.to + 2)) && /\b(you|them|us|me|him|her|it|with|to|for|of|who|that|well|again)$/i.test(phrase)) return advice
      const ownDeterminer = DETERMINED.test(phrase)
      const plainPhrase = phrase.replace(/^(a|an)\s+/i, '')
      const before = tokens[ctx.start - 1]
      const acting = actAsVerb(shapes, ctx)
      if (acting) return acting
      // "act as positive role models" → "act as peers", not "positive peers": the praise belonged to the label of a person.
      if (slot.modified && PRAISE.test(before.norm) && PEOPLE.test(words(noun.singular)[0]?.toLowerCase() ?? '') && ctx.start > 1 && tokens[ctx.start].join === 'space') {
        const det = /^(a|an|the|this|that|these|those|our|their|his|her|your|my)$/.test(tokens[ctx.start - 2].norm) ? ctx.start - 2 : undefined
        return place(written, {...ctx, start: ctx.start - 1, from: before.start, withArticle: false, slot: {...slot, modified: false, determiner: det}})
      }
      // "six open cases" → not "six open people": a word for the state of a record describes no person.
      if (slot.modified && RECORD_STATE.test(before.norm) && PEOPLE.test(words(plainPhrase)[0]?.toLowerCase() ?? '')) return advice
      // "Good medication compliance": a noun before the match at the start of its phrase modifies it too.
      const modified = slot.modified || (before !== undefined && /^\s+$/.test(text.slice(before.end, tokens[ctx.start].start)) && premodifies(tokens, ctx.start - 1))
      // "Good medication compliance" → not "Good medication how the person uses their medication": a wh-phrase starts its own noun phrase.
      if (/^(how|what|where|when|why|whether)\b/i.test(phrase) && modified) return advice
      // "residents' faulty thinking" → not "residents' thoughts the person finds unhelpful": the possessive already says whose.
      if (/\bthe person\b/i.test(phrase) && /['\u2019]s?\s+$/.test(text.slice(Math.max(0, ctx.from - 3), ctx.from))) return advice
      // "the helped" → "the peer": the match's own "the" stays unless the alternative has a determiner.
      if (tokens[ctx.start].norm === 'the' && ctx.end - ctx.start > 1) return dropIn(ownDeterminer || noun.mass ? phrase : `the ${plainPhrase}`)
      if (ctx.withArticle) {
        // "describes people with dementia as a burden" → "as people who need support": "as" agrees with the object.
        if (ctx.person && pluralObjectBeforeAs(tokens, ctx.from)) return dropIn(noun.plural.replace(/^(a|an)\s+/i, ''))
        if (noun.mass || ownDeterminer) return dropIn(noun.mass ? plainPhrase : phrase)
        // "Our peer workers are an inspiration" → "are sources of hope": a plural takes no "a".
        if (slot.plural && /\b(are|were|be|been|being)\s+$/i.test(text.slice(Math.max(0, ctx.from - 7), ctx.from))) return dropIn(plainPhrase)
        return dropIn(`${indefiniteArticle(phrase)} ${phrase}`)
      }
      // "good medication compliance": after a modifier only a plain noun phrase fits.
      // "new cases" → "new people" reads; "good medication how the person…" and "anxiety people living with it" do not.
      const bare = /^(people|person)\b/i.test(phrase) || !ownDeterminer
      if (modified && (!bare || (noun.mass && /^\w+ing\b/.test(phrase)) || words(plainPhrase).some((w) => /^(who|whose|that|with|of|in|on|about|for|from|by|at|to|living|using|I|we|they|others|the)$/.test(w)))) return advice
      const det = slot.determiner
      // "no skills" → not "no skills they are building": "no" denies what the alternative's own clause says.
      if (det !== undefined && tokens[det].norm === 'no' && words(plainPhrase).some((w) => /^(who|whose|that|they|we|I|others)$/.test(w))) return advice
      // "Repeated refusal to come" → not "Repeated decision not to come": a bare singular after a modifier is used as a mass noun.
      if (slot.modified && det === undefined && !slot.plural && !noun.mass && !ownDeterminer && noun.plural !== noun.singular && bareBefore(tokens, ctx.start)) return advice
      // "the frequent flyers" → "the people who use the service often": "people" takes "the" as it is.
      if (det !== undefined && /^(the|these|those)$/.test(tokens[det].norm) && /^people\b/i.test(phrase)) return dropIn(phrase)
      if (det !== undefined && (ownDeterminer || (noun.mass && /^(a|an)$/.test(tokens[det].norm)))) {
        // "any relapse" → "a difficult period": the alternative brings its own determiner. A possessive
        // ("her caseload") says whose, so it is never dropped; nor is a quantity ("No addicts" → "No people with an addiction").
        if (/^(no|all|some|most|few|both|each|every|another|other|either|neither)$/.test(tokens[det].norm)) return /^people\b/i.test(phrase) ? dropIn(phrase) : advice
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
        // "a gambling client": an article two words back makes the word between a modifier the slot did not see.
        if (/^(a|an|the|each|every|this|that|our|your|their|his|her|its|my)$/.test(tokens[ctx.start - 2]?.norm ?? '') && tokens[ctx.start - 1].join === 'space') return advice
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
      // "a hopeless case" → not "a case not yet aware of their own abilities": words about a person cannot follow a thing that stands for them;
      // "two non-compliant clients" → not "clients who choose not to take it": after the noun, "it" has nothing to refer to.
      if (after && ((ctx.person && describes(ctx) === 'thing') || /\bit\b/.test(after))) return advice
      // "a revolving-door patient who is back": a second relative clause would not read; a heading's words stay in order.
      if (UPPER_START.test(head.raw) && ctx.start > 0) return advice
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
      // "The record is closed as recovered" → not "The record finishes working with us": a verb in place of be + adjective is done by a person.
      if (shapes.verb && !slot.negated && slot.be !== undefined && describes(ctx) !== 'thing') {
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
      // "He went nuts" → "He became very upset": "go" takes only its own idioms ("went quiet"), "become" takes any adjective.
      const go = tokens[ctx.start - 1]
      if (shapes.adjective && go && GO[go.norm] && tokens[ctx.start].join === 'space' && !/^\w+ing\b/.test(shapes.adjective)) {
        return {edit: {start: go.start, end: ctx.to, replacement: matchCase(text.slice(go.start, go.end), `${GO[go.norm]} ${shapes.adjective}`)}}
      }
      // "sounded distressed", "described as resourceful"; not "sounded experiencing psychosis".
      if (shapes.adjective && (slot.afterAs || !/^\w+ing\b/.test(shapes.adjective))) return dropIn(shapes.adjective)
      if (slot.afterAs) {
        // "seen as a burden" → "seen as someone who needs more support"; "seen as struggling".
        if (shapes.noun && !shapes.noun.mass) {
          const phrase = shapes.noun.singular
          // "flagged as concerns about the plan": a phrase already plural takes no "a".
          return dropIn(shapes.noun.determined || /^(a|an|the)\s/i.test(phrase) || shapes.noun.plural === phrase ? phrase : `${indefiniteArticle(phrase)} ${phrase}`)
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
      if (shapes.verb) return dropIn(`${relative(ctx, tokens[ctx.start - 1])} ${inflectPhrase(shapes.verb, slot.plural ? 'base' : 's', 'plural')}`)
      return advice
    }
    case 'verb': {
      if (!shapes.verb) return advice
      return dropIn(withOwnObject(inflectPhrase(shapes.verb, slot.verbForm, slot.agree), ctx))
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
  if (shapes.verb) return `${relative(ctx, head)} ${inflectPhrase(shapes.verb, plural ? 'base' : 's', 'plural')}`
  return undefined
}


const QUANTIFIER = /^(other|another|such|same|many|few|several|more|most|all|both|no|any|each|every|next|last|first|unlike|like|only|just|even|also)$/

/** "Good medication compliance": the word at `i` starts its phrase and modifies the noun after it (a noun, or an adjective opening the sentence). */
function premodifies(tokens: Token[], i: number): boolean {
  const w = tokens[i]
  if (isFunctionWord(w.norm) || DETERMINED.test(w.norm) || QUANTIFIER.test(w.norm) || !/^\p{L}+$/u.test(w.norm)) return false
  if (i === 0) return true
  return isNounLike(w) && (i === 1 || /^(the|a|an|of|with|for|in|on|to)$/.test(tokens[i - 1].norm))
}

/** No determiner before the modifiers of the noun at `start` ("Repeated refusal", "Treatment refusal"; not "the peer mentor"). */
function bareBefore(tokens: Token[], start: number): boolean {
  const before = tokens[start - 2]
  return before === undefined || /^(of|with|for|about|in|on|to|from|by|and|or)$/.test(before.norm)
}

/** "describes people with dementia as …": the object before "as" (a few words back) is a plural word for people. */
function pluralObjectBeforeAs(tokens: Token[], from: number): boolean {
  const i = tokens.findIndex((t) => t.start >= from) - 1
  if (tokens[i]?.norm !== 'as') return false
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = tokens[k].norm
    if (/^(them|us)$/.test(w)) return true
    if (/^(him|her|me|you|it|this|that)$/.test(w)) return false
    if (PEOPLE.test(w)) return isPluralNoun(w) || /^(people|staff|men|women|children)$/.test(w)
  }
  return false
}

/** The state of a record or a file ("open cases", "closed referrals"): it describes no person. */
const RECORD_STATE = /^(open|closed|active|inactive|dormant|live|pending|allocated|unallocated|reopened|archived|current|complex|transferred)$/

/**
 * "The peer worker is the peer supporter": after "is the" a noun names who the subject is, and one whose content words the
 * subject already has says nothing. ("is a peer" says what kind, and may.)
 */
function repeatsSubject(phrase: string, tokens: Token[], start: number): boolean {
  const be = start - 2
  if (tokens[start - 1]?.norm !== 'the' || !/^(is|are|was|were)$/.test(tokens[be]?.norm ?? '')) return false
  const subject = new Set(tokens.slice(Math.max(0, be - 3), be).map((t) => t.norm))
  return words(phrase.toLowerCase()).some((w) => w.length > 2 && !isFunctionWord(w) && (subject.has(w) || subject.has(`${w}s`)))
}


const GO: Record<string, string> = {go: 'become', goes: 'becomes', went: 'became', gone: 'become', going: 'becoming'}
const OBJECT = /^(him|her|you|us|me|others|someone|anyone)$/

/** "tells clients what to do" → "explores options with clients", not "with them": the match's own object stays. */
function withOwnObject(verb: string, ctx: FitContext): string {
  const object = ctx.tokens[ctx.start + 1]
  if (ctx.end - ctx.start < 3 || !object || !(OBJECT.test(object.norm) || PEOPLE.test(object.norm)) || /^(he|she|they)$/.test(object.norm)) return verb
  return verb.replace(/\bthem\b/, ctx.text.slice(object.start, object.end))
}

function relative(ctx: FitContext, head?: Token): string {
  return ctx.person || (head !== undefined && PEOPLE.test(head.norm)) ? 'who' : 'that'
}

