/**
 * The person makes the choice inside what staff decide: "the team agreed that from April residents will choose
 * the time", "the chair picks the things people want to work on". A people word (or "you") after the verb,
 * with a verb of choosing or wanting close behind and no negation, hands the say back to the person. Not after a
 * wh-word: "decides which matters each resident may decide" keeps the say with staff. Or a first verb's with-phrase
 * names them, or the people voted on it.
 */
import type {Clause, Np, SentenceReader} from './clause.js'
import {isNegator, MODALS, POSSESSIVES, WH} from './grammar.js'
import {single} from './phrases.js'
import {setAgainst} from './set-against.js'

/** Staff named as an agent anywhere: "written by staff and checked by residents" leaves the writing with staff. */
const staffBy = (reader: SentenceReader) => reader.tokens.some((t, k) => t.norm === 'by' && [k + 1, k + 2].some((j) => reader.classesOf(single(j), true).has('staff')))
/** Prepositions that make a wh-clause the ground of the decision, not its object. */
const FROM = /^(from|on|upon|around|with)$/
const CHOOSING = /^(choose|chooses|chose|decide|decides|pick|picks|select|selects|want|wants|prefer|prefers|wish|wishes|like)$/

export function personChooses(clause: Clause, reader: SentenceReader): boolean {
  if (withPersonBeforeAnd(clause, reader)) return true
  for (let i = clause.verbEnd; i < clause.end; i++) {
    // Not "decides which matters each resident may decide": what the person may choose is still staff's call.
    // …unless the wh-clause is what the decision starts from: "agreed that reviews start from what the young person wants".
    if ((WH.has(reader.norm(i)) || reader.norm(i) === 'if') && !FROM.test(reader.norm(i - 1))) return false
    // Not a choice set aside: "rather than letting the person choose", "instead of the person choosing".
    if (!(reader.norm(i) === 'you' || reader.isPerson(i)) || setAgainst(reader, i)) continue
    // "agreed that passports will be written by employees": the person does what was agreed.
    if (reader.norm(i - 1) === 'by' && !POSSESSIVES.has(reader.norm(i)) && !staffBy(reader) && reader.hits.some((h) => h.participle && h.end <= i - 1 && h.end >= i - 3)) return true
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

const JOINT = /^(agree|agrees|review|reviews|write|writes|draw|draws|complete|completes|update|updates|plan|plans)$/

/** "Staff assess risk with service users and agree safety plans": a verb after "and" shares the first verb's with-phrase. */
function withPersonBeforeAnd(clause: Clause, reader: SentenceReader): boolean {
  const and = clause.groupStart - 1
  // Only a verb of working something out together ("agree", "review", "write"), not "meet with residents and then decide".
  if (reader.norm(and) !== 'and' || !JOINT.test(reader.norm(clause.verbStart)) || reader.norm(clause.verbStart - 1) === 'then') return false
  for (let w = and - 1; w >= Math.max(0, and - 10); w--) {
    if (reader.boundaryBefore(w + 1) && w + 1 < and) return false
    if (reader.norm(w) !== 'with' || reader.norm(w - 1) === 'not' || reader.norm(w - 1) === 'than') continue
    for (let k = w + 1; k < and && k <= w + 3; k++) if (/^(them|you|him|her)$/.test(reader.norm(k)) || reader.isPerson(k)) return true
  }
  return false
}

/** "The peer worker treats symptoms alongside the therapist": a peer beside staff is on the team's side, not the person's; no sharing with them. */
export const peerBesideStaff = (clause: Clause, reader: SentenceReader, i: number) =>
  clause.left.some((np) => reader.classesOf(np, false).has('peer')) && reader.hits.some((h) => h.cls === 'staff' && h.start > i && h.start <= i + 3)
