/** The built-in rule packs, read from the package's rules/ folder. */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {checkPacks, parseRulePack} from '../core/rules/load.js'
import type {RulePack} from '../core/types.js'

declare const __dirname: string | undefined

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

export const CATEGORY_ORDER = ['clinicalised', 'expert-patient', 'role-model', 'deficit', 'labelling']

let cached: RulePack[] | undefined

/** The packs as the build compiled them (dist/rules.json): parsing YAML is most of start-up. */
export const COMPILED_RULES = join('dist', 'rules.json')

/** The built-in word classes for frame rules. */
const CLASSES_FILE = 'classes.yml'

function packFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== CLASSES_FILE)
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.replace(/\.ya?ml$/, '')) - CATEGORY_ORDER.indexOf(b.replace(/\.ya?ml$/, '')))
}

/** Parse and validate the YAML packs (the source of truth). */
export function parseBuiltinPacks(root = packageRoot()): RulePack[] {
  const dir = join(root, 'rules')
  const packs = packFiles(dir).map((f) => parseRulePack(`rules/${f}`, readFileSync(join(dir, f), 'utf8')))
  // The word classes travel with the first pack, so every consumer of the packs has them.
  const lexicon = parseRulePack(`rules/${CLASSES_FILE}`, readFileSync(join(dir, CLASSES_FILE), 'utf8'))
  packs[0].classes = {...lexicon.classes, ...packs[0].classes}
  checkPacks(packs)
  return packs
}

export function builtinPacks(): RulePack[] {
  if (cached) return cached
  const root = packageRoot()
  const compiled = join(root, COMPILED_RULES)
  if (existsSync(compiled)) {
    // Use the compiled packs unless a pack was edited after the build.
    const built = statSync(compiled).mtimeMs
    const dir = join(root, 'rules')
    if ([...packFiles(dir), CLASSES_FILE].every((f) => statSync(join(dir, f)).mtimeMs <= built)) {
      return (cached = JSON.parse(readFileSync(compiled, 'utf8')) as RulePack[])
    }
  }
  return (cached = parseBuiltinPacks(root))
}
