/**
 * What a Reviewer is built from, besides the rules themselves: the word classes of
 * every pack merged, the prefilter's entries for frames and the second opinion,
 * bare compiled rules for findings that come from no phrase.
 */
import type {FrameMatcher} from './frames/frames.js'
import type {CompiledRule, Matcher} from './match/matcher.js'
import {phraseWords, type CompiledPhrase} from './match/phrase.js'
import type {SecondOpinion} from './model/second-opinion.js'
import type {Rule, RulePack, WordClassSpec} from './types.js'

/**
 * An adjective rule whose phrases all start with the same word and end in different
 * nouns ("psychotic dog", "psychotic boss") names the noun it describes: an
 * alternative replaces the adjective and keeps the noun.
 */
export function headInPhrase(rule: Rule): boolean {
  if (rule.kind !== 'adjective') return false
  const firsts = new Set(rule.phrases.map((p) => phraseWords(p.toLowerCase())[0]))
  return rule.phrases.length > 1 && firsts.size === 1 && rule.phrases.every((p) => phraseWords(p).length === 2)
}

/** Word classes from every pack; a later pack adds words to a class an earlier one defined. */
export function mergeClasses(packs: RulePack[]): Record<string, WordClassSpec> {
  const out: Record<string, WordClassSpec> = {}
  for (const pack of packs) {
    for (const [name, spec] of Object.entries(pack.classes ?? {})) {
      const prior = out[name]
      out[name] = prior ? {kind: prior.kind, words: [...prior.words, ...spec.words]} : spec
    }
  }
  return out
}

/** Prefilter entries for the second opinion: a region is read when one of its trigger words occurs. */
export function triggerKeys(opinion: SecondOpinion | undefined): NonNullable<ConstructorParameters<typeof Matcher>[1]> {
  if (!opinion) return []
  return [{phrases: [...opinion.triggers].map((w) => ({source: w, slots: [{forms: new Map([[w, false]])}]})), guards: []}]
}

/** Prefilter entries for frame rules: a frame needs its verb, and a word of each slot it names. */
export function frameKeys(frames: FrameMatcher): NonNullable<ConstructorParameters<typeof Matcher>[1]> {
  const phrase = (words: string[][]): CompiledPhrase => ({source: '', slots: words.map((forms) => ({forms: new Map(forms.map((f) => [f, false]))}))})
  return frames.prefilterEntries().map((e) => ({phrases: e.verb.map((forms) => phrase([forms])), guards: e.slots.map((entries) => entries.map((forms) => phrase([forms])))}))
}

export function bareRule(rule: Rule): CompiledRule {
  return {rule, unlessBefore: [], unlessAfter: [], onlyBefore: [], onlyAfter: [], unlessNear: [], onlyNear: []}
}
