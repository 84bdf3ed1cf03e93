/**
 * Reviewing a stretch too long for one parse (MAX_PARSE_CHARS) in pieces of about
 * SLICE_CHARS, each parsed on its own: time stays linear and memory bounded. Cuts
 * go where they change nothing if the window has such a place (a blank line
 * outside fenced code, a sentence's end); where not, one notice says the reading
 * may differ at the cut.
 *
 * Pure: no editor API, no node API.
 */
import {NOTICE, noticeAt} from './notices.js'
import {sentenceCut} from './parse/cuts.js'
import {parseMarkdown, parsePlainParagraphs, type Reference} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import {definitionsPrefix, reviewWithPrefix, SLICE_CHARS, type CandidateSource, type SliceBlock, type SliceResult} from './slice-base.js'
import type {Candidate} from './types.js'

export type PieceKind = 'markdown' | 'text' | 'plain'

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
      : reviewWithPrefix(reviewer, text, pos, cut, lines.line, kind === 'markdown' && references.length > 0 ? definitionsPrefix(references) : '', parse ?? ((s: string) => parseMarkdown(s, {frontmatter: pos === 0})), column)
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

