/**
 * Reading a document for review, with the checks a user needs named clearly:
 * unreadable, binary, too large, not UTF-8 text.
 */
import {readFileSync, statSync} from 'node:fs'
import type {Format} from '../core/types.js'

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

export function formatFor(path: string): Format {
  return /\.(md|markdown|mdown|mkd|mdx)$/i.test(path) ? 'markdown' : 'text'
}

/** Decode bytes as a document, or throw a DocumentError that says why not. */
export function decodeDocument(name: string, bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new DocumentError(name, `too large to review (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`)
  }
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) throw new DocumentError(name, 'binary file, not a text document')
  let text = bytes.toString('utf8')
  // Editors hide a byte-order mark and count columns without it; so do we.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text
}

export function readDocument(path: string, displayName = path, maxBytes = DEFAULT_MAX_BYTES): string {
  let bytes: Buffer
  try {
    const size = statSync(path).size
    if (size > maxBytes) {
      throw new DocumentError(displayName, `too large to review (${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`)
    }
    bytes = readFileSync(path)
  } catch (error) {
    if (error instanceof DocumentError) throw error
    const e = error as NodeJS.ErrnoException
    const why = e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message
    throw new DocumentError(displayName, `cannot read: ${why}`)
  }
  return decodeDocument(displayName, bytes, maxBytes)
}
