/**
 * Where a directive goes when an editor silences a finding. The engine decides,
 * from the parsed blocks, whether a comment line of its own above the finding's
 * line would change the document (`Finding.lineDirective`); this module only
 * finds the exact place on the line: the end, before a hard break, an ATX
 * heading's closing hashes, a table row's closing pipe, or a code span that
 * runs past the end of the line.
 *
 * Pure: no editor API, no node API.
 */
import {directiveComment} from './directives.js'
import type {Finding, Format} from './types.js'

/** A text insertion at a 0-based line and UTF-16 character. */
export interface Insert {
  line: number
  character: number
  text: string
}

/** Line endings as the engine (and LSP) count them: CRLF, a lone CR or LF. */
const LINE_BREAK = /\r\n|\r|\n/

const splitLines = (text: string): string[] => text.split(LINE_BREAK)

/** The document's line ending, for lines the edits insert. */
export function eol(text: string): string {
  const m = LINE_BREAK.exec(text)
  return m ? m[0] : '\n'
}

/** A line without its blockquote markers (`> `). */
const unquoted = (line: string): string => line.replace(/^[ \t]*(?:>[ \t]?)+/, '')

const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/** Whether `line` reads as a GFM table row: only asked for a line the engine placed inside a block. */
function isTableRow(lines: readonly string[], line: number): boolean {
  const own = unquoted(lines[line] ?? '')
  if (/^[ \t]*\|/.test(own)) return true
  if (!own.includes('|')) return false
  const next = lines[line + 1]
  if (next !== undefined && next.includes('|') && TABLE_DELIMITER.test(unquoted(next))) return true
  // A body row without a leading pipe: the rows above it, up to the delimiter row, all have pipes.
  for (let i = line; i >= 0; i--) {
    const l = unquoted(lines[i])
    if (l.trim() === '' || !l.includes('|')) return false
    if (TABLE_DELIMITER.test(l)) return true
  }
  return false
}

/**
 * The directive that silences `ruleId` on 0-based `line`: with `place` 'above',
 * `<!-- recovery-lint-disable-next-line id -->` on a line of its own above,
 * indented like it; with 'inline', `<!-- recovery-lint-disable-line id -->` on the
 * line itself (see `inlinePlace`), or above when the whole end of the line is code.
 */
export function lineDirectiveEdit(text: string, line: number, place: Finding['lineDirective'], ruleId: string): Insert {
  if (place === 'inline') {
    const lines = splitLines(text)
    const spot = inlinePlace(lines, line, isTableRow(lines, line))
    const comment = directiveComment('disable-line', [ruleId])
    if (spot) return {line, character: spot.character, text: spot.beforeCode ? `${comment} ` : ` ${comment}`}
  }
  const indent = /^[ \t]*/.exec(splitLines(text)[line] ?? '')?.[0] ?? ''
  return {line, character: 0, text: `${indent}${directiveComment('disable-next-line', [ruleId])}${eol(text)}`}
}

/** "Disable this rule for this line" for a finding, where the engine says it goes. */
export function disableLineEdit(text: string, finding: Pick<Finding, 'line' | 'lineDirective' | 'ruleId'>): Insert {
  return lineDirectiveEdit(text, finding.line - 1, finding.lineDirective, finding.ruleId)
}

/**
 * Where on `line` an inline comment leaves the rendering as it was and is read as
 * a comment: at the end, but before a hard break (trailing spaces, or an
 * unescaped trailing backslash), an ATX heading's closing hashes and a table row's
 * closing pipe; or, when the line ends inside a code span that opens on it, just
 * before that span. Undefined when the span opened on an earlier line.
 */
function inlinePlace(lines: readonly string[], line: number, table: boolean): {character: number; beforeCode: boolean} | undefined {
  const span = codeSpanAtEnd(lines, line)
  if (span !== undefined) return span >= 0 ? {character: span, beforeCode: true} : undefined
  let content = (lines[line] ?? '').trimEnd()
  // In a table row, inside the last cell: after the closing pipe it would be a cell of its own.
  if (table && /(^|[^\\])\|$/.test(content)) content = content.slice(0, -1).trimEnd()
  const backslashes = /\\*$/.exec(content)?.[0].length ?? 0
  if (backslashes % 2 === 1) content = content.slice(0, -1).trimEnd()
  const heading = /^([ \t]*(?:>[ \t]?)*[ \t]{0,3}#{1,6}[ \t].*?)[ \t]+#+$/.exec(content)
  if (heading) content = heading[1]
  return {character: content.length, beforeCode: false}
}

/**
 * Whether `line` ends inside a code span of its paragraph (the lines around it up
 * to blank lines): the span's start column when it opens on `line`, -1 when it
 * opened on an earlier line, undefined when the line does not end in code. A
 * span opens at a run of backticks and closes at the next run of the same length;
 * a run with no partner is literal.
 */
function codeSpanAtEnd(lines: readonly string[], line: number): number | undefined {
  let first = line
  while (first > 0 && unquoted(lines[first - 1]).trim() !== '') first--
  let last = line
  while (last + 1 < lines.length && unquoted(lines[last + 1]).trim() !== '') last++
  const text = lines.slice(first, last + 1).join('\n')
  const lineStart = lines.slice(first, line).reduce((n, l) => n + l.length + 1, 0)
  const lineEnd = lineStart + (lines[line] ?? '').length
  const runs = [...text.matchAll(/`+/g)].map((m) => ({start: m.index ?? 0, length: m[0].length}))
  for (let i = 0; i < runs.length; i++) {
    const close = runs.findIndex((r, k) => k > i && r.length === runs[i].length)
    if (close === -1) continue
    const start = runs[i].start
    const end = runs[close].start + runs[close].length
    if (start < lineEnd && end > lineEnd) return start >= lineStart ? start - lineStart : -1
    i = close
  }
  return undefined
}

/** The 0-based line just after a Markdown front matter block (YAML `---` or TOML `+++`), or 0. */
export function lineAfterFrontMatter(text: string): number {
  const lines = splitLines(text)
  const fence = lines[0]?.trimEnd()
  if (fence !== '---' && fence !== '+++') return 0
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trimEnd()
    if (l === fence || (fence === '---' && l === '...')) return i + 1
  }
  return 0
}

/** `<!-- recovery-lint-disable id -->` at the top of the document, after Markdown front matter if any. */
export function disableFileEdit(text: string, ruleId: string, format: Format = 'markdown'): Insert {
  const nl = eol(text)
  const comment = directiveComment('disable', [ruleId])
  const line = format === 'markdown' ? lineAfterFrontMatter(text) : 0
  const lines = splitLines(text)
  if (line > 0 && line >= lines.length) {
    // Front matter runs to the end of the file without a trailing newline.
    return {line: line - 1, character: lines[line - 1].length, text: `${nl}${comment}`}
  }
  return {line, character: 0, text: `${comment}${nl}`}
}
