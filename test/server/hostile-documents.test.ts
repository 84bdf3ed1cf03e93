/**
 * Issue 12, the language server's side, through the real server process over
 * stdio: special files never hang it, edits that do not fit never cost a word of
 * the user's text, a huge document's findings are published capped, and a large
 * document neither holds unbounded memory nor keeps other documents waiting.
 *
 * RL_SERVER_BIG_MB sets the large document's size (default 4; the is 20).
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {before, describe, test} from 'node:test'
import {buildCli, cli} from '../cli/helpers.js'
import {normalDocument} from '../adversarial/harness.js'
import {makeWorkspace} from './harness.js'
import {StdioServer} from './stdio-client.js'

before(() => buildCli())

const ROOT_CONFIG = {'.recoverylintrc.json': '{"root": true}'}
const open = (server: StdioServer, uri: string, text: string, version = 1) =>
  server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
const change = (server: StdioServer, uri: string, version: number, contentChanges: object[]) =>
  server.notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges})
/** What a diagnostic says, without where it is published. */
const shape = (ds: any[], only?: string) => ds.filter((d) => !only || d.code === only).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`)
const lastStatus = (server: StdioServer, uri: string) => [...server.received].reverse().find((m) => m.method === 'recoveryLint/status' && m.params.uri === uri)?.params

async function withStdioServer(files: Record<string, string>, settings: object, fn: (server: StdioServer, ws: ReturnType<typeof makeWorkspace>) => Promise<void>) {
  const ws = makeWorkspace(files)
  const server = new StdioServer()
  try {
    await server.initialize(ws.dir, settings)
    await fn(server, ws)
    assert.equal(server.exitCode, undefined, `the server exited: ${server.stderr}`)
    assert.equal(server.protocolError, undefined)
  } finally {
    await server.stop()
    ws.cleanup()
  }
}

describe('language server over stdio: hostile documents', () => {
  test('special files: a FIFO or /dev/zero opened or reviewed from disk is one notice naming it, never a hang', async () => {
    await withStdioServer(ROOT_CONFIG, {}, async (server, ws) => {
      let fifo = true
      try {
        execFileSync('mkfifo', [join(ws.dir, 'pipe.md')])
        execFileSync('mkfifo', [join(ws.dir, 'pipe.docx')])
      } catch {
        fifo = false
      }
      const zero = pathToFileURL('/dev/zero').href
      open(server, zero, 'We are role models.\n')
      assert.deepEqual(await server.diagnostics(zero), [])
      assert.equal(lastStatus(server, zero)?.state, 'not-a-file')
      const reviewed = await server.request('recoveryLint/reviewFile', {uri: zero}, 10_000)
      assert.match(reviewed.result.skipped, /\/dev\/zero: cannot read: not a regular file \(a device\)/)
      if (fifo) {
        const pipe = ws.uri('pipe.md')
        open(server, pipe, 'We are role models.\n')
        assert.deepEqual(await server.diagnostics(pipe), [])
        const fromDisk = await server.request('recoveryLint/reviewFile', {uri: pipe}, 10_000)
        assert.match(fromDisk.result.skipped, /pipe\.md: cannot read: not a regular file \(a named pipe\)/)
        const word = await server.request('recoveryLint/reviewDocx', {uri: ws.uri('pipe.docx')}, 10_000)
        assert.match(word.result.problem, /pipe\.docx: cannot read: not a regular file \(a named pipe\)/)
        assert.ok(!word.result.problem.includes('\n'))
      }
      const notices = server.shown(/not a regular file/).filter((m) => !m.startsWith('[recovery-lint]'))
      assert.ok(notices.some((m) => /\/dev\/zero: not a regular file \(a device\)/.test(m)), notices.join(' | '))
      if (fifo) assert.ok(notices.some((m) => /pipe\.md: not a regular file \(a named pipe\)/.test(m)), notices.join(' | '))
      assert.ok(notices.every((m) => !m.includes('\n')))
      // Everything else still works.
      open(server, ws.uri('ok.md'), 'We are role models.\n')
      assert.ok((await server.diagnostics(ws.uri('ok.md'))).some((d) => d.code === 'role-model'))
    })
  })

  test('edits: overlapping edits apply in order; one that does not fit sets the document aside until the editor’s text comes back', async () => {
    const text = 'Intro line.\n\nWe are role models here.\n\nAnother line.\n'
    await withStdioServer(ROOT_CONFIG, {typingDelay: 0}, async (server, ws) => {
      const uri = ws.uri('a.md')
      open(server, uri, text)
      assert.deepEqual(shape(await server.diagnostics(uri), 'role-model'), ['2:7-2:18 role-model'])

      // Two edits in one notification, the second over the words the first inserted (applied in order).
      change(server, uri, 2, [
        {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, rangeLength: 0, text: 'She is a role model. '},
        {range: {start: {line: 0, character: 9}, end: {line: 0, character: 30}}, rangeLength: 21, text: 'role model for us. Intro'}
      ])
      const expected = 'She is a role model for us. Intro line.\n\nWe are role models here.\n\nAnother line.\n'
      const after = await server.diagnostics(uri)
      open(server, ws.uri('expected.md'), expected)
      assert.deepEqual(shape(after), shape(await server.diagnostics(ws.uri('expected.md'))))

      // An edit past the last line: set aside, diagnostics cleared, no fix offered, one notice.
      change(server, uri, 3, [{range: {start: {line: 40, character: 0}, end: {line: 40, character: 3}}, text: 'x'}])
      assert.deepEqual(await server.diagnostics(uri), [])
      assert.equal(lastStatus(server, uri)?.state, 'out-of-sync')
      const notice = server.shown(/a\.md: the editor sent an edit at line 41 of a document of 6 lines/)
      assert.ok(notice.length >= 1, 'no notice naming the file')
      const range = {start: {line: 0, character: 9}, end: {line: 0, character: 19}}
      const actions = await server.request('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics: after.slice(0, 1)}})
      assert.deepEqual(actions.result, [], 'a fix offered on a text that may differ from the editor’s')
      assert.equal((await server.request('textDocument/hover', {textDocument: {uri}, position: range.start})).result, null)
      // Later edits to the text we no longer have are not applied.
      change(server, uri, 4, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'Zzz '}])

      // Saved: read back from disk, reviewed, fixes offered again.
      const saved = 'Zzz She is a role model for us. Intro line.\n\nNothing here.\n'
      writeFileSync(join(ws.dir, 'a.md'), saved)
      server.notify('textDocument/didSave', {textDocument: {uri}})
      const back = await server.diagnostics(uri)
      assert.deepEqual(shape(back, 'role-model'), ['0:11-0:23 role-model'])
      const fixes = await server.request('textDocument/codeAction', {textDocument: {uri}, range: back[0].range, context: {diagnostics: back}})
      assert.ok(fixes.result.length > 0, 'no fix offered once back in step')

      // Each kind of misfit, then a whole text brings the document back.
      const misfits: object[] = [
        {range: {start: {line: 0, character: 5}, end: {line: 0, character: 1}}, text: 'x'},
        {range: {start: {line: 0, character: 0}, end: {line: 0, character: 4}}, rangeLength: 9, text: 'x'},
        {range: {start: {line: 'one', character: 0}, end: {line: 0, character: 0}}, text: 'x'},
        {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}}
      ]
      let version = 5
      for (const bad of misfits) {
        change(server, uri, version++, [bad])
        assert.deepEqual(await server.diagnostics(uri), [], JSON.stringify(bad))
        assert.equal(lastStatus(server, uri)?.state, 'out-of-sync')
        const whole = `Line ${version}: they are role models.\n`
        change(server, uri, version++, [{text: whole}])
        assert.deepEqual(shape(await server.diagnostics(uri), 'role-model'), [`0:${whole.indexOf('role')}-0:${whole.indexOf(' models') + 7} role-model`], JSON.stringify(bad))
      }
    })
  })

  test('saves: an edit that comes between the write and the save, and two saves in quick succession, end equal to a fresh CLI review of the final text', async () => {
    await withStdioServer(ROOT_CONFIG, {typingDelay: 0}, async (server, ws) => {
      const uri = ws.uri('s.md')
      /** The editor's text, edited as the editor edits it; the server is told of each edit. */
      let text = 'Intro.\n\nWe are role models.\n'
      let version = 1
      const edit = (line: number, insert: string) => {
        const lines = text.split('\n')
        lines[line] = insert + lines[line]
        text = lines.join('\n')
        change(server, uri, ++version, [{range: {start: {line, character: 0}, end: {line, character: 0}}, rangeLength: 0, text: insert}])
      }
      const cliShape = () => {
        writeFileSync(join(ws.dir, 'final.md'), text)
        const [report] = JSON.parse(cli(['-f', 'json', 'final.md'], ws.dir).stdout) as Array<{findings: any[]}>
        return report.findings.map((f) => `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.ruleId}`)
      }
      open(server, uri, text)
      assert.deepEqual(shape(await server.diagnostics(uri), 'role-model'), ['2:7-2:18 role-model'])
      // The editor and the server part ways: the document is set aside until the editor's text comes back.
      change(server, uri, ++version, [{range: {start: {line: 90, character: 0}, end: {line: 90, character: 0}}, text: 'x'}])
      assert.deepEqual(await server.diagnostics(uri), [])
      assert.equal(lastStatus(server, uri)?.state, 'out-of-sync')

      // Saved: the file is written; a word typed while it is written reaches the server before the save does.
      writeFileSync(join(ws.dir, 's.md'), text)
      edit(0, 'She is a role model. ')
      server.saved(uri, text)
      // (Answered in order: the save has been handled, with the file as the first write left it.)
      await server.request('recoveryLint/no-such-request', {})
      // Saved again at once, with the word now in the file too.
      writeFileSync(join(ws.dir, 's.md'), text)
      server.saved(uri, text)
      // Typing goes on: each edit lands where the editor put it only if the server holds the editor's text.
      edit(2, 'Our peers are role models. ')
      edit(0, 'Members are role models. ')
      const expected = cliShape()
      assert.ok(expected.length >= 4, expected.join(', '))
      const last = await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, 30_000, `diagnostics of version ${version}`, true)
      assert.deepEqual(shape(last.params.diagnostics), expected, 'the server’s findings differ from a fresh CLI review of the editor’s text')

      // A save whose text is not the text held here (no correct client sends one): the saved text is reviewed.
      if (server.capabilities?.textDocumentSync?.save?.includeText) {
        text = 'Nothing here.\n\nThey are role models.\n'
        server.saved(uri, text)
        assert.deepEqual(shape(await server.diagnostics(uri)), cliShape())
        assert.ok(server.shown(/s\.md: the text held for review was not the editor's/).length === 1)
      }
    })
  })

  test('a document with thousands of findings: the first 999 published and one diagnostic saying how many more', async () => {
    await withStdioServer(ROOT_CONFIG, {}, async (server, ws) => {
      const uri = ws.uri('many.md')
      open(server, uri, 'We are role models.\n\n'.repeat(2500))
      const diagnostics = await server.diagnostics(uri, 120_000)
      assert.equal(diagnostics.length, 1000)
      assert.equal(diagnostics.filter((d) => d.code === 'role-model').length, 999)
      const summary = diagnostics[999]
      assert.equal(summary.code, 'review-limit')
      assert.match(summary.message, /^1501 more findings from here on are not listed \(2500 in this document; the first 999 are shown\)/)
      assert.equal(summary.range.start.line, 999 * 2)
      assert.equal(lastStatus(server, uri)?.counts['role-model'], 2500, 'the status counts every finding')
    })
  })

  test('a document of nothing but findings: the server holds the engine’s first 20000 (as the CLI), publishes 999 and a summary, and stays small', async (t) => {
    const n = Number(process.env.RL_SERVER_FINDINGS ?? 30000)
    await withStdioServer(ROOT_CONFIG, {sizeLimit: 64 * 1024}, async (server, ws) => {
      const uri = ws.uri('findings.md')
      const text = 'We are role models. '.repeat(n)
      open(server, uri, text)
      const diagnostics = await server.diagnostics(uri, 600_000)
      assert.equal(diagnostics.length, 1000)
      assert.match(diagnostics[999].message, /^Findings from here on are not listed \(more than 20000 in this document; the first 999 are shown\)/)
      // The findings held are the CLI's: its first 20000 (a long paragraph's notice among them), then its notice.
      writeFileSync(join(ws.dir, 'findings.md'), text)
      const [report] = JSON.parse(cli(['-f', 'json', 'findings.md'], ws.dir).stdout) as Array<{findings: Array<{category: string}>}>
      assert.equal(report.findings.length, 20001)
      const counts: Record<string, number> = {}
      for (const f of report.findings) counts[f.category] = (counts[f.category] ?? 0) + 1
      assert.deepEqual(lastStatus(server, uri)?.counts, counts, 'the status counts the findings held, as the CLI reports them')
      // Hover and quick fixes on a published finding; the CLI reports the same first findings.
      const hover = await server.request('textDocument/hover', {textDocument: {uri}, position: diagnostics[998].range.start})
      assert.match(JSON.stringify(hover.result), /role model/)
      const actions = await server.request('textDocument/codeAction', {textDocument: {uri}, range: diagnostics[0].range, context: {diagnostics: diagnostics.slice(0, 1)}})
      assert.ok(actions.result.some((a: any) => /^Replace all/.test(a.title)), JSON.stringify(actions.result.map((a: any) => a.title)))
      // An edit before the limit: reviewed again, still capped; one that removes most findings: every one published again.
      change(server, uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, rangeLength: 0, text: 'Hello. '}])
      const edited = await server.diagnostics(uri, 600_000)
      assert.equal(edited.length, 1000)
      assert.equal(edited[0].range.start.character, 14)
      change(server, uri, 3, [{range: {start: {line: 0, character: 7 + 20 * 10}, end: {line: 0, character: 7 + text.length}}, rangeLength: text.length - 200, text: ''}])
      assert.deepEqual(shape(await server.diagnostics(uri, 600_000)), Array.from({length: 10}, (_, i) => `0:${14 + 20 * i}-0:${25 + 20 * i} role-model`))
      const peak = server.peakRssMb()
      t.diagnostic(`${n} findings in ${(text.length / 1048576).toFixed(1)} MB: server peak ${Math.round(peak ?? NaN)} MB`)
      if (peak !== undefined) assert.ok(peak < 600, `the server reached ${Math.round(peak)} MB for ${n} findings`)
    })
  })

  test('a large document: memory bounded, and a small one opened after it is reviewed without waiting for it', async (t) => {
    const mb = Number(process.env.RL_SERVER_BIG_MB ?? 4)
    const big = normalDocument(mb * 1024 * 1024, 'md')
    await withStdioServer(ROOT_CONFIG, {sizeLimit: 64 * 1024}, async (server, ws) => {
      const bigUri = ws.uri('big.md')
      const smallUri = ws.uri('small.md')
      const bigDone = server.diagnostics(bigUri, 600_000).then(() => Date.now())
      open(server, bigUri, big)
      open(server, smallUri, 'We are role models.\n')
      const small = await server.diagnostics(smallUri, 600_000)
      const smallAt = Date.now()
      assert.ok(small.some((d) => d.code === 'role-model'))
      const bigAt = await bigDone
      assert.ok(smallAt < bigAt, `the small document waited for the large one (${smallAt - bigAt} ms)`)
      // An edit in the middle: reviewed again.
      const middle = Math.floor(big.split('\n').length / 2)
      change(server, bigUri, 2, [{range: {start: {line: middle, character: 0}, end: {line: middle, character: 0}}, rangeLength: 0, text: 'We are role models.\n\n'}])
      const edited = await server.diagnostics(bigUri, 600_000)
      assert.ok(edited.length > 0 && edited.length <= 1000, `${edited.length} diagnostics published`)
      const peak = server.peakRssMb()
      t.diagnostic(`${mb} MB document: server peak ${Math.round(peak ?? NaN)} MB, the small document ${bigAt - smallAt} ms before the large one`)
      if (peak !== undefined) assert.ok(peak < 600, `the server reached ${Math.round(peak)} MB for a ${mb} MB document`)
    })
  })
})
