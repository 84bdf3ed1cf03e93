/**
 * The CLI with Word documents: --review-docx, --review-docx-dir, --track-changes,
 * places in the reports, bad input in a batch. What LibreOffice makes of them: libreoffice.test.ts.
 */
import assert from 'node:assert/strict'
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {buildCli, cli, ONLY_FIXTURES, project} from '../cli/helpers.js'
import {edgeCasesDocx, rawDocx, richDocx} from './fixtures.js'
import {commentsOf} from './inspect.js'

buildCli()
const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

test('--review-docx writes a reviewed copy; the input is untouched; the reports name section and paragraph', async () => {
  const input = await richDocx()
  const dir = project({'policy.docx': input})
  const before = statSync(join(dir, 'policy.docx')).mtimeMs
  const r = cli(['--format', 'json', ...ONLY_FIXTURES, '--review-docx', 'out/policy.reviewed.docx', 'policy.docx'], dir)
  assert.equal(r.code, 1, r.stderr)
  assert.match(r.stderr, /^recovery-lint: wrote out\/policy\.reviewed\.docx \(15 comments\)$/m)
  assert.deepEqual(readFileSync(join(dir, 'policy.docx')), input)
  assert.equal(statSync(join(dir, 'policy.docx')).mtimeMs, before)
  const json = JSON.parse(r.stdout)
  // The contract's keys, then the place in words (a Word document has no lines).
  assert.deepEqual(Object.keys(json[0].findings[0]), ['ruleId', 'category', 'severity', 'line', 'column', 'endLine', 'endColumn', 'text', 'message', 'suggestions', 'place'])
  const places = json[0].findings.map((f: {place: string; column: number}) => `${f.place}:${f.column}`)
  for (const place of ['body ¶2:20', 'text box 1 ¶1:6', 'header1 ¶1:9', 'footer1 ¶1:15', 'footnote 1 ¶1:18', 'endnote 1 ¶1:10', 'comment 1 ¶1:13']) assert.ok(places.includes(place), `${place} in ${places}`)
  const out = u8(readFileSync(join(dir, 'out/policy.reviewed.docx')))
  assert.equal(commentsOf(out).filter((c) => c.author === 'Recovery Language Review').length, 15)
  assert.deepEqual(readdirSync(join(dir, 'out')), ['policy.reviewed.docx'], 'no temporary file left')
  // The reviewed copy reviewed again: nothing new on words our comments already mark.
  const again = cli([...ONLY_FIXTURES, '--review-docx', 'out/again.docx', 'out/policy.reviewed.docx'], dir)
  assert.match(again.stderr, /^recovery-lint: wrote out\/again\.docx \(0 comments; 15 findings already had a comment from an earlier review\)$/m)
  const stylish = cli([...ONLY_FIXTURES, 'policy.docx'], dir)
  for (const place of ['body ¶2:20', 'text box 1 ¶1:6', 'header1 ¶1:9', 'footer1 ¶1:15', 'footnote 1 ¶1:18', 'endnote 1 ¶1:10', 'comment 1 ¶1:13']) assert.ok(stylish.stdout.includes(place), `${place} in\n${stylish.stdout}`)
  const html = cli(['--format', 'html', ...ONLY_FIXTURES, 'policy.docx'], dir)
  assert.match(html.stdout, /footnote 1 ¶1, character 18/)
  const sarif = JSON.parse(cli(['--format', 'sarif', ...ONLY_FIXTURES, 'policy.docx'], dir).stdout)
  const messages = sarif.runs[0].results.map((x: {message: {text: string}}) => x.message.text)
  for (const place of ['body ¶2: ', 'text box 1 ¶1: ', 'header1 ¶1: ', 'footnote 1 ¶1: ', 'endnote 1 ¶1: ']) assert.ok(messages.some((m: string) => m.startsWith(place)), `${place} in ${messages}`)
  const github = cli(['--format', 'github', ...ONLY_FIXTURES, 'policy.docx'], dir).stdout
  assert.match(github, /^::warning file=policy\.docx,line=\d+,col=18,[^\n]*::footnote 1 ¶1: /m)
})

test('--review-docx-dir with --track-changes: a batch; a bad file is one line, nothing written for it, the others go on', async () => {
  const dir = project({
    'docs/a.docx': await richDocx(),
    'docs/sub/b.docx': edgeCasesDocx(),
    'docs/broken.docx': 'PK\u0003\u0004 not really',
    'docs/badxml.docx': rawDocx('<w:p><w:r><w:t>She is a wise mentor.</w:r></w:t></w:p>'),
    'docs/old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('WordDocument', 'utf16le')]),
    'docs/c.md': 'He is a glumster.\n'
  })
  const r = cli([...ONLY_FIXTURES, '--review-docx-dir', 'reviewed', '--track-changes', 'docs', 'docs/old.doc'], dir)
  assert.equal(r.code, 2, r.stderr)
  const lines = r.stderr.trimEnd().split('\n')
  assert.ok(lines.includes('recovery-lint: docs/broken.docx: cannot read as a Word document: corrupt: not a zip archive (no zip directory found)'), r.stderr)
  assert.ok(lines.includes('recovery-lint: docs/badxml.docx: cannot read as a Word document: corrupt: word/document.xml is not well-formed (</w:r> where </w:t> was due)'), r.stderr)
  assert.ok(lines.includes('recovery-lint: docs/old.doc: cannot read as a Word document: a Word 97–2003 document (.doc), not a .docx: save it as .docx to review it'), r.stderr)
  assert.ok(lines.some((l) => /^recovery-lint: wrote reviewed\/docs\/a\.docx \(15 comments, 13 tracked changes \(3 fixes left as comments only/.test(l)), r.stderr)
  assert.ok(lines.some((l) => /^recovery-lint: wrote reviewed\/docs\/sub\/b\.docx \(9 comments, 5 tracked changes/.test(l)), r.stderr)
  assert.deepEqual(readdirSync(join(dir, 'reviewed/docs')).sort(), ['a.docx', 'sub'])
  assert.match(r.stdout, /c\.md/)
})

test('option mistakes are one line and exit 2, before anything is written', async () => {
  const dir = project({'a.docx': await richDocx(), 'b.docx': edgeCasesDocx()})
  const cases: Array<[string[], RegExp]> = [
    [['--track-changes', 'a.docx'], /--track-changes goes with --review-docx or --review-docx-dir/],
    [['--comments-in-notes', 'a.docx'], /--comments-in-notes goes with --review-docx or --review-docx-dir/],
    [['--review-docx', 'x.docx', 'a.docx', 'b.docx'], /--review-docx takes one \.docx, not 2 \(use --review-docx-dir for several\)/],
    [['--review-docx', 'a.docx', 'a.docx'], /the reviewed copy would overwrite a\.docx, a file of this run/],
    [['--review-docx-dir', '.', 'a.docx'], /would overwrite a\.docx/],
    [['--review-docx', 'x.pdf', 'a.docx'], /--review-docx writes a \.docx/],
    [['--review-docx', 'x.docx', '--review-docx-dir', 'd', 'a.docx'], /not both/]
  ]
  for (const [args, message] of cases) {
    const r = cli([...ONLY_FIXTURES, ...args], dir)
    assert.equal(r.code, 2, args.join(' '))
    assert.match(r.stderr, message)
    assert.equal(r.stderr.trimEnd().split('\n').length, 1)
  }
  assert.ok(!existsSync(join(dir, 'x.docx')) && !existsSync(join(dir, 'd')))
})
