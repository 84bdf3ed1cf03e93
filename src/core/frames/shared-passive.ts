/**
 * A participle after "and" that shares the voice of a passive before it: "I was discharged from CAMHS at seventeen and
 * told I had recovered" is told, not telling (clause.ts reads it as passive, so "I" is no teller).
 */
import {BE} from './grammar.js'
import type {SentenceReader} from './clause.js'

/** Subject pronouns and words that open a told-clause: "and told I had recovered", "and told that", "and told to wait". */
const TOLD_CLAUSE = /^(i|he|she|they|we|you|it|that|to)$/
/** Only before a clause, never before an object ("was worried and told the family"). */
export function sharesPassive(reader: SentenceReader, g: number, verbEnd: number): boolean {
  if (g < 3 || !/^(and|or)$/.test(reader.norm(g - 1)) || !TOLD_CLAUSE.test(reader.norm(verbEnd))) return false
  for (let i = g - 2; i >= 1 && g - i <= 10; i--) {
    if (reader.tokens[i + 1].join === 'break' && /[.;:]/.test(reader.gap(i + 1))) return false
    if (BE.has(reader.norm(i - 1)) && /(?:ed|en|wn)$/.test(reader.norm(i))) return true
  }
  return false
}
