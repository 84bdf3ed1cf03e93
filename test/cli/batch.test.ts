/** The batch CLI: formats, inputs (HTML, docx, ignore files), errors, filters, setup commands. */
import assert from 'node:assert/strict'
import {createHmac} from 'node:crypto'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {before, describe, test} from 'node:test'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {buildCli, cli, makeDocx, makeDocxXml, ONLY_FIXTURES, project, ROOT} from './helpers.js'

const POLICY = `# Peer work policy

Our peer worker is a wise mentor for everyone.

He is a glumster, they said.

Use \`wise mentor\` in code, and "a wise mentor" in quotes.

Some people end up as service fodder.
`

before(() => buildCli())

describe('json', () => {
  test('one entry per file with exactly the contract keys; exit 1 on warnings', () => {
    const dir = project({'docs/policy.md': POLICY, 'docs/clean.md': 'Nothing to see here.\n'})
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, 'docs'], dir)
    assert.equal(r.code, 1, r.stderr)
    const out = JSON.parse(r.stdout)
    assert.deepEqual(
      out.map((e: {file: string}) => e.file),
      ['docs/clean.md', 'docs/policy.md']
    )
    assert.deepEqual(Object.keys(out[1]), ['file', 'findings'])
    const findings = out[1].findings
    assert.deepEqual(
      findings.map((f: {ruleId: string}) => f.ruleId),
      ['zz-fixture-mentor', 'zz-fixture-glumster', 'zz-fixture-fodder']
    )
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['ruleId', 'category', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text', 'message', 'suggestions'])
    }
    assert.deepEqual(
      {line: findings[0].line, column: findings[0].column, endLine: findings[0].endLine, endColumn: findings[0].endColumn, text: findings[0].text},
      {line: 3, column: 20, endLine: 3, endColumn: 33, text: 'a wise mentor'}
    )
  })

  test('exit 0 when nothing at warning or error remains', () => {
    const dir = project({'a.md': 'They were service fodder.\n'})
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, 'a.md'], dir)
    assert.equal(r.code, 0, r.stderr)
    assert.equal(JSON.parse(r.stdout)[0].findings[0].severity, 'info')
  })
})

describe('sarif', () => {
  test('validates against the official SARIF 2.1.0 schema, with rules, regions and fixes', () => {
    const dir = project({'docs/policy.md': POLICY, 'docs/page.html': '<p>She is a wise mentor.</p>\n'})
    const r = cli(['--format', 'sarif', ...ONLY_FIXTURES, 'docs'], dir)
    assert.equal(r.code, 1, r.stderr)
    const log = JSON.parse(r.stdout)
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'))
    // The official schema is draft-04 ("id", "$schema": draft-04): Ajv's draft-04 class.
    // A CommonJS default export: under NodeNext the class is the module's `default`.
    const Draft04 = ((AjvDraft04 as unknown as {default?: typeof AjvDraft04}).default ?? AjvDraft04) as unknown as new (o: object) => {compile(s: object): ((d: unknown) => boolean) & {errors?: unknown[] | null}}
    const ajv = new Draft04({allErrors: true, strict: false})
    const formats = ((addFormats as unknown as {default?: unknown}).default ?? addFormats) as (a: unknown) => void
    formats(ajv)
    const validate = ajv.compile(schema)
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1))
    const run = log.runs[0]
    assert.equal(log.version, '2.1.0')
    assert.equal(run.columnKind, 'utf16CodeUnits')
    const rules = run.tool.driver.rules
    const mentorIndex = rules.findIndex((rule: {id: string}) => rule.id === 'zz-fixture-mentor')
    assert.ok(mentorIndex >= 0)
    const rule = rules[mentorIndex]
    assert.equal(rule.defaultConfiguration.level, 'warning')
    assert.match(rule.help.text, /fellow peer/)
    assert.match(rule.help.markdown, /- peer colleague/)
    assert.equal(rule.properties.category, 'role-model')
    const result = run.results.find((x: {ruleId: string}) => x.ruleId === 'zz-fixture-mentor')
    assert.equal(result.ruleIndex, mentorIndex)
    assert.equal(result.level, 'warning')
    const loc = result.locations[0].physicalLocation
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%')
    assert.match(loc.artifactLocation.uri, /^docs\/(page\.html|policy\.md)$/)
    assert.ok(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text)
    const glum = run.results.find((x: {ruleId: string}) => x.ruleId === 'zz-fixture-glumster')
    assert.equal(glum.level, 'error')
    assert.deepEqual(
      {startLine: glum.locations[0].physicalLocation.region.startLine, startColumn: glum.locations[0].physicalLocation.region.startColumn, endColumn: glum.locations[0].physicalLocation.region.endColumn},
      {startLine: 5, startColumn: 7, endColumn: 17}
    )
  })
})

describe('github', () => {
  test('workflow commands with escaped properties and data', () => {
    const dir = project({'a,b:c.md': 'He is a glumster.\nThey were service fodder.\nShe is a wise mentor.\n'})
    const r = cli(['--format', 'github', ...ONLY_FIXTURES, '.'], dir)
    assert.equal(r.code, 1, r.stderr)
    const lines = r.stdout.trimEnd().split('\n')
    assert.equal(lines.length, 3)
    assert.match(lines[0], /^::error file=a%2Cb%3Ac\.md,line=1,col=7,endLine=1,endColumn=17,title=recovery-lint\(zz-fixture-glumster\)::“glumster” makes a low mood/)
    assert.match(lines[1], /^::notice file=a%2Cb%3Ac\.md,line=2,col=11,endLine=2,endColumn=25,title=recovery-lint\(zz-fixture-fodder\)::/)
    assert.match(lines[2], /^::warning /)
    for (const line of lines) assert.doesNotMatch(line.split('::')[2] ?? '', /[\r\n]/)
  })
})

describe('html report', () => {
  test('self-contained, every finding marked in its sentence, escaped, with reasons and alternatives', () => {
    const dir = project({'docs/policy.md': POLICY, 'docs/x<y>.md': 'Tom & Jerry <b>said</b> she is a wise mentor & more.\n'})
    const r = cli(['--format', 'html', '-o', 'report.html', ...ONLY_FIXTURES, 'docs'], dir)
    assert.equal(r.code, 1, r.stderr)
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    assert.match(html, /^<!DOCTYPE html>/)
    assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(https?:)?\/\//i)
    assert.doesNotMatch(html, /<script|<link /i)
    assert.match(html, /<svg role="img"/)
    assert.match(html, /<h1>Recovery language review<\/h1>/)
    assert.match(html, /Our peer worker is <mark>a wise mentor<\/mark> for everyone\./)
    assert.match(html, /He is <mark>a glumster<\/mark>, they said\./)
    assert.match(html, /Tom &amp; Jerry &lt;b&gt;said&lt;\/b&gt; she is <mark>a wise mentor<\/mark> &amp; more\./)
    assert.match(html, /x&lt;y&gt;\.md/)
    assert.match(html, /Peer support is mutual\./) // the rule's rationale
    assert.match(html, /<li>a fellow peer<\/li>/)
    assert.equal((html.match(/<mark>/g) ?? []).length, 4)
    // A later run over the folder leaves reports (this one, or the one it writes) out.
    const again = cli(['--format', 'json', ...ONLY_FIXTURES, '.'], dir)
    assert.ok(!JSON.parse(again.stdout).some((e: {file: string}) => e.file.endsWith('.html')), again.stdout)
  })
})

describe('inputs', () => {
  test('HTML: prose, alt and title reviewed at exact source positions; code, pre, script, style and comments not', () => {
    const page = [
      '<!doctype html><html><head><title>A wise mentor team</title><style>.wise mentor{}</style></head><body>',
      '<h1>Peer work &amp; the wise&nbsp;mentor</h1>',
      '<p>Each worker is a <b>wise mentor</b>. <img src="x.png" alt="A glumster at the centre"></p>',
      '<pre>wise mentor</pre><p><code>wise mentor</code> and <a title="a wise mentor">link</a></p>',
      '<!-- recovery-lint-disable-next-line -->',
      '<p>a wise mentor, disabled</p>',
      '<script>var wise mentor</script>',
      '<blockquote><p>I was a wise mentor once.</p><footer>— <cite>Sam</cite></footer></blockquote><p>She said <q>a wise mentor</q> twice.</p>',
      '<table><tr><th>Avoid</th><th>Try</th></tr><tr><td>wise mentor</td><td>fellow peer</td></tr></table>',
      '</body></html>',
      ''
    ].join('\n')
    const dir = project({'page.html': page})
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, 'page.html'], dir)
    assert.equal(r.code, 1, r.stderr)
    const findings = JSON.parse(r.stdout)[0].findings as Array<{line: number; column: number; endLine: number; endColumn: number; text: string}>
    const lines = page.split('\n')
    const slices = findings.map((f) => {
      assert.equal(f.line, f.endLine)
      return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1)
    })
    assert.deepEqual(
      slices,
      findings.map((f) => f.text)
    )
    assert.deepEqual(slices, ['A wise mentor', 'wise&nbsp;mentor', 'wise mentor', 'A glumster', 'a wise mentor'])
    assert.deepEqual(
      findings.map((f) => f.line),
      [1, 2, 3, 3, 4]
    )
  })

  test('Word .docx: line = paragraph number, column within it, paragraph quoted', async () => {
    const docx = await makeDocx(['Peer work policy', '', 'Our workers act as a wise mentor for people.', 'He is a glumster, they said.'])
    const dir = project({'policy.docx': docx})
    const json = cli(['--format', 'json', ...ONLY_FIXTURES, 'policy.docx'], dir)
    assert.equal(json.code, 1, json.stderr)
    const findings = JSON.parse(json.stdout)[0].findings
    assert.deepEqual(
      findings.map((f: {line: number; column: number; text: string}) => [f.line, f.column, f.text]),
      [
        [3, 20, 'a wise mentor'],
        [4, 7, 'a glumster']
      ]
    )
    const stylish = cli([...ONLY_FIXTURES, 'policy.docx'], dir)
    assert.match(stylish.stdout, /¶3:20 +warning/)
    assert.match(stylish.stdout, /“Our workers act as a wise mentor for people\.”/)
  })

  test('Word .docx: table cells, runs split mid-word and line breaks', async () => {
    const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`
    const body =
      `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${r('Policy')}</w:p>` +
      `<w:tbl><w:tr><w:tc><w:p>${r('She is a wise mentor.')}</w:p></w:tc><w:tc><w:p>${r('Fine.')}</w:p></w:tc></w:tr></w:tbl>` +
      `<w:p>${r('Each is a wi')}${r('se mentor')}${r('.')}</w:p>` +
      `<w:p>${r('First line')}<w:r><w:br/></w:r>${r('He is a glumster.')}</w:p>`
    const dir = project({'t.docx': await makeDocxXml(body)})
    const out = cli(['--format', 'json', ...ONLY_FIXTURES, 't.docx'], dir)
    assert.equal(out.code, 1, out.stderr)
    assert.deepEqual(
      JSON.parse(out.stdout)[0].findings.map((f: {line: number; column: number; text: string}) => [f.line, f.column, f.text]),
      [
        [2, 8, 'a wise mentor'],
        [4, 9, 'a wise mentor'],
        [5, 18, 'a glumster']
      ]
    )
  })

  test('unreadable, binary and broken files: one line each on stderr, the others still reported, exit 2', () => {
    const dir = project({
      'a.md': 'She is a wise mentor.\n',
      'bin.txt': Buffer.from([0x50, 0x4b, 0, 1, 2, 3]),
      'broken.docx': 'this is not a zip',
      'z.md': 'He is a glumster.\n'
    })
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, '.', 'missing.md'], dir)
    assert.equal(r.code, 2)
    const files = JSON.parse(r.stdout).map((e: {file: string}) => e.file)
    assert.deepEqual(files, ['a.md', 'z.md'])
    const errors = r.stderr.trimEnd().split('\n')
    assert.equal(errors.length, 3, r.stderr)
    assert.match(r.stderr, /^recovery-lint: bin\.txt: binary file/m)
    assert.match(r.stderr, /^recovery-lint: broken\.docx: cannot read as a Word document/m)
    assert.match(r.stderr, /^recovery-lint: missing\.md: no such file or directory$/m)
  })

  test('a file without read permission is named, and the run goes on', {skip: process.getuid?.() === 0 ? 'root can read anything' : false}, () => {
    const dir = project({'a.md': 'She is a wise mentor.\n', 'secret.md': 'x\n'})
    chmodSync(join(dir, 'secret.md'), 0)
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, '.'], dir)
    assert.equal(r.code, 2)
    assert.match(r.stderr, /secret\.md: cannot read: permission denied/)
  })

  test('.gitignore and .recoverylintignore are respected when walking folders; named files are always read', () => {
    const dir = project({
      '.gitignore': 'build/\n*.draft.md\n',
      'docs/.recoverylintignore': 'archive/\n',
      'docs/a.md': 'She is a wise mentor.\n',
      'docs/b.draft.md': 'She is a wise mentor.\n',
      'docs/archive/old.md': 'She is a wise mentor.\n',
      'build/out.md': 'She is a wise mentor.\n'
    })
    const files = (args: string[]) => JSON.parse(cli(['--format', 'json', ...ONLY_FIXTURES, ...args], dir).stdout).map((e: {file: string}) => e.file)
    assert.deepEqual(files(['.']), ['docs/a.md'])
    assert.deepEqual(files(['docs']), ['docs/a.md'])
    assert.deepEqual(files(['docs/**/*.md']), ['docs/a.md'])
    assert.deepEqual(files(['docs/b.draft.md']), ['docs/b.draft.md'])
    assert.deepEqual(files(['--no-ignore', '.']).sort(), ['build/out.md', 'docs/a.md', 'docs/archive/old.md', 'docs/b.draft.md'])
  })

  test('stdin with --stdin-filename picks the format', () => {
    const dir = project()
    const r = cli(['--format', 'json', ...ONLY_FIXTURES, '--stdin-filename', 'x.html', '-'], dir, '<p title="a wise mentor">ok</p><code>glumster</code>\n')
    assert.equal(r.code, 1, r.stderr)
    const [entry] = JSON.parse(r.stdout)
    assert.equal(entry.file, 'x.html')
    assert.deepEqual(
      entry.findings.map((f: {text: string; column: number}) => [f.text, f.column]),
      [['a wise mentor', 11]]
    )
  })
})

describe('filters and CI options', () => {
  test('--rule and --category narrow the findings; unknown ids are exit 2', () => {
    const dir = project({'a.md': POLICY})
    const only = (args: string[]) => JSON.parse(cli(['--format', 'json', ...args, 'a.md'], dir).stdout)[0].findings.map((f: {ruleId: string}) => f.ruleId)
    assert.deepEqual(only(['--rule', 'zz-fixture-glumster']), ['zz-fixture-glumster'])
    assert.deepEqual(only(['--rule', 'zz-fixture-glumster', '--rule', 'zz-fixture-fodder']), ['zz-fixture-glumster', 'zz-fixture-fodder'])
    assert.deepEqual(only([...ONLY_FIXTURES, '--category', 'role-model']), ['zz-fixture-mentor', 'zz-fixture-glumster', 'zz-fixture-fodder'])
    assert.deepEqual(only([...ONLY_FIXTURES, '--category', 'deficit']), [])
    assert.deepEqual(only([...ONLY_FIXTURES, '--quiet']), ['zz-fixture-glumster'])
    const bad = cli(['--category', 'nope', 'a.md'], dir)
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /unknown category "nope"/)
    const badRule = cli(['--rule', 'no-such-rule', 'a.md'], dir)
    assert.equal(badRule.code, 2)
    assert.match(badRule.stderr, /unknown rule "no-such-rule"/)
  })

  test('--max-warnings', () => {
    const dir = project({'a.md': 'She is a wise mentor.\nThey are a wise mentor.\n'})
    assert.equal(cli([...ONLY_FIXTURES, '--max-warnings', '2', 'a.md'], dir).code, 0)
    assert.equal(cli([...ONLY_FIXTURES, '--max-warnings', '1', 'a.md'], dir).code, 1)
    assert.equal(cli([...ONLY_FIXTURES, '--max-warnings', 'x', 'a.md'], dir).code, 2)
  })

  test('--print-config prints the resolved configuration for a file', () => {
    const dir = project({'docs/.recoverylintrc.json': JSON.stringify({profile: 'service', rules: {'zz-fixture-fodder': 'off'}}), 'docs/a.md': 'x\n'})
    const r = cli(['--print-config', 'docs/a.md'], dir)
    assert.equal(r.code, 0, r.stderr)
    const config = JSON.parse(r.stdout)
    assert.equal(config.profile, 'service')
    assert.deepEqual(config.rules, {'zz-fixture-fodder': 'off'})
    assert.deepEqual(config.configFiles, ['docs/.recoverylintrc.json', '.recoverylintrc.json'])
  })

  test('--init writes a starter config that changes no finding, and refuses to overwrite', () => {
    const dir = project({'.recoverylintrc.json': JSON.stringify({root: true, profile: 'service', ruleFiles: ['fixture-pack.yml']})})
    const empty = join(dir, 'fresh')
    mkdirSync(empty)
    writeFileSync(join(empty, 'policy.md'), POLICY)
    const before = cli(['--format', 'json', 'policy.md'], empty)
    assert.equal(before.code, 1, before.stderr)
    const r = cli(['--init'], empty)
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /profile "service"/)
    const config = JSON.parse(readFileSync(join(empty, '.recoverylintrc.json'), 'utf8'))
    // No npm package path until the package is published: $schema only where this installation's schema lies inside the folder.
    assert.equal(config.$schema, undefined)
    assert.deepEqual(config, {profile: 'service', categories: {}, rules: {}, allow: [], ignore: []})
    assert.equal(cli(['--format', 'json', 'policy.md'], empty).stdout, before.stdout)
    // With no configuration around it either: the default profile, the same findings.
    const bare = mkdtempSync(join(tmpdir(), 'rl-init-'))
    writeFileSync(join(bare, 'policy.md'), readFileSync(join(ROOT, 'samples', 'peer-support-policy.md')))
    const bareBefore = cli(['--format', 'json', 'policy.md'], bare)
    assert.equal(bareBefore.code, 1, 'the sample has findings')
    assert.equal(cli(['--init'], bare).code, 0)
    assert.equal(JSON.parse(readFileSync(join(bare, '.recoverylintrc.json'), 'utf8')).profile, 'peer')
    assert.equal(cli(['--format', 'json', 'policy.md'], bare).stdout, bareBefore.stdout)
    const again = cli(['--init'], empty)
    assert.equal(again.code, 2)
    assert.match(again.stderr, /already exists/)
    // The starter config is valid: a run with it works.
    writeFileSync(join(empty, 'a.md'), 'Fine text.\n')
    assert.equal(cli(['a.md'], empty).code, 0)
  })

  test('--list-rules --format json', () => {
    const r = cli(['--list-rules', '--format', 'json'], project())
    assert.equal(r.code, 0, r.stderr)
    const rules = JSON.parse(r.stdout)
    assert.ok(Array.isArray(rules))
    for (const rule of rules) assert.ok(rule.id && rule.category && rule.severity)
  })

  test('--cache: unchanged files come from the cache; changed ones are reviewed again', () => {
    const dir = project({'a.md': 'She is a wise mentor.\n', 'b.md': 'Fine.\n'})
    // The key CI would hold as a secret (RECOVERY_LINT_CACHE_KEY); this test writes entries as the cache does.
    const env = {RECOVERY_LINT_CACHE_KEY: 'a-ci-secret-for-the-test'}
    const first = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, '.'], dir, undefined, env)
    assert.ok(existsSync(join(dir, '.recoverylintcache')))
    // Rewrite a cached entry as the cache itself would (with its MAC under the key): a hit shows the
    // rewritten message, proving no re-review.
    const cache = JSON.parse(readFileSync(join(dir, '.recoverylintcache'), 'utf8'))
    const key = Object.keys(cache.entries).find((k) => k.endsWith('a.md'))!
    const entry = cache.entries[key]
    entry.reviewed.findings[0].message = 'FROM CACHE'
    entry.mac = createHmac('sha256', env.RECOVERY_LINT_CACHE_KEY).update(`${entry.key}\n${JSON.stringify(entry.reviewed)}`).digest('hex')
    writeFileSync(join(dir, '.recoverylintcache'), JSON.stringify(cache))
    const second = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, '.'], dir, undefined, env)
    assert.equal(second.code, first.code)
    assert.equal(JSON.parse(second.stdout)[0].findings[0].message, 'FROM CACHE')
    // Another key (another CI secret, or the user's own key file): the entry does not verify, the file is reviewed.
    const other = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, '.'], dir, undefined, {RECOVERY_LINT_CACHE_KEY: 'another'})
    assert.equal(other.stdout, first.stdout)
    assert.equal(other.stderr, '')
    writeFileSync(join(dir, 'a.md'), 'She is a wise mentor!\n')
    const third = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, '.'], dir, undefined, env)
    assert.notEqual(JSON.parse(third.stdout)[0].findings[0].message, 'FROM CACHE')
  })

  test('--cache without RECOVERY_LINT_CACHE_KEY: a per-user key file, made private, reused by the next run', () => {
    const dir = project({'a.md': 'She is a wise mentor.\n'})
    const config = join(dir, 'config-home')
    const env = {XDG_CONFIG_HOME: config, RECOVERY_LINT_CACHE_KEY: ''}
    const first = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, 'a.md'], dir, undefined, env)
    const keyFile = join(config, 'recovery-lint', 'cache-key')
    assert.equal(statSync(keyFile).mode & 0o777, 0o600)
    const secret = readFileSync(keyFile, 'utf8').trim()
    assert.match(secret, /^[0-9a-f]{64}$/)
    // An entry made with the user's key is a hit (the run reads the same key file).
    const cache = JSON.parse(readFileSync(join(dir, '.recoverylintcache'), 'utf8'))
    const entry = Object.values(cache.entries)[0] as any
    entry.reviewed.findings[0].message = 'FROM CACHE'
    entry.mac = createHmac('sha256', secret).update(`${entry.key}\n${JSON.stringify(entry.reviewed)}`).digest('hex')
    writeFileSync(join(dir, '.recoverylintcache'), JSON.stringify(cache))
    const second = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, 'a.md'], dir, undefined, env)
    assert.equal(JSON.parse(second.stdout)[0].findings[0].message, 'FROM CACHE')
    assert.equal(readFileSync(keyFile, 'utf8').trim(), secret, 'the key is kept')
    // A key file others can read or write is not used: the entry is not trusted, the file is reviewed again.
    chmodSync(keyFile, 0o644)
    const third = cli(['--format', 'json', '--cache', ...ONLY_FIXTURES, 'a.md'], dir, undefined, env)
    assert.equal(third.stdout, first.stdout)
    assert.equal(third.stderr, '')
  })

  test('worker processes give the same report as a single process', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 60; i++) files[`docs/d${String(i).padStart(2, '0')}.md`] = i % 3 === 0 ? 'She is a wise mentor.\n' : i % 3 === 1 ? 'He is a glumster.\n' : 'Fine.\n'
    const dir = project(files)
    const one = cli(['--format', 'json', '--workers', '1', ...ONLY_FIXTURES, 'docs'], dir)
    const two = cli(['--format', 'json', '--workers', '2', ...ONLY_FIXTURES, 'docs'], dir)
    assert.equal(two.code, 1, two.stderr)
    assert.equal(two.stderr, '')
    assert.equal(two.stdout, one.stdout)
    assert.equal(JSON.parse(two.stdout).length, 60)
  })
})

describe('progress', () => {
  test('a batch of many files shows progress on stderr when stderr is a terminal, and clears it', async () => {
    const {run} = await import('../../src/cli/run.js')
    const files: Record<string, string> = {}
    for (let i = 0; i < 25; i++) files[`d${String(i).padStart(2, '0')}.md`] = 'Fine.\n'
    const dir = project(files)
    let stderr = ''
    let stdout = ''
    const io = {
      stdout: (s: string) => void (stdout += s),
      stderr: (s: string) => void (stderr += s),
      readStdin: async () => Buffer.alloc(0),
      isTty: false,
      stderrIsTty: true,
      cwd: dir,
      env: {}
    }
    const code = await run([...ONLY_FIXTURES, '.'], io)
    assert.equal(code, 0, stderr)
    assert.equal(stdout, '')
    assert.match(stderr, /\[1\/25\] d00\.md/)
    assert.match(stderr, /\[25\/25\] d24\.md/)
    assert.ok(stderr.endsWith('\r\u001b[K'))
    stderr = ''
    assert.equal(await run([...ONLY_FIXTURES, '.'], {...io, stderrIsTty: false}), 0)
    assert.equal(stderr, '')
  })
})
