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
import type {Prose} from './markdown.js'

const html = unified().use(rehypeParse, {verbose: true})

/** Elements whose content is never prose. */
const NOT_PROSE = new Set(['script', 'style', 'template', 'svg', 'math', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'noscript', 'del', 'iframe', 'object'])
/** Elements whose `alt` is prose. */
const ALT = new Set(['img', 'area', 'input'])
const AVOID_HEADER =
  /\b(avoid|instead of|rather than|don'?t|do not|not this|never|outdated|old|problematic|unhelpful|stigmati[sz]ing|deficit[- ]based|harmful|less helpful|try not|clinical(ised|ized)? language|before)\b/i
const ATTRIBUTION = /(^|\n)\s*(\u2014|\u2013|\u2015|--|~)\s*\S[^\n]*$/

type Range = [number, number]

function offsets(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): Range | undefined {
  const s = node.position?.start.offset
  const e = node.position?.end.offset
  return s === undefined || e === undefined ? undefined : [s, e]
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}

export function parseHtml(text: string): Prose {
  const lines = new LineIndex(text)
  const file = new VFile(text)
  const root = html.parse(file) as Root
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

  const visit = (parent: Root | Element) => {
    const children = parent.children as Array<RootContent | ElementContent>
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      if (node.type === 'comment') {
        const r = offsets(node as Comment)
        if (r) directives.push(...parseDirectiveComments(text.slice(r[0], r[1]), r[0], lines))
        continue
      }
      if (node.type === 'text') {
        const pieces = alignHtmlText(node as Text, text, lines)
        if (pieces) {
          children.splice(index, 1, ...pieces)
          index += pieces.length - 1
        }
        continue
      }
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
          const pieces = alignHtmlText(child as Text, text, lines)
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
      visit(element)
    }
  }
  visit(root)
  root.children.push(...extra)
  const tree = toNlcst(root, file, ParseEnglish) as NlcstRoot
  return {tree, lines, mentions, directives}
}

function isAttributed(blockquote: Element): boolean {
  let cited = false
  const find = (node: Nodes) => {
    if (node.type === 'element' && (node.tagName === 'cite' || node.tagName === 'footer')) cited = true
    else if ('children' in node) for (const child of node.children as Nodes[]) find(child)
  }
  find(blockquote)
  return cited || ATTRIBUTION.test(textOf(blockquote).trimEnd())
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

const REFERENCE = /^&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/

/**
 * hast text values are decoded (character references, CRLF → LF), but
 * hast-util-to-nlcst places words by counting characters from a node's start.
 * Split such a node into pieces that each equal their source slice; a
 * reference becomes a piece of its own standing for the whole reference.
 */
function alignHtmlText(node: Text, source: string, lines: LineIndex): Text[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const value = node.value
  if (end - start === value.length && source.startsWith(value, start)) return undefined
  const pieces: Text[] = []
  let pieceValue = ''
  let pieceStart = -1
  let j = start
  const make = (v: string, s: number, e: number): Text => ({type: 'text', value: v, position: {start: lines.point(s), end: lines.point(e)}})
  const flush = (at: number) => {
    if (pieceValue) pieces.push(make(pieceValue, pieceStart, at))
    pieceValue = ''
  }
  for (let i = 0; i < value.length; ) {
    if (j >= end) return undefined
    if (source[j] === '&') {
      const ref = REFERENCE.exec(source.slice(j, j + 40))
      if (ref && !value.startsWith(ref[0], i)) {
        flush(j)
        const decoded = String.fromCodePoint(value.codePointAt(i) ?? 0xfffd)
        pieces.push(make(decoded, j, j + ref[0].length))
        i += decoded.length
        j += ref[0].length
        continue
      }
    }
    if (source[j] === value[i]) {
      if (!pieceValue) pieceStart = j
      pieceValue += value[i]
      i++
      j++
      continue
    }
    // Left out of the value (a CR before LF): skip it.
    flush(j)
    j++
  }
  flush(j)
  return pieces
}
