/**
 * The verb of a noun anchor standing as a subject, past what may come between them: a short phrase ("Recovery from
 * depression means…", "wellbeing on the ward is scored…") or an aside between commas ("Recovery, for the purposes of
 * this plan, means…").
 */
import type {SentenceReader} from './clause.js'
import {PREPOSITIONS} from './grammar.js'

const SHORT_PHRASE = /^(from|with|on|in|at|for|among|across)$/

/** Whether a verb `isVerb` accepts follows the anchor ending at `end` past such a phrase or aside. */
export function verbPastPhrase(reader: SentenceReader, end: number, isVerb: (norm: string) => boolean): boolean {
  const tokens = reader.tokens
  const next = tokens[end]?.norm ?? ''
  if (reader.gap(end).trim() === ',' && PREPOSITIONS.has(next)) {
    for (let k = end + 2; k < tokens.length && k <= end + 9; k++) if (tokens[k].join === 'break') return reader.gap(k).trim() === ',' && isVerb(tokens[k].norm)
    return false
  }
  let w = end + 1
  while (SHORT_PHRASE.test(next) && w < end + 5 && tokens[w] && tokens[w].join !== 'break' && !isVerb(tokens[w].norm)) w++
  return w > end + 1 && tokens[w]?.join !== 'break' && isVerb(tokens[w]?.norm ?? '')
}
