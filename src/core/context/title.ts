/**
 * A heading or a title line names a document or section ("Medication Adherence
 * Policy", "## Relapse prevention plan"): its words are the subject's name, not a
 * description of a person. Only slurs and identity labels are findings there.
 */
import type {Token} from '../match/tokens.js'
import {DETERMINERS, POSSESSIVES} from '../frames/grammar.js'

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+$/
const WORD = /[\p{L}][\p{L}\p{N}'\u2019-]*/gu
const SENTENCE_CUES = new Set("we you they i he she our your my is are was were will can should must do does how why what when who where".split(' '))
const SMALL = new Set('a an the and or of in on at to for with by from as vs via into our your their its this'.split(' '))

/** Whether the paragraph at [start, end) of `text` is a heading or a title-case line. */
export function isTitle(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const body = text.slice(start, end).trim()
  if (/[.!?]["'\u201d\u2019)]?$/.test(body)) return false
  const words = body.match(WORD) ?? []
  if (words.length === 0 || words.length > 14) return false
  // A heading that reads as a sentence ("How we support you", "What patients said") describes; one that is a name does not.
  // A title-case line: most words that are not small words start with a capital.
  const content = words.filter((w) => !SMALL.has(w.toLowerCase()))
  const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length
  const titleCase = content.length >= 2 && capitalised / content.length >= 0.75
  if (HEADING.test(text.slice(lineStart, start))) return words.length <= 12 && (titleCase || !words.some((w) => SENTENCE_CUES.has(w.toLowerCase())))
  return titleCase
}

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * A short label cell of a GFM table names a column (its header row) or a row (its first cell:
 * "| Recovery rate | 52% |"), like a heading; other cells are the table's data. [start, end) is the match;
 * remark-retext gives a row as one paragraph, so the cell is found here from the pipes around the match.
 */
export function isLabelCell(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  let lineEnd = text.indexOf('\n', end)
  if (lineEnd === -1) lineEnd = text.length
  const before = text.slice(lineStart, start)
  const after = text.slice(end, lineEnd)
  if (!before.includes('|') && !after.includes('|')) return false
  const cell = text.slice(lineStart + before.lastIndexOf('|') + 1, after.includes('|') ? end + after.indexOf('|') : lineEnd)
  const words = cell.match(WORD) ?? []
  if (words.length === 0 || words.length > 5 || words.some((w) => SENTENCE_CUES.has(w.toLowerCase())) || /[.!?]\s*$/.test(cell)) return false
  // A label is a bare name ("Caseload", "Recovery rate"); "the patient", "each client" describe someone.
  const first = words[0]!.toLowerCase()
  if (DETERMINERS.has(first) || POSSESSIVES.has(first)) return false
  const lines = (from: number, to: number) => text.slice(from, to).replace(/\r$/, '')
  const nextEnd = text.indexOf('\n', lineEnd + 1)
  if (lineEnd < text.length && DELIMITER_ROW.test(lines(lineEnd + 1, nextEnd === -1 ? text.length : nextEnd))) return true
  // A body row: the first cell, in a table whose delimiter row is above it.
  if (before.slice(0, before.lastIndexOf('|') + 1).replace(/^[ \t]*\|/, '').includes('|')) return false
  for (let to = lineStart - 1; to > 0; ) {
    const from = text.lastIndexOf('\n', to - 1) + 1
    const line = lines(from, to)
    if (!line.includes('|')) return false
    if (DELIMITER_ROW.test(line)) return true
    to = from - 1
  }
  return false
}

/**
 * The match sits in a run of capitalised words in the middle of a sentence: a name ("the Caseload
 * Weighting Tool", "our Dual Diagnosis Service", "the Patient Safety Team"), not a description.
 */
export function inProperName(tokens: Token[], start: number, end: number): boolean {
  const capital = (i: number) => tokens[i] !== undefined && /^\p{Lu}/u.test(tokens[i].raw) && tokens[i].raw !== tokens[i].raw.toUpperCase()
  for (let i = start; i < end; i++) if (!capital(i)) return false
  // Sentence-initial capitals say nothing; a name needs capitals beyond the first word of the sentence.
  let first = start
  while (first > 0 && capital(first - 1) && tokens[first].join !== 'break') first--
  let last = end
  while (last < tokens.length && capital(last) && tokens[last].join !== 'break') last++
  const words = last - first
  return first > 0 ? words >= 2 : words >= 3
}
