/**
 * Phrase rules that a configuration, a profile or the document's name switched off. Their words are the
 * writer's decision: the second opinion, which weighs the same words, does not flag the sentence again
 * ("# Client Handbook … Each client has a key worker").
 */
import {Matcher} from '../match/matcher.js'
import type {Token} from '../match/tokens.js'
import type {Config, Rule} from '../types.js'

export class SwitchedOff {
  private readonly rules: Rule[]
  private matcher: Matcher | undefined

  /** `off`: the rules the reviewer's configuration gives severity off (config.ts ruleSeverity). */
  constructor(off: readonly Rule[], config: Config) {
    // An opt-in rule nobody named is not switched off by anyone.
    this.rules = off.filter((r) => !r.frame && !r.secondOpinion && !(r.optIn && config.rules?.[r.id] === undefined))
  }

  /** Whether one of the rules matches the sentence (their matcher is made when first asked). */
  matches(tokens: Token[]): boolean {
    if (this.rules.length === 0) return false
    this.matcher ??= new Matcher(this.rules)
    return this.matcher.matchSentence(tokens).length > 0
  }
}
