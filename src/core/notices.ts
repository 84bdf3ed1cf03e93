/**
 * Notices: what the review could not read as written and how it read it instead
 * (too deeply nested, too much inline markup, a sentence cut into pieces, too
 * many findings). Each becomes one `info` finding of the pseudo-rule
 * `review-limit`, so nothing is skipped silently; like any rule it can be
 * switched off (`"rules": {"review-limit": "off"}`) or by a directive.
 */
import {MAX_FINDINGS} from './limits.js'
import type {Candidate, Finding, Rule, Severity} from './types.js'

/** The rule id of notices. */
export const REVIEW_LIMIT = 'review-limit'

export interface Notice {
  /** Source offsets of what it is about (kept short: the first words). */
  start: number
  end: number
  message: string
}

/** A short range at `start`: the first word, at most 40 characters, within [start, end). */
export function noticeAt(text: string, start: number, end: number, message: string): Notice {
  let stop = start
  const limit = Math.min(end, start + 40)
  while (stop < limit && !/\s/.test(text[stop])) stop++
  // Never end between the halves of a surrogate pair.
  if (stop > start && stop < text.length && /[\uD800-\uDBFF]/.test(text[stop - 1])) stop++
  return {start, end: Math.max(stop, start), message}
}

export const NOTICE = {
  nesting: (depth: number) =>
    `Nested more than ${depth} levels deep (block quotes or list items): from here such lines are reviewed as plain text, one line at a time.`,
  markup: () => 'Too much inline markup in one paragraph to read as Markdown: from here such paragraphs are reviewed as plain text, one line at a time.',
  lines: (count: number) => `A paragraph of more than ${count} lines inside a block quote or list: reviewed in parts of ${count} lines.`,
  sentence: (chars: number) => `A sentence longer than ${chars} characters: reviewed in pieces, so a phrase across a cut may be missed.`,
  block: (chars: number) => `A block longer than ${chars} characters: reviewed in pieces, so Markdown structure across a cut may be read differently.`,
  htmlDepth: () => 'HTML nested deeper than it can be read as a tree: reviewed as plain text, with its tags left out.',
  findings: (shown: number) => `More than ${shown} findings in this document: only the first ${shown} are shown.`
}


/** The pseudo-rule of notices, for hovers and reports that look a finding's rule up. */
export const REVIEW_LIMIT_RULE: Rule = {
  id: REVIEW_LIMIT,
  category: 'review',
  severity: 'info',
  phrases: [],
  message: 'Part of this document could not be read as written: see the message for how it was read instead.',
  rationale:
    'The review has limits (nesting depth, inline markup per paragraph, sentence length, findings per document) so that no document can make it hang. Where one is reached, the text is still reviewed in a simpler way.',
  alternatives: [],
  principles: [],
  sources: ['docs/limits.md'],
  examples: {flag: [], pass: []}
}

/** A notice as a candidate finding of `review-limit`, at a known position (a notice never spans lines). */
export function noticeCandidate(text: string, notice: Notice, severity: Severity, line: number, column: number): Candidate {
  const finding: Finding = {
    ruleId: REVIEW_LIMIT,
    category: REVIEW_LIMIT_RULE.category,
    severity,
    offset: notice.start,
    endOffset: notice.end,
    line,
    column,
    endLine: line,
    endColumn: column + notice.end - notice.start,
    text: text.slice(notice.start, notice.end),
    message: notice.message,
    suggestions: [],
    fixes: [],
    advice: [],
    safeFix: false,
    group: `${REVIEW_LIMIT}:${notice.message}`,
    phrase: text.slice(notice.start, notice.end),
    sentence: {start: notice.start, end: notice.end},
    lineDirective: 'inline'
  }
  return {finding, at: notice.start, atLine: line}
}

/**
 * One notice of each kind (a long document read in slices may meet a limit in
 * several), and at most `max` findings, then one notice saying so (when
 * `severity` says notices are on).
 */
export function limitFindings(findings: Finding[], truncated: boolean, severity: Severity | undefined, max = MAX_FINDINGS): Finding[] {
  let out = findings
  if (findings.some((f) => f.ruleId === REVIEW_LIMIT)) {
    const seen = new Set<string>()
    out = findings.filter((f) => f.ruleId !== REVIEW_LIMIT || (!seen.has(f.message) && seen.add(f.message) !== undefined))
  }
  if ((out.length <= max && !truncated) || out.length === 0) return out
  const kept = out.slice(0, max)
  const last = kept[kept.length - 1]
  if (severity) {
    const notice = noticeCandidate(last.text, {start: 0, end: last.text.length, message: NOTICE.findings(max)}, severity, last.line, last.column).finding
    kept.push({...notice, offset: last.offset, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, sentence: last.sentence})
  }
  return kept
}
