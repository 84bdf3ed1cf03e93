import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-fourth round: mechanisms read on new tuning sets (digital services, research writing, ten more documents).
const reviewer = new Reviewer(builtinPacks(), {})

test('a finding in a table row starts in its anchor\'s cell, not across the cell wall', () => {
  const row = '| Measure | Target | What it tells us |\n|---|---|---|\n| Change in K10 score from first to last session | Average fall of 5 points | Whether the person has recovered |\n'
  const found = reviewer.review(row, 'markdown').find((f) => f.ruleId === 'recovery-defined-by-measure')
  assert.ok(found, 'the row defines recovery by the measure')
  assert.equal(found.text, 'Whether the person has recovered')
  // A label cell keeps the cell that defines it.
  const label = reviewer.review('| Recovered | PHQ-9 below 10 at discharge |\n', 'markdown').find((f) => f.ruleId === 'recovery-defined-by-measure')
  assert.ok(label?.text.startsWith('Recovered |'), label?.text)
})
