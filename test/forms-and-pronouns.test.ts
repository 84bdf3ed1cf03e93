import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'
import {isQuotedName} from '../src/core/context/applied-label.js'
import {quoteSpans} from '../src/core/context/mention.js'

// Thirty-ninth round: who a pronoun after a fronted clause stands for (frames/pronoun-antecedent.ts), a form part's
// quoted heading (context/applied-label.ts, context/legal.ts) and "you and your counsellor" (frames/agents.ts).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
const flagged = (text: string) => ids(text).length > 0

test('a pronoun after a fronted clause stands for that clause\u2019s subject when it is a person and the number agrees', () => {
  assert.ok(flagged('When the care coordinator has read the referral, she sets the goals for the first month.'))
  assert.ok(flagged('Should the day centre staff think that a member is coming too often, they will decide which days he may attend.'))
  // The clause's subject is the person, or two people share the pronoun: nobody decides for anyone.
  assert.ok(!flagged('When the person has read the plan, they decide which goals to keep.'))
  assert.ok(!flagged('If the nurse and Tom disagree, they decide together which goals to keep.'))
  // "she" cannot stand for a plural subject.
  assert.ok(!flagged('Once the nurses have read the referral, she decides which goals to keep.'))
})

test('a quotation after "headed", "the" or "Section 4," names a part of a form; a quotation after "said" is speech', () => {
  const named = (text: string) => quoteSpans(text, 0).map((span) => isQuotedName(text, span))
  assert.deepEqual(named('the box headed "What I want" is filled in'), [true])
  assert.deepEqual(named('Section 4, "What I would like my family to know" (filled in)'), [true])
  assert.deepEqual(named('She said "I want to go home" and left.'), [false])
})

test('staff writing the part of a form headed in the person\u2019s own voice is a finding, first-person heading and all', () => {
  assert.ok(ids('Section 2, "What I want from this service" (completed by the care coordinator after the assessment): ______').includes('staff-fill-own-words'))
  assert.ok(ids('The named nurse writes the "About me" section from the admission notes.').includes('staff-fill-own-words'))
  assert.ok(!ids('The "About me" section is filled in by the person, with help if they want it.').includes('staff-fill-own-words'))
})

test('"you and your counsellor" decide together; "you and the nurse" in a peer worker\u2019s guide is staff and peer', () => {
  assert.ok(!flagged('| OP groups and an individual session every two weeks | When you and your counselor agree you are ready |'))
  assert.ok(ids('Peer workers: you and the nurse decide when the guest is ready to leave.').includes('staff-judge-readiness'))
  // A worker's own supervisor or team is theirs, not the reader-as-person's.
  assert.ok(ids('Peer workers: you and your supervisor decide when the guest is ready to leave.').includes('staff-judge-readiness'))
})

test('a quoted field, plan or message under its own label is the document\u2019s words; quoted for critique it is a mention', () => {
  assert.ok(flagged('Peer mentor objectives: "Use my own recovery routine as the template for the routines I help people build."'))
  assert.ok(flagged('Intake form field: "Goals chosen by the key worker (client to sign)".'))
  assert.ok(!flagged('Example from an old intake form: "Client has poor insight and is in denial." Discuss what is missing.'))
  assert.ok(!flagged('Rewrite this form field: "Patient is non-compliant with medication."'))
  assert.ok(!flagged('Case note: "Client refused 10 a.m. slot." Rewritten note: "Ms Kaur decided not to come at ten."'))
})

test('no antecedent when two people share the fronted clause or another person in it could be the one meant', () => {
  assert.ok(!flagged('When the nurse and Tom have talked it through, they decide which goals to keep.'))
  assert.ok(!flagged('After the doctor has explained the options to her, she decides which treatment to try.'))
  assert.ok(!flagged('When the peer worker visits people at home, they decide what they want to talk about.'))
  assert.ok(flagged('When the nurse arrives, she decides which goals the residents work on this week.'))
})
