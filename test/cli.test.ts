// The command line as CI uses it: the JSON contract, exit codes, config errors.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {before, test} from 'node:test'
import {buildCli} from './cli/helpers.js'

const cli = resolve('dist/cli.cjs')
const run = (args: string[], options: {cwd?: string; input?: string} = {}) =>
  spawnSync(process.execPath, [cli, ...args], {cwd: options.cwd, input: options.input, encoding: 'utf8'})

let dir: string
before(() => {
  // Only when stale: a rebuild while another suite runs the CLI is what CI once caught as a run with no findings.
  buildCli()
  dir = mkdtempSync(join(tmpdir(), 'rl-cli-'))
  const fixture = resolve('test/fixtures/pack.yml')
  // The fixture pack's rules overlap built-in ones; switch those off so the fixtures stay independent of the vocabulary.
  writeFileSync(join(dir, '.recoverylintrc.json'), JSON.stringify({root: true, rules: {patient: 'off', 'role-model': 'off'}, ruleFiles: [fixture]}))
  writeFileSync(join(dir, 'clean.md'), '# Our team\n\nWe walk alongside people.\n')
  writeFileSync(join(dir, 'draft.md'), '# Draft\r\n\r\nEach patient has a test role model.\r\n')
})

test('json output is the PRODUCT.md contract, exactly', () => {
  const r = run(['--format', 'json', 'draft.md'], {cwd: dir})
  assert.equal(r.status, 1, r.stderr)
  const out = JSON.parse(r.stdout)
  assert.equal(out.length, 1)
  assert.deepEqual(Object.keys(out[0]), ['file', 'findings'])
  assert.equal(out[0].file, 'draft.md')
  const f = out[0].findings.find((x: {ruleId: string}) => x.ruleId === 'test-patient')
  assert.deepEqual(Object.keys(f), ['ruleId', 'category', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text', 'message', 'suggestions'])
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn, f.text], [3, 6, 3, 13, 'patient'])
  assert.equal(f.severity, 'warning')
  assert.ok(f.suggestions.length > 0)
})

test('exit 0 when nothing of warning or error severity is found', () => {
  const r = run(['clean.md'], {cwd: dir})
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.equal(r.stdout, '')
})

test('stylish output names the file, position, severity, message and rule; no colour off a terminal', () => {
  const r = run(['draft.md'], {cwd: dir})
  assert.equal(r.status, 1)
  assert.match(r.stdout, /^draft\.md\n/)
  assert.match(r.stdout, /3:6\s+warning\s+.*test-patient/)
  assert.ok(!r.stdout.includes('\u001b['), 'no ANSI colour when not a TTY')
})

test('stylish output lists repeated wording under its first place: "and N more in this file"', () => {
  const own = mkdtempSync(join(tmpdir(), 'rl-cli-repeats-'))
  writeFileSync(join(own, '.recoverylintrc.json'), JSON.stringify({root: true, rules: {patient: 'off'}, ruleFiles: [resolve('test/fixtures/pack.yml')]}))
  writeFileSync(join(own, 'repeated.md'), 'Each patient is welcome.\n\nA patient may bring a friend.\n\nEvery patient gets a key.\n')
  const r = run(['repeated.md'], {cwd: own})
  assert.equal(r.status, 1)
  assert.match(r.stdout, /1:6\s+warning\s+.*test-patient\n\s+and 2 more in this file: 3:1, 5:7\n/)
  assert.match(r.stdout, /3 findings/, 'every place still counts')
  const json = JSON.parse(run(['--format', 'json', 'repeated.md'], {cwd: own}).stdout)
  assert.equal(json[0].findings.length, 3, 'the JSON keeps every finding')
})

test('stdin with --stdin-filename', () => {
  const r = run(['--format', 'json', '--stdin-filename', 'notes.md', '-'], {cwd: dir, input: 'A patient.\n'})
  assert.equal(r.status, 1)
  const [file] = JSON.parse(r.stdout)
  assert.equal(file.file, 'notes.md')
  assert.equal(file.findings[0].text, 'A patient')
})

test('folders and globs', () => {
  const r = run(['--format', 'json', '.'], {cwd: dir})
  assert.deepEqual(JSON.parse(r.stdout).map((f: {file: string}) => f.file).sort(), ['clean.md', 'draft.md'])
  const g = run(['--format', 'json', '*.md'], {cwd: dir})
  assert.equal(JSON.parse(g.stdout).length, 2)
})

test('exit 2 with one line naming the file for bad input; other files are still reviewed', () => {
  const sub = mkdtempSync(join(tmpdir(), 'rl-bad-'))
  writeFileSync(join(sub, 'ok.md'), 'patients\n')
  writeFileSync(join(sub, 'bin.md'), Buffer.from([0x50, 0, 1, 2]))
  writeFileSync(join(sub, '.recoverylintrc.json'), JSON.stringify({root: true, ruleFiles: [resolve('test/fixtures/pack.yml')]}))
  const r = run(['--format', 'json', 'ok.md', 'bin.md', 'missing.md'], {cwd: sub})
  assert.equal(r.status, 2)
  const lines = r.stderr.trim().split('\n')
  assert.ok(lines.some((l) => /^recovery-lint: bin\.md: binary file/.test(l)), r.stderr)
  assert.ok(lines.some((l) => /^recovery-lint: missing\.md: no such file/.test(l)), r.stderr)
  assert.equal(JSON.parse(r.stdout)[0].findings[0].text, 'patients')
})

test('an invalid config is one line naming the file and the key, exit 2', () => {
  const sub = mkdtempSync(join(tmpdir(), 'rl-cfg-'))
  writeFileSync(join(sub, '.recoverylintrc.json'), JSON.stringify({root: true, profile: 'medical'}))
  writeFileSync(join(sub, 'a.md'), 'text\n')
  const r = run(['a.md'], {cwd: sub})
  assert.equal(r.status, 2)
  assert.match(r.stderr, /^recovery-lint: .*\.recoverylintrc\.json: `profile` must be one of "peer", "service", "clinical"\n$/)
  mkdirSync(join(sub, 'y'))
  writeFileSync(join(sub, 'y', '.recoverylintrc.yaml'), 'root: true\nrules:\n  test-patient: loud\n')
  writeFileSync(join(sub, 'y', 'b.md'), 'text\n')
  const y = run(['y/b.md'], {cwd: sub})
  assert.equal(y.status, 2)
  assert.match(y.stderr, /\.recoverylintrc\.yaml: `rules\.test-patient` must be one of/)
})

test('the nearest config wins key by key; root: true stops the walk; --profile overrides', () => {
  const sub = mkdtempSync(join(tmpdir(), 'rl-walk-'))
  writeFileSync(join(sub, '.recoverylintrc.json'), JSON.stringify({root: true, ruleFiles: [resolve('test/fixtures/pack.yml')], rules: {patient: 'off', 'role-model': 'off', 'test-patient': 'error'}}))
  mkdirSync(join(sub, 'team'))
  writeFileSync(join(sub, 'team', '.recoverylintrc.yaml'), 'rules:\n  test-role-model: off\n')
  writeFileSync(join(sub, 'team', 'doc.md'), 'The patient and the role model.\n')
  const r = run(['--format', 'json', 'team/doc.md'], {cwd: sub})
  const findings = JSON.parse(r.stdout)[0].findings.filter((f: {ruleId: string}) => f.ruleId.startsWith('test-'))
  assert.deepEqual(findings.map((f: {ruleId: string; severity: string}) => `${f.ruleId}:${f.severity}`), ['test-patient:error'])
  const c = run(['--format', 'json', '--profile', 'clinical', '--config', '.recoverylintrc.json', 'team/doc.md'], {cwd: sub})
  assert.equal(c.status, 1)
})

test('--region and a config file\'s region name where documents are written; unset, a document\'s own signs decide', () => {
  const sub = mkdtempSync(join(tmpdir(), 'rl-region-'))
  writeFileSync(join(sub, 'doc.md'), 'Lakeside Hospital in Toronto, Ontario, offers a peer worker to every client.\n')
  const clients = (args: string[]) => JSON.parse(run(['--format', 'json', ...args, 'doc.md'], {cwd: sub}).stdout)[0].findings.filter((f: {ruleId: string}) => f.ruleId === 'client').length
  assert.equal(clients([]), 0, 'a Canadian document: "client" is its services\' ordinary word')
  assert.equal(clients(['--region', 'uk']), 1)
  writeFileSync(join(sub, '.recoverylintrc.json'), JSON.stringify({root: true, region: 'uk'}))
  assert.equal(clients([]), 1)
  writeFileSync(join(sub, '.recoverylintrc.json'), JSON.stringify({root: true, region: 'mars'}))
  const bad = run(['doc.md'], {cwd: sub})
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /\.recoverylintrc\.json: `region` must be one of "us", "ca"/)
})

test('bad arguments: exit 2 and a one-line reason', () => {
  for (const args of [['--format', 'xml', 'a.md'], ['--profile', 'x', 'a.md'], ['--region', 'mars', 'a.md'], ['--nope'], []]) {
    const r = run(args, {cwd: dir})
    assert.equal(r.status, 2, args.join(' '))
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
  }
})

test('--fix leaves a file that is not valid UTF-8 byte for byte, and says so', async () => {
  const {readFileSync} = await import('node:fs')
  const sub = mkdtempSync(join(tmpdir(), 'rl-utf8-'))
  const bytes = Buffer.concat([Buffer.from('Line '), Buffer.from([0xff, 0xfe]), Buffer.from(' caf'), Buffer.from([0xe9]), Buffer.from(': he committed suicide.\n')])
  writeFileSync(join(sub, 'a.txt'), bytes)
  const r = run(['--fix', 'a.txt'], {cwd: sub})
  assert.equal(r.status, 2)
  assert.match(r.stderr, /a\.txt: not valid UTF-8 text \(line 1, column 6\), so it was not fixed/)
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr)
  assert.ok(readFileSync(join(sub, 'a.txt')).equals(bytes))
})

test('the bundle, with the phrases the build compiled, finds exactly what the engine finds from source', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const {readFileSync} = await import('node:fs')
  const compiled = JSON.parse(readFileSync('dist/rules.json', 'utf8'))
  assert.ok(compiled.phrases.variants.length > 1000, 'dist/rules.json carries the compiled phrases')
  const sample = 'samples/peer-support-policy.md'
  const r = run(['--format', 'json', resolve(sample)], {cwd: tmpdir()})
  const fromBundle = JSON.parse(r.stdout)[0].findings.map((f: {ruleId: string; line: number; column: number; suggestions: string[]}) => [f.ruleId, f.line, f.column, f.suggestions])
  const fromSource = new Reviewer(builtinPacks()).review(readFileSync(sample, 'utf8')).map((f) => [f.ruleId, f.line, f.column, f.suggestions])
  assert.ok(fromSource.length > 5)
  assert.deepEqual(fromBundle, fromSource)
})

test('the word classes the build inflected (dist/rules.json) are what the engine inflects from source', async () => {
  const {classKeysOf, compiledLexiconData, restoreKeys, PROFILES, Reviewer} = await import('../src/core/index.js')
  const {parseBuiltinPacks} = await import('../src/node/builtin-rules.js')
  const {readFileSync} = await import('node:fs')
  const rules = JSON.parse(readFileSync('dist/rules.json', 'utf8'))
  const shipped = rules.lexicon as ReturnType<typeof compiledLexiconData>
  const packs = parseBuiltinPacks()
  const entries = packs.flatMap((p) => Object.values(p.classes ?? {})).reduce((n, c) => n + c.words.length, 0)
  assert.ok(shipped.entries.length >= entries * 0.9, `dist/rules.json carries ${shipped.entries.length} class entries of ${entries}`)
  for (const profile of PROFILES) new Reviewer(packs, {profile})
  const source = compiledLexiconData(packs)
  // Each entry's forms with their flags, as [form, flags…] per word, by entry (the keys as a start restores them from the packs beside).
  const forms = (data: typeof source, beside: typeof packs) => new Map(restoreKeys(data.keys, classKeysOf(beside)).map((key, i) => [key, data.entries[i].map((w) => data.words[w])]))
  const fromBuild = forms(shipped, rules.packs)
  const fromSource = forms(source, packs)
  for (const [key, words] of fromBuild) assert.deepEqual(words, fromSource.get(key), key)
  assert.deepEqual([...fromBuild.keys()].sort(), [...fromSource.keys()].sort())
})
