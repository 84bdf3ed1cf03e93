/**
 * A document parsed and reviewed in one piece: how plain text and HTML are
 * reviewed, and for Markdown the reference that regions and slices must equal.
 */
import type {Directive} from './directives.js'
import {parseMarkdown, type Prose} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import {NOTICE, noticeAt} from './notices.js'
import {htmlCuts} from './parse/html-cuts.js'
import {reviewInPieces} from './pieces.js'
import {MAX_PARSE_CHARS, reviewWithPrefix, SLICE_CHARS, type CandidateSource} from './slice-base.js'
import type {Candidate, Finding, Format} from './types.js'

/** How a format is read: its parser, and a last fitting of each finding to its markup. */
export interface FormatReader {
  parse(text: string): Prose
  fit?(text: string, finding: Finding): Finding
}

const readers: Partial<Record<Format, FormatReader>> = {markdown: {parse: (text) => parseMarkdown(text)}, text: {parse: parseText}}

/**
 * Plug in a format's reader. HTML's parser (parse5) is the engine's largest
 * dependency, so the adapters that review HTML files plug it in (`enableHtml()`),
 * and a bundle that never meets HTML (the language server) leaves it out.
 */
export function addFormat(format: Format, reader: FormatReader): void {
  readers[format] = reader
}

/** Whether this build reads a format (Markdown and plain text always; HTML once enabled). */
export const readsFormat = (format: Format): boolean => readers[format] !== undefined

export function reviewInOnePiece(reviewer: CandidateSource, text: string, format: Format): {candidates: Candidate[]; directives: Directive[]} {
  const reader = readers[format]
  if (!reader) throw new Error(`this build does not read ${format} (call enableHtml() first)`)
  const prose = reader.parse(text)
  reviewer.heard?.(prose.directives)
  const candidates = reviewer.candidates(text, prose)
  const fit = reader.fit
  return {candidates: fit ? candidates.map((c) => ({...c, finding: fit(text, c.finding)})) : candidates, directives: prose.directives}
}

/**
 * A plain-text or HTML document reviewed as a whole: in one piece, or, when it is
 * longer than one parse may read (MAX_PARSE_CHARS), in pieces of about SLICE_CHARS
 * (plain text cut between paragraphs or sentences, HTML before block tags: see
 * pieces.ts and parse/html-cuts.ts), so time stays linear and memory bounded.
 */
export function reviewFormat(reviewer: CandidateSource, text: string, format: Format): {candidates: Candidate[]; directives: Directive[]} {
  if (text.length <= MAX_PARSE_CHARS || (format !== 'text' && format !== 'html')) return reviewInOnePiece(reviewer, text, format)
  if (format === 'text') {
    const blocks = reviewInPieces(reviewer, text, 0, text.length, 1, [], 'text').blocks
    return {candidates: blocks.flatMap((b) => b.candidates), directives: blocks.flatMap((b) => b.directives)}
  }
  const reader = readers.html
  if (!reader) throw new Error('this build does not read html (call enableHtml() first)')
  const candidates: Candidate[] = []
  const directives: Directive[] = []
  const cuts = htmlCuts(text, SLICE_CHARS)
  let line = 1
  let lineStart = 0
  let counted = 0
  let noticed = false
  for (let k = 0; k < cuts.length; k++) {
    const {at, prefix, clean} = cuts[k]
    const end = k + 1 < cuts.length ? cuts[k + 1].at : text.length
    for (; counted < at; counted++) {
      const c = text.charCodeAt(counted)
      if (c === 10 || (c === 13 && text.charCodeAt(counted + 1) !== 10)) {
        line++
        lineStart = counted + 1
      }
    }
    // The still open special elements' start tags go in front, on a line of their own.
    for (const block of reviewWithPrefix(reviewer, text, at, end, line, prefix ? prefix + '\n' : '', reader.parse, at - lineStart + 1).blocks) {
      candidates.push(...block.candidates)
      directives.push(...block.directives)
    }
    if (!clean && !noticed) {
      noticed = true
      const notice = reviewer.noticeCandidate(text, noticeAt(text, at, end, NOTICE.block(SLICE_CHARS)), line, at - lineStart + 1)
      if (notice) candidates.push(notice)
    }
  }
  const fit = reader.fit
  candidates.sort((a, b) => a.at - b.at)
  return {candidates: fit ? candidates.map((c) => ({...c, finding: fit(text, c.finding)})) : candidates, directives}
}
