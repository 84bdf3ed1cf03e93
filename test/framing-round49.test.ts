import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-ninth round: mechanisms read on new tuning sets (perinatal and parenting; primary care and pharmacy;
// gambling harm and debt; suicide prevention and postvention).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a people word inside a longer staff name does not make the staff member one of the people', () => {
  assert.ok(ids('The peer worker passes their names to the health visitor.').includes('peer-reports-to-team'))
  assert.ok(ids('The peer facilitator passes their names to the health visitors after each session.').includes('peer-reports-to-team'))
  // "a staff member" is the employee a workplace policy is about.
  assert.deepEqual(ids('What a good return looks like is for the returning staff member to say, and we will revisit it with them.'), [])
})

test('an answer that names a compound post answers who decides', () => {
  assert.ok(ids("Who decides when Kirra goes home from the unit? The unit's team, at Friday's meeting.").includes('staff-decide-plan'))
  assert.ok(ids('Who chooses which activity Mr Kowalski tries first? His clinic nurse, from the list on the referral.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Who decides which groups Tom goes to? Tom and his nurse.'), [])
})

test('a short label the service marks people with is its own, quoted or not', () => {
  assert.ok(ids("A parent is marked 'through the worst' once their grief score drops below 30.").includes('recovery-defined-by-measure'))
  assert.ok(ids("A young person is 'doing well' = full attendance and a clear risk screen.").length > 0)
  // Someone else's description, quoted after "described as", is still reported.
  assert.deepEqual(ids("Peer support is described as 'a therapeutic intervention' in the old policy."), [])
})

test("a label's bracketed aside is not one of its words", () => {
  assert.ok(ids('Link worker note (Leeds): I have chosen which group Jess will go to.').includes('staff-decide-plan'))
  assert.ok(ids('Peer volunteer role (Ontario): run exposure exercises at the casino entrance.').includes('peer-delivers-treatment'))
  assert.deepEqual(ids('Mood log (Tuesday): I chose which group to go to.'), [])
})

test('no room for a practice denies it', () => {
  assert.deepEqual(ids('The referral form no longer has a box for the referrer to choose the activity.'), [])
  assert.deepEqual(ids('The form does not have a box for the referrer to choose the activity.'), [])
  assert.ok(ids('The form has a box for the referrer to choose the activity.').includes('staff-decide-plan'))
})

test('course material that looks at a practice, and critiques of a view', () => {
  assert.deepEqual(ids('Case study for week 2: a mother and baby unit that measured recovery only by the EPDS, and what its mothers said about that.'), [])
  assert.deepEqual(ids('Reading for week 4: a practice that counted people as well once they stopped booking, and what it missed.'), [])
  assert.deepEqual(ids('In this module we look at what recovery means, who gets to define it, and how our words help.'), [])
  assert.deepEqual(ids('Critiques of the idea that recovery means being symptom-free are very welcome.'), [])
  // A case study that describes a person in the writer's own words keeps its label.
  assert.ok(ids('Case study: a young man who was non-compliant with his depot.').includes('non-compliant'))
})

test("staff administration is not a person's plan", () => {
  assert.deepEqual(ids('Each morning the nurse in charge decides who covers the nursery and who covers the garden room.'), [])
  assert.deepEqual(ids('The team leader has set three goals for the reception staff\'s customer service training this quarter.'), [])
  assert.deepEqual(ids('The panel decides which proposals are accepted and may offer a different format from the one you chose.'), [])
  assert.ok(ids("Ms Tran's goals on the mother and baby unit are set by the consultant.").includes('staff-decide-plan'))
})

test('one way through handed on as a copy', () => {
  assert.ok(ids('Ruth cleared her debts on a cash-only budget, so new members start on her plan.').includes('own-way-copied'))
  assert.ok(ids("What got me through was walking every morning, and I've started every new member on exactly that.").includes('own-way-copied'))
  assert.deepEqual(ids('We start on his plan together in the first session.'), [])
  assert.deepEqual(ids('Use the same method as last year to calculate her holiday pay.'), [])
  assert.deepEqual(ids('My key worker and I argued about the budget, and in the end I did it my way.'), [])
  assert.ok(!ids('For Tegan, getting better means having her little brother to stay at weekends, and she put that first on her plan.').includes('own-way-copied'))
})

test("'hasn't got' the skills is a deficit like 'does not have'", () => {
  assert.ok(ids("Mr Baptiste hasn't got the skills to keep to a budget.").includes('missing-abilities'))
  assert.deepEqual(ids("We haven't got the room to take more people."), [])
})

test('a people word inside a staff name is the staff member (youth worker, health visitor, people team)', () => {
  assert.ok(ids('Whether Jack goes back to college is up to his youth worker.').includes('up-to-staff'))
  assert.deepEqual(ids('Whether the holiday club opens at Easter is up to the youth worker.'), [])
  assert.deepEqual(ids('It is up to the people team whether your annual leave can be carried over.'), [])
  assert.deepEqual(ids('It is up to you whether you talk to the youth worker.'), [])
})

test('peer reporting reads new verbs, not office admin', () => {
  assert.ok(ids('The peer supporter rings through the urge ratings to the duty nurse each evening.').includes('peer-reports-to-team'))
  assert.deepEqual(ids('Peer workers forward any information about the fundraising day to the events team.'), [])
  assert.ok(ids("Care record: peer worker observed Priya's mood and hygiene and reported concerns to the team.").length > 0)
})
