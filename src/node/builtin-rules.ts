/** The built-in rule packs, read from the package's rules/ folder. */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {CATEGORIES, checkPacks, parseRulePack, seedCompiledLexicon, unpackRules, seedCompiledPhrases, type CompiledLexiconData, type CompiledPhrasesData, type RulePack, type SourcePack} from '../core/index.js'

declare const __dirname: string | undefined
/** The build's fingerprint, defined in the bundles (scripts/build.mjs); undefined when running from source. */
declare const RECOVERY_LINT_BUILD: string | undefined

/** What the build writes to dist/rules.json. */
export interface CompiledRules {
  /** The fingerprint of the sources it was built from. */
  build: string
  packs: RulePack[]
  /** Every built-in phrase and guard, compiled (match/phrase.ts). */
  phrases: CompiledPhrasesData
  /** Every built-in word class entry's forms (frames/lexicon.ts). */
  lexicon: CompiledLexiconData
}

/** The package root: the nearest folder above this module holding rules/rule-pack.schema.json. */
export function packageRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'rules', 'rule-pack.schema.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('recovery-lint: cannot find its rules/ folder')
    dir = parent
  }
}

let cached: RulePack[] | undefined

/** The packs as the build compiled them (dist/rules.json): the only form the shipped bundles load. */
export const COMPILED_RULES = join('dist', 'rules.json')

/** The built-in word classes for frame rules. */
const CLASSES_FILE = 'classes.yml'
/** The second opinion's trained model. */
const MODEL_FILE = 'model.json'

function packFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== CLASSES_FILE)
    .sort((a, b) => CATEGORIES.indexOf(a.replace(/\.ya?ml$/, '') as never) - CATEGORIES.indexOf(b.replace(/\.ya?ml$/, '') as never))
}

/** Parse and validate the YAML packs (the source of truth): the build does, and a source checkout whose packs changed since. */
export function parseBuiltinPacks(root = packageRoot()): SourcePack[] {
  const dir = join(root, 'rules')
  const packs = packFiles(dir).map((f) => parseRulePack(`rules/${f}`, readFileSync(join(dir, f), 'utf8')))
  // The word classes travel with the first pack, so every consumer of the packs has them.
  const lexicon = parseRulePack(`rules/${CLASSES_FILE}`, readFileSync(join(dir, CLASSES_FILE), 'utf8'))
  packs[0].classes = {...lexicon.classes, ...packs[0].classes}
  // So does the second opinion's model, when one has been trained (scripts/train-model.ts).
  if (existsSync(join(dir, MODEL_FILE))) packs[0].model = JSON.parse(readFileSync(join(dir, MODEL_FILE), 'utf8'))
  checkPacks(packs)
  return packs
}

export function builtinPacks(): RulePack[] {
  if (cached) return cached
  const root = packageRoot()
  const compiled = join(root, COMPILED_RULES)
  if (existsSync(compiled)) {
    // Use the compiled packs unless a pack was edited after the build (a source checkout; a package ships no YAML).
    const built = statSync(compiled).mtimeMs
    const dir = join(root, 'rules')
    const sources = [...packFiles(dir), ...[CLASSES_FILE, MODEL_FILE].filter((f) => existsSync(join(dir, f)))]
    if (sources.every((f) => statSync(join(dir, f)).mtimeMs <= built)) {
      const data = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledRules
      unpackRules(data.packs)
      // Phrases compiled by the build of this very bundle; from source, the matching code may have changed since.
      if (typeof RECOVERY_LINT_BUILD === 'string' && data.build === RECOVERY_LINT_BUILD) {
        seedCompiledPhrases(data.phrases, data.packs)
        seedCompiledLexicon(data.lexicon, data.packs)
      }
      return (cached = data.packs)
    }
  }
  return (cached = parseBuiltinPacks(root))
}
