/**
 * A quoted label that a form, dashboard or record applies: moved into the "recovered" column,
 * mark a person as "recovering" only if… The quotation marks name a category; the sentence still
 * sets the rule for it, so a frame over such a label is the writer's use, not someone else's words.
 */
import {RangeCover} from '../ranges.js'

/** Words just before the label that apply it. */
const APPLIED_AFTER = new Set(['as', 'mark', 'marked', 'tick', 'ticked', 'record', 'recorded', 'classed', 'classified', 'labelled', 'labeled', 'coded', 'flagged', 'rated', 'status', 'outcome'])
/** Words just after the label that make it a category of a form or record. */
const CATEGORY = new Set(['column', 'columns', 'box', 'boxes', 'category', 'categories', 'status', 'label', 'flag', 'field', 'code', 'rating', 'checkbox', 'band', 'outcome', 'group'])

const LAST_WORD = /([\p{L}-]+)[^\p{L}]*$/u
const FIRST_WORD = /^[^\p{L}]*([\p{L}-]+)/u

/** The quotation holding `offset` is a label of one or two words that the text around it applies. */
export function isAppliedLabel(text: string, spans: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  const span = spans.find(([s, e]) => s <= offset && offset < e)
  if (!span) return false
  const [s, e] = span
  const words = text.slice(s, e).trim().split(/\s+/)
  if (words.length > 2 || e - s > 30) return false
  const before = LAST_WORD.exec(text.slice(Math.max(0, s - 30), Math.max(0, s - 1)))?.[1].toLowerCase()
  const after = FIRST_WORD.exec(text.slice(e + 1, e + 30))?.[1].toLowerCase()
  return (before !== undefined && APPLIED_AFTER.has(before)) || (after !== undefined && CATEGORY.has(after))
}

/** The quotations of one paragraph, and whether a match reports someone else's wording. */
export class Quotations {
  private readonly cover: RangeCover

  constructor(
    private readonly text: string,
    private readonly spans: Array<[number, number]>
  ) {
    this.cover = new RangeCover(spans)
  }

  /**
   * The match is inside a quotation, or a frame's words run into or out of one (the second opinion's
   * touch one at all) ("described as "the most powerful treatment""), unless the quotation is a
   * label the sentence applies to a frame's finding (the "recovered" column).
   */
  reportsOthers(start: number, end: number, frame: boolean, opinion: boolean): boolean {
    // The second opinion's words are the ones that weighed most: quoted words among them are someone else's.
    if (opinion && this.spans.some(([s, e]) => s < end && e > start)) return true
    const quotedStart = this.cover.covers(start, start + 1)
    if (!this.cover.covers(start, end) && !(frame && (quotedStart || this.cover.covers(end - 1, end)))) return false
    return !frame || !isAppliedLabel(this.text, this.spans, quotedStart ? start : end - 1)
  }
}
