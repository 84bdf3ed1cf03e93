/**
 * Writing the reviewed copy of a Word document: a Word comment anchored on
 * exactly the flagged words of each finding and, when asked, each safe fix as a
 * tracked change (w:del + w:ins) by the same author. Every part that needs no
 * change is copied byte for byte; a part that does is spliced where the anchors
 * and changes go (runs split there, keeping their w:rPr), never re-serialised.
 */
import {selectFixes} from '../fix.js'
import type {Finding, Fix, Rule} from '../types.js'
import {elsewhere, fullComment, shortComment, type CommentText} from './comment-text.js'
import {DocxError} from './errors.js'
import {openDocx, type DocxModel} from './model.js'
import {readRelationships, relsPartOf, resolvePart} from './package.js'
import type {DocxReview} from './review.js'
import {applySplices, DeletedSpans, type Splice} from './splice.js'
import type {DocxParagraph, Piece} from './stories.js'
import {canChange, endLoc, startLoc, type Loc} from './locate.js'
import {commentedBefore} from './earlier.js'
import {copyRunProperties, idAllocator} from './ids.js'
import {escapeXml} from './xml.js'

export const REVIEW_AUTHOR = 'Recovery Language Review'
export const REVIEW_INITIALS = 'RLR'

export interface ReviewedCopyOptions {
  /** Also write each safe fix as a tracked change. */
  trackChanges?: boolean
  author?: string
  initials?: string
  /** The date on comments and changes (default: now). */
  date?: Date
  /** The rule behind a finding: its rationale goes into the comment. */
  rule?: (id: string) => Rule | undefined
  /** The rule's page name as the comment gives it (default: the rule id). */
  rulePage?: (id: string) => string
  /**
   * Anchor a footnote's or endnote's comment on its words inside the note (LibreOffice shows it
   * there) rather than on the note's reference mark in the body (default: Word ignores comment marks in notes).
   */
  commentsInNotes?: boolean
}

export interface ReviewedCopy {
  bytes: Uint8Array
  comments: number
  changes: number
  /** Findings whose fix could not be a tracked change (protected text, or across markup). */
  notChanged: number
  /** Findings an earlier review's comment already marks (reviewing a reviewed copy): left as they are. */
  alreadyCommented: number
  /** Parts whose bytes differ from the input (changed or added). */
  parts: string[]
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml'
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

type Anchor = {start: Loc; end: Loc; note?: boolean} | {point: {part: string; x: number}}

/**
 * Where a finding's comment goes: on its words; around the whole field when the
 * words are a field's result (a comment inside one is lost when the field updates,
 * and LibreOffice misreads it); on the note's reference mark in the body for a
 * footnote or endnote (Word ignores comment marks inside a note: MS-OI29500
 * §2.1.315), or on its words with `inNotes`; at the start of the body for a header
 * or footer (Word keeps no comments there).
 */
function anchorFor(model: DocxModel, paragraph: DocxParagraph, s: number, e: number, inNotes: boolean): Anchor | undefined {
  const document = model.map.document
  if (paragraph.part === document || !model.map.stories.some((st) => st.part === paragraph.part) || (inNotes && paragraph.note)) {
    const field = paragraph.pieces.find((p) => p.from < e && p.to > s && p.field)?.field
    if (field && field.end > field.start) return {start: {part: paragraph.part, x: field.start, mode: 'between'}, end: {part: paragraph.part, x: field.end, mode: 'between'}}
    return {start: startLoc(model, paragraph, s), end: endLoc(model, paragraph, e)}
  }
  if (paragraph.note) {
    const run = model.stories.get(document)?.noteRuns.get(`${paragraph.note.kind}:${paragraph.note.id}`)
    if (run && run.end > run.start) return {start: {part: document, x: run.start, mode: 'between'}, end: {part: document, x: run.end, mode: 'between'}, note: true}
  }
  const first = model.paragraphs.find((p) => p.part === document && p.section === 'body')
  return first ? {point: {part: document, x: first.contentStart}} : undefined
}

interface CutOps {
  loc: Loc
  closers: string[]
  openers: string[]
}

export function writeReviewedCopy(model: DocxModel, review: DocxReview, options: ReviewedCopyOptions = {}): ReviewedCopy {
  const author = escapeXml(options.author ?? REVIEW_AUTHOR)
  const initials = escapeXml(options.initials ?? REVIEW_INITIALS)
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z')
  const page = options.rulePage ?? ((id: string) => id)
  const newId = idAllocator(model)
  const cuts = new Map<string, CutOps>()
  const splices = new Map<string, Splice[]>()
  const deletions = new Map<string, DeletedSpans>()
  const splitTexts = new Map<string, Map<number, Piece>>()
  const prefixOf = (part: string) => {
    const p = model.stories.get(part)?.prefix ?? 'w'
    return p ? p + ':' : ''
  }
  const cutAt = (loc: Loc): CutOps => {
    const key = `${loc.part}\u0000${loc.x}`
    let ops = cuts.get(key)
    if (!ops) cuts.set(key, (ops = {loc, closers: [], openers: []}))
    return ops
  }
  const addSplice = (part: string, s: Splice) => {
    const list = splices.get(part) ?? []
    list.push(s)
    splices.set(part, list)
  }

  // 1. Safe fixes that can be tracked changes: chosen as --fix chooses them, then checked for editability.
  // 0. Words that a comment of ours from an earlier review still marks get nothing new.
  const earlier = commentedBefore(model, options.author ?? REVIEW_AUTHOR)
  const reviewedBefore = (i: number, f = review.findings[i], p = review.paragraphs[i]) => earlier(p, f.offset - model.starts[p], f.endOffset - model.starts[p], review.places[i], f.text)
  const fixes = new Set<Finding>()
  let notChanged = 0
  if (options.trackChanges) {
    const index = new Map(review.findings.map((f, i) => [f, i]))
    for (const f of selectFixes(model.text, review.findings)) {
      const i = index.get(f)!
      if (reviewedBefore(i)) continue
      // The change covers what --fix rewrites, which may reach past the finding's words ("a hard-to-reach" → "an underserved").
      const {before, after} = f.fixes[0]
      const base = model.starts[review.paragraphs[i]]
      // A protected document (read only, comments, forms) keeps its protection: its reader could not accept the change.
      if (!model.restricted && canChange(model, model.paragraphs[review.paragraphs[i]], f.offset - before - base, f.endOffset + after - base)) fixes.add(f)
      else notChanged++
    }
  }

  // 2. Comments: one full comment per wording (rule + text), short ones for its other places.
  const groups = new Map<string, number[]>()
  review.findings.forEach((f, i) => {
    const key = `${f.ruleId}\u0000${f.text.toLowerCase()}`
    const members = groups.get(key)
    if (members) members.push(i)
    else groups.set(key, [i])
  })
  const commentXml: string[] = []
  const notesWithComments = new Set<string>()
  let comments = 0
  let alreadyCommented = 0
  for (const members of groups.values()) {
    members.forEach((i, nth) => {
      const f = review.findings[i]
      const rewritten = (x: Fix) => model.text.slice(f.offset - x.before, f.endOffset + x.after).replace(/\s+/g, ' ')
      const paragraph = model.paragraphs[review.paragraphs[i]]
      if (paragraph.pieces.some((p) => p.protectedBy === 'comment')) return // an existing comment: reported, never edited
      if (reviewedBefore(i)) return void alreadyCommented++
      const text: CommentText =
        nth === 0 ? fullComment(f, options.rule?.(f.ruleId), page(f.ruleId), members.length - 1, rewritten) : shortComment(f, review.places[members[0]], nth + 1, members.length, rewritten)
      const id = newId()
      const wp = prefixOf(paragraph.part)
      const base = model.starts[review.paragraphs[i]]
      const s = f.offset - base
      const e = f.endOffset - base
      const anchor = anchorFor(model, paragraph, s, e, options.commentsInNotes === true)
      if (!anchor) return
      const fix = fixes.has(f) ? f.fixes[0] : undefined
      if (paragraph.note && !('point' in anchor) && !anchor.note) notesWithComments.add(paragraph.part)
      if ('point' in anchor) {
        // Word keeps no comments in headers and footers: the comment goes at the start of the body and says where.
        const dp = prefixOf(anchor.point.part)
        addSplice(anchor.point.part, {at: anchor.point.x, end: anchor.point.x, text: `<${dp}commentRangeStart ${dp}id="${id}"/><${dp}commentRangeEnd ${dp}id="${id}"/>` + referenceRun(dp, id)})
        commentXml.push(commentElement(id, author, initials, date, elsewhere(review.places[i], f, text)))
      } else {
        const ap = prefixOf(anchor.start.part)
        cutAt(anchor.start).openers.push(`<${ap}commentRangeStart ${ap}id="${id}"/>`)
        // A change reaching past the words' end: the range ends on the words, the reference after the insertion (never deleted with it).
        const referenceLater = fix !== undefined && fix.after > 0 && anchor.end.part === paragraph.part
        cutAt(anchor.end).closers.push(`<${ap}commentRangeEnd ${ap}id="${id}"/>` + (referenceLater ? '' : referenceRun(ap, id)))
        if (referenceLater) cutAt(endLoc(model, paragraph, e + fix.after)).closers.push(referenceRun(ap, id))
        commentXml.push(commentElement(id, author, initials, date, anchor.note ? elsewhere(review.places[i], f, text) : text))
      }
      comments++
      if (fix) {
        const from = startLoc(model, paragraph, s - fix.before)
        const to = endLoc(model, paragraph, e + fix.after)
        const delId = newId()
        const insId = newId()
        // The insertion takes the flagged words' formatting, not that of words before them the change also rewrites.
        const rPr = copyRunProperties(startLoc(model, paragraph, s).piece.run.rPr, wp, newId)
        // The deletion wraps the runs between the cuts; the insertion follows it, before the comment ends.
        cutAt(from).openers.push(`<${wp}del ${wp}id="${delId}" ${wp}author="${author}" ${wp}date="${date}">`)
        cutAt(to).closers.unshift(
          `</${wp}del><${wp}ins ${wp}id="${insId}" ${wp}author="${author}" ${wp}date="${date}"><${wp}r>${rPr}<${wp}t xml:space="preserve">${escapeXml(fix.replacement)}</${wp}t></${wp}r></${wp}ins>`
        )
        const spans = deletions.get(paragraph.part) ?? new DeletedSpans()
        spans.add(from.x, to.x)
        deletions.set(paragraph.part, spans)
      }
    })
  }
  const changes = fixes.size

  // 3. The cuts, as splices: split runs where a cut falls inside one.
  for (const {loc, closers, openers} of cuts.values()) {
    const wp = prefixOf(loc.part)
    const spans = deletions.get(loc.part) ?? new DeletedSpans()
    const stuff = closers.join('') + openers.join('')
    const run = loc.piece?.run
    if (loc.mode === 'between' || !run || !loc.piece) addSplice(loc.part, {at: loc.x, end: loc.x, text: stuff})
    else if (loc.mode === 'child') addSplice(loc.part, {at: loc.x, end: loc.x, text: `</${wp}r>${stuff}<${wp}r>${copyRunProperties(run.rPr, wp, newId)}`})
    else {
      const left = spans.coversEnd(loc.x) ? 'delText' : 't'
      const right = spans.covers(loc.x) ? 'delText' : 't'
      addSplice(loc.part, {at: loc.x, end: loc.x, text: `</${wp}${left}></${wp}r>${stuff}<${wp}r>${copyRunProperties(run.rPr, wp, newId)}<${wp}${right} xml:space="preserve">`})
      const split = splitTexts.get(loc.part) ?? new Map<number, Piece>()
      split.set(loc.piece.tagStart, loc.piece)
      splitTexts.set(loc.part, split)
    }
  }
  // 4. w:t elements inside a deletion become w:delText; a split w:t keeps its spaces (xml:space="preserve").
  for (const part of new Set([...deletions.keys(), ...splitTexts.keys()])) {
    const xml = model.xml.get(part)!
    const wp = prefixOf(part)
    const spans = deletions.get(part) ?? new DeletedSpans()
    const inSpan = (x: number) => spans.covers(x)
    const seen = new Set<number>()
    const pieces = model.paragraphs.filter((p) => p.part === part).flatMap((p) => p.pieces)
    for (const piece of pieces) {
      if (piece.kind !== 't' || seen.has(piece.tagStart)) continue
      const split = splitTexts.get(part)?.has(piece.tagStart) === true
      const openDeleted = inSpan(piece.tagStart)
      const closeDeleted = inSpan(piece.closeStart)
      if (!split && !openDeleted && !closeDeleted) continue
      seen.add(piece.tagStart)
      let open = xml.slice(piece.tagStart, piece.tagOpenEnd)
      if (openDeleted) open = open.replace(new RegExp(`^<${wp}t(?=[\\s/>])`), `<${wp}delText`)
      if (!/xml:space\s*=\s*["']preserve["']/.test(open)) open = open.replace(/\s*>$/, ' xml:space="preserve">')
      if (open !== xml.slice(piece.tagStart, piece.tagOpenEnd)) addSplice(part, {at: piece.tagStart, end: piece.tagOpenEnd, text: open})
      if (closeDeleted) addSplice(part, {at: piece.closeStart, end: piece.closeEnd, text: `</${wp}delText>`})
    }
  }

  // 5. The comments part, its relationship and content type (added only when missing).
  const changed = new Map<string, Uint8Array>()
  const added = new Map<string, Uint8Array>()
  const encode = (s: string) => new TextEncoder().encode(s)
  for (const [part, list] of splices) changed.set(part, encode(applySplices(model.xml.get(part)!, list)))
  if (commentXml.length) {
    const existing = model.map.stories.find((s) => s.kind === 'comments')?.part
    let commentsPart: string
    if (existing) {
      const xml = model.xml.get(existing)!
      const wp = prefixOf(existing)
      const close = xml.lastIndexOf(`</${wp}comments>`)
      if (close === -1) throw new DocxError(`corrupt: ${existing} has no closing tag`)
      const body = wp === 'w:' ? commentXml.join('') : commentXml.join('').replace(/<(\/?)w:/g, `<$1${wp}`).replace(/ w:/g, ` ${wp}`)
      changed.set(existing, encode(xml.slice(0, close) + body + xml.slice(close)))
      commentsPart = existing
    } else {
      const folder = model.map.document.replace(/[^/]*$/, '')
      commentsPart = `${folder}comments.xml`
      for (let n = 1; model.zip.has(commentsPart); n++) commentsPart = `${folder}comments${n}.xml`
      added.set(commentsPart, encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_NS}">${commentXml.join('')}</w:comments>`))
      addRelationship(model, model.map.document, commentsPart, changed, added)
      addContentType(model, commentsPart, COMMENTS_CONTENT_TYPE, changed)
    }
    // A comment inside a note: LibreOffice looks the comments part up through the note part's own
    // relationships (it refuses the whole document when that part has none); Word needs no more.
    for (const notes of notesWithComments) addRelationship(model, notes, commentsPart, changed, added)
  }
  const bytes = changed.size || added.size ? model.zip.write(changed, added, options.date) : model.zip.bytes
  // The copy must read back as the input with the tracked changes accepted: else nothing is written.
  // Built front to back in pieces: slicing the whole text once per fix is quadratic in a long document.
  const pieces: string[] = []
  let at = 0
  for (const f of [...fixes].sort((x, y) => x.offset - y.offset)) {
    pieces.push(model.text.slice(at, f.offset - f.fixes[0].before), f.fixes[0].replacement)
    at = f.endOffset + f.fixes[0].after
  }
  pieces.push(model.text.slice(at))
  const expected = pieces.join('')
  verifyCopy(bytes, expected.split('\n').filter((_, i) => !isComments(model, model.paragraphs[i].part)))
  return {bytes, comments, changes, notChanged, alreadyCommented, parts: [...changed.keys(), ...added.keys()]}
}

const isComments = (model: DocxModel, part: string) => model.map.stories.some((s) => s.part === part && s.kind === 'comments')
const isNotes = (model: DocxModel, part: string) => model.map.stories.some((s) => s.part === part && (s.kind === 'footnotes' || s.kind === 'endnotes'))

const referenceRun = (wp: string, id: number) => `<${wp}r><${wp}commentReference ${wp}id="${id}"/></${wp}r>`

function commentElement(id: number, author: string, initials: string, date: string, text: CommentText): string {
  const paragraphs = text.paragraphs.map((t, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r></w:p>`)
  return `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${initials}">${paragraphs.join('')}</w:comment>`
}

/** A relationship from `source` to `target` (both part names), unless one of that type is there already. */
function addRelationship(model: DocxModel, source: string, target: string, changed: Map<string, Uint8Array>, added: Map<string, Uint8Array>) {
  const relsPart = relsPartOf(source)
  const existing = source === model.map.document ? model.map.relationships : readRelationships(model.zip, relsPart, source)
  if (existing.some((r) => r.type === COMMENTS_TYPE && !r.external && r.target === target)) return
  const ids = existing.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))
  const id = `rId${Math.max(0, ...ids) + 1}`
  const relative = relativeTarget(source, target)
  if (resolvePart(source, relative) !== target) throw new Error(`cannot relate ${source} to ${target}`)
  const rel = `<Relationship Id="${id}" Type="${COMMENTS_TYPE}" Target="${escapeXml(relative)}"/>`
  if (model.zip.has(relsPart)) {
    const xml = model.zip.readText(relsPart)
    const close = xml.lastIndexOf('</Relationships>')
    // An empty part may close its root at once (<Relationships …/>), as the docx package writes it.
    const empty = /<Relationships\b[^>]*?\s*\/>/.exec(xml)
    if (close === -1 && !empty) throw new DocxError(`corrupt: ${relsPart} has no closing tag`)
    const edited = close !== -1 ? xml.slice(0, close) + rel + xml.slice(close) : xml.slice(0, empty!.index) + empty![0].replace(/\s*\/>$/, '>') + rel + '</Relationships>' + xml.slice(empty!.index + empty![0].length)
    changed.set(relsPart, new TextEncoder().encode(edited))
  } else {
    added.set(relsPart, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`))
    // A package that names each part's type (no default for .rels) gets one for the new part too.
    if (!/<Default\b[^>]*Extension="rels"/i.test(contentTypes(model, changed))) addContentType(model, relsPart, RELS_CONTENT_TYPE, changed)
  }
}

/** `target` as a relationship of `source` names it: relative to the source's folder. */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1)
  const to = target.split('/')
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].map((x) => (x === '..' ? x : encodeURIComponent(x))).join('/')
}

const contentTypes = (model: DocxModel, changed: Map<string, Uint8Array>) => {
  const edited = changed.get('[Content_Types].xml')
  return edited ? new TextDecoder().decode(edited) : model.zip.readText('[Content_Types].xml')
}

function addContentType(model: DocxModel, part: string, type: string, changed: Map<string, Uint8Array>) {
  const xml = contentTypes(model, changed)
  if (xml.includes(`PartName="/${part}"`)) return
  const close = xml.lastIndexOf('</Types>')
  if (close === -1) throw new DocxError('corrupt: [Content_Types].xml has no closing tag')
  changed.set('[Content_Types].xml', new TextEncoder().encode(xml.slice(0, close) + `<Override PartName="/${part}" ContentType="${type}"/>` + xml.slice(close)))
}

/** Check a written copy: it opens, and its text is the input's with the fixes applied. */
export function verifyCopy(bytes: Uint8Array, expected: string[]): void {
  const copy = openDocx(bytes)
  const got = copy.paragraphs.filter((p) => !isComments(copy, p.part)).map((p) => p.text)
  if (got.length !== expected.length || got.some((t, i) => t !== expected[i])) {
    const i = got.findIndex((t, k) => t !== expected[k])
    throw new Error(`the reviewed copy does not read back as expected (paragraph ${i + 1}: ${JSON.stringify(got[i])} instead of ${JSON.stringify(expected[i])})`)
  }
}
