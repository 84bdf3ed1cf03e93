/**
 * A list or table introduced by a lead-in that negates or sets an exercise is not
 * the document using its items' wording:
 *
 *     Peer specialists do not:
 *     - monitor medication adherence
 *
 *     Spot the language in these sentences:
 *     - The patient is non-compliant.
 *
 * The lead-in is read from the source above the list, so every way of reviewing a
 * document (whole, in regions, in slices) sees the same thing.
 */

/** What a lead-in makes of the list under it. */
export type LeadIn = 'rejected' | 'discussed' | undefined

// Markdown's list markers, a table row, the lettered items of policies ("a) …", "(b) …"), and a quoted extract.
const LIST_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\(?[a-z]\))[ \t]+|^[ \t]*[|>]/
/** A lead-in that lists reasons or circumstances ("Reasons it may not go ahead include:"). */
const REASONS = /\b(?:reasons?|grounds|circumstances|situations)\b[^:]*\b(?:include|includes|including|are)\s*[*_]*:[*_]*$/i
const NEGATED = /\b(not|never|no longer|don'?t|doesn'?t|won'?t|cannot|can'?t|mustn'?t|shouldn'?t|aren'?t|isn'?t|nor|neither|avoid|instead of|rather than)\b/i
const EXERCISE =
  /\b(spot|rewrite|re-write|reword|rephrase|underline|circle|highlight|(extract|example|passage|letter|note|referral) below|how would you (re-?write|reword|rephrase|say|put|word|phrase)|which of (these|the following)|(sort|group|classify|rank|match) (these|the following) (words?|phrases?|terms?)|discuss|critique|examples? (of|to)|terms such as|words such as|phrases such as|moving away from|no longer use|outdated|unhelpful (language|terms|words|phrases)|words? to avoid|phrases? to avoid|language to avoid|terms? to avoid|try instead|say instead|use instead)\b/i
const MARK_UP = /\b(underline|circle|highlight|spot|rewrite|re-write|reword|rephrase)\b[^.]*\b(words?|phrases?|language|labels?|terms?|it|this|them)\b|\b(extract|example|passage|letter|note|referral) below\b/i
/** A quiz's options, right and wrong, are set out to be weighed: "### Sample question", "Multiple-choice items". */
const QUIZ = /\b(?:sample|practice|exam|test|quiz|knowledge[- ]check|multiple[- ]choice)\s+(?:questions?|items?)\b/i
/** A multiple-choice option: "- A. …", "C) …" (capital letters: a policy letters its clauses "a)", "(b)"). */
const OPTION = /^[ \t]*(?:[-*+][ \t]+)?\(?[A-E][.)][ \t]/
/** How far back to look for the lead-in. */
const LOOK_BACK = 4000

/** For a paragraph starting at `start` inside a list or table, what its lead-in makes of it. */
export function leadInOf(text: string, start: number): LeadIn {
  const lead = leadInText(text, start)
  if (lead === undefined) return undefined
  // Marking up wording sets out what follows whatever the lead-in's last mark ("Read the extract below and underline…").
  // A quiz's lead-in sets out what follows as its items ("### Sample question", "Practice questions:"); a sentence
  // that only mentions an exam ("The exam has 100 multiple-choice questions across five domains.") leads into its syllabus.
  if (MARK_UP.test(lead) || (QUIZ.test(lead) && !/[.!]\**$/.test(lead))) return 'discussed'
  if (!/[:?]\**$/.test(lead)) return undefined
  // A quiz's lettered options under its stem ("The best first step is to:" / "- A. note that he is non-compliant").
  if (EXERCISE.test(lead) || OPTION.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start + 8))) return 'discussed'
  // "may not be the right place for:", "is not suitable for:": who a service is not for; its items are still its own words.
  // Only the sentence that leads in: "…, not for a diagnosis. The form asks:" lists what the form asks, not what is refused.
  const last = lastSentence(lead)
  // "Reasons it may not go ahead include:": the items are the writer's own reasons, whatever the negation says of the rest.
  if (NEGATED.test(last) && !/\bfor\s*[*_]*:[*_]*$/.test(last) && !REASONS.test(last)) return 'rejected'
  return undefined
}

/** The last sentence of a lead-in paragraph: the one its colon ends. */
function lastSentence(lead: string): string {
  const parts = lead.split(/(?<=[.!?][*_)"\u201d\u2019]*)\s+(?=[*_"\u201c\u2018(]*[A-Z0-9])/)
  // "Staff must never say these things. For instance:": a last sentence that only points back leads in with the one before it.
  let i = parts.length - 1
  while (i > 0 && POINTING_BACK.test(parts[i])) i--
  return parts.slice(i).join(' ')
}
const POINTING_BACK = /^[*_"\u201c\u2018(]*(?:for example|for instance|e\.g\.|examples?|these|those|they|this|such|some|here|(?:the )?(?:most )?common|the list|the following|including|include)\b/i

/** The lead-in's own subject, when it leaves its items to finish its sentence: "The care coordinator will:". */
// "You will also:", "Peer workers will be expected to:": an adverb or a passive of duty after the modal.
const SUBJECT_LEAD = /(?:^|[.!?]\s+)([^.!?:]*?\b(?:(?:will|should|must|shall|would)(?: (?:also|then|usually|typically|normally|regularly|additionally|often))?(?: be (?:expected|required|asked) to)?|(?:is|are) expected to|(?:is|are) required to|(?:is|are) responsible for))\s*[*_]*:[*_]*$/i

/**
 * "Facilitators:", "Our peer workers:", "Staff:": a role alone before the colon, whose items say what they do ("- decide which
 * topics…"). Only a role noun: "Key responsibilities:" or "Duties:" name no one, and the document's role stays the subject.
 */
const BARE_ROLE_LEAD = /(?:^|[.!?]\s+)[*_]*((?:the |our |all |each |your )?(?:[a-z-]+ ){0,2}(?:facilitators|workers|staff|mentors|coordinators|nurses|clinicians|volunteers|specialists|coaches|practitioners|officers|managers|team|therapists|psychiatrists|doctors|advocates|navigators|supporters|keyworkers|key workers|leads))[*_]*\s*[*_]*:[*_]*$/i

/**
 * For a list item under a lead-in such as "The care coordinator will:", the words its items continue
 * ("The care coordinator will"), so an item ("decide the person's goals …") is read with its subject.
 */
export function leadInSubject(text: string, start: number): string | undefined {
  const lead = leadInText(text, start)
  if (lead === undefined || EXERCISE.test(lead) || NEGATED.test(lastSentence(lead))) return undefined
  const m = SUBJECT_LEAD.exec(lead.replace(/\s+/g, ' ')) ?? BARE_ROLE_LEAD.exec(lead.replace(/\s+/g, ' '))
  return m ? m[1].replace(/[*_`]/g, '').trim() : undefined
}

/** The text of the lead-in above the list holding the paragraph at `start`. */
function leadInText(text: string, start: number): string | undefined {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1
  if (!LIST_LINE.test(text.slice(lineStart, Math.min(text.length, lineStart + 200)))) return undefined
  const floor = Math.max(0, start - LOOK_BACK)
  // Walk up over the list (items, their continuation lines, blank lines between items).
  while (lineStart > floor) {
    const prevEnd = lineStart - 1
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1
    const line = text.slice(prevStart, prevEnd).replace(/\r$/, '')
    if (LIST_LINE.test(line) || /^[ \t]+\S/.test(line) || line.trim() === '' && isListAbove(text, prevStart, floor)) {
      lineStart = prevStart
      continue
    }
    // One blank line may part the lead-in from its list ("do **not**:", blank, "- diagnose").
    if (line.trim() === '') {
      if (prevStart <= floor) return undefined
      const aboveStart = text.lastIndexOf('\n', prevStart - 2) + 1
      const above = text.slice(aboveStart, prevStart - 1).replace(/\r$/, '')
      if (above.trim() === '' || LIST_LINE.test(above)) return undefined
      return leadInAbove(text, aboveStart, prevStart - 1, floor)
    }
    return leadInAbove(text, prevStart, prevEnd, floor)
  }
  return undefined
}

/** The lead-in paragraph whose last line is [lastStart, lastEnd): that line and the ones above it up to a blank line. */
function leadInAbove(text: string, lastStart: number, lastEnd: number, floor: number): string {
  let leadStart = lastStart
  while (leadStart > floor) {
    const s = text.lastIndexOf('\n', leadStart - 2) + 1
    if (text.slice(s, leadStart - 1).trim() === '') break
    leadStart = s
  }
  return text.slice(leadStart, lastEnd).trim()
}

/** A blank line inside a list: the line above it is an item or a continuation. */
function isListAbove(text: string, blankStart: number, floor: number): boolean {
  if (blankStart <= floor) return false
  const s = text.lastIndexOf('\n', blankStart - 2) + 1
  const line = text.slice(s, blankStart - 1)
  return LIST_LINE.test(line) || /^[ \t]+\S/.test(line)
}

/**
 * Whether [start, end) touches a line that ends with a colon: a possible lead-in, whose edit
 * ("do **not**:" → "do:") changes how the whole list under it reads.
 */
export function touchesLeadIn(text: string, start: number, end: number): boolean {
  const from = text.lastIndexOf('\n', start - 1) + 1
  let to = text.indexOf('\n', end)
  if (to === -1) to = text.length
  return /:[*_\s]*$/m.test(text.slice(from, to).replace(/\r/g, ''))
}

/**
 * "| Area | Carron Valley Housing Association | Tide Turn Peer Support |": in a who-does-what table a column's header
 * names who does what its cells say ("Decide which tenants need peer support"), as a lead-in names who does its items.
 */
// Not an instruction or a signpost ("Talk to your doctor", "Ask your peer worker", "Information for staff").
export const ROLE_HEADER = /^(?!(?:ask|talk|speak|contact|call|tell|see|phone|ring|email|for|to|from|with|about|information|questions|notes|tips|help)\b)(?!.*\b(?:you|your)\b)(?:[\p{L}'&-]+ ){0,4}(?:association|organisation|organization|trust|council|authority|agency|provider|service|team|board|panel|staff|workers?|officers?|managers?|coordinators?|co-ordinators?|nurses?|clinicians?|doctors?|psychiatrists?|keyworkers?|practitioners?|therapists?|facilitators?|leads?)$/iu
const TABLE_ROW = /^[ \t]*\|/
// The whole line a delimiter row: every cell dashes, with colons for alignment.
const SEPARATOR_ROW = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$/

/** The first row of the table each row (by its start) belongs to, for the last text read. */
let heads: {text: string; of: Map<number, number>} = {text: '', of: new Map()}

/** The header of the table column holding `start`, when `start` is in a body row of a pipe table. */
export function columnHeader(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const row = text.slice(lineStart, start)
  if (!TABLE_ROW.test(row)) return undefined
  const column = cellsBefore(row)
  // Walk up to the table's first row, its header; the row under it must be the delimiter row ("| -- |" lower down is a body row).
  // Rows are read top down, so the row above has usually been walked already: its table's head is remembered.
  if (heads.text !== text) heads = {text, of: new Map()}
  let head = lineStart
  for (let n = 0; n < 400 && head > 0; n++) {
    const known = heads.of.get(head)
    if (known !== undefined) { head = known; break }
    const prevStart = text.lastIndexOf('\n', head - 2) + 1
    if (!TABLE_ROW.test(text.slice(prevStart, head - 1))) break
    head = prevStart
  }
  heads.of.set(lineStart, head)
  const headEnd = text.indexOf('\n', head)
  if (headEnd < 0 || headEnd + 1 >= lineStart) return undefined
  const delimiterEnd = text.indexOf('\n', headEnd + 1)
  if (!SEPARATOR_ROW.test(text.slice(headEnd + 1, delimiterEnd < 0 ? text.length : delimiterEnd).replace(/\r$/, '')) || delimiterEnd < 0 || delimiterEnd + 1 > lineStart) return undefined
  const cell = text.slice(head, headEnd).replace(/\r$/, '').replace(/^[ \t]*\|/, '').split(/(?<!\\)\|/)[column - 1]
  return cell?.replace(/[*_`]/g, '').trim() || undefined
}

/** How many cell boundaries ("|", not escaped) open before the end of `row`: the column, counted from 1. */
function cellsBefore(row: string): number {
  let n = 0
  for (let i = 0; i < row.length; i++) if (row[i] === '|' && row[i - 1] !== '\\') n++
  return n
}
