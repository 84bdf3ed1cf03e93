/**
 * Comments on words inside footnotes and endnotes. Word ignores comment marks in a
 * note (MS-OI29500 §2.1.315: "Word ignores this element if it is under a header,
 * footer, text box, footnote, or endnote"; its interface offers no comment there),
 * so by default a note's comment sits on the note's reference mark in the body and
 * says where the words are. With --comments-in-notes it sits on the words inside the
 * note, which LibreOffice shows there: what it needs for that is pinned here.
 */
import assert from 'node:assert/strict'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {test} from 'node:test'
import {buildCli, cli, ONLY_FIXTURES, project, ROOT} from '../cli/helpers.js'
import {ZipArchive} from '../../src/core/docx/zip.js'
import {haveLibreOffice, noMarginComments, rawDocx, soffice} from './fixtures.js'
import {anchorText, commentsOf, pdfLines, pdfWords, untouchedEqual} from './inspect.js'

buildCli()
const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const skip = haveLibreOffice() ? false : 'LibreOffice could not be installed'
const REVIEWER = 'Recovery Language Review'
const ours = (bytes: Uint8Array) => commentsOf(bytes).filter((c) => c.author === REVIEWER)
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const NOTE_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`
const notesPart = (kind: 'footnote' | 'endnote', text: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:${kind}s xmlns:w="${W}"><w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:id="1"><w:p><w:r><w:${kind}Ref/></w:r>${t(text)}</w:p></w:${kind}></w:${kind}s>`

/** A body paragraph with a footnote and an endnote, each with flagged words (no comments part yet). */
function notesDocx(): Buffer {
  const filler = Array.from({length: 6}, (_, i) => `<w:p>${t(`Plain line ${i + 1}, nothing to flag here.`)}</w:p>`).join('')
  return rawDocx(`<w:p>${t('Body text.')}<w:r><w:footnoteReference w:id="1"/></w:r>${t(' More.')}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>${filler}`, {
    rels:
      '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
      '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>',
    parts: {'word/footnotes.xml': notesPart('footnote', ' Note: she is a wise mentor to us.'), 'word/endnotes.xml': notesPart('endnote', ' End: he is a glumster, they wrote.')},
    types: `<Override PartName="/word/footnotes.xml" ContentType="${NOTE_TYPE}footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="${NOTE_TYPE}endnotes+xml"/>`
  })
}

/** The notes of an .odt's content.xml: their text, with [[…]] around what a comment's range holds, and the comments' authors. */
function odtNotes(odt: Buffer): Array<{kind: string; text: string; authors: string[]}> {
  const file = join(mkdtempSync(join(tmpdir(), 'rl-odt-')), 'notes.odt')
  writeFileSync(file, odt)
  const unzip = spawnSync('unzip', ['-p', file, 'content.xml'], {encoding: 'utf8'})
  assert.equal(unzip.status, 0, unzip.stderr)
  return [...unzip.stdout.matchAll(/<text:note [^>]*text:note-class="(\w+)"[^>]*>([\s\S]*?)<\/text:note>/g)].map((m) => ({
    kind: m[1],
    authors: [...m[2].matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((a) => a[1]),
    text: /<text:note-body>([\s\S]*)<\/text:note-body>/
      .exec(m[2])![1]
      .replace(/<office:annotation [^>]*>[\s\S]*?<\/office:annotation>/g, '[[')
      .replace(/<office:annotation-end [^>]*\/>/g, ']]')
      .replace(/<[^>]+>/g, '')
      .trim()
  }))
}

test('by default a note’s comment sits on its reference mark in the body, and says where the words are (Word ignores comment marks inside notes)', () => {
  const dir = project({'notes.docx': notesDocx()})
  const r = cli([...ONLY_FIXTURES, '--review-docx', 'out.docx', 'notes.docx'], dir)
  assert.equal(r.code, 1, r.stderr)
  const out = u8(readFileSync(join(dir, 'out.docx')))
  assert.deepEqual(ours(out).map((c) => c.text.split('\n')[0]), ['In footnote 1 ¶1, “a wise mentor”:', 'In endnote 1 ¶1, “a glumster”:'])
  const zip = new ZipArchive(out)
  assert.doesNotMatch(zip.readText('word/footnotes.xml') + zip.readText('word/endnotes.xml'), /comment/)
  assert.ok(!zip.has('word/_rels/footnotes.xml.rels') && !zip.has('word/_rels/endnotes.xml.rels'))
})

test('--comments-in-notes: each comment on exactly its words inside the note, which LibreOffice opens and shows there', {skip}, () => {
  const input = notesDocx()
  const dir = project({'notes.docx': input})
  for (const [out, extra] of [['words.docx', []], ['words-tc.docx', ['--track-changes']]] as const) {
    const r = cli([...ONLY_FIXTURES, '--review-docx', out, '--comments-in-notes', ...extra, 'notes.docx'], dir)
    assert.equal(r.code, 1, r.stderr)
  }
  const out = u8(readFileSync(join(dir, 'words.docx')))
  const [fn, en] = ours(out)
  // The comment is the full one, without "In footnote 1 ¶1": it sits on the words.
  assert.match(fn.text, /^“wise mentor” puts/)
  assert.equal(anchorText(out, 'word/footnotes.xml', fn.id), 'a wise mentor')
  assert.equal(anchorText(out, 'word/endnotes.xml', en.id), 'a glumster')
  const zip = new ZipArchive(out)
  assert.doesNotMatch(zip.readText('word/document.xml'), /comment/)
  // The comments part hangs off the main document (as ECMA-376 has it) and off each note part that holds a comment.
  const rel = /<Relationship Id="rId\d+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"\/>/
  for (const rels of ['word/_rels/document.xml.rels', 'word/_rels/footnotes.xml.rels', 'word/_rels/endnotes.xml.rels']) assert.match(zip.readText(rels), rel, rels)
  assert.match(zip.readText('[Content_Types].xml'), /PartName="\/word\/comments\.xml"/)
  assert.deepEqual(untouchedEqual(u8(input), out, ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']), [])

  // LibreOffice opens both copies; saved as .odt, each note holds our comment on exactly the flagged words.
  const odt = soffice(['--convert-to', 'odt', '--outdir', 'odt', 'words.docx', 'words-tc.docx'], dir)
  assert.equal(odt.status, 0, odt.stderr)
  assert.ok(!/could not be loaded/.test(odt.stderr + odt.stdout), odt.stderr + odt.stdout)
  assert.deepEqual(odtNotes(readFileSync(join(dir, 'odt', 'words.odt'))), [
    {kind: 'footnote', text: 'Note: she is [[a wise mentor]] to us.', authors: [REVIEWER]},
    {kind: 'endnote', text: 'End: he is [[a glumster]], they wrote.', authors: [REVIEWER]}
  ])
  // With the fixes as tracked changes the range holds the insertion (LibreOffice keeps deleted text aside).
  assert.deepEqual(
    odtNotes(readFileSync(join(dir, 'odt', 'words-tc.odt'))).map((n) => n.text),
    ['Note: she is [[a fellow peer]] to us.', 'End: he is [[a person going through a hard time]], they wrote.']
  )

  // LibreOffice (25.2 too) finds a note's comments through the note part's own relationships, and refuses the whole
  // document when it has none (hence the relationship above). When this fails, LibreOffice has learnt to use the main
  // document's, and the note part's relationship can go (src/core/docx/write.ts).
  const bare = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
  writeFileSync(join(dir, 'no-rel.docx'), zip.write(new Map([['word/_rels/footnotes.xml.rels', new TextEncoder().encode(bare)]])))
  const refused = soffice(['--convert-to', 'odt', '--outdir', 'odt', 'no-rel.docx'], dir)
  assert.match(refused.stderr, /source file could not be loaded/)
  assert.ok(!existsSync(join(dir, 'odt', 'no-rel.odt')))
})

test('--comments-in-notes: the notes’ comments print in the page margin (PNG in test-results/docx/)', {skip: noMarginComments() ?? false}, () => {
  const dir = project({'notes.docx': notesDocx()})
  assert.equal(cli([...ONLY_FIXTURES, '--review-docx', 'words.docx', '--comments-in-notes', 'notes.docx'], dir).code, 1)
  const filter = `pdf:writer_pdf_Export:${JSON.stringify({ExportNotes: {type: 'boolean', value: 'false'}, ExportNotesInMargin: {type: 'boolean', value: 'true'}})}`
  const pdf = soffice(['--convert-to', filter, '--outdir', 'pdf', 'words.docx'], dir)
  assert.equal(pdf.status, 0, pdf.stderr)
  const results = join(ROOT, 'test-results', 'docx')
  mkdirSync(results, {recursive: true})
  const png = spawnSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'pdf', 'words.pdf'), join(results, 'notes-reviewed')], {encoding: 'utf8'})
  assert.equal(png.status, 0, png.stderr)
  copyFileSync(join(dir, 'words.docx'), join(results, 'notes-reviewed.docx'))
  const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'pdf', 'words.pdf'), '-'], {encoding: 'utf8'})
  const page = pdfWords(bbox.stdout)
  const lines = pdfLines(page.words)
  const note = lines.find((l) => l.text.includes('Note: she is a wise mentor to us.'))
  const end = lines.find((l) => l.text.includes('End: he is a glumster, they wrote.'))
  assert.ok(note && end, JSON.stringify(lines.map((l) => `${l.text}@${l.x},${l.top}`)))
  assert.ok(note.top > page.height * 0.6, `footnote at ${note.top} of ${page.height}`)
  // Both comments print in the margin column, right of the page body. (LibreOffice stacks a footnote's comment
  // from the top of the margin, with a line from it to the words at the foot of the page: look at the PNG.)
  const column = lines.filter((l) => l.x > page.width * 0.6)
  const body = page.words.filter((w) => w.xMin < page.width * 0.6)
  assert.ok(Math.max(...body.map((w) => w.xMax)) < Math.min(...column.map((l) => l.x)), 'the page body reaches into the margin')
  for (const first of ['wise mentor” puts the peer', 'glumster” makes a low mood']) assert.ok(column.some((l) => l.text.includes(first)), `“${first}” is not in the margin: ${JSON.stringify(column.map((l) => l.text))}`)
  assert.ok(column.some((l) => l.text.startsWith('Instead: a fellow peer')) && column.some((l) => l.text.startsWith('Instead: a person going')), JSON.stringify(column.map((l) => l.text)))
})
