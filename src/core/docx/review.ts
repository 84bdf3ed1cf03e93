/**
 * Reviewing a Word document: each paragraph of each story goes through the
 * engine's plain-text review on its own. Findings carry offsets into the
 * model's joined text; `line` is the paragraph's number in reading order across
 * the whole document (so it names one paragraph, and a body-only document counts
 * as before), `column` the character within the paragraph; `places` say where
 * that is in words a Word user can follow ("footnote 3 ¶1").
 */
import type {Reviewer} from '../review.js'
import type {Finding} from '../types.js'
import type {DocxModel} from './model.js'

export interface DocxReview {
  findings: Finding[]
  /** Per finding: its section and paragraph, e.g. "body ¶12", "header1 ¶1", "footnote 3 ¶1". */
  places: string[]
  /** Per finding: the paragraph's index in `model.paragraphs`. */
  paragraphs: number[]
}

export function reviewDocx(reviewer: Reviewer, model: DocxModel): DocxReview {
  const out: DocxReview = {findings: [], places: [], paragraphs: []}
  model.paragraphs.forEach((paragraph, i) => {
    const {text} = paragraph
    if (!text.trim() || !reviewer.mayMatch(text)) return
    const base = model.starts[i]
    for (const f of reviewer.review(text, 'text')) {
      out.findings.push({...f, offset: f.offset + base, endOffset: f.endOffset + base, line: i + 1, endLine: i + 1})
      out.places.push(placeOf(model, i))
      out.paragraphs.push(i)
    }
  })
  return out
}

export const placeOf = (model: DocxModel, i: number) => `${model.paragraphs[i].section} ¶${model.paragraphs[i].index}`
