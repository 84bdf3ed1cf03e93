/** The writer's stance on a view, which is not a decision made for someone. */
import type {Clause, SentenceReader} from './clause.js'
import type {Np} from './phrases.js'
import {isNegator} from './grammar.js'

/** Words opening a that-clause about someone: "we agree that you are ready" is a judgement of them. */
const SOMEONE = /^(you|your|he|his|she|her|they|their|him|them)$/

/** "We agree that peer posts should require vetting": the writer concurring with a view, not deciding for someone. */
export function concurs(clause: Clause, agents: Np[], reader: SentenceReader): boolean {
  const verb = reader.norm(clause.verbStart)
  // The lexicon may read "agree that" as one verb entry.
  const that = reader.norm(clause.verbEnd - 1) === 'that' ? clause.verbEnd - 1 : clause.verbEnd
  if (!/^agrees?$/.test(verb) || clause.groupStart !== clause.verbStart || reader.norm(that) !== 'that') return false
  if (agents.length !== 1 || !/^(we|i)$/.test(reader.norm(agents[0].start))) return false
  // The that-clause's subject: "peer posts" are posts; "the person", "you" are someone.
  const subject = reader.rightNp(that + 1, reader.tokens.length)[0]
  return subject?.head !== undefined && !reader.isPerson(subject.head, true) && !SOMEONE.test(reader.norm(subject.start)) && !SOMEONE.test(reader.norm(subject.head))
}

const CAUSATIVES = /^(make|makes|made|making|let|lets|letting|have|has|had)$/

/** "We will not make a place depend on…", "never let staff decide": the negated verb that causes this clause's. */
export function causedUnderNegation(clause: Clause, reader: SentenceReader): boolean {
  const first = clause.left.length > 0 ? Math.min(...clause.left.map((np) => np.start)) : clause.groupStart
  if (!CAUSATIVES.test(reader.norm(first - 1))) return false
  for (let k = first - 2; k >= Math.max(0, first - 4); k--) if (isNegator(reader.norm(k))) return true
  return false
}
