/**
 * A document parsed and reviewed in one piece: how plain text and HTML are
 * reviewed, and for Markdown the reference that regions and slices must equal.
 */
import type {Directive} from './directives.js'
import {parseMarkdown, type Prose} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import type {CandidateSource} from './slices.js'
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
  const candidates = reviewer.candidates(text, prose)
  const fit = reader.fit
  return {candidates: fit ? candidates.map((c) => ({...c, finding: fit(text, c.finding)})) : candidates, directives: prose.directives}
}
