/**
 * A Word document opened for review: its package, the XML of every story part,
 * and all its paragraphs in reading order (body, text boxes, headers, footers,
 * footnotes, endnotes, existing comments), joined one a line into `text`, so a
 * finding's offset in `text` leads back to a paragraph, a run and an XML offset.
 */
import {DEFAULT_DOCX_LIMITS, DocxError, type DocxLimits} from './errors.js'
import {mapPackage, type PackageMap, type StoryKind} from './package.js'
import {checkZipSignature} from './sniff.js'
import {parseStory, type DocxParagraph, type Story} from './stories.js'
import {ZipArchive} from './zip.js'

export interface DocxModel {
  zip: ZipArchive
  map: PackageMap
  /** Story part name → its XML, as read. */
  xml: Map<string, string>
  /** Story part name → its parsed story. */
  stories: Map<string, Story>
  /** Every paragraph, in reading order. */
  paragraphs: DocxParagraph[]
  /** The paragraphs' text joined with "\n" (what is reviewed). */
  text: string
  /** Offset of each paragraph in `text`. */
  starts: number[]
  /** Highest numeric w:id in any story part (new comment and revision ids go above it). */
  maxId: number
  /**
   * Editing the document restricts (w:documentProtection enforced in the settings) to
   * reading, comments or form fields: its reader could not accept a tracked change.
   */
  restricted?: 'readOnly' | 'comments' | 'forms'
}

const KIND_RANK: Record<StoryKind | 'document', number> = {document: 0, header: 2, footer: 3, footnotes: 4, endnotes: 5, comments: 6}

const natural = (a: string, b: string) => a.localeCompare(b, 'en', {numeric: true})

/** Open a .docx from its bytes. Throws DocxError with a one-line reason. */
export function openDocx(bytes: Uint8Array, limits: DocxLimits = DEFAULT_DOCX_LIMITS): DocxModel {
  checkZipSignature(bytes)
  const zip = new ZipArchive(bytes, limits)
  const map = mapPackage(zip)
  const xml = new Map<string, string>()
  const stories = new Map<string, Story>()
  const counters = {textBoxes: 0, comments: 0}
  let paragraphsSoFar = 0
  const read = (part: string, kind: StoryKind | 'document', label: string, noteNumbers?: Map<string, number>) => {
    const text = zip.readText(part)
    const story = parseStory(text, {part, kind, label, noteNumbers, counters, limits, paragraphsSoFar})
    paragraphsSoFar = story.paragraphCount ?? paragraphsSoFar
    xml.set(part, text)
    stories.set(part, story)
    return story
  }
  const main = read(map.document, 'document', 'body')
  const numbers = (refs: string[]) => {
    const m = new Map<string, number>()
    for (const id of refs) if (!m.has(id)) m.set(id, m.size + 1)
    return m
  }
  const others = [...map.stories].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || natural(a.part, b.part))
  for (const {kind, part} of others) {
    const label = kind === 'header' || kind === 'footer' ? part.replace(/^.*\//, '').replace(/\.xml$/i, '') : kind
    read(part, kind, label, kind === 'footnotes' ? numbers(main.footnoteRefs) : kind === 'endnotes' ? numbers(main.endnoteRefs) : undefined)
  }
  // Reading order: the body, then text boxes, then each other part; notes by their number.
  const ordered: DocxParagraph[] = []
  const rank = (p: DocxParagraph, partIndex: number) => partIndex * 2 + (p.section.includes('text box') ? 1 : 0)
  const parts = [map.document, ...others.map((o) => o.part)]
  const keyed = parts.flatMap((part, partIndex) =>
    stories.get(part)!.paragraphs.map((p, i) => ({p, r: rank(p, partIndex), note: noteNumber(p.section), i}))
  )
  keyed.sort((a, b) => a.r - b.r || a.note - b.note || a.i - b.i)
  for (const k of keyed) ordered.push(k.p)
  const starts: number[] = []
  let at = 0
  for (const p of ordered) {
    starts.push(at)
    at += p.text.length + 1
  }
  const maxId = Math.max(0, ...[...stories.values()].map((s) => s.maxId))
  return {zip, map, xml, stories, paragraphs: ordered, text: ordered.map((p) => p.text).join('\n'), starts, maxId, restricted: editRestriction(zip, map)}
}

/** The enforced document protection that rules out tracked changes, from the settings part. */
function editRestriction(zip: ZipArchive, map: PackageMap): DocxModel['restricted'] {
  const settings = map.relationships.find((r) => /\/settings$/.test(r.type) && !r.external && zip.has(r.target))
  if (!settings) return undefined
  const tag = /<(?:[\w.-]+:)?documentProtection\b([^>]*)>/.exec(zip.readText(settings.target))?.[1]
  if (!tag) return undefined
  const value = (name: string) => new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1]
  const edit = value('edit')
  const enforced = ['1', 'true', 'on'].includes(value('enforcement') ?? '')
  return enforced && (edit === 'readOnly' || edit === 'comments' || edit === 'forms') ? edit : undefined
}

/** "footnote 3" → 3; other sections keep their order. */
function noteNumber(section: string): number {
  const m = /^(?:footnote|endnote) (\d+)$/.exec(section)
  return m ? Number(m[1]) : 0
}

/** The paragraph holding offset `offset` of `model.text`. */
export function paragraphAt(model: DocxModel, offset: number): number {
  let lo = 0
  let hi = model.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (model.starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}
