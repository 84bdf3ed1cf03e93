/**
 * Shapes micromark reads in more than linear time, capped before parsing. A line
 * scan (no parsing) finds
 *
 * - lines nested deeper than MAX_NESTING block quotes or list items (`>>>>…`,
 *   `- - - …`, `1. 1. 1. …` or deep indentation): micromark's work per line
 *   grows with the open containers, and the trees it builds are as deep;
 * - paragraphs with more inline delimiters (`*`, `_`, `~`, `[`, `]`, `<!--`)
 *   than prose has: resolving emphasis, labels and inline HTML is quadratic in
 *   their number within one paragraph;
 * - very long runs of lazy continuation lines inside a block quote or list item,
 *   which micromark checks against every open container again and again.
 *
 * Such lines are blanked (replaced by spaces, so every offset holds) in the text
 * micromark reads, and their content is reviewed as plain text, one line at a
 * time; one notice per kind says so. Fenced code and HTML blocks of types 1 and 2
 * (`<pre>`, `<script>`, comments) are left alone. Each line is judged by itself and
 * the paragraph it belongs to, so a slice that starts at a block start caps the
 * same lines as the whole document does.
 */
import {MAX_NESTING} from '../limits.js'
import {NOTICE, noticeAt, type Notice} from '../notices.js'

/** Inline delimiters one paragraph may hold: a fixed allowance plus one per this many characters. */
const DELIMITER_ALLOWANCE = 64
const CHARS_PER_DELIMITER = 12
/** Above this many delimiters in one paragraph, whatever its length. */
const MAX_DELIMITERS = 512
/** Lazy continuation lines in one paragraph inside a container before it is cut. */
export const MAX_LAZY_LINES = 256

export interface CappedShape {
  /** The text micromark reads: capped lines blanked, offsets unchanged. */
  text: string
  /** Content [start, end) of each capped line, in order: reviewed as plain text. */
  plain: Array<[number, number]>
  notices: Notice[]
}

interface Line {
  start: number
  /** End of content (before the line ending). */
  end: number
  /** After the container prefix (quote markers, list markers, indentation). */
  contentStart: number
}

const FENCE = /^ {0,3}(`{3,}|~{3,})([^`]*)$/
const HTML_1 = /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i
const HTML_1_END = /<\/(pre|script|style|textarea)>/i

/** Undefined when nothing needs capping (the common case: no copy of the text is made). */
export function capMarkdownShape(text: string): CappedShape | undefined {
  const capped: Line[] = []
  const kinds = new Map<string, Notice>()
  const cap = (line: Line, kind: keyof typeof NOTICE, message: string) => {
    capped.push(line)
    if (!kinds.has(kind)) kinds.set(kind, noticeAt(text, line.contentStart, line.end, message))
  }

  let fence: {char: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  // The current paragraph: its lines, inline delimiters and characters.
  let para: Line[] = []
  let delimiters = 0
  let chars = 0
  let lazy = 0
  let inContainer = false
  let quoted = false
  // The next '|' in the text (-2: not looked for yet; -1: none left), so finding table rows stays linear.
  let bar = -2
  const endParagraph = () => {
    if (para.length > 0 && (delimiters > MAX_DELIMITERS || delimiters > DELIMITER_ALLOWANCE + chars / CHARS_PER_DELIMITER)) {
      for (const line of para) cap(line, 'markup', NOTICE.markup())
    }
    para = []
    delimiters = chars = lazy = 0
    inContainer = quoted = false
  }

  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos)
    const next = nl === -1 ? text.length : nl + 1
    let end = nl === -1 ? text.length : nl
    if (end > pos && text.charCodeAt(end - 1) === 13) end--
    const start = pos
    pos = next
    // A lone CR also ends a line for micromark; such text is rare, and read here as one line.

    if (fence) {
      const m = FENCE.exec(text.slice(start, Math.min(end, start + 200)))
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && m[2].trim() === '') fence = undefined
      continue
    }
    if (htmlEnd) {
      if (htmlEnd.test(text.slice(start, end))) htmlEnd = undefined
      continue
    }
    const prefix = containerPrefix(text, start, end)
    if (prefix.contentStart >= end) {
      endParagraph() // a blank line (or only markers)
      continue
    }
    const line: Line = {start, end, contentStart: prefix.contentStart}
    if (prefix.markers === 0 && prefix.indent >= 4 && para.length === 0) {
      // Indented code (or a list item's indented paragraph): never capped, its text may be code.
      continue
    }
    if (prefix.depth > MAX_NESTING) {
      endParagraph()
      cap(line, 'nesting', NOTICE.nesting(MAX_NESTING))
      continue
    }
    if (prefix.depth === 0 && prefix.indent < 4) {
      const head = text.slice(start, Math.min(end, start + 200))
      const f = FENCE.exec(head)
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        endParagraph()
        fence = {char: f[1][0], length: f[1].length}
        continue
      }
      if (HTML_1.test(head)) {
        endParagraph()
        if (!HTML_1_END.test(text.slice(start, end))) htmlEnd = HTML_1_END
        continue
      }
      if (head.startsWith('<!--', prefix.indent)) {
        endParagraph()
        if (!text.slice(start + prefix.indent + 4, end).includes('-->')) htmlEnd = /-->/
        continue
      }
    }
    const first = text.charCodeAt(prefix.contentStart)
    // A new block (list item, heading, table row, a quote after unquoted lines) starts a new paragraph.
    if (bar !== -1 && bar < prefix.contentStart) bar = text.indexOf('|', prefix.contentStart)
    const newBlock = prefix.listMarker || first === 35 /* # */ || (prefix.quote && !quoted) || (bar !== -1 && bar < end)
    if (newBlock && para.length > 0) endParagraph()
    if (para.length === 0) {
      inContainer = prefix.depth > 0
      quoted = prefix.quote
    } else if (prefix.depth === 0 && inContainer && ++lazy >= MAX_LAZY_LINES) {
      // Lazy continuation in a container: micromark rechecks every open container per line.
      endParagraph()
      cap(line, 'lines', NOTICE.lines(MAX_LAZY_LINES))
      continue
    }
    para.push(line)
    delimiters += countDelimiters(text, prefix.contentStart, end)
    chars += end - prefix.contentStart
  }
  endParagraph()
  if (capped.length === 0) return undefined

  capped.sort((a, b) => a.start - b.start)
  const parts: string[] = []
  const plain: Array<[number, number]> = []
  let last = 0
  for (const line of capped) {
    parts.push(text.slice(last, line.start), ' '.repeat(line.end - line.start))
    last = line.end
    let contentEnd = line.end
    while (contentEnd > line.contentStart && /\s/.test(text[contentEnd - 1])) contentEnd--
    if (contentEnd > line.contentStart) plain.push([line.contentStart, contentEnd])
  }
  parts.push(text.slice(last))
  return {text: parts.join(''), plain, notices: [...kinds.values()].sort((a, b) => a.start - b.start)}
}

interface Prefix {
  /** Container depth: quote and list markers, and indentation (two columns a level). */
  depth: number
  contentStart: number
  /** Columns of indentation before the first marker. */
  indent: number
  markers: number
  listMarker: boolean
  quote: boolean
}

/** The container markers at the start of a line, as far as a line scan can tell. */
function containerPrefix(text: string, start: number, end: number): Prefix {
  let i = start
  let markers = 0
  let columns = 0
  let indent = -1
  let listMarker = false
  let quote = false
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) {
      columns += text[i] === '\t' ? 4 - (columns % 4) : 1
      i++
    }
    if (indent === -1) indent = columns
    if (i >= end) break
    const c = text[i]
    if (c === '>') {
      markers++
      quote = true
      i++
      continue
    }
    if ((c === '-' || c === '+' || c === '*') && (i + 1 >= end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      markers++
      listMarker = true
      i++
      continue
    }
    if (c >= '0' && c <= '9') {
      let j = i
      while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++
      if ((text[j] === '.' || text[j] === ')') && (j + 1 >= end || text[j + 1] === ' ' || text[j + 1] === '\t')) {
        markers++
        listMarker = true
        i = j + 1
        continue
      }
    }
    break
  }
  return {depth: markers + Math.floor(columns / 2), contentStart: i, indent, markers, listMarker, quote}
}

/** Inline delimiters whose resolution micromark does pairwise: emphasis, strikethrough, brackets, inline comments. */
function countDelimiters(text: string, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    // A run of one emphasis character is one delimiter sequence to micromark: a form's blank ("Date: ________") is one.
    if ((c === 42 || c === 126 || c === 95) && i > start && text.charCodeAt(i - 1) === c) continue
    if (c === 42 /* * */ || c === 126 /* ~ */ || c === 91 /* [ */ || c === 93 /* ] */) n++
    else if (c === 95 /* _ */) {
      // Inside a word (snake_case) an underscore never opens or closes emphasis.
      if (!isWordChar(text.charCodeAt(i - 1)) || !isWordChar(text.charCodeAt(i + 1))) n++
    } else if (c === 60 /* < */ && text.startsWith('<!--', i)) n += 8
  }
  return n
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
