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

export type SlotKind =
  /** The head of a noun phrase ("our *caseload* is full"). */
  | 'noun'
  /** A noun or adjective that modifies the noun after it ("*caseload* capacity", "*non-compliant* clients"). */
  | 'modifier'
  /** After a form of be ("who are *non-compliant*"), or a passive participle ("was *discharged as recovered*"). */
  | 'predicate'
  /** An adjective after a verb other than be ("described him as *manipulative*", "stay *symptom free*"). */
  | 'complement'
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
  /** Token index of the last adverb between be and the match ("are often non-compliant"). */
  negated?: boolean
  /** Token index of the noun a modifier describes. */
  head?: number
  /** Token index of a determiner right before the match. */
  determiner?: number
}

const BE = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", "'re", "'m"])
const HAVE = new Set(['has', 'have', 'had', 'having', "'ve"])
const DETERMINERS = new Set('a an the this that these those each every any some no another our my your his her their its all both either neither several many few two three four five six seven eight nine ten'.split(' '))
const NEGATION = new Set(['not', "n't", 'never'])
/** Words that are not nouns though no ending shows it. */
const NOT_NOUN = new Set(
  'also always often never sometimes usually still just only even already again soon now then there here too very quite rather really who whom whose which that what when where why how because although though while whether unless until since so yet once about above across after against along among around before behind below beside between beyond during except inside near off onward outside over past through throughout toward towards under underneath unlike upon within without can could may might must shall should will would need needs ought tend tends seem seems appear appears'.split(
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
export function slotOf(tokens: Token[], start: number, end: number, kind: RuleKind | undefined, plural: boolean, firstBase: string): Slot {
  const before = tokens[start - 1]
  const after = tokens[end]
  const determiner = before && before.join !== 'break' && DETERMINERS.has(before.norm) ? start - 1 : undefined
  const back = start > 0 && tokens[start].join !== 'break' ? skipAdverbs(tokens, start - 1) : {at: -1, negated: false}
  const beWord = back.at >= 0 && BE.has(tokens[back.at].norm) ? back.at : undefined
  const subjectPlural = () => (beWord !== undefined ? /^(are|were|'re)$/.test(tokens[beWord].norm) : plural)
  switch (kind) {
    case 'noun': {
      // "caseload capacity": a singular noun right before another noun modifies it. Before an -s word
      // ("patient needs") it does only without a determiner ("the patient needs" has a verb).
      if (!plural && isNounLike(after) && !(after.norm.endsWith('s') && determiner !== undefined)) return {kind: 'modifier', plural: isPluralNoun(after.norm), head: end, determiner}
      return {kind: 'noun', plural, determiner}
    }
    case 'adjective': {
      if (isNounLike(after) && beWord === undefined) return {kind: 'modifier', plural: isPluralNoun(after.norm), head: end, determiner}
      if (beWord !== undefined) return {kind: 'predicate', plural: subjectPlural(), be: beWord, verbForm: beForm(tokens[beWord].norm), negated: back.negated}
      return {kind: 'complement', plural, determiner}
    }
    case 'verb': {
      const written = tokens[start].norm
      let form = formOf(written, firstBase) ?? analyseVerb(written)?.form ?? 'base'
      if (form === 'past' || form === 'participle') {
        const aux = back.at >= 0 ? tokens[back.at].norm : ''
        if (BE.has(aux)) return {kind: 'predicate', plural: subjectPlural(), be: back.at, verbForm: beForm(aux), negated: back.negated}
        form = HAVE.has(aux) ? 'participle' : 'past'
      }
      return {kind: 'verb', plural, verbForm: form}
    }
    default:
      return {kind: 'clause', plural}
  }
}
