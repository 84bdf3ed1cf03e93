/**
 * Documents saved by Microsoft Word itself (test/fixtures/word: Word 2010 files from
 * mammoth.js's test data, BSD 2-Clause, see the README there), reviewed as published.
 * Their words are not about peer work, so a small pack here flags some of them. Checked:
 * each comment sits on exactly the flagged words; every part the copy does not need is
 * byte for byte the input's; the writer's own comments stay; accepting every tracked
 * change gives the --fix text; LibreOffice opens every copy (PNG in test-results/docx/).
 */
import assert from 'node:assert/strict'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawnSync} from 'node:child_process'
import {test} from 'node:test'
import {parseRulePack} from '../../src/core/rules/load.js'
import {Reviewer} from '../../src/core/review.js'
import {openDocx, reviewDocx, writeReviewedCopy} from '../../src/core/docx/index.js'
import {ZipArchive} from '../../src/core/docx/zip.js'
import {fixDocument} from '../../src/node/documents.js'
import {ROOT} from '../cli/helpers.js'
import {haveLibreOffice, noMarginComments, soffice} from './fixtures.js'
import {acceptedStories, anchorText, commentsOf, pdfLines, pdfWords, untouchedEqual} from './inspect.js'

const WORD_PACK = `category: role-model
rules:
${[
  ['word-tachyon', 'noun', 'tachyon', 'particle'],
  ['word-ouch', 'other', 'ouch', 'oh'],
  ['word-top-right', 'other', 'top right', 'upper right'],
  ['word-datum', 'other', 'datum plane', 'reference plane'],
  ['word-example', 'other', 'example', 'sample']
]
  .map(
    ([id, kind, phrase, alternative]) => `  - id: ${id}
    severity: warning
    kind: ${kind}
    phrases: [${phrase}]
    message: "“{{text}}” is flagged for this test."
    rationale: Word's own files must be reviewed as exactly as any other.
    alternatives: [${alternative}]
    safeFix: true
    principles: [mutual]
    sources: [test]
    examples: {flag: [It is ${phrase} here., The ${phrase} again.], pass: [Nothing here., Not this one.]}`
  )
  .join('\n')}
`
const reviewer = new Reviewer([parseRulePack('word-pack.yml', WORD_PACK)])
const DATE = new Date('2026-02-01T09:00:00Z')
const FIXTURES = join(ROOT, 'test', 'fixtures', 'word')
const REVIEWER = 'Recovery Language Review'
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))
const skip = haveLibreOffice() ? false : 'LibreOffice could not be installed'

/** The fixtures and the findings each must give ("place: words"). */
const CASES = [
  {file: 'comments.docx', findings: ['body ¶1: Ouch', 'comment 1 ¶1: A tachyon']},
  {file: 'footnotes.docx', findings: ['body ¶1: Ouch', 'footnote 1 ¶1: A tachyon']},
  {file: 'footnote-hyperlink.docx', findings: ['footnote 1 ¶1: Example']},
  {file: 'tables.docx', findings: ['body ¶3: Top right']},
  {file: 'text-box.docx', findings: ['text box 1 ¶1: Datum plane']}
]
const PACKAGE_PARTS = ['word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']

function review(bytes: Uint8Array, options: {trackChanges?: boolean; commentsInNotes?: boolean} = {}) {
  const model = openDocx(bytes)
  const found = reviewDocx(reviewer, model)
  const copy = writeReviewedCopy(model, found, {...options, date: DATE, rule: (id) => reviewer.rule(id)})
  return {model, found, copy}
}

/** Where comment `id` is anchored: the part and the text its range holds. */
function anchorOf(bytes: Uint8Array, id: string): {part: string; text: string} | undefined {
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    if (!new ZipArchive(bytes).has(part)) continue
    const text = anchorText(bytes, part, id)
    if (text !== undefined) return {part, text}
  }
  return undefined
}

test('the fixtures are Word’s own files, as published', () => {
  for (const {file} of CASES) {
    const app = new ZipArchive(read(file)).readText('docProps/app.xml')
    assert.match(app, /<Application>Microsoft Office Word<\/Application>/, file)
    assert.match(app, /<AppVersion>14\.0000<\/AppVersion>/, file)
  }
})

test('Word’s documents: comments on exactly the flagged words, every other part byte for byte, its comments kept', () => {
  for (const {file, findings} of CASES) {
    const input = read(file)
    for (const commentsInNotes of [false, true]) {
      const {model, found, copy} = review(input, {commentsInNotes})
      assert.deepEqual(found.findings.map((f, i) => `${found.places[i]}: ${f.text}`), findings, file)
      const ours = commentsOf(copy.bytes).filter((c) => c.author === REVIEWER)
      // A finding in the text of an existing comment is reported, never commented on.
      const onText = findings.filter((f) => !f.startsWith('comment '))
      assert.equal(ours.length, onText.length, file)
      for (const [i, c] of ours.entries()) {
        const [place, words] = onText[i].split(': ')
        const anchor = anchorOf(copy.bytes, c.id)
        assert.ok(anchor, `${file}: comment ${c.id} has no range`)
        if (place.startsWith('footnote') && !commentsInNotes) {
          // On the note's reference mark in the body, saying where the words are.
          assert.deepEqual(anchor, {part: 'word/document.xml', text: ''}, file)
          assert.ok(c.text.startsWith(`In ${place}, “${words}”:`), `${file}: ${c.text}`)
        } else {
          assert.deepEqual(anchor, {part: place.startsWith('footnote') ? 'word/footnotes.xml' : 'word/document.xml', text: words}, `${file}: ${onText[i]}`)
          assert.ok(c.text.startsWith(`“${words.replace(/^A /, '')}” is flagged`), `${file}: ${c.text}`)
        }
      }
      // What may change: the parts holding a comment's marks, the comments part, and the relationships and types naming it.
      const inNote = (f: string) => f.startsWith('footnote') && commentsInNotes
      const allowed = [
        ...(onText.some((f) => !inNote(f)) ? ['word/document.xml'] : []),
        ...(onText.some(inNote) ? ['word/footnotes.xml', 'word/_rels/footnotes.xml.rels'] : []),
        ...PACKAGE_PARTS
      ]
      assert.deepEqual(untouchedEqual(input, copy.bytes, allowed), [], `${file}${commentsInNotes ? ' --comments-in-notes' : ''}`)
      assert.ok(copy.parts.every((p) => allowed.includes(p)), `${file}: ${copy.parts}`)
      // The copy reads back as the input, plus our comments.
      assert.deepEqual(openDocx(copy.bytes).paragraphs.filter((p) => !p.section.startsWith('comment')).map((p) => p.text), model.paragraphs.filter((p) => !p.section.startsWith('comment')).map((p) => p.text))
    }
  }
  // The writer's own comments (one on "Ouch", one at a point) stay as Word wrote them; ours get ids above every id in use.
  const input = read('comments.docx')
  const {copy} = review(input)
  const before = new ZipArchive(input).readText('word/comments.xml')
  const after = new ZipArchive(copy.bytes).readText('word/comments.xml')
  for (const c of before.match(/<w:comment\b[\s\S]*?<\/w:comment>/g)!) assert.ok(after.includes(c), c)
  assert.deepEqual(commentsOf(copy.bytes).map((c) => `${c.author}: ${c.text.split('\n')[0]}`), [
    'Michael Williamson: A tachyon walks into a bar.',
    'Michael Williamson: Fin.',
    `${REVIEWER}: “Ouch” is flagged for this test.`
  ])
  const body = new ZipArchive(copy.bytes).readText('word/document.xml')
  for (const mark of ['<w:commentRangeStart w:id="0"/>', '<w:commentRangeEnd w:id="0"/>', '<w:commentReference w:id="0"/>', '<w:commentReference w:id="2"/>']) assert.ok(body.includes(mark), mark)
  assert.ok(Number(commentsOf(copy.bytes)[2].id) > 2)
  // Both comments on "Ouch", Word's and ours, hold exactly it.
  assert.equal(anchorText(copy.bytes, 'word/document.xml', '0'), 'Ouch')
  assert.equal(anchorText(copy.bytes, 'word/document.xml', commentsOf(copy.bytes)[2].id), 'Ouch')
})

test('Word’s documents with tracked changes: accepting them all gives the --fix text, in the body, a table, a text box and notes', () => {
  for (const {file} of CASES) {
    const {model, copy} = review(read(file), {trackChanges: true})
    const stories = model.paragraphs.filter((p) => p.text && !p.section.startsWith('comment'))
    const fixed = fixDocument(reviewer, {kind: 'text', text: stories.map((p) => p.text).join('\n\n') + '\n', bom: false, lossless: true}).text.trimEnd().split('\n\n')
    assert.deepEqual(acceptedStories(copy.bytes), stories.map((p, i) => `${p.section}: ${fixed[i]}`), file)
    assert.notDeepEqual(fixed, stories.map((p) => p.text), file)
  }
})

test('LibreOffice opens every reviewed copy of Word’s documents, with our comments and changes (PNG in test-results/docx/)', {skip}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-word-made-'))
  const names: string[] = []
  for (const {file} of CASES) {
    for (const [suffix, options] of [['reviewed', {trackChanges: true}], ['in-notes', {commentsInNotes: true}]] as const) {
      if (suffix === 'in-notes' && !file.startsWith('footnote')) continue
      const name = `${file.replace(/\.docx$/, '')}.${suffix}.docx`
      const {copy} = review(read(file), options)
      writeFileSync(join(dir, name), copy.bytes)
      names.push(name)
    }
  }
  const odt = soffice(['--convert-to', 'odt', '--outdir', 'odt', ...names], dir)
  assert.equal(odt.status, 0, odt.stderr)
  assert.ok(!/could not be loaded|Error/i.test(odt.stderr + odt.stdout), odt.stderr + odt.stdout)
  for (const name of names) {
    const content = spawnSync('unzip', ['-p', join(dir, 'odt', name.replace(/\.docx$/, '.odt')), 'content.xml'], {encoding: 'utf8'}).stdout
    const expected = commentsOf(new Uint8Array(readFileSync(join(dir, name)))).length
    assert.equal((content.match(/<office:annotation[ >]/g) ?? []).length, expected, `${name}: comments LibreOffice read`)
    if (name.includes('reviewed')) assert.match(content, /<text:changed-region\b[\s\S]*?<dc:creator>Recovery Language Review<\/dc:creator>/, name)
  }
  // A page to look at: the table, with its comment in the margin, level with its words.
  if (noMarginComments()) return
  const filter = `pdf:writer_pdf_Export:${JSON.stringify({ExportNotes: {type: 'boolean', value: 'false'}, ExportNotesInMargin: {type: 'boolean', value: 'true'}})}`
  const pdf = soffice(['--convert-to', filter, '--outdir', 'pdf', 'tables.reviewed.docx', 'comments.reviewed.docx'], dir)
  assert.equal(pdf.status, 0, pdf.stderr)
  const results = join(ROOT, 'test-results', 'docx')
  mkdirSync(results, {recursive: true})
  for (const name of ['tables', 'comments']) {
    const png = spawnSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'pdf', `${name}.reviewed.pdf`), join(results, `word-${name}-reviewed`)], {encoding: 'utf8'})
    assert.equal(png.status, 0, png.stderr)
    copyFileSync(join(dir, `${name}.reviewed.docx`), join(results, `word-${name}-reviewed.docx`))
  }
  const bbox = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'pdf', 'tables.reviewed.pdf'), '-'], {encoding: 'utf8'})
  const page = pdfWords(bbox.stdout)
  const lines = pdfLines(page.words)
  const words = lines.find((l) => l.text.includes('Top rightUpper right'))
  const comment = lines.find((l) => l.x > page.width * 0.6 && l.text.includes('is flagged'))
  assert.ok(words && comment, JSON.stringify(lines.map((l) => `${l.text}@${l.x},${l.top}`)))
  assert.ok(Math.abs(words.top - comment.top) < 4, `comment at ${comment.top}, its words at ${words.top}`)
})
