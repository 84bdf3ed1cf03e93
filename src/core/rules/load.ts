/**
 * Load rule packs: parse YAML or JSON, validate against rules/rule-pack.schema.json,
 * then check what a schema cannot (unique ids, contested rules never errors).
 * Every problem is one line naming the file, the rule and the problem.
 */
import {Ajv} from 'ajv'
import {parse as parseYaml} from 'yaml'
import schema from '../../../rules/rule-pack.schema.json' with {type: 'json'}
import {describeSchemaError} from '../schema-errors.js'
import type {Rule, RulePack} from '../types.js'
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

let validate: ReturnType<Ajv['compile']> | undefined

/** Parse and validate one pack's text. `path` names it in errors. */
export function parseRulePack(path: string, text: string): RulePack {
  let data: unknown
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, {prettyErrors: false})
  } catch (error) {
    throw new RulePackError(path, `cannot parse: ${String((error as Error).message).split('\n')[0]}`)
  }
  validate ??= new Ajv({allErrors: true, strict: false}).compile(schema)
  if (!validate(data)) {
    const errors = validate.errors ?? []
    const rules = (data as {rules?: Array<{id?: unknown}>})?.rules
    const first = errors.slice().sort((a, b) => b.instancePath.length - a.instancePath.length)[0]
    const index = first && /^\/rules\/(\d+)/.exec(first.instancePath)?.[1]
    const id = index !== undefined && index !== null ? rules?.[Number(index)]?.id : undefined
    throw new RulePackError(path, `${typeof id === 'string' ? `rule \`${id}\`: ` : ''}${describeSchemaError(errors)}`)
  }
  const pack = data as Omit<RulePack, 'origin' | 'rules'> & {rules?: Array<Omit<Rule, 'category'>>}
  // A frame rule has no phrases: it matches a relation inside a clause.
  const rules: Rule[] = (pack.rules ?? []).map((r) => ({...r, phrases: r.phrases ?? [], category: pack.category, origin: path}))
  for (const rule of rules) checkRule(path, rule)
  const out: RulePack = {category: pack.category, description: pack.description, rules, origin: path}
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

function checkRule(path: string, rule: Rule) {
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
