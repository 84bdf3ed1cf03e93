/**
 * What a Reviewer is built from, besides the rules themselves: the word classes of
 * every pack merged, bare compiled rules for findings that come from no phrase, and
 * what a page's paragraphs share while they are reviewed.
 */
import type {CompiledRule} from './match/matcher.js'
import {phraseWords} from './match/phrase.js'
import type {Candidate, Rule, RulePack, WordClassSpec} from './types.js'
import type {Prose} from './parse/markdown.js'
import type {Within} from './slices.js'
import type {BlockFinder} from './places.js'
import type {RangeCover} from './ranges.js'
import type {Discussion} from './context/mention.js'

/** What the paragraphs of one parsed piece share while their candidates are found (see Reviewer.paragraphCandidates). */
export interface Page {
  text: string
  prose: Prose
  within: Within | undefined
  found: Candidate[]
  blocks: BlockFinder
  mentions: RangeCover
  discussion: Discussion
}

/**
 * An adjective rule whose phrases all start with the same word and end in different
 * nouns ("psychotic dog", "psychotic boss") names the noun it describes: an
 * alternative replaces the adjective and keeps the noun.
 */
export function headInPhrase(rule: Rule): boolean {
  if (rule.kind !== 'adjective') return false
  // Asked for every finding; a rule's phrases never change, and a rule may have dozens.
  let known = headInPhraseOf.get(rule)
  if (known === undefined) {
    const firsts = new Set(rule.phrases.map((p) => phraseWords(p.toLowerCase())[0]))
    headInPhraseOf.set(rule, (known = rule.phrases.length > 1 && firsts.size === 1 && rule.phrases.every((p) => phraseWords(p).length === 2)))
  }
  return known
}
const headInPhraseOf = new WeakMap<Rule, boolean>()

/** Word classes from every pack; a later pack adds words to a class an earlier one defined. */
export function mergeClasses(packs: RulePack[]): Record<string, WordClassSpec> {
  const out: Record<string, WordClassSpec> = {}
  for (const pack of packs) {
    for (const [name, spec] of Object.entries(pack.classes ?? {})) {
      const prior = out[name]
      out[name] = prior ? {kind: prior.kind, words: [...prior.words, ...spec.words], unlessAfter: [...(prior.unlessAfter ?? []), ...(spec.unlessAfter ?? [])], unlessInCompound: [...(prior.unlessInCompound ?? []), ...(spec.unlessInCompound ?? [])]} : spec
    }
  }
  return out
}

export function bareRule(rule: Rule): CompiledRule {
  return {rule, unlessBefore: [], unlessAfter: [], onlyBefore: [], onlyAfter: [], unlessNear: [], onlyNear: [], opensRecord: false}
}
