/**
 * The rule matcher: an index from first-word forms to compiled rule phrases, and
 * the per-sentence search with each rule's guards.
 */
import type {Rule} from '../types.js'
import {compileGuard, compilePhrase, findAll, matchAfter, matchAt, matchBefore, type CompiledPhrase, type Slot} from './phrase.js'
import {Prefilter} from './prefilter.js'
import type {Token} from './tokens.js'

export interface CompiledRule {
  rule: Rule
  unlessBefore: CompiledPhrase[]
  unlessAfter: CompiledPhrase[]
  onlyBefore: CompiledPhrase[]
  onlyAfter: CompiledPhrase[]
  unlessNear: CompiledPhrase[]
  onlyNear: CompiledPhrase[]
}

interface Entry {
  compiled: CompiledRule
  phrase: CompiledPhrase
}

/** A rule match in token indexes [start, end). */
export interface Match {
  compiled: CompiledRule
  start: number
  end: number
  /** The last matched word was a plural form. */
  plural: boolean
  /** The rule phrase that matched, as written in the pack. */
  phrase: string
}


export class Matcher {
  private readonly index = new Map<string, Entry[]>()
  readonly rules: CompiledRule[] = []
  /** Rules out stretches of text where no rule can match (see prefilter.ts). */
  readonly prefilter: Prefilter

  /**
   * `extra`: prefilter entries for rules matched elsewhere (frames); `classSlot`: the one-word
   * forms of a data word class, for guards such as `onlyAfter: ['@people']`.
   */
  constructor(rules: Rule[], extra: ConstructorParameters<typeof Prefilter>[0] = [], classSlot: (name: string) => Slot | undefined = () => undefined) {
    const keyed: ConstructorParameters<typeof Prefilter>[0] = [...extra]
    const guards = (phrases: string[] | undefined) => (phrases ?? []).flatMap((p) => compileGuard(p, classSlot))
    for (const rule of rules) {
      if (rule.frame) continue
      const compiled: CompiledRule = {
        rule,
        unlessBefore: guards(rule.unlessBefore),
        unlessAfter: guards(rule.unlessAfter),
        onlyBefore: guards(rule.onlyBefore),
        onlyAfter: guards(rule.onlyAfter),
        unlessNear: guards(rule.unlessNear),
        onlyNear: guards(rule.onlyNear)
      }
      this.rules.push(compiled)
      const phrases = rule.phrases.flatMap((text) => compilePhrase(text, rule.exact))
      keyed.push({phrases, guards: [compiled.onlyBefore, compiled.onlyAfter, compiled.onlyNear]})
      for (const phrase of phrases) {
        for (const form of phrase.slots[0].forms.keys()) {
          let list = this.index.get(form)
          if (!list) this.index.set(form, (list = []))
          list.push({compiled, phrase})
        }
      }
    }
    this.prefilter = new Prefilter(keyed)
  }

  /** Whether any rule could start at this word: a cheap pre-check. */
  has(norm: string): boolean {
    return this.index.has(norm)
  }

  /** Every rule match in one sentence, guards applied, overlaps resolved (longest wins). */
  matchSentence(tokens: Token[]): Match[] {
    let found: Match[] | undefined
    for (let i = 0; i < tokens.length; i++) {
      // A match starts and ends on whole words: never inside "self-management".
      if (tokens[i].join === 'hyphen') continue
      const entries = this.index.get(tokens[i].norm)
      if (!entries) continue
      for (const {compiled, phrase} of entries) {
        const end = matchAt(phrase, tokens, i)
        if (end === -1) continue
        if (tokens[end] && tokens[end].join === 'hyphen') continue
        if (!passesGuards(compiled, tokens, i, end)) continue
        const last = phrase.slots[phrase.slots.length - 1]
        ;(found ??= []).push({compiled, start: i, end, plural: last.forms.get(tokens[end - 1].norm) === true, phrase: phrase.source})
      }
    }
    return found ? resolveOverlaps(found) : []
  }
}

function passesGuards(c: CompiledRule, tokens: Token[], start: number, end: number): boolean {
  if (c.unlessBefore.some((g) => matchBefore(g, tokens, start))) return false
  if (c.unlessAfter.some((g) => matchAfter(g, tokens, end))) return false
  if (c.onlyBefore.length > 0 && !c.onlyBefore.some((g) => matchBefore(g, tokens, start))) return false
  if (c.onlyAfter.length > 0 && !c.onlyAfter.some((g) => matchAfter(g, tokens, end))) return false
  if (c.unlessNear.length > 0 && nearSpans(c.unlessNear, tokens, start, end)) return false
  if (c.onlyNear.length > 0 && !nearSpans(c.onlyNear, tokens, start, end)) return false
  return true
}

/** Whether one of the phrases occurs in the sentence outside the match itself. */
function nearSpans(phrases: CompiledPhrase[], tokens: Token[], start: number, end: number): boolean {
  return findAll(phrases, tokens).some(([s, e]) => e <= start || s >= end)
}

function resolveOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches
  // Longest first, then earliest, then rule order: a longer phrase is the more specific rule.
  const sorted = matches
    .map((m, order) => ({m, order}))
    .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.m.start - b.m.start || a.order - b.order)
  const kept: Match[] = []
  for (const {m} of sorted) {
    if (kept.some((k) => k.start < m.end && m.start < k.end)) continue
    kept.push(m)
  }
  return kept.sort((a, b) => a.start - b.start)
}
