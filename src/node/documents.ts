/**
 * Documents of every format the CLI reads, loaded, reviewed and fixed:
 *   Markdown and plain text (the engine's own formats), HTML (src/core/parse/html.ts)
 *   and Word .docx (src/core/docx: every story's paragraphs; line = paragraph number in reading order).
 */
import {applyFixes, kindOfPath, reviewDocx as reviewDocxModel, type DocumentKind, type DocxModel, type Finding, type Reviewer} from '../core/index.js'
import {loadDocx} from './docx.js'
import {decodeText, DEFAULT_MAX_BYTES, DocumentError, readBytes, tooLarge} from './read-document.js'

export type {DocumentKind}

export interface LoadedDocument {
  kind: DocumentKind
  /** The text reviewed (for docx: the paragraphs, one a line). */
  text: string
  /** The file started with a UTF-8 byte-order mark (kept when fixing). */
  bom: boolean
  /** Writing `text` back reproduces the bytes (valid UTF-8): only then may --fix write the file. */
  lossless: boolean
  /** Word: the opened package (for the reviewed copy). */
  docx?: DocxModel
  /** One line the user should see though the document was reviewed (invalid UTF-8). */
  warning?: string
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

/** The kind of a file named on the command line (src/core/formats.ts); anything else is read as plain text. */
export const kindFor = (path: string): DocumentKind => kindOfPath(path, {named: true}) ?? 'text'

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

const EXCERPT_CHARS = 200
/** Characters either side of a finding that its excerpt is cut from (a sentence can be a whole document long). */
const EXCERPT_WINDOW = 1000

/** Review a loaded document through the engine's one entry; each finding with its sentence as an excerpt. */
export function reviewDocument(reviewer: Reviewer, doc: LoadedDocument): Reviewed {
  if (doc.kind === 'docx') return reviewDocx(reviewer, doc)
  const findings = reviewer.review(doc.text, doc.kind)
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  const clean = doc.kind === 'html' ? htmlToText : doc.kind === 'markdown' ? markdownToText : (x: string) => x
  const excerpts = findings.map((f) => {
    const start = Math.max(Math.min(f.sentence.start, f.offset), f.offset - EXCERPT_WINDOW)
    const end = Math.min(Math.max(f.sentence.end, f.endOffset), f.endOffset + EXCERPT_WINDOW)
    return {
      before: trimStart(clean(doc.text.slice(start, f.offset)).replace(/\s+/g, ' ').trimStart()),
      text: clean(f.text).replace(/\s+/g, ' '),
      after: trimEnd(clean(doc.text.slice(f.endOffset, end)).replace(/\s+/g, ' ').trimEnd())
    }
  })
  return {kind: doc.kind, findings, excerpts}
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
