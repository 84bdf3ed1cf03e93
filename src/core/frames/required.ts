/**
 * What a match of a frame always needs in its sentence, beyond its verb: the class sets and the
 * words the prefilter looks for in a region before frames are asked there (FrameMatcher.prefilterEntries).
 */
import type {KeyedPhrase} from '../match/prefilter.js'
import type {CompiledFrame} from './checks.js'
import {LIMITERS, LIMITING_VERBS, NEGATIVE_SUBJECTS, NEGATORS} from './grammar.js'

/** Entries of word classes for the prefilter: each entry a phrase of its words' forms. */
export type PrefilterWords = KeyedPhrase[]
export interface PrefilterEntry {
  verb: PrefilterWords
  /** A word of each must occur too. */
  slots: PrefilterWords[]
}

/**
 * The class sets a match of the frame always needs a word of: what `matchSentence` checks before it
 * reads the clause (`needs`); an owner where `check` always asks for one (no object slot, or a
 * required object); the agent of a frame that is never read as a passive (a copula, or the active
 * voice only), which `agentless` does not excuse.
 */
export function requiredClasses(f: CompiledFrame): Array<Set<string>> {
  const out = [...f.needs]
  if (f.owner && (!f.spec.objectOptional || (!f.object && !f.objectClause))) out.push(f.owner)
  if (f.agent && f.spec.agentless && (f.copula || f.spec.voice === 'active')) out.push(f.agent)
  return out
}

/** Contracted negators ("don't", "can't") all show the run "t" (see match/prefilter.ts): it stands for any of them. */
const NEGATOR_WORDS = [...NEGATORS, ...NEGATIVE_SUBJECTS, ...LIMITERS, ...LIMITING_VERBS, 't', 'stopped', 'stop', 'stops', 'ceased', 'least'] // "stopped being able to", "the least capable" (clause.ts)

/** One word of these forms, as the prefilter reads it. */
const oneWord = (forms: string[]): KeyedPhrase => ({slots: [{forms: new Map(forms.map((f) => [f, true]))}]})

/**
 * Words a match of the frame always needs one of, each group as one word of forms: the preposition of
 * a `for` or `prep` slot, "to" after the verb, one of the modals, a negator for a frame found only
 * negated.
 */
export function requiredWords(f: CompiledFrame): PrefilterWords[] {
  const out: string[][] = []
  if (f.for) out.push(['for'])
  for (const [preps] of f.prep) out.push([...preps])
  if (f.spec.to) out.push(['to'])
  if (f.spec.modal) out.push(f.spec.modal)
  if (f.spec.negated === 'only' && !f.spec.gating) out.push(NEGATOR_WORDS)
  return out.map((forms) => [oneWord(forms)])
}
