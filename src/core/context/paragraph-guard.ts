/**
 * A rule's `unlessInParagraph`: a term set beside its counterpart in the same paragraph is being explained, not
 * used ("Clinical recovery is about symptoms as a clinician rates them. Personal recovery is about…"). The
 * sentence alone cannot tell; the paragraph can.
 */
import type {Rule} from '../types.js'

const compiled = new WeakMap<Rule, RegExp>()

function patternOf(rule: Rule): RegExp {
  let re = compiled.get(rule)
  if (!re) {
    const words = (rule.unlessInParagraph ?? []).map((p) => p.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\-]+'))
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu')
    compiled.set(rule, re)
  }
  return re
}

/** Whether the paragraph [from, to) of `text` holds one of the rule's `unlessInParagraph` phrases. */
export function explainedInParagraph(rule: Rule, text: string, from: number, to: number): boolean {
  if (!rule.unlessInParagraph || rule.unlessInParagraph.length === 0) return false
  return patternOf(rule).test(text.slice(from, to))
}
