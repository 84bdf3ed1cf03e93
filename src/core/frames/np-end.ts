/**
 * Where a subject's noun phrase ends before its verb: "the peer mentor visits weekly and…" ends at
 * "mentor" ("visits" is the verb), "the peer worker visits are logged" at "visits".
 */
import {DETERMINERS, POSSESSIVES, PRONOUNS} from './grammar.js'
import type {Token} from '../match/tokens.js'

/** What this needs of the clause reader (clause.ts); reach.ts's SentenceReader has it. */
interface SentenceReader {
  readonly tokens: Token[]
  norm(i: number): string
  isNoun(i: number): boolean
  isPerson(i: number, anyRole?: boolean): boolean
  isHeadable(i: number): boolean
}

/** Where the noun phrase whose word is at i ends (before the verb at limit). */
export function npEnd(reader: SentenceReader, i: number, limit: number): number {
  let e = i
  while (e + 1 < limit && reader.tokens[e + 1].join !== 'break' && reader.isHeadable(e + 1) && !PRONOUNS.has(reader.norm(e + 1)) && reader.isNoun(e + 1) && !verbAfterPerson(reader, e, limit)) e++
  return e
}
/**
 * "Some people call every night and…", "the care coordinator meets them and…", "the peer mentor visits weekly
 * and…": after a person, a noun-or-verb word that takes a determiner or an object pronoun, or a verb form
 * followed by how often, is their verb.
 */
function verbAfterPerson(reader: SentenceReader, e: number, limit: number): boolean {
  const next = reader.norm(e + 2)
  if (e + 2 >= limit || !reader.isPerson(e, true)) return false
  const often = HOW_OFTEN.has(next) || ((/^\d+$/.test(next) || NUMBER_WORDS.has(next)) && reader.norm(e + 3) === 'times')
  // "A facilitator meets you and…": "you" after a verb form in -s is its object (not "the meetings you attend").
  const verbS = reader.norm(e + 1).endsWith('s') && !reader.norm(e + 1).endsWith('ings')
  return DETERMINERS.has(next) || POSSESSIVES.has(next) || OBJECT_FORMS.has(next) || ((often || next === 'you') && verbS)
}
const OBJECT_FORMS = new Set(['them', 'him', 'us', 'me'])
const HOW_OFTEN = new Set(['weekly', 'daily', 'fortnightly', 'monthly', 'nightly', 'twice', 'once', 'regularly', 'often', 'frequently', 'annually', 'quarterly', 'routinely'])
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'several', 'many'])
