/**
 * Words such as "patient" are adjectives as often as nouns. After a form of "be"
 * or a degree adverb, or in a list of qualities that follows one ("be calm,
 * patient and kind"), the word describes a quality, not a person.
 */
import {inWordClass} from '../match/phrase.js'
import type {Token} from '../match/tokens.js'

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
