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

test('a table row or a field whose label is a recovery word is defined by the measure in the next cell', () => {
  const row = '| 5.2 | Participants who reach recovery | Share of participants scoring 70 or more on the clinician-rated wellness scale at discharge |'
  assert.ok(ids(row, 'markdown').includes('recovery-defined-by-measure'))
  assert.ok(ids('Recovered: HoNOS score of 8 at discharge.').includes('recovery-defined-by-measure'))
  // A cell that defines recovery by what the person says is no measure.
  assert.deepEqual(ids('| Recovery | What the person says has changed |', 'markdown'), [])
})

test('training material: a critique label, avoiding or no longer teaching a framing', () => {
  assert.deepEqual(ids('A lecturer\u2019s critique: textbooks that equate recovery with taking tablets every day miss what recovery means to people.'), [])
  assert.deepEqual(ids('This module no longer teaches that staff set the goals in a care plan; the person does.'), [])
  assert.deepEqual(ids('Avoid teaching recovery as remission: many people live good lives with experiences that continue.'), [])
  // Teaching the framing is using it.
  assert.ok(ids('The course teaches that staff set the goals.').includes('staff-decide-plan'))
  assert.ok(ids('Case study: the team decided Sam\u2019s goals.').includes('staff-decide-plan'))
  // "Never been taught how to…" is a claim about people, not a teaching rejected.
  assert.ok(ids('Plenty of our tenants have simply never been taught how to look after themselves.').includes('never-learned'))
})

test('a record field reads as the phrase it stands for: "Insight: poor" is "poor insight"', () => {
  assert.ok(ids('Insight: poor.').includes('lacks-insight'))
  assert.ok(ids('Engagement: poor.').includes('non-engaging'))
  assert.ok(ids('Strengths: none identified.').includes('no-strengths-found'))
  const found = reviewer.review('Insight: poor.').find((f) => f.ruleId === 'lacks-insight')
  assert.equal(found?.text, 'Insight: poor')
  // The fix keeps the field's label and replaces its value, in the value's case.
  assert.ok(found!.suggestions.length > 0 && found!.suggestions.every((s) => /^Insight: \p{Ll}/u.test(s)), found!.suggestions.join(' | '))
  // A field about a thing, or a good value, is no finding.
  assert.deepEqual(ids('Mobile signal: poor.'), [])
  assert.deepEqual(ids('Insight: good, she knows what helps.'), [])
})
