/**
 * The language server, driven in-process over streams as an editor would drive it.
 * Run alone: node --import tsx --test test/server/server.test.ts
 */
import assert from 'node:assert/strict'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {after, before, describe, test} from 'node:test'
import {ALLOW_PHRASE_COMMAND, CREATE_CONFIG_COMMAND, SILENCE_COMMAND, FIX_ALL_KIND, REVIEW_FILE_REQUEST, RULE_PAGE_REQUEST, type CreateConfigResult, type DiagnosticData} from '../../src/server/protocol.js'
import {Project} from '../../src/node/project.js'
import {addAllowed} from '../../src/server/config-writes.js'
import {disableFileEdit, disableLineEdit, lineAfterFrontMatter, lineDirectiveEdit, Reviewer} from '../../src/core/index.js'
import type {Diagnostic} from 'vscode-languageserver/node'
import type {Settings} from '../../src/server/settings-schema.js'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {builtinPacks} from '../../src/node/builtin-rules.js'
import {applyEdits, editsFor, makeWorkspace, startTestServer, withServer, TEAM_CONFIG, TEAM_PACK, type TestClient} from './harness.js'

const DOC = '# Team notes\n\nWe keep a gloomy outlook on the week.\n  He is a sad case, they said.\n'

/** Open DOC (two findings), rewrite `file` and tell the server: only the gloomy-outlook finding is left. */
async function changeLeavesOnlyGloomy(ws: ReturnType<typeof makeWorkspace>, client: TestClient, file: string, content: string) {
  const uri = ws.uri('a.md')
  assert.equal((await client.open(uri, DOC)).length, 2)
  writeFileSync(join(ws.dir, file), content)
  const again = await client.nextDiagnostics(uri, () => client.filesChanged([ws.uri(file)]))
  assert.deepEqual(
    again.map((d) => d.code),
    ['team-gloomy-outlook']
  )
}

describe('language server', () => {
  let ws: ReturnType<typeof makeWorkspace>
  let client: TestClient

  before(async () => {
    ws = makeWorkspace({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG, null, 2), 'team.yml': TEAM_PACK})
    client = await startTestServer({folder: ws.dir, settings: {typingDelay: 50}})
  })
  after(async () => {
    await client.dispose()
    ws.cleanup()
  })

  test('publishes diagnostics with source, code, range, severity and data', async () => {
    const uri = ws.uri('notes.md')
    const diags = await client.open(uri, DOC)
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.source]),
      [
        ['team-gloomy-outlook', 2, 10, 24, 2, 'recovery-lint'],
        ['team-sad-case', 3, 8, 18, 3, 'recovery-lint']
      ]
    )
    const data = diags[0].data as DiagnosticData
    assert.equal(data.ruleId, 'team-gloomy-outlook')
    // "open outlook" needs "an": it is a rewrite that takes in the article, so only the first is a drop-in.
    assert.deepEqual(data.suggestions, ['hopeful outlook'])
    assert.deepEqual(data.fixes?.map((f) => [f.before, f.replacement]), [[0, 'hopeful outlook'], [2, 'open outlook'.replace(/^/, 'an ')]])
    assert.equal(data.safeFix, true)
    assert.equal(diags[0].message, '“gloomy outlook” is a test rule.')
    assert.deepEqual(client.status.get(uri)?.counts, {deficit: 2})
  })

  test('reviews again after an edit (debounced), unsaved text included', async () => {
    const uri = ws.uri('edit.md')
    await client.open(uri, 'Nothing to see.\n')
    assert.equal(client.latest(uri)?.length, 0)
    const diags = await client.nextDiagnostics(uri, () => client.change(uri, 'Nothing to see.\nA gloomy outlook.\n'))
    assert.equal(diags.length, 1)
    assert.equal(diags[0].range.start.line, 1)
  })

  test('drops stale reviews: rapid edits produce one review of the last text', async () => {
    const uri = ws.uri('rapid.md')
    await client.open(uri, 'Start.\n')
    const seen: number[] = []
    const done = client.nextDiagnostics(uri, () => {
      client.change(uri, 'A gloomy outlook.\n')
      client.change(uri, 'A gloomy outlook.\nA gloomy outlook.\n')
      client.change(uri, 'A gloomy outlook.\nA gloomy outlook.\nA gloomy outlook.\n')
    })
    seen.push((await done).length)
    assert.deepEqual(seen, [3])
  })

  test('info shows as Hint when recoveryLint.infoAsHint is set', async () => {
    client.settings.infoAsHint = true
    client.configChanged()
    const uri = ws.uri('hint.md')
    const diags = await client.open(uri, 'He is a sad case.\n')
    assert.equal(diags[0].severity, 4)
    client.settings.infoAsHint = false
    client.configChanged()
  })

  test('one code action per fix: a drop-in replaces the range, a rewrite the words around it', async () => {
    const uri = ws.uri('fix.md')
    const diags = await client.open(uri, DOC)
    const actions = await client.codeActions(uri, diags[0].range, [diags[0]])
    const replaces = actions.filter((a) => a.title.startsWith('Replace '))
    assert.deepEqual(
      replaces.map((a) => a.title),
      ['Replace with “hopeful outlook”', 'Replace “a gloomy outlook” with “an open outlook”']
    )
    assert.equal(applyEdits(DOC, editsFor(replaces[1], uri)).split('\n')[2], 'We keep an open outlook on the week.')
    assert.equal(replaces[0].isPreferred, true)
  })

  test('disable for this line inside a paragraph appends the directive, so the paragraph stays whole', async () => {
    const uri = ws.uri('line.md')
    const diags = await client.open(uri, DOC)
    const sad = diags.find((d) => d.code === 'team-sad-case')!
    const action = (await client.codeActions(uri, sad.range, [sad])).find((a) => a.title === 'Disable rule team-sad-case for this line')
    assert.ok(action)
    const after = applyEdits(DOC, editsFor(action, uri))
    // A comment line of its own here would split the paragraph in two.
    assert.equal(after.split('\n')[3], '  He is a sad case, they said. <!-- recovery-lint-disable-line team-sad-case -->')
    assert.equal(after.split('\n').length, DOC.split('\n').length)
    const again = await client.nextDiagnostics(uri, () => client.change(uri, after))
    assert.deepEqual(
      again.map((d) => d.code),
      ['team-gloomy-outlook']
    )
  })

  test('disable in this file inserts after front matter and silences the rule everywhere', async () => {
    const uri = ws.uri('file.md')
    const text = '---\ntitle: Notes\n---\n' + DOC + 'Another gloomy outlook.\n'
    const diags = await client.open(uri, text)
    assert.equal(diags.filter((d) => d.code === 'team-gloomy-outlook').length, 2)
    const d = diags[0]
    const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title === 'Disable rule team-gloomy-outlook in this file')
    assert.ok(action)
    const after = applyEdits(text, editsFor(action, uri))
    assert.equal(after.split('\n')[3], '<!-- recovery-lint-disable team-gloomy-outlook -->')
    assert.equal(after.split('\n')[0], '---')
    const again = await client.nextDiagnostics(uri, () => client.change(uri, after))
    assert.deepEqual(
      again.map((x) => x.code),
      ['team-sad-case']
    )
  })

  test('plain text: no directive quick fixes (a comment would be text the reader sees), allow and turn off instead; a typed directive still works', async () => {
    const uri = ws.uri('plain.txt')
    const text = 'He is a sad case.\n'
    const diags = await client.open(uri, text, 'plaintext')
    const titles = (await client.codeActions(uri, diags[0].range, [diags[0]])).map((a) => a.title)
    assert.ok(!titles.some((t) => t.startsWith('Disable')), titles.join(' | '))
    assert.ok(titles.includes('Allow “sad case” in this workspace'), titles.join(' | '))
    assert.ok(titles.includes("Turn rule team-sad-case off in this workspace's configuration file"), titles.join(' | '))
    const again = await client.nextDiagnostics(uri, () => client.change(uri, '<!-- recovery-lint-disable-next-line team-sad-case -->\n' + text))
    assert.equal(again.length, 0)
  })

  test('source.fixAll.recoveryLint applies every safe finding’s first suggestion, and only those', async () => {
    const uri = ws.uri('fixall.md')
    const text = 'A gloomy outlook.\nHe is a sad case.\nAnother gloomy outlook here.\n'
    await client.open(uri, text)
    const actions = await client.codeActions(uri, {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, [], [FIX_ALL_KIND])
    assert.equal(actions.length, 1)
    assert.equal(actions[0].kind, FIX_ALL_KIND)
    assert.equal(applyEdits(text, editsFor(actions[0], uri)), 'A hopeful outlook.\nHe is a sad case.\nAnother hopeful outlook here.\n')
    // `source` (what editor.codeActionsOnSave asks for with source.fixAll) matches too.
    const viaParent = await client.codeActions(uri, {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, [], ['source.fixAll'])
    assert.equal(viaParent.length, 1)
    // Quick fixes only: no fix-all.
    const quick = await client.codeActions(uri, {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, [], ['quickfix'])
    assert.equal(quick.length, 0)
  })

  test('hover: the message once, the best alternative first and marked safe, the others, the reason, category and rule once, how to silence', async () => {
    const uri = ws.uri('hover.md')
    await client.open(uri, DOC)
    const hover = await client.hover(uri, {line: 2, character: 14})
    const value = (hover?.contents as {value: string}).value
    const lines = value.split('\n')
    assert.ok(lines.length <= 15, `${lines.length} lines: ${value}`)
    assert.equal(lines[0], '“gloomy outlook” is a test rule.')
    assert.equal(value.split('is a test rule').length, 2, 'the message once')
    assert.match(value, /\*\*Try:\*\* hopeful outlook — ✓ \*safe to apply\*/)
    assert.match(value, /\*\*Or:\*\* an open outlook/)
    assert.ok(value.indexOf('hopeful outlook') < value.indexOf('an open outlook'))
    assert.match(value, /\*Test rationale sentence, long enough for the schema\.\*/)
    assert.equal(value.split('`team-gloomy-outlook`').length, 2, 'the rule once')
    assert.match(value, /Deficit framing · `team-gloomy-outlook`/)
    assert.match(value, /To silence it/)
    // A finding that is not safe to apply is not marked so.
    const sad = await client.hover(uri, {line: 3, character: 12})
    assert.doesNotMatch((sad?.contents as {value: string}).value, /safe to apply/)
    assert.equal(await client.hover(uri, {line: 0, character: 2}), null)
  })

  test('hover in the extension: the message is not said again (VS Code shows the diagnostic’s above it); findings sharing a hover name their words', async () => {
    await withServer({}, {init: {clientCommands: [SILENCE_COMMAND]}}, async (ours, w) => {
      const uri = w.uri('hover.md')
      await ours.open(uri, '# Notes\n\nOur peer workers are role models for the mentally ill.\n')
      const value = ((await ours.hover(uri, {line: 2, character: 25}))?.contents as {value: string}).value
      assert.doesNotMatch(value, /casts the peer worker/)
      assert.match(value, /^\*\*Try:\*\* /)
      assert.match(value, /\[Silence…\]\(command:/)
    })
  })

  test('the log says where a start went: initialize, the warm-up (held until initialize is answered), the first findings', async () => {
    const start = makeWorkspace({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK})
    const fresh = await startTestServer({folder: start.dir, warmUp: {uri: pathToFileURL(start.dir).href, trusted: true}})
    try {
      const diags = await fresh.settled(start.uri('notes.md'), () => void fresh.open(start.uri('notes.md'), DOC))
      // The line follows the diagnostics it reports on.
      for (let i = 0; i < 100 && !fresh.logs.some((l) => l.includes('first findings')); i++) await new Promise((r) => setTimeout(r, 20))
      const lines = fresh.logs.map((l) => l.replace(/^\[recovery-lint\] /, ''))
      assert.match(lines[0], /^initialize came at \d+ ms of the server process$/)
      for (const line of lines.filter((l) => l.startsWith('warmed up'))) assert.match(line, /^warmed up for the folder at (\d+)–(\d+) ms of the server process$/)
      const first = lines.filter((l) => l.startsWith('first findings'))
      assert.equal(first.length, 1)
      const [, count, at, came, took] = /^first findings \((\d+)\) at (\d+) ms of the server process: the document came at (\d+) ms, its review took (\d+) ms$/.exec(first[0]) ?? []
      assert.equal(Number(count), diags.length)
      assert.ok(Number(came) <= Number(at) && Number(took) <= Number(at) - Number(came), first[0])
    } finally {
      await fresh.dispose()
      start.cleanup()
    }
  })

  test('review file request reviews a file from disk into Problems', async () => {
    writeFileSync(join(ws.dir, 'disk.md'), 'On disk: a gloomy outlook.\n')
    const uri = ws.uri('disk.md')
    const result = await client.request<{findings: number}>(REVIEW_FILE_REQUEST, {uri})
    assert.equal(result.findings, 1)
    assert.equal(client.latest(uri)?.[0].code, 'team-gloomy-outlook')
  })
})

describe('language server: configuration files', () => {
  test('allow phrase writes .recoverylintrc.json keeping other keys, and re-reviews', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify({...TEAM_CONFIG, profile: 'peer'}, null, 4), 'team.yml': TEAM_PACK}, {settings: {typingDelay: 20}}, async (client, ws) => {
      const uri = ws.uri('a.md')
      const diags = await client.open(uri, DOC)
      const sad = diags.find((d) => d.code === 'team-sad-case')!
      const allow = (await client.codeActions(uri, sad.range, [sad])).find((a) => a.title.startsWith('Allow'))!
      assert.equal(allow.title, 'Allow “sad case” in this workspace')
      assert.equal(allow.command?.command, ALLOW_PHRASE_COMMAND)
      const reviewed = client.nextDiagnostics(uri)
      await client.executeCommand(allow.command!.command, allow.command!.arguments!)
      const written = JSON.parse(readFileSync(join(ws.dir, '.recoverylintrc.json'), 'utf8'))
      assert.deepEqual(written, {...TEAM_CONFIG, profile: 'peer', allow: ['sad case']})
      assert.match(readFileSync(join(ws.dir, '.recoverylintrc.json'), 'utf8'), /^ {4}"root"/m)
      assert.deepEqual(
        (await reviewed).map((d) => d.code),
        ['team-gloomy-outlook']
      )
    })
  })

  test('allow phrase creates .recoverylintrc.json when there is none, never settings.json', async () => {
    await withServer({'doc.md': 'x\n'}, {}, async (client, ws) => {
      await client.executeCommand(ALLOW_PHRASE_COMMAND, [ws.uri('doc.md'), 'peer mentor'])
      assert.deepEqual(JSON.parse(readFileSync(join(ws.dir, '.recoverylintrc.json'), 'utf8')), {allow: ['peer mentor']})
      assert.equal(existsSync(join(ws.dir, '.vscode', 'settings.json')), false)
    })
  })

  test('invalid config: one error diagnostic at line 1 naming the file and key, one message, no crash', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify({root: true, profile: 'nonsense'})}, {}, async (client, ws) => {
      const diags = await client.open(ws.uri('a.md'), '# Title\n\nText.\n')
      assert.equal(diags.length, 1)
      assert.equal(diags[0].severity, 1)
      assert.equal(diags[0].range.start.line, 0)
      assert.match(String(diags[0].message), /\.recoverylintrc\.json/)
      assert.match(String(diags[0].message), /profile/)
      await client.open(ws.uri('b.md'), 'More.\n')
      assert.equal(client.messages.filter((m) => m.type === 1).length, 1, 'the window message is shown once')
      // Fixing the file and telling the server re-reviews without a restart.
      writeFileSync(join(ws.dir, '.recoverylintrc.json'), JSON.stringify({...TEAM_CONFIG, ruleFiles: []}))
      const again = await client.nextDiagnostics(ws.uri('a.md'), () => client.filesChanged([ws.uri('.recoverylintrc.json')]))
      assert.equal(again.length, 0)
    })
  })

  test('a changed config file re-reviews open documents', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {}, async (client, ws) => {
      await changeLeavesOnlyGloomy(ws, client, '.recoverylintrc.json', JSON.stringify({...TEAM_CONFIG, rules: {'team-sad-case': 'off'}}))
    })
  })

  test('severity settings: rule:id and category:id say which; a bare id shared by both is the category', async () => {
    const text = 'She is a role model. She is living proof that recovery happens.\n'
    const run = (severity: Record<string, 'error' | 'warning' | 'info' | 'off'>) =>
      withServer({}, {settings: {severity}}, async (client, ws) => (await client.open(ws.uri('a.md'), text)).map((d) => `${d.code}:${d.severity}`).sort())
    // Severities: 2 warning, 3 information.
    assert.deepEqual(await run({'role-model': 'info'}), ['living-proof:3', 'role-model:3'])
    assert.deepEqual(await run({'category:role-model': 'info'}), ['living-proof:3', 'role-model:3'])
    assert.deepEqual(await run({'rule:role-model': 'info'}), ['living-proof:2', 'role-model:3'])
    assert.deepEqual(await run({'rule:role-model': 'off', 'living-proof': 'info'}), ['living-proof:3'])
  })

  test('region setting: a word a region uses as its ordinary one is no finding there; config files and front matter win over it', async () => {
    const text = 'We offer a peer worker to every client.\n'
    const codes = (files: Record<string, string>, region: string | undefined, body = text) =>
      withServer(files, {settings: region ? {region: region as Settings['region']} : {}}, async (client, ws) => (await client.open(ws.uri('a.md'), body)).map((d) => d.code))
    assert.deepEqual(await codes({}, undefined), ['client'])
    assert.deepEqual(await codes({}, 'uk'), ['client'])
    assert.deepEqual(await codes({}, 'ca'), [])
    assert.deepEqual(await codes({}, 'nonsense'), ['client'])
    assert.deepEqual(await codes({'.recoverylintrc.json': JSON.stringify({region: 'uk'})}, 'ca'), ['client'])
    assert.deepEqual(await codes({}, 'ca', `---\nrecovery-lint:\n  region: uk\n---\n\n${text}`), ['client'])
  })

  test('a changed rule pack named by ruleFiles re-reviews open documents; other files do not count', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK, 'other.json': '{}'}, {}, async (client, ws) => {
      // The server re-reviews for the config files and packs a project read, not for any JSON or YAML file.
      const project = new Project({trusted: true})
      project.reviewerFor(join(ws.dir, 'a.md'))
      assert.equal(project.uses(join(ws.dir, 'other.json')), false)
      assert.equal(project.uses(join(ws.dir, 'team.yml')), true)
      assert.ok(TEAM_PACK.includes('sad case'))
      await changeLeavesOnlyGloomy(ws, client, 'team.yml', TEAM_PACK.replaceAll('sad case', 'glad case'))
    })
  })

  test('fixing a broken rule pack, or creating a missing one, re-reviews open documents', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': 'rules: [oops'}, {}, async (client, ws) => {
      const uri = ws.uri('a.md')
      const broken = await client.open(uri, DOC)
      assert.deepEqual(
        broken.map((d) => d.code),
        ['invalid-config']
      )
      writeFileSync(join(ws.dir, 'team.yml'), TEAM_PACK)
      const fixed = await client.nextDiagnostics(uri, () => client.filesChanged([ws.uri('team.yml')]))
      assert.deepEqual(fixed.map((d) => d.code).sort(), ['team-gloomy-outlook', 'team-sad-case'])
    })
  })

  test('untrusted workspace: rule files from the workspace are not loaded', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {trusted: false}, async (client, ws) => {
      assert.equal((await client.open(ws.uri('a.md'), DOC)).length, 0)
    })
  })

  test('settings: enable=false clears, exclude globs skip, severity overrides, size guard tells once', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {settings: {exclude: ['drafts/**'], severity: {'team-sad-case': 'error'}, sizeLimit: 1}}, async (client, ws) => {
      const diags = await client.open(ws.uri('a.md'), DOC)
      assert.equal(diags.find((d) => d.code === 'team-sad-case')?.severity, 1)
      assert.equal((await client.open(ws.uri('drafts/b.md'), DOC)).length, 0)
      const big = 'A gloomy outlook.\n'.repeat(100)
      assert.equal((await client.open(ws.uri('big.md'), big)).length, 0)
      assert.equal(client.status.get(ws.uri('big.md'))?.state, 'too-large')
      await client.nextDiagnostics(ws.uri('big.md'), () => client.change(ws.uri('big.md'), big + 'x'))
      assert.equal(client.messages.filter((m) => /sizeLimit/.test(m.message)).length, 1)
      client.settings.enable = false
      const cleared = await client.nextDiagnostics(ws.uri('a.md'), () => client.configChanged())
      assert.equal(cleared.length, 0)
    })
  })

  test('a large document: sliced first review, then incremental edits give the same findings as a cold review', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {settings: {sizeLimit: 2048, typingDelay: 10}}, async (client, ws) => {
      // A finding in every third paragraph: under the 1,000 diagnostics a document publishes.
      const para = (i: number) => `Paragraph ${i} talks about the week ahead and keeps ${i % 3 === 0 ? 'a gloomy' : 'an open'} outlook on it, as some do.\n\n`
      const paras = Array.from({length: 2600}, (_, i) => para(i))
      const text = paras.join('')
      assert.ok(text.length > 200_000)
      const uri = ws.uri('big.md')
      // The first slice's findings go out first (state 'reviewing'), then all of them.
      const early = await client.open(uri, text)
      assert.equal(client.status.get(uri)?.state, 'reviewing')
      assert.ok(early.length > 0 && early.length < 867, `${early.length} findings from the first slices`)
      // The same findings in the same places; which other uses of a wording each one links to is known at the end.
      const bare = (ds: Diagnostic[]) => ds.map(({relatedInformation: _, ...d}) => d)
      assert.deepEqual(bare(early), bare((await client.settled(uri)).slice(0, early.length)))
      const first = client.latest(uri)!
      assert.equal(first.length, 867)
      assert.equal(client.status.get(uri)?.state, 'ok')
      // Edit one paragraph in the middle: its finding moves, the others stay.
      paras[1299] = 'Paragraph 1299 is now hopeful.\n\nAnd a sad case follows with a gloomy outlook.\n\n'
      const after = await client.nextDiagnostics(uri, () => client.change(uri, paras.join('')))
      assert.equal(after.length, 868)
      const lines = after.map((d) => d.range.start.line)
      assert.deepEqual(lines.slice(432, 436), [2592, 2600, 2600, 2606])
      assert.equal(lines[867], 2 * 2598 + 2)
    })
  })

  test('create a configuration file: the starter changes no finding, with the profile the settings chose', async () => {
    const sample = readFileSync(new URL('../../samples/peer-support-policy.md', import.meta.url), 'utf8')
    for (const profile of ['peer', 'clinical'] as const) {
      await withServer({}, {settings: {typingDelay: 10, profile}}, async (client, ws) => {
        const uri = ws.uri('policy.md')
        const before = await client.open(uri, sample)
        assert.ok(before.length > 0)
        const result = (await client.executeCommand(CREATE_CONFIG_COMMAND, [pathToFileURL(ws.dir).href])) as CreateConfigResult
        assert.equal(result.created, true)
        const file = join(ws.dir, '.recoverylintrc.json')
        const starter = JSON.parse(readFileSync(file, 'utf8'))
        assert.equal(starter.profile, profile)
        assert.equal(starter.root, undefined)
        const after = await client.nextDiagnostics(uri, () => client.filesChanged([pathToFileURL(file).href]))
        assert.deepEqual(after, before)
        // A second time: the existing file is the answer, unchanged.
        const again = (await client.executeCommand(CREATE_CONFIG_COMMAND, [pathToFileURL(ws.dir).href])) as CreateConfigResult
        assert.deepEqual([again.created, again.uri], [false, result.uri])
      })
    }
  })

  test('run: onSave reviews on open and save, not while typing', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {settings: {run: 'onSave', typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('a.md')
      assert.equal((await client.open(uri, 'Fine.\n')).length, 0)
      client.change(uri, 'A gloomy outlook.\n')
      await new Promise((r) => setTimeout(r, 300))
      assert.equal(client.latest(uri)?.length, 0, 'no review while typing')
      const saved = await client.nextDiagnostics(uri, () => client.save(uri))
      assert.equal(saved.length, 1)
    })
  })

  test('closing a document clears its diagnostics', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {}, async (client, ws) => {
      const uri = ws.uri('a.md')
      assert.equal((await client.open(uri, DOC)).length, 2)
      const cleared = await client.nextDiagnostics(uri, () => client.close(uri))
      assert.equal(cleared.length, 0)
    })
  })

  test('untitled documents are reviewed with the workspace configuration', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {}, async (client) => {
      const diags = await client.open('untitled:Untitled-1', 'A gloomy outlook.\n')
      assert.equal(diags.length, 1)
    })
  })

  test('built-in rules: a peer-aligned document with a clinical outcome is flagged', async () => {
    await withServer({}, {}, async (client, ws) => {
      const diags = await client.open(ws.uri('policy.md'), 'The aim of the day programme is that every member leaves symptom-free.\n')
      assert.ok(diags.some((d) => d.code === 'symptom-free'), JSON.stringify(diags.map((d) => d.code)))
      assert.match(String((diags[0] as {codeDescription?: {href: string}}).codeDescription?.href ?? 'file:///docs/rules/symptom-free.md'), /^file:.*docs\/rules\/symptom-free\.md$/)
    })
  })

  test('rule pages where the client shows them: every rule links there, an organisation’s own too, and the server makes the pages', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify({root: true, ruleFiles: ['team.yml']}), 'team.yml': TEAM_PACK}, {rulePageBase: 'recovery-lint-rule:/'}, async (client, ws) => {
      const diags = await client.open(ws.uri('policy.md'), 'Every member leaves symptom-free. A gloomy outlook.\n')
      const href = (code: string) => (diags.find((d) => d.code === code) as {codeDescription?: {href: string}} | undefined)?.codeDescription?.href
      assert.equal(href('symptom-free'), 'recovery-lint-rule:/symptom-free')
      assert.equal(href('team-gloomy-outlook'), 'recovery-lint-rule:/team-gloomy-outlook')
      const hover = await client.hover(ws.uri('policy.md'), {line: 0, character: 22})
      const value = String((hover?.contents as {value: string}).value)
      assert.match(value, /\[Why\]\(recovery-lint-rule:\/symptom-free#why\) · \[Rule page\]\(recovery-lint-rule:\/symptom-free\)/)
      // No "Silence…" link for a client that did not say it has the command: the hover says how instead.
      assert.doesNotMatch(value, /command:/)
      assert.match(value, /To silence it: `"rules": \{"symptom-free": "off"\}`/)
      // The pages, as HTML: a built-in rule's (with its examples), the organisation's, and the catalogue with both.
      type Page = {title: string; html: string} | null
      const page = (name: string) => client.request<Page>(RULE_PAGE_REQUEST, {page: name})
      const builtin = await page('symptom-free')
      assert.equal(builtin?.title, 'Rule: symptom-free')
      assert.match(builtin!.html, /<h2 id="why">Why<\/h2>/)
      assert.match(builtin!.html, /<h2 id="examples">Examples<\/h2>/)
      assert.match(builtin!.html, /<a href="index\.md#clinicalised">/)
      const team = await page('team-gloomy-outlook')
      assert.match(team!.html, /Test rationale sentence/)
      assert.match(team!.html, /hopeful outlook/)
      const catalogue = await page('catalogue')
      assert.equal(catalogue?.title, 'Rule catalogue')
      assert.match(catalogue!.html, /<a href="symptom-free\.md"><code>symptom-free<\/code><\/a>/)
      assert.match(catalogue!.html, /<a href="team-gloomy-outlook\.md"><code>team-gloomy-outlook<\/code><\/a>/)
      assert.equal(await page('no-such-rule'), null)
    })
  })
})

describe('language server: allow, disable-line and fix-all in context', () => {
  /** Runs a diagnostic's "Allow …" quick fix and returns its title, the file written and the diagnostics after. */
  async function allow(client: TestClient, uri: string, d: Diagnostic) {
    const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.startsWith('Allow'))!
    const reviewed = client.nextDiagnostics(uri)
    const result = (await client.executeCommand(action.command!.command, action.command!.arguments!)) as {file: string} | null
    return {title: action.title, file: result?.file, after: await reviewed}
  }

  test('allow silences a phrase that starts with “the”, and drops only an article the engine added', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify({root: true}) + '\n'}, {settings: {typingDelay: 20}}, async (client, ws) => {
      for (const [text, code, title] of [
        ['We support the mentally ill.\n', 'the-mentally-ill', 'Allow “the mentally ill” in this workspace'],
        ['He was an addict for years.\n', 'addict', 'Allow “addict” in this workspace'],
        ['She is an inspiration to the team.\n', 'inspiration', 'Allow “an inspiration” in this workspace']
      ]) {
        const uri = ws.uri(`${code}.md`)
        const d = (await client.open(uri, text)).find((x) => x.code === code)
        assert.ok(d, `${code} is flagged in ${JSON.stringify(text)}`)
        const result = await allow(client, uri, d)
        assert.equal(result.title, title)
        assert.deepEqual(
          result.after.filter((x) => x.code === code),
          [],
          `${title} silences it`
        )
      }
      assert.deepEqual(JSON.parse(readFileSync(join(ws.dir, '.recoverylintrc.json'), 'utf8')).allow, ['the mentally ill', 'addict', 'an inspiration'])
    })
  })

  test('allow writes to the nearest config file (a sub folder’s), not the workspace root', async () => {
    await withServer({
      '.recoverylintrc.yaml': '# workspace config\nprofile: peer\n',
      'sub/.recoverylintrc.json': '{"root": true}\n',
      'sub/deeper/.keep': ''
    }, {settings: {typingDelay: 20}}, async (client, ws) => {
      const uri = ws.uri('sub/deeper/b.md')
      const d = (await client.open(uri, 'We support the mentally ill.\n')).find((x) => x.code === 'the-mentally-ill')!
      const result = await allow(client, uri, d)
      assert.equal(result.file, join(ws.dir, 'sub', '.recoverylintrc.json'))
      assert.deepEqual(JSON.parse(readFileSync(join(ws.dir, 'sub', '.recoverylintrc.json'), 'utf8')), {root: true, allow: ['the mentally ill']})
      assert.equal(readFileSync(join(ws.dir, '.recoverylintrc.yaml'), 'utf8'), '# workspace config\nprofile: peer\n')
      assert.equal(existsSync(join(ws.dir, '.recoverylintrc.json')), false)
      assert.deepEqual(
        result.after.map((x) => x.code),
        []
      )
      // A document the root config governs: the YAML file gets it, comments kept.
      const top = ws.uri('top.md')
      const d2 = (await client.open(top, 'He was an addict for years.\n')).find((x) => x.code === 'addict')!
      const result2 = await allow(client, top, d2)
      assert.equal(result2.file, join(ws.dir, '.recoverylintrc.yaml'))
      assert.match(readFileSync(join(ws.dir, '.recoverylintrc.yaml'), 'utf8'), /^# workspace config\nprofile: peer\nallow:\n {2}- addict\n$/)
      assert.deepEqual(
        result2.after.map((x) => x.code),
        []
      )
    })
  })

  test('disable for this line in a table row or a list item appends disable-line, keeping the table and the list', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {settings: {typingDelay: 20}}, async (client, ws) => {
      const cases: Array<[string, number, string]> = [
        ['| Who | Note |\n| --- | --- |\n| Sam | a sad case |\n| Ann | fine |\n', 2, '| Sam | a sad case <!-- recovery-lint-disable-line team-sad-case --> |'],
        ['Who | Note\n--- | ---\nSam | a sad case\n', 2, 'Sam | a sad case <!-- recovery-lint-disable-line team-sad-case -->'],
        ['- one\n- He is a sad case.\n- three\n', 1, '- He is a sad case. <!-- recovery-lint-disable-line team-sad-case -->'],
        ['1. First item\n   that goes on: a sad case\n   and on.\n2. Next\n', 1, '   that goes on: a sad case <!-- recovery-lint-disable-line team-sad-case -->'],
        ['- one with a hard break,  \n  a sad case\\\n  here\n', 1, '  a sad case <!-- recovery-lint-disable-line team-sad-case -->\\']
      ]
      let n = 0
      for (const [text, line, expected] of cases) {
        const uri = ws.uri(`table-${n++}.md`)
        const d = (await client.open(uri, text)).find((x) => x.code === 'team-sad-case')
        assert.ok(d, `flagged in ${JSON.stringify(text)}`)
        assert.equal(d.range.start.line, line)
        const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.endsWith('for this line'))!
        const after = applyEdits(text, editsFor(action, uri))
        assert.equal(after.split('\n').length, text.split('\n').length, 'no line is inserted')
        assert.equal(after.split('\n')[line], expected)
        const again = await client.nextDiagnostics(uri, () => client.change(uri, after))
        assert.deepEqual(
          again.map((x) => x.code),
          [],
          `silenced in ${JSON.stringify(after)}`
        )
      }
      // An ordinary paragraph line keeps the directive on a line of its own above.
      const uri = ws.uri('para.md')
      const text = 'Intro.\n\nHe is a sad case.\n'
      const d = (await client.open(uri, text))[0]
      const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.endsWith('for this line'))!
      assert.equal(applyEdits(text, editsFor(action, uri)), 'Intro.\n\n<!-- recovery-lint-disable-next-line team-sad-case -->\nHe is a sad case.\n')
    })
  })

  test('disable for this line goes by the finding’s start line, an article the engine took from the line before included', async () => {
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {settings: {typingDelay: 20}}, async (client, ws) => {
      const uri = ws.uri('wrap.md')
      const text = 'He is a\nsad case, they said.\n'
      const d = (await client.open(uri, text)).find((x) => x.code === 'team-sad-case')!
      assert.equal(d.range.start.line, 0)
      const action = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.endsWith('for this line'))!
      const after = applyEdits(text, editsFor(action, uri))
      const again = await client.nextDiagnostics(uri, () => client.change(uri, after))
      assert.deepEqual(
        again.map((x) => x.code),
        [],
        `silenced in ${JSON.stringify(after)}`
      )
    })
  })

  test('fix all uses the engine’s choice of fixes: a fix that changes nothing is no edit', async () => {
    const pack =
      TEAM_PACK +
      `  - id: team-steady
    severity: warning
    kind: adjective
    safeFix: true
    phrases: [steady outlook]
    message: "“{{text}}” is a no-op test rule."
    rationale: A rule whose first alternative is its own phrase, for the test.
    alternatives: [steady outlook]
    principles: [strengths-based]
    sources: ["Test source 2024"]
    examples: {flag: [A steady outlook., Such a steady outlook.], pass: [A calm mind., An open mind.]}
`
    await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': pack}, {settings: {typingDelay: 20}}, async (client, ws) => {
      const uri = ws.uri('noop.md')
      const text = 'A steady outlook.\nA gloomy outlook.\n'
      const diags = await client.open(uri, text)
      assert.deepEqual(
        diags.map((d) => d.code),
        ['team-steady', 'team-gloomy-outlook']
      )
      const actions = await client.codeActions(uri, {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, [], [FIX_ALL_KIND])
      assert.equal(actions.length, 1)
      assert.equal(actions[0].title, 'Fix all safe findings in this document (1)')
      assert.equal(editsFor(actions[0], uri).length, 1)
      assert.equal(applyEdits(text, editsFor(actions[0], uri)), 'A steady outlook.\nA hopeful outlook.\n')
    })
  })
})

const insertEditOf = (i: {line: number; character: number; text: string}) => ({range: {start: {line: i.line, character: i.character}, end: {line: i.line, character: i.character}}, newText: i.text})

/** The document's mdast without comments and positions, text runs joined and spaces collapsed: what it renders as. */
function rendering(text: string): unknown {
  type Node = {type: string; value?: string; children?: Node[]; position?: unknown}
  const strip = (node: Node): Node => {
    const {position: _position, ...rest} = node
    if (!node.children) return rest
    const children: Node[] = []
    for (const child of node.children.filter((c) => c.type !== 'html').map(strip)) {
      const last = children.at(-1)
      if (child.type === 'text' && last?.type === 'text') last.value = `${last.value}${child.value}`
      else children.push(child)
    }
    for (const c of children) if (c.type === 'text') c.value = c.value?.replace(/\s+/g, ' ').trim()
    return {...rest, children}
  }
  return strip(unified().use(remarkParse).use(remarkGfm).parse(text) as never)
}

describe('edits', () => {
  test('disable for this line keeps the rendering and silences the finding, around code spans, hard breaks and headings', () => {
    const reviewer = new Reviewer(builtinPacks())
    const cases: Array<[string, number]> = [
      ['| a | b |\n| - | - |\n| the patient | `x |\n| c | d |\n', 2],
      ['- one\n- the patient`s view\n- three\n', 1],
      ['> One.\n> The patient`s view.\n> Two.\n', 1],
      ['Intro,\nthe patient said `hi\nthere` ok.\n', 1],
      ['Intro,\nthe patient says ``a\nb`` ok.\n', 1],
      ['Run `x\ny` the patient `z\nw` end.\n', 1],
      ['Intro line.\n## What the patient said ##\n', 1],
      ['Intro,\nthe patient at C:\\\\\nnext line.\n', 1],
      ['Intro,\nthe patient at\\\nnext line.\n', 1],
      ['Intro,\nthe patient  \nnext line.\n', 1],
      ['Intro,\nthe patient said so.\n', 1]
    ]
    // The check can fail: a comment line of its own inside a paragraph splits it.
    const split = 'Intro,\nthe patient said so.\n'
    assert.notDeepEqual(rendering(applyEdits(split, [insertEditOf(lineDirectiveEdit(split, 1, 'above', 'patient'))])), rendering(split))
    for (const [text, line] of cases) {
      const finding = reviewer.review(text).find((f) => f.line === line + 1)
      assert.ok(finding, `a finding on line ${line + 1} of ${JSON.stringify(text)}`)
      const after = applyEdits(text, [insertEditOf(disableLineEdit(text, finding))])
      assert.deepEqual(rendering(after), rendering(text), `rendering kept: ${JSON.stringify(after)}`)
      assert.ok(!reviewer.review(after).some((f) => f.ruleId === finding.ruleId && f.line === line + 1), `silenced: ${JSON.stringify(after)}`)
    }
  })

  test('front matter detection', () => {
    assert.equal(lineAfterFrontMatter('---\na: 1\n---\n# x\n'), 3)
    assert.equal(lineAfterFrontMatter('# x\n---\n'), 0)
    assert.equal(lineAfterFrontMatter('---\nunterminated\n'), 0)
    assert.deepEqual(disableFileEdit('# x\n', 'r'), {line: 0, character: 0, text: '<!-- recovery-lint-disable r -->\n'})
  })
  test('the phrase to allow: the matched wording, without an article the engine took in', () => {
    const reviewer = new Reviewer(builtinPacks())
    const phrase = (text: string, ruleId: string) => reviewer.review(text).find((f) => f.ruleId === ruleId)?.phrase
    assert.equal(phrase('He is an addict.', 'addict'), 'addict')
    assert.equal(reviewer.review('He is an addict.').find((f) => f.ruleId === 'addict')?.text, 'an addict')
    assert.equal(phrase('Services for the mentally ill.', 'the-mentally-ill'), 'the mentally ill')
    assert.equal(phrase('Services for the\nmentally  ill.', 'the-mentally-ill'), 'the mentally ill')
    assert.equal(phrase('She is an inspiration to us all.', 'inspiration'), 'an inspiration')
  })
  test('edits keep the document’s line ending, a lone CR included', () => {
    assert.deepEqual(lineDirectiveEdit('One.\r  He is a sad case.\r', 1, 'above', 'r'), {line: 1, character: 0, text: '  <!-- recovery-lint-disable-next-line r -->\r'})
    assert.deepEqual(lineDirectiveEdit('One.\r\nTwo.\r\n', 1, 'above', 'r').text, '<!-- recovery-lint-disable-next-line r -->\r\n')
    assert.deepEqual(lineDirectiveEdit('- one\r- a sad case\r', 1, 'inline', 'r'), {line: 1, character: 12, text: ' <!-- recovery-lint-disable-line r -->'})
    assert.equal(lineAfterFrontMatter('---\ra: 1\r---\r# x\r'), 3)
    assert.deepEqual(disableFileEdit('---\ra: 1\r---\r# x\r', 'r'), {line: 3, character: 0, text: '<!-- recovery-lint-disable r -->\r'})
    assert.deepEqual(lineDirectiveEdit('One,\na sad case  \nsaid they.\n', 1, 'inline', 'r'), {line: 1, character: 10, text: ' <!-- recovery-lint-disable-line r -->'})
    // A code span that closes on the line: the end is prose again.
    assert.deepEqual(lineDirectiveEdit('One `code\na sad case` two\n', 1, 'inline', 'r'), {line: 1, character: 15, text: ' <!-- recovery-lint-disable-line r -->'})
  })
  test('the engine says where a line directive goes, from the block the finding is in', () => {
    const reviewer = new Reviewer(builtinPacks())
    const place = (text: string, format: 'markdown' | 'text' = 'markdown', ruleId = 'patient') => reviewer.review(text, format).find((f) => f.ruleId === ruleId)?.lineDirective
    // A blockquote line or a paragraph's second line: at the end; a paragraph's first line or a heading: above.
    assert.equal(place('> One.\n>\n> The patient said so.\n'), 'inline')
    assert.equal(place('One.\n\nThe patient said so,\nsaid they.\n'), 'above')
    assert.equal(place('One,\nthe patient said so.\n'), 'inline')
    assert.equal(place('# About\nThe patient said so.\n'), 'above')
    // (A heading names its subject: only labelling wording is a finding there.)
    assert.equal(place('## Services for the mentally ill\n', 'markdown', 'the-mentally-ill'), 'above')
    assert.equal(place('- one\n- the patient said so\n'), 'inline')
    assert.equal(place('| a | b |\n| - | - |\n| the patient | x |\n'), 'inline')
    // Plain text has no tables or lists: the directive goes above.
    assert.equal(place('- one\n- the patient said so\n', 'text'), 'above')
    const text = '> One.\n>\n> The patient said so.\n'
    const finding = reviewer.review(text).find((f) => f.ruleId === 'patient')!
    assert.equal(disableLineEdit(text, finding).text, ' <!-- recovery-lint-disable-line patient -->')
  })
  test('addAllowed keeps YAML comments and keys, and does not duplicate', () => {
    const yaml = '# team config\nprofile: service\nallow:\n  - peer mentor\n'
    const out = addAllowed(yaml, 'sad case', 'yaml')
    assert.match(out, /# team config/)
    assert.match(out, /profile: service/)
    assert.match(out, /- sad case/)
    assert.equal(addAllowed(out, 'Sad Case', 'yaml'), out)
    assert.throws(() => addAllowed('{"allow": "x"}', 'y', 'json'), /not a list/)
  })
})
