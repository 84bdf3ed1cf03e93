/**
 * mdast and hast text values drop what the markup wraps around prose (blockquote
 * markers, list indentation, backslash escapes, character references, CRs). mdast-util-to-nlcst
 * places words by counting characters from a text node's start, so such a node
 * would put later words in the wrong place. Splitting it into pieces that each
 * equal their source slice keeps every word on its exact source position.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Text} from 'mdast'
import type {LineIndex} from '../positions.js'

/** A code point as micromark decodes it: out of range, surrogates and NUL become U+FFFD. */
function codePoint(value: number): string {
  const bad = !(value > 0) || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)
  return String.fromCodePoint(bad ? 0xfffd : value)
}

/** `&name;`, `&#123;`, `&#x7B;`; HTML also allows some names without the semicolon. */
const REFERENCE = /^&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/

function decodeReference(ref: string): string | undefined {
  const body = ref.slice(1, ref.endsWith(';') ? -1 : undefined)
  if (body.startsWith('#x') || body.startsWith('#X')) return codePoint(parseInt(body.slice(2), 16))
  if (body.startsWith('#')) return codePoint(parseInt(body.slice(1), 10))
  return decodeNamedCharacterReference(body) || undefined
}

/** Pieces of `node` whose values equal their source slices; `undefined` when none is needed, `[]` when it cannot be aligned. */
export function alignText(node: {value: string; position?: Text['position']}, source: string, lines: LineIndex): Text[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const value = node.value
  if (end - start === value.length && source.startsWith(value, start)) return undefined

  const pieces: Text[] = []
  let pieceValue = ''
  let pieceStart = -1
  let j = start
  const flush = (atEnd: number) => {
    if (pieceValue) pieces.push(piece(pieceValue, pieceStart, atEnd, lines))
    pieceValue = ''
  }
  for (let i = 0; i < value.length; ) {
    if (j >= end) return [] // could not align: review none of it rather than report wrong places
    if (source[j] === '&') {
      // A character reference stands, decoded, for the whole reference (unless the value kept it literally).
      const ref = REFERENCE.exec(source.slice(j, j + 40))
      const decoded = ref && !value.startsWith(ref[0], i) ? decodeReference(ref[0]) : undefined
      if (ref && decoded && value.startsWith(decoded, i)) {
        flush(j)
        pieces.push(piece(decoded, j, j + ref[0].length, lines))
        i += decoded.length
        j += ref[0].length
        continue
      }
    }
    // micromark writes a NUL as U+FFFD: one character for one, so positions hold.
    if (source[j] === value[i] || (source[j] === '\0' && value[i] === '\ufffd')) {
      if (!pieceValue) pieceStart = j
      pieceValue += value[i]
      i++
      j++
      continue
    }
    // Markup the value leaves out (markers, indentation, escapes, a CR before LF): skip it.
    flush(j)
    j++
  }
  flush(j)
  return pieces
}

function piece(value: string, start: number, end: number, lines: LineIndex): Text {
  return {type: 'text', value, position: {start: lines.point(start), end: lines.point(end)}}
}
