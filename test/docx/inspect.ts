/** Reading a reviewed copy back in the tests: comments, their anchors, raw entries, accepted text. */
import {ZipArchive} from '../../src/core/docx/zip.js'
import {openDocx} from '../../src/core/docx/index.js'

export interface WrittenComment {
  id: string
  author: string
  initials: string
  text: string
}

export function commentsOf(bytes: Uint8Array): WrittenComment[] {
  const zip = new ZipArchive(bytes)
  if (!zip.has('word/comments.xml')) return []
  const xml = zip.readText('word/comments.xml')
  return [...xml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    id: /w:id="(\d+)"/.exec(m[1])![1],
    author: /w:author="([^"]*)"/.exec(m[1])?.[1] ?? '',
    initials: /w:initials="([^"]*)"/.exec(m[1])?.[1] ?? '',
    text: [...m[2].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('')).join('\n')
  }))
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/**
 * The text a comment's range covers in `part`, as the original read it: w:t and
 * w:delText (deleted by us), not w:ins; tabs as \t. Undefined when not in the part.
 */
export function anchorText(bytes: Uint8Array, part: string, id: string): string | undefined {
  const xml = new ZipArchive(bytes).readText(part)
  const start = xml.search(new RegExp(`<w:commentRangeStart w:id="${id}"/>`))
  const end = xml.search(new RegExp(`<w:commentRangeEnd w:id="${id}"/>`))
  if (start === -1 || end === -1) return undefined
  const span = xml.slice(start, end).replace(/<w:ins\b[\s\S]*?<\/w:ins>/g, '')
  return [...span.matchAll(/<w:(t|delText)\b[^>]*>([^<]*)<\/w:\1>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[2]))).join('')
}

/** The entries of `a` not named in `changed`: raw bytes (local header + data) and central record, equal in `b`? */
export function untouchedEqual(a: Uint8Array, b: Uint8Array, changed: string[]): string[] {
  const za = new ZipArchive(a)
  const zb = new ZipArchive(b)
  const differ: string[] = []
  for (const e of za.entries) {
    if (changed.includes(e.name)) continue
    const f = zb.entries.find((x) => x.name === e.name)
    if (!f) {
      differ.push(`${e.name} (missing)`)
      continue
    }
    const rawA = a.subarray(e.localOffset, e.rawEnd)
    const rawB = b.subarray(f.localOffset, f.rawEnd)
    const centralA = Buffer.from(e.central)
    const centralB = Buffer.from(f.central)
    centralA.writeUInt32LE(0, 42)
    centralB.writeUInt32LE(0, 42)
    if (!Buffer.from(rawA).equals(Buffer.from(rawB)) || !centralA.equals(centralB)) differ.push(e.name)
  }
  return differ
}

/** Accept every tracked change (a small XML transform): deletions and moves away go, insertions stay. */
export function acceptAll(xml: string): string {
  return xml
    .replace(/<w:del\b[^>]*\/>/g, '')
    .replace(/<w:del\b[^>]*>[\s\S]*?<\/w:del>/g, '')
    .replace(/<w:moveFrom\b[^>]*>[\s\S]*?<\/w:moveFrom>/g, '')
    .replace(/<\/?w:(ins|moveTo)\b[^>]*>/g, '')
}

/** The paragraphs of every story but comments, "section: text", after accepting every change in every part. */
export function acceptedStories(bytes: Uint8Array): string[] {
  const zip = new ZipArchive(bytes)
  const changed = new Map<string, Uint8Array>()
  for (const e of zip.entries) if (/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(e.name)) changed.set(e.name, new TextEncoder().encode(acceptAll(zip.readText(e.name))))
  return openDocx(zip.write(changed))
    .paragraphs.filter((p) => p.text && !p.section.startsWith('comment'))
    .map((p) => `${p.section}: ${p.text}`)
}

/** The body paragraphs of a package after accepting every change in every part. */
export function acceptedBody(bytes: Uint8Array): string[] {
  const zip = new ZipArchive(bytes)
  const changed = new Map<string, Uint8Array>()
  for (const e of zip.entries) if (/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(e.name)) changed.set(e.name, new TextEncoder().encode(acceptAll(zip.readText(e.name))))
  const model = openDocx(zip.write(changed))
  return model.paragraphs.filter((p) => p.section === 'body').map((p) => p.text)
}

export interface PdfNote {
  /** Where the note's icon sits: its left edge, and its top measured from the top of the page (as pdftotext measures). */
  x: number
  top: number
  text: string
}

/** The comments LibreOffice printed as PDF text annotations (ExportNotes), from the PDF's uncompressed annotation dictionaries. */
export function pdfNotes(pdf: Buffer, pageHeight: number): PdfNote[] {
  const src = pdf.toString('latin1')
  return [...src.matchAll(/\/Subtype\s*\/Text\s*\/Rect\s*\[([\d.\s-]+)\][^]*?\/Contents\s*<FEFF([0-9A-Fa-f]*)>/g)].map((m) => {
    const [x, , , y2] = m[1].trim().split(/\s+/).map(Number)
    const text = Buffer.from(m[2], 'hex').swap16().toString('utf16le')
    return {x, top: pageHeight - y2, text}
  })
}

export interface PdfWord {
  xMin: number
  xMax: number
  yMin: number
  text: string
}

/** The words of the first page as `pdftotext -bbox` gives them, and the page's height. */
export function pdfWords(html: string): {height: number; words: PdfWord[]} {
  const page = /<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/.exec(html)
  if (!page) return {height: 0, words: []}
  const words = [...page[2].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: decode(m[4])}))
  return {height: Number(page[1]), words}
}
