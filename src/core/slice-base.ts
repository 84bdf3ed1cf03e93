/**
 * What every way of reviewing a stretch of a document shares (slices.ts,
 * pieces.ts): the source that turns parsed prose into candidates, a stretch parsed
 * after a prefix with its offsets, lines and columns shifted back, and line
 * arithmetic.
 *
 * Pure: no editor API, no node API.
 */
import type {Directive, Silencer} from './directives.js'
import type {Notice} from './notices.js'
import type {Block, Prose, Reference} from './parse/markdown.js'
import type {Candidate, Finding, Format} from './types.js'

/**
 * The whole document around a slice: offset o of the slice's source is offset o + base of `text`.
 * Context that reads past a block (a list's lead-in above it, the rest of a sentence after it)
 * reads the document, so every way of reviewing it sees the same thing.
 */
export interface Within {
  text: string
  base: number
}

/** What reviews parsed prose: a Reviewer (an interface, so sessions and slices need not import it). */
export interface CandidateSource {
  /** `within`: the whole document, when `text` is a slice of it. */
  candidates(text: string, prose: Prose, within?: Within): Candidate[]
  /** The directives of a piece (in the document's terms), told before its candidates are asked for. */
  heard?(directives: Directive[]): void
  /** The source for this document's profile when its front matter names one (see Reviewer.forText). */
  forText?(text: string, format: Format, peerText?: boolean): CandidateSource
  /** False only when no rule can match anywhere in `text`. */
  mayMatch(text: string): boolean
  /** The subject a peer role document's duties are read with (context/role-document.ts), if it is one. */
  readonly roleSubject?: string
  /** A notice as a candidate at a known 1-based line and column (undefined when notices are off). */
  noticeCandidate(text: string, notice: Notice, line: number, column: number): Candidate | undefined
  /** The review has made all the findings it may (see FindingsBudget): the rest need not be parsed. */
  exhausted?(): boolean
  /** Run `fn` making at most the candidates `budget` allows; the budget is left as `fn` left it. */
  withBudget?<T>(budget: FindingsBudget, fn: () => T): T
  /** A budgeted review's findings as shown: each notice once, at most `max`, then one notice saying so. */
  limitFindings?(findings: Finding[], truncated: boolean, max: number): Finding[]
}

/**
 * The candidates a review may still make (a document of nothing but findings stays
 * bounded), whether it was refused one, and the directives met so far when those
 * switch candidates off as they come (then switched-off ones are neither made nor counted).
 */
export interface FindingsBudget {
  remaining: number
  truncated: boolean
  silenced?: Silencer
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
  // Past the findings a review may make, the rest of the document is not parsed (time and memory).
  if (reviewer.exhausted?.()) return {blocks: [{type: 'empty', start, end, line, candidates: [], directives: []}], references: []}
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
  const directives = prose.directives.filter((d) => d.start >= prefix.length).map((d) => shiftDirective(d, base, lineBase))
  reviewer.heard?.(directives)
  let k = 0
  for (const c of reviewer.candidates(source, prose, {text, base})) {
    if (c.finding.offset < prefix.length) continue
    const shifted = shiftCandidate(c, base, lineBase, columns, line)
    while (k + 1 < blocks.length && blocks[k + 1].start <= shifted.finding.offset) k++
    blocks[k].candidates.push(shifted)
  }
  k = 0
  for (const shifted of directives) {
    while (k + 1 < blocks.length && blocks[k + 1].start <= shifted.start) k++
    blocks[k].directives.push(shifted)
  }
  const refs = (prose.references ?? []).filter((r) => r.offset >= prefix.length).map((r) => ({...r, offset: r.offset + base}))
  return {blocks, references: refs}
}

/** The document's definitions, written so that a slice parsed after them resolves the same references. */
export function definitionsPrefix(references: Reference[]): string {
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
      sentence: {start: f.sentence.start + offset, end: f.sentence.end + offset},
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

export function shiftBlock(b: SliceBlock, offset: number, lines: number): SliceBlock {
  if (offset === 0 && lines === 0) return b
  return {
    type: b.type,
    start: b.start + offset,
    end: b.end + offset,
    line: b.line + lines,
    candidates: b.candidates.map((c) => shiftCandidate(c, offset, lines)),
    directives: b.directives.map((d) => shiftDirective(d, offset, lines))
  }
}

/** Index of the first block for which `test` holds (blocks are sorted, `test` monotonic); `length` when none. */
export function firstIndex(blocks: SliceBlock[], test: (b: SliceBlock) => boolean): number {
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (test(blocks[mid])) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Whether the line holding `offset` starts with four or more columns of indentation. */
export function indentedLine(text: string, offset: number): boolean {
  const start = lineStart(text, offset)
  let columns = 0
  for (let i = start; i < text.length && columns < 4; i++) {
    if (text[i] === ' ') columns++
    else if (text[i] === '\t') columns += 4
    else break
  }
  return columns >= 4
}
