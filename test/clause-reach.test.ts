import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Thirty-eighth round: how far a clause, a subject and a negation reach (frames/subject-words.ts, frames/reach.ts,
// frames/relative-antecedent.ts, context/negation.ts, context/mention.ts, frames/linked.ts).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
const has = (text: string, id: string) => ids(text).includes(id)

test('a preposition before a bare time does not start a clause, unless a new subject follows the time', () => {
  assert.ok(has('Tenants who had paid their rent on time since spring were grouped as recovered in the audit.', 'recovery-status-by-condition'))
  assert.ok(has('We did not involve residents until 2021 staff decided every house rule.', 'waits-on-staff-say-so'))
})

test('the subject reaches back through a relative clause, a reduced relative with a particle and a name after "the"', () => {
  assert.ok(has('People on licence who have a mental illness are not equipped to keep to its conditions.', 'not-capable'))
  assert.ok(has('Students coming back from leave have usually lost the study habits and resilience that college demands.', 'lacks-abilities'))
  assert.ok(has('The peer coordinator\u2019s journey from leaving the Army to a steady civilian job shows you the road to take.', 'peer-teaches-path'))
})

test('a negator before a list negates its last item only when that item is the state itself ("or be free of symptoms")', () => {
  assert.ok(!has('You do not need to be work ready, finish a course first or be free of symptoms.', 'symptom-free'))
  assert.ok(!has('You do not need to be work ready, finish a course first, or be symptom-free.', 'symptom-free'))
  assert.ok(has('We do not accept referrals by fax, by post or for frequent flyers.', 'frequent-flyer'))
  assert.ok(has('Staff do not read texts, open post or search rooms of manipulative residents.', 'manipulative'))
  assert.ok(has('We do not discharge people on a whim, by text or before they are free of symptoms.', 'symptom-free'))
})

test('a "Discussion:" question about quoted words is an exercise; minutes\u2019 "Discussion:" questions are not', () => {
  assert.deepEqual(ids('Discussion: what does it tell a veteran when a service calls its peer leads \u2018living proof\u2019?'), [])
  assert.ok(has('Discussion: can we discharge non-compliant patients after three missed appointments?', 'non-compliant'))
})

test('an outside body the people own is not their plan; their own council still is', () => {
  assert.ok(!has('The panel decides which grant applications from veterans\u2019 charities are funded this year.', 'staff-decide-plan'))
  assert.ok(has('The ward manager decides whether the patients\u2019 council can meet without staff.', 'staff-decide-plan'))
})
