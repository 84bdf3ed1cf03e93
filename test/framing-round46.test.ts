import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-sixth round: mechanisms read on new tuning sets (later life, housing and work, crisis care, substance use).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a request\'s to-infinitive modifies it, so the passive\'s subject is the request', () => {
  assert.ok(ids('Her request to bring her partner was turned down.').includes('request-turned-down'))
  assert.ok(ids("Mr Thornbury's request to bring his partner to family day was turned down at the staff meeting.").includes('request-turned-down'))
  assert.deepEqual(ids('The tribunal turned down his request for an adjournment.'), [])
})

test('staff agreeing that something does not define recovery reject the framing', () => {
  assert.deepEqual(ids('The team agreed that having no further contact with the service does not mean a person has recovered.'), [])
  assert.ok(ids('The team agreed that she would not be discharged until her scores fell.').includes('staff-decide-plan'))
})

test('the second opinion sets aside the running of a team when no person is named', () => {
  assert.deepEqual(ids('Annual leave requests from the peer team are signed off by the lived experience lead.'), [])
  assert.deepEqual(ids('Approval of petty cash claims over £50 rests with the house manager.'), [])
})

test('a yes-or-no question about a named person being better makes the answer a definition of recovery', () => {
  assert.ok(ids('Is Nikau better? His scores have been below ten since March.', 'markdown').includes('recovery-defined-by-measure'))
  assert.deepEqual(ids('Is the new rota better? Staff say it is.', 'markdown'), [])
  assert.deepEqual(ids('Is Nikau better? His scores have improved, but only he can tell you how he feels.', 'markdown'), [])
})

test('a person who must win staff over before choosing', () => {
  assert.ok(ids("If Travis wants to switch to buprenorphine, he'll first have to convince the doctor he's serious.").includes('must-convince-staff'))
  assert.deepEqual(ids('We have to convince commissioners that peer support is worth funding.'), [])
})

test('an imperative to a worker after an opening condition or a lead word', () => {
  assert.ok(ids('Then decide which groups each resident attends.').includes('staff-decide-plan'))
  assert.ok(ids('When residents arrive, choose their groups for them.').includes('plans-written-for'))
  assert.deepEqual(ids('If someone has chest pain during a session, alert a staff member immediately.'), [])
  assert.deepEqual(ids('Please allow people time to settle in before the group starts.'), [])
  assert.deepEqual(ids('If you would like to, pick the groups that suit you.'), [])
})

test('a case study that sets out a scene is an exercise, not the writer\'s own wording', () => {
  assert.deepEqual(ids("Case study for week 2: a crisis team that wrote a man's safety plan without him."), [])
  assert.ok(ids('Case study: Mr B is non-compliant with his depot.').includes('non-compliant'))
})

test('a bare answer naming whose worker decides: the possessive is not the decider', () => {
  assert.ok(ids('Who decides how Lachlan spends his budget? Her key worker.', 'markdown').includes('staff-decide-plan'))
  assert.deepEqual(ids('Who decides when I go home? You do, with your family.', 'markdown'), [])
})

test('an answer to whether a person is ready is the condition of their readiness', () => {
  assert.ok(ids("Is Ms Tremblay ready to go back to work? Her psychiatrist has lowered her dose and she's sleeping eight hours a night, so yes.", 'markdown').includes('readiness-by-measure'))
  assert.deepEqual(ids('Is the room ready for the group? Yes, the chairs are out.', 'markdown'), [])
  assert.deepEqual(ids('Is Sam ready to move on? That is for Sam to decide, with his worker.', 'markdown'), [])
})

test('review mends: a case study describing a person keeps its findings; denied treatment is still decided', () => {
  assert.ok(ids('Case study: a young man who was non-compliant with his medication and kept missing appointments.').includes('non-compliant'))
  assert.ok(ids('The team agreed that he should not be treated at home because of the risk.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Is CBT better? In trials, about half of people had fewer symptoms after 16 sessions.', 'markdown'), [])
  assert.ok(ids('He claims he was hit by a staff member while waiting for his benefit payment.').includes('client-claims'))
  assert.deepEqual(ids('You will need to convince your manager that the course is relevant to your role.'), [])
})
