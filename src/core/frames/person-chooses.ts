/**
 * The person makes the choice inside what staff decide: "the team agreed that from April residents will choose
 * the time", "the chair picks the things people want to work on". A people word (or "you") after the verb,
 * with a verb of choosing or wanting close behind and no negation, hands the say back to the person. Not after a
 * wh-word: "decides which matters each resident may decide" keeps the say with staff. Or the people voted on it.
 */
import type {Clause, Np, SentenceReader} from './clause.js'
import {isNegator, MODALS, WH} from './grammar.js'
import {single} from './phrases.js'

const CHOOSING = /^(choose|chooses|chose|decide|decides|pick|picks|select|selects|want|wants|prefer|prefers|wish|wishes|like)$/

export function personChooses(clause: Clause, reader: SentenceReader): boolean {
  for (let i = clause.verbEnd; i < clause.end; i++) {
    // Not "decides which matters each resident may decide": what the person may choose is still staff's call.
    if (WH.has(reader.norm(i)) || reader.norm(i) === 'if') return false
    if (!(reader.norm(i) === 'you' || reader.classesOf(single(i), true).has('people'))) continue
    let k = i + 1
    // "residents get to choose"; not "allow residents to choose", a permission.
    while (k < clause.end && k <= i + 3 && (MODALS.has(reader.norm(k)) || /^(get|gets|also|then|still|each|both|all)$/.test(reader.norm(k)) || (reader.norm(k) === 'to' && /^gets?$/.test(reader.norm(k - 1))))) k++
    if (CHOOSING.test(reader.norm(k)) && !reader.tokens.slice(i + 1, k).some((t) => isNegator(t.norm))) return true
  }
  return false
}

/** "a members' vote", "a ballot of residents": a vote of the people themselves. */
const VOTES = new Set(['vote', 'votes', 'ballot', 'ballots', 'poll', 'consensus', 'referendum'])
export function peopleVote(np: Np, reader: SentenceReader): boolean {
  let vote = false
  for (let i = np.start; i < np.end; i++) if (VOTES.has(reader.tokens[i].norm)) vote = true
  return vote && (reader.classesOf(np, false).has('people') || (np.possessor !== undefined && reader.classesOf(single(np.possessor), true).has('people')))
}
