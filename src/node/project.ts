/**
 * Reviewers for documents on disk: each document gets the configuration its
 * folder resolves to, and documents sharing a configuration share a Reviewer.
 */
import {relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'
import {checkPacks, findConfigFiles, mergeConfigs, resolveConfig, Reviewer, type Config, type ResolvedConfig, type RulePack} from '../core/index.js'
import {builtinPacks} from './builtin-rules.js'
import {createNodeHost} from './fs-host.js'

export interface ProjectOptions {
  /** Use only this config file (no walking up). */
  configFile?: string
  /** Settings that win over every file (e.g. --profile). */
  overrides?: Config
  /** Settings below every file (e.g. editor settings). */
  defaults?: Config
  /** Whether rule files named by config files may be loaded. */
  trusted?: boolean
  /** Extra packs (e.g. from the command line). */
  packs?: RulePack[]
}

const toPosix = (p: string) => p.split(sep).join('/')

export class Project {
  private readonly host = createNodeHost()
  private readonly reviewers = new Map<string, Reviewer>()
  private readonly resolved = new Map<string, ResolvedConfig>()

  constructor(readonly options: ProjectOptions = {}) {}

  /** The configuration that applies to a document path. Throws ConfigError / RulePackError. */
  configFor(path: string): ResolvedConfig {
    const abs = toPosix(resolve(path))
    const files = this.options.configFile ? [toPosix(resolve(this.options.configFile))] : findConfigFiles(this.host, abs)
    const key = files.join('\n')
    let resolved = this.resolved.get(key)
    if (!resolved) {
      resolved = resolveConfig(this.host, files, {trusted: this.options.trusted})
      this.resolved.set(key, resolved)
    }
    return resolved
  }

  reviewerFor(path: string): Reviewer {
    const resolved = this.configFor(path)
    const key = resolved.files.join('\n')
    let reviewer = this.reviewers.get(key)
    if (!reviewer) {
      const own = [...(this.options.packs ?? []), ...resolved.packs]
      const packs = [...builtinPacks(), ...own]
      // The built-in packs were checked when they were built; an organisation's own are checked with them (ids unique across all).
      if (own.length > 0) checkPacks(packs)
      reviewer = new Reviewer(packs, mergeConfigs(this.options.defaults, resolved.config, this.options.overrides))
      this.reviewers.set(key, reviewer)
    }
    return reviewer
  }

  /** Whether a file is one this project read: a config file or a rule pack named by `ruleFiles`. */
  uses(path: string): boolean {
    const abs = toPosix(resolve(path))
    for (const r of this.resolved.values()) {
      if (r.files.includes(abs) || r.packs.some((p) => p.origin === abs)) return true
    }
    return false
  }

  /** Whether a config file's `ignore` globs exclude this document. */
  isIgnored(path: string): boolean {
    const abs = resolve(path)
    return this.configFor(abs).ignore.some(({base, pattern}) => {
      const rel = toPosix(relative(base, abs))
      return !rel.startsWith('..') && picomatch(pattern, {dot: true})(rel)
    })
  }
}

