/**
 * A value read once per sentence, however many frame checks ask for it: a long sentence has many. Keyed by the
 * sentence's tokens, because the clause reader itself is reused from sentence to sentence.
 */
import type {SentenceReader} from './clause.js'

export function perSentence<T>(read: (reader: SentenceReader) => T): (reader: SentenceReader) => T {
  const known = new WeakMap<object, T>()
  return (reader) => {
    if (known.has(reader.tokens)) return known.get(reader.tokens) as T
    const value = read(reader)
    known.set(reader.tokens, value)
    return value
  }
}
