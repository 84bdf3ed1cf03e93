/**
 * The slot a match fills in its sentence: a noun phrase's head or a modifier
 * before another noun, an adjective before a noun or after "is/are", a verb in
 * some form and tense. Read from the words around the match, without a parser:
 * where the words do not say, the slot is the one that makes fewer edits.
 */
import {isFunctionWord} from '../match/forms.js'
import type {Token} from '../match/tokens.js'
import type {RuleKind} from '../types.js'
import {analyseVerb, formOf, isPluralNoun, type VerbForm} from './inflect.js'
import {UPPER_START} from '../match/letters.js'
import {DO, isNegator, MODALS} from '../frames/grammar.js'

export type SlotKind =
  /** The head of a noun phrase ("our *caseload* is full"). */
  | 'noun'
  /** A noun or adjective that modifies the noun after it ("*caseload* capacity", "*non-compliant* clients"). */
  | 'modifier'
  /** After a form of be ("who are *non-compliant*"), or a passive participle ("was *discharged as recovered*"). */
  | 'predicate'
  /** An adjective after a verb other than be ("described him as *manipulative*", "stay *symptom free*"). */
  | 'complement'
  /** After the noun it describes ("people *afflicted with* anxiety"). */
  | 'postmodifier'
  /** A verb phrase in some form. */
  | 'verb'
  /** A whole clause, or wording used as written. */
  | 'clause'

export interface Slot {
  kind: SlotKind
  /** Number of the noun the match is or describes. */
  plural: boolean
  /** For verbs, and for a predicate after be: the form a verb alternative takes. */
  verbForm?: VerbForm
  /** Token index of the be word before a predicate (a rewrite starts there). */
  be?: number
  /** A "not" or "never" stands between be and the match. */
  negated?: boolean
  /** A verb's past participle after be ("was discharged"): the subject is not the doer. */
  passive?: boolean
  /** Token index of the noun a modifier describes. */
  head?: number
  /** Token index of a determiner right before the match. */
  determiner?: number
  /** A complement after "as" ("seen as *hopeless*"): a noun phrase or an -ing phrase fits there too. */
  afterAs?: boolean
  /** The match is a noun (not an adjective) standing before another noun. */
  nounMatch?: boolean
  /** For verbs: the base of the matched verb ("help"). */
  base?: string
  /** For a finite verb: the subject before it ("who *stay* clean", "they *stayed*"), so "be" agrees ("are", "were", "am"). */
  agree?: 'plural' | 'first'
  /** A noun head with a modifier before it ("*anxiety* sufferers", "good medication *compliance*"). */
  modified?: boolean
}

const BE = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", "'re", "'m"])
const HAVE = new Set(['has', 'have', 'had', 'having', "'ve"])
const PREPOSITION = /^(with|by|of|to|from|on|in|about|for|at|into)$/

/** A word before a noun head that modifies it: an adjective or another noun ("poor", "anxiety"), not a verb or determiner. */
function isModifierWord(word: Token, beforeIt: Token | undefined): boolean {
  const w = word.norm
  if (!/^[a-z][a-z-]*$/.test(w) || isFunctionWord(w) || NOT_NOUN.has(w) || DETERMINERS.has(w) || SUBJECT.has(w)) return false
  if (/(ly|ing)$/.test(w)) return false
  // "symptom-free and *reports* recovery rates": after "and"/"or" an -s word is a verb, not a modifier.
  if (beforeIt !== undefined && /^(and|or)$/.test(beforeIt.norm) && /[^s]s$/.test(w)) return false
  // "Staff educate patients": a verb after its subject; a modifier follows a determiner, a preposition, or starts the sentence.
  if (beforeIt === undefined || word.join !== 'space' || DETERMINERS.has(beforeIt.norm) || PREPOSITION.test(beforeIt.norm) || /^(of|with|and|or|as)$/.test(beforeIt.norm) || ADJECTIVE_BEFORE_NOUN.has(beforeIt.norm) || /(al|ful|ive|ous|ic|ble|ent|ant|ed)$/.test(beforeIt.norm)) return true
  // "are set *individual* recovery targets", "have shown *good* compliance": an adjective by its ending, or a word after a participle, is no verb.
  if (/(ual|ial|ical|ous|ful|ible|able|tive|sive)$/.test(w)) return true
  const participle = analyseVerb(beforeIt.norm)
  return participle !== undefined && participle.base !== beforeIt.norm && (participle.form === 'participle' || participle.form === 'past')
}

/** Adjectives that often stand between a modifier and its noun ("disengaged *young* people"). */
const ADJECTIVE_BEFORE_NOUN = new Set('young old older younger new local other adult elderly single many first second last same'.split(' '))

/** "case management *meeting*": an -ing word that ends the noun phrase is a noun, not a participle. */
function ingNounAfter(tokens: Token[], end: number): boolean {
  const t = tokens[end]
  if (!t || t.join !== 'space' || !/ing$/.test(t.norm)) return false
  const next = tokens[end + 1]
  return !next || next.join !== 'space' || PREPOSITION.test(next.norm) || /^(and|or|is|are|was|were|will|can)$/.test(next.norm)
}

/** "Caseload Weighting Tool": in a heading in title case, a capitalised word after a noun is part of its name. */
function titleCaseAfter(tokens: Token[], start: number, end: number): boolean {
  const t = tokens[end]
  return t !== undefined && t.join === 'space' && UPPER_START.test(t.raw) && UPPER_START.test(tokens[start].raw) && UPPER_START.test(tokens[end + 1]?.raw ?? 'X')
}

/** The noun a modifier describes: the next word, or the one after a common adjective ("young people"). */
function headAfter(tokens: Token[], end: number): {head: number; plural: boolean} {
  let head = end
  // "young people", "service users", "urine sample": a singular word before another noun modifies it too.
  for (let steps = 0; steps < 2 && !isPluralNoun(tokens[head].norm) && isNounLike(tokens[head + 1]) && !/(ed)$/.test(tokens[head + 1].norm); steps++) head++
  return {head, plural: isPluralNoun(tokens[head].norm)}
}

/** The form of a matched verb phrase: that of its inflected word ("role-modell*ed*", "*leads* by example"). */
function verbFormIn(tokens: Token[], start: number, end: number, phrase: readonly string[]): VerbForm {
  for (let i = 0; i < phrase.length && start + i < end; i++) {
    const word = phrase[i]
    const written = tokens[start + i].norm
    if (word === '*' || written === word) continue
    const base = analyseVerb(word)?.base ?? word
    const form = formOf(written, base)
    if (form) return form
  }
  // Written in the phrase as it stands ("stayed clean", "committing suicide", "has PD", "role modelled").
  for (const [i, word] of phrase.slice(0, 2).entries()) {
    // "role-modelling": a hyphenated compound takes the form of its last part.
    const compound = i === 1 && phrase.length === 2 && tokens[start + 1]?.join !== 'space'
    if (word.endsWith('ing') && word.length > 4 && (i === 0 || compound)) return 'ing'
    if (word.endsWith('ed') && word.length > 3) return 'past'
  }
  return analyseVerb(phrase[0] ?? '')?.form ?? 'base'
}

/** Words after which a base form is no present tense: infinitive, modal, do-support, negation, causative ("to *stay* clean", "must *stay* clean"). */
const nonFinite = (word: string) => MODALS.has(word) || DO.has(word) || isNegator(word) || /^(to|let|lets|help|helps|make|makes)$/.test(word)
/** "who stay clean", "they stayed", "I stay": the subject right before a finite verb; none before an infinitive. */
function subjectBefore(tokens: Token[], at: number): 'plural' | 'first' | undefined {
  const word = at >= 0 ? tokens[at].norm : ''
  if (!word || nonFinite(word)) return undefined
  if (word === 'i') return 'first'
  return /^(who|that|they|we|you)$/.test(word) || isPluralNoun(word) ? 'plural' : undefined
}

/** People in the plural, who can be the subject of the word after them ("staff role-model", "residents relapse"). */
const PLURAL_PEOPLE = /^(people|staff|workers|peers|residents|patients|clients|members|users|mentors|supporters|volunteers|men|women|they|we)$/
/** Words after which a noun rule's word is a verb ("who relapse", "they relapse"). */
const SUBJECT = new Set('who i we they you he she will would may might must can could should to'.split(' '))
const DETERMINERS = new Set('a an the this that these those each every any some no another our my your his her their its all both either neither several many few two three four five six seven eight nine ten'.split(' '))
const NEGATION = new Set(['not', "n't", 'never'])
/** Words that are not nouns though no ending shows it. */
const NOT_NOUN = new Set(
  'also always often never sometimes usually still just only even already again soon now then there here too very quite rather really who whom whose which that what when where why how because although though while whether unless until since so yet once about above across after against along among around before behind below beside between beyond during except inside near off onward outside over past through throughout toward towards under underneath unlike upon within without can could may might must shall should will would need needs ought tend tends seem seems appear appears despite among per via regarding including following concerning than like as unlike plus'.split(
    ' '
  )
)

/** Whether a token can be the noun a word before it modifies ("capacity", "clients"; not "often", "refused", "to"). */
export function isNounLike(token: Token | undefined): boolean {
  if (!token || token.join !== 'space') return false
  const w = token.norm
  if (!/^[a-z][a-z'-]*$/.test(w) || isFunctionWord(w) || NOT_NOUN.has(w) || DETERMINERS.has(w)) return false
  if (/(ly|ed|ing)$/.test(w) && w.length > 4) return false
  const verb = analyseVerb(w)
  // "took", "chosen": an irregular past is a verb.
  return !(verb && (verb.form === 'past' || verb.form === 'participle'))
}

/** Skip adverbs and negation backwards from `i`; returns the index of the first other word. */
function skipAdverbs(tokens: Token[], i: number): {at: number; negated: boolean} {
  let negated = false
  for (let steps = 0; i >= 0 && steps < 3; steps++) {
    const w = tokens[i].norm
    if (NEGATION.has(w)) negated = true
    else if (!(w.endsWith('ly') || /^(still|often|always|sometimes|also|again|already|just|now|then|too|very|so|quite|repeatedly)$/.test(w))) break
    i--
  }
  return {at: i, negated}
}

function beForm(word: string): VerbForm {
  switch (word) {
    case 'is':
    case "'s":
      return 's'
    case 'was':
    case 'were':
      return 'past'
    case 'been':
      return 'participle'
    case 'being':
      return 'ing'
    default:
      return 'base'
  }
}

/**
 * The slot of a match of tokens [start, end) whose phrase is of `kind`; `firstBase`
 * is the base form of the phrase's first word (for a verb's form).
 */
export function slotOf(tokens: Token[], start: number, end: number, kind: RuleKind | undefined, plural: boolean, phrase: readonly string[], possessiveBefore = false, headInPhrase = false, possessiveAfter = false): Slot {
  const before = tokens[start - 1]
  const last = tokens[end - 1]
  const after = tokens[end]
  const firstBase = analyseVerb(phrase[0] ?? '')?.base ?? phrase[0] ?? ''
  // A possessive ("the service's") is a determiner too.
  // The join is stored on the later word: is the word before joined to the match by plain space?
  const joined = tokens[start].join === 'space'
  const determiner = before && joined && (DETERMINERS.has(before.norm) || possessiveBefore) ? start - 1 : undefined
  const back = start > 0 && tokens[start].join !== 'break' ? skipAdverbs(tokens, start - 1) : {at: -1, negated: false}
  const beWord = back.at >= 0 && BE.has(tokens[back.at].norm) ? back.at : undefined
  const subjectPlural = () => (beWord !== undefined ? /^(are|were|'re)$/.test(tokens[beWord].norm) : plural)
  switch (kind) {
    case 'noun': {
      // "Residents who relapse", "he has relapsed": a noun rule's word used as a verb.
      const written = tokens[start].norm
      const prevWord = before && joined ? before.norm : ''
      if (end - start === 1 && (/(ed|ing)$/.test(written) ? formOf(written, firstBase) !== undefined : SUBJECT.has(prevWord))) {
        return slotOf(tokens, start, end, 'verb', plural, phrase, possessiveBefore, headInPhrase)
      }
      // "caseload capacity": a singular noun right before another noun modifies it. Before an -s word
      // ("patient needs") it does only without a determiner ("the patient needs" has a verb).
      // "a victim of", "mentors three residents": a phrase that ends in its preposition, or an -s form with an object after it.
      const endsInPrep = PREPOSITION.test(last.norm)
      if (!endsInPrep && plural && end - start === 1 && /s$/.test(written) && after?.join === 'space' && /^(two|three|four|five|six|several|many|the|a|an|them|him|her|us|their|his|our|each|every)$/.test(after.norm) && before && isNounLike(before) && !isPluralNoun(before.norm)) {
        return slotOf(tokens, start, end, 'verb', plural, phrase, possessiveBefore, headInPhrase)
      }
      // "Our peer staff role-model good coping": after people in the plural and before an object, the word is their verb.
      if (!plural && !endsInPrep && before && joined && PLURAL_PEOPLE.test(before.norm) && after?.join === 'space' && (DETERMINERS.has(after.norm) || isNounLike(after)) && !NOT_NOUN.has(after.norm)) {
        return slotOf(tokens, start, end, 'verb', plural, phrase, possessiveBefore, headInPhrase)
      }
      // "the patient needs support" has a verb after the noun; "the revolving-door patients on Ward 3" a noun.
      const next2 = tokens[end + 1]
      const nounThen = next2 !== undefined && next2.join === 'space' && (PREPOSITION.test(next2.norm) || /^(are|were|have|will|can|may|must|should|would|and|or|who|that)$/.test(next2.norm))
      const verbAfter = after !== undefined && after.norm.endsWith('s') && determiner !== undefined && !nounThen
      // "the patient's own words": a possessive is the head of its own noun phrase, not a modifier of the next word.
      if (!endsInPrep && !plural && !possessiveAfter && (isNounLike(after) || ingNounAfter(tokens, end) || titleCaseAfter(tokens, start, end)) && !verbAfter) return {kind: 'modifier', ...headAfter(tokens, end), determiner, nounMatch: true}
      const modified = before !== undefined && joined && determiner === undefined && isModifierWord(before, tokens[start - 2])
      return {kind: 'noun', plural, determiner, modified}
    }
    case 'adjective': {
      // "patients recorded as recovered follows", "engaged with their treatment plan": a phrase with its own
      // complement never stands before a noun, so the word after it is not one it describes.
      // A hyphenated compound ("hard-to-reach communities") is one word before its noun.
      const ownComplement = end - start > 1 && tokens.slice(start + 1, end - 1).some((t) => t.join === 'space' && (PREPOSITION.test(t.norm) || t.norm === 'as'))
      // "psychotic dog": the phrase ends in the noun it describes.
      if (headInPhrase && end - start > 1 && isNounLike(last) && last.join === 'space') return {kind: 'modifier', plural: isPluralNoun(last.norm), head: end - 1, determiner}
      // "afflicted with anxiety": a phrase that ends in its preposition takes its object after it.
      if (PREPOSITION.test(last.norm) && beWord === undefined) {
        return before && isNounLike(before) ? {kind: 'postmodifier', plural: isPluralNoun(before.norm)} : {kind: 'complement', plural, determiner, afterAs: before?.norm === 'as'}
      }
      // "are broken people": before a noun it describes the noun, after be or not.
      // Right after be, only a plural noun is clearly described ("are glum stay in" has a verb there).
      if (!ownComplement && isNounLike(after) && (beWord === undefined || isPluralNoun(after.norm))) return {kind: 'modifier', ...headAfter(tokens, end), determiner}
      if (beWord !== undefined) return {kind: 'predicate', plural: subjectPlural(), be: beWord, verbForm: beForm(tokens[beWord].norm), negated: back.negated}
      if (before && isNounLike(before) && isPluralNoun(before.norm) && beWord === undefined) return {kind: 'postmodifier', plural: true}
      // "has recovered enough": after have it is a verb, and no adjective fits there.
      if (back.at >= 0 && HAVE.has(tokens[back.at].norm)) return {kind: 'clause', plural}
      return {kind: 'complement', plural, determiner, afterAs: before?.norm === 'as'}
    }
    case 'verb': {
      // "completed suicides": a verb phrase written as a plural noun is a noun here.
      if (plural && end - start > 1) return {kind: 'noun', plural, determiner}
      // "the disengaged young people": a participle before a noun is an adjective.
      if (end - start === 1 && /ed$/.test(tokens[start].norm) && isNounLike(after) && (before === undefined || determiner !== undefined || !joined)) return slotOf(tokens, start, end, 'adjective', plural, phrase, possessiveBefore)
      let form = verbFormIn(tokens, start, end, phrase)
      const base = firstBase
      if (form === 'past' || form === 'participle') {
        const aux = back.at >= 0 ? tokens[back.at].norm : ''
        if (BE.has(aux)) return {kind: 'predicate', plural: subjectPlural(), be: back.at, verbForm: beForm(aux), negated: back.negated, passive: true}
        form = HAVE.has(aux) ? 'participle' : 'past'
      }
      return {kind: 'verb', plural, verbForm: form, base, agree: form === 'base' || form === 'past' ? subjectBefore(tokens, back.at) : undefined}
    }
    default:
      return {kind: 'clause', plural}
  }
}

/**
 * The matched word that carries the phrase's number: the last, or the one before a final preposition
 * ("victims of"), or the one before a clause inside the phrase ("proof that recovery works").
 */
export function numberWordOf(tokens: Token[], start: number, end: number): number {
  const clauseAt = tokens.slice(start + 1, end).findIndex((t) => /^(that|who|which|whose)$/.test(t.norm))
  if (clauseAt >= 0) return start + clauseAt
  return end - start > 1 && /^(of|on|to|with|by|for)$/.test(tokens[end - 1].norm) ? end - 2 : end - 1
}
