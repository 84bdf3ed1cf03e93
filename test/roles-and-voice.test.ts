import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Fortieth round: roles named for lived experience and hyphened modifiers (frames/lexicon.ts, frames/reach.ts), a
// participle sharing an earlier passive (frames/shared-passive.ts), a peer role's label speaking to "you"
// (frames/addressee.ts), and reporting to people with power over the person (the `authority` word class).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
const flagged = (text: string) => ids(text).length > 0

test('a staff role named for lived experience is a peer role; one with more words before it is not read across a verb', () => {
  assert.ok(ids('Lived experience support officers watch the men and pass their names to the mental health team.').includes('peer-reports-to-team'))
  // Without "lived experience" the officers are staff, and staff passing names on is no peer informing.
  assert.ok(!ids('Support officers watch the men and pass their names to the mental health team.').includes('peer-reports-to-team'))
  // "peer mentors tell wing officers": the officers are whom the mentors tell, not a peer role.
  assert.ok(ids('Prison peer mentors tell wing officers about any man they think is hiding drugs.').includes('peer-informs-staff'))
})

test('a hyphened participle modifies the noun after it: "care-experienced mentors" are the subject, not "care"', () => {
  assert.ok(ids('Our care-experienced peer mentors are living proof that things can turn out well.').includes('living-proof'))
  assert.ok(ids('Our well-trained peer mentors are living proof that things can change.').includes('living-proof'))
  // A thing is still no person: a well-funded project is not proof of anyone.
  assert.ok(!flagged('The council\u2019s well-funded garden project is living proof that small grants work.'))
})

test('"was discharged … and told I had recovered" is told, not telling: the writer is no peer teaching a path', () => {
  assert.ok(!flagged('I was discharged from CAMHS at seventeen and told I had recovered, but I didn\u2019t feel it.'))
  // An object after "told" keeps it active: the peer workers told new members.
  assert.ok(ids('Peer workers were trained last spring and told new members how they got through it.').includes('peer-teaches-path'))
})

test('a line that opens by naming a peer role speaks to that role after the break', () => {
  assert.ok(ids('Peer mentor advert, prison leavers\u2019 scheme: you will show each new release the exact route you took from the gate to a steady job.').includes('peer-teaches-path'))
  // "Peer support:" names a service the reader may use, not the reader's role.
  assert.ok(!ids('Peer support: you can show us the route you took to get here on the map.').includes('peer-teaches-path'))
})

test('a peer reporting how the person is doing to a judge, a landlord or an employer is informing on them', () => {
  assert.ok(ids('Peer supporters on the drug court programme tell the judge each fortnight whether a participant has been going to meetings.').includes('peer-tells-authority'))
  assert.ok(ids('Each Friday the workplace peer supporter emails the line manager to say whether the employee has kept their therapy appointments.').includes('peer-messages-staff-about-person'))
  // What the person asked for, or the building, is no report on them.
  assert.ok(!flagged('The peer mentor tells the landlord when the boiler in the shared flat stops working.'))
  assert.ok(!flagged('If Marta asks them to, peer supporters tell the employer about the changes she needs at work.'))
  // "The court decides" states the law; the authority class is only for what peers pass on.
  assert.ok(!flagged('Under the Act, the court decides whether the order is renewed.'))
})

test('a field "Goals set by:" has its value as the by-phrase: staff alone decide, the person among them does not', () => {
  assert.ok(ids('Goals set by: care coordinator').includes('staff-decide-plan'))
  assert.ok(ids('Plan agreed by: parent or guardian and re-entry coordinator').includes('staff-decide-plan'))
  assert.ok(!ids('Goals set by: the young person, with their worker').includes('staff-decide-plan'))
  assert.ok(!flagged('Room booked by: the duty manager'))
})

test('an FAQ question that names the words ("What is the Recovered badge?") asks about them, it does not use them', () => {
  assert.ok(!flagged('What is the Recovered badge?'))
  assert.ok(!flagged('What does treatment-resistant mean?'))
  // The answer that uses them is still read, and so is a question that uses them in a claim.
  assert.ok(ids('Recovered badge: you earn it when your PHQ-9 score stays below 5.').includes('discharged-as-recovered'))
  assert.ok(flagged('What is noncompliance costing the service?'))
})

test('"Eligibility:" or "Assessment summary:" before "unable to…" says it of the person; a list of ages and places does not', () => {
  assert.ok(ids('Eligibility: unable to hold down work, handle money or keep appointments.').includes('cannot-cope'))
  assert.ok(ids('Assessment summary: unable to hold down work, handle money or keep appointments.').includes('cannot-cope'))
  assert.ok(!flagged('Eligibility: aged 18 or over and living in the borough.'))
})

test('a two-word preposition heads no noun phrase: "by the practitioner ahead of the meeting" is the practitioner', () => {
  assert.ok(ids('The plan is agreed by the care coordinator ahead of the review.').includes('staff-decide-plan'))
  assert.ok(ids('Goals are set by the consultant prior to discharge.').includes('staff-decide-plan'))
})

test('a quoted form part as a subject ("section D, “Agreed goals”: completed by…") is the writer\u2019s words, not a quotation', () => {
  assert.ok(ids('Referral form, section D, "Agreed goals": completed by the referring worker and shown to the applicant afterwards.').includes('staff-write-plan'))
  // A quoted heading of many words is its own sentence: what its field says is read from the value, not across the quote.
  assert.ok(ids('Box 5, "What helps me when I am unwell": written by the ward doctor at discharge.').includes('staff-fill-own-words'))
})
