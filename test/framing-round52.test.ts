import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Fifty-second round: mechanisms read on new tuning sets (inpatient ward life; quality, audit and inspection;
// alternatives to hospital and peer-run crisis options; rural, farming, fishing and remote-work communities) and their
// documents. Each test pairs a sentence a mechanism now reads with one it must leave alone.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)
// The rules' findings only: the second opinion (framing-*) moves with each retraining, the mechanisms tested here do not.
const rules = (text: string) => ids(text).filter((id) => !id.startsWith('framing-'))

test('a rule or scheme taken back, or a practice the board agreed to stop, is no practice in use', () => {
  assert.deepEqual(rules("The new contract removes the clause that let the provider fix each tenant's support hours."), [])
  assert.deepEqual(rules('The board agreed to stop reporting a fall in HoNOS as recovery, because people define their recovery for themselves.'), [])
  assert.ok(ids("The provider fixes each tenant's support hours.").includes('staff-decide-plan'))
  assert.ok(ids('The board reports a fall in HoNOS as recovery.').includes('recovery-measured'))
})

test('exercises: a workshop task, "list the ways", and a case study that ends in a question', () => {
  assert.deepEqual(rules('Workshop task: find the sentence in this drought report that counts people as well by their screening scores.'), [])
  assert.deepEqual(rules("Case study: a peer reports a fisher's drinking to his GP; what could the peer have done differently?"), [])
  // A case study that asks what happened next describes the person in the writer's own words (review-round52).
  assert.ok(ids('Case study: a young man who is non-compliant with his depot; what happened next?').includes('non-compliant'))
  assert.ok(ids("A peer reports a fisher's drinking to his GP.").includes('peer-reports-to-team'))
})

test('a table column headed "Not" beside "Say" lists wording to avoid', () => {
  const table = '| Say | Not |\n|---|---|\n| person who uses drugs | junkie, druggie |\n'
  assert.deepEqual(rules(table), [])
  assert.ok(ids('| Say | Often |\n|---|---|\n| person who uses drugs | junkie |\n').includes('junkie'))
})

test('a that-clause after a time phrase is the checking verb\'s object; a copula\'s class entry may run on past its head', () => {
  assert.ok(ids('Peer staff at the respite check each morning that guests have taken their medication.').includes('peer-monitors'))
  assert.deepEqual(rules('We are clear in our job adverts that applicants do not need to be fully recovered.'), [])
  assert.ok(ids('Our peer workers are an extra pair of eyes for the nursing team.').includes('peer-as-monitor'))
})

test('someone else knowing better than the person; the person knowing best is theirs', () => {
  assert.ok(ids('Involve the parents, who will usually know better than the young person what is really going on.').includes('knows-better-than-person'))
  assert.deepEqual(rules('You know better than anyone what helps you on a bad day.'), [])
  assert.ok(ids('The crisis house is run by experts who know best what guests need.').includes('we-know-best'))
})

test("who decides: a worker's call, a go-ahead waited for, an FAQ answer naming the nurse in charge", () => {
  assert.ok(ids("Whether Aroha's goals go on the return as met is the team leader's call, not hers.").includes('staff-call'))
  assert.deepEqual(rules("Self-disclosure is the peer specialist's choice."), [])
  assert.deepEqual(rules("Whether the new logo goes ahead is the director's call."), [])
  assert.ok(ids("Mereana must wait for her key worker's go-ahead before she can join the group.").includes('staff-permission'))
  assert.ok(ids('Who decides when Aoife can have her mobile in the evenings? The nurse in charge, shift by shift.').includes('staff-decide-plan'))
  assert.ok(ids('Members can take part in the garden project as long as their care coordinator agrees.').includes('waits-on-staff-say-so'))
})

test("the peer's own plan, named by a clause after it, held to or handed out", () => {
  assert.ok(ids('If callers stick to the wellness plan our volunteers used, they will not need the crisis line again.').includes('the-plan-the-peer-used'))
  assert.deepEqual(rules('Peer workers help each person keep to the plan the person wrote.'), [])
  assert.ok(ids("The peer volunteer's way of handling the bank has been written up as the steps every new member works through.").includes('personal-account-as-pattern'))
})

test('people named by their work are the person; a legal or a barber\'s client is the reader\'s own word', () => {
  assert.ok(ids('The skipper has suffered from PTSD since the sinking.').includes('suffers-from'))
  assert.ok(ids('The deckhand was uncooperative at the health check.').includes('uncooperative'))
  assert.deepEqual(rules('The farm has recovered from the flood.'), [])
  const barbers = '---\ntitle: "Chair Talk: a short guide for barbers"\n---\n\nYou already listen to your clients all day.\n'
  assert.deepEqual(rules(barbers), [])
  assert.ok(ids('---\ntitle: "A short guide for peer workers"\n---\n\nYou already listen to your clients all day.\n').includes('client'))
})

test('the law speaking: a case citation, a Model Rule, "found incompetent"', () => {
  assert.deepEqual(rules('Jackson v. Indiana (1972) bars holding a person indefinitely just because they are found incompetent.'), [])
})

test('denials and own matters: "never proof that…", "mending people is not our job", a panel\'s own terms, a council\'s permit', () => {
  assert.deepEqual(rules("A peer's story is one account among many, never proof that someone else should do the same."), [])
  assert.ok(ids("A peer's story is proof that others should do the same.").includes('same-path'))
  assert.deepEqual(rules('Nobody on the boats is broken, and mending fishers is not our job.'), [])
  assert.ok(ids('Mending people is our job.').includes('rebuild-people'))
  assert.deepEqual(rules('The review panel agreed its own terms of reference and wrote to the family with the timetable.'), [])
  assert.deepEqual(rules("Growers are allowed to cart water from the town bore under the council's drought permit."), [])
  assert.deepEqual(rules('Our coordinator takes every call, and our facilitators are local farmers.'), [])
})

test('inabilities said with "do not"; a frequency is no spell of being well; peer work as a workforce or a hazard control', () => {
  assert.ok(ids('Residents often do not see what is best for them.').includes('cannot-cope'))
  assert.deepEqual(rules('What works for one person may not work for another.'), [])
  assert.deepEqual(rules('Each of these young people must have a pathway plan, reviewed at least every six months.'), [])
  assert.ok(ids("The crisis café's peer staff are a frontline clinical workforce for de-escalation and triage.").includes('peer-support-as-treatment'))
  assert.deepEqual(rules('The new fence is part of the hazard controls.'), [])
})

test('after a wh-clause object, a verb that does not agree with the clause\'s own verb shares the main subject', () => {
  assert.ok(ids('The peer worker finds out where they went and tells the nurse.').includes('peer-informs-staff'))
  assert.deepEqual(rules('The peer worker finds out where they went and tells them about the bus.'), [])
})
