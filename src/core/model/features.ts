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
import {FrameMatcher} from '../frames/frames.js'
import {sentenceTokens} from '../match/tokens.js'
import {parseText} from '../parse/text.js'
import type {RulePack} from '../types.js'
import type {Sentence} from 'nlcst'
import {modelWord, PAIR_WINDOW} from './feature-rows.js'
import {ClauseRoles, type ClauseContext} from './clause-features.js'
import {mergeClasses} from '../reviewer-parts.js'


/** Features of one sentence, with, for each token, the features it contributes on its own. */
export interface SentenceFeatures {
  all: string[]
}

/** `clause`: the sentence's source and a clause reader, for the frame-slot and clause-role features (clause-features.ts); without it there are none. */
export function sentenceFeatures(tokens: Token[], hits: readonly Hit[], rules: Iterable<string>, clause?: ClauseContext): SentenceFeatures {
  const all = new Set<string>()
  // The classes ending at each token; most tokens end none, so only those that do get a list.
  const classesAt: Array<string[] | undefined> = []
  // Classes a frame made up for its own slot ("rule/verb") are not part of the vocabulary.
  for (const h of hits) if (!h.cls.includes('/')) (classesAt[h.end - 1] ??= []).push(h.cls)
  let negated = false
  let firstPerson = false
  for (let i = 0; i < tokens.length; i++) {
    const w = modelWord(tokens[i].norm)
    if (i > 0) all.add('b:' + modelWord(tokens[i - 1].norm) + '_' + w)
    all.add('w:' + w)
    for (const c of classesAt[i] ?? []) all.add('c:' + c)
    if (isNegator(w)) negated = true
    if (w === 'i' || w === 'my') firstPerson = true
  }
  for (let i = 0; i < tokens.length; i++) {
    const here = classesAt[i]
    if (here === undefined) continue
    for (let j = i + 1; j < Math.min(tokens.length, i + PAIR_WINDOW); j++) {
      const there = classesAt[j]
      if (there !== undefined) for (const a of here) for (const b of there) all.add('p:' + a + '<' + b)
    }
  }
  if (clause) for (const f of clause.reader.features(tokens, clause.text, hits)) all.add(f)
  if (negated) all.add('neg')
  if (firstPerson) all.add('first')
  for (const id of rules) all.add('r:' + id)
  all.add('bias')
  return {all: [...all]}
}

/**
 * The features of a text as training reads them (scripts/train-model.ts): every sentence of it,
 * tagged with the word classes of `packs`, no rule findings.
 */
export function textFeatures(packs: RulePack[], text: string): string[] {
  const {lexicon, roles} = lexiconOf(packs)
  const out = new Set<string>()
  const walk = (node: {type: string; children?: unknown[]}) => {
    if (node.type === 'SentenceNode') {
      const tokens = sentenceTokens(node as unknown as Sentence)
      for (const f of sentenceFeatures(tokens, lexicon.tag(tokens), [], {text, reader: roles}).all) out.add(f)
      return
    }
    for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
  }
  walk(parseText(text).tree as never)
  return [...out]
}

const lexicons = new WeakMap<RulePack[], {lexicon: FrameMatcher['lexicon']; roles: ClauseRoles}>()
function lexiconOf(packs: RulePack[]) {
  let found = lexicons.get(packs)
  if (!found) {
    const classes = mergeClasses(packs)
    lexicons.set(packs, (found = {lexicon: new FrameMatcher(packs.flatMap((p) => p.rules), classes).lexicon, roles: new ClauseRoles(classes)}))
  }
  return found
}
