/**
 * Reviewing Markdown in slices. A slice is parsed as a document of its own and
 * its offsets and lines shifted back: this is exact when the slice starts where a
 * top-level block starts (nothing before it changes how it parses), the document's
 * definitions are parsed in front of it, and it is not a blockquote (whose
 * attribution depends on the block before it). A long document reviewed in slices
 * costs linear time and bounded memory: the Markdown-to-nlcst bridge flattens a
 * whole document into one sentence before splitting it, which grows faster than
 * the text. Used by Reviewer.review for long documents and by DocumentSession.
 *
 * Pure: no editor API, no node API.
 */
import type {Directive} from './directives.js'
import {NOTICE, noticeAt, type Notice} from './notices.js'
import {sentenceCut} from './parse/cuts.js'
import {parseMarkdown, parsePlainParagraphs, type Block, type Prose, type Reference} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import {paragraphEnd, type Region} from './parse/regions.js'
import type {Candidate} from './review.js'

/** What reviews parsed prose: a Reviewer. */
export interface CandidateSource {
  candidates(text: string, prose: Prose): Candidate[]
  /** False only when no rule can match anywhere in `text`. */
  mayMatch(text: string): boolean
  /** A notice as a candidate at a known 1-based line and column (undefined when notices are off). */
  noticeCandidate(text: string, notice: Notice, line: number, column: number): Candidate | undefined
}

/** Characters per slice (about 10 000 words). */
export const SLICE_CHARS = 64_000
/**
 * One parse never reads more than this: a longer stretch that cannot be cut at
 * block starts (one huge list, quote or paragraph, or a document that defines
 * link references) is reviewed in pieces of about SLICE_CHARS, so time stays
 * linear and memory bounded; a cut that may change how Markdown reads gets a notice.
 */
export const MAX_PARSE_CHARS = 4 * SLICE_CHARS

export interface SliceBlock extends Block {
  /** 1-based line of `start`. */
  line: number
  candidates: Candidate[]
  directives: Directive[]
}

export interface SliceResult {
  blocks: SliceBlock[]
  references: Reference[]
}

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

/**
 * Review source [start, end) of `text` parsed after `prefix` (which ends with a line
 * break, and whose own findings are dropped): offsets, lines and columns come back
 * in the whole text's terms.
 */
export function reviewWithPrefix(
  reviewer: CandidateSource,
  text: string,
  start: number,
  end: number,
  line: number,
  prefix: string,
  parse: (source: string) => Prose,
  startColumn = 1
): SliceResult {
  const source = prefix + text.slice(start, end)
  const prose = parse(source)
  const base = start - prefix.length
  const lineBase = line - 1 - countLines(prefix, 0, prefix.length)
  // A piece that starts mid-line: columns on its first line count from the line's start.
  const columns = startColumn - 1
  const blocks: SliceBlock[] = []
  for (const b of prose.blocks ?? []) {
    if (b.start < prefix.length) continue
    blocks.push({type: b.type, start: b.start + base, end: b.end + base, line: prose.lines.point(b.start).line + lineBase, candidates: [], directives: []})
  }
  if (blocks.length === 0) {
    blocks.push({type: 'empty', start, end, line, candidates: [], directives: []})
  }
  let k = 0
  for (const c of reviewer.candidates(source, prose)) {
    if (c.finding.offset < prefix.length) continue
    const shifted = shiftCandidate(c, base, lineBase, columns, line)
    while (k + 1 < blocks.length && blocks[k + 1].start <= shifted.finding.offset) k++
    blocks[k].candidates.push(shifted)
  }
  k = 0
  for (const d of prose.directives) {
    if (d.start < prefix.length) continue
    const shifted = shiftDirective(d, base, lineBase)
    while (k + 1 < blocks.length && blocks[k + 1].start <= shifted.start) k++
    blocks[k].directives.push(shifted)
  }
  const refs = (prose.references ?? []).filter((r) => r.offset >= prefix.length).map((r) => ({...r, offset: r.offset + base}))
  return {blocks, references: refs}
}

type PieceKind = 'markdown' | 'text' | 'plain'

/**
 * Review text[start, end) (starting at a line start on 1-based `line`) in pieces of
 * about SLICE_CHARS, each parsed on its own. Markdown is cut at a blank line outside
 * fenced code where the window has one, else at a line end, else within a line; a
 * piece that starts inside a fence gets its opening fence in front. Text and plain
 * paragraphs are cut at a blank line, else after a sentence, else at a space.
 * A cut that may change the reading adds one notice.
 */
export function reviewInPieces(reviewer: CandidateSource, text: string, start: number, end: number, line: number, references: Reference[], kind: PieceKind): SliceResult {
  const blocks: SliceBlock[] = []
  const refs: Reference[] = []
  const lines = new LineCursor(text, start, line)
  const fences = new FenceTracker(text, start)
  let noticed = false
  let fence = ''
  for (let pos = start; pos < end; ) {
    let cut = end
    let clean = true
    if (end - pos > SLICE_CHARS) {
      const found = kind === 'markdown' ? fences.cut(pos + SLICE_CHARS / 2, pos + SLICE_CHARS) : textCut(text, pos + SLICE_CHARS / 2, pos + SLICE_CHARS, kind)
      cut = found.at
      clean = found.clean
    }
    lines.moveTo(pos)
    const column = pos - lines.lineStart + 1
    const parse = kind === 'text' ? parseText : kind === 'plain' ? (s: string) => parsePlainParagraphs(s, [[0, s.length]]) : undefined
    const piece = fence
      ? reviewFencedPiece(reviewer, text, pos, cut, lines.line, fence, column)
      : reviewSlice(reviewer, text, pos, cut, lines.line, kind === 'markdown' ? references : [], parse, column)
    blocks.push(...piece.blocks)
    refs.push(...piece.references)
    if (!clean && !noticed) {
      noticed = true
      lines.moveTo(cut)
      const at = noticeAt(text, cut, end, kind === 'markdown' ? NOTICE.block(SLICE_CHARS) : NOTICE.sentence(SLICE_CHARS))
      const c = reviewer.noticeCandidate(text, at, lines.line, cut - lines.lineStart + 1)
      if (c) insertCandidate(blocks, c)
    }
    fence = kind === 'markdown' ? fences.openAt(cut) : ''
    pos = cut
  }
  return {blocks, references: refs}
}

/** A piece that starts inside fenced code: parsed with the fence's opening line in front. */
function reviewFencedPiece(reviewer: CandidateSource, text: string, start: number, end: number, line: number, fence: string, column: number): SliceResult {
  return reviewWithPrefix(reviewer, text, start, end, line, fence + '\n', (s) => parseMarkdown(s, {frontmatter: false}), column)
}

function insertCandidate(blocks: SliceBlock[], c: Candidate) {
  let k = 0
  while (k + 1 < blocks.length && blocks[k + 1].start <= c.finding.offset) k++
  if (blocks.length === 0) return
  blocks[k].candidates.push(c)
  blocks[k].candidates.sort((a, b) => a.at - b.at)
}

/** A cut for plain prose in text[min, max]: a blank line, else a sentence's end, else a space. */
function textCut(text: string, min: number, max: number, kind: PieceKind): {at: number; clean: boolean} {
  if (kind === 'text') {
    // Only the window is searched: text with no blank line must not be rescanned from each cut.
    const blank = text.slice(min, max).lastIndexOf('\n\n')
    if (blank !== -1) return {at: min + blank + 2, clean: true}
  }
  const cut = sentenceCut(text, min, max)
  return {at: cut.at, clean: cut.sentence}
}

/** Moves forward through a text, keeping the 1-based line and the start of the line. */
class LineCursor {
  private offset: number
  lineStart: number

  constructor(
    private readonly text: string,
    offset: number,
    public line: number
  ) {
    this.offset = offset
    this.lineStart = offset
    // The caller starts at a line start.
  }

  moveTo(offset: number) {
    const text = this.text
    for (let i = this.offset; i < offset; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++
        this.lineStart = i + 1
      }
    }
    if (offset > this.offset) this.offset = offset
  }
}

/**
 * Top-level fenced code, line by line, for cutting Markdown: the best cut in a
 * window, and whether a fence is open at a cut (and with which opening line).
 * Each line is scanned once.
 */
class FenceTracker {
  /** Scanned up to here. */
  private scanned: number
  private open: {char: string; length: number; line: string} | undefined
  /** The next line feed at or after `scanned` (-2: not looked for; -1: none left). */
  private nl = -2
  /** Fence state at the line starts of the last window. */
  private states = new Map<number, string>()

  constructor(
    private readonly text: string,
    from: number
  ) {
    this.scanned = from
  }

  /** Scan whole lines while they start before `limit`. */
  private scan(limit: number, onLine: (start: number, end: number, next: number, inFence: boolean) => void) {
    const text = this.text
    while (this.scanned < limit && this.scanned < text.length) {
      const start = this.scanned
      if (this.nl !== -1 && this.nl < start) this.nl = text.indexOf('\n', start)
      const next = this.nl === -1 ? text.length : this.nl + 1
      let end = this.nl === -1 ? text.length : this.nl
      if (end > start && text.charCodeAt(end - 1) === 13) end--
      const inFence = this.open !== undefined
      const m = /^ {0,3}(`{3,}|~{3,})([^`]*)$/.exec(text.slice(start, Math.min(end, start + 200)))
      if (this.open) {
        if (m && m[1][0] === this.open.char && m[1].length >= this.open.length && m[2].trim() === '') this.open = undefined
      } else if (m && end - start < 200 && !(m[1][0] === '`' && m[2].includes('`'))) {
        this.open = {char: m[1][0], length: m[1].length, line: m[1]}
      }
      onLine(start, end, next, inFence)
      this.scanned = next
      this.states.set(next, this.open ? this.open.line : '')
    }
  }

  /** The best cut in (min, max]: after a blank line outside a fence, else at a line end, else within a line. */
  cut(min: number, max: number): {at: number; clean: boolean} {
    let blank = -1
    let lineEnd = -1
    this.states = new Map()
    this.scan(max, (start, end, next, inFence) => {
      if (next > max || next <= min) return
      if (!inFence && /^[ \t]*$/.test(this.text.slice(start, end))) blank = next
      lineEnd = next
    })
    if (blank > 0) return {at: blank, clean: true}
    if (lineEnd > 0) return {at: lineEnd, clean: false}
    // A line longer than the window: cut within it; the line's fence state holds at the cut.
    const lineStart = this.text.slice(min, max).lastIndexOf('\n')
    const at = sentenceCut(this.text, lineStart === -1 ? min : min + lineStart + 1, max).at
    this.states.set(at, this.open && this.scanned > at ? this.open.line : '')
    return {at, clean: false}
  }

  /** The opening line of a fence open at `offset` (the last cut), or ''. */
  openAt(offset: number): string {
    return this.states.get(offset) ?? ''
  }
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
  const needed = (k: number) => (c.needed[k] ??= needsReview(text.slice(regions[k].start, regions[k].end), reviewer))
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
function needsReview(source: string, reviewer: CandidateSource): boolean {
  return source.includes('&') || source.includes('<!--') || reviewer.mayMatch(source)
}

/** The document's definitions, written so that a slice parsed after them resolves the same references. */
function definitionsPrefix(references: Reference[]): string {
  let out = ''
  for (const r of references) if (r.kind === 'footnote') out += `[^${r.label}]: x\n\n`
  for (const r of references) if (r.kind === 'definition') out += `[${r.label}]: #\n\n`
  // A last definition closes any footnote, so an indented first line stays indented code.
  return out + '[recovery-lint-slice-end]: #\n\n'
}

export function shiftCandidate(c: Candidate, offset: number, lines: number, columns = 0, firstLine = 0): Candidate {
  if (offset === 0 && lines === 0 && columns === 0) return c
  const f = c.finding
  const line = f.line + lines
  const endLine = f.endLine + lines
  return {
    finding: {
      ...f,
      offset: f.offset + offset,
      endOffset: f.endOffset + offset,
      line,
      endLine,
      ...(columns !== 0 ? {column: line === firstLine ? f.column + columns : f.column, endColumn: endLine === firstLine ? f.endColumn + columns : f.endColumn} : {})
    },
    at: c.at + offset,
    atLine: c.atLine + lines
  }
}

export function shiftDirective(d: Directive, offset: number, lines: number): Directive {
  if (offset === 0 && lines === 0) return d
  return {...d, start: d.start + offset, end: d.end + offset, line: d.line + lines, endLine: d.endLine + lines}
}

/** Line breaks in text[from, to). */
export function countLines(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    // A lone CR is a line break too (as micromark, VS Code and LineIndex count it).
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++
  }
  return count
}

export function lineStart(text: string, offset: number): number {
  // A lone CR ends a line too (a CR of a CRLF pair is followed by the LF, met first).
  let i = Math.min(offset, text.length) - 1
  while (i >= 0) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) break
    i--
  }
  return i + 1
}

/** The start of the line after the one holding `offset` (or the text's end). */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset)
  return i === -1 ? text.length : i + 1
}
