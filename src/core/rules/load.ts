/**
 * Load rule packs: parse YAML or JSON, validate against rules/rule-pack.schema.json
 * (compiled at build time: the built-in packs are validated by the build, an
 * organisation's own `ruleFiles` when they are read),
 * then check what a schema cannot (unique ids, contested rules never errors).
 * Every problem is one line naming the file, the rule and the problem.
 */
import {parse as parseYaml} from 'yaml'
import {validateRulePack as validate} from '../generated/validators.js'
import {describeSchemaError} from '../schema-errors.js'
import type {RulePack, SourcePack, SourceRule} from '../types.js'
import {phraseWords, WORD_CLASS_NAMES} from '../match/phrase.js'

export class RulePackError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'RulePackError'
  }
}

/** Parse and validate one pack's text. `path` names it in errors. */
export function parseRulePack(path: string, text: string): SourcePack {
  let data: unknown
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, {prettyErrors: false})
  } catch (error) {
    throw new RulePackError(path, `cannot parse: ${String((error as Error).message).split('\n')[0]}`)
  }
  if (!validate(data)) {
    const errors = validate.errors ?? []
    const rules = (data as {rules?: Array<{id?: unknown}>})?.rules
    const first = errors.slice().sort((a, b) => b.instancePath.length - a.instancePath.length)[0]
    const index = first && /^\/rules\/(\d+)/.exec(first.instancePath)?.[1]
    const id = index !== undefined && index !== null ? rules?.[Number(index)]?.id : undefined
    throw new RulePackError(path, `${typeof id === 'string' ? `rule \`${id}\`: ` : ''}${describeSchemaError(errors)}`)
  }
  // The schema has checked the shape (examples included).
  const pack = data as Omit<SourcePack, 'origin' | 'rules'> & {rules?: Array<Omit<SourceRule, 'category'>>}
  // A frame rule has no phrases: it matches a relation inside a clause.
  const rules: SourceRule[] = (pack.rules ?? []).map((r) => ({...r, phrases: r.phrases ?? [], category: pack.category, origin: path}))
  for (const rule of rules) checkRule(path, rule)
  const out: SourcePack = {category: pack.category, title: pack.title, description: pack.description, principles: pack.principles, rules, origin: path}
  if (pack.classes) out.classes = pack.classes
  return out
}

/** Check that every `@class` a frame or a guard names is defined (built in, or by some pack). */
export function checkWordClasses(packs: RulePack[]): void {
  const data = new Set(packs.flatMap((p) => Object.keys(p.classes ?? {})))
  const known = [...WORD_CLASS_NAMES, ...[...data].sort().map((c) => '@' + c)]
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const frame = rule.frame
      const frameWords = frame
        ? [frame.verb, frame.agent, frame.object, frame.by, frame.for, frame.notAgent, frame.objectWith, frame.owner, frame.unlessNear, frame.objectClause, ...(frame.near ?? []), ...Object.values(frame.prep ?? {})].flat(2)
        : []
      const guards = [rule.unlessBefore, rule.unlessAfter, rule.onlyBefore, rule.onlyAfter, rule.unlessNear, rule.onlyNear].flat().flatMap((p) => phraseWords(p ?? ''))
      for (const word of [...frameWords, ...guards]) {
        if (typeof word === 'string' && word.startsWith('@') && !WORD_CLASS_NAMES.includes(word) && !data.has(word.slice(1))) {
          throw new RulePackError(pack.origin, `rule \`${rule.id}\`: unknown word class \`${word}\` (known: ${known.join(', ')})`)
        }
      }
    }
  }
}

function checkRule(path: string, rule: SourceRule) {
  const fail = (problem: string) => {
    throw new RulePackError(path, `rule \`${rule.id}\`: ${problem}`)
  }
  if (rule.contested && rule.severity === 'error') fail('a contested rule cannot be an error')
  for (const [profile, severity] of Object.entries(rule.profiles ?? {})) {
    if (rule.contested && severity === 'error') fail(`a contested rule cannot be an error (profiles.${profile})`)
  }
  const seen = new Set<string>()
  for (const phrase of rule.phrases) {
    const key = phraseWords(phrase.toLowerCase()).join(' ')
    if (seen.has(key)) fail(`phrase \`${phrase}\` is listed twice`)
    seen.add(key)
    const words = phraseWords(phrase)
    if (words.some((w) => w.startsWith('@'))) fail(`phrase \`${phrase}\`: word classes belong in guards, not phrases`)
    if (words[0] === '*' || words.at(-1) === '*') fail(`phrase \`${phrase}\`: \`*\` may only stand between words`)
  }
  for (const [kind, phrases] of Object.entries(rule.kinds ?? {})) {
    for (const phrase of phrases ?? []) if (!rule.phrases.includes(phrase)) fail(`kinds.${kind}: \`${phrase}\` is not one of the rule's phrases`)
  }
  if (rule.rationale.split(/(?<=[.!?])\s+(?=[A-Z])/).length > 3) fail('the rationale has more than three sentences')
}

/** Check packs together: ids unique across all of them, frames naming known classes. */
export function checkPacks(packs: RulePack[]): void {
  checkWordClasses(packs)
  const owner = new Map<string, string>()
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const other = owner.get(rule.id)
      if (other) throw new RulePackError(pack.origin, `rule \`${rule.id}\` is already defined in ${other}`)
      owner.set(rule.id, pack.origin)
    }
  }
}
