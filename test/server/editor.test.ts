/**
 * What a writer meets in the editor, at the language server: repeated wording linked
 * and replaced in one go, fix-all offered and explained, the ways to silence a finding,
 * off meaning off for a workspace review too, and the first document's settings taken
 * from the client so its first review does not wait for them.
 * Run alone: node --import tsx --test test/server/editor.test.ts
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, test} from 'node:test'
import type {CodeAction, TextEdit, WorkspaceEdit} from 'vscode-languageserver/node'
import {builtinPacks} from '../../src/node/builtin-rules.js'
import {replaceAllEdits, Reviewer} from '../../src/core/index.js'
import {
  DISABLE_RULE_COMMAND,
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  REVIEW_FILE_REQUEST,
  SILENCE_COMMAND,
  SILENCE_KIND,
  TELL_COMMAND,
  type DiagnosticData,
  type FixAllResult
} from '../../src/server/protocol.js'
import {buildCli, CLI} from '../cli/helpers.js'
import {applyEdits, editsFor, makeWorkspace, startTestServer, withServer, TEAM_CONFIG, TEAM_PACK} from './harness.js'

const TEAM = {'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}
const WHOLE = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
const titles = (actions: CodeAction[]) => actions.map((a) => a.title)

function documentEdits(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return (edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])) as TextEdit[]
}

describe('language server: repeated wording', () => {
  test('uses of the same wording are linked: the first lists the others, each other points back at it', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('repeat.md')
      const text = 'A gloomy outlook.\n\nHe is a sad case.\n\nStill a gloomy outlook.\n\nSuch a gloomy outlook.\n'
      const diags = await client.open(uri, text)
      const gloomy = diags.filter((d) => d.code === 'team-gloomy-outlook')
      assert.equal(gloomy.length, 3)
      assert.deepEqual(
        gloomy[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
        [
          [uri, 4, 'Same wording, 2 of 3 in this document'],
          [uri, 6, 'Same wording, 3 of 3 in this document']
        ]
      )
      for (const d of gloomy.slice(1)) assert.deepEqual(d.relatedInformation?.map((r) => [r.location.range.start.line, r.message]), [[0, 'First of 3 uses of this wording in this document']])
      // Wording used once links to nothing.
      assert.equal(diags.find((d) => d.code === 'team-sad-case')?.relatedInformation, undefined)
    })
  })

  test('replace all N: one quick fix gives every use the form its own sentence takes', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('all.md')
      // At the start of a sentence the replacement takes the capital.
      const text = 'We keep a gloomy outlook.\n\nGloomy outlook is common.\n\nSuch a gloomy outlook.\n'
      const diags = await client.open(uri, text)
      const actions = await client.codeActions(uri, diags[0].range, [diags[0]], ['quickfix'])
      const all = actions.find((a) => a.title.startsWith('Replace all 3 in this document with'))
      assert.ok(all, titles(actions).join(' | '))
      assert.equal(all.title, 'Replace all 3 in this document with “hopeful outlook”')
      assert.equal(applyEdits(text, editsFor(all, uri)), 'We keep a hopeful outlook.\n\nHopeful outlook is common.\n\nSuch a hopeful outlook.\n')
      // Used once: no "replace all".
      const sad = await client.open(ws.uri('once.md'), 'He is a sad case.\n')
      assert.ok(!titles(await client.codeActions(ws.uri('once.md'), sad[0].range, [sad[0]])).some((t) => t.startsWith('Replace all')))
    })
  })

  test('replace all says which places it left for the writer, where the alternative does not fit the sentence', async () => {
    // Built-in rules: an alternative that fits two of these sentences but not the third.
    const text = 'Our staff manage clients every day.\n\nWe manage clients well.\n\nManaging clients is hard.\n'
    const findings = new Reviewer(builtinPacks(), {}).review(text, 'markdown')
    const skipping = findings.find((f) => f.fixes[0] && replaceAllEdits(text, findings, f.group, f.fixes[0].alternative).skipped.length > 0)
    assert.ok(skipping, 'the rules still give a wording whose first alternative fits only some of its uses here')
    const {edits, skipped} = replaceAllEdits(text, findings, skipping.group, skipping.fixes[0].alternative)
    await withServer({}, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('clients.md')
      const diags = await client.open(uri, text)
      const d = diags.find((x) => x.range.start.line === skipping.line - 1 && x.range.start.character === skipping.column - 1)!
      const all = (await client.codeActions(uri, d.range, [d], ['quickfix'])).find((a) => a.title.startsWith('Replace all'))
      assert.ok(all)
      assert.match(all.title, new RegExp(`\\(${skipped.length} left for you\\)$`))
      assert.equal(editsFor(all, uri).length, edits.length)
      assert.equal(all.command?.command, TELL_COMMAND)
      const message = String(all.command?.arguments?.[0])
      for (const s of skipped) assert.match(message, new RegExp(`\\b${s.line}\\b`))
      assert.match(message, /left for you/)
      // The places left keep their wording.
      const after = applyEdits(text, editsFor(all, uri))
      for (const s of skipped) assert.ok(after.split('\n')[s.line - 1].includes(s.text))
    })
  })
})

describe('language server: fix all, offered and explained', () => {
  test('the quick-fix menu of any finding offers "Fix all safe findings in this document (N)"', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('menu.md')
      const text = 'A gloomy outlook.\nHe is a sad case.\nAnother gloomy outlook here.\n'
      const diags = await client.open(uri, text)
      const sad = diags.find((d) => d.code === 'team-sad-case')!
      const fixAll = (await client.codeActions(uri, sad.range, [sad], ['quickfix'])).find((a) => a.title.startsWith('Fix all'))
      assert.ok(fixAll)
      assert.equal(fixAll.title, 'Fix all safe findings in this document (2)')
      assert.equal(applyEdits(text, editsFor(fixAll, uri)), 'A hopeful outlook.\nHe is a sad case.\nAnother hopeful outlook here.\n')
    })
  })

  test('nothing safe to fix: asked for, fix-all says why; on save, nothing; the command says why too', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('none.md')
      const text = 'He is a sad case.\nShe was a sad case.\n'
      const diags = await client.open(uri, text)
      assert.ok(!titles(await client.codeActions(uri, diags[0].range, [diags[0]], ['quickfix'])).some((t) => t.startsWith('Fix all')))
      assert.deepEqual(await client.codeActions(uri, WHOLE, [], [FIX_ALL_KIND], 2), [])
      const [explain] = await client.codeActions(uri, WHOLE, [], [FIX_ALL_KIND], 1)
      assert.equal(explain.kind, FIX_ALL_KIND)
      assert.equal(explain.command?.command, TELL_COMMAND)
      const reason = String(explain.command?.arguments?.[0])
      assert.match(reason, /None of the 2 findings has a replacement that is safe to apply without reading the sentence \(all have alternatives to choose from\)\. Use the quick fixes one by one/)
      const result = (await client.executeCommand(FIX_ALL_COMMAND, [uri])) as FixAllResult
      assert.deepEqual(result, {fixed: 0, reason})
      assert.ok(client.messages.some((m) => m.message === reason))
      await client.executeCommand(TELL_COMMAND, ['Told.'])
      assert.ok(client.messages.some((m) => m.message === 'Told.'))
    })
  })

  test('the fix-all command applies the safe fixes through the editor', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('cmd.md')
      const text = 'A gloomy outlook.\nHe is a sad case.\n'
      await client.open(uri, text)
      const result = (await client.executeCommand(FIX_ALL_COMMAND, [uri])) as FixAllResult
      assert.deepEqual(result, {fixed: 1})
      assert.equal(applyEdits(text, documentEdits(client.applied[0], uri)), 'A hopeful outlook.\nHe is a sad case.\n')
    })
  })

  test('--fix and the editor’s fix-all give the same text', async () => {
    buildCli()
    const documents = [
      readFileSync(new URL('../../samples/peer-support-policy.md', import.meta.url), 'utf8'),
      readFileSync(new URL('../vscode/workspace/policy.md', import.meta.url), 'utf8'),
      'Our peer workers are role models.\n\nThe mentally ill deserve respect; services for the mentally ill.\n\nHe committed suicide last year.\n\nOutreach for hard to reach groups and people with special needs.\n\nA mental disorder is not who someone is.\n'
    ]
    const dir = mkdtempSync(join(tmpdir(), 'rl-fix-same-'))
    try {
      await withServer({}, {settings: {typingDelay: 10}}, async (client, ws) => {
        let fixedSomething = false
        for (const [i, text] of documents.entries()) {
          const file = join(dir, `doc${i}.md`)
          writeFileSync(file, text)
          const cli = spawnSync(process.execPath, [CLI, '--fix', file], {encoding: 'utf8'})
          assert.ok(cli.status === 0 || cli.status === 1, cli.stderr)
          const byCli = readFileSync(file, 'utf8')
          const uri = ws.uri(`doc${i}.md`)
          await client.open(uri, text)
          const actions = await client.codeActions(uri, WHOLE, [], [FIX_ALL_KIND], 2)
          const byEditor = actions.length ? applyEdits(text, editsFor(actions[0], uri)) : text
          assert.equal(byEditor, byCli, `doc${i}`)
          fixedSomething ||= byCli !== text
        }
        assert.ok(fixedSomething, 'at least one document had something safe to fix')
      })
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('language server: silencing, off, and the first document', () => {
  test('"Silence…": the hover links to the client’s quick pick, which gets every way, the rule’s off switch included', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}, init: {clientCommands: [SILENCE_COMMAND]}}, async (client, ws) => {
      const uri = ws.uri('silence.md')
      const diags = await client.open(uri, 'We keep a gloomy outlook.\n')
      const hover = String(((await client.hover(uri, {line: 0, character: 14}))?.contents as {value: string}).value)
      const link = /\[Silence…\]\((command:recoveryLint\.silence\?[^)]+)\)/.exec(hover)?.[1]
      assert.ok(link, hover)
      assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), [uri, diags[0].range, 'team-gloomy-outlook'])
      const quick = titles(await client.codeActions(uri, diags[0].range, [diags[0]], ['quickfix']))
      assert.ok(!quick.some((t) => t.startsWith('Turn rule')), 'the light bulb keeps to the usual ways')
      const ways = await client.codeActions(uri, diags[0].range, [diags[0]], [SILENCE_KIND])
      assert.deepEqual(titles(ways), [
        'Disable rule team-gloomy-outlook for this line',
        'Disable rule team-gloomy-outlook in this file',
        'Allow “gloomy outlook” in this workspace',
        "Turn rule team-gloomy-outlook off in this workspace's configuration file"
      ])
      assert.ok(ways.every((a) => a.kind === SILENCE_KIND))
    })
  })

  test('turning a rule off writes "off" into the configuration file that applies, and the finding goes', async () => {
    await withServer({...TEAM, 'notes.md': 'x\n'}, {settings: {typingDelay: 10}}, async (client, ws) => {
      const uri = ws.uri('notes.md')
      const diags = await client.open(uri, 'A gloomy outlook. He is a sad case.\n')
      assert.equal(diags.length, 2)
      const again = client.nextDiagnostics(uri)
      await client.executeCommand(DISABLE_RULE_COMMAND, [uri, 'team-sad-case'])
      assert.deepEqual((await again).map((d) => d.code), ['team-gloomy-outlook'])
      const config = JSON.parse(readFileSync(join(ws.dir, '.recoverylintrc.json'), 'utf8'))
      assert.equal(config.rules['team-sad-case'], 'off')
      assert.deepEqual(config.ruleFiles, TEAM_CONFIG.ruleFiles)
    })
  })

  test('off means off: the findings of a workspace review go too', async () => {
    await withServer(TEAM, {settings: {typingDelay: 10}}, async (client, ws) => {
      writeFileSync(join(ws.dir, 'unopened.md'), 'A gloomy outlook.\n')
      const unopened = ws.uri('unopened.md')
      await client.request(REVIEW_FILE_REQUEST, {uri: unopened})
      assert.equal(client.latest(unopened)?.length, 1)
      const open = ws.uri('open.md')
      assert.equal((await client.open(open, 'He is a sad case.\n')).length, 1)
      client.settings.enable = false
      const cleared = client.nextDiagnostics(unopened)
      const clearedOpen = client.nextDiagnostics(open, () => client.configChanged())
      assert.deepEqual([(await clearedOpen).length, (await cleared).length], [0, 0])
    })
  })

  test('the first document’s settings come with initialize: its first review does not ask for them', async () => {
    const settings = {typingDelay: 10, severity: {'team-sad-case': 'error' as const}}
    const ws = makeWorkspace(TEAM)
    const uri = ws.uri('first.md')
    const client = await startTestServer({folder: ws.dir, settings, init: {firstDocument: {uri, settings}}})
    try {
      const diags = await client.open(uri, 'He is a sad case.\n')
      assert.equal(diags[0].severity, 1, 'the seeded severity applies')
      assert.equal((diags[0].data as DiagnosticData).ruleId, 'team-sad-case')
      assert.ok(!client.configurationAsked.includes(uri), client.configurationAsked.join(', '))
      // Another document asks as usual.
      await client.open(ws.uri('second.md'), 'He is a sad case.\n')
      assert.ok(client.configurationAsked.includes(ws.uri('second.md')))
    } finally {
      await client.dispose()
      ws.cleanup()
    }
  })
})
