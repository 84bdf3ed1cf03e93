/**
 * The subject a coordinated verb shares: "…have grown up without routines and lack…" takes the clause's first subject.
 * "A facilitator meets you for a cuppa before your first group and decides…": "before" opened a phrase, not a clause
 * (no verb group in it), so the subject is the one before it.
 */
import type {Np} from './phrases.js'
import {isAdverb, isVerbGroupWord} from './grammar.js'
import {firstSubject, type SentenceReader} from './reach.js'

const PREPOSITION_OR_SUBORDINATOR = /^(before|after|until|since)$/

/** The subject of the verb after the "and"/"or" at `j`, in the clause from `start`. */
export function coordinatedSubject(reader: SentenceReader, start: number, j: number): Np[] {
  if (start > 0 && PREPOSITION_OR_SUBORDINATOR.test(reader.norm(start - 1)) && !reader.tokens.slice(start, j).some((t) => isVerbGroupWord(t.norm) && !isAdverb(t.norm))) return firstSubject(reader, reader.clauseStart(start - 1), j)
  return firstSubject(reader, start, j)
}
