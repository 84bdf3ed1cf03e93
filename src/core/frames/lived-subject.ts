/**
 * Words said of things as often as of people ("the project is doing well", "complaints are resolved once…") count as
 * recovery only with a person, or what a person lives through, as their subject ("grief is considered resolved when…").
 */
import type {Clause, SentenceReader} from './clause.js'
import type {Hit} from './hits.js'
import {single} from './phrases.js'

const THING_STATES = /^(?:doing well|resolved|processed|moved on|adjusted)$/
const CASEWORK = /^(?:referrals?|cases?|files?|complaints?|quer(?:y|ies)|issues?|tickets?|requests?)$/
const LIVED = /^(?:doing|grief|trauma|traumas|distress|symptoms?|mood|moods|depression|anxiety|loss|he|she|they|you|i|we|someone|anyone|everyone|who)$/
/** A subject that is a person, or something a person lives through. */
export function livedSubject(reader: SentenceReader, head: number): boolean {
  // "The referral is recorded as resolved": a referral, a case or a complaint is resolved as a thing is.
  if (CASEWORK.test(reader.norm(head))) return false
  const classes = reader.classesOf(single(head), true)
  return reader.isPerson(head) || classes.has('relatives') || classes.has('peer') || classes.has('illness') || LIVED.test(reader.norm(head)) || (head > 0 && /^\p{Lu}/u.test(reader.tokens[head].raw))
}
/** "The project is doing well": read "doing" (taken for the subject of "well") back to whoever is doing; sentence-initial, it is the subject itself. */
export function doerOf(reader: SentenceReader, head: number): number {
  if (reader.norm(head) !== 'doing') return head
  let i = head - 1
  while (i >= 0 && /^(?:is|are|was|were|be|been|has|have|had|not|still|now|generally|usually)$/.test(reader.norm(i))) i--
  return i >= 0 && i < head - 1 ? i : head
}

const stateOf = (reader: SentenceReader, h: Hit) => (reader.norm(h.start - 1) === 'doing' ? 'doing ' : '') + reader.tokens.slice(h.start, h.end).map((t) => t.norm).join(' ')
/** The recovery word at `hit` is one said of things too. */
export const thingState = (reader: SentenceReader, hit: Hit): boolean => THING_STATES.test(stateOf(reader, hit))
/** "The referral is recorded as resolved": every recovery word after the verb is one said of things too. */
export function onlyThingStates(reader: SentenceReader, clause: Clause): boolean {
  const states = reader.hits.filter((h) => h.cls === 'recovery' && h.start >= clause.verbEnd && h.end <= clause.end)
  return states.length > 0 && states.every((h) => thingState(reader, h))
}
