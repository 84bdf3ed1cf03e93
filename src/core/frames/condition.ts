/**
 * A negated frame that waits on a condition states a rule the service applies, not a rejection of it: "is not
 * discharged until…", "not … unless", "We do not consider her ready … while she is still unwell".
 */
import type {Clause, SentenceReader} from './clause.js'
import {isUntil, isWhileStill} from './grammar.js'

/** Whether the clause (or, for "while … still", the stretch it ends in) holds such a condition. */
export function conditional(clause: Clause, reader: SentenceReader): boolean {
  for (let i = clause.start; i < reader.tokens.length && (i < clause.end || !/[;:.!?—]/.test(reader.gap(i))); i++) if ((i < clause.end && isUntil(reader.tokens[i])) || isWhileStill(reader.tokens, i)) return true
  return false
}
