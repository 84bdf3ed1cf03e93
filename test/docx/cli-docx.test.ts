/**
 * The CLI with Word documents: --review-docx, --review-docx-dir, --track-changes,
 * places in the reports, bad input in a batch. And LibreOffice: fixtures it saved,
 * and the reviewed copies open in it and print to PDF (a PNG is kept in test-results/).
 */
import assert from 'node:assert/strict'
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, copyFileSync} from 'node:fs'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {test} from 'node:test'
import {buildCli, cli, ONLY_FIXTURES, project, ROOT} from '../cli/helpers.js'
import {openDocx} from '../../src/core/docx/index.js'
import {edgeCasesDocx, haveLibreOffice, libreOffice, rawDocx, richDocx, soffice} from './fixtures.js'
import {anchorText, commentsOf, pdfNotes, pdfWords, untouchedEqual} from './inspect.js'
import {ZipArchive} from '../../src/core/docx/zip.js'

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

// ---- LibreOffice -----------------------------------------------------------------------

const lo = haveLibreOffice()

test('documents saved by LibreOffice: every story read, anchors exact, untouched parts byte for byte', {skip: lo ? false : 'LibreOffice could not be installed'}, async () => {
  const saved = u8(libreOffice(await richDocx()))
  const model = openDocx(saved)
  const texts = model.paragraphs.filter((p) => p.text).map((p) => `${p.section}: ${p.text}`)
  for (const expected of ['body: Our workers act as a wise mentor for people.', 'body: Inner cell: a glumster waits.', 'header1: Header: a wise mentor note.', 'footnote 1: Footnote: she is a wise mentor.', 'endnote 1: Endnote: a glumster, they wrote.'])
    assert.ok(texts.includes(expected), `${expected} in ${JSON.stringify(texts)}`)
  // LibreOffice writes text boxes as mc:AlternateContent: the box is read once.
  assert.equal(texts.filter((t) => t.endsWith('Box: a wise mentor inside.')).length, 1, JSON.stringify(texts))
  const dir = project({'lo.docx': Buffer.from(saved)})
  const r = cli([...ONLY_FIXTURES, '--review-docx', 'lo.reviewed.docx', '--track-changes', 'lo.docx'], dir)
  assert.equal(r.code, 1, r.stderr)
  const out = u8(readFileSync(join(dir, 'lo.reviewed.docx')))
  const ours = commentsOf(out).filter((c) => c.author === 'Recovery Language Review')
  const anchors = ours.map((c) => anchorText(out, 'word/document.xml', c.id)).filter((t) => t !== undefined)
  assert.ok(anchors.filter((t) => /^(a|A) wise mentor$/.test(t!)).length >= 5, JSON.stringify(anchors))
  const zip = new ZipArchive(out)
  const changed = zip.entries.filter((e) => !new ZipArchive(saved).has(e.name)).map((e) => e.name)
  const touched = ['word/document.xml', 'word/comments.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', ...changed, ...zip.entries.filter((e) => /header|footer/.test(e.name)).map((e) => e.name)]
  assert.deepEqual(untouchedEqual(saved, out, touched), [])
})

test('the reviewed copies open in LibreOffice without repair and print with their comments (PNG in test-results/)', {skip: lo ? false : 'LibreOffice could not be installed'}, async () => {
  const dir = project({'rich.docx': await richDocx(), 'edge.docx': edgeCasesDocx()})
  for (const name of ['rich', 'edge']) {
    const r = cli([...ONLY_FIXTURES, '--review-docx', `${name}.reviewed.docx`, '--track-changes', `${name}.docx`], dir)
    assert.equal(r.code, 1, r.stderr)
  }
  // ExportNotesInMargin prints comments in the margin (LibreOffice 7.5+; Debian 12's 7.4 ignores it, and the PNG shows
  // each comment as a note icon where its range ends); ExportNotes makes them PDF notes, which is what is checked below.
  const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
  const pdf = soffice(['--convert-to', filter, '--outdir', 'pdf', 'rich.reviewed.docx', 'edge.reviewed.docx'], dir)
  assert.equal(pdf.status, 0, pdf.stderr)
  assert.ok(!/could not be loaded|Error/i.test(pdf.stderr + pdf.stdout), pdf.stderr + pdf.stdout)
  for (const name of ['rich', 'edge']) assert.ok(statSync(join(dir, 'pdf', `${name}.reviewed.pdf`)).size > 1000)
  // And LibreOffice reads our comments and changes back: saved again as .docx, they are still there.
  const again = u8(libreOffice(readFileSync(join(dir, 'rich.reviewed.docx')), 'again.docx'))
  const kept = commentsOf(again).filter((c) => c.author === 'Recovery Language Review').map((c) => c.text)
  const written = new Uint8Array(readFileSync(join(dir, 'rich.reviewed.docx')))
  const xml = new ZipArchive(written).readText('word/document.xml')
  const inTextBox = (id: string) => {
    const at = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`)
    return xml.lastIndexOf('<w:txbxContent', at) > xml.lastIndexOf('</w:txbxContent>', at)
  }
  // LibreOffice 7.4 drops a comment inside a VML text box when it saves again; every other one survives.
  const lost = commentsOf(written).filter((c) => c.author === 'Recovery Language Review' && !kept.includes(c.text))
  assert.ok(kept.length >= 14, `${kept.length} kept`)
  assert.ok(lost.every((c) => inTextBox(c.id)), JSON.stringify(lost))
  assert.match(new ZipArchive(again).readText('word/document.xml'), /<w:del [^>]*w:author="Recovery Language Review"/)
  // Where LibreOffice prints each of our comments: its note sits on the line of the flagged words, right after the
  // last of them (LibreOffice 7.4 prints a comment as a PDF note at the end of its range; 7.5+ can also print the
  // text in the margin). Checked on a copy with comments only, where the range ends where the words end.
  const plain = cli([...ONLY_FIXTURES, '--review-docx', 'rich.comments.docx', 'rich.docx'], dir)
  assert.equal(plain.code, 1, plain.stderr)
  assert.equal(soffice(['--convert-to', filter, '--outdir', 'pdf', 'rich.comments.docx'], dir).status, 0)
  const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'pdf', 'rich.comments.pdf'), '-'], {encoding: 'utf8'})
  assert.equal(bbox.status, 0, bbox.stderr)
  const {height, words} = pdfWords(bbox.stdout)
  const notes = pdfNotes(readFileSync(join(dir, 'pdf', 'rich.comments.pdf')), height)
  const ourNotes = notes.filter((n) => /“[^”]+”/.test(n.text.split('\n')[0]) && !n.text.startsWith('Comment:'))
  assert.equal(ourNotes.length, commentsOf(u8(readFileSync(join(dir, 'rich.comments.docx')))).filter((c) => c.author === 'Recovery Language Review').length)
  for (const note of ourNotes) {
    // A header's, footer's or note's comment says where its words are ("In footnote 1 ¶1, …"): it sits elsewhere by design.
    if (/^In (header|footer|footnote|endnote)/.test(note.text)) continue
    const flagged = /“([^”]+)”/.exec(note.text)![1]
    const last = flagged.split(/\s+/).pop()!
    const on = words.find((w) => w.text.includes(last) && Math.abs(w.yMin - note.top) < 3 && w.xMin < note.x && note.x <= w.xMax + 1)
    assert.ok(on, `the note “${note.text.split('\n')[0]}” at (${note.x}, ${note.top}) is not right after “${last}”: ${JSON.stringify(words.filter((w) => Math.abs(w.yMin - note.top) < 3).map((w) => `${w.text}@${w.xMin}-${w.xMax}`))}`)
  }
  const results = join(ROOT, 'test-results', 'docx')
  mkdirSync(results, {recursive: true})
  const png = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', join(dir, 'pdf', 'rich.reviewed.pdf'), join(results, 'rich-reviewed')], {encoding: 'utf8'})
  assert.equal(png.status, 0, png.stderr)
  copyFileSync(join(dir, 'rich.reviewed.docx'), join(results, 'rich.reviewed.docx'))
  copyFileSync(join(dir, 'pdf', 'rich.reviewed.pdf'), join(results, 'rich.reviewed.pdf'))
  assert.ok(readdirSync(results).some((f) => /^rich-reviewed-0*1\.png$/.test(f)))
})
