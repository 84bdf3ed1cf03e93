/**
 * A heading or a title line names a document or section ("Medication Adherence
 * Policy", "## Relapse prevention plan"): its words are the subject's name, not a
 * description of a person. Only slurs and identity labels are findings there.
 */
import type {Token} from '../match/tokens.js'
import {DETERMINERS, POSSESSIVES} from '../frames/grammar.js'
import {keepShape} from '../shapes.js'
import {UPPER_START} from '../match/letters.js'

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+$/
const BOLD_LINE = /^(\*\*|__)[^*_\n]+\1:?$/
const WORD = /[\p{L}][\p{L}\p{N}'\u2019-]*/gu
const SENTENCE_CUES = new Set("we you they i he she our your my is are was were will can should must do does how why what when who where".split(' '))
const SMALL = new Set('a an the and or of in on at to for with by from as vs via into our your their its this'.split(' '))

/** Whether the paragraph starting at `start` is an ATX heading ("## What is a care plan?"). */
export const isHeading = (text: string, start: number): boolean => HEADING.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))

/** The whole of the line(s) holding [start, end), trimmed: a paragraph's offsets may leave out its emphasis marks. */
function lineAround(text: string, start: number, end: number): string {
  const to = text.indexOf('\n', end)
  return text.slice(text.lastIndexOf('\n', start - 1) + 1, to < 0 ? text.length : to).trim()
}

/** Whether the paragraph at [start, end) of `text` is a heading or a title-case line. */
export function isTitle(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end).trim()
  // A Markdown heading may ask ("## Withdrawal or relapse?"): it names what the section answers.
  if (/[.!?]["'\u201d\u2019)]?$/.test(body) && !(body.endsWith('?') && isHeading(text, start))) return false
  const words = body.match(WORD) ?? []
  if (words.length === 0 || words.length > 14) return false
  // A heading that reads as a sentence ("How we support you", "What patients said") describes; one that is a name does not.
  // A title-case line: most words that are not small words start with a capital.
  const content = words.filter((w) => !SMALL.has(w.toLowerCase()))
  const capitalised = content.filter((w) => UPPER_START.test(w)).length
  const titleCase = content.length >= 2 && capitalised / content.length >= 0.75
  // "**4. Relapse signature**" on a line of its own: a bold paragraph is a heading set by hand (common in converted documents).
  if (isHeading(text, start) || BOLD_LINE.test(lineAround(text, start, end))) return words.length <= 12 && (titleCase || !words.some((w) => SENTENCE_CUES.has(w.toLowerCase())))
  return titleCase
}

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** Longest cell read as a label: a label is at most five words (longer cells are data, and never sliced per finding). */
const MAX_LABEL_CHARS = 400
/** Longest line tested as a delimiter row. */
const MAX_ROW_CHARS = 8192

/**
 * Where the lines and pipes of the text last asked about are: a document's candidates ask about
 * one text many times, and a long line with many findings must not be walked once per finding.
 */
class TableIndex {
  readonly lineStarts: number[] = [0]
  readonly pipes: number[] = []
  /** Per line: what a look up from it finds: 1 a delimiter row (through rows with pipes), 2 none, 0 not looked yet. */
  private readonly above: Uint8Array

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.lineStarts.push(i + 1)
      else if (c === 124) this.pipes.push(i)
    }
    this.above = new Uint8Array(this.lineStarts.length)
  }

  lineOf(offset: number): number {
    return upperBound(this.lineStarts, offset) - 1
  }

  /** The line's text without its line break (and a CR before it). */
  line(i: number): string {
    const end = i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] - 1 : this.text.length
    return this.text.slice(this.lineStarts[i], end).replace(/\r$/, '')
  }

  lineLength(i: number): number {
    return (i + 1 < this.lineStarts.length ? this.lineStarts[i + 1] - 1 : this.text.length) - this.lineStarts[i]
  }

  /** Pipes in [from, to). */
  pipesIn(from: number, to: number): number {
    return upperBound(this.pipes, to - 1) - upperBound(this.pipes, from - 1)
  }

  /**
   * Whether a delimiter row is above line i, through lines that all have pipes. Every line
   * passed on the way up has the same answer for the line below it: each is looked at once.
   */
  delimiterAbove(i: number): boolean {
    const seen: number[] = []
    let answer = false
    for (let k = i - 1; k >= 0; k--) {
      if (this.above[k] !== 0) {
        answer = this.above[k] === 1
        break
      }
      seen.push(k)
      const start = this.lineStarts[k]
      if (this.pipesIn(start, start + this.lineLength(k)) === 0) break
      if (this.lineLength(k) <= MAX_ROW_CHARS && DELIMITER_ROW.test(this.line(k))) {
        answer = true
        break
      }
    }
    for (const k of seen) this.above[k] = answer ? 1 : 2
    return answer
  }
}
keepShape(new TableIndex(''))

/** Index of the first value greater than x in sorted `values`. */
function upperBound(values: number[], x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid] > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

let lastIndex: TableIndex | undefined
const tableIndex = (text: string) => (lastIndex?.text === text ? lastIndex : (lastIndex = new TableIndex(text)))

/**
 * A short label cell of a GFM table names a column (its header row) or a row (its first cell:
 * "| Recovery rate | 52% |"), like a heading; other cells are the table's data. [start, end) is the match;
 * remark-retext gives a row as one paragraph, so the cell is found here from the pipes around the match.
 */
export function isLabelCell(text: string, start: number, end: number): boolean {
  const index = tableIndex(text)
  const line = index.lineOf(start)
  const lineStart = index.lineStarts[line]
  // The line the match ends on (a match across a line break reaches into the next).
  const endLine = index.lineOf(end)
  const lineEnd = index.lineStarts[endLine] + index.lineLength(endLine)
  const pipes = index.pipes
  const before = upperBound(pipes, start - 1) - 1
  const opening = before >= 0 && pipes[before] >= lineStart ? pipes[before] : -1
  const after = upperBound(pipes, end - 1)
  const closing = after < pipes.length && pipes[after] < lineEnd ? pipes[after] : -1
  if (opening < 0 && closing < 0) return false
  const cellStart = opening < 0 ? lineStart : opening + 1
  const cellEnd = closing < 0 ? lineEnd : closing
  if (cellEnd - cellStart > MAX_LABEL_CHARS) return false
  const cell = text.slice(cellStart, cellEnd)
  const words = cell.match(WORD) ?? []
  if (words.length === 0 || words.length > 5 || words.some((w) => SENTENCE_CUES.has(w.toLowerCase())) || /[.!?]\s*$/.test(cell)) return false
  // A label is a bare name ("Caseload", "Recovery rate"); "the patient", "each client" describe someone.
  const first = words[0]!.toLowerCase()
  if (DETERMINERS.has(first) || POSSESSIVES.has(first)) return false
  if (endLine + 1 < index.lineStarts.length && index.lineLength(endLine + 1) <= MAX_ROW_CHARS && DELIMITER_ROW.test(index.line(endLine + 1))) return true
  // A body row: the first cell (no pipe before its own, but one that opens the row), in a table whose delimiter row is above it.
  if (opening >= 0) {
    const earlier = index.pipesIn(lineStart, opening)
    const firstPipe = earlier > 0 ? pipes[before - earlier + 1] : opening
    const leading = firstPipe - lineStart <= 64 && /^[ \t]*$/.test(text.slice(lineStart, firstPipe))
    // Pipes up to and with the cell's own, less one that opens the row: any left, and this is not the first cell.
    if (earlier + 1 - (leading ? 1 : 0) > 0) return false
  }
  return index.delimiterAbove(line)
}

/**
 * The match sits in a run of capitalised words in the middle of a sentence: a name ("the Caseload
 * Weighting Tool", "our Dual Diagnosis Service", "the Patient Safety Team"), not a description.
 */
/** Small words inside a name. */
const NAME_JOINS = new Set(['and', 'of', 'for', 'the', '&', 'in', 'on'])

export function inProperName(tokens: Token[], start: number, end: number): boolean {
  return nameSpan(tokens, start, end) !== undefined
}

/** Bodies whose names may hold a label ("Psychiatric Patient Advocate Office", "Mental Patients' Union"). */
const BODIES = new Set('office union association society council board service services centre center act programme program project network alliance trust foundation committee group unit team league movement front coalition commission helpline lifeline line hotline warmline textline'.split(' '))

/** A label inside the name of a body is the body's name, not a word for a person. */
export function inBodyName(tokens: Token[], start: number, end: number): boolean {
  const span = nameSpan(tokens, start, end)
  if (span === undefined) return false
  if (span[1] > end && BODIES.has(tokens[span[1] - 1].norm)) return true
  // Initials after the name make it one, if it is more than the label ("the Severely Mentally Ill (SMI)" is a label's own).
  const named = initialsFollow(tokens, span)
  if (named < 0) return false
  if (span[1] > end) return true
  // A name beyond the label before it ("Community Attitudes toward the Mentally Ill (CAMI)"); not degree words ("Seriously
  // Mentally Ill (SMI)"), which are the label's own.
  const from = /^(the|a|an)$/.test(tokens[start].norm) ? start + 1 : start
  return tokens.slice(named, from).some((t) => UPPER_START.test(t.raw) && !/ly$/.test(t.norm))
}

/**
 * The name is followed by its initials ("Homeless Management Information System (HMIS)", "National Disability
 * Insurance Agency (NDIA)"): a body's or a system's name, whatever its last word. Where its first word is, or -1.
 */
function initialsFollow(tokens: Token[], [first, last]: [number, number]): number {
  const acronym = tokens[last]?.raw
  if (!acronym || acronym.length < 2 || !/^\p{Lu}+$/u.test(acronym)) return -1
  const initials = tokens
    .slice(first, last)
    .filter((t) => UPPER_START.test(t.raw))
    .map((t) => t.raw[0])
    .join('')
  if (initials === acronym) return first
  // "The Homeless Management Information System (HMIS)": a sentence's capital "The" is no part of the initials.
  if (/^(the|a|an)$/.test(tokens[first].norm) && initials.slice(1) === acronym) return first + 1
  // "Community Attitudes toward the Mentally Ill (CAMI)": a name's small words ("toward the") may part it; the initials
  // before them finish the acronym.
  let read = initials
  for (let i = first - 1; i >= 0 && first - i <= 8 && tokens[i + 1].join !== 'break'; i--) {
    if (UPPER_START.test(tokens[i].raw)) read = tokens[i].raw[0] + read
    else if (!SMALL_IN_NAME.test(tokens[i].norm)) return -1
    if (read === acronym) return i
    if (read.length >= acronym.length) return -1
  }
  return -1
}
/** Small words inside a long name: "Attitudes toward the Mentally Ill". */
const SMALL_IN_NAME = /^(the|of|for|to|toward|towards|and|in|on|with|a|an|at|by)$/

function nameSpan(tokens: Token[], start: number, end: number): [number, number] | undefined {
  const capital = (i: number) => tokens[i] !== undefined && UPPER_START.test(tokens[i].raw) && tokens[i].raw !== tokens[i].raw.toUpperCase()
  // "the Homeless Management Information System": the article before a name is not part of it.
  if (end - start > 1 && /^(the|a|an)$/.test(tokens[start].raw)) start++
  // A name runs unbroken: a match across a table cell or a colon ("Recovered | Image Rating of 3") is no name.
  for (let i = start; i < end; i++) if (!capital(i) || (i > start && tokens[i].join === 'break')) return undefined
  // Sentence-initial capitals say nothing; a name needs capitals beyond the first word of the sentence.
  // "Patient and Public Involvement", "Recovery College for Adults": small words join a name's parts.
  const joins = (i: number) => NAME_JOINS.has(tokens[i]?.norm ?? '') && tokens[i].join !== 'break'
  let first = start
  while (first > 0 && tokens[first].join !== 'break') {
    if (capital(first - 1)) first--
    else if (first > 1 && joins(first - 1) && capital(first - 2) && tokens[first - 1].join !== 'break') first -= 2
    else break
  }
  let last = end
  while (last < tokens.length && tokens[last].join !== 'break') {
    if (capital(last)) last++
    else if (joins(last) && capital(last + 1) && tokens[last + 1].join !== 'break') last += 2
    else break
  }
  let words = 0
  for (let i = first; i < last; i++) if (capital(i)) words++
  return (first > 0 ? words >= 2 : words >= 3) ? [first, last] : undefined
}
