import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-fourth round: mechanisms read on new tuning sets (digital services, research writing, ten more documents).
const reviewer = new Reviewer(builtinPacks(), {})

test('a finding in a table row starts in its anchor\'s cell, not across the cell wall', () => {
  const row = '| Measure | Target | What it tells us |\n|---|---|---|\n| Change in K10 score from first to last session | Average fall of 5 points | Whether the person has recovered |\n'
  const found = reviewer.review(row, 'markdown').find((f) => f.ruleId === 'recovery-defined-by-measure')
  assert.ok(found, 'the row defines recovery by the measure')
  assert.equal(found.text, 'Whether the person has recovered')
  // A label cell keeps the cell that defines it.
  const label = reviewer.review('| Recovered | PHQ-9 below 10 at discharge |\n', 'markdown').find((f) => f.ruleId === 'recovery-defined-by-measure')
  assert.ok(label?.text.startsWith('Recovered |'), label?.text)
})

const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a service\'s own screen text quoted after its label is its own voice; a trainer\'s script sets wording out for critique', () => {
  assert.ok(ids('Chatbot script: "Your care team has picked three goals for you this week. Tap to see them!"').includes('staff-decide-plan'))
  assert.deepEqual(ids('Facilitator script: "Some services still count recovery by symptom scores; what might that miss?"'), [])
  assert.deepEqual(ids('Activity card: "Peer support is a low-cost clinical intervention". Who wrote this, and what might they want from peer workers?'), [])
})

test('a rule may be off in a document for readers whose own word it is: "your patient" in a page for GPs', () => {
  const body = 'Our peer support workers meet young people at home. Peer support is offered to everyone. Ask about peer support.\n\nTell your patient that you are referring them and why.\n'
  assert.ok(!ids(`---\ntitle: "Early intervention service: a guide for GPs and referrers"\n---\n\n${body}`, 'markdown').includes('patient'))
  assert.ok(ids(`---\ntitle: "Early intervention service: a guide for peer workers"\n---\n\n${body}`, 'markdown').includes('patient'))
})

test('an -ing word naming an activity is no verb; a near phrase holding the frame\'s own verb is no near-word', () => {
  assert.deepEqual(ids('A free six-week writing workshop for adults with lived experience of mental health problems.'), [])
  assert.ok(ids('Staff are planning sessions for residents without asking them.').length > 0)
  assert.ok(!ids('- Describe a small thing that got you through a bad week.', 'markdown').includes('pass-on-what-worked'))
  assert.ok(ids('Tell new callers what got you through so they know what to do.').includes('pass-on-what-worked'))
})

test('a name with its initials may run across small words; a label\'s own initials do not make it a name', () => {
  assert.deepEqual(ids('Public stigma was measured with the Community Attitudes toward the Mentally Ill (CAMI) scale.'), [])
  assert.ok(ids('Funding for the Severely Mentally Ill (SMI) was cut.').includes('the-mentally-ill'))
})

test('a legal hold states the law; "when the hold ends" names a time', () => {
  assert.deepEqual(ids('A 5150 hold allows up to 72 hours of evaluation and treatment if, because of a mental health disorder, a person is a danger to themselves or others or gravely disabled.'), [])
  assert.ok(ids('Staff worry that he is a danger to others.').includes('person-as-danger'))
  assert.ok(ids('When the emergency hold ends, the hospital informs the person which outpatient services they have been signed up for.').length > 0)
})

test('a passive\'s subject stands before a relative clause with no "that"; a participle\'s agent may follow a time phrase', () => {
  assert.ok(ids('The daily prompts a user receives are chosen by the care coordinator.').includes('staff-decide-plan'))
  assert.ok(ids('Goals: set each month by your support worker.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Staff set each month by the calendar.'), [])
})

test('a peer tutor\'s role pack gives its duties a peer subject', () => {
  const pack = '# Volunteer Peer Tutor: role pack\n\n## What you will do\n\n- act as a positive role model for students who are earlier in their recovery than you;\n'
  assert.ok(ids(pack, 'markdown').some((id) => /role-model|peer-as-template/.test(id)))
})

test('"Plain language summary:" and "Long-term outcome:" open no list of wording', () => {
  assert.ok(ids('Plain-language summary: everyone was given a timetable of groups that their key workers had picked for them.').includes('plans-written-for'))
  assert.ok(ids('Logic model, long-term outcome: people are well, measured by fewer bed days and no contact with the crisis team.').includes('recovery-defined-by-measure'))
  assert.deepEqual(ids('Terms to avoid: patient, client.'), [])
})

test('"Is someone better?" asks about recovery: a measure in its answer defines it', () => {
  assert.ok(ids('Is someone better? For this audit, yes, if their last three urine screens were negative.').some((id) => /recovery/.test(id)))
  assert.deepEqual(ids('Is the garden well? The volunteers check it daily.'), [])
})

test('a label denied for a time is still denied; a participle after "on" describes its noun', () => {
  assert.deepEqual(ids('Students enrol themselves; nobody is referred, and nobody is a patient while they are here.'), [])
  assert.deepEqual(ids('A supported flat, with staff who visit on agreed days.'), [])
  assert.ok(ids('The team decided on agreed goals for him.').includes('staff-decide-plan'))
})

test('a pronoun after a name and its role in apposition stands for the role; an introduced peer\'s name needs no auxiliary', () => {
  assert.ok(ids('Gareth, our peer support worker, lived at Larkfield ten years ago. He will tell you what he did at each stage so that you can do the same.').includes('told-to-do-the-same'))
  assert.deepEqual(ids('Gareth, our cook, lived here ten years ago. He tells you what he did so you can do the same.'), [])
  assert.ok(ids('Gareth is our peer support worker. Gareth tells you what he did so you can do the same.').includes('told-to-do-the-same'))
})

test('a tool the writer turned down is not used; chance is no staff decision; "can\'t think straight" is no view denied', () => {
  assert.deepEqual(ids('The evaluation rejected a deficit checklist at baseline and began instead with what people could do.'), [])
  assert.ok(ids('We rejected the patient\'s request for leave.').includes('patient'))
  assert.deepEqual(ids('Participants will be allocated to peer support or usual care by a computer-generated sequence held by the clinical trials unit.'), [])
  assert.ok(ids('People who hear voices often can\'t think straight, hold a conversation or look after themselves.').includes('cannot-cope'))
})

test('the independent review\'s cases: what the round\'s stand-downs must not swallow', () => {
  // Quotations from members, rivals and role-plays are not the service's own screen text.
  assert.deepEqual(ids('Sample chatbot reply from a rival app: "Your clinician decides your goals."'), [])
  assert.ok(ids('Trainer profile on our website: "Sam is a recovered schizophrenic who now trains our staff."').includes('schizophrenic'))
  // One section's heading does not say whom the whole document is for.
  assert.ok(ids('# Peer support drop-in: a guide for members\n\nOur peer support workers see every patient as a case to manage. Peer support is offered. Peer support helps.\n\n## Information for GPs\n\nYou can refer by email.\n', 'markdown').includes('patient'))
  // A gerund with its object is still a verb.
  assert.ok(ids('The key worker is responsible for choosing groups for each resident.').includes('staff-decide-plan'))
  // Degree words and a label with its initials are no body's name.
  assert.ok(ids('The clinic serves Seriously Mentally Ill (SMI) adults in the county.').some((id) => /mentally-ill/.test(id)))
  // A room number or a respite stay is no law.
  assert.ok(ids('Room 214 holds twelve people, and the key worker decides which residents attend each group.').includes('staff-decide-plan'))
  assert.ok(ids('The respite house allows up to 14 days, and the manager decides when each guest is ready to leave.').length > 0)
  // What a care review does is no critique of it; a label kept for a condition is a rule.
  assert.ok(ids('At her review, the team challenged her about being non-compliant with medication.').includes('non-compliant'))
  assert.ok(ids('No one here is a lost cause unless they stop engaging with the team.').includes('lost-cause'))
  // The person's own say in the answer.
  assert.deepEqual(ids('Is she better? Her scores have improved, but only she can tell you how she feels.'), [])
})
