/**
 * Words said of things as often as of people ("the project is doing well", "complaints are resolved once…") count as
 * recovery only with a person, or what a person lives through, as their subject ("grief is considered resolved when…").
 */
import type {SentenceReader} from './clause.js'

export const THING_STATES = /^(?:doing well|resolved|processed|moved on|adjusted)$/
const LIVED = /^(?:doing|grief|trauma|traumas|distress|symptoms?|mood|moods|depression|anxiety|loss|he|she|they|you|i|we|someone|anyone|everyone|who)$/
/** A subject that is a person, or something a person lives through. */
export function livedSubject(reader: SentenceReader, head: number): boolean {
  const classes = reader.classesOf({start: head, end: head + 1, head, negative: false}, true)
  return reader.isPerson(head) || classes.has('relatives') || classes.has('peer') || classes.has('illness') || LIVED.test(reader.norm(head)) || (head > 0 && /^\p{Lu}/u.test(reader.tokens[head].raw))
}
/** "The project is doing well": read "doing" (taken for the subject of "well") back to whoever is doing; sentence-initial, it is the subject itself. */
export function doerOf(reader: SentenceReader, head: number): number {
  if (reader.norm(head) !== 'doing') return head
  let i = head - 1
  while (i >= 0 && /^(?:is|are|was|were|be|been|has|have|had|not|still|now|generally|usually)$/.test(reader.norm(i))) i--
  return i >= 0 && i < head - 1 ? i : head
}
