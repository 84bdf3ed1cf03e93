/** The writer's stance on a view, which is not a decision made for someone. */
import type {Clause, SentenceReader} from './clause.js'
import type {Np} from './phrases.js'

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
