import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'
import {discussesWording} from '../src/core/context/mention.js'
import {statesTheLaw} from '../src/core/context/legal.js'
import {reportsOfficialMeasure} from '../src/core/context/official-measure.js'

// Mechanisms that read who or what a sentence is about: a thing an adjective describes, a denied doer, a phrase set
// aside, a relative's own account, the writer's service labelling, a decision made over the person's own wishes.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
const has = (text: string, id: string) => ids(text).includes(id)

test('an adjective before a noun that names no one describes the thing, not a person', () => {
  assert.ok(!has('A fragile tea set from the 1950s sits on the memory room dresser for people to handle.', 'fragile-in-notes'))
  assert.ok(has('Handover: Mrs Adeyemi very fragile today, avoid discussing the move.', 'fragile-in-notes'))
  // A group of people is still people, and a label word stays the word ("a mad idea").
  assert.ok(has('The new outreach post will focus on hard-to-reach communities.', 'hard-to-reach'))
  assert.ok(has('It was a mad idea to open the unit without staff.', 'mad'))
})

test('a doer denied by ", not the people who…" denies the doing; an aside closed by a comma still skips to the real doer', () => {
  assert.deepEqual(ids('Families of people living with dementia are partners in their care, not the people who make decisions for them.'), [])
  assert.deepEqual(ids('Peer workers are equals, not staff who set goals for people.'), [])
  assert.ok(has('Families are the people who make decisions for them.', 'plans-written-for'))
  assert.ok(ids('It is the consultant, not the person, who decides the goals.').length > 0)
  // A cleft's aside often lacks its closing comma.
  assert.ok(ids('It is the nurse, not the person who sets the goals for him.').length > 0)
})

test('a phrase set aside after ", not" is not what the frame is measured by', () => {
  assert.deepEqual(ids('For me, getting well meant getting back to my allotment, not a number on the scales.'), [])
  assert.deepEqual(ids('Peer support is offered as a relationship between equals, not as a treatment.'), [])
  assert.ok(has('Recovery means a score under 10 on the questionnaire.', 'recovery-defined-by-measure'))
})

test('a family member\'s own account of their relative is theirs; the same words about someone else\'s are not', () => {
  assert.ok(!has("My mum suffers from Alzheimer's, and some days caring for her is hard.", 'suffers-from'))
  assert.ok(has('Her mum suffers from depression and needs a lot of support.', 'suffers-from'))
  // "Our parents" in a family service's voice are the people it serves.
  assert.ok(has('Our parents often lack insight into how their drinking affects the baby.', 'lacks-insight') || ids('Our parents often lack insight into how their drinking affects the baby.').length > 0)
})

test('"we describe someone as…" is the writer\'s service labelling now, not a label reported', () => {
  assert.ok(ids('We describe someone as recovered once they have gone six months without an admission.').length > 0)
  assert.ok(ids('We describe people as well once they have gone six months without an admission.').length > 0)
  assert.deepEqual(ids('I was described as "non-compliant" in my notes.'), [])
  // Peers naming each other are not the service labelling anyone.
  assert.ok(!has('In our group we call each other mad, and we mean it kindly.', 'mad'))
})

test('a decision made over the person\'s own wishes, by whoever, is found; a concession about a thing is not', () => {
  assert.ok(has("The name on each young person's file is decided by the clinic lead, whatever the young person has asked for.", 'decider-overrides-the-person'))
  assert.ok(has("The key worker chose the resident's day centre without asking her.", 'decider-overrides-the-person'))
  // An employee reader, a form to fill in, a wish granted: no person's wishes set aside.
  assert.ok(!has('If your line manager decides to change your hours without consulting you, talk to your union rep.', 'decider-overrides-the-person'))
  assert.ok(!has('Your worker will plan the session with you before you are asked to fill in any forms.', 'decider-overrides-the-person'))
  assert.ok(!has('The panel decides the rent for the first month for each tenant, even if you have not asked for it.', 'decider-overrides-the-person'))
  // A free relative after a frame verb is what is decided, not a concession.
  assert.ok(!has('The residents decide, and the key worker picks whatever residents want from the list.', 'decider-overrides-the-person'))
  // …but after the thing decided, with or without a comma, it concedes.
  assert.ok(has('The key worker picks the activities whatever residents want.', 'decider-overrides-the-person'))
  assert.ok(has('The team decided on the move before Mr Reid had been asked.', 'decider-overrides-the-person'))
  assert.ok(!has('Families decide for themselves how much contact they want, and the group backs whatever they decide.', 'decider-overrides-the-person'))
  assert.ok(!has('The manager set the date for the team away day without asking anyone, and three people could not come.', 'decider-overrides-the-person'))
  assert.ok(!has('The team decides the rota for the holidays, whatever the weather.', 'decider-overrides-the-person'))
})

test('an exercise labelled with its purpose sets its wording out for discussion', () => {
  assert.ok(discussesWording('Scenario for critique: the consultant sets Aidan\'s recovery goals.'))
  assert.ok(discussesWording('Extract to rewrite: residents are told their goals at review.'))
  assert.ok(discussesWording('Scenario for group discussion: the consultant sets Aidan\'s recovery goals.'))
  assert.ok(!discussesWording('Case study: the consultant sets Aidan\'s recovery goals.'))
  assert.deepEqual(ids("Scenario for critique: a station manager sets Aidan's return date without asking him."), [])
})

test('regulations and measures by their citation state the law; a named official metric is reported, not adopted', () => {
  assert.ok(statesTheLaw("Records are covered by 42 CFR Part 2, which generally requires the patient's written consent before information is disclosed."))
  assert.ok(statesTheLaw('Part 2 of the Mental Health (Wales) Measure 2010 requires the health board to appoint a care coordinator for each relevant patient.'))
  assert.ok(!statesTheLaw('The patient is seen weekly by the team.'))
  // Naming a law in passing, or a report called a measure, states no law.
  assert.ok(!statesTheLaw('All peer staff complete HIPAA training, and the clinical team decides each participant\'s recovery goals.'))
  assert.ok(!statesTheLaw('Our Outcomes Measure 2023 report shows recovery means a PHQ-9 score under 10.'))
  assert.ok(reportsOfficialMeasure('A change counts as "reliable improvement" if it is bigger than the normal margin of error.'))
  assert.ok(!reportsOfficialMeasure('A person counts as recovered once their score is under 10.'))
  assert.ok(!reportsOfficialMeasure('In our service a person counts as reliable recovery once their PHQ-9 is under 10.'))
})

test('a number after "the same" or "the first" stays in its phrase; a verb after the stopping is done now', () => {
  assert.ok(has('Every facilitator walks new members through the same seven steps that ended their own gambling.', 'own-route-shown'))
  assert.ok(has('Every facilitator has stopped gambling and walks new members through the same seven steps that ended their own gambling.', 'own-route-shown'))
  // What the writer's service stopped is still left behind.
  assert.deepEqual(ids('We have stopped walking new members through the same steps that ended our own drinking.'), [])
})

test('a for-phrase past a comma names what the list holds, not whom a plan is for', () => {
  assert.ok(!has('Members choose the activities each term, from a walking group to a Welsh for adults class.', 'plans-written-for'))
  assert.ok(has('Staff choose the activities for residents each term.', 'plans-written-for'))
})
