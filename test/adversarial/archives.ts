/**
 * Adversarial Word documents (issue 12, "Archives"): a zip bomb and a document of
 * millions of paragraphs, each in a batch with ordinary files. Generated with
 * fflate's streaming deflate, so even the stress sizes (hundreds of MB expanded)
 * never sit in memory whole.
 */
import assert from 'node:assert/strict'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {strToU8, Zip, ZipDeflate} from 'fflate'
import {report, type Measured} from './harness.js'
import type {Case, Scale} from './cases.js'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'

/** A .docx whose body is `count` paragraphs made by `paragraph(i)`, deflated as it is made. */
function streamedDocx(count: number, paragraph: (i: number) => string): Buffer {
  const chunks: Uint8Array[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(chunk)
  })
  for (const [name, text] of [['[Content_Types].xml', TYPES], ['_rels/.rels', RELS]]) {
    const file = new ZipDeflate(name, {level: 6})
    zip.add(file)
    file.push(strToU8(text), true)
  }
  const body = new ZipDeflate('word/document.xml', {level: 6})
  zip.add(body)
  body.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`))
  const batch = 10_000
  for (let i = 0; i < count; i += batch) {
    let xml = ''
    for (let k = i; k < Math.min(count, i + batch); k++) xml += paragraph(k)
    body.push(strToU8(xml))
  }
  body.push(strToU8('<w:sectPr/></w:body></w:document>'), true)
  zip.end()
  return Buffer.concat(chunks)
}

const write = (dir: string, name: string, content: string | Buffer) => {
  mkdirSync(join(dir, name, '..'), {recursive: true})
  writeFileSync(join(dir, name), content)
}

/** The ordinary files beside the archive: each must still be reported. */
function batch(dir: string): number {
  write(dir, '.recoverylintrc.json', JSON.stringify({root: true}))
  for (let i = 0; i < 6; i++) write(dir, `docs/d${i}.md`, 'We are role models.\n')
  return 6
}

function refusedInBatch(r: Measured, name: string, problem: RegExp, others: number) {
  assert.equal(r.timedOut, false, 'hung')
  assert.equal(r.code, 2, `exit ${r.code}: ${r.stderr}`)
  const lines = r.stderr.trim().split('\n')
  assert.equal(lines.length, 1, `not one line: ${r.stderr}`)
  assert.ok(lines[0].includes(name), `does not name ${name}: ${lines[0]}`)
  assert.match(lines[0], problem)
  assert.doesNotMatch(lines[0], /at .*\(|Error:/, 'a stack trace')
  const rep = report(r.stdout)
  assert.ok(rep, `not a JSON report: ${r.stdout.slice(0, 200)}`)
  assert.equal(rep.filter((e) => e.file !== name && e.findings.some((f) => f.ruleId === 'role-model')).length, others, 'another file of the batch went unreported')
}

const at = (scale: Scale, test: number, stress: number) => (scale === 'test' ? test : stress)

export const ARCHIVE_CASES: Case[] = [
  {
    name: 'docx: zip bomb',
    group: 'files',
    expect: 'a part expanding 1000× refused from the zip directory in one line, before inflating; the batch still reviewed',
    setup(dir, scale) {
      const others = batch(dir)
      // Empty paragraphs: 6 bytes each, deflated about a thousand times.
      write(dir, 'docs/bomb.docx', streamedDocx(at(scale, 2_000_000, 50_000_000), () => '<w:p/>'))
      return {
        args: ['-f', 'json', '--workers', '2', 'docs'],
        maxRssMb: 600,
        check: (r) => {
          refusedInBatch(r, 'docs/bomb.docx', /zip bomb|expands/, others)
          assert.ok(r.maxRssMb < 400, `inflated it: ${Math.round(r.maxRssMb)} MB`)
        }
      }
    }
  },
  {
    name: 'docx: millions of paragraphs',
    group: 'files',
    expect: 'over the paragraph limit: one line, bounded memory; the batch still reviewed',
    setup(dir, scale) {
      const others = batch(dir)
      // Paragraphs that differ (numbers), so the archive does not look like a bomb.
      const p = (i: number) => `<w:p><w:r><w:t>Step ${i} of ${(i * 7919) % 1_000_003}.</w:t></w:r></w:p>`
      write(dir, 'docs/long.docx', streamedDocx(at(scale, 250_000, 1_200_000), p))
      return {
        args: ['-f', 'json', '--workers', '2', 'docs'],
        maxRssMb: 600,
        check: (r) => refusedInBatch(r, 'docs/long.docx', /too many paragraphs|too large|the limit is/, others)
      }
    }
  }
]
