/**
 * Finding the parts of a Word package through its relationships (never by
 * guessing file names): the main document, and the headers, footers, footnotes,
 * endnotes and comments it refers to.
 */
import {DocxError} from './errors.js'
import {attribute, scanXml} from './xml.js'
import type {ZipArchive} from './zip.js'

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/'

export type StoryKind = 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments'

export interface Relationship {
  id: string
  type: string
  /** The target part's name in the zip (no leading slash), or the raw target when external. */
  target: string
  external: boolean
}

export interface PackageMap {
  document: string
  /** The main document's relationships part (may not exist yet). */
  documentRels: string
  relationships: Relationship[]
  stories: Array<{kind: StoryKind; part: string}>
}

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

export function readRelationships(zip: ZipArchive, relsPart: string, source: string): Relationship[] {
  if (!zip.has(relsPart)) return []
  const xml = zip.readText(relsPart)
  const out: Relationship[] = []
  scanXml(
    xml,
    {
      open(name, start, end) {
        if (name !== 'Relationship' && !name.endsWith(':Relationship')) return
        const target = attribute(xml, start, end, 'Target') ?? ''
        const external = attribute(xml, start, end, 'TargetMode') === 'External'
        out.push({id: attribute(xml, start, end, 'Id') ?? '', type: attribute(xml, start, end, 'Type') ?? '', target: external ? target : resolvePart(source, target), external})
      },
      close() {},
      text() {}
    },
    relsPart
  )
  return out
}

/** A relationship target, relative to its source part, as a zip entry name. */
export function resolvePart(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1)
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop()
    else if (segment !== '.' && segment !== '') base.push(decodeURIComponent(segment))
  }
  return base.join('/')
}

const relType = (type: string) => (type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(STRICT_REL) ? type.slice(STRICT_REL.length) : '')

export function mapPackage(zip: ZipArchive): PackageMap {
  if (!zip.has('[Content_Types].xml')) throw new DocxError('corrupt or not a Word document ([Content_Types].xml is missing)')
  const root = readRelationships(zip, '_rels/.rels', '')
  const main = root.find((r) => relType(r.type) === 'officeDocument' && !r.external)
  if (!main || !zip.has(main.target)) {
    if (zip.has('xl/workbook.xml')) throw new DocxError('an Excel workbook, not a Word document')
    if (zip.has('ppt/presentation.xml')) throw new DocxError('a PowerPoint presentation, not a Word document')
    throw new DocxError('corrupt or not a Word document (no main document part)')
  }
  const types = zip.readText('[Content_Types].xml')
  const override = new RegExp(`PartName="/${main.target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*ContentType="([^"]*)"|ContentType="([^"]*)"[^>]*PartName="/${main.target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(types)
  const contentType = override?.[1] ?? override?.[2] ?? ''
  if (contentType && !/wordprocessingml|ms-word/.test(contentType)) throw new DocxError(`not a Word document (its main part is ${contentType})`)
  const documentRels = relsPartOf(main.target)
  const relationships = readRelationships(zip, documentRels, main.target)
  const stories: PackageMap['stories'] = []
  for (const r of relationships) {
    const kind = relType(r.type)
    if (r.external || !zip.has(r.target)) continue
    if (kind === 'header' || kind === 'footer' || kind === 'footnotes' || kind === 'endnotes' || kind === 'comments') {
      if (!stories.some((s) => s.part === r.target)) stories.push({kind, part: r.target})
    }
  }
  return {document: main.target, documentRels, relationships, stories}
}
