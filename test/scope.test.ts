// One document exercising every kind of Markdown the engine must and must not
// review, with the built-in rules: the findings are exactly these.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

test('review scope: prose only, mentions skipped, every directive form honoured', () => {
  const text = readFileSync('test/fixtures/review-scope.md', 'utf8')
  const findings = new Reviewer(builtinPacks()).review(text)
  for (const f of findings) assert.equal(text.slice(f.offset, f.endOffset), f.text)
  assert.deepEqual(
    findings.map((f) => `${f.line}:${f.text}:${f.category}`),
    [
      '10:role models:role-model', // a use, in prose
      '10:patients:expert-patient',
      // 8 disable-line; 12-14 code block, 16 inline code and a link URL, 18 <img alt>: not prose
      '16:patients:expert-patient', // link text is prose
      // 22-26 the table's "Avoid" column and 28-29 the attributed blockquote are mentions
      '31:a caseload:expert-patient', // list item
      '32:addict:labelling', // task item (a use: "the addict label" would name the label, a mention)
      // 33: quoted "patient" is a mention; 36: disable-next-line
      '39:a role model:role-model', // expert-patient disabled for this range only
      '44:schizophrenics:labelling' // footnote
    ]
  )
})
