/** The built-in rule packs, read from the package's rules/ folder. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
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

export function builtinPacks(): RulePack[] {
  if (cached) return cached
  const dir = join(packageRoot(), 'rules')
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.replace(/\.ya?ml$/, '')) - CATEGORY_ORDER.indexOf(b.replace(/\.ya?ml$/, '')))
  const packs = files.map((f) => parseRulePack(`rules/${f}`, readFileSync(join(dir, f), 'utf8')))
  checkPacks(packs)
  return (cached = packs)
}
