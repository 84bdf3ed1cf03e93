/**
 * Where markup goes for a position in a paragraph of a story: between runs, between
 * two children of a run, or inside a w:t's text (the run is split there); and whether
 * a range of words can become a tracked change at all.
 */
import type {DocxModel} from './model.js'
import type {DocxParagraph, Piece, RunInfo} from './stories.js'

/** Where new markup goes for a position in a paragraph. */
export interface Loc {
  part: string
  x: number
  /** 'between': between runs; 'child': between two children of one run; 'text': inside a w:t's text. */
  mode: 'between' | 'child' | 'text'
  /** The piece the position is in ('child' and 'text' split its run). */
  piece?: Piece
}

/** The piece holding paragraph position p (the character at p). */
function pieceAt(paragraph: DocxParagraph, p: number, side: 'start' | 'end'): Piece {
  const pieces = paragraph.pieces
  let lo = 0
  let hi = pieces.length - 1
  // start: from <= p < to; end: from < p <= to.
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const after = side === 'start' ? pieces[mid].to <= p : pieces[mid].to < p
    if (after) lo = mid + 1
    else hi = mid
  }
  return pieces[lo]
}

const textOffset = (piece: Piece, p: number) => (piece.map ? piece.map[p - piece.from] : piece.xmlFrom + (p - piece.from))

function runStartsWith(xml: string, piece: Piece): boolean {
  const run: RunInfo = piece.run
  return xml.slice(run.openEnd, piece.tagStart).replace(run.rPr, '').trim() === ''
}

function runEndsWith(xml: string, piece: Piece): boolean {
  return xml.slice(piece.closeEnd, piece.run.closeStart).trim() === ''
}

export function startLoc(model: DocxModel, paragraph: DocxParagraph, p: number): Loc & {piece: Piece} {
  const piece = pieceAt(paragraph, p, 'start')
  const xml = model.xml.get(paragraph.part)!
  const part = paragraph.part
  if (p > piece.from || (piece.kind === 't' && piece.xmlFrom > piece.tagOpenEnd)) return {part, x: textOffset(piece, p), mode: 'text', piece}
  if (runStartsWith(xml, piece)) return {part, x: piece.run.start, mode: 'between', piece}
  return {part, x: piece.tagStart, mode: 'child', piece}
}

export function endLoc(model: DocxModel, paragraph: DocxParagraph, p: number): Loc & {piece: Piece} {
  const piece = pieceAt(paragraph, p, 'end')
  const xml = model.xml.get(paragraph.part)!
  const part = paragraph.part
  if (p < piece.to || (piece.kind === 't' && piece.xmlTo < piece.closeStart)) return {part, x: textOffset(piece, p), mode: 'text', piece}
  if (runEndsWith(xml, piece)) return {part, x: piece.run.end, mode: 'between', piece}
  return {part, x: piece.closeEnd, mode: 'child', piece}
}

/** What a deletion may wrap besides runs of text: range marks, proofing marks. */
const DELETABLE = new Set(['r', 't', 'tab', 'ptab', 'br', 'cr', 'noBreakHyphen', 'softHyphen', 'lastRenderedPageBreak', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'permStart', 'permEnd'])

/**
 * Whether [s, e) of a paragraph can become a tracked change: no protected text
 * (a tracked change, a field, a placeholder, a comment), both ends in one
 * container, and nothing between them but runs of text and range marks.
 */
export function canChange(model: DocxModel, paragraph: DocxParagraph, s: number, e: number): boolean {
  if (paragraph.pieces.some((p) => p.from < e && p.to > s && p.protectedBy)) return false
  const a = startLoc(model, paragraph, s)
  const b = endLoc(model, paragraph, e)
  if (!a.piece || !b.piece || a.piece.run.parentStart !== b.piece.run.parentStart) return false
  const xml = model.xml.get(paragraph.part)!
  const wp = model.stories.get(paragraph.part)?.prefix ?? 'w'
  let inRPr = 0
  for (const m of xml.slice(a.x, b.x).matchAll(/<(\/?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    const [, close, prefix, local, selfClose] = m
    if ((prefix ?? '') !== (wp ? wp + ':' : '')) {
      if (inRPr === 0) return false
      continue
    }
    if (local === 'rPr') {
      if (!selfClose) inRPr += close ? -1 : 1
      continue
    }
    if (inRPr > 0) continue
    if (!DELETABLE.has(local)) return false
  }
  return true
}
