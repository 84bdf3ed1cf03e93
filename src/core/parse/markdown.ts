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
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseDirectiveComments, type Directive} from '../directives.js'
import {LineIndex} from '../positions.js'
import {alignText} from './align.js'
import {ATTRIBUTION, AVOID_HEADER, LEAD_IN} from '../context/mention.js'

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

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
const markdownWithoutFrontmatter = unified().use(remarkParse).use(remarkGfm)
const bridge = unified().use(remarkRetext, ParseEnglish)


export function parseMarkdown(original: string, options: MarkdownOptions = {}): Prose {
  // micromark drops a byte-order mark, which would shift every offset by one; a space keeps them.
  const text = original.charCodeAt(0) === 0xfeff ? ' ' + original.slice(1) : original
  const lines = new LineIndex(text)
  const file = new VFile(text)
  const mdast = (options.frontmatter === false ? markdownWithoutFrontmatter : markdown).parse(file) as Root
  const mentions: Array<[number, number]> = []
  const directives: Directive[] = []
  const references: Reference[] = []
  const blocks: Block[] = []
  for (const node of mdast.children) {
    const r = range(node)
    if (r) blocks.push({type: node.type, start: r[0], end: r[1]})
  }
  prepare(mdast, text, lines, mentions, directives, references)
  const tree = bridge.runSync(mdast as never, file) as unknown as NlcstRoot
  return {tree, lines, mentions, directives, blocks, references}
}

/**
 * Plain paragraphs → prose, without the Markdown parser: each span of `text` is
 * a paragraph with no markup (see regions.ts), whose mdast is one text node
 * equal to its source. The bridge then runs exactly as for parsed Markdown.
 */
export function parsePlainParagraphs(text: string, spans: Array<[number, number]>): Prose {
  const lines = new LineIndex(text)
  const children = spans.map(([start, end]): RootContent => {
    const position = {start: lines.point(start), end: lines.point(end)}
    return {type: 'paragraph', children: [{type: 'text', value: text.slice(start, end), position}], position}
  })
  const root: Root = {type: 'root', children: children.flatMap((node) => boundedPieces(node, lines)), position: {start: lines.point(0), end: lines.point(text.length)}}
  const tree = bridge.runSync(root as never, new VFile(text)) as unknown as NlcstRoot
  const blocks = spans.map(([start, end]) => ({type: 'paragraph', start, end}))
  return {tree, lines, mentions: [], directives: [], blocks, references: []}
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
  references: Reference[]
) {
  const visit = (parent: Parent, depth = 0) => {
    // Absurdly deep nesting is not prose anyone writes; do not recurse into it.
    if (depth > MAX_DEPTH) {
      parent.children = []
      return
    }
    const children = parent.children as RootContent[]
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      switch (node.type) {
        case 'definition':
          references.push({kind: 'definition', label: node.label ?? node.identifier, offset: node.position?.start.offset ?? 0})
          continue
        case 'footnoteDefinition':
          references.push({kind: 'footnote', label: node.label ?? node.identifier, offset: node.position?.start.offset ?? 0})
          break
        case 'html':
          directives.push(...parseDirectiveComments((node as Html).value, node.position?.start.offset ?? 0, lines))
          continue
        case 'text': {
          const pieces = alignText(node as Text, source, lines)
          if (pieces) {
            children.splice(index, 1, ...pieces)
            index += pieces.length - 1
          }
          continue
        }
        case 'link':
          // A bare URL (autolink) is not prose.
          if (node.children.length === 1 && node.children[0].type === 'text' && isUrlText(node.children[0].value, node.url)) {
            node.children = []
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
      if ('children' in node) visit(node as Parent, depth + 1)
    }
  }
  visit(root)
  root.children = root.children.flatMap((node) => boundedPieces(node, lines))
}

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
function boundedPieces(node: RootContent, lines: LineIndex): RootContent[] {
  const r = range(node)
  if (!r || r[1] - r[0] <= MAX_BLOCK_CHARS || !('children' in node)) return [node]
  const children = node.children as RootContent[]
  if (CONTAINERS.has(node.type)) return children.flatMap((child) => boundedPieces(child, lines))
  const inline: RootContent[] = children.flatMap((child): RootContent[] => (child.type === 'text' ? splitText(child, lines) : [child]))
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

/** A long source-aligned text node, cut at spaces into pieces of about CHUNK_CHARS. */
function splitText(node: Text, lines: LineIndex): Text[] {
  const start = node.position?.start.offset
  if (start === undefined || node.value.length <= CHUNK_CHARS) return [node]
  const pieces: Text[] = []
  let from = 0
  while (from < node.value.length) {
    let to = Math.min(node.value.length, from + CHUNK_CHARS)
    if (to < node.value.length) {
      const space = node.value.lastIndexOf(' ', to)
      if (space > from) to = space + 1
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
  return previous?.type === 'paragraph' && LEAD_IN.test(toString(previous))
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
