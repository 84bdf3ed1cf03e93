import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-second round: a bare answer to "Who decides…?" finishes the question's passive (frames/answered-by.ts answeredWho).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('"Who decides…? The support coordinator, at the monthly review." names staff as deciding', () => {
  assert.ok(ids('Who decides how Lachlan spends his personal budget? The support coordinator, at the monthly review.').includes('staff-decide-plan'))
  assert.ok(ids('## Who sets my goals?\n\nThe care coordinator, at your first review.', 'markdown').includes('staff-decide-plan'))
  // The finding ends with the answer's own clause, not the sentence.
  const found = reviewer.review('Who approves the goals? Your care coordinator, and then the team is told.').find((f) => f.ruleId === 'staff-decide-plan')
  assert.equal(found?.text, 'Your care coordinator')
})

test('an answer that gives the decision to the person, or names no one, or a sentence that is no bare answer, is not', () => {
  assert.deepEqual(ids('Who decides what goes in my plan? You, with help from your worker if you want it.'), [])
  assert.deepEqual(ids('Who sets the rent? The housing association.'), [])
  assert.deepEqual(ids('## Who sets my goals?\n\nYou do. Your key worker, if you want one, helps you write them down.', 'markdown'), [])
})
