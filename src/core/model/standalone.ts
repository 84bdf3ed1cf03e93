/**
 * Where the second opinion may speak when it keeps out of running prose (`proseThreshold: null`):
 * sentences that stand alone (list items, table cells, fields, one-sentence paragraphs). A paragraph
 * that shows a sentence boundary inside it is prose whatever the sentence splitter makes of it, so the
 * prefilter can rule out, line by line, text where every trigger word sits on such a line: the review
 * would not ask the model there either. Most of a document's paragraphs are prose, and the trigger
 * words are common: without this they let most paragraphs through to the parser for nothing.
 */
import {Prefilter} from '../match/prefilter.js'

/** Where a sentence stands: in running prose, in a list item, in a table row, or alone on its line (a field, a one-sentence paragraph). */
export type Setting = 'prose' | 'item' | 'row' | 'line'

/**
 * A sentence boundary inside one line: a lower-case word, its full stop, ? or !, a space and a capital ("…the plan. The
 * person…"); not after a title or a Latin abbreviation ("Mr. Pruitt", "e.g. Housing"), which the sentence splitter reads through.
 */
const STOP = String.raw`(?<=[a-z])(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|Mt|Fr|Jr|Sr|Prof|Rev|vs|etc|cf|al|approx|incl|e\.g|i\.e))[.!?]["'\u2019\u201d)\]]*`
const NEXT = String.raw`["'\u2018\u201c([]*[A-Z]`
const BOUNDARY = new RegExp(`${STOP}[ \t]+${NEXT}`, 'g')
/** The same across a line break: a paragraph wrapped after a sentence. */
const WRAPPED_BOUNDARY = new RegExp(`${STOP}\\s+${NEXT}`, 'g')

/**
 * Whether `text` shows a sentence boundary of running prose, in one scan: any boundary but a lone question's (a question
 * and its one answer, "Why have peers on the unit? Because residents need…", are an FAQ's entry).
 */
function proseBoundary(text: string, boundary: RegExp): boolean {
  boundary.lastIndex = 0
  const first = boundary.exec(text)
  return first !== null && (!first[0].includes('?') || boundary.exec(text) !== null)
}

/**
 * Whether a paragraph's text shows two sentences. A digit before the stop is not one ("1. Staff…", "in 2024. The"). Where a
 * line shows one (the prefilter's test), so does its paragraph.
 */
export const showsTwoSentences = (text: string): boolean => proseBoundary(text, WRAPPED_BOUNDARY)

/** The lines of `text` that show no sentence boundary (or only a question's): where a sentence standing alone may be. */
export function standaloneLines(text: string): string {
  if (!proseBoundary(text, BOUNDARY)) return text
  return text
    .split('\n')
    .filter((line) => !proseBoundary(line, BOUNDARY))
    .join('\n')
}

/** The prefilter's test for the second opinion's trigger words, in all the text or, when it keeps out of prose, in its standalone lines. */
export class TriggerGate {
  private readonly prefilter: Prefilter

  constructor(
    triggers: ReadonlySet<string>,
    private readonly inProse: boolean
  ) {
    this.prefilter = new Prefilter([{phrases: [{slots: [{forms: new Map([...triggers].map((w) => [w, false]))}]}], guards: []}])
  }

  mayJudge(text: string): boolean {
    return this.prefilter.mayMatch(this.inProse ? text : standaloneLines(text))
  }
}
