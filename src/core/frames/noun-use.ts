/** Where a word with a verb's form is a noun or describes one, so anchors no frame. */
import type {Token} from '../match/tokens.js'
import type {Hit} from './lexicon.js'
import {isFunctionWord, isVerbGroupWord, PREPOSITIONS, PRONOUNS} from './grammar.js'

/** "the trust's agreed term": after a possessive ending, as after "the". */
export function afterPossessive(tokens: Token[], text: string, i: number): boolean {
  return i > 0 && /^['\u2019]s? +$/.test(text.slice(tokens[i - 1].end, tokens[i].start))
}

/**
 * "the meetings, jobs and places they have chosen": after "and" closing a list with commas whose member before it is
 * a noun (a word of a noun class and of no frame's verb class), the word is the list's last noun.
 */
export function listEnd(tokens: Token[], text: string, hits: readonly Hit[], i: number, nounOnly: (cls: string) => boolean): boolean {
  if (i < 3 || !/^(and|or)$/.test(tokens[i - 1].norm) || !text.slice(tokens[i - 3].end, tokens[i - 2].start).includes(',')) return false
  const before = hits.filter((h) => h.end === i - 1)
  return before.some((h) => nounOnly(h.cls)) && !before.some((h) => !nounOnly(h.cls) && !h.cls.includes('/'))
}

const ATTACHING = new Set(['for', 'from', 'about', 'regarding', 'concerning', 'on'])
/**
 * "Centrelink claims for residents are handled by…", "complaints from patients are dealt with…": a noun phrase after a
 * plural noun and one of these prepositions belongs to that noun; in the passive, it is not what the verb is done to.
 */
export function attachedToNoun(tokens: Token[], start: number): boolean {
  const p = start - 1
  return p >= 1 && ATTACHING.has(tokens[p].norm) && tokens[p].join !== 'break' && tokens[start].join !== 'break' && /^[a-z]{3,}s$/.test(tokens[p - 1].norm) && !isFunctionWord(tokens[p - 1].norm)
}

/** Nouns an -ing word names the kind of: "a writing workshop", "the planning group", "coping skills". */
const ACTIVITY_NOUNS = /^(workshops?|groups?|class|classes|courses?|sessions?|clubs?|circles?|skills?|exercises?|tasks?|programmes?|programs?|retreats?|tips|prompts?|competitions?|projects?|assignments?|space|spaces|room|rooms|materials?|packs?|templates?|guides?)$/
/**
 * "A free six-week writing workshop for adults", "our planning group": an -ing word between a determiner, a possessive or a
 * compound ("six-week") and such a noun describes the noun; it is no verb. Not "choosing groups for each resident", "assigning
 * tasks to tenants": with nothing before it, a gerund takes its object.
 */
export function namesActivity(tokens: Token[], i: number): boolean {
  if (!tokens[i].norm.endsWith('ing') || tokens[i + 1]?.join !== 'space' || !ACTIVITY_NOUNS.test(tokens[i + 1].norm) || i === 0) return false
  if (isVerbGroupWord(tokens[i - 1].norm)) return false
  return ACTIVITY_LEADS.has(tokens[i - 1].norm) || tokens[i - 1].join === 'hyphen' || tokens[i - 1].norm.includes('-')
}
const ACTIVITY_LEADS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'my', 'his', 'her', 'each', 'every', 'free', 'weekly', 'monthly', 'online', 'new', 'creative'])

/** Determiners of one thing only: "a written service plan" cannot be a subject and its verb ("a service plans"). */
const SINGULAR_SIGNALS = new Set('a an each every another'.split(' '))
/** "a written service plan", "each care plan": a bare verb form after a phrase opened by a singular determiner is its noun. */
export function inSingularPhrase(tokens: Token[], i: number): boolean {
  if (/(s|ed|ing)$/.test(tokens[i].norm) || isVerbGroupWord(tokens[i].norm)) return false
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (tokens[k + 1].join !== 'space') return false
    // Not inside a phrase after a preposition ("people with a personality disorder wear out…"), the verb's subject is before it.
    if (SINGULAR_SIGNALS.has(tokens[k].norm)) return k < i - 1 && (k === 0 || !PREPOSITIONS.has(tokens[k - 1].norm))
    // "a member's chosen activities require", "a new member joins rest", "every plan we write": a plural, a possessive, a verb or a pronoun ends the phrase.
    if (isFunctionWord(tokens[k].norm) || PRONOUNS.has(tokens[k].norm) || /s$/.test(tokens[k].norm)) return false
  }
  return false
}
