/**
 * The features the second opinion reads from one sentence: its words and word
 * pairs, the word classes of rules/classes.yml and ordered pairs of them, whether
 * the sentence is negated or in the first person, and which rules already found
 * something in it. Training (scripts/train-model.ts) and review share this code,
 * so the model always sees a sentence the way it was trained.
 */
import type {Token} from '../match/tokens.js'
import {isNegator} from '../frames/grammar.js'
import type {Hit} from '../frames/lexicon.js'

/** Class pairs are read within this many words of each other. */
const PAIR_WINDOW = 8

/** Features of one sentence, with, for each token, the features it contributes on its own. */
export interface SentenceFeatures {
  all: string[]
  byToken: string[][]
}

export function sentenceFeatures(tokens: Token[], hits: Hit[], rules: Iterable<string>): SentenceFeatures {
  const all = new Set<string>()
  const byToken: string[][] = tokens.map(() => [])
  const classesAt: string[][] = tokens.map(() => [])
  // Classes a frame made up for its own slot ("rule/verb") are not part of the vocabulary.
  for (const h of hits) if (!h.cls.includes('/')) classesAt[h.end - 1].push(h.cls)
  let negated = false
  let firstPerson = false
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].norm
    const own = byToken[i]
    own.push('w:' + w)
    if (i > 0) all.add('b:' + tokens[i - 1].norm + '_' + w)
    for (const c of classesAt[i]) own.push('c:' + c)
    for (const f of own) all.add(f)
    if (isNegator(w)) negated = true
    if (w === 'i' || w === 'my') firstPerson = true
  }
  for (let i = 0; i < tokens.length; i++) {
    if (classesAt[i].length === 0) continue
    for (let j = i + 1; j < Math.min(tokens.length, i + PAIR_WINDOW); j++) {
      for (const a of classesAt[i]) for (const b of classesAt[j]) all.add('p:' + a + '<' + b)
    }
  }
  if (negated) all.add('neg')
  if (firstPerson) all.add('first')
  for (const id of rules) all.add('r:' + id)
  all.add('bias')
  return {all: [...all], byToken}
}
