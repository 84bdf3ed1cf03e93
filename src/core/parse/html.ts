/**
 * HTML → prose. rehype-parse builds hast (with attribute positions); the text
 * that a reader would call prose (element text, `alt` of images, `title`
 * attributes, the document's <title>) is bridged to nlcst with retext-english's
 * parser, every word at its exact offset in the HTML source. Never reviewed:
 * script, style, template, svg, math, code, pre, kbd, samp, var, textarea, del,
 * or anything marked `data-nlcst="ignore"` or `translate="no"`. HTML comments
 * carry the same directives as in Markdown. Attributed blockquotes, <q> and
 * table columns of wording to avoid are mentions, not findings.
 */
import type {Comment, Element, ElementContent, Nodes, Root, RootContent, Text} from 'hast'
import type {Root as NlcstRoot} from 'nlcst'
import {toNlcst} from 'hast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseDirectiveComments, type Directive} from '../directives.js'
import {LineIndex} from '../positions.js'
import {alignText} from './align.js'
import {blankTags} from './html-cuts.js'
import {parseText} from './text.js'
import {NOTICE, noticeAt} from '../notices.js'
import {sentenceCut} from './cuts.js'
import {ATTRIBUTION, AVOID_HEADER} from '../context/mention.js'
import type {Finding} from '../types.js'
import type {Prose} from './markdown.js'
import {addFormat} from '../whole.js'

// Made on first use: a bundle that never reads HTML drops this module and parse5 with it.
let html: ReturnType<typeof makeProcessor> | undefined
const makeProcessor = () => unified().use(rehypeParse, {verbose: true})

/** Elements whose content is never prose. */
const NOT_PROSE = new Set(['script', 'style', 'template', 'svg', 'math', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'noscript', 'del', 'iframe', 'object'])
/** Elements whose `alt` is prose. */
const ALT = new Set(['img', 'area', 'input'])

type Range = [number, number]

function offsets(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): Range | undefined {
  const s = node.position?.start.offset
  const e = node.position?.end.offset
  return s === undefined || e === undefined ? undefined : [s, e]
}

function textOf(node: Nodes): string {
  let out = ''
  const stack: Nodes[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (n.type === 'text') out += n.value
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes)
  }
  return out
}

/** Text pieces longer than this are cut at spaces: hast-util-to-nlcst spreads each piece's words into one call. */
const PIECE_CHARS = 4000

/** A source-aligned text piece cut at spaces (which tokenizes exactly as the whole). */
function splitAtSpaces(piece: Text, lines: LineIndex): Text[] {
  const start = piece.position?.start.offset
  if (start === undefined || piece.value.length <= PIECE_CHARS) return [piece]
  const out: Text[] = []
  let from = 0
  while (from < piece.value.length) {
    let to = piece.value.length
    if (from + PIECE_CHARS < to) to = sentenceCut(piece.value, from + PIECE_CHARS / 2, from + PIECE_CHARS).at
    out.push({type: 'text', value: piece.value.slice(from, to), position: {start: lines.point(start + from), end: lines.point(start + to)}})
    from = to
  }
  return out
}

/**
 * HTML as prose. Markup nested deeper than the tree builders and walkers can go
 * (they recurse) is read as plain text with its tags and comments blanked, every
 * offset kept, with a notice.
 */
export function parseHtml(text: string): Prose {
  try {
    return parseHtmlTree(text)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const prose = parseText(blankTags(text))
    const first = text.search(/<[A-Za-z]/)
    prose.notices = [noticeAt(text, Math.max(0, first), text.length, NOTICE.htmlDepth())]
    return prose
  }
}

function parseHtmlTree(text: string): Prose {
  const lines = new LineIndex(text)
  const file = new VFile(text)
  const root = (html ??= makeProcessor()).parse(file) as Root
  // A piece of a long document may hold only an end tag: the root then has no position, which the bridge needs.
  root.position ??= {start: lines.point(0), end: lines.point(text.length)}
  const mentions: Range[] = []
  const directives: Directive[] = []
  const extra: Element[] = []

  const point = (offset: number) => lines.point(offset)
  /** A paragraph of its own for the source range [s, e) whose decoded value is `value`. */
  const addProse = (value: string, s: number, e: number) => {
    if (!value.trim()) return
    const node: Text = {type: 'text', value, position: {start: point(s), end: point(e)}}
    extra.push({type: 'element', tagName: 'p', properties: {}, children: [node], position: {start: point(s), end: point(e)}})
  }
  /** An attribute's value range from the attribute's whole range (`alt="…"`). */
  const attributeValue = (name: string, element: Element, value: string) => {
    const data = element.data as {position?: {properties?: Record<string, {start: {offset?: number}; end: {offset?: number}} | undefined>}} | undefined
    const r = data?.position?.properties?.[name]
    const s = r?.start.offset
    const e = r?.end.offset
    if (s === undefined || e === undefined) return
    const raw = text.slice(s, e)
    const m = /^[^=]*=\s*(["']?)/.exec(raw)
    if (!m) return
    let vs = s + m[0].length
    let ve = e
    if (m[1] && text[ve - 1] === m[1]) ve--
    if (ve <= vs) return
    if (!m[1]) vs = s + m[0].length
    addProse(value, vs, ve)
  }

  // Depth first with an explicit stack: markup can nest deeper than the call stack allows.
  const stack: Array<Root | Element> = [root]
  while (stack.length > 0) {
    const parent = stack.pop()!
    const children = parent.children as Array<RootContent | ElementContent>
    const out: Array<RootContent | ElementContent> = []
    const descend: Element[] = []
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      if (node.type === 'comment') {
        const r = offsets(node as Comment)
        if (r) directives.push(...parseDirectiveComments(text.slice(r[0], r[1]), r[0], lines))
        out.push(node)
        continue
      }
      if (node.type === 'text') {
        const pieces = (alignText(node as Text, text, lines) as Text[] | undefined) ?? [node as Text]
        for (const piece of pieces) for (const part of splitAtSpaces(piece, lines)) out.push(part)
        continue
      }
      out.push(node)
      if (node.type !== 'element') continue
      const element = node as Element
      const props = element.properties ?? {}
      if (NOT_PROSE.has(element.tagName) || props.dataNlcst === 'ignore' || props.translate === 'no' || props.hidden === true) {
        // Out of the prose entirely (hast-util-to-nlcst would read code as source, pre as prose).
        props.dataNlcst = 'ignore'
        element.properties = props
        continue
      }
      if (typeof props.alt === 'string' && ALT.has(element.tagName)) attributeValue('alt', element, props.alt)
      if (typeof props.title === 'string') attributeValue('title', element, props.title)
      if (element.tagName === 'title') {
        const r = offsets(element)
        const child = element.children[0]
        const cr = child && offsets(child as Text)
        if (r && child?.type === 'text' && cr) {
          // <title> sits in <head>, which hast-util-to-nlcst does not read: its own paragraph.
          const pieces = (alignText(child as Text, text, lines) as Text[] | undefined)
          for (const piece of pieces ?? [child]) {
            const pr = offsets(piece)
            if (pr) addProse(piece.value, pr[0], pr[1])
          }
        }
        continue
      }
      if (element.tagName === 'q') {
        const r = offsets(element)
        if (r) mentions.push(r)
      }
      if (element.tagName === 'blockquote' && isAttributed(element)) {
        const r = offsets(element)
        if (r) mentions.push(r)
      }
      if (element.tagName === 'table') noteAvoidColumns(element, mentions)
      descend.push(element)
    }
    parent.children = out as never
    for (let i = descend.length - 1; i >= 0; i--) stack.push(descend[i])
  }
  directives.sort((a, b) => a.start - b.start)
  root.children.push(...extra)
  const tree = toNlcst(root, file, ParseEnglish) as NlcstRoot
  return {tree, lines, mentions, directives}
}

function isAttributed(blockquote: Element): boolean {
  const stack: Nodes[] = [...blockquote.children]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element' && (node.tagName === 'cite' || node.tagName === 'footer')) return true
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child)
  }
  return ATTRIBUTION.test(textOf(blockquote).trimEnd())
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = []
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr') rows.push(child)
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') walk(child)
    }
  }
  walk(table)
  return rows
}

function noteAvoidColumns(table: Element, mentions: Range[]) {
  const rows = rowsOf(table)
  const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
  const header = rows[0] && cellsOf(rows[0])
  if (!header || header.length === 0) return
  const columns = header.map((cell, i) => (AVOID_HEADER.test(textOf(cell)) ? i : -1)).filter((i) => i >= 0)
  if (columns.length === 0 || columns.length === header.length) return
  for (const row of rows) {
    const cells = cellsOf(row)
    for (const column of columns) {
      const r = cells[column] && offsets(cells[column])
      if (r) mentions.push(r)
    }
  }
}



/**
 * An HTML finding whose range starts before markup ("a <b>role model"): the
 * article stays outside, so a fix never swallows a tag.
 */
export function fitHtmlFinding(text: string, f: Finding): Finding {
  const lastTag = f.text.lastIndexOf('>')
  if (lastTag === -1 || !f.text.slice(0, lastTag).includes('<')) return f
  let cut = lastTag + 1
  while (cut < f.text.length && /\s/.test(f.text[cut])) cut++
  const offset = f.offset + cut
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const line = f.line + countNewlines(f.text.slice(0, cut))
  return {
    ...f,
    offset,
    line,
    column: offset - lineStart + 1,
    text: f.text.slice(cut),
    suggestions: f.suggestions.map((s) => s.replace(/^(a|an|A|An)\s+/, '')),
    // Only drop-ins stay: a wider rewrite would reach back over the tag.
    fixes: f.fixes.filter((x) => x.before === 0 && x.after === 0).map((x) => ({...x, replacement: x.replacement.replace(/^(a|an|A|An)\s+/, '')})),
    safeFix: f.safeFix && f.fixes[0]?.before === 0 && f.fixes[0]?.after === 0
  }
}

const countNewlines = (s: string) => (s.match(/\n/g) ?? []).length

/** Make HTML a format the engine reads (see `addFormat`): the CLI does, the language server does not. */
export function enableHtml(): void {
  addFormat('html', {parse: parseHtml, fit: fitHtmlFinding})
}
