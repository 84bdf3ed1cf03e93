/**
 * The mdast of simple Markdown, without micromark: a text made only of ATX
 * headings and GFM tables of plain words, separated by blank lines (a
 * handbook's "## Who does what" and the table under it). micromark reads a table
 * slowly (every cell through its inline tokenizer); such a text's tree is known
 * from its lines. Anything else, or anything in doubt (markup, tabs, CR, trailing
 * spaces, empty cells, ragged rows), returns undefined and goes to micromark.
 * A test compares the trees with remark-gfm's, positions and all.
 *
 * Pure: no editor API, no node API.
 */
import type {Heading, Root, RootContent, Table, TableCell, TableRow} from 'mdast'
import type {LineIndex} from '../positions.js'

/** What makes text more than plain words for micromark and GFM (as regions.ts reads paragraphs), and `#`. */
const MARKUP = /[\\`*_[\]<>&!~|@#\0]|www\.|(?:https?|mailto|xmpp):/i
const HEADING = /^(#{1,6}) (\S(?:.*\S)?)$/
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/

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
