/**
 * The subject a coordinated verb shares: "…have grown up without routines and lack…" takes the clause's first subject.
 * "A facilitator meets you for a cuppa before your first group and decides…": "before" opened a phrase, not a clause
 * (no verb group in it), so the subject is the one before it.
 */
import type {Np} from './phrases.js'
import {isAdverb, isVerbGroupWord} from './grammar.js'
import {firstSubject, type SentenceReader} from './reach.js'

const PREPOSITION_OR_SUBORDINATOR = /^(before|after|until|since)$/
const WH_OBJECT = /^(where|what|when|how|whether|why|which|if)$/
/** A verb's third person singular present ("tells", "passes", "reports"); not "was", "is", "has" nor a word in -ss. */
const PRESENT_SINGULAR = /^(?!(?:was|is|has|this|thus|us|yes|as|its|his|hers|ours|theirs|yours|less|unless|across|always|perhaps|news)$)[a-z]{2,}[^s']s$/

/** The subject of the verb after the "and"/"or" at `j`, in the clause from `start`. */
export function coordinatedSubject(reader: SentenceReader, start: number, j: number): Np[] {
  // "The peer worker finds out where they went and tells the nurse": after a wh-clause object, a verb that does not agree
  // with the wh-clause's own ("went", "tells") is the main clause's, and shares its subject.
  if (start > 1 && WH_OBJECT.test(reader.norm(start - 1)) && PRESENT_SINGULAR.test(reader.norm(j + 1)) && !reader.tokens.slice(start, j).some((t) => PRESENT_SINGULAR.test(t.norm))) {
    return firstSubject(reader, reader.clauseStart(start - 2), start - 1)
  }
  if (start > 0 && PREPOSITION_OR_SUBORDINATOR.test(reader.norm(start - 1)) && !reader.tokens.slice(start, j).some((t) => isVerbGroupWord(t.norm) && !isAdverb(t.norm))) return firstSubject(reader, reader.clauseStart(start - 1), j)
  return firstSubject(reader, start, j)
}
