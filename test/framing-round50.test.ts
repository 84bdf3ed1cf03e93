import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'
import {showsTwoSentences, standaloneLines} from '../src/core/model/standalone.js'

// Fiftieth round: mechanisms read on new tuning sets (eating disorders; domestic abuse and sexual violence;
// psychosis and complex emotional needs; the peer workforce itself) and an independent review's sentences.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)
const some = (text: string, ...rules: string[]) => ids(text).some((id) => rules.includes(id))

test('a question and its one answer are an FAQ entry: the second opinion reads the answer, and "Because they" is the question\'s person', () => {
  // The answer stands alone (the second opinion's verdict on it depends on its training; the reading does not).
  assert.equal(showsTwoSentences('What do peer workers add? A low-cost therapy that keeps people out of hospital.'), false)
  assert.equal(showsTwoSentences('The team meets on Mondays. Residents need to see somebody who got it right.'), true)
  assert.equal(showsTwoSentences('Why peers? Because they know. And they stay.'), true)
  assert.equal(standaloneLines('Why peers? Because they know.\nThe team meets. It stays.'), 'Why peers? Because they know.')
  assert.deepEqual(ids('The team meets on Mondays. Residents need to see somebody who got it right.'), [])
  assert.ok(ids("Why do we need peer workers on the ward? Because they monitor each resident's medication.").includes('peer-monitors'))
  // Research evidence an FAQ reports is no framing.
  assert.deepEqual(ids('Is CBT better? In trials, about half of people had fewer symptoms after 16 sessions.'), [])
})

test('a clause object without "that" after check; a phrase inside a later clause is not the frame verb\'s', () => {
  assert.ok(ids('A member of the team will phone you the next day to check you have taken your medication, and will let your GP know if you have not.').includes('adherence-checked'))
  assert.deepEqual(ids('We changed the form after members pointed out that it asked about medication.'), [])
  assert.deepEqual(ids("We've rewritten the volunteer handbook so that the person, not the visitor, picks each week's outing."), [])
  // The reader's own check on themself.
  assert.deepEqual(ids('Check you have taken your medication before driving, as some tablets cause drowsiness.'), [])
})

test('a subject a negated copula says is not what it names denies the frame, unless the complement goes on', () => {
  assert.deepEqual(ids('A safety plan written by staff and handed over isn\u2019t really a safety plan; the woman writes hers, with us beside her.'), [])
  assert.deepEqual(ids('Goals set by staff are not goals.'), [])
  assert.ok(ids('The treatment plan set by the psychiatrist is not a plan you can change.').includes('staff-decide-plan'))
})

test('a closing question that asks what went wrong sets the sentence out for critique; one about doing better does not', () => {
  assert.deepEqual(ids('Case study: a meal plan was written without the young person and given to her at breakfast; what went wrong?'), [])
  assert.ok(ids('Some tenants are low-functioning; how could we improve the building\u2019s access?').length > 0)
  assert.deepEqual(ids('Marking guide: give no marks to answers that describe recovery as being symptom-free.'), [])
  assert.ok(ids('Marking scheme: credit candidates who note that his diabetes is poorly controlled because he ignores advice.').includes('poorly-controlled'))
})

test('a quoted term talked about is a mention, even after a label that reads as the service\'s own screen', () => {
  assert.deepEqual(ids("E-learning screen: 'committed suicide' dates from when suicide was a crime, so we say 'died by suicide'."), [])
  assert.ok(ids('Email subject line: "Agitated student in room 4, can someone come down?"').includes('agitated'))
})

test('staff settling a person\'s own day, room or wording, but not the service\'s rooms and dates', () => {
  assert.ok(ids('Depot clinic letter: the clinic nurse has moved your injection day to Thursday.').includes('staff-settle-arrangements'))
  assert.ok(ids("The wording of Deborah's statement for the contact hearing was chosen by the court IDVA and posted to her for a signature.").includes('staff-settle-arrangements'))
  assert.deepEqual(ids('Staff decide which room the Tuesday group meets in.'), [])
  assert.deepEqual(ids('The clinic has moved injection days to Thursday for everyone, and you can ask for another day.'), [])
})

test('abusers controlling someone, and the law\'s own words, are not framing', () => {
  assert.deepEqual(ids('Perpetrators often manipulate professionals, coming across as calm and reasonable while the woman seems distressed.'), [])
  assert.deepEqual(ids('After an arrest, the charging decision in domestic abuse prosecutions generally rests with the Crown Prosecution Service.'), [])
  assert.ok(ids('Under section 4 of this policy, the key worker decides when a tenant is ready to move on.').length > 0)
})

test('a label naming staff is the subject of its line; a school term is not a list of wording', () => {
  assert.ok(ids('Supervisors: decide how often each participant is seen and what the visits will work on.').includes('staff-decide-plan'))
  assert.ok(ids('Spring term: our tutors set your goals.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Key terms: patient, client and case.'), [])
})

test('a symptom gone or a weight restored gates a step as stability does', () => {
  assert.ok(ids('Mr Fontaine cannot start the body image group until his weight is restored.').includes('gated-by-stability'))
  assert.deepEqual(ids('The group will start once the building work has stopped.'), [])
})

test('a for-phrase of how long does not tie a plan word to something else', () => {
  assert.ok(ids('When the care coordinator has read the referral, she sets the goals for the first month.').includes('staff-decide-plan'))
  assert.deepEqual(ids('Staff set the dates for the first term of the new building work.'), [])
})

test('counted as a recovery, and reduced passives after "as"', () => {
  assert.ok(ids('The team counts each person who moves on as a recovery.').includes('counted-as-recovered'))
  assert.ok(some('- your recovery goals, as set by your clinical team at referral', 'staff-decide-plan'))
  assert.deepEqual(ids('The rules, as set by the board, apply to all staff.'), [])
})
