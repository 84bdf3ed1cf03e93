/**
 * Where to cut a long stretch of prose that must be read in pieces: after the
 * end of a sentence if there is one in the window (then every sentence stays
 * whole and nothing changes), else after a space, else anywhere (not inside a
 * surrogate pair).
 */

/** After a full stop, question or exclamation mark (and closing quotes or brackets) and spaces, before a capital or digit. */
const SENTENCE_END = /[.!?\u2026]["'\u2019\u201d)\]]*[ \t\r\n]+(?=["'\u2018\u201c([]*[\p{Lu}\p{N}])/gu
/** Words before a full stop that do not end a sentence (parse-english keeps "Dr. Smith" together). */
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}{1,3}|\p{Lu}(?:\.\p{Lu})*)[.]["'\u2019\u201d)\]]*[ \t\r\n]+$/u

export interface Cut {
  /** Offset to cut at, in (min, max]. */
  at: number
  /** The cut falls between sentences. */
  sentence: boolean
}

/** The best cut in text[min, max] (offsets into `text`); `max` must be below text.length. */
export function sentenceCut(text: string, min: number, max: number): Cut {
  const window = text.slice(min, max)
  let best = -1
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) {
    const at = m.index + m[0].length
    if (!ABBREVIATION.test(window.slice(Math.max(0, m.index - 12), at))) best = at
  }
  if (best > 0) return {at: min + best, sentence: true}
  for (let i = max - 1; i > min; i--) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 9 || c === 10 || c === 13) return {at: i + 1, sentence: false}
  }
  const low = text.charCodeAt(max - 1)
  return {at: low >= 0xd800 && low <= 0xdbff ? max - 1 : max, sentence: false}
}
