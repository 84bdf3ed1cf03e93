/** What the clause reader (clause.ts) finds: noun phrases, preposition phrases and clauses, by token index. */

/** A noun phrase: tokens [start, end), its head, and the possessor inside it ("the person's plan"). */
export interface Np {
  start: number
  end: number
  /** The head word; undefined for a clause standing as an object ("decides what happens next"). */
  head?: number
  possessor?: number
  /** Introduced by "not" or a negative determiner ("not the consultant", "no professional"). */
  negative: boolean
}

export interface Oblique {
  prep: string
  np: Np
}

export interface Clause {
  verbStart: number
  verbEnd: number
  groupStart: number
  passive: boolean
  negated: boolean
  /** "rarely", "seldom", "hardly" in the verb group: a lack for a frame found only negated, not a denial. */
  limited: boolean
  copula: boolean
  /** The noun phrase(s) before the verb: the subject (the logical object in the passive). */
  left: Np[]
  /** The noun phrase(s) after the verb: the object or complement. */
  right: Np[]
  obliques: Oblique[]
  /** Clause bounds, token indexes [start, end). */
  start: number
  end: number
}

/** A one-word noun phrase at token i. */
export const single = (i: number): Np => ({start: i, end: i + 1, head: i, negative: false})

/** The word classes that name a person: the people a service supports, staff, peers and relatives. */
export const PERSON_CLASSES = ['people', 'staff', 'peer', 'relatives']

/**
 * "Goals for this year", "targets for the next six months", "plans for 2026": a time phrase from `from` to `end` says
 * when, not whose ("for the team's next quarter" says whose).
 */
export function forAWhile(reader: {norm(i: number): string; gap(i: number): string}, from: number, end: number): boolean {
  // The for-phrase ends at the next preposition ("Plans for the day room for the coming year": the first says whose).
  let last = from + 1
  while (last + 1 < end && !/^(for|of|in|on|at|to|with|about)$/.test(reader.norm(last + 1))) last++
  for (let k = from + 1; k <= last; k++) if (/^['\u2019]/.test(reader.gap(k)) || !(k === last || /^(this|next|the|each|every|coming|first|last|following|current|new|financial|academic|school|\d+|two|three|four|six|twelve)$/.test(reader.norm(k)))) return false
  return TIME.test(reader.norm(last))
}
const TIME = /^(week|weeks|fortnight|month|months|year|years|quarter|term|semester|weekend|day|days|\d{4}(?:[/\u2013-]\d{2,4})?)$/
