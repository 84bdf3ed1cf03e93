/**
 * Text edits the code actions make: directives inserted where PRODUCT.md says,
 * and the allow list added to a config file with its other keys kept.
 */
import {parseDocument} from 'yaml'

export interface Insert {
  /** 0-based line and UTF-16 character. */
  line: number
  character: number
  text: string
}

/** Line endings as the engine (and LSP) count them: CRLF, a lone CR or LF. */
const LINE_BREAK = /\r\n|\r|\n/

function splitLines(text: string): string[] {
  return text.split(LINE_BREAK)
}

function lineText(text: string, line: number): string {
  return splitLines(text)[line] ?? ''
}

/** The document's line ending, for lines the edits insert. */
export function eol(text: string): string {
  const m = LINE_BREAK.exec(text)
  return m ? m[0] : '\n'
}

/** A line without its blockquote markers (`> `). */
function unquoted(line: string): string {
  return line.replace(/^[ \t]*(?:>[ \t]?)+/, '')
}

const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/

/** Whether `line` is a GFM table row (header, delimiter or body). */
export function isTableLine(lines: readonly string[], line: number): boolean {
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

/** Whether `line` is a list item's line or a line of its paragraph that continues it. */
export function isListLine(lines: readonly string[], line: number): boolean {
  for (let i = line; i >= 0; i--) {
    const l = unquoted(lines[i])
    if (l.trim() === '') return false
    if (LIST_MARKER.test(l)) return true
  }
  return false
}

/**
 * The directive that silences `ruleId` on `line`. Usually
 * `<!-- recovery-lint-disable-next-line id -->` on its own line above, indented
 * like it. In Markdown, wherever a comment line of its own would change the
 * document (it would end a table, a list, a blockquote, or split a paragraph in
 * two), `<!-- recovery-lint-disable-line id -->` goes on the line itself (see
 * `inlinePlace`); the line above is the fallback only when the whole end of the
 * line is code.
 */
export function disableLineEdit(text: string, line: number, ruleId: string, markdown = true): Insert {
  const lines = splitLines(text)
  const own = lines[line] ?? ''
  const continues = line > 0 && unquoted(lines[line - 1]).trim() !== ''
  const quoted = /^[ \t]*>/.test(own)
  const table = markdown && isTableLine(lines, line)
  if (markdown && (continues || quoted || table || isListLine(lines, line))) {
    const place = inlinePlace(lines, line, table)
    const comment = `<!-- recovery-lint-disable-line ${ruleId} -->`
    if (place) return {line, character: place.character, text: place.beforeCode ? `${comment} ` : ` ${comment}`}
  }
  return disableNextLineEdit(text, line, ruleId)
}

/**
 * Where on `line` an inline comment leaves the rendering as it was and is read as
 * a comment: at the end, but before a hard break (trailing spaces, or an
 * unescaped trailing backslash), an ATX heading's closing hashes and a table row's
 * closing pipe; or, when
 * the line ends inside a code span that opens on it, just before that span.
 * Undefined when the span opened on an earlier line (no place on this one).
 */
function inlinePlace(lines: readonly string[], line: number, table: boolean): {character: number; beforeCode: boolean} | undefined {
  const span = codeSpanAtEnd(lines, line)
  if (span !== undefined) return span >= 0 ? {character: span, beforeCode: true} : undefined
  let content = lines[line].trimEnd()
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
  const lineEnd = lineStart + lines[line].length
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

/** `<!-- recovery-lint-disable-next-line id -->` on its own line above `line`, indented like it. */
export function disableNextLineEdit(text: string, line: number, ruleId: string): Insert {
  const indent = /^[ \t]*/.exec(lineText(text, line))?.[0] ?? ''
  return {line, character: 0, text: `${indent}<!-- recovery-lint-disable-next-line ${ruleId} -->${eol(text)}`}
}

/** The 0-based line just after a front matter block (YAML `---` or TOML `+++`), or 0. */
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

/** `<!-- recovery-lint-disable id -->` at the top of the document, after front matter if any. */
export function disableFileEdit(text: string, ruleId: string): Insert {
  const nl = eol(text)
  const line = lineAfterFrontMatter(text)
  const lines = splitLines(text)
  if (line > 0 && line >= lines.length) {
    // Front matter runs to the end of the file without a trailing newline.
    return {line: line - 1, character: lines[line - 1].length, text: `${nl}<!-- recovery-lint-disable ${ruleId} -->`}
  }
  return {line, character: 0, text: `<!-- recovery-lint-disable ${ruleId} -->${nl}`}
}

/**
 * Whether a finding of `rule` can start with an article the engine added: a `kind:
 * noun` finding takes a leading "a"/"an" into its range ("an addict" → "a person
 * who uses drugs") unless the rule's own phrases can start with one ("an inspiration").
 */
export function mayAddArticle(rule: {kind?: string; phrases: readonly string[]} | undefined): boolean {
  if (!rule || rule.kind !== 'noun') return false
  return !rule.phrases.some((p) => /^(?:an?|\*|@\S*)(?:\s|$)/i.test(p.trim()))
}

/** The leading "a"/"an" (and the space after it) of a finding's text, or ''. */
export function leadingArticle(text: string): string {
  return /^an?\s+/i.exec(text)?.[0] ?? ''
}

/**
 * The phrase to allow for a finding: its text, without a leading "a"/"an" when
 * the engine added it (`articleAdded`). Any other article is part of the matched
 * phrase ("the mentally ill") and stays, or the allow would not cover the match.
 */
export function phraseToAllow(text: string, articleAdded = true): string {
  const phrase = articleAdded ? text.slice(leadingArticle(text).length) : text
  return phrase.replace(/\s+/g, ' ').trim()
}

/**
 * A config file's new text with `phrase` in `allow` (created when missing), other
 * keys kept. `existing` undefined means a new file. JSON or YAML by `format`.
 */
export function addAllowed(existing: string | undefined, phrase: string, format: 'json' | 'yaml'): string {
  if (format === 'yaml') {
    const doc = parseDocument(existing ?? '')
    if (doc.errors.length > 0) throw new Error(`cannot parse: ${doc.errors[0].message.split('\n')[0]}`)
    if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as never
    const allow = doc.get('allow')
    const list = (doc.toJS()?.allow ?? []) as unknown
    if (allow !== undefined && !Array.isArray(list)) throw new Error('`allow` is not a list')
    if (Array.isArray(list) && list.some((p) => String(p).toLowerCase() === phrase.toLowerCase())) return doc.toString()
    if (allow === undefined) doc.set('allow', doc.createNode([phrase]))
    else doc.addIn(['allow'], phrase)
    return doc.toString()
  }
  let data: Record<string, unknown> = {}
  let indent = 2
  if (existing !== undefined && existing.trim() !== '') {
    try {
      data = JSON.parse(existing)
    } catch (error) {
      throw new Error(`cannot parse: ${(error as Error).message}`)
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('the top level is not an object')
    indent = /\n([ \t]+)"/.exec(existing)?.[1].length ?? 2
  }
  const allow = data.allow === undefined ? [] : data.allow
  if (!Array.isArray(allow)) throw new Error('`allow` is not a list')
  if (!allow.some((p) => String(p).toLowerCase() === phrase.toLowerCase())) allow.push(phrase)
  data.allow = allow
  return JSON.stringify(data, null, indent) + '\n'
}
