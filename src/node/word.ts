/**
 * The editor's "Review Word document" on Node (the language server's host):
 * review a .docx from disk and write NAME.reviewed.docx beside it (comments on
 * the flagged words), through the same pure Word layer as the CLI's --review-docx.
 */
import type {Finding, Reviewer} from '../core/index.js'
import {writeReviewedDocx} from './docx.js'
import {loadDocument, reviewDocument} from './documents.js'

export interface WordReview {
  findings: Finding[]
  places: string[]
  output: string
  comments: number
}

export const reviewedCopyPath = (path: string) => path.replace(/(\.docx)?$/i, '.reviewed.docx')

/** Throws DocumentError (one line naming the file) when the document cannot be read or written. */
export async function reviewWordFile(path: string, name: string, reviewer: Reviewer): Promise<WordReview> {
  const doc = await loadDocument(path, name, 'docx')
  const reviewed = reviewDocument(reviewer, doc)
  const places = reviewed.places ?? []
  const output = reviewedCopyPath(path)
  const copy = writeReviewedDocx(name, doc.docx!, reviewed.findings, places, reviewer, output, {trackChanges: false})
  return {findings: reviewed.findings, places, output, comments: copy.comments}
}
