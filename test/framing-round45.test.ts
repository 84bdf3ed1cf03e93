import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-fifth round: mechanisms read on new tuning sets (workplace, young people, communities, physical health).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('"whether … or not" offers an alternative and negates nothing', () => {
  assert.ok(ids('The final score decides whether a young person is well or not.').includes('recovery-defined-by-measure'))
  assert.ok(!ids('Recovery is not measured by whether your score is low or not.').includes('recovery-defined-by-measure'))
})

test('a passive\'s agent is found past a counted time phrase, in running text and after a field label', () => {
  assert.ok(ids('Goals are set every three months by the care coordinator.').includes('staff-decide-plan'))
  assert.ok(ids('Goals: set twice a year by your support worker').includes('staff-decide-plan'))
  assert.deepEqual(ids('Plans are reviewed every three months by the person and their worker.'), [])
})

test('a number before a time noun is a duration, not a plan; "your first two weeks" still is', () => {
  assert.deepEqual(ids('The agency writes six weeks beforehand.'), [])
  assert.ok(ids('Staff plan your first two weeks on the ward.').includes('staff-decide-plan'))
})

test('"beforehand" is an adverb, so the agent before it is still staff', () => {
  assert.ok(ids("Whether Mr Haidari's uncle comes to the review is settled by the team beforehand.").includes('staff-decide-plan'))
})

test('a copula\'s gerund complement is read through to its object, but not after a person or in the person\'s own definition', () => {
  assert.ok(ids('Recovery is keeping a healthy weight.').includes('recovery-means-measure'))
  assert.ok(!ids('By giving him money, his mother was enabling his drinking.').includes('recovery-means-measure'))
  assert.ok(!ids('For me, recovery is keeping a healthy weight, and that is my own goal.').includes('recovery-means-measure'))
})

test('an agreement that the person will do it hands them the decision, unless staff are also named doing it', () => {
  assert.ok(!ids('Staff agreed that care leaver reviews should start from what the young person wants.').includes('staff-decide-plan'))
  assert.ok(ids('The plan is written by staff and checked by residents.').includes('staff-write-plan'))
})

test('"the goals for your treatment" are the reader\'s; "the objectives for your team" are not', () => {
  assert.ok(ids('Your therapist chooses the goals for your treatment.').includes('staff-decide-plan'))
  assert.deepEqual(ids('We set the objectives for your team.'), [])
})

test('a case study labelled for trainees or an induction is training material; one for students is not', () => {
  assert.deepEqual(ids('Case study for HR trainees: a manager who chose an employee\'s adjustments without asking her.'), [])
  assert.ok(ids('Case study for students: the team set her goals without asking her.').length > 0)
})

test('a grade keeps its noun phrase: "a band 7 practitioner" is staff', () => {
  assert.ok(ids('Every plan is approved by a band 7 practitioner before it is shared with the person.').includes('staff-decide-plan'))
})

test('a negated "start from" rejects the wording that follows', () => {
  assert.ok(!ids('When things are hard, we don\'t start from what is wrong with you.').includes('what-is-wrong-with'))
  assert.ok(ids('We start from what is wrong with you.').includes('what-is-wrong-with'))
})

test('the review\'s withdrawals hold: employees in HR text, tired staff, first aiders assessing risk', () => {
  assert.deepEqual(ids('The employee will be informed of the outcome of the grievance in writing.'), [])
  assert.deepEqual(ids('Residents were shattered after the sponsored walk.'), [])
  assert.ok(!ids('Mental health first aiders can assess the risk of suicide and harm.').some((id) => id.startsWith('peer-')))
  assert.ok(ids('OH note: employee insists the panic attacks only started after the restructure.').includes('person-insists'))
})
