/**
 * Word documents for the tests, made in the tests (nothing binary in git):
 *   richDocx()       the `docx` npm package, one document with every story a writer uses
 *   edgeCasesDocx()  hand-written WordprocessingML for what `docx` cannot make (complex
 *                    fields, placeholders, entities, runs split mid-word, moves)
 *   libreOffice()    the same content re-saved by LibreOffice (its own XML: mc:AlternateContent
 *                    text boxes, its own ids and relationships)
 * The words flagged are the fixture pack's (test/cli/helpers.ts): "wise mentor", "glumster".
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {zipSync, strToU8} from 'fflate'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Packer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  HeadingLevel
} from 'docx'

const DATE = new Date('2026-01-15T10:00:00Z')

export async function richDocx(): Promise<Buffer> {
  const cell = (children: Array<Paragraph | Table>) => new TableCell({children})
  const inner = new Table({rows: [new TableRow({children: [cell([new Paragraph('Inner cell: a glumster waits.')]), cell([new Paragraph('Plain.')])]})]})
  const outer = new Table({
    rows: [new TableRow({children: [cell([new Paragraph('Outer cell: she is a wise mentor.'), inner]), cell([new Paragraph('Other cell.')])]})]
  })
  const doc = new Document({
    creator: 'tests',
    comments: {
      children: [
        {id: 0, author: 'Alex Writer', initials: 'AW', date: DATE, children: [new Paragraph('Comment: is a wise mentor right here?')]},
        {id: 1, author: 'Sam Editor', initials: 'SE', date: DATE, parentId: 0, children: [new Paragraph('Reply: agreed, change it.')]}
      ]
    },
    footnotes: {1: {children: [new Paragraph('Footnote: she is a wise mentor.')]}},
    endnotes: {1: {children: [new Paragraph('Endnote: a glumster, they wrote.')]}},
    sections: [
      {
        headers: {default: new Header({children: [new Paragraph('Header: a wise mentor note.')]})},
        footers: {default: new Footer({children: [new Paragraph('Footer: he is a glumster.')]})},
        children: [
          new Paragraph({text: 'Peer work policy', heading: HeadingLevel.HEADING_1}),
          new Paragraph({children: [new TextRun('Our workers act as a wise mentor for people.'), new FootnoteReferenceRun(1)]}),
          new Paragraph({children: [new TextRun('Each is a wi'), new TextRun({text: 'se mentor', bold: true}), new TextRun(' to all.')]}),
          new Paragraph({children: [new TextRun('He is a glumster, they said.'), new EndnoteReferenceRun(1)]}),
          new Paragraph({
            children: [new CommentRangeStart(0), new TextRun('Someone asked about this line.'), new CommentRangeEnd(0), new TextRun({children: [new CommentReference(0)]})]
          }),
          new Paragraph({
            children: [
              new TextRun('Added: '),
              new InsertedTextRun({id: 101, author: 'Alex Writer', date: DATE.toISOString(), text: 'a wise mentor'}),
              new TextRun(' and removed '),
              new DeletedTextRun({id: 102, author: 'Alex Writer', date: DATE.toISOString(), text: 'a glumster'}),
              new TextRun('.')
            ]
          }),
          new Paragraph({children: [new TextRun('See '), new ExternalHyperlink({link: 'https://example.org/glumster', children: [new TextRun('a wise mentor')]}), new TextRun(' online.')]}),
          new Paragraph({children: [new TextRun('Field: '), new SimpleField('AUTHOR', 'a wise mentor'), new TextRun('.')]}),
          outer,
          new Textbox({
            alignment: 'left',
            style: {width: '200pt', height: '60pt'},
            children: [new Paragraph('Box: a wise mentor inside.')]
          }),
          new Paragraph('A wise mentor again, and again a wise mentor.')
        ]
      }
    ]
  })
  return Packer.toBuffer(doc)
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** A minimal package around raw body XML (and optional extra parts with their relationships). */
export function rawDocx(body: string, extra: {rels?: string; parts?: Record<string, string>; types?: string} = {}): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        (extra.types ?? '') +
        '</Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`
    )
  }
  if (extra.rels) files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${extra.rels}</Relationships>`)
  for (const [name, xml] of Object.entries(extra.parts ?? {})) files[name] = strToU8(xml)
  return Buffer.from(zipSync(files))
}

const r = (t: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`

/** What the `docx` package cannot write: complex fields, placeholders, entities, moves, a styled split. */
export function edgeCasesDocx(): Buffer {
  const body = [
    // 1. A complex field: its code mentions the words, its result shows them.
    `<w:p>${r('Field ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY "a wise mentor" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('a glumster')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r(' shown.')}</w:p>`,
    // 2. A content control showing its placeholder, and one with real content.
    `<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${r('Type here: a wise mentor.')}</w:sdtContent></w:sdt></w:p>`,
    `<w:p><w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>${r('Filled in: a wise mentor.')}</w:sdtContent></w:sdt></w:p>`,
    // 3. Character references and a styled run split mid-phrase; a tab.
    `<w:p>${r('Tom &amp; Jo: a wi', '<w:rPr><w:i/></w:rPr>')}${r('se mentor&#x2019;s view', '<w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr>')}<w:r><w:tab/></w:r>${r('end.')}</w:p>`,
    // 4. A move: the text moved away is not reviewed, the text moved here is (and never edited).
    `<w:p><w:moveFrom w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z">${r('a glumster gone')}</w:moveFrom><w:moveTo w:id="8" w:author="A" w:date="2026-01-01T00:00:00Z">${r('a wise mentor moved')}</w:moveTo></w:p>`,
    // 5. A text box in mc:AlternateContent: reviewed once (the Choice), its Fallback skipped.
    `<w:p>${r('Before box. ')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>${r('Box text: a glumster.')}</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>${r('Box text: a glumster.')}</w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>${r('After box, a glumster.')}</w:p>`,
    // 6. Words without xml:space="preserve", a bookmark and a proofing mark inside the phrase.
    `<w:p><w:r><w:t>She is a wise</w:t></w:r><w:bookmarkStart w:id="3" w:name="x"/><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> mentor</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="3"/><w:r><w:t>.</w:t></w:r></w:p>`,
    // 7. A footnote reference inside the phrase: never deleted with it.
    `<w:p>${r('A wise')}<w:r><w:footnoteReference w:id="1"/></w:r>${r(' mentor here.')}</w:p>`
  ].join('')
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>${r('Note.')}</w:p></w:footnote></w:footnotes>`
  return rawDocx(body, {
    rels: '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
    parts: {'word/footnotes.xml': footnotes},
    types: '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
  })
}

let setup: {ready: boolean; margin?: string} | undefined

/** Run the project's set-up script once per process: LibreOffice and poppler-utils, and LibreOffice 7.5+ if it can. */
function setUp(): {ready: boolean; margin?: string} {
  if (!setup) {
    const r = spawnSync('bash', [join(import.meta.dirname, '../../scripts/setup-libreoffice.sh')], {encoding: 'utf8'})
    // Exit 3: ready, but comments cannot be printed in the margin; stderr says why.
    setup = {ready: r.status === 0 || r.status === 3, margin: r.status === 3 ? r.stderr.trim().replace(/^setup-libreoffice: /, '') : undefined}
    if (r.status !== 0) process.stderr.write(r.stderr)
  }
  return setup
}

/** LibreOffice is installed (through the project's script); false when it cannot be. */
export function haveLibreOffice(): boolean {
  return setUp().ready
}

/** Why LibreOffice cannot print comments in the margin here (undefined: it can). */
export function noMarginComments(): string | undefined {
  const s = setUp()
  return s.ready ? s.margin : 'LibreOffice could not be installed'
}

/** Run soffice headless with its own profile (two runs at once must not share one). */
export function soffice(args: string[], cwd: string): {status: number | null; stdout: string; stderr: string} {
  const profile = mkdtempSync(join(tmpdir(), 'rl-lo-profile-'))
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {cwd, encoding: 'utf8', timeout: 180_000})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** `bytes` re-saved as .docx by LibreOffice. */
export function libreOffice(bytes: Buffer, name = 'in.docx'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'rl-lo-'))
  writeFileSync(join(dir, name), bytes)
  const out = join(dir, 'out')
  const r = soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, name], dir)
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`)
  return readFileSync(join(out, name))
}

/**
 * `bytes` saved by LibreOffice as a password-protected .docx (an OLE file holding
 * EncryptionInfo and EncryptedPackage, as Word writes one), and the same file opened
 * again with the password and saved plain (proof that it is a real encrypted document).
 * `--convert-to` cannot set a password (it passes only FilterOptions), so a Basic macro
 * in a fresh profile stores it with the "Password" property.
 */
export function encryptedDocx(bytes: Buffer, password: string): {encrypted: Buffer; reopened: Buffer} {
  const dir = mkdtempSync(join(tmpdir(), 'rl-lo-enc-'))
  const profile = join(dir, 'profile')
  const run = (args: string[]) => spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {cwd: dir, encoding: 'utf8', timeout: 180_000})
  const init = run(['--terminate_after_init'])
  const module = join(profile, 'user/basic/Standard/Module1.xba')
  if (init.status !== 0 || !existsSync(module)) throw new Error(`soffice did not make a profile: ${init.stderr}`)
  const q = (s: string) => `&quot;${s}&quot;`
  const prop = (array: string, i: number, name: string, value: string) => `${array}(${i}).Name = ${q(name)} : ${array}(${i}).Value = ${value}`
  writeFileSync(
    module,
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Encrypt(src As String, dst As String, check As String, password As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  ${prop('load', 0, 'Hidden', 'True')}
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), ${q('_blank')}, 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  ${prop('store', 0, 'FilterName', q('MS Word 2007 XML'))}
  ${prop('store', 1, 'Password', 'password')}
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
  Dim reopen(1) As New com.sun.star.beans.PropertyValue
  ${prop('reopen', 0, 'Hidden', 'True')}
  ${prop('reopen', 1, 'Password', 'password')}
  again = StarDesktop.loadComponentFromURL(ConvertToURL(dst), ${q('_blank')}, 0, reopen())
  Dim plain(0) As New com.sun.star.beans.PropertyValue
  ${prop('plain', 0, 'FilterName', q('MS Word 2007 XML'))}
  again.storeToURL(ConvertToURL(check), plain())
  again.close(True)
End Sub
</script:module>`
  )
  writeFileSync(join(dir, 'in.docx'), bytes)
  const [src, dst, check] = ['in.docx', 'encrypted.docx', 'reopened.docx'].map((n) => join(dir, n))
  const r = run([`macro:///Standard.Module1.Encrypt("${src}","${dst}","${check}","${password}")`])
  if (r.status !== 0 || !existsSync(dst) || !existsSync(check)) throw new Error(`soffice did not save an encrypted copy: ${r.stderr || r.stdout}`)
  return {encrypted: readFileSync(dst), reopened: readFileSync(check)}
}
