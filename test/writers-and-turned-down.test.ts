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

test('a peer writer doing something to another person\u2019s things, but not a carer with their own relative', () => {
  assert.ok(ids('As the peer worker I monitor her medication and tell the nurse.').includes('peer-monitors'))
  assert.ok(!ids('I manage my dad\u2019s appointments, his bills and the shopping, and I\u2019m fourteen.').includes('peer-monitors'))
})

test('a request or a practice turned down is not the practice', () => {
  assert.ok(!ids('I was asked to pass on what a member said about using, and I said no, that isn\u2019t what peer support is for.').includes('peer-passes-on-what-people-say'))
  assert.ok(ids('I was asked to pass on what a member said about using, and I did.').includes('peer-passes-on-what-people-say'))
  assert.deepEqual(ids('The service manager pushed back on the idea that the peer worker should be the team\u2019s eyes and ears.'), [])
  assert.ok(!ids('The committee turned down a proposal for peer workers to fill in risk ratings for the crisis team.').includes('peer-does-clinical-task'))
  assert.ok(ids('The committee agreed a proposal for peer workers to fill in risk ratings for the crisis team.').includes('peer-does-clinical-task'))
  assert.ok(!ids('The funder withdrew an indicator that counted taking medication as a sign of recovery.').includes('recovery-defined-by-measure'))
  // A practice named by a gerund and then judged wrong.
  assert.ok(!ids('The evaluation warned that treating peer support as a dose of therapy misreads what it is for.').includes('peer-support-dose'))
  assert.ok(ids('The team treats peer support as a dose of therapy.').includes('peer-support-dose'))
})

test('a decision about which thing to get is not the person\u2019s decision', () => {
  assert.ok(!ids('The decision on which printer to buy was taken by the office manager.').includes('staff-make-decisions'))
  assert.ok(ids('The decision on which ward to send him to was taken by the consultant.').includes('staff-make-decisions'))
})
