/**
 * Word documents: the text model of every story, the reviewed copy (comments on
 * exactly the flagged words, tracked changes, nothing else changed) and bad input.
 * Documents are made here: by the `docx` package, by hand (edge cases), by LibreOffice.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {strToU8, zipSync} from 'fflate'
import {parseRulePack} from '../../src/core/rules/load.js'
import {Reviewer} from '../../src/core/review.js'
import {DEFAULT_DOCX_LIMITS, openDocx, reviewDocx, writeReviewedCopy, type DocxModel} from '../../src/core/docx/index.js'
import {ZipArchive} from '../../src/core/docx/zip.js'
import {FIXTURE_PACK} from '../cli/helpers.js'
import {edgeCasesDocx, haveLibreOffice, libreOffice, rawDocx, richDocx} from './fixtures.js'
import {acceptedBody, acceptedStories, anchorText, commentsOf, untouchedEqual} from './inspect.js'

const reviewer = new Reviewer([parseRulePack('fixture-pack.yml', FIXTURE_PACK)])
const DATE = new Date('2026-02-01T09:00:00Z')
const u8 = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

const sections = (m: DocxModel) => m.paragraphs.filter((p) => p.text).map((p) => `${p.section} ¶${p.index}: ${p.text}`)

test('every story is read: body, nested tables, text box, header, footer, footnote, endnote, comments', async () => {
  const m = openDocx(u8(await richDocx()))
  assert.deepEqual(sections(m), [
    'body ¶1: Peer work policy',
    'body ¶2: Our workers act as a wise mentor for people.',
    'body ¶3: Each is a wise mentor to all.',
    'body ¶4: He is a glumster, they said.',
    'body ¶5: Someone asked about this line.',
    // The tracked insertion is read, the tracked deletion is not.
    'body ¶6: Added: a wise mentor and removed .',
    // A hyperlink's text, never its address; a field's result, never its code.
    'body ¶7: See a wise mentor online.',
    'body ¶8: Field: a wise mentor.',
    'body ¶9: Outer cell: she is a wise mentor.',
    'body ¶10: Inner cell: a glumster waits.',
    'body ¶11: Plain.',
    'body ¶13: Other cell.',
    'body ¶15: A wise mentor again, and again a wise mentor.',
    'text box 1 ¶1: Box: a wise mentor inside.',
    'header1 ¶1: Header: a wise mentor note.',
    'footer1 ¶1: Footer: he is a glumster.',
    'footnote 1 ¶1: Footnote: she is a wise mentor.',
    'endnote 1 ¶1: Endnote: a glumster, they wrote.',
    'comment 1 ¶1: Comment: is a wise mentor right here?',
    'comment 2 ¶1: Reply: agreed, change it.'
  ])
})

test('field codes, moved-away text and text box fallbacks are not prose; protected text is marked', () => {
  const m = openDocx(u8(edgeCasesDocx()))
  assert.deepEqual(sections(m), [
    'body ¶1: Field a glumster shown.',
    'body ¶2: Type here: a wise mentor.',
    'body ¶3: Filled in: a wise mentor.',
    'body ¶4: Tom & Jo: a wise mentor’s view\tend.',
    'body ¶5: a wise mentor moved',
    'body ¶6: Before box. After box, a glumster.',
    'body ¶7: She is a wise mentor.',
    'body ¶8: A wise mentor here.',
    // Reviewed once: the mc:Choice, not the mc:Fallback copy.
    'text box 1 ¶1: Box text: a glumster.',
    'footnote 1 ¶1: Note.'
  ])
  const protectedIn = (i: number) => [...new Set(m.paragraphs[i].pieces.map((p) => p.protectedBy ?? '-'))]
  assert.deepEqual(protectedIn(0), ['-', 'field'])
  assert.deepEqual(protectedIn(1), ['placeholder'])
  assert.deepEqual(protectedIn(2), ['-'])
  assert.deepEqual(protectedIn(4), ['tracked change'])
})

test('every character maps back to its place in the XML (runs, entities, tabs)', () => {
  const m = openDocx(u8(edgeCasesDocx()))
  for (const p of m.paragraphs) {
    const xml = m.xml.get(p.part)!
    for (const piece of p.pieces) {
      const text = p.text.slice(piece.from, piece.to)
      if (piece.kind === 'char') assert.match(xml.slice(piece.xmlFrom, piece.xmlTo), /^<w:(tab|br|cr|ptab|noBreakHyphen)\b/)
      else {
        const raw = xml.slice(piece.xmlFrom, piece.xmlTo)
        assert.equal(raw.replace(/&amp;/g, '&').replace(/&#x2019;/g, '’'), text)
        assert.equal(xml.slice(piece.tagStart, piece.tagOpenEnd).slice(0, 4), '<w:t')
      }
    }
  }
})

/** Review, write the copy, and check each comment's anchor against its finding. */
function reviewAndCheck(bytes: Uint8Array, trackChanges: boolean) {
  const model = openDocx(bytes)
  const review = reviewDocx(reviewer, model)
  const copy = writeReviewedCopy(model, review, {trackChanges, date: DATE, rule: (id) => reviewer.rule(id)})
  const comments = commentsOf(copy.bytes).filter((c) => c.author === 'Recovery Language Review')
  const onWords: string[] = []
  for (const c of comments) {
    assert.equal(c.initials, 'RLR')
    const inDoc = anchorText(copy.bytes, 'word/document.xml', c.id)
    if (inDoc !== undefined) onWords.push(inDoc)
  }
  return {model, review, copy, comments, onWords}
}

test('the reviewed copy: one comment per finding, anchored on exactly the flagged words; every other part byte for byte', async () => {
  for (const [name, bytes] of [
    ['docx package', u8(await richDocx())],
    ['hand-written', u8(edgeCasesDocx())],
    // The same documents as LibreOffice saves them (its own runs, ids, text boxes in mc:AlternateContent).
    ...(haveLibreOffice() ? ([['LibreOffice', u8(libreOffice(await richDocx()))], ['LibreOffice, hand-written', u8(libreOffice(edgeCasesDocx()))]] as const) : [])
  ] as const) {
    const {review, copy, comments, model} = reviewAndCheck(bytes, false)
    const reported = review.findings.filter((_, i) => model.paragraphs[review.paragraphs[i]].section.startsWith('comment') === false)
    assert.equal(comments.length, reported.length, name)
    // Each finding in the body or a text box: a comment whose range holds exactly its words.
    for (const [i, f] of review.findings.entries()) {
      const p = model.paragraphs[review.paragraphs[i]]
      if (p.part !== 'word/document.xml') continue
      const field = p.pieces.some((x) => x.field && x.from < f.endOffset - model.starts[review.paragraphs[i]] && x.to > f.offset - model.starts[review.paragraphs[i]])
      const texts = comments.map((c) => anchorText(copy.bytes, 'word/document.xml', c.id))
      if (field) assert.ok(texts.some((t) => t?.includes(f.text)), `${name}: ${review.places[i]} field`)
      else assert.ok(texts.includes(f.text), `${name}: ${review.places[i]} “${f.text}” not among ${JSON.stringify(texts)}`)
    }
    const untouched = untouchedEqual(bytes, copy.bytes, copy.parts)
    assert.deepEqual(untouched, [], name)
    // The copy reads back to the same text: nothing but comments was added.
    assert.deepEqual(
      openDocx(copy.bytes).paragraphs.filter((p) => !p.section.startsWith('comment')).map((p) => p.text),
      model.paragraphs.filter((p) => !p.section.startsWith('comment')).map((p) => p.text)
    )
  }
})

test('what a comment says; repeated wording gets one full comment and short ones that point to it', async () => {
  const {comments} = reviewAndCheck(u8(await richDocx()), false)
  const first = comments.find((c) => /more places/.test(c.text))!
  assert.ok(first, JSON.stringify(comments.map((c) => c.text)))
  assert.match(first.text, /^“wise mentor” puts the peer worker above the people they support\.\nWhy: Peer support is mutual\. Nobody is the example for anyone else\.\nInstead: a fellow peer; a peer colleague\.\nRule: zz-fixture-mentor\nThe same wording is flagged in \d+ more places/)
  const short = comments.filter((c) => c.text.startsWith('Same wording as the comment at body ¶2'))
  assert.ok(short.length >= 3, JSON.stringify(comments.map((c) => c.text)))
  assert.match(short[0].text, /\(2 of \d+\): “wise mentor” puts/)
  // Where a comment cannot sit on the words (header, footer, notes), it says where they are.
  assert.ok(comments.some((c) => c.text.startsWith('In header1 ¶1, “a wise mentor”:')))
  assert.ok(comments.some((c) => c.text.startsWith('In footnote 1 ¶1, “a wise mentor”:')))
  assert.ok(comments.some((c) => c.text.startsWith('In footer1 ¶1, “a glumster”:')))
})

test('existing comments and replies are kept; new ids never collide', async () => {
  const input = u8(await richDocx())
  const {copy} = reviewAndCheck(input, true)
  const before = new ZipArchive(input).readText('word/comments.xml')
  const after = new ZipArchive(copy.bytes).readText('word/comments.xml')
  // The old comments stay as they were, byte for byte, the new ones follow them.
  const close = before.lastIndexOf('</w:comments>')
  assert.ok(after.startsWith(before.slice(0, close)))
  assert.ok(!copy.parts.includes('word/commentsExtended.xml'))
  const ids = [...new ZipArchive(copy.bytes).readText('word/document.xml').matchAll(/<w:(?:commentRangeStart|ins|del) w:id="(\d+)"/g)].map((m) => m[1])
  const commentIds = commentsOf(copy.bytes).map((c) => c.id)
  assert.equal(new Set(commentIds).size, commentIds.length)
  assert.equal(new Set(ids.filter((id) => !commentIds.includes(id))).size, ids.filter((id) => !commentIds.includes(id)).length)
  assert.ok(!commentIds.includes('101') && !commentIds.includes('102'))
})

test('no id is used twice: a split run with a tracked formatting change gets new revision ids; ids stay 32-bit ints', () => {
  const ids = (xml: string) => [...xml.matchAll(/<w:(?:commentRangeStart|ins|del|rPrChange|bookmarkStart) w:id="(\d+)"/g)].map((m) => Number(m[1]))
  const change = '<w:rPrChange w:id="5" w:author="A" w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'
  const input = u8(rawDocx(`<w:p><w:r><w:rPr><w:b/>${change}</w:rPr><w:t xml:space="preserve">She is a wise mentor today.</w:t></w:r></w:p>`))
  const {copy} = reviewAndCheck(input, true)
  const xml = new ZipArchive(copy.bytes).readText('word/document.xml')
  // Four runs now carry the formatting change (before, deleted, inserted, after): four revisions, four ids.
  const changes = ids(xml.replace(/<w:(?!rPrChange)[^>]*>/g, ''))
  assert.equal(changes.length, 4)
  const all = ids(xml)
  assert.equal(new Set(all).size, all.length, xml)
  assert.match(xml, /^[\s\S]*<w:rPr><w:b\/><w:rPrChange w:id="5" w:author="A"[^>]*><w:rPr\/><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">She is <\/w:t>/)
  // An id at the top of the 32-bit range: the new ones go in the gaps below it, never past it.
  const top = u8(rawDocx('<w:p><w:bookmarkStart w:id="2147483647" w:name="b"/><w:bookmarkStart w:id="0" w:name="c"/><w:r><w:t>She is a wise mentor.</w:t></w:r><w:bookmarkEnd w:id="0"/><w:bookmarkEnd w:id="2147483647"/></w:p>'))
  const high = ids(new ZipArchive(reviewAndCheck(top, true).copy.bytes).readText('word/document.xml'))
  assert.deepEqual(high, [2147483647, 0, 1, 2, 3])
})

test('reviewing a reviewed copy again puts no second comment on words an earlier review marked', async () => {
  for (const trackChanges of [false, true]) {
    const first = reviewAndCheck(u8(await richDocx()), trackChanges)
    const again = reviewAndCheck(first.copy.bytes, trackChanges)
    // Every finding outside the comments' own text is marked already: in the body and text box by its range
    // (around the whole field for a field's result), in a header, footer or note by what the comment says.
    const marked = again.review.findings.filter((_, i) => !again.model.paragraphs[again.review.paragraphs[i]].section.startsWith('comment'))
    assert.ok(marked.length >= (trackChanges ? 2 : 15), `${marked.length} findings`)
    assert.deepEqual([again.copy.comments, again.copy.changes, again.copy.alreadyCommented], [0, 0, marked.length], `track changes: ${trackChanges}`)
    assert.equal(commentsOf(again.copy.bytes).length, commentsOf(first.copy.bytes).length)
  }
  // Another reviewer's comment on the same words does not count.
  const theirs = u8(rawDocx('<w:p><w:r><w:t xml:space="preserve">She is </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t>a wise mentor</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>', {
    rels: '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>',
    parts: {'word/comments.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="Alex Writer" w:date="2026-01-01T00:00:00Z"><w:p><w:r><w:t>Hmm.</w:t></w:r></w:p></w:comment></w:comments>'},
    types: '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
  }))
  assert.deepEqual([reviewAndCheck(theirs, false).copy.comments, reviewAndCheck(theirs, false).copy.alreadyCommented], [1, 0])
})

test('a document without comments gets the comments part, its relationship and content type', () => {
  const input = u8(rawDocx('<w:p><w:r><w:t>She is a wise mentor.</w:t></w:r></w:p>'))
  const {copy} = reviewAndCheck(input, false)
  assert.deepEqual(copy.parts.sort(), ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml'])
  const zip = new ZipArchive(copy.bytes)
  assert.match(zip.readText('word/_rels/document.xml.rels'), /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/)
  assert.match(zip.readText('[Content_Types].xml'), /<Override PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"\/>/)
  assert.equal(anchorText(copy.bytes, 'word/document.xml', commentsOf(copy.bytes)[0].id), 'a wise mentor')
})

test('tracked changes: each safe fix a w:del + w:ins by the reviewer; never in protected text or across markup', () => {
  const {copy, model, review} = reviewAndCheck(u8(edgeCasesDocx()), true)
  const xml = new ZipArchive(copy.bytes).readText('word/document.xml')
  const dels = [...xml.matchAll(/<w:del w:id="\d+" w:author="Recovery Language Review" w:date="2026-02-01T09:00:00Z">([\s\S]*?)<\/w:del>/g)].map((m) =>
    [...m[1].matchAll(/<w:delText[^>]*>([^<]*)</g)].map((t) => t[1]).join('')
  )
  // Filled-in content control, styled split, plain split around a bookmark: changed. Field result, placeholder,
  // moved text, and the phrase around a footnote reference: not.
  assert.deepEqual(dels.sort(), ['a glumster', 'a glumster', 'a wise mentor', 'a wise mentor', 'a wise mentor'].sort())
  assert.equal(copy.changes, 5)
  assert.equal(copy.notChanged, 4)
  // The split run keeps its formatting on both sides.
  assert.match(xml, /<w:r><w:rPr><w:i\/><\/w:rPr><w:t xml:space="preserve">Tom &amp; Jo: <\/w:t><\/w:r>/)
  assert.match(xml, /<w:ins [^>]*><w:r><w:rPr><w:i\/><\/w:rPr><w:t xml:space="preserve">a fellow peer<\/w:t><\/w:r><\/w:ins>/)
  assert.match(xml, /<w:r><w:rPr><w:b\/><w:color w:val="FF0000"\/><\/w:rPr><w:t xml:space="preserve">&#x2019;s view<\/w:t><\/w:r>/)
  // The field code and the Fallback copy are untouched.
  assert.ok(xml.includes('<w:instrText xml:space="preserve"> DOCPROPERTY "a wise mentor" </w:instrText>'))
  assert.ok(xml.includes('<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t xml:space="preserve">Box text: a glumster.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'))
  void model
  void review
  // A content control bound to custom XML: Word refills its text from the data, so the text is never edited.
  const bound = u8(rawDocx('<w:p><w:sdt><w:sdtPr><w:dataBinding w:xpath="/root/name" w:storeItemID="{1}"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">She is a wise mentor.</w:t></w:r></w:sdtContent></w:sdt></w:p>'))
  const b = reviewAndCheck(bound, true)
  assert.deepEqual([b.copy.comments, b.copy.changes, b.copy.notChanged], [1, 0, 1])
  assert.deepEqual(b.onWords, ['a wise mentor'])
  // A content control locked against editing: Word would not let its reader accept the change either.
  const locked = (val: string) => u8(rawDocx(`<w:p><w:sdt><w:sdtPr><w:lock w:val="${val}"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">She is a wise mentor.</w:t></w:r></w:sdtContent></w:sdt></w:p>`))
  assert.equal(reviewAndCheck(locked('contentLocked'), true).copy.changes, 0)
  assert.equal(reviewAndCheck(locked('sdtContentLocked'), true).copy.changes, 0)
  assert.equal(reviewAndCheck(locked('sdtLocked'), true).copy.changes, 1)
  // Document protection enforced for reading, comments or forms: comments only, and the settings byte for byte.
  const protectedDoc = (edit: string, enforcement = '1') =>
    u8(
      rawDocx('<w:p><w:r><w:t xml:space="preserve">She is a wise mentor.</w:t></w:r></w:p>', {
        rels: '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
        parts: {'word/settings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:documentProtection w:edit="${edit}" w:enforcement="${enforcement}"/></w:settings>`},
        types: '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
      })
    )
  for (const edit of ['readOnly', 'comments', 'forms']) {
    const input = protectedDoc(edit)
    const p = reviewAndCheck(input, true)
    assert.deepEqual([p.copy.comments, p.copy.changes, p.copy.notChanged], [1, 0, 1], edit)
    assert.deepEqual(untouchedEqual(input, p.copy.bytes, p.copy.parts), [])
    assert.ok(!p.copy.parts.includes('word/settings.xml'))
  }
  assert.equal(reviewAndCheck(protectedDoc('trackedChanges'), true).copy.changes, 1)
  assert.equal(reviewAndCheck(protectedDoc('readOnly', '0'), true).copy.changes, 1)
})

test('accepting every tracked change gives the text --fix gives for the same content', async () => {
  const {fixDocument} = await import('../../src/node/documents.js')
  const {parseText} = await import('../../src/core/parse/text.js')
  void parseText
  const lines = ['Our workers act as a wise mentor for people.', 'Each is a wise mentor to all, a glumster or not.', 'A wise mentor again, and again a wise mentor.', 'He is a glumster, they said.', 'Nothing here.']
  const {Document, Packer, Paragraph, TextRun} = await import('docx')
  const doc = new Document({
    sections: [{children: lines.map((l, i) => new Paragraph({children: i === 1 ? [new TextRun(l.slice(0, 12)), new TextRun({text: l.slice(12, 20), bold: true}), new TextRun(l.slice(20))] : [new TextRun(l)]}))}]
  })
  const bytes = u8(await Packer.toBuffer(doc))
  const {copy} = reviewAndCheck(bytes, true)
  const text = lines.join('\n\n') + '\n'
  const fixed = fixDocument(reviewer, {kind: 'text', text, bom: false, lossless: true}).text
  assert.deepEqual(acceptedBody(copy.bytes), fixed.trimEnd().split('\n\n'))
  assert.notDeepEqual(acceptedBody(copy.bytes), lines)
})

test('accepting every tracked change gives the --fix text in every story: headers, footers, notes, text box, nested table', async () => {
  const {fixDocument} = await import('../../src/node/documents.js')
  const {Document, Packer, Paragraph, TextRun, Header, Footer, FootnoteReferenceRun, EndnoteReferenceRun, Table, TableRow, TableCell, Textbox} = await import('docx')
  const p = (t: string) => new Paragraph(t)
  const cell = (children: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>>) => new TableCell({children})
  const inner = new Table({rows: [new TableRow({children: [cell([p('Inner: he is a glumster, a wise mentor too.')])]})]})
  const doc = new Document({
    footnotes: {1: {children: [p('Note: a wise mentor, then a glumster.')]}},
    endnotes: {1: {children: [p('End: the glumster and a wise mentor.')]}},
    sections: [
      {
        headers: {default: new Header({children: [p('Head: a wise mentor and a glumster.')]})},
        footers: {default: new Footer({children: [p('Foot: she is a glumster.')]})},
        children: [
          new Paragraph({children: [new TextRun('Body: a wise mentor.'), new FootnoteReferenceRun(1), new TextRun(' More.'), new EndnoteReferenceRun(1)]}),
          new Table({rows: [new TableRow({children: [cell([p('Outer: a wise mentor.'), inner])]})]}),
          new Textbox({alignment: 'left', style: {width: '200pt', height: '60pt'}, children: [p('Box: a glumster and a wise mentor.')]})
        ]
      }
    ]
  })
  const bytes = u8(await Packer.toBuffer(doc))
  const {copy, model} = reviewAndCheck(bytes, true)
  assert.equal(copy.notChanged, 0)
  const stories = model.paragraphs.filter((x) => x.text && !x.section.startsWith('comment'))
  const fixed = fixDocument(reviewer, {kind: 'text', text: stories.map((x) => x.text).join('\n\n') + '\n', bom: false, lossless: true}).text.trimEnd().split('\n\n')
  const expected = stories.map((x, i) => `${x.section}: ${fixed[i]}`)
  assert.deepEqual(acceptedStories(copy.bytes), expected)
  for (const section of ['body', 'header1', 'footer1', 'footnote 1', 'endnote 1', 'text box 1']) assert.ok(expected.some((t) => t.startsWith(`${section}: `) && !t.includes('glumster') && !t.includes('wise mentor')), `${section} fixed: ${JSON.stringify(expected)}`)
})

// ---- bad input --------------------------------------------------------------------------

function ole(stream: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  const out = new Uint8Array(4096)
  out.set(head)
  const name = stream.split('').flatMap((c) => [c.charCodeAt(0), 0])
  out.set(name, 1024)
  return out
}

test('bad input gets one clear reason: encrypted, .doc, not a zip, corrupt, zip bomb, lying sizes, too many paragraphs', () => {
  const reason = (bytes: Uint8Array, limits = DEFAULT_DOCX_LIMITS) => {
    try {
      openDocx(bytes, limits)
      return 'opened'
    } catch (error) {
      assert.equal((error as Error).name, 'DocxError', String((error as Error).stack))
      assert.ok(!(error as Error).message.includes('\n'))
      return (error as Error).message
    }
  }
  assert.match(reason(ole('EncryptedPackage')), /^password-protected \(encrypted\) Word document/)
  assert.match(reason(ole('WordDocument')), /^a Word 97–2003 document \(\.doc\), not a \.docx/)
  assert.match(reason(strToU8('not a zip at all')), /not a zip archive/)
  assert.match(reason(new Uint8Array()), /^empty file/)
  const good = u8(rawDocx('<w:p><w:r><w:t>Hello.</w:t></w:r></w:p>'))
  assert.equal(reason(good), 'opened')
  assert.match(reason(good.slice(0, good.length - 30)), /corrupt/)
  // XML that is not well-formed: Word refuses it, and a copy spliced from it would be as broken.
  assert.equal(reason(u8(rawDocx('<w:p><w:r><w:t>Hi.</w:r></w:t></w:p>'))), 'corrupt: word/document.xml is not well-formed (</w:r> where </w:t> was due)')
  assert.equal(reason(u8(rawDocx('<w:p><w:r><w:t>Hi.</w:t></w:r></w:p></w:tbl>'))), 'corrupt: word/document.xml is not well-formed (</w:tbl> where </w:body> was due)')
  assert.match(reason(u8(rawDocx('<w:p><w:r><w:t>Hi.</w:t></w:r>').subarray(0))), /^corrupt: word\/document\.xml is not well-formed/)
  // A part that expands 1000 times: refused from the directory, before inflating.
  const huge = '<w:p/>'.repeat(2_000_000)
  const rels = strToU8('<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
  const bombed = zipSync({'[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': rels, 'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${huge}</w:body></w:document>`)})
  assert.match(reason(bombed), /expands \d+ times .*a zip bomb/)
  // The same document with lying sizes in the directory: stopped while inflating.
  const lying = bombed.slice()
  const zip = new ZipArchive(lying)
  const entry = zip.entries.find((e) => e.name === 'word/document.xml')!
  const cdAt = entry.central.byteOffset - lying.byteOffset
  new DataView(lying.buffer).setUint32(cdAt + 24, 5000, true)
  assert.match(reason(lying), /expands to more than its zip directory says/)
  // Millions of paragraphs: one line, under a limit set low here to keep the test small.
  assert.match(reason(bombed, {...DEFAULT_DOCX_LIMITS, maxRatio: 1e9, maxParagraphs: 100_000}), /too many paragraphs \(over 100000\)/)
  // Too many entries.
  const many: Record<string, Uint8Array> = {}
  for (let i = 0; i < 30; i++) many[`f${i}`] = new Uint8Array()
  assert.match(reason(zipSync(many), {...DEFAULT_DOCX_LIMITS, maxEntries: 20}), /too many entries/)
})

test('the Word layer bundles for a browser: no Node built-ins, small', async () => {
  const {build} = await import('esbuild')
  const out = await build({entryPoints: ['src/core/docx/index.ts'], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'silent'})
  assert.equal(out.errors.length, 0)
  const size = out.outputFiles[0].contents.length
  assert.ok(size < 80_000, `${size} bytes`)
})
