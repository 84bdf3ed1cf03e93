/**
 * A document parsed and reviewed in one piece: how plain text and HTML are
 * reviewed, and for Markdown the reference that regions and slices must equal.
 */
import type {Directive} from './directives.js'
import {fitHtmlFinding, parseHtml} from './parse/html.js'
import {parseMarkdown} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import type {CandidateSource} from './slices.js'
import type {Candidate, Format} from './types.js'

export function reviewInOnePiece(reviewer: CandidateSource, text: string, format: Format): {candidates: Candidate[]; directives: Directive[]} {
  const prose = format === 'markdown' ? parseMarkdown(text) : format === 'html' ? parseHtml(text) : parseText(text)
  const candidates = reviewer.candidates(text, prose)
  // An HTML finding never swallows a tag: the fix starts after the markup.
  return {candidates: format === 'html' ? candidates.map((c) => ({...c, finding: fitHtmlFinding(text, c.finding)})) : candidates, directives: prose.directives}
}
