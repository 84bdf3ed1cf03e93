/**
 * The second opinion's features of a sentence as numbers, not strings: the rows of the model's
 * weights that features.ts's sentenceFeatures names, found by their parts (a word, a word pair, a
 * class pair) instead of by a string made for each. Reviewing asks this for every sentence where a
 * frame nearly holds; the strings cost more than the sums. features.ts and this module list the same
 * features in the same order (test/model/feature-rows.test.ts checks it).
 */
import type {Token} from '../match/tokens.js'
import {isNegator} from '../frames/grammar.js'
import type {Hit} from '../frames/lexicon.js'
import type {ClauseContext} from './clause-features.js'

/** Class pairs are read within this many words of each other. */
export const PAIR_WINDOW = 8

/** A word as the model reads it: any word with a digit is one word, "#" ("section 17", "by 2028", "10 at"), not a date to learn. */
export const modelWord = (norm: string): string => (/\d/.test(norm) ? '#' : norm)

/** A model's features by their parts, so a sentence's can be looked up without making their strings (see featureRows). */
export interface FeatureIndex {
  /** 'w:' features by their word, 'c:' by their class. */
  readonly words: ReadonlyMap<string, number>
  readonly classes: ReadonlyMap<string, number>
  /** 'neg', 'first', 'bias' (and any other feature of one part). */
  readonly whole: ReadonlyMap<string, number>
  /** 'b:' features by their first word, then their second. */
  readonly bigrams: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** 'p:' features by their first class, then their second. */
  readonly pairs: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** Values are multiples of this (a feature's number × width). */
  readonly width: number
  /** For featureRows: the call in which each feature was last added (a mark per call, not a Set per sentence). */
  readonly added: Uint32Array
  calls: number
}

/**
 * Index a model's features for featureRows, the value of the i-th being i × `width` (its row). A feature
 * whose parts are ambiguous ("b:a_b_c") is left out: only a sentence featureRows declines can hold it.
 * The trainer writes each feature once.
 */
export function featureIndex(features: readonly string[], width = 1): FeatureIndex {
  const words = new Map<string, number>()
  const classes = new Map<string, number>()
  const whole = new Map<string, number>()
  const bigrams = new Map<string, Map<string, number>>()
  const pairs = new Map<string, Map<string, number>>()
  const split = (into: Map<string, Map<string, number>>, rest: string, sep: string, value: number) => {
    const at = rest.indexOf(sep)
    if (at === -1 || rest.indexOf(sep, at + 1) !== -1) return
    const a = rest.slice(0, at)
    let inner = into.get(a)
    if (!inner) into.set(a, (inner = new Map()))
    inner.set(rest.slice(at + 1), value)
  }
  for (let i = 0; i < features.length; i++) {
    const f = features[i]
    const value = i * width
    if (f.startsWith('b:')) split(bigrams, f.slice(2), '_', value)
    else if (f.startsWith('p:')) split(pairs, f.slice(2), '<', value)
    else if (f.startsWith('w:')) words.set(f.slice(2), value)
    else if (f.startsWith('c:')) classes.set(f.slice(2), value)
    else whole.set(f, value)
  }
  return {words, classes, whole, bigrams, pairs, width, added: new Uint32Array(features.length), calls: 0}
}

/**
 * The values in `index` of the sentence's features, each feature once, in the order sentenceFeatures
 * lists them (so sums over them are the same to the last bit), without making a string per feature;
 * undefined when a word or class holds the separator of a feature (then use sentenceFeatures).
 * No rule ids: for a sentence no rule matched.
 */
export function featureRows(tokens: Token[], hits: readonly Hit[], index: FeatureIndex, clause?: ClauseContext): number[] | undefined {
  const out: number[] = []
  const {added, width} = index
  if (++index.calls === 0xffffffff) {
    added.fill(0)
    index.calls = 1
  }
  const call = index.calls
  const add = (value: number | undefined) => {
    if (value === undefined || added[value / width] === call) return
    added[value / width] = call
    out.push(value)
  }
  const classesAt: Array<string[] | undefined> = []
  for (const h of hits) {
    if (h.cls.includes('/')) continue
    if (h.cls.includes('<')) return undefined
    ;(classesAt[h.end - 1] ??= []).push(h.cls)
  }
  let negated = false
  let firstPerson = false
  // The bigrams starting at the previous word, looked up once per word.
  let after: ReadonlyMap<string, number> | undefined
  for (let i = 0; i < tokens.length; i++) {
    const w = modelWord(tokens[i].norm)
    if (w.includes('_')) return undefined
    if (i > 0) add(after?.get(w))
    after = index.bigrams.get(w)
    add(index.words.get(w))
    for (const c of classesAt[i] ?? []) add(index.classes.get(c))
    if (isNegator(w)) negated = true
    if (w === 'i' || w === 'my') firstPerson = true
  }
  for (let i = 0; i < tokens.length; i++) {
    const here = classesAt[i]
    if (here === undefined) continue
    for (let j = i + 1; j < Math.min(tokens.length, i + PAIR_WINDOW); j++) {
      const there = classesAt[j]
      if (there !== undefined) for (const a of here) for (const b of there) add(index.pairs.get(a)?.get(b))
    }
  }
  // Few per sentence, and only on sentences the model reads: their strings are cheap.
  if (clause) for (const f of clause.reader.features(tokens, clause.text, hits)) add(index.whole.get(f))
  if (negated) add(index.whole.get('neg'))
  if (firstPerson) add(index.whole.get('first'))
  add(index.whole.get('bias'))
  return out
}
