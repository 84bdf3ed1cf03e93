/**
 * Write every generated file (scripts/lib/generated.ts): rule pages, the
 * settings in package.json, directive snippets and grammar.
 *   npm run generate              write them
 *   npm run generate -- --check   exit 1 when one is out of date
 *   tsx scripts/generate.ts --validators   only the schema validators (the build runs this first)
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {generatedFiles, VALIDATORS, validatorsModule} from './lib/generated.js'

const check = process.argv.includes('--check')
const onlyValidators = process.argv.includes('--validators')
const files: Map<string, string> = onlyValidators ? new Map([[VALIDATORS, validatorsModule('.')]]) : generatedFiles(parseBuiltinPacks(), '.')
const stale: string[] = []
for (const [path, content] of files) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
  if (current === content) continue
  stale.push(path)
  if (!check) {
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
}
// Pages of rules that no longer exist.
for (const name of !onlyValidators && existsSync('docs/rules') ? readdirSync('docs/rules') : []) {
  const path = `docs/rules/${name}`
  if (name.endsWith('.md') && !files.has(path)) {
    stale.push(path)
    if (!check) rmSync(path)
  }
}
if (check && stale.length > 0) {
  console.error(`generated files out of date (run npm run generate): ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`)
  process.exit(1)
}
if (!onlyValidators || stale.length > 0) console.log(check ? 'generated files up to date' : `${stale.length} file(s) written${onlyValidators ? ' (schema validators)' : ''}`)
