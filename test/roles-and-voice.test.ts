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
  assert.ok(!flagged('I was eventually discharged from CAMHS at seventeen and then told I had recovered, but I didn\u2019t feel it.'))
  // Peer workers told what to do are still the ones who do it (review-round40 #10).
  assert.ok(ids('Peer workers are trained in March and told they must report any missed tablets to the nurse.').includes('peer-reports-to-team'))
  // An object after "told" keeps it active: the peer workers told new members.
  assert.ok(ids('Peer workers were trained last spring and told new members how they got through it.').includes('peer-teaches-path'))
})

test('a line that opens by naming a peer role speaks to that role after the break', () => {
  assert.ok(ids('Peer mentor advert, prison leavers\u2019 scheme: you will show each new release the exact route you took from the gate to a steady job.').includes('peer-teaches-path'))
  assert.ok(ids('Peer support worker advert, prison leavers\u2019 scheme: you will show each new release the exact route you took from the gate to a steady job.').includes('peer-teaches-path'))
  // A peer's visit note is written to the person: its "you" is the person (review-round40 #16).
  assert.ok(!ids('Peer worker visit, 12 June: you told the ward nurse that you had stopped taking your tablets, and we talked about why.').includes('peer-informs-staff'))
  // "Peer support:" names a service the reader may use, not the reader's role.
  assert.ok(!ids('Peer support: you can show us the route you took to get here on the map.').includes('peer-teaches-path'))
})

test('a peer reporting how the person is doing to a judge, a landlord or an employer is informing on them', () => {
  assert.ok(ids('Peer supporters on the drug court programme tell the judge each fortnight whether a participant has been going to meetings.').includes('peer-tells-authority'))
  assert.ok(ids('Each Friday the workplace peer supporter emails the line manager to say whether the employee has kept their therapy appointments.').includes('peer-messages-staff-about-person'))
  // What the person asked for, or the building, is no report on them.
  assert.ok(!flagged('The peer mentor tells the landlord when the boiler in the shared flat stops working.'))
  assert.ok(!flagged('If Marta asks them to, peer supporters tell the employer about the changes she needs at work.'))
  // The peer's own employer told about the peer; a tenancy's repairs; a crisis (review-round40 #2, #3).
  assert.ok(!flagged('Peer workers must tell their employer if they become unwell and cannot attend a shift.'))
  assert.ok(!flagged('The peer mentor tells the landlord when the smoke alarm has been tested.'))
  assert.ok(!flagged('Peer mentors tell the police if someone is in crisis and says they have taken an overdose.'))
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

test('"Assessment summary:" before "unable to…" says it of the person; an eligibility test for anyone who applies does not', () => {
  assert.ok(ids('Assessment summary: unable to hold down work, handle money or keep appointments.').includes('cannot-cope'))
  // The Statutory Sick Pay test, a travel pass's: a condition for anyone, no verdict on one person (review-round40 #7).
  assert.ok(!flagged('Eligibility: unable to work for four or more days in a row because of illness.'))
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

test('"has read the referral, she decides": a paper read is no rival person, and a pronoun after a comma ends no list', () => {
  assert.ok(flagged('Once the recovery coordinator has read the referral, she decides which groups the person should join.'))
  // Another person in the clause could be "she": nobody is named as deciding.
  assert.ok(!flagged('When the nurse has met the young person, she decides which groups to offer.'))
})

test('"applicants" for a place are people; a staff committee decides as staff do', () => {
  assert.ok(ids('Referral criteria: applicants who cannot cook, budget or keep a room clean without constant prompting.').includes('cannot-cope'))
  assert.ok(ids('A staff committee decides whether each applicant is ready to live alone.').includes('staff-judge-readiness'))
  assert.ok(!flagged('Applicants must be able to drive and hold a full licence.'))
})

test('an FAQ question to the reader uses its words; another organisation\u2019s quoted page is not the document\u2019s own', () => {
  assert.ok(ids('What are your challenging behaviours?').includes('challenging-behaviour'))
  assert.ok(!flagged('From another trust\u2019s website: "Our peer specialists make sure patients comply with their medication."'))
  assert.ok(ids('Our FAQ page: "Peer workers make sure you are compliant with your medication."').includes('medication-compliance'))
  // A quoted form part set out for critique stays a mention (review-round40 #18).
  assert.ok(!flagged('Old referral form, section D, "Agreed goals": completed by the referring worker. Discuss what is wrong with this.'))
})
