/**
 * What the person reading is owed or may do: frames that would make a duty or a decision of it do not apply
 * ("You can tell staff you wish to stay", "you have the right to be fully informed").
 */
import type {Clause, Np, SentenceReader} from './clause.js'
import {ENTITLEMENT_NOUNS} from './grammar.js'

/** "if you can't make decisions for yourself", "when I can't get out of bed": the reader's or writer's own possible day, no verdict on anyone. */
export function readersOwnCase(agents: Np[], reader: SentenceReader): boolean {
  const own = agents.length > 0 && agents.every((np) => np.head !== undefined && /^(you|i)$/.test(reader.norm(np.head)))
  return own && /^(if|when|whenever|unless|case)$/.test(reader.norm(agents[0].start - 1))
}

/** "You can tell staff you wish to stay": the reader's right to do what a peer frame would make a peer's duty. */
export function readersRight(clause: Clause, agents: Np[], reader: SentenceReader): boolean {
  const you = agents.length > 0 && agents.every((np) => np.head !== undefined && reader.norm(np.head) === 'you')
  return you && reader.tokens.slice(clause.groupStart, clause.verbStart).some((t) => /^(can|may|could|might)$/.test(t.norm))
}

/** "You have the right to be fully informed", "are entitled to be consulted": a passive the person is owed, not one done to them. */
export function owedPassive(clause: Clause, reader: SentenceReader): boolean {
  if (!clause.passive) return false
  for (let k = clause.verbStart - 1; k >= Math.max(1, clause.verbStart - 4); k--) if (reader.norm(k) === 'to') return ENTITLEMENT_NOUNS.has(reader.norm(k - 1)) || reader.norm(k - 1) === 'entitled'
  return false
}
