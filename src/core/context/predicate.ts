/**
 * Words such as "patient" are adjectives as often as nouns. After a form of "be"
 * or a degree adverb, or in a list of qualities that follows one ("be calm,
 * patient and kind"), the word describes a quality, not a person; so it does
 * before "and" and a word shaped like an adjective ("patient and cheerful"),
 * after an -ly adverb ("an endlessly patient teacher"), and before "with" when
 * no determiner makes it a noun ("endlessly patient with new volunteers", but
 * "a patient with depression").
 */
import {isAdverb} from '../frames/grammar.js'
import {inWordClass} from '../match/phrase.js'
import type {Token} from '../match/tokens.js'

/** Endings of words that are adjectives, not nouns ("cheerful", "generous", "supportive", "reliable"). */
const ADJECTIVE_ENDING = /(?:ful|ous|ive|able|ible|less)$/
/** Quality words without those endings, as they stand in a list before a noun ("a patient, friendly manner"). */
const QUALITIES = /^(?:friendly|kind|calm|warm|gentle|caring|open|honest|steady|consistent|positive|understanding|good-humoured|non-judgemental|non-judgmental)$/

export function isPredicateAdjective(tokens: Token[], start: number): boolean {
  let i = start - 1
  for (let steps = 0; i >= 0 && steps < 8; steps++, i--) {
    const t = tokens[i]
    if (inWordClass('@be', t) || inWordClass('@adv-degree', t)) return true
    if (t.norm === 'and' || t.norm === 'or') continue
    // A list item: one word followed by a comma ("calm, patient").
    if (tokens[i + 1]?.join === 'break' && !inWordClass('@det', t) && !inWordClass('@pronoun', t)) continue
    return false
  }
  return false
}

/** Whether the one-word match at `start` reads as an adjective (isPredicateAdjective, or, for a singular word, the shapes above). */
export function isAdjectiveSense(tokens: Token[], start: number, plural = false): boolean {
  if (isPredicateAdjective(tokens, start)) return true
  // An adjective takes no plural: "patients with psychosis" are people.
  if (plural) return false
  const before = tokens[start - 1]
  const next = tokens[start + 1]
  const joined = next !== undefined && next.join !== 'break'
  if (joined && (next.norm === 'and' || next.norm === 'or') && ADJECTIVE_ENDING.test(tokens[start + 2]?.norm ?? '')) return true
  // "a patient, friendly manner": a list of qualities before their noun.
  // With no determiner it cannot be a singular noun: "will need patient, multi-annual investment" (not "patient, family and staff").
  const bare = before !== undefined && /^[a-z]+$/.test(before.raw) && !inWordClass('@det', before) && !inWordClass('@pronoun', before) && (tokens[start + 2]?.join === 'hyphen' || /(?:al|ed|ic|ent|ant)$/.test(next?.norm ?? ''))
  if (next !== undefined && !joined && (ADJECTIVE_ENDING.test(next.norm) || QUALITIES.test(next.norm) || bare) && tokens[start + 2] !== undefined && tokens[start + 2].join !== 'break') return true
  if (before !== undefined && tokens[start].join !== 'break' && before.norm.endsWith('ly') && isAdverb(before.norm)) return true
  return joined && next.norm === 'with' && before !== undefined && !(inWordClass('@det', before) || before.norm === 'one')
}
