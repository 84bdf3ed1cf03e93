import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-second round: the writer acting on someone else (context/self.ts actsOnAnother, frames/linked.ts anothersOwn),
// requests and practices turned down (context/rejection.ts, context/negation.ts), and a decision about a thing
// (frames/reach.ts thingToGet).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)

test('"I know best what Roxanne needs" is the writer over someone else, not a self-description', () => {
  assert.ok(ids('I know best what Roxanne needs right now, even if she can\u2019t see it.').includes('we-know-best'))
  assert.ok(!ids('I know best what I need.').includes('we-know-best'))
  // Someone else in a clause of their own leaves the writer's own account alone.
  assert.ok(!ids('I refused the first flat they offered because it was miles from my family.').includes('refused'))
})

test('a carer with their own relative, or the writer\u2019s own refusals and illness, are self-descriptions', () => {
  assert.ok(!ids('I manage my dad\u2019s appointments, his bills and the shopping, and I\u2019m fourteen.').includes('peer-monitors'))
  assert.ok(!ids('When the nurse came round I refused her medication.').includes('refused'))
  assert.ok(!ids('Panic attacks? I have suffered from them since I was twelve.').includes('suffers-from'))
  assert.ok(!ids('I know best how she likes her tea.').includes('we-know-best'))
})

test('a request or a practice turned down is not the practice', () => {
  assert.ok(!ids('I was asked to pass on what a member said about using, and I said no, that isn\u2019t what peer support is for.').includes('peer-passes-on-what-people-say'))
  assert.ok(ids('I was asked to pass on what a member said about using, and I did.').includes('peer-passes-on-what-people-say'))
  assert.deepEqual(ids('The service manager pushed back on the idea that the peer worker should be the team\u2019s eyes and ears.'), [])
  assert.ok(!ids('The committee turned down a proposal for peer workers to fill in risk ratings for the crisis team.').includes('peer-does-clinical-task'))
  assert.ok(ids('The committee agreed a proposal for peer workers to fill in risk ratings for the crisis team.').some((id) => id === 'peer-does-clinical-task' || id === 'peer-monitors'))
  assert.ok(!ids('The funder withdrew an indicator that counted taking medication as a sign of recovery.').includes('recovery-defined-by-measure'))
  // A practice named by a gerund and then judged wrong.
  assert.ok(!ids('The evaluation warned that treating peer support as a dose of therapy misreads what it is for.').includes('peer-support-dose'))
  assert.ok(ids('The team treats peer support as a dose of therapy.').includes('peer-support-dose'))
  // Not a judgement denied, nor a complaint about people rather than a practice, nor a later endorsement or a refused offer.
  assert.ok(ids('Treating peer support as a dose of therapy has not distorted anything.').includes('peer-support-dose'))
  assert.ok(ids('Working with attention-seeking residents harms staff wellbeing.').includes('attention-seeking'))
  assert.ok(ids('I was expected to be a role model for the younger residents, and I wouldn\u2019t have it any other way.').includes('role-model'))
  assert.ok(ids('Our mentors were asked to lead by example, and we declined the offer of extra pay for it.').includes('lead-by-example'))
  // A request for the person to do something, turned down, is staff deciding against them; a withdrawn service is not a withdrawn measure.
  assert.ok(ids('The board turned down a request for Mr Li to have leave because he lacks insight.').includes('lacks-insight'))
  assert.ok(ids('The service withdrew support that had kept non-compliant tenants housed.').includes('non-compliant'))
})

test('a decision about which thing to get is not the person\u2019s decision', () => {
  assert.ok(!ids('The decision on which printer to buy was taken by the office manager.').includes('staff-make-decisions'))
  assert.ok(ids('The decision on which ward to send him to was taken by the consultant.').includes('staff-make-decisions'))
  assert.ok(ids('The decision on which job to apply for is made by the employment specialist.').includes('staff-make-decisions'))
})

test('a worker\u2019s note in the first person reads its "I" as the worker', () => {
  assert.ok(ids('Contact note: I\u2019ve chosen her food bank days and will go over them with her at the next visit.').some((id) => id === 'staff-decide-plan' || id === 'staff-settle-arrangements'))
  assert.ok(ids('Support worker note: I decide which calls Shauna returns each week.').includes('staff-decide-plan'))
  // The writer's own diary or reflection, and a worker helping the person decide, are not.
  assert.deepEqual(ids('Diary note: I decided my own goals.'), [])
  assert.deepEqual(ids('Contact note: I helped Sam decide his goals.'), [])
  assert.deepEqual(ids('The support worker helped Sam decide his goals.'), [])
})
