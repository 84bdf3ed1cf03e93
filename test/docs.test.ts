import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {generatedDocs} from '../src/docs/rule-pages.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

test('the rule pages and the catalogue are current (npm run docs)', () => {
  const docs = generatedDocs(builtinPacks())
  const stale = [...docs].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content).map(([p]) => p)
  assert.deepEqual(stale, [])
  const extra = readdirSync('docs/rules').filter((n) => !docs.has(`docs/rules/${n}`))
  assert.deepEqual(extra, [], 'pages for rules that no longer exist')
})

test('every rule has a page that the catalogue links to', () => {
  const index = readFileSync('docs/rules/index.md', 'utf8')
  for (const rule of builtinPacks().flatMap((p) => p.rules)) assert.ok(index.includes(`](${rule.id}.md)`), rule.id)
})
