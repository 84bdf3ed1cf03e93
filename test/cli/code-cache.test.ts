/**
 * The code cache of the processes' entries (src/node/bundle-loader.ts), through the CLI: written once
 * in the user's cache folder and kept while it is accepted, a stale one replaced, and nothing said or
 * changed when the folder cannot be written or the cache is switched off.
 */
import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {before, test} from 'node:test'
import {buildCli, cli, project} from './helpers.js'

before(() => buildCli())

const DOC = {'policy.md': 'Our peer worker is a role model for every patient.\n'}

function run(env: Record<string, string>) {
  const r = cli(['--format', 'json', 'policy.md'], project(DOC), undefined, env)
  assert.equal(r.stderr, '')
  return JSON.parse(r.stdout)[0].findings.map((f: {ruleId: string}) => f.ruleId)
}

const cacheFiles = (home: string) => (existsSync(join(home, 'recovery-lint')) ? readdirSync(join(home, 'recovery-lint')) : [])

test('the first run writes the cache, later runs use it as it is, with the same findings', () => {
  const home = mkdtempSync(join(tmpdir(), 'rl-cache-'))
  const plain = run({RECOVERY_LINT_NO_CODE_CACHE: '1', XDG_CACHE_HOME: home})
  assert.ok(plain.length > 0)
  assert.deepEqual(cacheFiles(home), [], 'switched off: nothing written')
  assert.deepEqual(run({XDG_CACHE_HOME: home}), plain)
  const [file] = cacheFiles(home)
  assert.match(file, new RegExp(`^cli-bundle-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.cache$`))
  const written = statSync(join(home, 'recovery-lint', file)).mtimeMs
  assert.deepEqual(run({XDG_CACHE_HOME: home}), plain)
  // Accepted by V8, so not written again.
  assert.equal(statSync(join(home, 'recovery-lint', file)).mtimeMs, written)
  assert.deepEqual(cacheFiles(home), [file])
})

test('a damaged cache is rejected and replaced; an older bundle\'s cache for the same node is removed', () => {
  const home = mkdtempSync(join(tmpdir(), 'rl-cache-'))
  const plain = run({XDG_CACHE_HOME: home})
  const [file] = cacheFiles(home)
  const path = join(home, 'recovery-lint', file)
  writeFileSync(path, Buffer.from('not a code cache'))
  writeFileSync(join(home, 'recovery-lint', `cli-bundle-0000000000000000-${process.version}-${process.arch}.cache`), 'older build')
  // Another node's (an editor's own node) stays.
  const other = 'cli-bundle-0000000000000000-v0.0.0-x64.cache'
  writeFileSync(join(home, 'recovery-lint', other), 'another node')
  assert.deepEqual(run({XDG_CACHE_HOME: home}), plain)
  assert.deepEqual(cacheFiles(home).sort(), [file, other].sort())
  assert.ok(readFileSync(path).length > 100_000, 'written again')
})

test('an unwritable cache folder changes nothing', () => {
  const home = mkdtempSync(join(tmpdir(), 'rl-cache-'))
  // A file where the folder would be: it can be neither read nor made.
  writeFileSync(join(home, 'recovery-lint'), 'in the way')
  assert.ok(run({XDG_CACHE_HOME: home}).length > 0)
  assert.equal(readFileSync(join(home, 'recovery-lint'), 'utf8'), 'in the way')
})
