/**
 * The keys of compiled phrases and class entries that follow from the packs (see
 * packing.ts's storeKeys): each rule phrase (exact or not, as its rule says) and
 * each guard phrase, and each class entry by kind and text. The same packs give
 * the same keys at build time and at start.
 */
import type {RulePack} from '../types.js'

export function phraseKeysOf(packs: RulePack[]): string[] {
  const keys: string[] = []
  for (const rule of packs.flatMap((p) => p.rules)) {
    for (const phrase of rule.phrases ?? []) keys.push((rule.exact ? '=' : '~') + phrase)
    for (const guard of [rule.unlessBefore, rule.unlessAfter, rule.unlessNear, rule.onlyBefore, rule.onlyAfter, rule.onlyNear]) for (const phrase of guard ?? []) keys.push('~' + phrase)
  }
  return keys
}

export function classKeysOf(packs: RulePack[]): string[] {
  return packs.flatMap((p) => Object.values(p.classes ?? {}).flatMap((spec) => spec.words.map((w) => `${spec.kind}\u0000${w}`)))
}
