/**
 * Finding a document's configuration: walk up from its folder; the nearest
 * .recoverylintrc.json / .recoverylintrc.yaml wins, and `root: true` stops the walk.
 * The CLI and the editor both call this, so they read the same files the same way.
 */
import {parse as parseYaml} from 'yaml'
import {ConfigError, mergeConfigs, validateConfig, type ConfigFileData} from './config.js'
import {dirname, joinPath, type FileHost} from './host.js'
import {parseRulePack} from './rules/load.js'
import {MAX_CONFIG_CHARS, MAX_YAML_ALIASES} from './limits.js'
import type {Config, RulePack} from './types.js'

export const CONFIG_NAMES = ['.recoverylintrc.json', '.recoverylintrc.yaml', '.recoverylintrc.yml']

/** Read and validate one config file. Errors are one line naming the file and the key. */
export function readConfigFile(host: FileHost, file: string): ConfigFileData {
  let text: string | undefined
  try {
    text = host.readFile(file)
  } catch (error) {
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`)
  }
  if (text === undefined) throw new ConfigError(file, 'no such file')
  // Editors on Windows save JSON and YAML with a byte-order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.length > MAX_CONFIG_CHARS) throw new ConfigError(file, `too large for a configuration file (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_CONFIG_CHARS / 1048576} MB)`)
  let data: unknown
  try {
    data = file.endsWith('.json') ? JSON.parse(text || '{}') : (parseYaml(text, {prettyErrors: false, maxAliasCount: MAX_YAML_ALIASES}) ?? {})
  } catch (error) {
    throw new ConfigError(file, `cannot parse: ${String((error as Error).message).split('\n')[0]}`)
  }
  return validateConfig(data, file)
}

/** Config files that apply to `documentPath`, nearest first, up to and including one with `root: true`. */
export function findConfigFiles(host: FileHost, documentPath: string): string[] {
  const found: string[] = []
  let dir = dirname(documentPath)
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = joinPath(dir, name)
      let exists: boolean
      try {
        exists = host.readFile(candidate) !== undefined
      } catch (error) {
        throw new ConfigError(candidate, `cannot read: ${(error as Error).message}`)
      }
      if (exists) {
        found.push(candidate)
        if (readConfigFile(host, candidate).root) return found
        break
      }
    }
    const parent = dirname(dir)
    if (parent === dir) return found
    dir = parent
  }
}

export interface ResolvedConfig {
  /** The files that applied, nearest first. */
  files: string[]
  config: Config
  /** Packs named by `ruleFiles` in those files. */
  packs: RulePack[]
  /** `ignore` globs with the folder they are relative to. */
  ignore: Array<{base: string; pattern: string}>
}

/**
 * The configuration for one document: files from the farthest (root) to the
 * nearest, each overriding the one before key by key. `trusted: false` (an
 * untrusted workspace) refuses to load rule files.
 */
export function resolveConfig(host: FileHost, files: string[], options: {trusted?: boolean} = {}): ResolvedConfig {
  const datas = files.map((file) => ({file, data: readConfigFile(host, file)}))
  const packs: RulePack[] = []
  const ignore: ResolvedConfig['ignore'] = []
  // A pack named twice (`p.json` and `./p.json`, or by two config files, or through a link) is loaded once.
  const loaded = new Set<string>()
  for (const {file, data} of [...datas].reverse()) {
    for (const pattern of data.ignore ?? []) ignore.push({base: dirname(file), pattern})
    if (!data.ruleFiles || options.trusted === false) continue
    for (const relative of data.ruleFiles) {
      const path = joinPath(dirname(file), relative)
      let real = path
      try {
        real = host.realPath?.(path) ?? path
      } catch {
        // Reported when it is read.
      }
      if (loaded.has(real)) continue
      loaded.add(real)
      let text: string | undefined
      try {
        text = host.readFile(path)
      } catch (error) {
        throw new ConfigError(file, `\`ruleFiles\`: cannot read ${relative}: ${(error as Error).message}`)
      }
      if (text === undefined) throw new ConfigError(file, `\`ruleFiles\`: no such file ${relative}`)
      packs.push(parseRulePack(path, text))
    }
  }
  return {files, config: mergeConfigs(...datas.reverse().map((d) => d.data)), packs, ignore}
}
