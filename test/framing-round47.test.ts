import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-seventh round: mechanisms read on new tuning sets (forensic services, students and schools, specialist
// pathways, community and faith groups).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a comma aside between recovery and its verb keeps recovery the subject', () => {
  assert.ok(ids('Recovery, for the purpose of this plan, means six weeks without an admission.').includes('recovery-defined-by-measure'))
  assert.ok(!ids('Recovery, for most of our members, means a life they value.').includes('recovery-defined-by-measure'))
})

test('a pseudo-cleft\'s focus is what its verb takes', () => {
  assert.ok(ids('What she lacks is confidence.').includes('lacks-abilities'))
  assert.ok(ids('What the team decides is her discharge date.').includes('staff-decide-plan'))
  assert.deepEqual(ids('What the project lacks is funding for a second coordinator.'), [])
})

test('a who-question answered by people joined with "and"', () => {
  assert.ok(ids('Who decides when Jarrah moves ward? The consultant and the ward manager.', 'markdown').includes('staff-decide-plan'))
  assert.deepEqual(ids('Who decides her goals? Jarrah and her nurse.', 'markdown'), [])
})

test('a person word right after another heads the compound an opening pronoun stands for', () => {
  const text = 'Our family peer supporter, Lorraine, visited her son here for six years. She will explain exactly what she did as a visitor, so that you can do the same.'
  assert.ok(ids(text).includes('peer-teaches-path'))
})

test('a wish to be a role model is the applicant\'s', () => {
  assert.ok(ids('A wish to be a positive role model for other parents.').includes('role-model'))
})

test('a plural noun before a person word opens a reduced relative clause', () => {
  assert.ok(ids('Guests who are not making progress on the goals staff set for the stay may be asked to leave early.').includes('staff-decide-plan'))
  assert.deepEqual(ids('The support staff set the rota.'), [])
})

test('a training scenario or a case study for a module sets practice out to examine', () => {
  assert.deepEqual(ids("Session 2 scenario: a parish team plans Eileen's support over tea without inviting her; what went wrong?"), [])
  assert.ok(ids("Case study: the team chose her feeding plan without her.").includes('staff-decide-plan'))
})

test('a label that speaks as "I" names the person\'s own part of a form', () => {
  assert.ok(ids('**Signs I am becoming unwell:** your care team will fill in this box from your records.', 'markdown').includes('staff-fill-own-words'))
  assert.deepEqual(ids('Contact details: your care team will fill in this box.', 'markdown'), [])
  assert.deepEqual(ids('My key worker filled in this section with me.', 'markdown'), [])
})

test('only a professional saying when the person is well makes recovery a clinical verdict', () => {
  assert.ok(ids('Only the school psychologist can say when Yusuf is over his depression.').includes('staff-say-when-well'))
  assert.deepEqual(ids('The manager will judge which of the two tenders gives better value.'), [])
  assert.ok(!ids('The surgeon will tell you when you are well enough to drive after the operation.').includes('staff-say-when-well'))
})

test('giving up on a person writes them off; never giving up does not', () => {
  assert.ok(ids('Staff have given up on him.').includes('lost-cause'))
  assert.deepEqual(ids('We will never give up on them.'), [])
})
