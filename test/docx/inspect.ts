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

/**
 * The comments LibreOffice printed as PDF text annotations (ExportNotes), from the PDF's uncompressed
 * annotation objects (their keys in any order: LibreOffice 7.4 and 25.2 write them differently).
 */
export function pdfNotes(pdf: Buffer, pageHeight: number): PdfNote[] {
  const src = pdf.toString('latin1')
  const notes: PdfNote[] = []
  for (const [, object] of src.matchAll(/\d+ 0 obj\s*([\s\S]*?)endobj/g)) {
    if (!/\/Type\s*\/Annot\b/.test(object) || !/\/Subtype\s*\/Text\b/.test(object)) continue
    const rect = /\/Rect\s*\[([\d.\s-]+)\]/.exec(object)
    const contents = /\/Contents\s*<FEFF([0-9A-Fa-f]*)>/.exec(object)
    if (!rect || !contents) continue
    const [x, , , y2] = rect[1].trim().split(/\s+/).map(Number)
    notes.push({x, top: pageHeight - y2, text: Buffer.from(contents[1], 'hex').swap16().toString('utf16le')})
  }
  return notes
}

export interface PdfWord {
  xMin: number
  xMax: number
  yMin: number
  text: string
}

/** The words of the first page as `pdftotext -bbox` gives them, and the page's size. */
export function pdfWords(html: string): {width: number; height: number; words: PdfWord[]} {
  const page = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/.exec(html)
  if (!page) return {width: 0, height: 0, words: []}
  const words = [...page[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: decode(m[4])}))
  return {width: Number(page[1]), height: Number(page[2]), words}
}

export interface PdfLine {
  /** Left edge of the first word, top of the line (from the top of the page). */
  x: number
  top: number
  text: string
  words: PdfWord[]
}

/**
 * The words of a page as lines: words at one height, split where a wide gap
 * separates them (a line of the page body and a comment beside it in the margin
 * are two lines). Top to bottom, then left to right.
 */
export function pdfLines(words: PdfWord[], gap = 40): PdfLine[] {
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
  const rows: PdfWord[][] = []
  for (const w of sorted) {
    const row = rows[rows.length - 1]
    if (row && Math.abs(row[0].yMin - w.yMin) < 0.5) row.push(w)
    else rows.push([w])
  }
  const lines: PdfLine[] = []
  for (const row of rows) {
    row.sort((a, b) => a.xMin - b.xMin)
    let current: PdfWord[] = []
    const flush = () => current.length && lines.push({x: current[0].xMin, top: current[0].yMin, text: current.map((w) => w.text).join(' '), words: current})
    for (const w of row) {
      if (current.length && w.xMin - current[current.length - 1].xMax > gap) {
        flush()
        current = []
      }
      current.push(w)
    }
    flush()
  }
  return lines.sort((a, b) => a.top - b.top || a.x - b.x)
}
