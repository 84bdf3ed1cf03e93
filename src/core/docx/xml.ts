/**
 * A small XML scanner that reports every tag and text with its offsets in the
 * source string, so a part can be edited by splicing its text, never by
 * re-serialising it (which would change bytes far from any edit). Office XML is
 * machine-written and well-formed; this reads it without DTDs or custom entities
 * (which OOXML forbids) and without recursion, so depth cannot overflow a stack.
 */
import {DocxError} from './errors.js'

export interface XmlHandler {
  /** A start tag `<name …>` (or `<name …/>` when `selfClosing`), source range [start, end). */
  open(name: string, start: number, end: number, selfClosing: boolean): void
  close(name: string, start: number, end: number): void
  /** Character data, source range [start, end) (entities not decoded). */
  text(start: number, end: number): void
}

export function scanXml(xml: string, handler: XmlHandler, where = 'XML'): void {
  let pos = 0
  const n = xml.length
  // Open elements' names: a close tag must match (Word refuses a part that is not well-formed; so do we).
  const open: string[] = []
  while (pos < n) {
    const lt = xml.indexOf('<', pos)
    if (lt === -1) {
      handler.text(pos, n)
      break
    }
    if (lt > pos) handler.text(pos, lt)
    const next = xml.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) pos = after(xml, '-->', lt + 4, where)
      else if (xml.startsWith('<![CDATA[', lt)) pos = after(xml, ']]>', lt + 9, where)
      else pos = after(xml, '>', lt + 2, where) // a DOCTYPE: ignored, its entities are not expanded
      continue
    }
    if (next === 0x3f /* ? */) {
      pos = after(xml, '?>', lt + 2, where)
      continue
    }
    // The end of the tag: the first '>' outside a quoted attribute value.
    let i = lt + 1
    let quote = 0
    for (; i < n; i++) {
      const c = xml.charCodeAt(i)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 0x22 || c === 0x27) quote = c
      else if (c === 0x3e) break
    }
    if (i >= n) throw new DocxError(`corrupt: ${where} ends inside a tag`)
    const end = i + 1
    if (next === 0x2f /* / */) {
      const name = xml.slice(lt + 2, i).trim()
      const expected = open.pop()
      if (expected !== name) throw new DocxError(`corrupt: ${where} is not well-formed (</${name}> ${expected === undefined ? 'closes nothing' : `where </${expected}> was due`})`)
      handler.close(name, lt, end)
    } else {
      let j = lt + 1
      while (j < i && !isNameEnd(xml.charCodeAt(j))) j++
      const selfClosing = xml.charCodeAt(i - 1) === 0x2f
      if (!selfClosing) open.push(xml.slice(lt + 1, j))
      handler.open(xml.slice(lt + 1, j), lt, end, selfClosing)
    }
    pos = end
  }
  if (open.length) throw new DocxError(`corrupt: ${where} ends before <${open[open.length - 1]}> is closed`)
}

const isNameEnd = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e

function after(xml: string, close: string, from: number, where: string): number {
  const at = xml.indexOf(close, from)
  if (at === -1) throw new DocxError(`corrupt: ${where} ends inside a comment or declaration`)
  return at + close.length
}

/** The value of attribute `name` in the tag source [start, end), entities decoded. */
export function attribute(xml: string, start: number, end: number, name: string): string | undefined {
  const tag = xml.slice(start, end)
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`)
  const m = re.exec(tag)
  return m ? decodeEntities(m[2] ?? m[3]) : undefined
}

const NAMED: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

export function decodeEntities(s: string): string {
  return s.indexOf('&') === -1 ? s : decodeWithMap(s, 0).text
}

/**
 * Decode character data, with the source offset of every decoded UTF-16 unit
 * (`map[i]` for unit i, and `map[text.length]` = the end of the source).
 */
export function decodeWithMap(s: string, base: number): {text: string; map: number[] | undefined} {
  if (s.indexOf('&') === -1) return {text: s, map: undefined}
  let text = ''
  const map: number[] = []
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c === '&') {
      const semi = s.indexOf(';', i)
      const body = semi === -1 ? '' : s.slice(i + 1, semi)
      let decoded: string | undefined = NAMED[body]
      if (decoded === undefined && body[0] === '#') {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
        if (Number.isFinite(code) && code >= 0 && code < 0x110000) decoded = String.fromCodePoint(code)
      }
      if (decoded !== undefined) {
        for (let k = 0; k < decoded.length; k++) map.push(base + i)
        text += decoded
        i = semi + 1
        continue
      }
    }
    map.push(base + i)
    text += c
    i++
  }
  map.push(base + s.length)
  return {text, map}
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
