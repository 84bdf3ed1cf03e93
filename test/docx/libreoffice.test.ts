/**
 * What LibreOffice (from Debian, installed by scripts/setup-libreoffice.sh) makes of
 * Word documents and of our reviewed copies: documents it saved are reviewed like
 * Word's; the copies open without repair, print to PDF with their comments (in the
 * margin, beside their words: a PNG of each is kept in test-results/docx/, look at
 * it), and read back with our comments and changes; a password-protected .docx it
 * saved is refused in one line.
 */
import assert from 'node:assert/strict'
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {test} from 'node:test'
import {buildCli, cli, ONLY_FIXTURES, project, ROOT} from '../cli/helpers.js'
import {openDocx} from '../../src/core/docx/index.js'
import {ZipArchive} from '../../src/core/docx/zip.js'
import {edgeCasesDocx, encryptedDocx, haveLibreOffice, libreOffice, noMarginComments, rawDocx, richDocx, soffice} from './fixtures.js'
import {anchorText, commentsOf, pdfLines, pdfNotes, pdfWords, untouchedEqual, type PdfLine} from './inspect.js'

buildCli()
const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
const lo = haveLibreOffice()
const skip = lo ? false : 'LibreOffice could not be installed'
const REVIEWER = 'Recovery Language Review'
const ours = (bytes: Uint8Array) => commentsOf(bytes).filter((c) => c.author === REVIEWER)
const bool = (value: boolean) => ({type: 'boolean', value: String(value)})
/** The PDF export with comments as PDF notes, and (LibreOffice 7.5+) printed in the margin. */
const pdfFilter = (options: {notes: boolean; margin: boolean}) =>
  `pdf:writer_pdf_Export:${JSON.stringify({ExportNotes: bool(options.notes), ExportNotesInMargin: bool(options.margin)})}`
const results = join(ROOT, 'test-results', 'docx')

/** The first page's words, by `pdftotext -bbox`. */
function firstPage(pdf: string) {
  const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], {encoding: 'utf8'})
  assert.equal(bbox.status, 0, bbox.stderr)
  return pdfWords(bbox.stdout)
}

/** Keep page 1 of a PDF as a PNG (and the PDF and the document beside it) in test-results/docx/. */
function keep(dir: string, docx: string, pdf: string, name: string) {
  mkdirSync(results, {recursive: true})
  const png = spawnSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, pdf), join(results, name)], {encoding: 'utf8'})
  assert.equal(png.status, 0, png.stderr)
  copyFileSync(join(dir, docx), join(results, `${name}.docx`))
  copyFileSync(join(dir, pdf), join(results, `${name}.pdf`))
  assert.ok(statSync(join(results, `${name}.png`)).size > 10_000)
}

test('documents saved by LibreOffice: every story read, anchors exact, untouched parts byte for byte', {skip}, async () => {
  const saved = u8(libreOffice(await richDocx()))
  const model = openDocx(saved)
  const texts = model.paragraphs.filter((p) => p.text).map((p) => `${p.section}: ${p.text}`)
  // LibreOffice names its header and footer parts as it likes (header1, or header2 and header3 for first and other pages).
  for (const expected of [/^body: Our workers act as a wise mentor for people\.$/, /^body: Inner cell: a glumster waits\.$/, /^header\d+: Header: a wise mentor note\.$/, /^footer\d+: Footer: he is a glumster\.$/, /^footnote 1: Footnote: she is a wise mentor\.$/, /^endnote 1: Endnote: a glumster, they wrote\.$/])
    assert.ok(texts.some((t) => expected.test(t)), `${expected} in ${JSON.stringify(texts)}`)
  // LibreOffice writes text boxes as mc:AlternateContent: the box is read once.
  assert.equal(texts.filter((t) => t.endsWith('Box: a wise mentor inside.')).length, 1, JSON.stringify(texts))
  const dir = project({'lo.docx': Buffer.from(saved)})
  const r = cli([...ONLY_FIXTURES, '--review-docx', 'lo.reviewed.docx', '--track-changes', 'lo.docx'], dir)
  assert.equal(r.code, 1, r.stderr)
  const out = u8(readFileSync(join(dir, 'lo.reviewed.docx')))
  const anchors = ours(out).map((c) => anchorText(out, 'word/document.xml', c.id)).filter((t) => t !== undefined)
  assert.ok(anchors.filter((t) => /^(a|A) wise mentor$/.test(t!)).length >= 5, JSON.stringify(anchors))
  const zip = new ZipArchive(out)
  const changed = zip.entries.filter((e) => !new ZipArchive(saved).has(e.name)).map((e) => e.name)
  const touched = ['word/document.xml', 'word/comments.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml', ...changed, ...zip.entries.filter((e) => /header|footer/.test(e.name)).map((e) => e.name)]
  assert.deepEqual(untouchedEqual(saved, out, touched), [])
})

test('the reviewed copies open in LibreOffice without repair, print with their comments as PDF notes, and read back', {skip}, async () => {
  const dir = project({'rich.docx': await richDocx(), 'edge.docx': edgeCasesDocx()})
  for (const name of ['rich', 'edge']) {
    const r = cli([...ONLY_FIXTURES, '--review-docx', `${name}.reviewed.docx`, '--track-changes', `${name}.docx`], dir)
    assert.equal(r.code, 1, r.stderr)
  }
  const filter = pdfFilter({notes: true, margin: false})
  const pdf = soffice(['--convert-to', filter, '--outdir', 'pdf', 'rich.reviewed.docx', 'edge.reviewed.docx'], dir)
  assert.equal(pdf.status, 0, pdf.stderr)
  assert.ok(!/could not be loaded|Error/i.test(pdf.stderr + pdf.stdout), pdf.stderr + pdf.stdout)
  for (const name of ['rich', 'edge']) assert.ok(statSync(join(dir, 'pdf', `${name}.reviewed.pdf`)).size > 1000)
  // LibreOffice reads our comments and changes back: saved again as .docx, they are still there.
  const again = u8(libreOffice(readFileSync(join(dir, 'rich.reviewed.docx')), 'again.docx'))
  const kept = ours(again).map((c) => c.text)
  const written = u8(readFileSync(join(dir, 'rich.reviewed.docx')))
  const xml = new ZipArchive(written).readText('word/document.xml')
  const inTextBox = (id: string) => {
    const at = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`)
    return xml.lastIndexOf('<w:txbxContent', at) > xml.lastIndexOf('</w:txbxContent>', at)
  }
  // LibreOffice (7.4 at least) drops a comment inside a VML text box when it saves again; every other one survives.
  const lost = ours(written).filter((c) => !kept.includes(c.text))
  assert.ok(kept.length >= 14, `${kept.length} kept`)
  assert.ok(lost.every((c) => inTextBox(c.id)), JSON.stringify(lost))
  assert.match(new ZipArchive(again).readText('word/document.xml'), /<w:del [^>]*w:author="Recovery Language Review"/)
  // Each comment's PDF note sits on the line of the flagged words, right after the last of them. Checked on a
  // copy with comments only, where the range ends where the words end.
  const plain = cli([...ONLY_FIXTURES, '--review-docx', 'rich.comments.docx', 'rich.docx'], dir)
  assert.equal(plain.code, 1, plain.stderr)
  assert.equal(soffice(['--convert-to', filter, '--outdir', 'pdf', 'rich.comments.docx'], dir).status, 0)
  const {height, words} = firstPage(join(dir, 'pdf', 'rich.comments.pdf'))
  const notes = pdfNotes(readFileSync(join(dir, 'pdf', 'rich.comments.pdf')), height)
  const ourNotes = notes.filter((n) => /“[^”]+”/.test(n.text.split('\n')[0]) && !n.text.startsWith('Comment:'))
  assert.equal(ourNotes.length, ours(u8(readFileSync(join(dir, 'rich.comments.docx')))).length)
  for (const note of ourNotes) {
    // A header's, footer's or note's comment says where its words are ("In footnote 1 ¶1, …"): it sits elsewhere by design.
    if (/^In (header|footer|footnote|endnote)/.test(note.text)) continue
    const flagged = /“([^”]+)”/.exec(note.text)![1]
    const last = flagged.split(/\s+/).pop()!
    const on = words.find((w) => w.text.includes(last) && Math.abs(w.yMin - note.top) < 3 && w.xMin < note.x && note.x <= w.xMax + 1)
    assert.ok(on, `the note “${note.text.split('\n')[0]}” at (${note.x}, ${note.top}) is not right after “${last}”: ${JSON.stringify(words.filter((w) => Math.abs(w.yMin - note.top) < 3).map((w) => `${w.text}@${w.xMin}-${w.xMax}`))}`)
  }
})

/** Findings far enough apart that LibreOffice has room to print each comment level with its words. */
function spacedDocx(): Buffer {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`
  const filler = (n: number) => Array.from({length: 12}, (_, i) => p(`Plain line ${n}.${i + 1}, nothing to flag here.`)).join('')
  return rawDocx(p('Our team: she is a wise mentor to us all.') + filler(1) + p('He is a glumster, they said, in the meeting.') + filler(2) + p('Members were service fodder, the report said.'))
}

/** The lines of a comment printed in the margin: from the line that starts it down to its author's name. */
function marginBlock(lines: PdfLine[], start: PdfLine): PdfLine[] {
  const block: PdfLine[] = []
  for (const line of lines) {
    if (line.top < start.top || Math.abs(line.x - start.x) > 1) continue
    if (line !== start && /^Recovery Language/.test(line.text)) break
    block.push(line)
  }
  return block
}

test('comments print in the margin, right of the page body, level with their words (PNG in test-results/docx/)', {skip: noMarginComments() ?? false}, async () => {
  const dir = project({'rich.docx': await richDocx(), 'spaced.docx': spacedDocx()})
  for (const [out, args] of [['rich.reviewed.docx', ['--track-changes', 'rich.docx']], ['rich.comments.docx', ['rich.docx']], ['spaced.reviewed.docx', ['spaced.docx']]] as const) {
    const r = cli([...ONLY_FIXTURES, '--review-docx', out, ...args], dir)
    assert.equal(r.code, 1, r.stderr)
  }
  // Comments in the margin only (no PDF note icons over the text).
  const pdf = soffice(['--convert-to', pdfFilter({notes: false, margin: true}), '--outdir', 'pdf', 'rich.reviewed.docx', 'rich.comments.docx', 'spaced.reviewed.docx'], dir)
  assert.equal(pdf.status, 0, pdf.stderr)
  assert.ok(!/could not be loaded|Error/i.test(pdf.stderr + pdf.stdout), pdf.stderr + pdf.stdout)

  // Room to spare: each comment is printed whole, its first line level with the line of its words.
  const spaced = u8(readFileSync(join(dir, 'spaced.reviewed.docx')))
  const comments = ours(spaced)
  assert.equal(comments.length, 3)
  const page = firstPage(join(dir, 'pdf', 'spaced.reviewed.pdf'))
  const lines = pdfLines(page.words)
  const starts: PdfLine[] = []
  for (const c of comments) {
    const start = lines.find((l) => l.text.length >= 12 && c.text.split('\n')[0].startsWith(l.text))
    assert.ok(start, `the comment “${c.text.split('\n')[0]}” is not printed: ${JSON.stringify(lines.map((l) => `${l.text}@${l.x},${l.top}`))}`)
    starts.push(start)
    const flagged = anchorText(spaced, 'word/document.xml', c.id)!.split(/\s+/)
    const words = lines.find((l) => l.x < start.x && l.words.some((_, i) => flagged.every((f, k) => l.words[i + k]?.text.replace(/[.,;:]+$/, '') === f)))
    assert.ok(words, `the words “${flagged.join(' ')}” are not on the page`)
    assert.ok(Math.abs(words.top - start.top) < 4, `“${c.text.split('\n')[0]}” at ${start.top}, its words “${flagged.join(' ')}” at ${words.top}`)
    // The rest of the comment follows in the same column, in order (a line can be cut at the page's edge).
    const text = c.text.replace(/\n/g, ' ')
    let at = 0
    const block = marginBlock(lines, start)
    for (const line of block) {
      const found = text.indexOf(line.text, at)
      assert.ok(found >= 0, `“${line.text}” is not the next part of “${text}”`)
      at = found + line.text.length
    }
    assert.ok(block.length >= 3 && at > text.length * 0.6, `only ${JSON.stringify(block.map((l) => l.text))} of “${text}” printed`)
  }
  // One column for all of them, in the right part of the page; nothing of the page body reaches into it.
  const column = Math.min(...starts.map((s) => s.x))
  assert.ok(starts.every((s) => Math.abs(s.x - column) < 1), JSON.stringify(starts.map((s) => s.x)))
  assert.ok(column > page.width * 0.6, `margin column at ${column} of ${page.width}`)
  const across = page.words.filter((w) => w.xMin < column - 1 && w.xMax > column)
  assert.deepEqual(across, [])

  // A crowded page (15 comments of ours and the writer's own): each is printed in the margin column, stacked.
  const rich = ours(u8(readFileSync(join(dir, 'rich.comments.docx'))))
  const crowded = firstPage(join(dir, 'pdf', 'rich.comments.pdf'))
  const margin = pdfLines(crowded.words).filter((l) => l.x > crowded.width * 0.6)
  const x = Math.min(...margin.map((l) => l.x))
  const unused = margin.filter((l) => Math.abs(l.x - x) < 1 && l.text.length >= 12)
  for (const c of rich) {
    const i = unused.findIndex((l) => c.text.split('\n')[0].startsWith(l.text))
    assert.ok(i >= 0, `“${c.text.split('\n')[0]}” is not in the margin: ${JSON.stringify(margin.map((l) => l.text))}`)
    unused.splice(i, 1)
  }
  assert.deepEqual(crowded.words.filter((w) => w.xMin < x - 1 && w.xMax > x), [])

  keep(dir, 'rich.reviewed.docx', 'pdf/rich.reviewed.pdf', 'rich-reviewed')
  keep(dir, 'spaced.reviewed.docx', 'pdf/spaced.reviewed.pdf', 'spaced-reviewed')
  assert.ok(readdirSync(results).includes('rich-reviewed.png'))
})

test('a password-protected .docx saved by LibreOffice: one line, exit 2, nothing written', {skip}, async () => {
  const {encrypted, reopened} = encryptedDocx(rawDocx('<w:p><w:r><w:t xml:space="preserve">She is a wise mentor.</w:t></w:r></w:p>'), 'peer-work-2026')
  // A real encrypted package (what Word writes too): an OLE file with the encryption streams, which opens with the password.
  assert.equal(encrypted.subarray(0, 8).toString('hex'), 'd0cf11e0a1b11ae1')
  assert.ok(encrypted.includes(Buffer.from('EncryptedPackage', 'utf16le')) && encrypted.includes(Buffer.from('EncryptionInfo', 'utf16le')))
  assert.ok(!encrypted.includes(Buffer.from('wise mentor')))
  assert.ok(openDocx(u8(reopened)).text.includes('She is a wise mentor.'))
  const dir = project({'locked.docx': encrypted, 'open.docx': reopened})
  const r = cli([...ONLY_FIXTURES, '--review-docx', 'locked.reviewed.docx', 'locked.docx'], dir)
  assert.equal(r.code, 2)
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    'recovery-lint: locked.docx: cannot read as a Word document: password-protected (encrypted) Word document: remove the password in Word (File › Info › Protect Document) and save again to review it'
  ])
  assert.ok(!existsSync(join(dir, 'locked.reviewed.docx')))
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.docx')).sort(), ['locked.docx', 'open.docx'])
  // In a folder, the others go on.
  const batch = cli([...ONLY_FIXTURES, '--review-docx-dir', 'out', 'locked.docx', 'open.docx'], dir)
  assert.equal(batch.code, 2)
  assert.match(batch.stderr, /^recovery-lint: locked\.docx: cannot read as a Word document: password-protected/m)
  assert.match(batch.stderr, /^recovery-lint: wrote out\/open\.docx \(1 comment\)$/m)
  assert.deepEqual(readdirSync(join(dir, 'out')), ['open.docx'])
})
