/**
 * Markdown → prose. remark-parse (with GFM and front matter) builds mdast; a
 * small preparation step keeps positions exact and notes context (tables of
 * wording to avoid, attributed quotes, directives); remark-retext then bridges
 * the prose to nlcst with retext-english's parser. Code, inline code, URLs, link
 * destinations, front matter and HTML never reach the rules.
 */
import type {Blockquote, Html, Nodes, Parent, Root, RootContent, Table, Text} from 'mdast'
import type {Root as NlcstRoot} from 'nlcst'
import {toString} from 'mdast-util-to-string'
import {ParseEnglish} from 'parse-english'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {keepShape} from '../shapes.js'
import {frontmatterSyntax, gfmPartsFor, gfmSyntax} from './syntax.js'
import {parseDirectiveComments, type Directive} from '../directives.js'
import {LineIndex} from '../positions.js'
import {alignText} from './align.js'
import {ATTRIBUTION, AVOID_HEADER, endsWithLeadIn} from '../context/mention.js'
import {NOTICE, noticeAt, type Notice} from '../notices.js'
import {capMarkdownShape} from './shape.js'
import {sentenceCut} from './cuts.js'
import {plainToNlcst} from './plain-nlcst.js'
import {simpleMarkdown} from './simple-markdown.js'

/** What the rules see of a document. */
export interface Prose {
  tree: NlcstRoot
  lines: LineIndex
  /** Offset ranges where wording is discussed, not used (avoid-columns, attributed quotes). */
  mentions: Array<[number, number]>
  directives: Directive[]
  /** The document's top-level blocks, in order (Markdown only). */
  blocks?: Block[]
  /**
   * Link reference and footnote definitions anywhere in the document (Markdown
   * only): they change how text elsewhere parses, so they are document-wide.
   */
  references?: Reference[]
  /** What could not be read as written, and how it was read instead (see notices.ts). */
  notices?: Notice[]
}

/** A top-level block: its mdast type and source offsets [start, end). */
export interface Block {
  type: string
  start: number
  end: number
}

/** A definition: `[label]: url` or a footnote `[^label]: text`. */
export interface Reference {
  kind: 'definition' | 'footnote'
  label: string
  offset: number
}

export interface MarkdownOptions {
  /** Recognise front matter at the start (default true; false for a slice that starts mid-document). */
  frontmatter?: boolean
}

/** Markdown parsers by the GFM parts they read (see syntax.ts) and whether front matter may start the text. */
const parsers = new Map<number, ReturnType<typeof markdownParser>>()
const markdownParser = (parts: number, frontmatter: boolean) => {
  const parser = unified().use(remarkParse).use(gfmSyntax, parts)
  return frontmatter ? parser.use(frontmatterSyntax, ['yaml', 'toml']) : parser
}
/** The parser for `text`: without the GFM parts that cannot make anything in it (the same tree, for less work). */
function parserFor(text: string, frontmatter: boolean) {
  const parts = gfmPartsFor(text)
  const key = parts * 2 + (frontmatter ? 1 : 0)
  let parser = parsers.get(key)
  if (!parser) parsers.set(key, (parser = markdownParser(parts, frontmatter)))
  return parser
}
const bridge = unified().use(remarkRetext, ParseEnglish)


export function parseMarkdown(original: string, options: MarkdownOptions = {}): Prose {
  // micromark drops a byte-order mark, which would shift every offset by one; a space keeps them.
  const source = original.charCodeAt(0) === 0xfeff ? ' ' + original.slice(1) : original
  // Shapes micromark reads in more than linear time are capped first: blanked for it, reviewed as plain lines.
  const shape = capMarkdownShape(source)
  const text = shape?.text ?? source
  const lines = new LineIndex(source)
  const file = new VFile(text)
  // Headings and plain tables only: their tree is known without micromark (simple-markdown.ts).
  const mdast = (shape === undefined ? simpleMarkdown(text, lines) : undefined) ?? (parserFor(text, options.frontmatter !== false).parse(file) as Root)
  const mentions: Array<[number, number]> = []
  const directives: Directive[] = []
  const references: Reference[] = []
  const blocks: Block[] = []
  const notices: Notice[] = [...(shape?.notices ?? [])]
  for (const node of mdast.children) {
    const r = range(node)
    if (r) blocks.push({type: node.type, start: r[0], end: r[1]})
  }
  prepare(mdast, text, lines, mentions, directives, references, notices)
  if (shape && shape.plain.length > 0) {
    addPlainLines(mdast, source, shape.plain, lines, directives, notices)
    directives.sort((a, b) => a.start - b.start)
  }
  const tree = bridge.runSync(mdast as never, file) as unknown as NlcstRoot
  return {tree, lines, mentions, directives, blocks, references, notices}
}

/**
 * Capped lines' content, each a paragraph of plain text, among the top-level
 * blocks in source order (a directive among them still counts).
 */
function addPlainLines(root: Root, source: string, spans: Array<[number, number]>, lines: LineIndex, directives: Directive[], notices: Notice[]) {
  const paragraphs: RootContent[] = []
  for (const [start, end] of spans) {
    const position = {start: lines.point(start), end: lines.point(end)}
    const paragraph: RootContent = {type: 'paragraph', children: [{type: 'text', value: source.slice(start, end), position}], position}
    paragraphs.push(...boundedPieces(paragraph, lines, notices))
    directives.push(...parseDirectiveComments(source.slice(start, end), start, lines))
  }
  const merged: RootContent[] = []
  let k = 0
  for (const node of root.children) {
    const at = node.position?.start.offset ?? 0
    while (k < paragraphs.length && (paragraphs[k].position?.start.offset ?? 0) < at) merged.push(paragraphs[k++])
    merged.push(node)
  }
  while (k < paragraphs.length) merged.push(paragraphs[k++])
  root.children = merged
}

/**
 * Plain paragraphs → prose, without the Markdown parser: each span of `text` is
 * a paragraph with no markup (see regions.ts), whose mdast is one text node
 * equal to its source. The bridge then runs exactly as for parsed Markdown.
 */
export function parsePlainParagraphs(text: string, spans: Array<[number, number]>): Prose {
  const lines = new LineIndex(text)
  const blocks = spans.map(([start, end]) => ({type: 'paragraph', start, end}))
  // The bridge's result, built directly (plain-nlcst.ts); a paragraph long enough to be cut goes the long way.
  if (spans.every(([start, end]) => end - start <= MAX_BLOCK_CHARS)) {
    return {tree: plainToNlcst(text, spans, lines), lines, mentions: [], directives: [], blocks, references: [], notices: []}
  }
  const children = spans.map(([start, end]): RootContent => {
    const position = {start: lines.point(start), end: lines.point(end)}
    return {type: 'paragraph', children: [{type: 'text', value: text.slice(start, end), position}], position}
  })
  const notices: Notice[] = []
  const root: Root = {type: 'root', children: children.flatMap((node) => boundedPieces(node, lines, notices)), position: {start: lines.point(0), end: lines.point(text.length)}}
  const tree = bridge.runSync(root as never, new VFile(text)) as unknown as NlcstRoot
  return {tree, lines, mentions: [], directives: [], blocks, references: [], notices}
}

function range(node: Nodes): [number, number] | undefined {
  const s = node.position?.start.offset
  const e = node.position?.end.offset
  return s === undefined || e === undefined ? undefined : [s, e]
}

function prepare(
  root: Root,
  source: string,
  lines: LineIndex,
  mentions: Array<[number, number]>,
  directives: Directive[],
  references: Reference[],
  notices: Notice[]
) {
  // Depth first with an explicit stack: a document can nest deeper than the call stack allows.
  const stack: Array<{parent: Parent; depth: number}> = [{parent: root, depth: 0}]
  let flattened = false
  while (stack.length > 0) {
    const {parent, depth} = stack.pop()!
    const children = parent.children as RootContent[]
    const out: RootContent[] = []
    const descend: Parent[] = []
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      switch (node.type) {
        case 'definition':
          references.push({kind: 'definition', label: node.label ?? node.identifier, offset: node.position?.start.offset ?? 0})
          out.push(node)
          continue
        case 'footnoteDefinition':
          references.push({kind: 'footnote', label: node.label ?? node.identifier, offset: node.position?.start.offset ?? 0})
          break
        case 'html':
          directives.push(...parseDirectiveComments((node as Html).value, node.position?.start.offset ?? 0, lines))
          out.push(node)
          continue
        case 'text': {
          const pieces = alignText(node as Text, source, lines)
          if (pieces) for (const piece of pieces) out.push(piece)
          else out.push(node)
          continue
        }
        case 'link':
          // A bare URL (autolink) is not prose.
          if (node.children.length === 1 && node.children[0].type === 'text' && isUrlText(node.children[0].value, node.url)) {
            node.children = []
            out.push(node)
            continue
          }
          break
        case 'table':
          noteAvoidColumns(node, mentions)
          tableAsParagraphs(node, lines)
          break
        case 'blockquote':
          if (isAttributed(node, children[index - 1])) {
            const r = range(node)
            if (r) mentions.push(r)
          }
          break
      }
      out.push(node)
      if (!('children' in node)) continue
      if (depth + 1 > MAX_DEPTH) {
        // Nesting no prose has (the line scan caps most of it before parsing): its words, read flat.
        flattenText(node as Parent)
        if (!flattened) notices.push(noticeAt(source, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, NOTICE.nesting(MAX_DEPTH)))
        flattened = true
      }
      descend.push(node as Parent)
    }
    parent.children = out as never
    for (let i = descend.length - 1; i >= 0; i--) stack.push({parent: descend[i], depth: depth + 1})
  }
  // In source order, as a recursive walk would give them (slices assign them to blocks, and compare them).
  references.sort((a, b) => a.offset - b.offset)
  directives.sort((a, b) => a.start - b.start)
  root.children = root.children.flatMap((node) => boundedPieces(node, lines, notices))
}

/** Replace a node's descendants by its text nodes, in order (no recursion). */
function flattenText(node: Parent) {
  const texts: RootContent[] = []
  const stack: RootContent[] = [...(node.children as RootContent[])].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type === 'text') texts.push(child)
    else if ('children' in child) for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as RootContent)
  }
  node.children = texts as never
}

/** Nesting deeper than this in the parsed tree is read flat. */
const MAX_DEPTH = 64
/** A block this long is split before the bridge, which spreads each block's words into one call. */
const MAX_BLOCK_CHARS = 20000
const CHUNK_CHARS = 4000
const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition', 'tableAsProse', 'tableRowAsProse'])

/**
 * mdast-util-to-nlcst flattens a block's words into one argument list, so a
 * single huge list, table or paragraph overflows the stack. Long containers are
 * replaced by their children and long paragraphs by chunks of their inline
 * content; context (mentions, tables' avoid columns) was noted before this.
 */
function boundedPieces(node: RootContent, lines: LineIndex, notices: Notice[]): RootContent[] {
  const r = range(node)
  if (!r || r[1] - r[0] <= MAX_BLOCK_CHARS || !('children' in node)) return [node]
  const children = node.children as RootContent[]
  if (CONTAINERS.has(node.type)) return children.flatMap((child) => boundedPieces(child, lines, notices))
  const inline: RootContent[] = children.flatMap((child): RootContent[] => (child.type === 'text' ? splitText(child, lines, notices) : [child]))
  const chunks: RootContent[] = []
  let chunk: RootContent[] = []
  let size = 0
  const flush = () => {
    if (chunk.length === 0) return
    const start = chunk[0].position?.start
    const end = chunk[chunk.length - 1].position?.end
    chunks.push({type: 'paragraph', children: chunk, position: start && end ? {start, end} : undefined} as RootContent)
    chunk = []
    size = 0
  }
  for (const child of inline) {
    const cr = range(child)
    chunk.push(child)
    size += cr ? cr[1] - cr[0] : 0
    if (size >= CHUNK_CHARS) flush()
  }
  flush()
  return chunks
}

/**
 * A long source-aligned text node, cut into pieces of about CHUNK_CHARS: after a
 * sentence's end where there is one (then nothing changes), else at a space
 * (a sentence that long is read in pieces: one notice says so).
 */
function splitText(node: Text, lines: LineIndex, notices: Notice[]): Text[] {
  const start = node.position?.start.offset
  if (start === undefined || node.value.length <= CHUNK_CHARS) return [node]
  const pieces: Text[] = []
  let from = 0
  while (from < node.value.length) {
    let to = node.value.length
    if (from + CHUNK_CHARS < node.value.length) {
      const cut = sentenceCut(node.value, from + CHUNK_CHARS / 2, from + CHUNK_CHARS)
      to = cut.at
      if (!cut.sentence && !notices.some((n) => n.message === NOTICE.sentence(CHUNK_CHARS))) {
        // The value equals its source slice (aligned), so offsets carry over.
        const n = noticeAt(node.value, from, to, NOTICE.sentence(CHUNK_CHARS))
        notices.push({...n, start: start + n.start, end: start + n.end})
      }
    }
    const value = node.value.slice(from, to)
    pieces.push({type: 'text', value, position: {start: lines.point(start + from), end: lines.point(start + to)}})
    from = to
  }
  return pieces
}

function isUrlText(text: string, url: string): boolean {
  return text === url || url === 'mailto:' + text || /^(https?:\/\/|www\.)/i.test(text)
}

function isAttributed(node: Blockquote, previous: RootContent | undefined): boolean {
  if (ATTRIBUTION.test(toString(node, {includeHtml: false}).trimEnd())) return true
  // The last paragraph may hold the attribution on its own line.
  const last = node.children.at(-1)
  if (last && last.type === 'paragraph' && ATTRIBUTION.test(toString(last))) return true
  return previous?.type === 'paragraph' && endsWithLeadIn(toString(previous))
}

function noteAvoidColumns(table: Table, mentions: Array<[number, number]>) {
  const header = table.children[0]
  if (!header) return
  const columns = header.children.map((cell, i) => (AVOID_HEADER.test(toString(cell)) ? i : -1)).filter((i) => i >= 0)
  if (columns.length === 0 || columns.length === header.children.length) return
  for (const row of table.children) {
    for (const column of columns) {
      const cell = row.children[column]
      const r = cell && range(cell)
      if (r) mentions.push(r)
    }
  }
}

/**
 * mdast-util-to-nlcst skips tables, but table cells are prose. Each cell becomes
 * a paragraph of its own, separated by a paragraph break, so a phrase never
 * runs from one cell into the next.
 */
function tableAsParagraphs(table: Table, lines: LineIndex) {
  const t = table as unknown as {type: string; children: Array<{type: string; children: Array<{type: string; children: unknown[]}>}>}
  t.type = 'tableAsProse'
  for (const row of t.children) {
    row.type = 'tableRowAsProse'
    const cells: Array<{type: string; children: unknown[]; position?: unknown}> = []
    for (const cell of row.children) {
      cell.type = 'paragraph'
      const position = (cell as {position?: {start: {offset?: number}}}).position
      if (cells.length > 0 && position?.start.offset !== undefined) {
        // A paragraph break at the cell's start (the pipe), so cells are separate paragraphs.
        cells.push({type: 'text', value: '\n\n', position: {start: lines.point(position.start.offset), end: lines.point(position.start.offset)}} as never)
      }
      cells.push(cell)
    }
    row.children = cells as never
  }
}

/**
 * The shapes of the nodes a parse makes (micromark's and the bridge's, and plain paragraphs'), kept as shapes.ts explains:
 * the parsers' nodes get properties after they are made, so their hidden classes die with the last tree, and the review's
 * sentence loop, which reads them, was thrown away at a full collection while no tree was alive (the bench's alex and floor
 * runs between two reviews). Two small trees made at load keep them.
 */
const SHAPES_PLAIN = "A peer's one-to-one plan, 3,000 = x! Mr. Hale said \u201cyes\u201d (twice): done."
keepShape(parsePlainParagraphs(SHAPES_PLAIN, [[0, SHAPES_PLAIN.length]]))
keepShape(parseMarkdown('# Title\n\nSome *text*, `code` and [a link](x).\n\n- one item.\n- two\n\n| a | b |\n| - | - |\n| c | d |\n\n> quoted "x"\n'))
