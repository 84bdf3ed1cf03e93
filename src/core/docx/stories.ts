/**
 * The text model of a Word story part (the body, a header, the footnotes…): its
 * paragraphs as plain text, each character mapped back to the run and offset in
 * the part's XML it came from, so a finding can be anchored (and fixed) on
 * exactly its words.
 *
 * What is prose: the text of runs (w:t), tabs, breaks, non-breaking hyphens.
 * What is not, and is skipped: field codes (w:instrText, and everything between a
 * field's begin and separate), deleted text (w:delText, w:moveFrom), the
 * mc:Fallback copy of a text box (its mc:Choice is reviewed, once), hyperlink
 * addresses (they live in the relationships, not the text).
 * What is prose but never edited: text inside a tracked change (w:ins,
 * w:moveTo), a field's result, a content control's placeholder or data-bound
 * content (Word refills it from its custom XML), existing comments.
 */
import {DEFAULT_DOCX_LIMITS, DocxError, type DocxLimits} from './errors.js'
import {attribute, decodeWithMap, scanXml} from './xml.js'

const W_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

export type Protection = 'tracked change' | 'field' | 'placeholder' | 'bound content' | 'locked content' | 'comment'

export interface RunInfo {
  /** Offset of `<w:r`, and after its start tag. */
  start: number
  openEnd: number
  /** Offset of `</w:r>`, and after it. */
  closeStart: number
  end: number
  /** The run's properties, as written (copied onto the pieces of a split run). */
  rPr: string
  /** Start offset of the parent element: runs of one deletion must share it. */
  parentStart: number
  /** The run holds something besides text (a field char, a drawing, a note reference): never delete it whole. */
  other: boolean
}

export interface Piece {
  /** Range in the paragraph's text. */
  from: number
  to: number
  /** 't': text inside a w:t, [xmlFrom, xmlTo) its character data; 'char': one element standing for one character. */
  kind: 't' | 'char'
  xmlFrom: number
  xmlTo: number
  /** For 't' with character references: the XML offset of each text unit (and the end). */
  map?: number[]
  /** The w:t element: `<w:t …>` is [tagStart, tagOpenEnd), `</w:t>` is [closeStart, closeEnd). */
  tagStart: number
  tagOpenEnd: number
  closeStart: number
  closeEnd: number
  run: RunInfo
  protectedBy?: Protection
  /** In a field's result: the whole field's XML range (a comment goes around it, not inside). */
  field?: FieldSpan
}

export interface FieldSpan {
  start: number
  end: number
}

export interface DocxParagraph {
  part: string
  /** "body", "text box 2", "header1", "footnote 3", "comment 1"… */
  section: string
  /** 1-based, within its section. */
  index: number
  text: string
  pieces: Piece[]
  /** Where a new run can go at the start of the paragraph (after w:pPr). */
  contentStart: number
  /** In a footnote or endnote: which one (its reference in the body can hold a comment). */
  note?: {kind: 'footnote' | 'endnote'; id: string}
  /** Where existing comments' ranges start and end in the text (a second review leaves alone what ours mark). */
  commentMarks?: Array<{id: string; at: number; end: boolean}>
}

export interface StoryOptions {
  part: string
  kind: 'document' | 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments'
  /** Label for the part's own story (body, header1…). */
  label: string
  /** footnotes/endnotes: note id → its number as the reader sees it. */
  noteNumbers?: Map<string, number>
  /** Text boxes and comments are numbered across the package: the counts so far. */
  counters?: {textBoxes: number; comments: number}
  limits?: DocxLimits
  /** Paragraphs already read in other parts (the limit is for the whole document). */
  paragraphsSoFar?: number
}

export interface Story {
  paragraphs: DocxParagraph[]
  /** The prefix bound to the WordprocessingML namespace in this part ("w" nearly always). */
  prefix: string
  /** Note ids referenced, in reading order (document part only). */
  footnoteRefs: string[]
  endnoteRefs: string[]
  /** The run holding each note's reference mark ("footnote:2" → run). */
  noteRuns: Map<string, RunInfo>
  /** The comments part: each comment's author, by id. */
  commentAuthors: Map<string, string>
  /** Every numeric w:id in the part (new ids must not collide). */
  maxId: number
  /** Paragraphs so far, this part's included (for the next part's limit). */
  paragraphCount?: number
}

interface Open {
  q: string
  start: number
  end: number
  skip: boolean
}

interface Section {
  label: string
  count: number
  /** Stack depth of the element that opened it (its close ends the section). */
  depth: number
}

const ONE_CHAR: Record<string, string> = {'w:tab': '\t', 'w:ptab': '\t', 'w:br': ' ', 'w:cr': ' ', 'w:noBreakHyphen': '\u2011'}
/** Run children that are text or nothing at all: a run of only these may be deleted whole. */
const PLAIN_CHILDREN = new Set(['w:rPr', 'w:t', 'w:tab', 'w:ptab', 'w:br', 'w:cr', 'w:noBreakHyphen', 'w:softHyphen', 'w:lastRenderedPageBreak'])
/** Content that is not shown (or shown elsewhere): skipped with all it holds. */
const SKIPPED = new Set(['mc:Fallback', 'w:moveFrom', 'w:del'])
/** Notes that are the separator lines between text and notes, not notes. */
const NOT_A_NOTE = new Set(['separator', 'continuationSeparator', 'continuationNotice'])

function prefixes(xml: string): {w: string; mc: string | undefined} {
  const rootEnd = rootTag(xml)
  const tag = xml.slice(0, rootEnd)
  let w: string | undefined
  let mc: string | undefined
  for (const m of tag.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (W_NS.includes(m[2])) w ??= m[1] ?? ''
    if (m[2] === MC_NS) mc ??= m[1] ?? ''
  }
  if (w === undefined) throw new DocxError('corrupt: a story part without the WordprocessingML namespace')
  return {w, mc}
}

function rootTag(xml: string): number {
  let i = 0
  for (;;) {
    const lt = xml.indexOf('<', i)
    if (lt === -1) return xml.length
    const c = xml[lt + 1]
    if (c !== '?' && c !== '!') return xml.indexOf('>', lt) + 1 || xml.length
    i = lt + 2
  }
}

export function parseStory(xml: string, options: StoryOptions): Story {
  const limits = options.limits ?? DEFAULT_DOCX_LIMITS
  const {w, mc} = prefixes(xml)
  const wp = w ? w + ':' : ''
  const mcp = mc ? mc + ':' : undefined
  // Names are compared as "w:…" / "mc:…" whatever prefix the part binds.
  const norm = (name: string) => {
    if (wp === '' ? !name.includes(':') : name.startsWith(wp)) return 'w:' + name.slice(wp.length)
    if (mcp !== undefined && name.startsWith(mcp)) return 'mc:' + name.slice(mcp.length)
    return name
  }
  const story: Story = {paragraphs: [], prefix: w, footnoteRefs: [], endnoteRefs: [], noteRuns: new Map(), commentAuthors: new Map(), maxId: 0}
  const counters = options.counters ?? {textBoxes: 0, comments: 0}
  const stack: Open[] = []
  let insDepth = 0
  let fldSimpleDepth = 0
  const fields: Array<{state: 'code' | 'result'; span: FieldSpan}> = []
  const simpleFields: FieldSpan[] = []
  let note: DocxParagraph['note']
  // Per open content control: why its text must not be edited, if it must not.
  const sdts: Array<'placeholder' | 'bound content' | 'locked content' | undefined> = []
  const runs: RunInfo[] = []
  const building: DocxParagraph[] = []
  const sections: Section[] = [{label: options.label, count: 0, depth: -1}]
  let inText: {tagStart: number; tagOpenEnd: number; pending: Array<{text: string; from: number; to: number; map?: number[]}>} | undefined
  let rPrStart = -1
  const endWithRun = new Map<RunInfo, FieldSpan[]>()
  let paragraphCount = options.paragraphsSoFar ?? 0

  const top = (): Open | undefined => stack[stack.length - 1]
  const protection = (): Protection | undefined =>
    options.kind === 'comments' ? 'comment' : insDepth > 0 ? 'tracked change' : fldSimpleDepth > 0 || fields[fields.length - 1]?.state === 'result' ? 'field' : (sdts.find(Boolean) ?? undefined)
  const inFieldCode = () => fields.some((f) => f.state === 'code')
  const fieldSpan = (): FieldSpan | undefined => simpleFields[0] ?? fields.find((f) => f.state === 'result')?.span

  const addPiece = (text: string, from: number, to: number, kind: 't' | 'char', map?: number[]): Piece | undefined => {
    const p = building[building.length - 1]
    const run = runs[runs.length - 1]
    if (!p || !run || text.length === 0) return undefined
    const piece: Piece = {from: p.text.length, to: p.text.length + text.length, kind, xmlFrom: from, xmlTo: to, map, tagStart: from, tagOpenEnd: from, closeStart: to, closeEnd: to, run, protectedBy: protection(), field: fieldSpan()}
    p.text += text
    p.pieces.push(piece)
    return piece
  }

  scanXml(
    xml,
    {
      open(name, start, end, selfClosing) {
        const q = norm(name)
        const parent = top()
        const skipping = parent?.skip === true
        const startsSkip = !skipping && (SKIPPED.has(q) || ((q === 'w:footnote' || q === 'w:endnote') && NOT_A_NOTE.has(attribute(xml, start, end, `${wp}type`) ?? '')))
        if (!selfClosing) stack.push({q, start, end, skip: skipping || startsSkip})
        if (skipping || startsSkip) return
        const parentRun = parent?.q === 'w:r'
        if (parentRun && !PLAIN_CHILDREN.has(q) && runs.length) runs[runs.length - 1].other = true
        switch (q) {
          case 'w:p': {
            if (++paragraphCount > limits.maxParagraphs) throw new DocxError(`too many paragraphs (over ${limits.maxParagraphs}): not reviewed`)
            const section = sections[sections.length - 1]
            const paragraph: DocxParagraph = {part: options.part, section: section.label, index: ++section.count, text: '', pieces: [], contentStart: end, note}
            story.paragraphs.push(paragraph)
            if (!selfClosing) building.push(paragraph)
            break
          }
          case 'w:pPr':
            if (selfClosing && parent?.q === 'w:p' && building.length) building[building.length - 1].contentStart = end
            break
          case 'w:r':
            if (!selfClosing) runs.push({start, openEnd: end, closeStart: -1, end: -1, rPr: '', parentStart: parent?.start ?? 0, other: false})
            break
          case 'w:rPr':
            if (parentRun && runs.length) {
              if (selfClosing) runs[runs.length - 1].rPr = xml.slice(start, end)
              else rPrStart = start
            }
            break
          case 'w:t':
            if (parentRun && !selfClosing && !inFieldCode()) inText = {tagStart: start, tagOpenEnd: end, pending: []}
            break
          case 'w:fldChar': {
            const type = attribute(xml, start, end, `${wp}fldCharType`)
            const run = runs[runs.length - 1]
            if (type === 'begin') fields.push({state: 'code', span: {start: run?.start ?? start, end: -1}})
            else if (type === 'separate' && fields.length) fields[fields.length - 1].state = 'result'
            else if (type === 'end') {
              const field = fields.pop()
              // The field ends with the run that holds its end mark (known when that run closes).
              if (field && run) endWithRun.set(run, [...(endWithRun.get(run) ?? []), field.span])
            }
            break
          }
          case 'w:fldSimple':
            if (!selfClosing) {
              fldSimpleDepth++
              simpleFields.push({start, end: -1})
            }
            break
          case 'w:ins':
          case 'w:moveTo':
            if (!selfClosing) insDepth++
            break
          case 'w:sdt':
            if (!selfClosing) sdts.push(undefined)
            break
          case 'w:showingPlcHdr':
            if (sdts.length) sdts[sdts.length - 1] = 'placeholder'
            break
          case 'w:dataBinding':
            if (sdts.length) sdts[sdts.length - 1] ??= 'bound content'
            break
          case 'w:lock': {
            // Content Word will not let its reader edit: nor accept a change in.
            const lock = attribute(xml, start, end, `${wp}val`)
            if (sdts.length && (lock === 'contentLocked' || lock === 'sdtContentLocked')) sdts[sdts.length - 1] ??= 'locked content'
            break
          }
          case 'w:txbxContent':
            if (!selfClosing) {
              const n = ++counters.textBoxes
              sections.push({label: options.kind === 'document' ? `text box ${n}` : `${options.label} text box ${n}`, count: 0, depth: stack.length})
            }
            break
          case 'w:footnote':
          case 'w:endnote':
          case 'w:comment': {
            if (selfClosing) break
            const id = attribute(xml, start, end, `${wp}id`) ?? ''
            const number = q === 'w:comment' ? ++counters.comments : options.noteNumbers?.get(id)
            sections.push({label: `${q.slice(2)} ${number ?? `id ${id}`}`, count: 0, depth: stack.length})
            if (q !== 'w:comment') note = {kind: q === 'w:footnote' ? 'footnote' : 'endnote', id}
            else story.commentAuthors.set(id, attribute(xml, start, end, `${wp}author`) ?? '')
            break
          }
          case 'w:commentRangeStart':
          case 'w:commentRangeEnd': {
            const p = building[building.length - 1]
            const id = attribute(xml, start, end, `${wp}id`)
            if (p && id !== undefined) (p.commentMarks ??= []).push({id, at: p.text.length, end: q === 'w:commentRangeEnd'})
            break
          }
          case 'w:footnoteReference':
          case 'w:endnoteReference': {
            const id = attribute(xml, start, end, `${wp}id`)
            if (id !== undefined) (q === 'w:footnoteReference' ? story.footnoteRefs : story.endnoteRefs).push(id)
            if (id !== undefined && parentRun && runs.length) story.noteRuns.set(`${q === 'w:footnoteReference' ? 'footnote' : 'endnote'}:${id}`, runs[runs.length - 1])
            break
          }
          default:
            if (q in ONE_CHAR && parentRun && !inFieldCode()) addPiece(ONE_CHAR[q], start, end, 'char')
        }
      },
      close(_name, start, end) {
        const open = stack.pop()
        // scanXml has checked that it closes the element last opened.
        if (!open || open.skip) return
        switch (open.q) {
          case 'w:p':
            building.pop()
            break
          case 'w:pPr':
            if (top()?.q === 'w:p' && building.length) building[building.length - 1].contentStart = end
            break
          case 'w:r': {
            const run = runs.pop()
            if (run) {
              run.closeStart = start
              run.end = end
              for (const span of endWithRun.get(run) ?? []) span.end = end
              endWithRun.delete(run)
            }
            break
          }
          case 'w:rPr':
            if (rPrStart >= 0 && top()?.q === 'w:r' && runs.length) {
              runs[runs.length - 1].rPr = xml.slice(rPrStart, end)
              rPrStart = -1
            }
            break
          case 'w:t':
            if (inText) {
              for (const p of inText.pending) {
                const piece = addPiece(p.text, p.from, p.to, 't', p.map)
                if (piece) Object.assign(piece, {tagStart: inText.tagStart, tagOpenEnd: inText.tagOpenEnd, closeStart: start, closeEnd: end})
              }
              inText = undefined
            }
            break
          case 'w:fldSimple': {
            fldSimpleDepth--
            const span = simpleFields.pop()
            if (span) span.end = end
            break
          }
          case 'w:ins':
          case 'w:moveTo':
            insDepth--
            break
          case 'w:sdt':
            sdts.pop()
            break
          case 'w:txbxContent':
          case 'w:footnote':
          case 'w:endnote':
          case 'w:comment':
            if (sections.length > 1 && sections[sections.length - 1].depth === stack.length + 1) sections.pop()
            if (open.q !== 'w:txbxContent') note = undefined
            break
        }
      },
      text(start, end) {
        if (!inText) return
        const {text, map} = decodeWithMap(xml.slice(start, end), start)
        // A line break written into w:t shows as a space; paragraphs are one line each in the joined text.
        inText.pending.push({text: text.replace(/[\r\n]/g, ' '), from: start, to: end, map})
      }
    },
    options.part
  )
  for (const m of xml.matchAll(new RegExp(`\\s${wp}id\\s*=\\s*"(\\d+)"`, 'g'))) story.maxId = Math.max(story.maxId, Number(m[1]))
  story.paragraphCount = paragraphCount
  return story
}
