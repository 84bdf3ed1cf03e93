import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-eighth round: mechanisms read on new tuning sets (veterans and emergency services, benefits and insurance
// assessments, arts, media and fundraising, neurodivergence and learning disability).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a participle before a comma ends its clause: the next noun phrase is a new subject', () => {
  assert.ok(ids('When she is struggling, the nurse agrees a plan with her family.').includes('staff-decide-plan'))
  assert.ok(ids('When he is worried, the nurse sets his goals.').includes('staff-decide-plan'))
  assert.deepEqual(ids('When she is worried, she and her nurse set her goals together.'), [])
})
