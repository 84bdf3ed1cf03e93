/**
 * Gapping: "The referral is recorded as resolved, and the client as recovered, once…". The second
 * conjunct repeats the first clause's verb without saying it, so the comma and "and" before it do not
 * end the clause: what the verb does to "the client" is read as one clause with the first.
 */
import type {Token} from '../match/tokens.js'
import {CLAUSE_PUNCTUATION, DETERMINERS, isFunctionWord, POSSESSIVES} from './grammar.js'

/** What this needs of the clause reader (clause.ts). */
interface Reader {
  readonly tokens: Token[]
  norm(i: number): string
  gap(i: number): string
}

/**
 * Whether token i, an "and" or "or" after a comma, opens a gapped conjunct: a short noun phrase
 * (a determiner or possessive, then one to three content words), then "as" and one to three
 * words, then a comma, clause punctuation or the sentence's end, with no verb between.
 */
export function gappedConjunct(reader: Reader, i: number, isVerb: (k: number) => boolean): boolean {
  const n = reader.norm(i)
  if (n !== 'and' && n !== 'or') return false
  let k = i + 1
  if (!DETERMINERS.has(reader.norm(k)) && !POSSESSIVES.has(reader.norm(k))) return false
  k++
  const np = k
  while (k < reader.tokens.length && k - np < 3 && reader.norm(k) !== 'as' && !isFunctionWord(reader.norm(k)) && !isVerb(k) && !reader.gap(k).includes(',')) k++
  if (k === np || reader.norm(k) !== 'as' || reader.gap(k).includes(',')) return false
  const value = ++k
  while (k < reader.tokens.length && k - value < 3 && !isVerb(k) && !reader.gap(k).includes(',') && !CLAUSE_PUNCTUATION.test(reader.gap(k))) k++
  return k > value && (k === reader.tokens.length || reader.gap(k).includes(',') || CLAUSE_PUNCTUATION.test(reader.gap(k)))
}
