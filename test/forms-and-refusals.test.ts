import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-first round: form values written with emphasis or a dash (frames/clause.ts, frames/field-value.ts), a verb read
// through how often (frames/np-end.ts), document labels that name a tribunal (context/legal.ts), names before "and her…"
// and before reporting verbs (frames/names.ts), the writers' own part in a decision (frames/checks.ts), and practices
// turned down (context/rejection.ts).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)
const flagged = (text: string) => ids(text).length > 0

test('a form value reads through emphasis marks and after a spaced dash', () => {
  assert.ok(ids('- **Plan signed off by:** the responsible clinician', 'markdown').includes('staff-decide-plan'))
  assert.ok(ids('Targets agreed by: **the ward manager**', 'markdown').includes('staff-decide-plan'))
  assert.ok(ids('Targets agreed by \u2013 the ward manager').includes('staff-decide-plan'))
  // The value is the person: nothing decided for them.
  assert.ok(!ids('- **Targets agreed by:** the resident', 'markdown').includes('staff-decide-plan'))
  // A dash inside running prose sets no value out.
  assert.ok(!flagged('The targets were agreed by - to everyone\u2019s surprise - the whole house meeting.'))
})

test('after a person, a verb form followed by how often is their verb: "the peer mentor visits weekly and tells…"', () => {
  assert.ok(ids('The recovery mentor phones daily and tells the probation officer whether Sam has been drinking.').includes('peer-tells-authority'))
  assert.ok(ids('The peer mentor visits three times a week and tells the care team whether Dean has taken his tablets.').includes('peer-informs-staff'))
  // A plural noun after a role with no how-often word stays a noun phrase: "peer mentor visits are logged".
  assert.ok(!ids('The peer mentor visits are logged on the rota.').includes('peer-tells-authority'))
})

test('"Tribunal report:" labels a report about the person; a heading that sets out the law is still the law', () => {
  assert.ok(ids('Tribunal report: he presents as manipulative and attention-seeking on the ward.').length > 0)
  assert.ok(ids('Mental Health Review Tribunal report: the team has decided his discharge date.').includes('staff-decide-plan'))
  assert.ok(!flagged('Under the Mental Health Act, leave is granted by the responsible clinician.'))
  assert.ok(!ids('Mental Health Act summary: the responsible clinician decides whether the patient can have leave.').includes('staff-decide-plan'))
  assert.ok(!ids('Tribunal letter: the patient has the right to be discharged if the panel decides the criteria are not met.').some((id) => id !== 'patient'))
})

test('a first name joined to someone of theirs is a person, so the decision is shared', () => {
  assert.ok(!ids('Aroha and her key worker set her goals for the term together.').includes('staff-decide-plan'))
  assert.ok(!ids('Aroha and her key worker set her goals for the term.').includes('staff-decide-plan'))
  assert.ok(ids('Her key worker sets Aroha\u2019s goals for the term.').includes('staff-decide-plan'))
  // A team of theirs is staff: "Bernadette and her team" decide for the residents.
  assert.ok(ids('Bernadette and her team decide when each resident is ready to go home.').length > 0)
})

test('a name before a reporting verb is a person, and "insists nobody…" is no denied object', () => {
  assert.ok(ids('Handover: Tomasz insists the night staff took his phone.').includes('person-insists'))
  assert.ok(ids('The resident insists nobody told her about the move.').includes('person-insists'))
  // An organisation's position is no person doubted.
  assert.ok(!ids('Ofsted maintains that the home must review each child\u2019s plan every six months.').includes('person-insists'))
  // "decide nothing about…" still denies the act.
  assert.ok(!ids('Staff decide nothing about your goals without you.').includes('staff-decide-plan'))
})

test('a decision about what the writers themselves will do is not the person\u2019s plan decided for them', () => {
  assert.ok(!ids('Once Ruth had named her goals, the team agreed what each of us would do to help.').includes('staff-decide-plan'))
  assert.ok(ids('The team decides what we will do about your medication.').includes('staff-decide-plan'))
  assert.ok(ids('The ward team agreed what each of us would say to the patient about leave.').includes('staff-decide-plan'))
})

test('a practice turned down ("refused a clause that would have…") is not the practice used', () => {
  assert.ok(!flagged('The board declined a contract that would have had peer mentors report missed appointments to the clinic.'))
  assert.ok(ids('The contract has peer mentors report missed appointments to the clinic.').length > 0)
})
