import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Fifty-third round: mechanisms read on new tuning sets (psychiatric medication; Indigenous and First Nations wellbeing;
// talking therapies and anxiety, OCD and hoarding services; charity fundraising and funder-facing writing) and twenty
// documents of kinds not used before (gyms, energy retailers, coroners, mediators, scouting, hotels, funeral directors…).
// Each test pairs a sentence a mechanism now reads with one it must leave alone.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text, 'markdown').map((f) => f.ruleId)
// The rules' findings only: the second opinion (framing-*) moves with each retraining, the mechanisms tested here do not.
const rules = (text: string) => ids(text).filter((id) => !id.startsWith('framing-'))

test("a workplace, a club or a volunteer scheme reporting someone's mood or medication to their clinicians", () => {
  assert.ok(ids("Report any sign of deterioration to the participant's care team.").includes('lay-reports-health-to-clinician'))
  assert.ok(ids("Use each check-in to look for early warning signs and let the volunteer's CPN know if you spot any.").includes('lay-tells-clinician-about-person'))
  // The reader's own health, an injury, care staff escalating, and a bare "changes" are not monitoring (review-round53).
  assert.deepEqual(rules('Report any change in your mood to your GP.'), [])
  assert.deepEqual(rules('Report any changes to the timetable to the consultant by Friday.'), [])
  assert.deepEqual(rules('Report any signs of a head injury to the school nurse straight away.'), [])
  assert.deepEqual(rules("Care workers report any changes in a resident's skin to the district nurse."), [])
  assert.deepEqual(rules('Update the psychologist on the missing data; they need it for the report.'), [])
})

test('a clinical count taken as proof of recovery, not a body or a business recovering', () => {
  assert.ok(ids('Bed days for our members fell by a third, which shows they are recovering.').includes('measure-shows-recovery'))
  assert.ok(!ids('Blood tests showed that her liver had recovered.').includes('measure-shows-recovery'))
  assert.ok(!ids('The disaster recovery test proved that the servers recovered within an hour.').includes('measure-shows-recovery'))
})

test('a table cell that opens on a verb says what the cell before it does', () => {
  assert.ok(ids('| Manager on duty | Decides whether the member is well enough to keep training today |').includes('staff-judge-readiness'))
  assert.deepEqual(rules('| Goals | Residents choose their own goals |'), [])
})

test("the person's agreement waived: \"the customer does not need to agree to it\"", () => {
  assert.ok(ids('The case manager sets the instalment amount; the customer does not need to agree to it.').includes('decider-overrides-the-person'))
  assert.deepEqual(rules('Staff set the rota; volunteers do not need to agree to every change.'), [])
})

test('the everyday business of a life denied, by any verb of running it', () => {
  assert.ok(ids('Many of these customers cannot run a household budget or keep track of basic paperwork.').includes('cannot-run-own-affairs'))
  assert.deepEqual(rules('We cannot sort out your bills for you, but we can help you make a plan.'), [])
})

test('rejections: a practice the writers gave up or refuse, a view rejected in a main clause, a comparison is no condition', () => {
  assert.deepEqual(rules('We no longer report recovery rates to funders, because a score cannot tell us whether life is going the way people want.'), [])
  assert.deepEqual(rules('We refuse to use photos that make people look helpless for the sake of an appeal.'), [])
  assert.deepEqual(rules('Nothing in the course should suggest that the tutor knows better than the learner.'), [])
  // People turned away are still labelled (review-round53).
  assert.ok(ids('We refuse to treat non-compliant patients.').includes('non-compliant'))
  assert.ok(ids('We no longer take referrals for hopeless cases.').includes('hopeless'))
  // The relative clause says who they are; the view rejected is what follows.
  assert.ok(ids("Don't assume everyone who suffers from depression needs the same adjustment.").includes('suffers-from'))
  assert.deepEqual(rules('Do not assume everyone who is labelled treatment-resistant has given up.'), [])
})

test('things, not people: an object complement, a feeling in a list, a document\'s steps, a question heading', () => {
  assert.deepEqual(rules('Heavy rain made the airstrip hard to reach for most of February.'), [])
  assert.ok(ids('Years of cuts have made these families hard to reach.').includes('hard-to-reach'))
  assert.deepEqual(rules('- Talking about feeling trapped, hopeless or like a burden to others'), [])
  assert.ok(ids('When staff feel rushed, hopeless clients get less of their time.').includes('hopeless'))
  assert.deepEqual(rules('Volunteers follow the cash-handling steps set out in the collection tin guidance.'), [])
  assert.deepEqual(rules('# Leaflet\n\n## Withdrawal or relapse?\n\nSome text here.\n'), [])
})

test('the writer as the one others labelled; staff who wonder voice a suspicion, members who wonder do not', () => {
  assert.deepEqual(rules('I used to be the one the nurses called a frequent flyer at the clinic.'), [])
  assert.ok(ids('He is the one the nurses call a frequent flyer.').includes('frequent-flyer'))
  assert.ok(ids('The team wonders whether the housing application is about secondary gain.').includes('secondary-gain'))
  assert.deepEqual(rules('Many members wonder whether they will ever be seen as anything but non-compliant.'), [])
})

test('a hoarder is a label for a person, not for panic buyers or a television series', () => {
  assert.ok(ids('Hoarders are often referred to us only when a landlord has run out of patience.').includes('hoarder'))
  assert.deepEqual(rules('Hoarders emptied the supermarket shelves of toilet roll during the first lockdown.'), [])
})

test('a lead-in that lists reasons keeps its items; a list under "do not:" rejects them', () => {
  const reasons = 'Reasons it may not go ahead include:\n\n- family violence or safety concerns;\n- a party lacks insight into their condition;\n'
  assert.ok(ids(reasons).includes('lacks-insight'))
  assert.deepEqual(rules('Peer workers do not:\n\n- manage clients\n- lack insight\n'), [])
})

test('recovery as a gate; a leader watching tablets; a whether-clause after a phrase', () => {
  assert.ok(ids('A Scout who is in treatment should not hold a position of responsibility until their recovery is complete.').includes('gated-by-stability'))
  assert.deepEqual(rules('The committee will not meet until the building work is complete.'), [])
  assert.ok(ids("Patrol leaders keep an eye on the Scout's medication and report any changes to the Scoutmaster.").includes('lay-watches-medication'))
  assert.deepEqual(rules('Keep an eye on your mood and medication over the holidays.'), [])
  assert.ok(ids('Follow-up: check at each visit whether the member is still taking their medication.').includes('adherence-checked'))
  assert.deepEqual(rules('If someone has told you they are at risk, record what you did and whether the person knew you were sharing it.'), [])
})

test('a person still at a stage, not a project at its planning stage or someone at the point of wanting to talk', () => {
  assert.ok(ids('She is still at the pre-contemplation stage, so recovery work cannot begin.').includes('still-at-a-stage'))
  assert.deepEqual(rules('The project is still at the planning stage.'), [])
  assert.deepEqual(rules('They are still at the point where they want to talk about it.'), [])
  assert.deepEqual(rules('Staff are allowed to take a day in lieu if the training falls on a Saturday.'), [])
})
