/**
 * Generate docs/rules/<id>.md and docs/rules/index.md from the rule data.
 *   npm run docs          write them
 *   npm run docs:check    exit 1 when they are out of date
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {generatedDocs} from '../src/docs/rule-pages.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

const check = process.argv.includes('--check')
const docs = generatedDocs(builtinPacks())
const stale: string[] = []
for (const [path, content] of docs) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
  if (current === content) continue
  stale.push(path)
  if (!check) {
    mkdirSync('docs/rules', {recursive: true})
    writeFileSync(path, content)
  }
}
// Pages of rules that no longer exist.
for (const name of existsSync('docs/rules') ? readdirSync('docs/rules') : []) {
  const path = `docs/rules/${name}`
  if (name.endsWith('.md') && !docs.has(path)) {
    stale.push(path)
    if (!check) rmSync(path)
  }
}
if (check && stale.length > 0) {
  console.error(`docs out of date (run npm run docs): ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`)
  process.exit(1)
}
console.log(check ? 'docs up to date' : `${stale.length} page(s) written`)
