// The reviewed copy of a Word document (issue 14) scales with the document: writing it for 8 times
// the paragraphs, each with safe fixes written as tracked changes, takes about 8 times as long (a
// quadratic step once made 16,000 changes take 78 s). The review itself is timed elsewhere: here
// only openDocx + writeReviewedCopy, on findings computed once.
import {strToU8, zipSync} from 'fflate'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const SENTENCE = 'The group supports the mentally ill, and no one here committed suicide, a plain line of text.'

function wordDocument(paragraphs) {
  const body = Array.from({length: paragraphs}, (_, i) => `<w:p><w:r><w:t xml:space="preserve">${i}. ${SENTENCE}</w:t></w:r></w:p>`).join('')
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`)
  })
}

/** CPU ms (median of `runs`) to open and write the reviewed copy with tracked changes, at `small` and 8 × `small` paragraphs. */
export async function wordCopyScaling({reviewer, measure, cpuMedian, runs, small = 500}) {
  const {openDocx, reviewDocx, writeReviewedCopy} = await import('../src/core/index.ts')
  const out = {}
  for (const n of [small, small * 8]) {
    const bytes = wordDocument(n)
    const review = reviewDocx(reviewer, openDocx(bytes))
    let changes = 0
    const times = Array.from({length: runs}, () =>
      measure(() => {
        changes = writeReviewedCopy(openDocx(bytes), review, {trackChanges: true, date: new Date(0)}).changes
      })
    )
    if (changes < n) throw new Error(`the Word bench expected a tracked change per paragraph, got ${changes} for ${n}`)
    out[n] = {ms: cpuMedian(times), changes}
  }
  return {small, big: small * 8, smallMs: out[small].ms, bigMs: out[small * 8].ms, changes: out[small * 8].changes}
}
