/**
 * Reviewing Markdown in slices. A slice is parsed as a document of its own and
 * its offsets and lines shifted back: this is exact when the slice starts where a
 * top-level block starts (nothing before it changes how it parses), the document's
 * definitions are parsed in front of it, and it is not a blockquote (whose
 * attribution depends on the block before it). A long document reviewed in slices
 * costs linear time and bounded memory: the Markdown-to-nlcst bridge flattens a
 * whole document into one sentence before splitting it, which grows faster than
 * the text. Used by DocumentSession.
 *
 * Pure: no editor API, no node API.
 */
import {parseMarkdown, parsePlainParagraphs, type Prose, type Reference} from './parse/markdown.js'
import {paragraphEnd, type Region} from './parse/regions.js'
import {reviewInPieces} from './pieces.js'
import {leadInSubject} from './context/lead-in.js'
import {withPeersNamed} from './context/named-peers.js'
import {READER} from './frames/imperative.js'
import {countLines, definitionsPrefix, firstIndex, lineEnd, lineStart, MAX_PARSE_CHARS, reviewWithPrefix, SLICE_CHARS, type CandidateSource, type SliceBlock, type SliceResult} from './slice-base.js'

export * from './slice-base.js'

/** A text in which a definition might occur: then a first review is done in one piece. */
export const MAY_DEFINE = /\]:/
/** A front matter fence at the start of a document. */
export const startsWithFence = (text: string): boolean => text.startsWith('---') || text.startsWith('+++')

export const isFrontMatter = (type: string) => type === 'yaml' || type === 'toml'

/** Where a review in slices has got to. */
export interface SliceCursor {
  /** The next slice starts here (a line start), on this 1-based line. */
  start: number
  line: number
  /** Blocks reviewed so far. */
  blocks: SliceBlock[]
  /** The document must be parsed in one piece (definitions, an unclosed front matter fence). */
  whole: boolean
}

export function startSlices(text: string): SliceCursor {
  return {start: 0, line: 1, blocks: [], whole: MAY_DEFINE.test(text)}
}

/**
 * Review the next slice: every top-level block of about `sliceChars` characters but
 * the last (which the next slice starts with), or all that is left. May instead
 * set `whole`. Returns the characters parsed.
 */
export function nextSlice(reviewer: CandidateSource, text: string, p: SliceCursor, sliceChars = SLICE_CHARS): number {
  let size = sliceChars
  let parsed = 0
  for (;;) {
    let end = p.start + size
    end = end >= text.length ? text.length : lineEnd(text, end)
    let slice: SliceResult
    try {
      slice = reviewSlice(reviewer, text, p.start, end, p.line, [])
    } catch {
      // A slice can trip the parser where the whole text does not (a lone CR): parse it whole.
      p.whole = true
      return parsed
    }
    parsed += end - p.start
    if (p.start === 0 && startsWithFence(text) && !isFrontMatter(slice.blocks[0].type)) {
      // A fence that does not close changes how the whole document parses.
      p.whole = true
      return parsed
    }
    if (end === text.length) {
      p.blocks.push(...slice.blocks)
      p.start = end
      return parsed
    }
    // Keep every block before the last one that may start a slice; the next slice starts there.
    let k = slice.blocks.length - 1
    while (k > 0 && slice.blocks[k].type === 'blockquote') k--
    if (k <= 0) {
      size *= 2
      continue
    }
    p.blocks.push(...slice.blocks.slice(0, k))
    p.start = lineStart(text, slice.blocks[k].start)
    p.line = slice.blocks[k].line
    return parsed
  }
}

/** A whole document's blocks, reviewed in slices; undefined when it must be parsed in one piece. */
export function reviewInSlices(reviewer: CandidateSource, text: string, sliceChars = SLICE_CHARS): SliceBlock[] | undefined {
  const cursor = startSlices(text)
  while (!cursor.whole && cursor.start < text.length) nextSlice(reviewer, text, cursor, sliceChars)
  return cursor.whole ? undefined : cursor.blocks
}

/**
 * Review source [start, end) of `text` as a document of its own: `start` is a line
 * start on 1-based `line`, and `references` (the document's definitions) are
 * parsed in front of it. Offsets and lines come back in the whole text's terms.
 */
export function reviewSlice(
  reviewer: CandidateSource,
  text: string,
  start: number,
  end: number,
  line: number,
  references: Reference[],
  parse?: (source: string) => Prose,
  startColumn = 1
): SliceResult {
  if (!parse && end - start > MAX_PARSE_CHARS) return reviewInPieces(reviewer, text, start, end, line, references, 'markdown')
  const prefix = references.length > 0 ? definitionsPrefix(references) : ''
  return reviewWithPrefix(reviewer, text, start, end, line, prefix, parse ?? ((s: string) => parseMarkdown(s, {frontmatter: start === 0})), startColumn)
}

/** The type of a block standing for a region that was not parsed: no rule can match in it. */
export const UNPARSED = 'unparsed'

/** Where a review by regions has got to. */
export interface RegionCursor {
  regions: Region[]
  /** Index of the next region to review. */
  next: number
  /** Blocks reviewed so far; a skipped region is one UNPARSED block. */
  blocks: SliceBlock[]
  needed: Array<boolean | undefined>
  /** The 1-based line of offset `counted`. */
  line: number
  counted: number
}

/** A skipped region this short is parsed with its neighbours rather than split from them. */
const SHORT_REGION = 400

export const startRegions = (regions: Region[]): RegionCursor => ({regions, next: 0, blocks: [], needed: [], line: 1, counted: 0})

/**
 * Review the next run of regions (see parse/regions.ts): a region where no rule
 * can match, and with no character reference or directive comment, is not
 * parsed at all (it becomes one UNPARSED block); plain paragraphs skip the
 * Markdown parser; other regions are parsed in runs of up to `sliceChars`
 * characters. The findings are exactly those of a whole-document parse.
 * Returns the characters parsed.
 */
export function nextRegions(reviewer: CandidateSource, text: string, c: RegionCursor, sliceChars = SLICE_CHARS): number {
  const {regions} = c
  const needed = (k: number) => (c.needed[k] ??= needsReview(text.slice(regions[k].start, regions[k].end), reviewer, text, regions[k].start))
  const lineAt = (offset: number) => {
    c.line += countLines(text, c.counted, offset)
    c.counted = offset
    return c.line
  }
  const i = c.next
  const first = regions[i]
  if (!needed(i)) {
    c.blocks.push({type: UNPARSED, start: first.start, end: first.end, line: lineAt(first.start), candidates: [], directives: []})
    c.next = i + 1
    return 0
  }
  // A run of regions of one kind, each needing review, up to about sliceChars. A run
  // through the Markdown parser also takes in a short skipped region before the next
  // one that needs review: parsing it costs less than a parse call of its own.
  let j = i + 1
  const fits = (k: number) => k < regions.length && regions[k].plain === first.plain && regions[k].end - first.start <= sliceChars
  for (;;) {
    if (fits(j) && needed(j)) j++
    else if (!first.plain && fits(j + 1) && regions[j].end - regions[j].start <= SHORT_REGION && needed(j + 1)) j += 2
    else break
  }
  const start = first.start
  const end = regions[j - 1].end
  if (first.plain && j === i + 1 && end - start > MAX_PARSE_CHARS) {
    // One huge plain paragraph: read in pieces (cut after sentences), kept as one block.
    const pieces = reviewInPieces(reviewer, text, start, paragraphEnd(text, first), lineAt(start), [], 'plain').blocks
    c.blocks.push({
      type: 'paragraph',
      start,
      end,
      line: lineAt(start),
      candidates: pieces.flatMap((b) => b.candidates),
      directives: pieces.flatMap((b) => b.directives)
    })
    c.next = j
    return end - start
  }
  const parse = first.plain
    ? (s: string) => parsePlainParagraphs(s, regions.slice(i, j).map((r) => [r.start - start, paragraphEnd(text, r) - start]))
    : undefined
  c.blocks.push(...reviewSlice(reviewer, text, start, end, lineAt(start), [], parse).blocks)
  c.next = j
  return end - start
}

/** A whole document's blocks, reviewed by regions. */
export function reviewRegions(reviewer: CandidateSource, text: string, regions: Region[]): SliceBlock[] {
  const cursor = startRegions(regions)
  while (cursor.next < regions.length) nextRegions(reviewer, text, cursor)
  return cursor.blocks
}

/** A region must be parsed when a rule may match in it, or it may hold a character reference or a directive. */
function needsReview(source: string, reviewer: CandidateSource, text = '', start = 0): boolean {
  if (source.includes('&') || source.includes('<!--') || reviewer.mayMatch(source)) return true
  // A peer worker the document introduced by name (context/named-peers.ts) is read as one: "Dwayne sent a note to…".
  const named = text ? withPeersNamed(text, source) : source
  if (named !== source && reviewer.mayMatch(named)) return true
  // A list whose lead-in lends its items a subject ("As a peer mentor you will:") is read with it, as a peer role's duties are.
  const subject = (text && leadInSubject(text, start)) || reviewer.roleSubject
  if (subject !== undefined && subject !== '' && reviewer.mayMatch(`${subject} ${source}`)) return true
  // An instruction ("Decide which topics each member is ready to…") is read with its reader, a worker, as subject (frames/imperative.ts).
  return reviewer.mayMatch(`${READER} ${source}`)
}

/**
 * The blocks with the regions a first review skipped (UNPARSED blocks) around an
 * edit of the old text [start, oldEnd) parsed, so a patch sees real blocks there.
 * A region starts where a top-level block certainly starts, so it parses alone
 * exactly as in the whole.
 */
export function parseUnparsed(reviewer: CandidateSource, blocks: SliceBlock[], old: string, start: number, oldEnd: number): SliceBlock[] {
  const i = firstIndex(blocks, (b) => b.end >= start)
  const j = firstIndex(blocks, (b) => b.start > oldEnd) - 1
  const from = Math.max(0, Math.min(i, j + 1) - 2)
  const to = Math.min(blocks.length - 1, Math.max(j, i - 1) + 5)
  const wanted = (k: number) => blocks[k].type === UNPARSED && ((k >= from && k <= to) || (k === 0 && startsWithFence(old)))
  if (!blocks.some((_, k) => wanted(k))) return blocks
  return blocks.flatMap((b, k) => (wanted(k) ? reviewSlice(reviewer, old, b.start, b.end, b.line, []).blocks : [b]))
}

export function sameReferences(a: Reference[], b: Reference[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i].kind !== b[i].kind || a[i].label !== b[i].label) return false
  return true
}
