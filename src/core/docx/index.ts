/**
 * Word .docx, pure (bytes in, bytes out; no Node API): open a document and read
 * every story as paragraphs, review them, and write a reviewed copy with
 * comments and tracked changes. Runs in the CLI, the language server and a browser.
 */
export {DocxError, DEFAULT_DOCX_LIMITS, type DocxLimits} from './errors.js'
export {openDocx, paragraphAt, type DocxModel} from './model.js'
export {reviewDocx, placeOf, type DocxReview} from './review.js'
export {writeReviewedCopy, REVIEW_AUTHOR, REVIEW_INITIALS, type ReviewedCopy, type ReviewedCopyOptions} from './write.js'
export type {DocxParagraph, Piece, Protection} from './stories.js'
