/**
 * Reviewers for documents whose configuration files come through a FileHost with
 * absolute POSIX paths (the browser's host: files the editor handed over). The
 * same rules as the CLI's Project (src/node/project.ts): the configuration a
 * document's folder resolves to, documents sharing one share a Reviewer, and
 * `ignore` globs are relative to the config file that names them.
 */
import picomatch from 'picomatch'
import {checkPacks, findConfigFiles, mergeConfigs, resolveConfig, Reviewer, type FileHost, type ResolvedConfig, type RulePack} from '../core/index.js'
import type {ProjectSettings, ReviewerProject} from './host.js'

export class FileProject implements ReviewerProject {
  private readonly reviewers = new Map<string, Reviewer>()
  private readonly resolved = new Map<string, ResolvedConfig>()

  constructor(
    private readonly files: FileHost,
    private readonly builtinPacks: () => RulePack[],
    private readonly settings: ProjectSettings
  ) {}

  /** Throws ConfigError / RulePackError. */
  configFor(path: string): ResolvedConfig {
    const files = findConfigFiles(this.files, path)
    const key = files.join('\n')
    let resolved = this.resolved.get(key)
    if (!resolved) {
      resolved = resolveConfig(this.files, files, {trusted: this.settings.trusted})
      this.resolved.set(key, resolved)
    }
    return resolved
  }

  reviewerFor(path: string): Reviewer {
    const resolved = this.configFor(path)
    const key = resolved.files.join('\n')
    let reviewer = this.reviewers.get(key)
    if (!reviewer) {
      const packs = [...this.builtinPacks(), ...resolved.packs]
      checkPacks(packs)
      reviewer = new Reviewer(packs, mergeConfigs(this.settings.defaults, resolved.config, this.settings.overrides))
      this.reviewers.set(key, reviewer)
    }
    return reviewer
  }

  uses(path: string): boolean {
    for (const r of this.resolved.values()) {
      if (r.files.includes(path) || r.packs.some((p) => p.origin === path)) return true
    }
    return false
  }

  isIgnored(path: string): boolean {
    return this.configFor(path).ignore.some(({base, pattern}) => {
      const folder = base === '/' ? '/' : `${base}/`
      return path.startsWith(folder) && picomatch(pattern, {dot: true})(path.slice(folder.length))
    })
  }
}
