import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-second round: a word class's guard read across the whole compound before the word (frames/lexicon.ts), and a
// passive subject that is a preposition's object inside a larger noun phrase (frames/noun-use.ts).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)

test('a guard word anywhere in the compound before a plan word: "the fire safety plan" is a building\u2019s', () => {
  assert.ok(!ids('The ward manager signs off the fire safety plan each year.').includes('staff-decide-plan'))
  assert.ok(!ids('The manager signs off the staff wellbeing plan.').includes('staff-decide-plan'))
  // The guard does not reach past a determiner or a possessive: the person's own safety plan is still theirs to agree.
  assert.ok(ids('The consultant signs off her safety plan.').includes('staff-decide-plan'))
  assert.ok(ids('Before the fire drill the consultant signs off each patient\u2019s safety plan.').includes('staff-decide-plan'))
  // No compound across a verb or a hyphen: staff who write plans, staff-written plans.
  assert.ok(ids('Ward staff write care plans for patients without asking them.').includes('staff-write-plan'))
  assert.ok(ids('Staff-written care plans are signed off by the consultant.').includes('staff-decide-plan'))
  assert.ok(ids('Clinical staff define recovery as the absence of symptoms.').length > 0)
})

test('in the passive, people after "claims for", "complaints from" are not what is handled', () => {
  assert.ok(!ids('Centrelink claims for residents are handled by the support worker, who files them each fortnight.').includes('manage-people'))
  assert.ok(!ids('Complaints from tenants are dealt with by the housing manager within ten days.').includes('manage-people'))
  // The people themselves, or after a place name, still are.
  assert.ok(ids('Difficult residents are handled by the night staff.').includes('manage-people'))
  assert.ok(ids('On Ward 4 residents are handled firmly by the night staff.').includes('manage-people'))
})

test('a time phrase after a plan word says when, not whose: "Goals for this year are set by the care coordinator"', () => {
  assert.ok(ids('Goals for this year are set by the care coordinator.').includes('staff-decide-plan'))
  assert.ok(ids('Targets for the next six months: agreed by the key worker').includes('staff-decide-plan'))
  // A for-phrase that names a thing still ties the word to it.
  assert.ok(!ids('Visiting hours for the ward are set by the nurse in charge.').includes('staff-decide-plan'))
  assert.ok(!ids('Goals for 2026 are set by each member at the annual meeting.').includes('staff-decide-plan'))
  // The first for-phrase says whose: a room's plans for the year are the ward's.
  assert.ok(!ids('Plans for the day room for the coming year are agreed by the ward manager.').includes('staff-decide-plan'))
})
