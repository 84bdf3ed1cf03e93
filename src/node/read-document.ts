/**
 * Reading a document for review, with the checks a user needs named clearly:
 * unreadable, not a regular file, too large (from `stat`, before reading),
 * binary, not valid UTF-8. UTF-8 (with or without a byte-order mark) and UTF-16
 * with a byte-order mark are decoded.
 */
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs'

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'DocumentError'
  }
}

/** A document's text and what decoding it found. */
export interface Decoded {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  /** A UTF-8 byte-order mark was dropped (kept when fixing). */
  bom: boolean
  /** Writing `text` back as UTF-8 reproduces the bytes: only then may --fix write the file. */
  lossless: boolean
  /** Something the user should know (invalid UTF-8, read with U+FFFD in its place). */
  warning?: string
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true})

/** Decode bytes as a document, or throw a DocumentError that says why not. */
export function decodeText(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes)
  // UTF-16 with a byte-order mark (Notepad's "Unicode"): its NULs do not make it binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    if (bytes.length % 2 !== 0) throw new DocumentError(name, `not valid ${encoding.toUpperCase()} text (an odd number of bytes)`)
    let text: string
    try {
      text = new TextDecoder(encoding, {fatal: true}).decode(bytes)
    } catch {
      throw new DocumentError(name, `not valid ${encoding.toUpperCase()} text`)
    }
    if (text.includes('\0')) throw new DocumentError(name, 'binary file, not a text document')
    return {text, encoding, bom: false, lossless: false}
  }
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new DocumentError(name, 'binary file, not a text document')
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  let text = bytes.toString('utf8')
  // Editors hide a byte-order mark and count columns without it; so do we.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let lossless = true
  let warning: string | undefined
  try {
    strictUtf8.decode(bytes)
  } catch {
    lossless = false
    const at = firstInvalidUtf8(bytes)
    const before = bytes.subarray(bom ? 3 : 0, at).toString('utf8')
    const line = before.split(/\r\n|\r|\n/)
    warning = `not valid UTF-8 text (line ${line.length}, column ${line[line.length - 1].length + 1})`
  }
  return {text, encoding: 'utf-8', bom, lossless, warning}
}

/** Decode bytes as a document's text, or throw a DocumentError that says why not. */
export function decodeDocument(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeText(name, bytes, maxBytes).text
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (n < 0) return i
    // Overlong, surrogate and out-of-range sequences are caught by the decoder; good enough for a position.
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i
    i += n + 1
  }
  return bytes.length
}

/** A one-line reason for a failed read, from its error code. */
export function readProblem(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'is a directory'
    case 'ELOOP':
      return 'a loop of symbolic links'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'EIO':
      return 'input/output error'
    default:
      return e.code ? `${e.code}` : String(e.message).split('\n')[0]
  }
}

// `constants` is absent where this module is bundled for a browser (the review page decodes with it, never opens files).
const NONBLOCK = constants?.O_NONBLOCK ?? 0

/**
 * A regular file's bytes, at most `maxBytes`: the size is checked from `stat` before
 * reading, and the read stops past the limit (a file can grow, or lie about its size).
 * FIFOs, devices, sockets and directories are refused: a FIFO would block the read and
 * a device such as /dev/zero never ends. The file is opened without blocking and then
 * checked, so it cannot be swapped for a FIFO between the check and the read.
 * Throws DocumentError.
 */
export function readBytes(path: string, displayName = path, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK)
  } catch (error) {
    throw new DocumentError(displayName, `cannot read: ${readProblem(error as NodeJS.ErrnoException)}`)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw new DocumentError(displayName, 'cannot read: is a directory')
    if (!stat.isFile()) throw new DocumentError(displayName, `cannot read: not a regular file (${fileType(stat)})`)
    if (stat.size > maxBytes) throw tooLarge(displayName, stat.size, maxBytes)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 1, 1 << 20, maxBytes + 1 - total))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      total += n
      if (total > maxBytes) throw tooLarge(displayName, total, maxBytes)
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n))
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)
  } catch (error) {
    if (error instanceof DocumentError) throw error
    throw new DocumentError(displayName, `cannot read: ${readProblem(error as NodeJS.ErrnoException)}`)
  } finally {
    closeSync(fd)
  }
}

export function fileType(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a named pipe'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSocket()) return 'a socket'
  return 'not a file'
}

export function readDocument(path: string, displayName = path, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeDocument(displayName, readBytes(path, displayName, maxBytes), maxBytes)
}

export function tooLarge(name: string, size: number, maxBytes: number): DocumentError {
  return new DocumentError(name, `too large to review (${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`)
}
