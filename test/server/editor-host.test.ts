/**
 * The language server with no file system (the browser's host, as in vscode.dev):
 * configuration files and rule packs asked of the editor, writes through it, on a
 * virtual file system (URIs that no disk has). Driven in-process like server.test.ts.
 * Run alone: node --import tsx --test test/server/editor-host.test.ts
 */
import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {describe, test} from 'node:test'
import {ALLOW_PHRASE_COMMAND, CREATE_CONFIG_COMMAND, REVIEW_DOCX_REQUEST, REVIEW_FILE_REQUEST, type CreateConfigResult, type ReviewDocxResult, type ReviewFileResult} from '../../src/server/protocol.js'
import {editorFiles, startTestServer, TEAM_CONFIG, TEAM_PACK, type EditorFiles, type TestClient} from './harness.js'

const ROOT = 'vscode-vfs://github/org/policies'
const uri = (rel: string) => `${ROOT}/${rel}`
const DOC = '# Team notes\n\nWe keep a gloomy outlook on the week.\n  He is a sad case, they said.\n'

async function withEditorServer<T>(files: Record<string, string | Uint8Array>, fn: (client: TestClient, editor: EditorFiles) => Promise<T>): Promise<T> {
  const editor = editorFiles(Object.fromEntries(Object.entries(files).map(([rel, text]) => [uri(rel), text])))
  const client = await startTestServer({folderUri: ROOT, settings: {typingDelay: 20}, editor})
  try {
    return await fn(client, editor)
  } finally {
    await client.dispose()
  }
}

const codes = (diags: Array<{code?: unknown}>) => diags.map((d) => d.code)

describe('language server without a file system (the browser’s host)', () => {
  test('configuration files and the rule packs they name come from the editor, in a few requests', async () => {
    await withEditorServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, async (client, editor) => {
      const diags = await client.open(uri('docs/notes.md'), DOC)
      assert.deepEqual(codes(diags), ['team-gloomy-outlook', 'team-sad-case'])
      // Every config name up the folders, then the pack the config names; each file once, nothing else. The
      // server's warm-up for the folder (right after initialize) may ask for the folder's part first: 2 or 3 requests.
      const read = editor.reads.flat()
      assert.ok(editor.reads.length >= 2 && editor.reads.length <= 3, JSON.stringify(editor.reads))
      assert.equal(new Set(read).size, read.length, JSON.stringify(editor.reads))
      assert.ok(read.includes(uri('docs/.recoverylintrc.json')) && read.includes(uri('.recoverylintrc.yaml')))
      // The pack in a request of its own, once the config naming it is read.
      assert.ok(editor.reads.some((r) => r.length === 1 && r[0] === uri('team.yml')), JSON.stringify(editor.reads))
      assert.deepEqual(read.filter((u) => !/\/\.recoverylintrc\.(json|ya?ml)$/.test(u)), [uri('team.yml')])
      const requests = editor.reads.length
      // A second document in the same folder: everything is known already.
      assert.deepEqual(codes(await client.open(uri('docs/other.md'), 'A gloomy outlook.\n')), ['team-gloomy-outlook'])
      assert.equal(editor.reads.length, requests)
    })
  })

  test('a changed config file (watcher) is read again and re-reviews open documents', async () => {
    await withEditorServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, async (client, editor) => {
      const doc = uri('a.md')
      assert.equal((await client.open(doc, DOC)).length, 2)
      editor.files.set(uri('.recoverylintrc.json'), JSON.stringify({...TEAM_CONFIG, rules: {'team-sad-case': 'off'}}))
      const again = await client.nextDiagnostics(doc, () => client.filesChanged([uri('.recoverylintrc.json')]))
      assert.deepEqual(codes(again), ['team-gloomy-outlook'])
    })
  })

  test('a missing rule pack is an invalid configuration naming the file; creating it re-reviews', async () => {
    await withEditorServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG)}, async (client, editor) => {
      const doc = uri('a.md')
      const [error] = await client.open(doc, DOC)
      assert.equal(error.code, 'invalid-config')
      assert.match(String(error.message), /\/org\/policies\/\.recoverylintrc\.json/)
      assert.match(String(error.message), /team\.yml/)
      editor.files.set(uri('team.yml'), TEAM_PACK)
      const again = await client.nextDiagnostics(doc, () => client.filesChanged([uri('team.yml')]))
      assert.deepEqual(codes(again), ['team-gloomy-outlook', 'team-sad-case'])
    })
  })

  test('allow phrase writes the config file through the editor and re-reviews', async () => {
    await withEditorServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG, null, 2), 'team.yml': TEAM_PACK}, async (client, editor) => {
      const doc = uri('a.md')
      await client.open(doc, DOC)
      const reviewed = client.nextDiagnostics(doc)
      const result = (await client.executeCommand(ALLOW_PHRASE_COMMAND, [doc, 'sad case'])) as {file: string}
      assert.equal(result.file, '/org/policies/.recoverylintrc.json')
      assert.deepEqual(
        editor.writes.map((w) => w.uri),
        [uri('.recoverylintrc.json')]
      )
      assert.deepEqual(JSON.parse(editor.files.get(uri('.recoverylintrc.json')) as string), {...TEAM_CONFIG, allow: ['sad case']})
      assert.deepEqual(codes(await reviewed), ['team-gloomy-outlook'])
    })
  })

  test('create a configuration file writes the starter through the editor and answers with its URI', async () => {
    await withEditorServer({'a.md': 'x\n'}, async (client, editor) => {
      const created = (await client.executeCommand(CREATE_CONFIG_COMMAND, [ROOT])) as CreateConfigResult
      assert.deepEqual(created, {uri: uri('.recoverylintrc.json'), created: true})
      assert.equal(JSON.parse(editor.files.get(uri('.recoverylintrc.json')) as string).profile, 'peer')
      const again = (await client.executeCommand(CREATE_CONFIG_COMMAND, [ROOT])) as CreateConfigResult
      assert.deepEqual(again, {uri: uri('.recoverylintrc.json'), created: false})
      assert.equal(editor.writes.length, 1)
    })
  })

  test('a workspace review reads unopened files through the editor; a binary file is skipped with the reason', async () => {
    await withEditorServer(
      {'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK, 'unopened.md': 'On the shelf: a gloomy outlook.\n', 'odd.md': new Uint8Array([0x50, 0, 1, 2])},
      async (client) => {
        const result = await client.request<ReviewFileResult>(REVIEW_FILE_REQUEST, {uri: uri('unopened.md')})
        assert.equal(result.findings, 1)
        assert.deepEqual(codes(client.latest(uri('unopened.md')) ?? []), ['team-gloomy-outlook'])
        const odd = await client.request<ReviewFileResult>(REVIEW_FILE_REQUEST, {uri: uri('odd.md')})
        assert.deepEqual(odd, {findings: 0, skipped: 'odd.md: binary file, not a text document'})
        const gone = await client.request<ReviewFileResult>(REVIEW_FILE_REQUEST, {uri: uri('gone.md')})
        assert.deepEqual(gone, {findings: 0, skipped: 'cannot read'})
      }
    )
  })

  test('untitled documents use the workspace folder’s configuration; built-in rules come with initialize', async () => {
    await withEditorServer({'.recoverylintrc.json': JSON.stringify({allow: ['role models']})}, async (client) => {
      const diags = await client.open('untitled:Untitled-1', 'Our peer workers act as role models. The aim is to be symptom-free.\n')
      assert.deepEqual(codes(diags), ['symptom-free'])
    })
  })

  test('a Word document is not reviewed here, with the reason in one line', async () => {
    await withEditorServer({'policy.docx': new Uint8Array([0x50, 0x4b, 3, 4])}, async (client) => {
      const result = await client.request<ReviewDocxResult>(REVIEW_DOCX_REQUEST, {uri: uri('policy.docx')})
      assert.equal(result.findings, 0)
      assert.match(result.problem ?? '', /desktop/)
      assert.doesNotMatch(result.problem ?? '', /\n/)
    })
  })
})

describe('the extension manifest for VS Code for the Web', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  test('a browser entry beside the desktop one, both built, and virtual workspaces are supported (limited)', () => {
    assert.match(pkg.browser, /^\.\/dist\/.+\.cjs$/)
    assert.notEqual(pkg.browser, pkg.main)
    for (const entry of [pkg.main, pkg.browser]) assert.ok(existsSync(new URL(`../../${entry}`, import.meta.url)), entry)
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited')
    assert.match(pkg.capabilities.virtualWorkspaces.description, /Word/)
  })
  test('Review Word Document is offered only where the server has Node (desktop, or a Node host behind a web UI)', () => {
    const entries = Object.values(pkg.contributes.menus as Record<string, Array<{command: string; when?: string}>>)
      .flat()
      .filter((m) => m.command === 'recoveryLint.reviewWordDocument')
    assert.ok(entries.length >= 2)
    for (const m of entries) assert.match(m.when ?? '', /\(!isWeb \|\| recoveryLint\.reviewsWord\)/)
    // Right-click a .docx in the Explorer: the command is offered there, for .docx files only.
    const explorer = (pkg.contributes.menus['explorer/context'] as Array<{command: string; when?: string}>).find((m) => m.command === 'recoveryLint.reviewWordDocument')
    assert.match(explorer?.when ?? '', /^resourceExtname == \.docx\b/)
    assert.ok(pkg.activationEvents.includes('onCommand:recoveryLint.reviewWordDocument'))
  })
})
