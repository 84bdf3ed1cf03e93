/**
 * Configuration: validation of a .recoverylintrc's data and severity resolution.
 * Finding and reading the files is config-files.ts, through the host.
 */
import {validateConfig as validateData} from './generated/validators.js'
import {describeSchemaError} from './schema-errors.js'
import {MAX_ALLOW, MAX_GLOB_CHARS, MAX_IGNORE, MAX_RULE_FILES} from './limits.js'
import {phraseProblem, shorten} from './rules/load.js'
import type {RulePack, CategoryId, Config, Profile, Rule, RuleSetting, Severity} from './types.js'

/** A configuration file's data, as validated. */
export interface ConfigFileData extends Config {
  root?: boolean
  ruleFiles?: string[]
  ignore?: string[]
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'ConfigError'
  }
}

/** Validate a config file's data against schemas/recoverylintrc.schema.json (compiled at build time). */
export function validateConfig(data: unknown, file: string): ConfigFileData {
  if (!validateData(data)) throw new ConfigError(file, describeSchemaError(validateData.errors))
  const config = data as ConfigFileData
  const tooMany = (key: string, count: number, limit: number) => new ConfigError(file, `\`${key}\` has ${count} entries; the limit is ${limit}`)
  if ((config.allow?.length ?? 0) > MAX_ALLOW) throw tooMany('allow', config.allow!.length, MAX_ALLOW)
  if ((config.ignore?.length ?? 0) > MAX_IGNORE) throw tooMany('ignore', config.ignore!.length, MAX_IGNORE)
  if ((config.ruleFiles?.length ?? 0) > MAX_RULE_FILES) throw tooMany('ruleFiles', config.ruleFiles!.length, MAX_RULE_FILES)
  config.allow?.forEach((phrase, i) => {
    const problem = phraseProblem(phrase)
    if (problem) throw new ConfigError(file, `\`allow.${i}\` (\`${shorten(phrase)}\`) ${problem}`)
  })
  config.ignore?.forEach((glob, i) => {
    if (glob.length > MAX_GLOB_CHARS) throw new ConfigError(file, `\`ignore.${i}\` is ${glob.length} characters long; the limit is ${MAX_GLOB_CHARS}`)
  })
  return config
}

/** Later configs win; `allow` lists add up. */
export function mergeConfigs(...configs: Array<Config | undefined>): Config {
  const out: Config = {}
  for (const c of configs) {
    if (!c) continue
    if (c.profile) out.profile = c.profile
    if (c.region) out.region = c.region
    if (c.rules) out.rules = {...out.rules, ...c.rules}
    if (c.categories) out.categories = {...out.categories, ...c.categories}
    if (c.allow) out.allow = [...(out.allow ?? []), ...c.allow]
  }
  return out
}

function fromSetting(setting: RuleSetting | undefined, fallback: Severity | 'off'): Severity | 'off' {
  if (setting === undefined || setting === true) return fallback
  if (setting === false) return 'off'
  return setting
}

/** The severity a rule reports at under a config, or 'off'. */
export function ruleSeverity(rule: Rule, config: Config): Severity | 'off' {
  const profile: Profile = config.profile ?? 'peer'
  // An opt-in rule stays off until a configuration names it.
  if (rule.optIn && config.rules?.[rule.id] === undefined) return 'off'
  let severity: Severity | 'off' = profile === 'peer' ? rule.severity : (rule.profiles?.[profile] ?? rule.profiles?.peer ?? rule.severity)
  severity = fromSetting(config.categories?.[rule.category as CategoryId], severity)
  severity = fromSetting(config.rules?.[rule.id], severity === 'off' && config.rules?.[rule.id] === true ? rule.severity : severity)
  // Contested wording is never an error, whatever a config says.
  if (severity === 'error' && rule.contested) severity = 'warning'
  return severity
}

/** A configuration with every opt-in rule turned on (for running every rule's examples). */
export function withOptIns(packs: RulePack[], config: Config = {}): Config {
  const optIns = packs.flatMap((p) => p.rules).filter((r) => r.optIn)
  return {...config, rules: {...Object.fromEntries(optIns.map((r) => [r.id, true])), ...config.rules}}
}
