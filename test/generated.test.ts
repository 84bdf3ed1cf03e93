/**
 * Files generated from one source are current: rule pages (from the packs),
 * package.json's settings (from src/server/settings-schema.ts), the directive
 * snippets and grammar (from src/core/directives.ts). Run `npm run generate`.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {DEFAULT_SETTINGS} from '../src/server/settings-schema.js'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {generatedFiles} from '../scripts/lib/generated.js'

const files = generatedFiles(parseBuiltinPacks(), '.')

test('generated files are current (npm run generate)', () => {
  const stale = [...files].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content).map(([p]) => p)
  assert.deepEqual(stale, [])
  const extra = readdirSync('docs/rules').filter((n) => !files.has(`docs/rules/${n}`))
  assert.deepEqual(extra, [], 'pages for rules that no longer exist')
})

test('every rule has a page that the catalogue links to', () => {
  const index = readFileSync('docs/rules/index.md', 'utf8')
  for (const rule of parseBuiltinPacks().flatMap((p) => p.rules)) assert.ok(index.includes(`](${rule.id}.md)`), rule.id)
})

test("package.json's settings carry the server's defaults (a drift fails here)", () => {
  const properties = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties
  const defaults = Object.fromEntries(Object.entries(properties).map(([name, spec]) => [name.replace(/^recoveryLint\./, ''), (spec as {default: unknown}).default]))
  assert.deepEqual(defaults, DEFAULT_SETTINGS)
})
