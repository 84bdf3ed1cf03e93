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

function lineText(text: string, line: number): string {
  const lines = text.split(/\r?\n/)
  return lines[line] ?? ''
}

export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/** `<!-- recovery-lint-disable-next-line id -->` on its own line above `line`, indented like it. */
export function disableNextLineEdit(text: string, line: number, ruleId: string): Insert {
  const indent = /^[ \t]*/.exec(lineText(text, line))?.[0] ?? ''
  return {line, character: 0, text: `${indent}<!-- recovery-lint-disable-next-line ${ruleId} -->${eol(text)}`}
}

/** The 0-based line just after a front matter block (YAML `---` or TOML `+++`), or 0. */
export function lineAfterFrontMatter(text: string): number {
  const lines = text.split(/\r?\n/)
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
  const lines = text.split(/\r?\n/)
  if (line > 0 && line >= lines.length) {
    // Front matter runs to the end of the file without a trailing newline.
    return {line: line - 1, character: lines[line - 1].length, text: `${nl}<!-- recovery-lint-disable ${ruleId} -->`}
  }
  return {line, character: 0, text: `<!-- recovery-lint-disable ${ruleId} -->${nl}`}
}

/** The phrase to allow for a finding: its text without a leading article the engine added. */
export function phraseToAllow(text: string): string {
  return text.replace(/^(an?|the)\s+/i, '').replace(/\s+/g, ' ').trim()
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
