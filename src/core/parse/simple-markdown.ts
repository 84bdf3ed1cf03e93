/**
 * The mdast of simple Markdown, without micromark: a text made only of ATX
 * headings, GFM tables of plain words, paragraphs of plain words, fenced code
 * blocks and bullet lists of one-line plain items, separated by blank lines (a
 * handbook's "## Who does what" and the table under it, a paragraph and the
 * example in a code block after it). micromark reads a table slowly (every cell
 * through its inline tokenizer), and any text at about 2.8 µs a character; such a
 * text's tree is known from its lines. Anything else, or anything in doubt
 * (markup, tabs, CR, trailing spaces, empty cells, ragged rows, a line a block
 * could continue on), returns undefined and goes to micromark. The tree is what
 * micromark makes, so everything after it (the bridge to nlcst, context) is
 * unchanged. A test compares the trees with remark-gfm's, positions and all.
 *
 * Pure: no editor API, no node API.
 */
import type {Blockquote, Code, Heading, List, ListItem, Paragraph, Root, RootContent, Strong, Table, TableCell, TableRow} from 'mdast'
import type {LineIndex} from '../positions.js'

/** What makes text more than plain words for micromark and GFM (as regions.ts reads paragraphs), and `#`. */
const MARKUP = /[\\`*_[\]<>&!~|@#\0]|www\.|(?:https?|mailto|xmpp):/i
const HEADING = /^(#{1,6}) (\S(?:.*\S)?)$/
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/
/** A line a paragraph's line could run on into, or that is not plain text to micromark (as regions.ts reads paragraphs). */
const NOT_CONTINUATION = /^(?:[ \t]|[#>+\-*=_`~<|]|\d{1,9}[.)])/
/** A fence that opens a code block, with a plain language name or none (no meta, nothing to decode). */
const FENCE_OPEN = /^(`{3,}|~{3,})([A-Za-z0-9_+-]*)$/
/** A line that may close (or be read as closing) a fence: left to micromark unless it plainly does. */
const FENCE_LIKE = /^ {0,3}(?:`{3,}|~{3,})/
const LETTER_START = /^\p{L}/u

/** The tree micromark (with GFM) would make of `text`, when the text is simple enough to know it; else undefined. */
export function simpleMarkdown(text: string, lines: LineIndex): Root | undefined {
  if (text.length === 0 || text.includes('\r') || text.includes('\t')) return undefined
  const children: RootContent[] = []
  let pos = 0
  while (pos < text.length) {
    const end = lineEnd(text, pos)
    if (end === pos) {
      pos++
      continue
    }
    // A block starts here: after a blank line, or the text's start.
    if (pos > 0 && text.charCodeAt(pos - 2) !== 10) return undefined
    const line = text.slice(pos, end)
    let block: RootContent | undefined
    if (line.startsWith('#')) {
      block = heading(line, pos, lines)
      pos = end
    } else if (line.startsWith('|')) {
      const t = table(text, pos, lines)
      if (t === undefined) return undefined
      block = t.table
      pos = t.end
    } else {
      // A fenced block, a list of plain items or a plain paragraph (each undefined when in doubt).
      const b = line.startsWith('```') || line.startsWith('~~~') ? code(text, pos, lines) : line.startsWith('- ') || ORDERED.test(line) ? list(text, pos, lines) : line.startsWith('> ') ? quote(text, pos, lines) : paragraph(text, pos, lines)
      if (b === undefined) return undefined
      // Two lists with only blank lines between are one loose list: micromark's.
      if (b.node.type === 'list' && children.length > 0 && children[children.length - 1].type === 'list') return undefined
      block = b.node
      pos = b.end
    }
    if (block === undefined) return undefined
    children.push(block)
    // The block's last line ends here: a line break (or the text's end) must follow.
    if (pos < text.length) {
      if (text.charCodeAt(pos) !== 10) return undefined
      pos++
    }
  }
  if (children.length === 0) return undefined
  return {type: 'root', children, position: {start: lines.point(0), end: lines.point(text.length)}}
}

/** A paragraph of plain lines starting with a letter: one text node equal to its source. */
function paragraph(text: string, at: number, lines: LineIndex): {node: Paragraph; end: number} | undefined {
  if (!opensPlainly(text, at)) return undefined
  let end = lineEnd(text, at)
  // Lines that continue it, to a blank line or the text's end ("**Hours:** 30 a week" under "**Grade:** Band 4").
  while (end + 1 < text.length && text.charCodeAt(end + 1) !== 10) {
    const next = lineEnd(text, end + 1)
    if (NOT_CONTINUATION.test(text.slice(end + 1, next)) && !STRONG_START.test(text.slice(end + 1, next))) return undefined
    end = next
  }
  const node = plainParagraph(text, at, end, lines)
  return node && {node, end}
}

/** A line's content that starts a paragraph of plain words: a letter, or a bold lead ("**Grade:**"). */
const opensPlainly = (text: string, at: number) => LETTER_START.test(text.slice(at, at + 2)) || STRONG_START.test(text.slice(at, at + 3))
const STRONG_START = /^\*\*\p{L}/u
/** What may follow a bold lead's closing `**`: a space, punctuation micromark lets close it, or the line's end. */
const AFTER_STRONG = /^(?:[ ,.;:!?)]|$)/

/**
 * A paragraph of [start, end) of `text` (lines with nothing to strip), or undefined when micromark might read more in it:
 * plain words, each line opening with at most one bold lead. Text nodes equal their source, line endings included, as
 * micromark merges them. Points of their own, as micromark makes them: no node's position is another's.
 */
function plainParagraph(text: string, start: number, end: number, lines: LineIndex): Paragraph | undefined {
  if (TRAILING_SPACE.test(text.slice(start, end))) return undefined
  const children: Paragraph['children'] = []
  let pending = -1
  const flush = (to: number) => {
    if (pending >= 0 && to > pending) children.push({type: 'text', value: text.slice(pending, to), position: {start: lines.point(pending), end: lines.point(to)}})
    pending = -1
  }
  for (let p = start; p <= end; ) {
    const e = Math.min(lineEnd(text, p), end)
    let q = p
    if (text.startsWith('**', p)) {
      const close = text.indexOf('**', p + 2)
      if (close < 0 || close + 2 > e) return undefined
      const inner = text.slice(p + 2, close)
      if (!LETTER_START.test(inner) || MARKUP.test(inner) || /\s$/.test(inner) || !AFTER_STRONG.test(text.slice(close + 2, close + 3))) return undefined
      flush(p)
      const strong: Strong = {type: 'strong', children: [{type: 'text', value: inner, position: {start: lines.point(p + 2), end: lines.point(close)}}], position: {start: lines.point(p), end: lines.point(close + 2)}}
      children.push(strong)
      q = close + 2
    }
    if (MARKUP.test(text.slice(q, e))) return undefined
    if (pending < 0 && (e > q || e < end)) pending = q
    p = e + 1
  }
  flush(end)
  return {type: 'paragraph', children, position: {start: lines.point(start), end: lines.point(end)}}
}

/** A block quote of `> ` lines of plain words (one paragraph, nothing to decode): its text is the lines without their markers. */
function quote(text: string, at: number, lines: LineIndex): {node: Blockquote; end: number} | undefined {
  const parts: string[] = []
  let start = at
  let end: number
  for (;;) {
    end = lineEnd(text, start)
    const content = text.slice(start + 2, end)
    if (content.length === 0 || NOT_CONTINUATION.test(content) || MARKUP.test(content) || TRAILING_SPACE.test(content)) return undefined
    parts.push(content)
    if (end + 1 >= text.length || text.charCodeAt(end + 1) === 10) break
    if (!text.startsWith('> ', end + 1)) return undefined
    start = end + 1
  }
  const value = parts.join('\n')
  const paragraph: Paragraph = {type: 'paragraph', children: [{type: 'text', value, position: {start: lines.point(at + 2), end: lines.point(end)}}], position: {start: lines.point(at + 2), end: lines.point(end)}}
  return {node: {type: 'blockquote', children: [paragraph], position: {start: lines.point(at), end: lines.point(end)}}, end}
}
/** Spaces before a line ending (a hard break, or trimmed by micromark). */
const TRAILING_SPACE = /[ \t](?:\n|$)/

/** A fenced code block opened in column 0 and closed by a plain fence of its kind; no meta. */
function code(text: string, at: number, lines: LineIndex): {node: Code; end: number} | undefined {
  const openEnd = lineEnd(text, at)
  const m = FENCE_OPEN.exec(text.slice(at, openEnd))
  if (!m || openEnd >= text.length) return undefined
  const fence = m[1]
  let pos = openEnd
  while (pos < text.length) {
    const start = pos + 1
    const end = lineEnd(text, start)
    const line = text.slice(start, end)
    if (FENCE_LIKE.test(line)) {
      // Only a closing fence with nothing else, unindented, of the same character and at least as long.
      if (line.length < fence.length || line[0] !== fence[0] || line !== fence[0].repeat(line.length)) return undefined
      const value = start > openEnd + 1 ? text.slice(openEnd + 1, start - 1) : ''
      return {node: {type: 'code', lang: m[2] || null, meta: null, value, position: {start: lines.point(at), end: lines.point(end)}}, end}
    }
    pos = end
  }
  return undefined
}

/**
 * A list of one-line items, no blank line between them: bullets (`- `) or numbers (`1. `), each a paragraph of plain
 * words starting with a letter or a bold lead.
 */
function list(text: string, at: number, lines: LineIndex): {node: List; end: number} | undefined {
  const ordered = !text.startsWith('- ', at)
  const items: ListItem[] = []
  let start = at
  let end = at
  let first: number | null = null
  for (;;) {
    end = lineEnd(text, start)
    const marker = ordered ? ORDERED.exec(text.slice(start, end)) : undefined
    if (ordered && !marker) return undefined
    const content = start + (marker ? marker[0].length : 2)
    if (marker && first === null) first = Number(marker[1])
    if (!opensPlainly(text, content)) return undefined
    const paragraph = plainParagraph(text, content, end, lines)
    if (paragraph === undefined) return undefined
    items.push({type: 'listItem', spread: false, checked: null, children: [paragraph], position: {start: lines.point(start), end: lines.point(end)}})
    if (end + 1 >= text.length || text.charCodeAt(end + 1) === 10) break
    // The next line is another item, or the list is in doubt (a lazy continuation, another marker, a nested list).
    if (ordered ? !ORDERED.test(text.slice(end + 1, end + 12)) : !text.startsWith('- ', end + 1)) return undefined
    start = end + 1
  }
  return {node: {type: 'list', ordered, start: first, spread: false, children: items, position: {start: lines.point(at), end: lines.point(end)}}, end}
}
/** An ordered item's marker: up to nine digits, a full stop, one space. */
const ORDERED = /^(\d{1,9})\. (?! )/

function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos)
  return i === -1 ? text.length : i
}

function heading(line: string, at: number, lines: LineIndex): Heading | undefined {
  const m = HEADING.exec(line)
  if (!m || MARKUP.test(m[2])) return undefined
  const start = at + m[1].length + 1
  const end = at + line.length
  return {
    type: 'heading',
    depth: m[1].length as Heading['depth'],
    children: [{type: 'text', value: m[2], position: {start: lines.point(start), end: lines.point(end)}}],
    position: {start: lines.point(at), end: lines.point(end)}
  }
}

/** A row's cells: [start, end) of each cell's source from its opening pipe, and its content's offsets. */
interface Cell {
  from: number
  to: number
  start: number
  end: number
}

/** `| a | b |`: cells of content with no markup, no empty one, pipes at both ends. */
function rowCells(line: string, at: number, plainContent: boolean): Cell[] | undefined {
  if (line.length < 2 || line[0] !== '|' || line[line.length - 1] !== '|') return undefined
  const cells: Cell[] = []
  let from = 0
  while (from < line.length - 1) {
    const next = line.indexOf('|', from + 1)
    const raw = line.slice(from + 1, next)
    const content = raw.trim()
    if (content.length === 0 || (plainContent && MARKUP.test(content)) || content !== raw.replace(/^ +| +$/g, '')) return undefined
    const start = from + 1 + raw.indexOf(content)
    cells.push({from: at + from, to: at + next, start: at + start, end: at + start + content.length})
    from = next
  }
  // The last cell holds its closing pipe.
  cells[cells.length - 1].to = at + line.length
  return cells
}

function table(text: string, at: number, lines: LineIndex): {table: Table; end: number} | undefined {
  const headEnd = lineEnd(text, at)
  const head = rowCells(text.slice(at, headEnd), at, true)
  if (!head || headEnd >= text.length) return undefined
  const delimiterStart = headEnd + 1
  const delimiterEnd = lineEnd(text, delimiterStart)
  const delimiter = rowCells(text.slice(delimiterStart, delimiterEnd), delimiterStart, false)
  if (!delimiter || delimiter.length !== head.length) return undefined
  const align: Table['align'] = []
  for (const cell of delimiter) {
    const m = DELIMITER_CELL.exec(text.slice(cell.from + 1, cell === delimiter[delimiter.length - 1] ? cell.to - 1 : cell.to))
    if (!m) return undefined
    align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null)
  }
  const rows: TableRow[] = [row(head, at, headEnd, lines)]
  let end = delimiterEnd
  while (end < text.length && text.charCodeAt(end + 1) === 124) {
    const start = end + 1
    const rowEnd = lineEnd(text, start)
    const cells = rowCells(text.slice(start, rowEnd), start, true)
    if (!cells || cells.length !== head.length) return undefined
    rows.push(row(cells, start, rowEnd, lines))
    end = rowEnd
  }
  return {table: {type: 'table', align, children: rows, position: {start: lines.point(at), end: lines.point(end)}}, end}
}

function row(cells: Cell[], start: number, end: number, lines: LineIndex): TableRow {
  return {
    type: 'tableRow',
    children: cells.map(
      (c): TableCell => ({
        type: 'tableCell',
        children: [{type: 'text', value: lines.text.slice(c.start, c.end), position: {start: lines.point(c.start), end: lines.point(c.end)}}],
        position: {start: lines.point(c.from), end: lines.point(c.to)}
      })
    ),
    position: {start: lines.point(start), end: lines.point(end)}
  }
}
