/**
 * A word a community reclaims ("mad" on a Mad Pride page, in mad studies) is that community's own word throughout
 * the document that shows the reclaiming, not a label put on anyone. A rule names the phrases that show it
 * (`reclaimedIn`); the document holds one of them, matched whole and in any case, or not.
 */
import type {Rule} from '../types.js'

const compiled = new WeakMap<Rule, RegExp>()

/** Whether `text` holds one of the phrases by which `rule`'s word is reclaimed. */
export function reclaimedHere(rule: Rule, text: string): boolean {
  if (rule.reclaimedIn === undefined) return false
  let pattern = compiled.get(rule)
  if (!pattern) {
    const phrases = rule.reclaimedIn.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    compiled.set(rule, (pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu')))
  }
  return pattern.test(text)
}
