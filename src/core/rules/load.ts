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
import {MAX_GUARDS_PER_RULE, MAX_PACK_CHARS, MAX_PHRASE_CHARS, MAX_PHRASE_WORDS, MAX_PHRASES_PER_RULE, MAX_RULES_PER_PACK, MAX_WILDCARDS, MAX_YAML_ALIASES} from '../limits.js'

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
export function parseRulePack(path: string, source: string): SourcePack {
  // Editors on Windows save JSON and YAML with a byte-order mark.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  if (text.length > MAX_PACK_CHARS) throw new RulePackError(path, `too large for a rule pack (${megabytes(text.length)}; the limit is ${megabytes(MAX_PACK_CHARS)})`)
  let data: unknown
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text, {prettyErrors: false, maxAliasCount: MAX_YAML_ALIASES})
  } catch (error) {
    throw new RulePackError(path, `cannot parse: ${String((error as Error).message).split('\n')[0]}`)
  }
  const count = (data as {rules?: unknown})?.rules
  if (Array.isArray(count) && count.length > MAX_RULES_PER_PACK) {
    throw new RulePackError(path, `${count.length} rules; the limit is ${MAX_RULES_PER_PACK} per pack (split it into several packs)`)
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
        ? [frame.verb, frame.agent, frame.object, frame.by, frame.for, frame.notAgent, frame.objectWith, frame.owner, frame.notOwner, frame.unlessNear, frame.objectClause, ...(frame.near ?? []), ...Object.values(frame.prep ?? {}), ...Object.values(frame.unlessPrep ?? {})].flat(2)
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
  const fail = (problem: string): never => {
    throw new RulePackError(path, `rule \`${rule.id}\`: ${problem}`)
  }
  if (rule.contested && rule.severity === 'error') fail('a contested rule cannot be an error')
  for (const [profile, severity] of Object.entries(rule.profiles ?? {})) {
    if (rule.contested && severity === 'error') fail(`a contested rule cannot be an error (profiles.${profile})`)
  }
  if (rule.phrases.length > MAX_PHRASES_PER_RULE) fail(`${rule.phrases.length} phrases; the limit is ${MAX_PHRASES_PER_RULE} per rule`)
  const guards = [rule.unlessBefore, rule.unlessAfter, rule.onlyBefore, rule.onlyAfter, rule.unlessNear, rule.onlyNear, rule.unlessInParagraph].flatMap((g) => g ?? [])
  if (guards.length > MAX_GUARDS_PER_RULE) fail(`${guards.length} guard phrases; the limit is ${MAX_GUARDS_PER_RULE} per rule`)
  for (const phrase of guards) checkPhraseSize(phrase, 'guard', fail)
  const seen = new Set<string>()
  for (const phrase of rule.phrases) {
    checkPhraseSize(phrase, 'phrase', fail)
    const key = phraseWords(phrase.toLowerCase()).join(' ')
    if (seen.has(key)) fail(`phrase \`${phrase}\` is listed twice`)
    seen.add(key)
    const words = phraseWords(phrase)
    if (words.some((w) => w.startsWith('@'))) fail(`phrase \`${phrase}\`: word classes belong in guards, not phrases`)
    if (words[0] === '*' || words.at(-1) === '*') fail(`phrase \`${phrase}\`: \`*\` may only stand between words`)
    const wildcards = words.filter((w) => w === '*').length
    if (wildcards > MAX_WILDCARDS) fail(`phrase \`${shorten(phrase)}\`: ${wildcards} wildcards; the limit is ${MAX_WILDCARDS} per phrase`)
  }
  for (const [kind, phrases] of Object.entries(rule.kinds ?? {})) {
    for (const phrase of phrases ?? []) if (!rule.phrases.includes(phrase)) fail(`kinds.${kind}: \`${phrase}\` is not one of the rule's phrases`)
  }
  for (const [i, alt] of rule.alternatives.entries()) {
    if (typeof alt === 'string') continue
    for (const phrase of alt.phrases ?? []) if (!rule.phrases.includes(phrase)) fail(`alternatives[${i}].phrases: \`${phrase}\` is not one of the rule's phrases`)
  }
  if (rule.rationale.split(/(?<=[.!?])\s+(?=[A-Z])/).length > 3) fail('the rationale has more than three sentences')
}

/** A phrase must have a word, and not be absurdly long (shared by rule packs and `allow` lists). */
export function phraseProblem(phrase: string): string | undefined {
  if (phrase.length > MAX_PHRASE_CHARS) return `is ${phrase.length} characters long; the limit is ${MAX_PHRASE_CHARS}`
  const words = phraseWords(phrase)
  if (words.length === 0) return 'has no words'
  if (words.length > MAX_PHRASE_WORDS) return `has ${words.length} words; the limit is ${MAX_PHRASE_WORDS}`
  return undefined
}

function checkPhraseSize(phrase: string, what: string, fail: (problem: string) => never) {
  const problem = phraseProblem(phrase)
  if (problem) fail(`${what} \`${shorten(phrase)}\` ${problem}`)
}

export const shorten = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s)
const megabytes = (chars: number) => `${(chars / 1048576).toFixed(1)} MB`

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

/**
 * dist/rules.json leaves each rule's category and origin to its pack, and names its sources by number in the pack's
 * `sourceTable` (the .vsix has a size budget): put them back.
 */
export function unpackRules(packs: RulePack[]): RulePack[] {
  for (const pack of packs as Array<RulePack & {sourceTable?: string[]}>) {
    const table = pack.sourceTable
    delete pack.sourceTable
    for (const rule of pack.rules) {
      Object.assign(rule, {category: rule.category ?? pack.category, origin: rule.origin ?? pack.origin})
      if (table && rule.sources) rule.sources = (rule.sources as unknown[]).map((s) => (typeof s === 'number' ? table[s] : String(s)))
    }
  }
  return packs
}
