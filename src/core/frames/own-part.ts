/**
 * "the team agreed what each of us would do to support her": a clause object about the writers' own part in what
 * the person decided, not the person's plan decided for them. The person acted on ("what we will do about your
 * medication", "what each of us would say to the patient") makes it theirs again.
 */
import type {SentenceReader} from './clause.js'

export function ownPart(reader: SentenceReader, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const person = /^(your|their|his|her|him|them|you)$/.test(reader.norm(i)) || reader.isPerson(i)
    if (person && ![1, 2, 3].some((d) => /^(support|help|back|assist|encourage)$/.test(reader.norm(i - d)))) return false
  }
  return true
}

/**
 * "follow the steps he took", "the route I walked": a route owned by whoever took it, in a relative clause right after
 * its noun. The writer's ("I", "we") reads as `my`/`our`; another's ("he", "she", "they") as the peer the text holds up.
 * Not a procedure someone used for a task ("the steps she took to apply"). "The same path", where a peer is named, is
 * the peer's ("sharing the worker's own recovery steps so that the member can follow the same path").
 */
export function takenBy(reader: SentenceReader, np: {start: number; end: number}, owner: Set<string>): boolean {
  const tokens = reader.tokens
  if (owner.has('peer') && tokens.slice(np.start, np.end).some((t) => t.norm === 'same') && reader.hits.some((h) => h.cls === 'peer' && (h.end <= np.start || h.start >= np.end))) return true
  const k = /^(that|which)$/.test(tokens[np.end]?.norm ?? '') ? np.end + 1 : np.end
  const who = TAKER[tokens[k]?.norm ?? '']
  return who !== undefined && TAKEN.test(tokens[k + 1]?.norm ?? '') && !/^(to|when|while|for)$/.test(tokens[k + 2]?.norm ?? '') && owner.has(who)
}
const TAKER: Record<string, string> = {i: 'my', we: 'our', he: 'peer', she: 'peer', they: 'peer'}
const TAKEN = /^(took|followed|walked|trod|travelled|traveled|used|did)$/
