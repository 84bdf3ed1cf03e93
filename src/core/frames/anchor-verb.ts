/**
 * The verb of a noun anchor standing as a subject, past what may come between them: a short phrase ("Recovery from
 * depression means…", "wellbeing on the ward is scored…") or an aside between commas ("Recovery, for the purposes of
 * this plan, means…").
 */
import type {SentenceReader} from './clause.js'
import {PREPOSITIONS} from './grammar.js'
import {asideEnd} from './reach.js'

const SHORT_PHRASE = /^(from|with|on|in|at|for|among|across)$/

/** Whether a verb `isVerb` accepts follows the anchor ending at `end` past such a phrase or aside. */
export function verbPastPhrase(reader: SentenceReader, end: number, isVerb: (norm: string) => boolean): boolean {
  const tokens = reader.tokens
  const next = tokens[end]?.norm ?? ''
  if (reader.gap(end).trim() === ',' && PREPOSITIONS.has(next)) {
    const after = asideEnd(reader, end, tokens.length, 8)
    return after > end && isVerb(tokens[after].norm)
  }
  let w = end + 1
  while (SHORT_PHRASE.test(next) && w < end + 5 && tokens[w] && tokens[w].join !== 'break' && !isVerb(tokens[w].norm)) w++
  return w > end + 1 && tokens[w]?.join !== 'break' && isVerb(tokens[w]?.norm ?? '')
}
