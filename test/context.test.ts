import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {documentName, nameHolds} from '../src/core/context/document-name.js'
import {isLabelCell} from '../src/core/context/title.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Context that reads the document's shape: its name, its tables' labels, its glossary entries.
const reviewer = new Reviewer(builtinPacks(), {})
const rules = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)

test('a document named for a contested advisory term is not told about it at each use; other documents are', () => {
  assert.deepEqual(rules('# Client Handbook\n\nEach client has a key worker.'), [])
  assert.deepEqual(rules('---\ntitle: Client charter\n---\n\nEach client has a key worker.'), [])
  assert.deepEqual(rules('# Welcome\n\nEach client has a key worker.'), ['3:client'])
  // Only advisory terms: a warning stays a finding under any name.
  assert.ok(rules('# Patient Handbook\n\nEach patient must comply with treatment.').length > 0)
})

test('a document name: front-matter title and first heading, the last word of a phrase may take an ending', () => {
  assert.deepEqual(documentName('---\ntitle: Peer Mentoring\n---\n# Through the Gate\n\ntext'), ['peer', 'mentoring', 'through', 'the', 'gate'])
  assert.ok(nameHolds(['peer', 'mentoring'], ['mentor']))
  assert.ok(!nameHolds(['peer', 'support'], ['mentor']))
  assert.ok(!nameHolds(['the', 'mentors'], ['peer mentor']))
})

test('a short label cell of a table (header row or a row\'s first cell) names a column or row; data cells are reviewed', () => {
  const table = '| Measure | Rate |\n|---|---|\n| Recovery rate | 52% |\n| Rate | Recovery rate |\n| The patient is seen | weekly |'
  const at = (needle: string, from = 0) => {
    const s = table.indexOf(needle, from)
    return isLabelCell(table, s, s + needle.length)
  }
  assert.equal(at('Recovery rate'), true)
  assert.equal(at('Recovery rate', table.indexOf('| Rate | Recovery')), false)
  assert.equal(at('patient'), false, 'a cell that reads as a sentence is data')
  assert.equal(isLabelCell('x | a patient', 4, 13), false, 'a pipe in a paragraph is not a table')
  assert.deepEqual(rules(table), ['4:recovery-targets', '5:patient'])
})

test('a glossary entry that defines a named measure is not the document\'s framing; the same words in prose are', () => {
  assert.deepEqual(rules('**Reliable recovery** means your scores moved below the clinical cut-off.'), [])
  assert.deepEqual(rules('Reliable recovery means your scores moved below the clinical cut-off.'), ['1:recovery-means-measure'])
})
