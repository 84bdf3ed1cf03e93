/**
 * Reading a document for review, with the checks a user needs named clearly:
 * unreadable, binary, too large, not UTF-8 text.
 */
import {readFileSync, statSync} from 'node:fs'

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

/** Decode bytes as a document, or throw a DocumentError that says why not. */
export function decodeDocument(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes)
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new DocumentError(name, 'binary file, not a text document')
  let text = bytes.toString('utf8')
  // Editors hide a byte-order mark and count columns without it; so do we.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text
}

/** A file's bytes, refusing one past the size limit before reading it. Throws DocumentError. */
export function readBytes(path: string, displayName = path, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  try {
    const size = statSync(path).size
    if (size > maxBytes) throw tooLarge(displayName, size, maxBytes)
    return readFileSync(path)
  } catch (error) {
    if (error instanceof DocumentError) throw error
    const e = error as NodeJS.ErrnoException
    const why = e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message
    throw new DocumentError(displayName, `cannot read: ${why}`)
  }
}

export function readDocument(path: string, displayName = path, maxBytes = DEFAULT_MAX_BYTES): string {
  return decodeDocument(displayName, readBytes(path, displayName, maxBytes), maxBytes)
}

export function tooLarge(name: string, size: number, maxBytes: number): DocumentError {
  return new DocumentError(name, `too large to review (${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`)
}
