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

test('a reduced relative still reads past quotation marks, not past a comma', () => {
  assert.ok(ids('Dashboard note: the "goal achieved" flag is set by the team leader, not by the person or their peer worker.').includes('staff-decide-plan'))
})

test('the person\'s own plans settled without them', () => {
  assert.ok(ids('His goals were set at the review without him.').includes('decided-without-person'))
  assert.deepEqual(ids('Your goals are never set without you.'), [])
  assert.deepEqual(ids('She chose her flat without her brother.'), [])
})

test('only the sentence ending in the colon leads a list in', () => {
  const text = 'We ask only about limitations, not for a diagnosis. The form asks:\n\n- **Treatment status:** Is the employee compliant with treatment? Yes / No\n'
  assert.ok(ids(text, 'markdown').includes('medication-compliance'))
  assert.deepEqual(ids('Our peer workers never:\n\n- monitor medication adherence\n', 'markdown'), [])
})

test('a decision on a worker\'s own request is workplace business', () => {
  assert.deepEqual(ids('If a staff member wants to swap a sleep-in shift, the coordinator has the final say.'), [])
  assert.ok(ids('If your key worker would like to change your goals, the consultant has the final say.').includes('final-say'))
})

test('an exercise that asks for a redraft sets its wording out for critique', () => {
  assert.deepEqual(ids('Exercise: a PBS plan lists goals the practitioner chose; redraft it with the person\'s own goals.'), [])
  assert.ok(ids('The consultant chose her goals and we redraft it every month.').includes('staff-decide-plan'))
})

test('a peer introduced after "Meet" is named; "too" ends the noun phrase', () => {
  const text = 'Meet Dan, our peer worker. Dan used to get very angry. Now he is calm. You can be like Dan too.'
  assert.ok(ids(text, 'markdown').includes('copy-the-peer'))
  assert.deepEqual(ids('Meet Dan, our peer worker. Dan runs the Tuesday walk.', 'markdown'), [])
})

test('a peer, or their own way back, as what others should aim for', () => {
  assert.ok(ids('Our family peer workers are what every parent in the group should be aiming for.').includes('peer-as-aim'))
  assert.ok(ids('Her own way back is the template for the group.').includes('recovery-as-template'))
})

test('a peer making sure the person takes their medication', () => {
  assert.ok(ids('The peer worker sits with him at tea time to make sure he takes his meds.').includes('peer-pushes-treatment'))
  assert.ok(!ids('Peer workers help people who are taking medication to find out about side effects.').includes('peer-pushes-treatment'))
  assert.ok(ids('Autistic peer workers fill in an ABC chart after every session.').includes('peer-does-clinical-task'))
})

test('a training clip showing the wording is a mention', () => {
  assert.deepEqual(ids('The CPA module includes a short clip in which a care coordinator writes a plan without the service user.'), [])
})

test('a worker\'s record in the first person is the worker\'s', () => {
  assert.ok(ids('Work coach record: I\'ve decided Jamie will do the CV workshop and the confidence course this quarter.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Reflective log: I decided to take a week off.'), [])
})

test('a request turned down is not the service doing it', () => {
  assert.deepEqual(ids('The service turned down the insurer\'s request for peer workers to log claimants\' medication.'), [])
})

test('a post named with "peer" is held by people', () => {
  assert.ok(ids('Our peer benefits advocates act as role models for claimants facing reassessment.').includes('role-model'))
  assert.deepEqual(ids('The tasks themselves are a burden for a small team.'), [])
})

test('a rank before a name is the serving person; a name before "picked" is a person', () => {
  assert.deepEqual(ids('Corporal Bates will decide when he\'s ready to go to a fireworks display again, and his peer will go with him if he asks.'), [])
  assert.ok(ids('Sapper Kingi\'s goals are set by the medical officer.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Declan picked the subject of his monologue himself: the allotment he took on after leaving hospital.'), [])
})

test('a reflective question in course material is not an FAQ the next paragraph answers', () => {
  const text = 'Reflective question: if a medical adviser writes that a claimant "has recovered", whose idea of recovery is that?\n\nPlease quote your insurance case number on every letter you send us.\n'
  assert.deepEqual(ids(text, 'markdown'), [])
  assert.ok(ids('How will I know I am recovered? Your worker checks your questionnaire scores each month.').includes('recovery-defined-by-measure'))
})

test('a table row whose next cell says who set it, as a colon field does', () => {
  assert.ok(ids('| Decision | Who decides |\n|---|---|\n| Care plan goals | set by the consultant at the review |\n', 'markdown').includes('staff-decide-plan'))
  assert.deepEqual(ids('| Item | Notes |\n|---|---|\n| Care plan goals | set by you, with support from your worker |\n', 'markdown'), [])
})

test('an intensive reflexive after the subject leaves the noun its head', () => {
  assert.ok(ids('The plan itself is written by your court worker and the hospital team.').includes('staff-write-plan'))
})

test('review mends: the round\'s changes keep to their own shapes', () => {
  assert.ok(ids('If the nurse needs a bed, the consultant decides which patient is discharged.').includes('staff-judge-readiness'))
  assert.deepEqual(ids('Staff must never say these things. For instance:\n\n- You are attention-seeking.\n- He is a frequent flyer.\n', 'markdown'), [])
  assert.deepEqual(ids('Our peer workers are there to help you work out what you want to aim for.'), [])
  // ("Her move was arranged" may still read as arranged for her: the second opinion's call, not the without-frame's.)
  assert.ok(!ids('Her move was arranged without her losing her tenancy.').includes('decided-without-person'))
  assert.ok(ids('He refused the offer to see the psychiatrist because he lacks insight.').includes('lacks-insight'))
  assert.ok(ids('On night shifts, staff decide when residents go to bed.').includes('staff-decide-plan'))
  assert.ok(ids('Staff manage emotions in residents who become aggressive.').includes('manage-clients'))
  assert.ok(ids('Redraft it if the service user remains non-compliant.').includes('non-compliant'))
  assert.deepEqual(ids('Thought record: I decide what goes in my care plan.'), [])
  assert.deepEqual(ids('Our self-referral route is a model for other services.'), [])
})

test('writing to the person with the outcome is telling them a decision', () => {
  assert.ok(ids('The panel considers the request and writes to the resident with the outcome.').includes('person-informed'))
  assert.deepEqual(ids('Following your Work Capability Assessment, a DWP decision maker will write to you with the outcome.'), [])
})

test('"which for us means" keeps recovery the subject; a family carrying a loved one for years', () => {
  assert.ok(ids('Seventy-four of them left us recovered, which for us means they no longer needed medication.').includes('recovery-means-measure'))
  assert.ok(ids('Families have usually spent years carrying a loved one who could not carry themselves.').includes('carried-for-years'))
  assert.deepEqual(ids('Volunteers have to carry them up to the hall when the lift is broken.'), [])
})
