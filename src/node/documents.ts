/**
 * Documents of every format the CLI reads, loaded, reviewed and fixed:
 *   Markdown and plain text (the engine's own formats), HTML (src/core/parse/html.ts)
 *   and Word .docx (src/core/docx: every story's paragraphs; line = paragraph number in reading order).
 */
import type {Sentence} from 'nlcst'
import {applyFixes} from '../core/fix.js'
import {htmlProse, reviewHtmlInPieces} from '../core/html-pieces.js'
import {parseMarkdown, type Prose} from '../core/parse/markdown.js'
import {parseText} from '../core/parse/text.js'
import type {Reviewer} from '../core/review.js'
import {MAX_PARSE_CHARS} from '../core/slices.js'
import {MAX_FINDINGS} from '../core/limits.js'
import {REVIEW_LIMIT} from '../core/notices.js'
import type {Finding} from '../core/types.js'
import {reviewDocx as reviewDocxModel, type DocxModel} from '../core/docx/index.js'
import {loadDocx} from './docx.js'
import {decodeText, DEFAULT_MAX_BYTES, DocumentError, readBytes, tooLarge} from './read-document.js'

export type DocumentKind = 'markdown' | 'text' | 'html' | 'docx'

export interface LoadedDocument {
  kind: DocumentKind
  /** The text reviewed (for docx: the paragraphs, one a line). */
  text: string
  /** The file started with a UTF-8 byte-order mark (kept when fixing). */
  bom: boolean
  /** Writing `text` back reproduces the bytes (valid UTF-8): only then may --fix write the file. */
  lossless: boolean
  /** One line the user should see though the document was reviewed (invalid UTF-8). */
  warning?: string
  /** Word: the opened package (for the reviewed copy). */
  docx?: DocxModel
}

/** A finding's sentence (for docx: its paragraph), split around the finding, as plain text. */
export interface Excerpt {
  before: string
  text: string
  after: string
}

export interface Reviewed {
  kind: DocumentKind
  findings: Finding[]
  excerpts: Excerpt[]
  /** Word: per finding, where it is ("body ¶12", "footnote 3 ¶1", "header1 ¶1"). */
  places?: string[]
}

export function kindFor(path: string): DocumentKind {
  if (/\.(md|markdown|mdown|mkd|mdx)$/i.test(path)) return 'markdown'
  if (/\.(html?|xhtml)$/i.test(path)) return 'html'
  // A .doc is read as Word so its owner hears what it is (an older format), not "binary file".
  if (/\.docx?$/i.test(path)) return 'docx'
  return 'text'
}


/** Bytes → a document of the given kind. Throws DocumentError with a one-line reason. */
export async function decodeAny(name: string, bytes: Buffer, kind: DocumentKind, maxBytes = DEFAULT_MAX_BYTES): Promise<LoadedDocument> {
  if (kind === 'docx') {
    if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes)
    const model = loadDocx(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return {kind, text: model.text, bom: false, lossless: false, docx: model}
  }
  const {text, bom, lossless, warning} = decodeText(name, bytes, maxBytes)
  return {kind, text, bom, lossless, ...(warning ? {warning: `${name}: ${warning}`} : {})}
}

export async function loadDocument(path: string, name: string, kind = kindFor(path), maxBytes = DEFAULT_MAX_BYTES): Promise<LoadedDocument> {
  return decodeAny(name, readBytes(path, name, maxBytes), kind, maxBytes)
}

export function proseFor(text: string, kind: Exclude<DocumentKind, 'docx'>): Prose {
  return kind === 'markdown' ? parseMarkdown(text) : kind === 'html' ? htmlProse(text) : parseText(text)
}

const EXCERPT_CHARS = 200

/** A document longer than this is reviewed through the engine's sliced path (bounded memory); excerpts are then its lines. */
const WHOLE_PARSE_CHARS = MAX_PARSE_CHARS
/** Characters either side of a finding that its excerpt is cut from (a sentence can be a whole document long). */
const EXCERPT_WINDOW = 1000

export function reviewDocument(reviewer: Reviewer, doc: LoadedDocument): Reviewed {
  if (doc.kind === 'docx') return reviewDocx(reviewer, doc)
  let findings: Finding[]
  let sentences: Array<[number, number]> = []
  if (doc.text.length > WHOLE_PARSE_CHARS) {
    findings = doc.kind === 'html' ? reviewHtmlInPieces(reviewer, doc.text) : reviewer.review(doc.text, doc.kind)
  } else {
    const prose = proseFor(doc.text, doc.kind)
    findings = reviewer.limitFindings(reviewer.reviewProse(doc.text, prose))
    sentences = sentenceRanges(prose)
  }
  if (doc.kind === 'html') findings = findings.map((f) => htmlFinding(doc.text, f))
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  const innermost = innermostRanges(sentences, findings.map((f) => f.offset))
  const clean = doc.kind === 'html' ? htmlToText : doc.kind === 'markdown' ? markdownToText : (x: string) => x
  const excerpts = findings.map((f, i) => {
    // The innermost sentence: an attribute's text (alt, title) sits inside the element's sentence.
    const [s, e] = innermost[i] ?? lineRange(doc.text, f.offset)
    const start = Math.max(Math.min(s, f.offset), f.offset - EXCERPT_WINDOW)
    const end = Math.min(Math.max(e, f.endOffset), f.endOffset + EXCERPT_WINDOW)
    return {
      before: trimStart(clean(doc.text.slice(start, f.offset)).replace(/\s+/g, ' ').trimStart()),
      text: clean(f.text).replace(/\s+/g, ' '),
      after: trimEnd(clean(doc.text.slice(f.endOffset, end)).replace(/\s+/g, ' ').trimEnd())
    }
  })
  return {kind: doc.kind, findings, excerpts}
}

/**
 * For each offset (ascending), the innermost range holding it, in one sweep: the
 * ranges (sentences, with attribute text nested inside an element's) are sorted by
 * start and kept on a stack of those still open.
 */
function innermostRanges(ranges: Array<[number, number]>, offsets: number[]): Array<[number, number] | undefined> {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const open: Array<[number, number]> = []
  const out: Array<[number, number] | undefined> = []
  let k = 0
  for (const x of offsets) {
    while (k < sorted.length && sorted[k][0] <= x) {
      while (open.length > 0 && open[open.length - 1][1] <= sorted[k][0]) open.pop()
      open.push(sorted[k++])
    }
    while (open.length > 0 && open[open.length - 1][1] <= x) open.pop()
    out.push(open[open.length - 1])
  }
  return out
}

function reviewDocx(reviewer: Reviewer, doc: LoadedDocument): Reviewed {
  if (!doc.docx) throw new Error('a Word document without its package')
  const model = doc.docx
  const {findings, places, paragraphs} = reviewDocxModel(reviewer, model)
  const excerpts = findings.map((f, i) => {
    const text = model.paragraphs[paragraphs[i]].text
    const s = f.offset - model.starts[paragraphs[i]]
    const e = f.endOffset - model.starts[paragraphs[i]]
    // A paragraph can be a whole document long: the excerpt comes from a window around the finding.
    return {before: trimStart(text.slice(Math.max(0, s - EXCERPT_WINDOW), s)), text: f.text, after: trimEnd(text.slice(e, e + EXCERPT_WINDOW))}
  })
  return {kind: 'docx', findings, excerpts, places}
}

/**
 * An HTML finding whose range starts before markup ("a <b>role model"): the
 * article stays outside, so a fix never swallows a tag.
 */
function htmlFinding(text: string, f: Finding): Finding {
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

function sentenceRanges(prose: Prose): Array<[number, number]> {
  const out: Array<[number, number]> = []
  type Node = {type: string; children?: Node[]; position?: Sentence['position']}
  const stack: Node[] = [prose.tree as Node]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'SentenceNode') {
      const s = node.position?.start.offset
      const e = node.position?.end.offset
      if (s !== undefined && e !== undefined) out.push([s, e])
    } else if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
  return out
}

function lineRange(text: string, offset: number): [number, number] {
  const s = text.lastIndexOf('\n', offset - 1) + 1
  const n = text.indexOf('\n', offset)
  return [s, n === -1 ? text.length : n]
}

const trimStart = (s: string) => (s.length > EXCERPT_CHARS ? '…' + s.slice(-EXCERPT_CHARS) : s)
const trimEnd = (s: string) => (s.length > EXCERPT_CHARS ? s.slice(0, EXCERPT_CHARS) + '…' : s)

/** Emphasis markers, link syntax and line prefixes out: good enough for an excerpt. */
export function markdownToText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)/g, '')
    .replace(/(^|\n)\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/g, '$1')
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '\u2014', ndash: '\u2013', rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026'}

/** Markup out, common character references decoded: good enough for an excerpt. */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<[^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
      if (body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
      }
      return ENTITIES[body.toLowerCase()] ?? m
    })
}

export interface FixOutcome {
  /** The text after fixing (equal to the input when nothing applied). */
  text: string
  applied: number
  /** The review of the fixed text. */
  reviewed: Reviewed
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Apply safe fixes until none is left (a fix can reveal no new finding, but a
 * second pass makes sure a later run has nothing to do). Not for docx.
 */
export function fixDocument(reviewer: Reviewer, doc: LoadedDocument, first?: Reviewed): FixOutcome {
  let text = doc.text
  let reviewed = first ?? reviewDocument(reviewer, doc)
  let applied = 0
  if (doc.kind === 'docx') return {text, applied, reviewed}
  const encode = doc.kind === 'html' ? escapeHtml : undefined
  for (let pass = 0; pass < 5; pass++) {
    const result = applyFixes(text, reviewed.findings, {encode})
    if (result.applied.length === 0) break
    applied += result.applied.length
    text = result.text
    reviewed = reviewDocument(reviewer, {...doc, text})
  }
  return {text, applied, reviewed}
}
