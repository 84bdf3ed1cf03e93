/**
 * Word .docx on the Node side: bytes from disk into the pure layer (src/core/docx),
 * and the reviewed copy written to disk through a temporary file and a rename, so
 * a crash never leaves half a document and the input is never touched.
 */
import {mkdirSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {DocxError, openDocx, writeReviewedCopy, type DocxModel, type DocxReview, type Finding, type ReviewedCopy, type Reviewer} from '../core/index.js'
import {DocumentError} from './read-document.js'

export function loadDocx(name: string, bytes: Uint8Array): DocxModel {
  try {
    return openDocx(bytes)
  } catch (error) {
    if (error instanceof DocxError) throw new DocumentError(name, `cannot read as a Word document: ${error.message}`)
    throw new DocumentError(name, `cannot read as a Word document: ${String((error as Error)?.message ?? error).split('\n')[0]}`)
  }
}

/** The page a comment names for a rule: built-in rules have one in docs/rules. */
export function rulePageName(reviewer: Reviewer, id: string): string {
  const rule = reviewer.rule(id)
  return rule?.origin?.startsWith('rules/') ? `${id} (recovery-lint rule page docs/rules/${id}.md)` : rule?.origin ? `${id} (from ${rule.origin.replace(/^.*[\\/]/, '')})` : id
}

export interface WriteDocxOptions {
  trackChanges: boolean
  /** A note's comment on its words inside the note (LibreOffice), not on its reference mark (Word). */
  commentsInNotes?: boolean
  /** Fixed for tests; default now. */
  date?: Date
}

/** Write the reviewed copy of `model` with `findings` (as reviewed) to `outPath`. Throws DocumentError. */
export function writeReviewedDocx(name: string, model: DocxModel, findings: Finding[], places: string[], reviewer: Reviewer, outPath: string, options: WriteDocxOptions): ReviewedCopy {
  const review: DocxReview = {findings, places, paragraphs: findings.map((f) => f.line - 1)}
  let copy: ReviewedCopy
  try {
    copy = writeReviewedCopy(model, review, {trackChanges: options.trackChanges, commentsInNotes: options.commentsInNotes, date: options.date, rule: (id) => reviewer.rule(id), rulePage: (id) => rulePageName(reviewer, id)})
  } catch (error) {
    throw new DocumentError(name, `cannot write the reviewed copy: ${String((error as Error)?.message ?? error).split('\n')[0]}`)
  }
  const tmp = `${outPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    mkdirSync(dirname(outPath), {recursive: true})
    writeFileSync(tmp, copy.bytes, {flag: 'wx'})
    renameSync(tmp, outPath)
  } catch (error) {
    try {
      unlinkSync(tmp)
    } catch {
      // nothing was written
    }
    throw new DocumentError(name, `cannot write the reviewed copy to ${outPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  return copy
}
