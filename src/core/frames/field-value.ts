/**
 * A form field's value: "Goals: set by the care coordinator", "Support plan: to be written by the key worker", "Goals set by: the key worker",
 * "Tenancy goals (to be filled in by the officer)". After a colon or an opening bracket, a participle (alone or after "to be") with a by-phrase close behind says what was done to the
 * label before the colon, so the colon does not end the label's clause. So does a clinical measure after a
 * recovery label ("Recovered: HoNOS below 8 at discharge"): the field defines recovery by it.
 */
import type {Token} from '../match/tokens.js'
import type {Hit} from './hits.js'

/** What this needs of the clause reader (clause.ts, which imports this module; shared-passive.ts needs the same). */
export interface Reader {
  readonly tokens: Token[]
  readonly hits: readonly Hit[]
  norm(i: number): string
  gap(i: number): string
}

/** The clause reader's noun test (a noun class ends at the token), for a cell's verb. */
interface NounReader {
  isNoun(i: number): boolean
}

/** Whether the colon (or bracket) in `gap`, before token i, opens a field's value that continues the label's clause. */
export function fieldValue(reader: Reader & NounReader, i: number, gap: string): boolean {
  // "| Fully recovered | No sickness absence for 12 weeks… |": a table row's next cell defines its recovery label as a colon would.
  // "| Care plan goals | decided by the consultant at the joint review |": a participle with its by-phrase in the next cell, as after a colon.
  // "| Manager on duty | Decides whether the member is well enough |": a cell that opens on a verb says what the cell before it does.
  if (TABLE_CELL.test(gap)) return recoveryField(reader, i) || participleBy(reader, i) || verbCell(reader, i)
  // "Goals set by – care coordinator": after "by", a spaced dash sets out the value as a colon does.
  if (/^\s+[-\u2013\u2014]\s+$/.test(gap) && byValue(reader, i)) return true
  if (!FIELD_COLON.test(gap)) return false
  // A bracket opens a value only when it closes the sentence ("Tenancy goals (to be filled in by…)."), not one inside running prose.
  if (gap.includes('(') && !closesSentence(reader, i)) return false
  // After a quoted label, only a short name ("Agreed goals": …); a quoted heading of many words is its own sentence.
  if (/["\u201d]/.test(gap) && !shortQuote(reader, i)) return false
  if (recoveryField(reader, i)) return true
  // "Goals set by: care coordinator", "Plan agreed by: parent and coordinator": the value is the by-phrase's agent.
  if (gap.includes(':') && byValue(reader, i)) return true
  return participleBy(reader, i)
}

/** A participle at token i (alone or after "to be") with a by-phrase close behind: "set by the care coordinator". */
function participleBy(reader: Reader, i: number): boolean {
  let p = i
  if (reader.norm(p) === 'to' && reader.norm(p + 1) === 'be') p += 2
  if (!reader.hits.some((h) => h.start === p && h.participle)) return false
  for (let k = p + 1; k < Math.min(reader.tokens.length, p + 4); k++) if (reader.norm(k) === 'by') return true
  return byFollows(reader, p + 1)
}

/** A cell that opens on a class word's -s form that is no plural ("Decides", "Checks") after a cell of at most four words with no verb in it. */
function verbCell(reader: Reader & NounReader, i: number): boolean {
  if (!/^[a-z]{3,}[^s']s$/.test(reader.norm(i)) || reader.isNoun(i) || !reader.hits.some((h) => h.start === i && h.end === i + 1)) return false
  let k = i - 1
  while (k > 0 && !TABLE_CELL.test(reader.gap(k))) k--
  return i - k <= 4 && !reader.tokens.slice(k, i).some((t) => /^(is|are|was|were|has|have|will|can|should|must|do|does)$/.test(t.norm))
}

/** Whether token i follows a participle's "by" ("Goals set by"). */
function byValue(reader: Reader, i: number): boolean {
  return i >= 2 && reader.norm(i - 1) === 'by' && reader.hits.some((h) => h.end === i - 1 && h.participle)
}

/** Whether the quotation closed before token i holds at most three words. */
function shortQuote(reader: Reader, i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) if (/["\u201c]/.test(reader.gap(k))) return true
  return false
}

/** Whether the bracket opened before token i closes only at the sentence's end. */
function closesSentence(reader: Reader, i: number): boolean {
  for (let k = i + 1; k < reader.tokens.length; k++) if (reader.gap(k).includes(')')) return false
  return true
}

/** A colon after a label, or after its closing bracket or quotation mark ("Outcome 3 (recovered): …", "section D, "Agreed goals": …"), or a bracket opening on the value. */
const FIELD_COLON = /^\s*(?:["\u201d]?\)?\s*:|\()\s*$/

const TABLE_CELL = /^\s*\|\s*$/
/**
 * A label of at most four words that ends on a recovery word ("Recovered:", "Outcome 3 (recovered):"), or a table cell
 * that does ("| 5.2 | Participants who reach recovery | …"), and a clinical measure in the value close behind.
 */
export function recoveryField(reader: Reader, i: number): boolean {
  const cell = TABLE_CELL.test(reader.gap(i))
  if (cell && recoveryCellAfterMeasure(reader, i)) return true
  if (i > (cell ? 7 : 4) || !(cell || FIELD_COLON.test(reader.gap(i))) || (reader.gap(i).includes('(') && !closesSentence(reader, i)) || !reader.hits.some((h) => h.cls === 'recovery' && h.end === i)) return false
  // Not a measure set aside: "Recovery: measured by what the person values, not by HoNOS".
  const contrasted = (k: number) => [1, 2, 3].some((d) => /^(not|than|instead)$/.test(reader.norm(k - d)))
  return reader.hits.some((h) => h.cls === 'measure' && h.start >= i && h.start < i + 8 && !contrasted(h.start))
}

/**
 * "| Change in K10 score … | Average fall of 5 points | Whether the person has recovered |": a short cell (at most six words,
 * up to the row's next cell) that names recovery, in a row whose earlier cell names a clinical measure, says what the measure is
 * read as. Not "| Recovery college | Attendance |": `recovery` words naming a place are not in the class.
 */
function recoveryCellAfterMeasure(reader: Reader, i: number): boolean {
  let end = i + 1
  while (end < reader.tokens.length && !TABLE_CELL.test(reader.gap(end))) end++
  if (end - i > 6 || !reader.hits.some((h) => h.cls === 'recovery' && h.start >= i && h.end <= end)) return false
  return reader.hits.some((h) => h.cls === 'measure' && h.end <= i)
}

/**
 * A frame's key span starts in the table cell of its anchor word: in "| Average fall of 5 points | Whether the person has
 * recovered |" the finding marks the recovery cell, not from "points |" across the cell wall. A span may still run on into
 * the next cell ("| Recovered | PHQ-9 below 10 |"): that cell is what defines the anchor.
 */
export function withinCell(tokens: Token[], text: string, start: number, end: number, anchor: number): {start: number; end: number} {
  for (let k = anchor; k > start; k--) if (TABLE_CELL.test(text.slice(tokens[k - 1].end, tokens[k].start))) return {start: k, end}
  return {start, end}
}

/**
 * Whether a participle's agent follows at k: "set by", or past a time word or phrase, "set each month by", "rated weekly by".
 * Without an auxiliary ("Goals: set each month by your support worker"), only the "by" shows the passive.
 */
export function byFollows(reader: Reader, k: number): boolean {
  const n = reader.norm(k)
  if (n === 'by') return true
  // "each month by", "every three months by", "once a year by", "twice a week by"
  if (/^(each|every|this|next|once|twice)$/.test(n)) {
    const count = /^(a|an|two|three|four|six|twelve|few|\d+)$/.test(reader.norm(k + 1)) ? 1 : 0
    return TIME_NOUN.test(reader.norm(k + 1 + count)) && reader.norm(k + 2 + count) === 'by'
  }
  return /^(daily|weekly|fortnightly|monthly|quarterly|annually|yearly|regularly|jointly|later|first|again)$/.test(n) && reader.norm(k + 1) === 'by'
}
/** Words a time phrase ends in ("each month", "every three weeks", "this morning"). */
export const TIME_NOUN = /^(morning|afternoon|evening|night|day|days|week|weeks|fortnight|fortnights|month|months|quarter|quarters|year|years|term|terms|review|reviews|visit|visits|session|sessions|time)$/
