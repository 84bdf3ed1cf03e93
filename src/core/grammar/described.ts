/**
 * What the matched words describe: a person or a thing. "Only clean members" and "a
 * clean urine sample" take different words ("members in recovery", "a negative
 * sample"); "The record is closed as recovered" cannot "finish working with us". Read
 * from the noun the slot belongs to (the noun a modifier describes, the subject of
 * be), without a parser: where the words do not say, the answer is undefined and
 * every alternative may fit.
 */
import type {Token} from '../match/tokens.js'
import {PEOPLE} from '../fit-context.js'
import {isNounLike, type Slot} from './slot.js'
import {LOWER_START, NAME_WORD} from '../match/letters.js'

export type Described = 'person' | 'thing'

/** Words for people beyond PEOPLE (which also decides "who" after a noun). */
const PERSON_WORD =
  /^(tenants?|mums?|mothers?|dads?|fathers?|sons?|daughters?|brothers?|sisters?|partners?|wives|wife|husbands?|parents?|nurses?|doctors?|students?|volunteers?|boys?|girls?|lads?|guys?|friends?|neighbours?|neighbors?|mentors?|mentees?|supporters?|colleagues?|candidates?|graduates?|customers?|guests?|visitors?|attendees?|callers?|survivors?|victims?|newcomers?|parents?|relatives?|siblings?|aunts?|uncles?|teenagers?|adolescents?|kids?|babies|baby|infants?|grandparents?|nobody|somebody|everybody|anybody|employees?|managers?|leaders?|mates?|friends?|facilitators?|specialists?|coordinators?|officers?|residents?|humans?|beings?|locals?|whoever)$/
const PERSON_PRONOUN = /^(he|she|they|i|we|you|him|her|them|us|me|everyone|someone|anyone|no-one|noone)$/
const THING_PRONOUN = /^(it|this|that|which|what)$/
const SKIP_BACK = /^(not|never|n't|will|would|can|could|may|might|must|shall|should|has|have|had|is|are|was|were|be|been|being|am|'s|'re|'m|do|does|did|also|still|often|always|usually|sometimes|now|then|already|just|probably|clearly|both|all|each|very|really|quite)$/
const PREPOSITION = /^(of|about|at|in|on|with|for|from|by|to|into|over|under|near|behind|around|after|before)$/
const DETERMINER = /^(the|a|an|this|that|these|those|our|their|his|her|its|my|your|every|each|some|any|no)$/

/** A word for a person or people ("residents", "tenant", "she"). */
export function isPersonWord(w: string): boolean {
  return PERSON_PRONOUN.test(w) || PEOPLE.test(w) || PERSON_WORD.test(w)
}

/** Person, thing, or undefined, for the single word `t` (a name written with a capital mid-sentence is a person). */
function kindOf(tokens: Token[], i: number): Described | undefined {
  const t = tokens[i]
  if (!t) return undefined
  const w = t.norm
  if (isPersonWord(w)) return 'person'
  if (THING_PRONOUN.test(w)) return 'thing'
  if (i > 0 && NAME_WORD.test(t.raw) && !DETERMINER.test(tokens[i - 1].norm)) return 'person'
  return isNounLike(t) && LOWER_START.test(t.raw) ? 'thing' : undefined
}

/**
 * The subject before token `i` (a be word or a verb): back over auxiliaries and adverbs, through
 * "who"/"that" to what it refers to, and from a noun in a preposition phrase to the noun that phrase
 * belongs to ("Her complaints about the staff are" → "complaints").
 */
export function subjectBefore(tokens: Token[], i: number): Described | undefined {
  let k = i - 1
  while (k >= 0 && SKIP_BACK.test(tokens[k].norm)) k--
  if (k < 0) return undefined
  if (/^(who|whom)$/.test(tokens[k].norm)) return 'person'
  if (/^(that|which)$/.test(tokens[k].norm) && k > 0 && isNounLike(tokens[k - 1])) k--
  // A pronoun is the whole subject ("from the team he is").
  if (PERSON_PRONOUN.test(tokens[k].norm) || THING_PRONOUN.test(tokens[k].norm)) return kindOf(tokens, k)
  // "everyone at the hostel", "complaints about the staff": the noun before the preposition is the head.
  for (let steps = 0; steps < 2; steps++) {
    let p = k - 1
    while (p >= 0 && p > k - 4 && (DETERMINER.test(tokens[p].norm) || (isNounLike(tokens[p]) && !PREPOSITION.test(tokens[p].norm)))) p--
    if (p > 0 && PREPOSITION.test(tokens[p].norm) && (isNounLike(tokens[p - 1]) || PERSON_PRONOUN.test(tokens[p - 1].norm))) k = p - 1
    else break
  }
  return kindOf(tokens, k)
}

/** A verb's object after it: "fix *people*", "fix *her problems*", "treat *each resident's anxiety*". */
function objectAfter(tokens: Token[], end: number): Described | undefined {
  const first = tokens[end]
  if (!first || first.join !== 'space') return undefined
  let head = -1
  for (let k = end; k < tokens.length && k < end + 4; k++) {
    const t = tokens[k]
    if (k > end && t.join !== 'space') break
    if (DETERMINER.test(t.norm) && isNounLike(tokens[k + 1])) continue
    if (PERSON_PRONOUN.test(t.norm) || THING_PRONOUN.test(t.norm)) return k === end ? kindOf(tokens, k) : undefined
    if (!isNounLike(t)) break
    head = k
  }
  return head === -1 ? undefined : kindOf(tokens, head)
}

/** What the slot's words describe (for a verb, its object), where the sentence says. */
export function describedBy(slot: Slot, tokens: Token[], start: number, end: number): Described | undefined {
  switch (slot.kind) {
    case 'modifier':
      return slot.head !== undefined ? kindOf(tokens, slot.head) : undefined
    case 'postmodifier':
      return kindOf(tokens, start - 1)
    case 'verb':
      return objectAfter(tokens, end)
    case 'predicate':
      return slot.be !== undefined ? subjectBefore(tokens, slot.be) : undefined
    default:
      return undefined
  }
}
