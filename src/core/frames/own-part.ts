/**
 * "the team agreed what each of us would do to support her": a clause object about the writers' own part in what
 * the person decided, not the person's plan decided for them. The person acted on ("what we will do about your
 * medication", "what each of us would say to the patient") makes it theirs again.
 */
import type {SentenceReader} from './clause.js'

export function ownPart(reader: SentenceReader, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const person = /^(your|their|his|her|him|them|you)$/.test(reader.norm(i)) || reader.isPerson(i)
    if (person && ![1, 2, 3].some((d) => /^(support|help|back|assist|encourage)$/.test(reader.norm(i - d)))) return false
  }
  return true
}
