/**
 * What can go wrong reading a Word document, and the limits that keep a hostile
 * one (a zip bomb, millions of paragraphs) from taking the process down: every
 * limit is checked from the zip directory before inflating, and again while
 * inflating, so it ends in one clear DocxError, never an out-of-memory abort.
 */

/** A .docx that cannot be reviewed; `message` is one line, without the file name. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DocxError'
  }
}

export interface DocxLimits {
  /** Entries in the zip directory. */
  maxEntries: number
  /** Expanded bytes of one part that is read (the XML of a story, relationships). */
  maxPartBytes: number
  /** Expanded bytes of all the parts read, together. */
  maxTotalBytes: number
  /** Expanded ÷ compressed size of a part that is read, above 1 MB expanded. */
  maxRatio: number
  /** Paragraphs in all the stories together. */
  maxParagraphs: number
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxEntries: 10_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  maxParagraphs: 200_000
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MB`
