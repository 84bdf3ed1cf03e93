/**
 * The editor's settings for a document: read once per document (resource
 * scope), made safe, and turned into the engine's terms (a profile below the
 * config files, severities above them).
 */
import picomatch from 'picomatch'
import type {Connection} from 'vscode-languageserver'
import {CATEGORIES, PROFILES, REGIONS, type CategoryId, type Config, type Profile} from '../core/index.js'
import type {ProjectSettings} from './host.js'
import {DEFAULT_SETTINGS, SETTINGS, SETTINGS_SECTION, type Settings} from './settings-schema.js'

const SEVERITIES = SETTINGS.severity.additionalProperties.enum as readonly string[]

/** Settings as the client sent them, with every value of the wrong shape replaced by its default. */
export function normaliseSettings(raw: Partial<Settings> | null | undefined): Settings {
  const s = {...DEFAULT_SETTINGS, ...(raw ?? {})}
  return {
    enable: s.enable !== false,
    languages: Array.isArray(s.languages) ? s.languages : DEFAULT_SETTINGS.languages,
    profile: (PROFILES as readonly string[]).includes(s.profile) ? s.profile : DEFAULT_SETTINGS.profile,
    region: (REGIONS as readonly string[]).includes(s.region) ? s.region : DEFAULT_SETTINGS.region,
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    typingDelay: Number.isFinite(s.typingDelay) && s.typingDelay >= 0 ? Math.min(s.typingDelay, SETTINGS.typingDelay.maximum) : DEFAULT_SETTINGS.typingDelay,
    sizeLimit: Number.isFinite(s.sizeLimit) && s.sizeLimit > 0 ? s.sizeLimit : DEFAULT_SETTINGS.sizeLimit,
    exclude: Array.isArray(s.exclude) ? s.exclude.filter((g) => typeof g === 'string' && g) : [],
    severity: s.severity && typeof s.severity === 'object' ? s.severity : {},
    infoAsHint: s.infoAsHint === true,
    statusBar: s.statusBar === 'long' ? 'long' : 'compact'
  }
}

/** Per-document settings, asked of the client once and kept until they change. */
export class SettingsStore {
  /** Whether the client answers workspace/configuration; without it, the defaults apply. */
  supported = false
  private readonly cache = new Map<string, Promise<Settings>>()

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supported) return Promise.resolve(normaliseSettings(undefined))
    let cached = this.cache.get(uri)
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({scopeUri: uri, section: SETTINGS_SECTION})
        .then((raw: Partial<Settings>) => normaliseSettings(raw))
        .catch(() => normaliseSettings(undefined))
      this.cache.set(uri, cached)
    }
    return cached
  }

  /** Settings the client already read for a document (InitializationOptions.firstDocument). */
  seed(uri: string, settings: Settings): void {
    if (this.supported && !this.cache.has(uri)) this.cache.set(uri, Promise.resolve(settings))
  }

  forget(uri: string): void {
    this.cache.delete(uri)
  }

  clear(): void {
    this.cache.clear()
  }
}

/** The engine configuration the settings make: the profile and region below config files, severities above them. */
export function projectSettings(settings: Settings, trusted: boolean): ProjectSettings {
  const defaults: Config = {profile: settings.profile as Profile, ...(settings.region === 'auto' ? {} : {region: settings.region})}
  const overrides: Config = {}
  for (const [key, value] of Object.entries(settings.severity)) {
    if (!SEVERITIES.includes(value)) continue
    // `rule:id` and `category:id` say which; a bare id is a category when one has that name (role-model is both).
    const [, kind, id] = /^(?:(rule|category):)?(.*)$/.exec(key) ?? []
    const isCategory = kind === 'category' || (kind === undefined && (CATEGORIES as readonly string[]).includes(id))
    if (isCategory) {
      if ((CATEGORIES as readonly string[]).includes(id)) (overrides.categories ??= {})[id as CategoryId] = value
    } else (overrides.rules ??= {})[id] = value
  }
  return {defaults, overrides, trusted}
}

/** Whether `recoveryLint.exclude` matches any of a document's paths (absolute, or relative to its folder). */
export function isExcluded(settings: Settings, paths: Array<string | undefined>): boolean {
  if (settings.exclude.length === 0) return false
  const isMatch = picomatch(settings.exclude, {dot: true})
  return paths.some((p) => p !== undefined && isMatch(p))
}
