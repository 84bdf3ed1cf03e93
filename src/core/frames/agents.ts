/**
 * Who acts in a clause, as the frames read it: the subject; in the passive the by-phrase or a meeting; and in
 * "Who at the surgery decides your goals: the GP or the link worker?", the options the question offers.
 */
import type {Clause, Np, SentenceReader} from './clause.js'
import {MEETING_CLASS, PERSON_CLASS} from './person-words.js'
import {single} from './phrases.js'
import {coordinatedPronoun} from './pronoun-antecedent.js'
import {setAgainst} from './set-against.js'

/** "Who at the night shelter signs off a guest's goals: the duty manager or the project lead?": the options are who. */
function whoOptions(clause: Clause, reader: SentenceReader): Np[] | undefined {
  if (reader.norm(clause.start) !== 'who' || clause.start !== 0 || !reader.source.slice(reader.tokens.at(-1)!.end).trimStart().startsWith('?')) return undefined
  for (let i = clause.verbEnd; i < reader.tokens.length; i++) {
    if (!reader.gap(i).includes(':')) continue
    const options = reader.rightNp(i, reader.tokens.length).filter((np) => np.head !== undefined)
    return options.length > 1 ? options : undefined
  }
  return undefined
}

/** Who acts in the clause: the subject, or in the passive the by-phrase or a meeting ("decided at the MDT meeting"). */
const QUOTE = /["\u201c\u201d]/
export function agentsOf(clause: Clause, reader: SentenceReader): Np[] {
  // "why might "I did it, so can you" put pressure on…": a quotation is the subject, not the people at its end (a quoted
  // term standing alone is one: ""recovered" means…").
  if (!clause.passive) return whoOptions(clause, reader) ?? clause.left.filter((np) => np.end !== clause.groupStart || !QUOTE.test(reader.gap(np.end)) || QUOTE.test(reader.gap(np.start))).map((np) => coordinatedPronoun(np, reader))
  // Not a meeting of the people themselves: "made at the weekly tenants' meeting".
  const staffMeeting = (np: Np) => reader.classesOf(np, true).has(MEETING_CLASS) && !peoplesMeeting(np, reader)
  // "settled between the doctors and the bed manager": those between whom it is settled decide it.
  return clause.obliques.filter((o) => (o.prep === 'by' && !setAgainst(reader, o.np.start)) || o.prep === 'between' || ((o.prep === 'at' || o.prep === 'in') && staffMeeting(o.np))).map((o) => o.np)
}

/** A meeting of the people themselves: a people word inside it ("the tenants' meeting", "the house meeting"). */
export function peoplesMeeting(np: Np, reader: SentenceReader): boolean {
  return np.head !== undefined && reader.classesOf(single(np.head), true).has(MEETING_CLASS) && reader.hits.some((h) => h.cls === PERSON_CLASS && h.start >= np.start && h.end <= np.end)
}

const WORKERS_OWN = /^(?:team|teams|manager|managers|supervisor|supervisors|colleague|colleagues|lead|leader|coordinator|mentor)$/

/** Agent k is a bare "you" beside someone of "yours" ("you and your counsellor"): the reader shares the decision. */
export function readerShares(agents: readonly Np[], k: number, reader: SentenceReader): boolean {
  const np = agents[k]
  if (agents.length < 2 || np.head === undefined || np.end - np.start !== 1 || reader.norm(np.head) !== 'you') return false
  // "you and your supervisor", "you and your team" in a worker's guide: the reader is the worker, with their own staff.
  return agents.some((other) => other.possessor !== undefined && reader.norm(other.possessor) === 'your' && other.head !== undefined && !WORKERS_OWN.test(reader.norm(other.head)))
}
