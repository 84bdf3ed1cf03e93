import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {documentName, nameHolds} from '../src/core/context/document-name.js'
import {isLabelCell} from '../src/core/context/title.js'
import {isPeerText} from '../src/core/context/peer-text.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Context that reads the document's shape: its name, its tables' labels, its glossary entries.
const reviewer = new Reviewer(builtinPacks(), {})
const rules = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)
/** The rules' findings without the second opinion's (`framing-*`): what a frame or phrase rule reads. */
const frameRules = (text: string) => rules(text).filter((r) => !r.includes(':framing-'))

test('a document named for a contested advisory term is not told about it at each use; other documents are', () => {
  assert.deepEqual(rules('# Client Handbook\n\nEach client has a key worker.'), [])
  assert.deepEqual(rules('---\ntitle: Client charter\n---\n\nEach client has a key worker.'), [])
  // A section heading names a role the document is about ("### Your peer mentor"; `mentor` is opt-in).
  const withMentor = new Reviewer(builtinPacks(), {rules: {mentor: 'info'}})
  const mentorRules = (text: string) => withMentor.review(text).map((f) => `${f.line}:${f.ruleId}`)
  assert.deepEqual(mentorRules('# Court handbook\n\n### Your peer mentor\n\nYour peer mentor meets you each week.'), [])
  assert.deepEqual(mentorRules('# Court handbook\n\nYour peer mentor meets you each week.'), ['3:mentor'])
  assert.deepEqual(rules('# Court handbook\n\nYour peer mentor meets you each week.'), [])
  assert.deepEqual(rules('# Welcome\n\nEach client has a key worker.'), ['3:client'])
  // Only advisory terms: a warning stays a finding under any name.
  assert.ok(rules('# Patient Handbook\n\nEach patient must comply with treatment.').length > 0)
})

test('a document name: front-matter title and headings, the last word of a phrase may take an ending', () => {
  assert.deepEqual(documentName('---\ntitle: Peer Mentoring\n---\n# Through the Gate\n\ntext'), ['peer', 'mentoring', 'through', 'the', 'gate'])
  assert.deepEqual(documentName('# Court handbook\n\nText.\n\n### Your peer mentor\n\nMore.'), ['court', 'handbook', 'your', 'peer', 'mentor'])
  assert.ok(nameHolds(['peer', 'mentoring'], ['mentor']))
  assert.ok(!nameHolds(['peer', 'support'], ['mentor']))
  assert.ok(!nameHolds(['the', 'mentors'], ['peer mentor']))
})

test('a short label cell of a table (header row or a row\'s first cell) names a column or row; data cells are reviewed', () => {
  const table = '| Measure | Rate |\n|---|---|\n| Recovery rate | 52% |\n| Rate | Recovery rate |\n| The patient is seen by a peer | weekly |'
  const at = (needle: string, from = 0) => {
    const s = table.indexOf(needle, from)
    return isLabelCell(table, s, s + needle.length)
  }
  assert.equal(at('Recovery rate'), true)
  assert.equal(at('Recovery rate', table.indexOf('| Rate | Recovery')), false)
  assert.equal(at('patient'), false, 'a cell that reads as a sentence is data')
  assert.equal(isLabelCell('x | a patient', 4, 13), false, 'a pipe in a paragraph is not a table')
  assert.deepEqual(rules(table), ['4:recovery-targets', '5:patient'])
})

test('a glossary entry that defines a named measure is not the document\'s framing; the same words in prose are', () => {
  assert.deepEqual(rules('**Reliable recovery** means your scores moved below the clinical cut-off.'), [])
  assert.deepEqual(rules('Reliable recovery means your scores moved below the clinical cut-off.'), ['1:recovery-means-measure'])
})

test('a negation in a governing clause rejects the framing it governs; a label or a condition stays a finding', () => {
  // A negative subject, a negated verb of saying or demanding, "is not about / a place where": rejections.
  for (const text of [
    'No one is judged on whether they have recovered enough to take part.',
    'Our peers will never tell you that what worked for them will work for you.',
    'Staff should not assume that a person who declines a group is unmotivated.',
    'This is not a service where staff make decisions and residents are informed afterwards.'
  ]) assert.deepEqual(rules(text), [], text)
  // The same wording without the negation is a finding.
  for (const text of [
    'Each member is judged on whether they have recovered enough to take part.',
    'Our peers tell you that what worked for them will work for you.',
    'Staff assume that a person who declines a group is unmotivated.',
    'In this service staff make decisions and residents are informed afterwards.'
  ]) assert.ok(rules(text).length > 0, text)
  // A label is still used in a negated clause; a condition turns a negation into a rule; another part of the sentence is not governed.
  assert.ok(rules('We do not accept patients who are non-compliant.').length > 0)
  assert.ok(rules('Nobody is discharged until they are symptom-free.').length > 0)
  assert.ok(rules('Nobody counts as recovered on this programme while they are still on methadone.').length > 0)
  assert.deepEqual(rules('Our peers will never tell you that what worked for them will work for you, but they will listen.'), [])
  // A comma and "yet", "and", "but": a new clause the negation does not govern.
  assert.ok(rules('No one was consulted, yet the consultant sets the goals for every resident.').length > 0)
  assert.ok(rules('Staff do not decide alone; the consultant signs off every plan.').length > 0)
})

test('a list item that finishes its lead-in\'s sentence is read with the lead-in\'s subject', () => {
  const item = "decide the person's recovery goals with the multidisciplinary team and inform the person of them."
  assert.deepEqual(rules(`The care coordinator will:\n\n- ${item}`), ['3:staff-decide-plan'])
  assert.deepEqual(rules(`The care coordinator will:\n\nb) ${item}`), ['3:staff-decide-plan'])
  // No subject to borrow: a heading's list, or a lead-in that is not a sentence left open.
  const frames = (text: string) => rules(text).filter((r) => !r.includes(':framing-'))
  assert.deepEqual(frames(`Tasks:\n\n- ${item}`), [])
  assert.deepEqual(frames(`The care coordinator will never:\n\n- ${item}`), [])
})

test('a contracted "have" links a recovery word as its predicate: "You\'ve recovered once your score…"', () => {
  assert.deepEqual(frameRules("You've recovered once your Kessler score is back under the practice's threshold."), ['1:recovery-defined-by-measure'])
  assert.deepEqual(frameRules("They've recovered when they no longer need medication."), ['1:recovery-defined-by-measure'])
  assert.deepEqual(frameRules("You've chosen a recovery college course for once."), [])
})

test("a quiz's options are set out to be weighed; the same wording as the document's own is a finding", () => {
  const options = '> A. Explain that she should follow her doctor\'s advice.\n>\n> B. Ask what she noticed on the medication.\n>\n> C. Tell her what worked for you.'
  const own = 'Peer workers show people the steps they took so they can do the same.'
  assert.deepEqual(frameRules(`### Sample question\n\n> What is the best first response?\n>\n${options}`), [])
  assert.deepEqual(frameRules(`### Multiple-choice items\n\n- Tell her what worked for you.`), [])
  assert.ok(frameRules(`### Our approach\n\n- ${own}`).length > 0)
  assert.ok(frameRules(`### Our approach\n\n- Tell her what worked for you.`).length > 0)
  // Who a service is not for ("may not be the right place for:") is its own description, not wording turned down.
  assert.deepEqual(frameRules('Peer workers do not:\n\n- decide the goals for each person'), [])
  assert.ok(frameRules('The house may not be the right place for:\n\n- guests who are non-compliant with their medication').length > 0)
  // A sentence that only mentions an exam leads into its syllabus, which is the document's own wording.
  assert.ok(frameRules(`The exam has 100 multiple-choice questions across five domains.\n\n| Domain | What it covers |\n|---|---|\n| Practice | ${own} |`).length > 0)
})

test('the clause reader: "with patients informed" is a clause of its own; "one of the X" has X as its head', () => {
  assert.deepEqual(rules('Goals are set by the responsible clinician, with residents informed of the outcome.'), ['1:staff-decide-plan', '1:person-informed'])
  // (here and below, the second opinion may still weigh in on a sentence the frames read as clean; the frame must not fire)
  assert.deepEqual(frameRules('The consultant agrees goals with the person.'), [])
  assert.deepEqual(rules('Peer workers are one of the most effective interventions we have.'), ['1:peer-support-as-treatment'])
  assert.deepEqual(rules('Peer support is one of the services we offer.'), [])
})

test('more rejections: neither/nor, "is not the same as", a view given up, a gerund subject denied, a denied demand, a question put', () => {
  for (const text of [
    'Neither the consultant nor the care coordinator sets the goals for a resident.',
    'A falling questionnaire score is not the same as recovery.',
    'We stopped calling people a burden on services some time ago.',
    'Being symptom-free is not a condition of taking part in the choir.',
    'Nobody is required to be abstinent before they can have a room.',
    'The session asks learners to consider whether peer support is a treatment at all.',
    'A person who disagrees with a diagnosis is not showing a lack of insight.'
  ]) assert.deepEqual(rules(text), [], text)
  for (const text of [
    'The consultant sets the goals for a resident.',
    'Being symptom-free is a condition of taking part in the choir.',
    'Everyone is required to be abstinent before they can have a room.',
    'Peer support is a treatment.'
  ]) assert.ok(rules(text).length > 0, text)
})

test('words about people need a person: a subject, an object, or the noun an adjective describes', () => {
  assert.deepEqual(rules('The old lift suffers from frequent breakdowns.'), [])
  assert.deepEqual(rules('The facilities manager will instruct the builders on Monday.'), [])
  assert.deepEqual(rules('The negotiations were long and at times combative.'), [])
  assert.deepEqual(rules('Rising rents have placed a heavy burden on the charity.'), [])
  assert.deepEqual(rules('Some families are poorly served because our services are hard to reach.'), [])
  assert.ok(rules('Many residents suffer from low mood.').some((r) => r.endsWith(':suffers-from')))
  assert.ok(rules('Staff instruct residents to attend the group.').some((r) => r.endsWith(':instruct')))
  assert.ok(rules('The grant targets hard to reach families in the town.').some((r) => r.endsWith(':hard-to-reach')))
  // A verb read leftwards is not a modifier of the noun after it: "allow people to choose" is the people choosing.
  assert.ok(!rules('We trust people to decide what they need.').some((r) => /staff-(decide|judge|know)/.test(r)))
})

test('training material and self-naming: a marked-up extract, a quiz, people who name themselves', () => {
  const extract = 'Read the extract below and underline the words that put the writer above the person.\n\n> Mr B is a known schizophrenic who lacks insight and remains non-compliant.\n'
  assert.deepEqual(rules(extract), [])
  assert.deepEqual(rules('Which of these is person-first? (a) the mentally ill (b) people with mental health problems (c) mental patients.'), [])
  assert.deepEqual(rules('Some members of mutual-aid groups call themselves addicts.'), [])
  // Back over a list of the names they choose, and "refer to themselves as"; not a label others then put on them.
  assert.deepEqual(rules('Some people call themselves mad, an addict or an alcoholic, and they have every right to.'), [])
  assert.deepEqual(rules('Many people in AA refer to themselves as alcoholics.'), [])
  // "Being called X" is the label as something that happens to people; "clinical recovery" is the named clinical concept.
  assert.deepEqual(rules('Being called a frequent flyer by a nurse is the reason I am doing this training now.'), [])
  assert.deepEqual(rules('Staff keep calling him a frequent flyer.'), ['1:frequent-flyer'])
  assert.deepEqual(rules('The module explains that clinical recovery is usually rated by clinicians on standard scales, while personal recovery is defined by the person.'), [])
  assert.deepEqual(rules('Clinical recovery means a PHQ-9 score below 10.'), ['1:clinical-recovery'])
  // A gerund subject denied as against a named practice, past a relative clause's perfect inside it; not "is not easy".
  assert.deepEqual(rules('Handing someone a plan the team has already written is not shared decision-making.'), [])
  assert.deepEqual(rules('Writing plans for people is not easy when the team is short-staffed.'), ['1:plans-written-for'])
  // "You" in a guest guide is the guest: "a member of staff" names no one the reader supports.
  assert.deepEqual(rules('You can leave whenever you choose, although we ask you to let a member of staff know.'), [])
  assert.deepEqual(rules('As a peer worker, you will let a member of staff know if the person seems unwell.'), ['1:peer-lets-staff-know'])
  assert.deepEqual(rules('Some people call themselves survivors, but staff still call them addicts.'), ['1:addict'])
  // An interview question is not a wording exercise.
  assert.ok(rules('How would you make sure the consultant sets the goals for each resident?').length > 0)
  assert.deepEqual(rules('How would you rewrite this: the consultant sets the goals for each resident?'), [])
  // A frame running into a quotation reports someone else's words.
  assert.deepEqual(rules('Peer support has been called "the most powerful treatment we offer".'), [])
})

test('definitions by absence and who decides in more wordings', () => {
  // Either recovery-measure frame reads it (the noun-anchored one now sees past "no" as the measure's determiner).
  assert.match(rules('Recovery means no further admissions for a year.').join(), /^1:recovery-(?:means|defined-by)-measure$/)
  assert.deepEqual(rules('Recovery does not mean no admissions.'), [])
  assert.deepEqual(rules('Weekend leave is at the charge nurse\'s discretion.'), ['1:staff-discretion'])
  assert.deepEqual(rules('Members decide at their own discretion how much to share.'), [])
})

test('the clause reader finds the subject past a relative clause ending in its preposition, a participle phrase, "incapable of"', () => {
  assert.deepEqual(rules('The young people we work with have never learned how to run a household.'), ['1:never-learned'])
  assert.deepEqual(frameRules('The venues we work with have never learned how to run a household.'), [], 'the subject is the venues, not "we"')
  assert.deepEqual(rules('Young people leaving care rarely have the skills to manage a tenancy.'), ['1:missing-abilities'])
  assert.deepEqual(rules('Because of his illness he is incapable of making sensible decisions about money.'), ['1:cannot-cope'])
  assert.deepEqual(rules('The lift is incapable of carrying more than six people.'), [])
  // "rarely" is a lack for a frame found only negated; it does not deny a frame of who decides.
  assert.deepEqual(rules('The flats rarely have enough storage for a family.'), [])
})

test('"you" is the worker where a sentence names the people the reader supports; a nearby "you" is not the peer speaking', () => {
  assert.deepEqual(rules('You will be the proof our members need that getting well is possible.'), ['1:peer-as-template'])
  assert.deepEqual(rules('You will be the proof that the boiler works.'), [])
  assert.deepEqual(rules('If you miss an appointment, we will get in touch to see how you are and what would work better for you.'), [])
  assert.deepEqual(rules('If the person needs specialist help, you will help them get it.'), [])
})

test('a claim rejected by name, a fronted clause that ends at its comma', () => {
  assert.deepEqual(rules('Members rejected a proposal from the working group that peer workers should report medication concerns to the team.'), [])
  assert.deepEqual(rules('The board accepted a proposal from the team that peer workers should report medication concerns to the team.'), ['1:peer-reports-to-team'])
  assert.deepEqual(rules('The old idea that staff know best has no place in this service.'), [])
  assert.deepEqual(rules('The idea that staff know best is behind every plan we write.'), ['1:we-know-best', '1:staff-write-plan'])
  assert.deepEqual(rules('When we asked people what recovery means to them, very few talked about their diagnosis.'), [])
  assert.deepEqual(rules('If the consultant decides your goals, ask to see the plan.'), ['1:staff-decide-plan'])
})

test('a denied alternative ("not a patient or a client"), a meeting of the people themselves', () => {
  assert.deepEqual(rules('You are not a patient or a client here.'), [])
  assert.deepEqual(rules('Our peer service does not accept patients or clients under 18.').includes('1:patient'), true, 'a label is still used')
  assert.deepEqual(rules('Decisions about leave are made at the weekly MDT meeting.'), ['1:staff-make-decisions'])
  assert.ok(!rules('Decisions about the house are made at the weekly tenants\' meeting.').includes('1:staff-make-decisions'))
})

test('a name whose parts are joined by small words ("Patient and Public Involvement") names a body; a capitalised sentence start does not', () => {
  assert.deepEqual(rules('Our Patient and Public Involvement group helped design the study.'), [])
  assert.deepEqual(rules('Patients and Staff work together with the peer team.'), ['1:patient'])
})

test('a verb right after a comma shares the clause\'s subject; a name before the comma is in apposition', () => {
  assert.deepEqual(rules('Members help choose new staff, set the budget priorities and decide the holiday schedule.'), [])
  assert.deepEqual(rules('The team reviews the notes, sets the goals and tells the person.'), ['1:staff-decide-plan'])
})

test('an opening "As a peer worker," names who "you" is', () => {
  assert.deepEqual(rules('As a peer facilitator, you are the template for the group.'), ['1:peer-as-template'])
  assert.deepEqual(rules('As a tenant, you can be proof that the scheme works.'), [])
})

test('subjects read through quantifiers, relative clauses without "that", clefts with "rather than", place adverbs', () => {
  assert.deepEqual(rules('Many of the people we house cannot keep a tenancy.'), ['1:cannot-cope'])
  assert.deepEqual(frameRules('Many of the flats we rent cannot keep a tenancy.'), [])
  assert.deepEqual(rules('Our role is to make up for what the person cannot do.'), ['1:defined-by-cannot-do'])
  assert.deepEqual(rules('He has a long list of things he cannot do.'), ['1:defined-by-cannot-do'])
  assert.deepEqual(rules('There is nothing the residents cannot do with the right equipment.'), [])
  assert.deepEqual(rules('It is the key worker, rather than the resident, who chooses which groups the resident will join.'), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules('It is the resident, rather than the key worker, who chooses which groups to join.'), [])
  // The gerund after "capable of" is read with the whole subject ("Many service users"), so the frame finds it too.
  assert.deepEqual(rules('Many service users are simply not capable of making decisions.'), ['1:not-capable', '1:cannot-cope'])
  assert.deepEqual(rules('Peer work here is therapy.'), ['1:peer-support-as-treatment'])
  // A clause object about someone by a possessive ("your crisis"), put after a phrase or an adverb, or with a family as the person.
  assert.deepEqual(frameRules('Staff will decide when your crisis is over and tell you your leaving date.'), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules('Staff decide when their shift ends.'), [])
  assert.deepEqual(frameRules('In the mobile crisis program, the team decides after the visit what follow-up the person will get.'), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules('The team decided on Monday, when the person was away.'), [])
  assert.deepEqual(frameRules('Peer workers decide with their supervisor how much of their story they are comfortable sharing.'), [])
  // …and the person told the outcome is a finding of its own (a passive's retained object is what they are told).
  assert.deepEqual(frameRules('The clinician and officer decide together what happens next; the person is told the outcome.'), ['1:staff-decide-plan', '1:person-informed'])
  assert.deepEqual(frameRules('The consultant and the person decide together what happens next.'), [])
  assert.deepEqual(frameRules('Sione and his aiga worked out his plan together at a family fono.'), [])
  assert.deepEqual(frameRules('Whether a bereaved family is offered postvention support is decided by the coordinator.'), ['1:staff-decide-plan'])
  // Two rules on exactly the same words are one place told once: the phrase, before the frame (lacks-abilities reads the same clause).
  assert.deepEqual(rules('Despite three admissions, Ms Ryan still lacks insight into her eating disorder.'), ['1:lacks-insight'])
  assert.deepEqual(rules('Ms Ryan still lacks the confidence to cook for herself.'), ['1:lacks-abilities'])
})

test('a sentence whose rule matches were all the words in another sense is read by the second opinion', () => {
  // `inspiration` needs a person as its subject and does not count a peer lead as one; the second opinion reads the sentence.
  assert.deepEqual(frameRules('The peer lead is an inspiration to everyone who comes through the door.'), [])
  assert.deepEqual(rules('The peer lead is an inspiration to everyone who comes through the door.'), ['1:framing-role-model'])
  // Not where a match was dropped for its context: a quoted term in a training exercise stays a mention.
  assert.deepEqual(rules('Students will critique a job advert that asks for peers who "act as role models".'), [])
})

test('the writer\'s own ("my life"), a vote of the people, an owner named by "of", a phrasal verb split by a pronoun', () => {
  assert.deepEqual(rules('Some of the staff there changed my life.'), [])
  assert.deepEqual(rules('Some of the staff there changed his plan.'), ['1:staff-decide-plan'])
  assert.deepEqual(rules('Activity goals are set by the centre manager after a members\' vote.'), [])
  assert.deepEqual(rules('Activity goals are set by the centre manager.'), ['1:staff-decide-plan'])
  assert.deepEqual(rules('New members are encouraged to follow in the footsteps of the peer facilitators.'), ['1:follow-peer-path'])
  assert.deepEqual(rules('The new café follows in the footsteps of the old one.'), [])
  assert.deepEqual(rules('The illness pulls him back.'), ['1:illness-controls-person'])
})

test('a label inside the name of a body; a status ticked by a clinical condition; a bare "rate" is not a measure', () => {
  assert.deepEqual(rules('Connect people with the Psychiatric Patient Advocate Office on request.'), [])
  assert.deepEqual(rules('He was a Psychiatric Patient for years.'), ['1:mental-patient'])
  assert.deepEqual(rules('Tick Recovered when the person has had no symptoms and no admissions for a year.'), ['1:recovery-defined-by-measure'])
  assert.deepEqual(rules('People who have recovered are paid at the Tier 3 rate when they speak at training days.'), [])
})

test('a practice given up ("moves away from counting…"), an item of a negated list', () => {
  assert.deepEqual(rules('The strategy moves away from counting recovery by the number of discharges.'), [])
  assert.deepEqual(rules('We count recovery by the number of discharges.'), ['1:recovery-measured'])
  assert.deepEqual(rules('Peer supporters do not assess risk, write clinical notes or give advice on medication.'), [])
  assert.deepEqual(rules('Peer workers do not diagnose but write clinical notes.'), ['1:clinical-notes'])
})

test('a noun of quantity ("a small number of service users") and a partitive object ("most of the budget") keep their heads', () => {
  assert.deepEqual(rules('A small number of service users account for most of the crisis budget.'), ['1:people-as-cost'])
  assert.deepEqual(rules('A small number of new buildings account for most of the capital budget.'), [])
})

test('the noun a relative clause hangs from stands for the subject of "are" before it ("peer specialists are people our guests look up to")', () => {
  assert.deepEqual(rules('Our peer specialists are people our guests can look up to and copy.').length, 1)
  assert.deepEqual(rules('Our peer specialists are people our guests can talk to.'), [])
})

test('"her eating disorder" is one phrase headed by the disorder; "every part of her day" is headed by the day', () => {
  assert.deepEqual(rules('Her eating disorder controls every part of her day.'), ['1:illness-controls-person'])
  assert.deepEqual(rules('The new policy controls every part of the building.'), [])
})

test('"struggle to" / "fail to" before a task is a lack, as "rarely" is; of a structural barrier it is not', () => {
  assert.deepEqual(rules('People with a personality disorder typically struggle to keep relationships and jobs.'), ['1:cannot-cope'])
  assert.deepEqual(rules('Many tenants struggle to pay the rent since the benefit cap.'), [])
})

test('things that refuse or go mad, a practice proposed and turned down', () => {
  assert.deepEqual(rules('The photocopier keeps refusing to staple.'), [])
  assert.deepEqual(rules('He keeps refusing his medication.'), ['1:refused'])
  assert.deepEqual(rules('The crowd went mad when the home side scored.'), [])
  assert.deepEqual(rules('Local residents agitated for years for a pedestrian crossing.'), [])
  assert.deepEqual(rules('The board rejected a proposal to count recovery by the number of discharges.'), [])
  assert.deepEqual(rules('The board approved a proposal to count recovery by the number of discharges.'), ['1:recovery-measured'])
})

test('a list of subjects goes on before an of-phrase ("bedtimes and use of the lounge are decided by staff")', () => {
  assert.deepEqual(rules('Bedtimes and use of the lounge television are decided by staff.'), ['1:staff-decide-plan'])
  assert.deepEqual(rules('The rota and the layout of the lounge are decided by staff.'), [])
})

test('a quoted label that the sentence applies is a use ("mark a person as "recovered" when…"); quoted wording of others is not', () => {
  assert.deepEqual(rules('Staff mark a person as "recovered" when their score drops below the cut-off.'), ['1:recovery-measured'])
  assert.deepEqual(rules('Some services still call people "recovered" when their scores drop.'), [])
  assert.deepEqual(rules('The leaflet said that "recovery is measured by your score" and we changed it.'), [])
  assert.deepEqual(rules('The old practice of closing files as "recovered" once scores dropped has been abandoned.'), [])
  assert.deepEqual(rules('The practice of closing files as "recovered" once scores drop continues.'), ['1:recovery-defined-by-measure'])
})

test('a participle describing a noun is not something done to the person ("notify tenants of any planned works")', () => {
  assert.deepEqual(rules('The landlord will notify tenants of any planned works in the building.'), [])
  assert.deepEqual(rules('You will be told at your first appointment which groups you have been placed in.'), ['1:told-what-was-decided'])
})

test('"Discuss: what is wrong with…" and a role-play set out wording as an exercise', () => {
  assert.deepEqual(rules('Discuss: what is wrong with counting someone as recovered because their PHQ-9 fell below 10?'), [])
  assert.deepEqual(rules('In the role-play, one participant plays a worker who tells the person what their goals are.'), [])
})

test('an institution is not a person a label is said of ("the garden project has become a role model"), the people in it are', () => {
  assert.deepEqual(rules('The garden project has become a role model for other charities in the region.'), [])
  assert.deepEqual(rules('The locals think everyone at the hostel is mad.'), ['1:mad'])
})

test('staff-facing wording is not about the person: a line manager approving annual leave, an interview panel choosing candidates, access to a shared drive', () => {
  assert.deepEqual(rules('Annual leave requests are approved by your line manager through the online system.'), [])
  assert.deepEqual(rules('The interview panel will decide which candidates go through to the second stage.'), [])
  assert.deepEqual(rules('Access to the shared drive is at the discretion of the IT manager.'), [])
  assert.deepEqual(rules('Evening leave is at the discretion of the ward manager.'), ['1:staff-discretion'])
})

test('the law stated, criticism reported, a proposal turned down, a quiz item: none is the writer using the framing', () => {
  assert.deepEqual(rules('Under section 17 of the Mental Health Act 1983, leave for a detained person is granted by the responsible clinician.'), [])
  assert.deepEqual(rules('Leave is granted by the responsible clinician.'), ['1:staff-grant-privilege'])
  // The statute's capacity words are its own; the same words about a person are a finding.
  assert.deepEqual(rules('If a person is found incapable of a treatment decision, a substitute decision-maker decides under the Health Care Consent Act, 1996.'), [])
  assert.ok(rules('Residents are incapable of managing a budget.').length > 0)
  assert.deepEqual(rules('Critics of the payment-by-results contract point out that it rewards providers for counting abstinence as recovery.'), [])
  // An audit that counts the records where a practice was found reports it.
  assert.deepEqual(rules('In 43 records the goals were written by the care coordinator before the review.'), [])
  assert.deepEqual(rules('In 2024 the goals were written by the care coordinator before the review.'), ['1:staff-write-plan'])
  assert.deepEqual(rules('The steering group turned down a proposal to let staff choose students\' goals for the outcome form.'), [])
  assert.deepEqual(rules('True or false: a peer worker\'s main job is to help people take their medication.'), [])
  assert.deepEqual(rules('Quiz, question 4: True or false? A peer worker should tell the nurse in charge if a resident misses their medication.'), [])
  assert.deepEqual(rules('The sale of the old chapel was a lost cause once the survey came back.'), [])
  assert.deepEqual(rules('Nobody here is a lost cause.'), [])
  assert.deepEqual(rules('We run a house where nobody is called a patient.'), [])
  assert.deepEqual(rules('The unit is not a place where people are taught to be good patients.'), [])
  assert.deepEqual(rules('This is not a ward where patients are ignored.'), ['1:patient'])
  assert.deepEqual(rules('He is a lost cause, and nobody can help him.'), ['1:lost-cause'])
  // A status counted is no law speaking; a right stated about the same status is.
  assert.deepEqual(rules('The nearest relative can ask for a patient detained under section 3 to be discharged by giving 72 hours\' notice.'), [])
  assert.deepEqual(rules('The number of patients detained under section 3 rose again.'), ['1:patient'])
})

test('an official measure reported by its owner\'s definition is reported, not adopted; the service\'s own definition is a finding', () => {
  assert.deepEqual(rules('Our service\'s recovery rate, as NHS England defines it, was 51% last year.'), [])
  assert.deepEqual(rules('In the national dataset a referral counts as recovered if both scores end below the cut-offs.'), [])
  assert.deepEqual(rules('Our service\'s recovery rate was 51% last year.'), ['1:recovery-targets'])
  assert.deepEqual(rules('Recovery, as our service defines it, is a PHQ-9 score under 10.'), ['1:recovery-means-measure'])
  assert.deepEqual(rules('Reliable improvement means a person\'s score fell by more than the questionnaire\'s measurement error.'), [])
})

test('a gerund subject denied as a practice ("Watching for relapse is not the peer worker\'s job"), not merely judged ("is not easy")', () => {
  assert.deepEqual(rules('Watching for relapse is not the peer worker\'s job.'), [])
  assert.deepEqual(rules('Fixing people is not what we do.'), [])
  assert.deepEqual(rules('Managing clients is not easy.').length > 0, true)
})

test('a practice stopped, a review\'s finding, a claim said to do harm, a glossary entry, a label refused: the framing is not the writer\'s', () => {
  assert.deepEqual(rules('We stopped counting people as recovered at discharge years ago.'), [])
  assert.deepEqual(rules('The review found the youth service had been counting recovery by symptom scores alone.'), [])
  assert.deepEqual(rules('The idea that recovery means no more voices has done enormous harm.'), [])
  assert.deepEqual(rules('Drug-seeking: a term found in many clinical records, now discouraged because it assumes bad faith.'), [])
  assert.deepEqual(rules('Carers told the reporter they are tired of being called a burden on services.'), [])
  assert.deepEqual(rules('The service counts recovery by symptom scores alone.'), ['1:recovery-measured'])
})

test('a practice stopped by those who did it, a label refused, a task denied, a naming judged: not the writer\'s framing', () => {
  for (const text of [
    'We have stopped setting goals for people; every goal here is written in the person\'s own words.',
    'The board agreed that staff would stop overriding people\'s own ratings on the outcome tool.',
    'She refuses to be anybody\'s success story.',
    'It isn\'t the peer worker\'s place to correct anyone\'s beliefs about their own experience.',
    'Staff here don\'t get to call anyone a lost cause.',
    'No student at the college is described as non-compliant.',
    'Calling a person a burden on their family says more about the support they lacked.'
  ]) assert.deepEqual(rules(text), [], text)
  // The same words where the practice goes on, or a person stops something in their own life.
  for (const text of [
    'The team sets the goals for each resident.',
    'She refuses her medication most mornings.',
    'It is our job to fix students.',
    'Staff call him a lost cause.',
    'Students are described as non-compliant in the college record.',
    'Recovery cannot be counted until the person has stopped using all substances.'
  ]) assert.ok(rules(text).length > 0, text)
})

test('a learning activity around the wording is a mention; a sentence-initial -ing word is a doing, not a name', () => {
  for (const text of [
    'Ask the group: if recovery is measured by fewer admissions, whose recovery is it?',
    'In the video the nurse says the patient lacks insight; learners are asked to name another explanation.',
    'Trainees read a discharge letter that counts recovery by BMI alone and discuss what it leaves out.',
    'The slide lists three ways services describe families (codependent, enabling, over-involved) and asks what each one assumes.',
    'Fundraising is a burden for small charities.'
  ]) assert.deepEqual(rules(text), [], text)
  for (const text of [
    'In the group, the peer facilitator sets out her five steps to wellness and members are asked to try each one.',
    'Families describe their son as codependent.',
    'Grace is living proof that recovery happens.',
    'He is a burden on his family.'
  ]) assert.ok(rules(text).length > 0, text)
})

test('a bold line of its own is a heading set by hand: it names its section, as a "#" heading does', () => {
  assert.deepEqual(rules('Intro.\n\n**4. Relapse signature and early warning signs**\n\nText.'), [])
  assert.deepEqual(rules('Intro.\n\n## 4. Relapse signature and early warning signs\n\nText.'), [])
  // Bold words inside a sentence, or a bold sentence, are still read.
  assert.deepEqual(rules('Intro.\n\nWe write a **relapse signature** with each person.'), ['3:relapse-prevention'])
  assert.deepEqual(rules('Intro.\n\n**Staff must write a relapse signature for each person.**'), ['3:relapse-prevention'])
  // A heading naming a process is the policy's subject; an identity label in one is still a finding.
  assert.deepEqual(rules('Intro.\n\n## 4. Disengagement\n\nText.'), [])
  assert.deepEqual(rules('Intro.\n\n## Schizophrenics in the community\n\nText.'), ['3:schizophrenic'])
})

test('a sentence opening with he, she or they reads its subject from the person the sentence before opened with', () => {
  assert.deepEqual(frameRules('The care coordinator meets you within a week. She will set your recovery goals at that meeting.'), ['1:staff-decide-plan'])
  // Pronoun sentences in a row share the antecedent; a sentence that opens otherwise ends it.
  assert.deepEqual(frameRules('The consultant leads the ward round. She is new this year. She decides your discharge date.'), ['1:staff-decide-plan'])
  // Agreement: "she" cannot stand for a plural; "they" can stand for one person or many.
  assert.deepEqual(frameRules('The consultants lead the ward round. She decides your discharge date.'), [])
  // Only a person opens the sentence before: a building, a fronted clause, or the person themselves are no staff.
  assert.deepEqual(frameRules('The new building opened in May. They decide your discharge date.'), [])
  assert.deepEqual(frameRules('When the consultant arrives, the ward is busy. She decides your discharge date.'), [])
  assert.deepEqual(frameRules('Residents meet their key worker each week. They decide their own goals and the plan.'), [])
  // Within one paragraph only.
  assert.deepEqual(frameRules('The consultant leads the ward round.\n\nShe decides your discharge date.'), [])
})

test('a frame slot introducedBy asks for a condition before the staff clause; notOwner leaves the person\'s own consent alone', () => {
  assert.deepEqual(frameRules('Aroha can join the art group once her keyworker agrees.'), ['1:waits-on-staff-say-so'])
  assert.deepEqual(frameRules('Her keyworker agrees, and Aroha can join the art group.'), [])
  assert.deepEqual(frameRules('Residents need approval from staff before they go out.'), ['1:staff-permission'])
  assert.deepEqual(frameRules('Staff need the resident\'s agreement before they share anything.'), [])
})

test('a quiz\'s lettered options under their stem are set out to be weighed; a policy\'s lettered clauses are not options', () => {
  assert.deepEqual(rules('The best first step is to:\n\n- A. note that he is non-compliant with his plan\n- B. call him and ask how things are going'), [])
  assert.deepEqual(rules('The notes say:\n\n- he is non-compliant with his plan'), ['3:non-compliant'])
})

test('an answer to a question about recovery says what recovery is: a clinical measure there defines it', () => {
  assert.deepEqual(frameRules('How will I know I have recovered? Your worker checks your questionnaire scores each month.'), ['1:recovery-defined-by-measure'])
  assert.deepEqual(frameRules('Q: How do we know someone has recovered? A: When the clinical measures say so.'), ['1:recovery-defined-by-measure'])
  // The question alone on the line before is an FAQ's question too (as a heading or bold line is).
  assert.deepEqual(frameRules('How will I know I have recovered?\n\nYour worker checks your questionnaire scores each month.'), ['3:recovery-defined-by-measure'])
  // The person's own answer, an answer a paragraph further on, a question about something else: nothing to read.
  assert.deepEqual(frameRules('How will I know I have recovered? Only you can say; your peer worker will ask what matters to you.'), [])
  assert.deepEqual(frameRules('How will I know I have recovered?\n\nIt differs for everyone.\n\nYour worker checks your questionnaire scores each month.'), [])
  assert.deepEqual(frameRules('Is the group free? Yes, and the sessions are on Tuesdays.'), [])
})

test('an answer "By …ing" to a how-question is what the question\'s person does', () => {
  assert.deepEqual(frameRules('How does the peer mentor support people? By reinforcing the homework the therapist has set.'), ['1:peer-reinforces-treatment'])
  assert.deepEqual(frameRules('## How does a peer mentor help?\n\nBy reinforcing the homework the therapist has set.'), ['3:peer-reinforces-treatment'])
  // The answer read alone, a how-question about no person, an answer that is not "By …ing": nothing to read into.
  assert.deepEqual(frameRules('By reinforcing the homework the therapist has set.'), [])
  assert.deepEqual(frameRules('How does the course work? By reinforcing the homework the therapist has set.'), [])
  assert.deepEqual(frameRules('How does the peer mentor support people? The homework the therapist has set is reinforced.'), [])
})

test('a question that fronts its object: the phrase after "which" or "what" is the object of the verb after the subject', () => {
  assert.deepEqual(frameRules('Which of your own recovery steps will you teach the guests this week?'), ['1:peer-teaches-path'])
  assert.deepEqual(frameRules('What goals does the care coordinator set for each resident?'), ['1:plans-written-for'])
  // "what" as the subject, a question about a thing, the person choosing.
  assert.deepEqual(frameRules('What worked for one person will not necessarily work for another.'), [])
  assert.deepEqual(frameRules('What time does the care coordinator start?'), [])
  assert.deepEqual(frameRules('Which goals will you choose for yourself this term?'), [])
})

test('peer text: a short text, or a longer one that speaks of peer work three times across it; a clinic\'s page naming its peer worker once, or in one paragraph, is not', () => {
  const filler = Array.from({length: 40}, (_, i) => `Paragraph ${i} says when the clinic is open and how to book an appointment.`).join('\n\n')
  assert.ok(isPeerText('Every patient is offered an appointment.'), 'a sentence being tried is read as peer text')
  assert.ok(filler.length > 2500)
  assert.equal(isPeerText(`${filler}\n\nA peer support worker joins the team on Fridays.`), false)
  assert.equal(isPeerText(`${filler}\n\nA peer support worker and a lived experience lead join the team.`), false)
  // Three mentions in one paragraph of a clinic's report (an inspection's note on its peer worker) are not its subject.
  assert.equal(isPeerText(`${filler}\n\nA peer support worker, a peer mentor and a lived experience lead join the team.`), false)
  assert.ok(isPeerText(`Our peer support workers are here for you.\n\n${filler}\n\nA peer mentor and a lived experience lead join the team.`))
  // Through the review: "patient" is the clinic's ordinary word until peer work is one of the page's subjects.
  const page = (extra: string, title = 'Our clinic') => rules(`# ${title}\n\nOur patients can book a longer appointment.\n\n${filler}\n\n${extra}\n`).filter((r) => r.endsWith(':patient'))
  assert.deepEqual(page('A peer support worker joins the team on Fridays.'), [])
  assert.deepEqual(page('Peer support workers, peer mentors and a lived experience lead join the team.'), [])
  assert.deepEqual(page('Peer support workers, peer mentors and a lived experience lead join the team.', 'Our clinic and its peer team'), ['3:patient'])
})

test('a table whose header sets out wording to avoid is wording discussed; another table\'s cells are used', () => {
  const guide = '# Our words\n\n| We no longer say | Why | What we say instead |\n|---|---|---|\n| a schizophrenic | a diagnosis as identity | a person with a diagnosis of schizophrenia |\n| committed suicide | suggests a crime | died by suicide |\n'
  assert.deepEqual(rules(guide), [])
  const data = '# Caseload\n\n| Team | Notes |\n|---|---|\n| North | two residents committed suicide last year |\n'
  assert.deepEqual(rules(data), ['5:committed-suicide'])
})

test('a word a document shows its community reclaiming is its own word throughout that document (reclaimedIn)', () => {
  const festival = '# Harbour Mad Pride 2025: Mad Together\n\nA week of art and protest made by survivors, mad folks and their friends.\n'
  assert.deepEqual(rules(festival), [])
  // The same words in a document that shows no reclaiming are a put-down.
  assert.deepEqual(rules('# Harbour festival 2025\n\nA week of art made by survivors, mad folks and their friends.\n'), ['3:mad'])
})

test('a quotation spoken by the service\'s own peer worker is the document\'s voice, named before the role or after it', () => {
  assert.deepEqual(rules('"Do what I did and you will get there too," says Darnell, our peer recovery coach.'), ['1:what-worked-for-me'])
  assert.deepEqual(rules('"Do what I did and you will get there too," says peer worker Dean.'), ['1:what-worked-for-me'])
  assert.deepEqual(rules('"Do what I did and you will get there too," says Aroha, who came to the group last year.'), [])
})

test('a peer role\'s description reads its duties with the role as their subject; another document\'s lists do not', () => {
  const duties = '\n\n## Key responsibilities\n\n- Monitor each resident\'s medication.\n- Assist with observations when the ward is short-staffed.\n- Listen, and explore with each person what matters to them.\n'
  assert.deepEqual(rules(`# Position description: Peer Support Worker${duties}`), ['5:peer-monitors', '6:peer-does-clinical-task'])
  assert.deepEqual(rules(`# Ward information for visitors${duties}`), [])
})

test("a role's description reads its duty list with the role as subject: a peer role's and a staff role's; other documents do not", () => {
  const duties = (title: string) => `# ${title}\n\n## Main duties\n\n- Decide when a patient is ready to be discharged back to the GP.\n- Keep accurate records.\n`
  assert.deepEqual(frameRules(duties('Primary Care Mental Health Practitioner: job description')), ['5:staff-judge-readiness'])
  assert.deepEqual(frameRules(duties('Peer Support Worker: role description')), ['5:staff-judge-readiness'])
  // No role named in the title, or no sign the document describes a job: the item is not read with a role as its subject,
  // but as an imperative to the worker reading it (frames/imperative.ts), which names a patient: staff judge readiness.
  assert.deepEqual(frameRules(duties('Discharge checklist')), ['5:staff-judge-readiness'])
  assert.deepEqual(frameRules('# Primary Care Mental Health Practitioner\n\n- Decide when a patient is ready to be discharged back to the GP.\n'), ['3:staff-judge-readiness'])
  // An item that is no imperative, in a document that is no role's description, has no subject at all.
  assert.deepEqual(frameRules('# Discharge checklist\n\n- decide when a patient is ready to be discharged back to the GP.\n'), [])
})

test('an official standard stated is reported, not adopted; a service using it as its own measure of recovery is not', () => {
  assert.deepEqual(rules('The national standard is that at least half of these people move to recovery.'), [])
  assert.deepEqual(rules('Our target is that at least half of the people we see move to recovery.'), ['1:recovery-targets'])
  // The second opinion too: a named access standard is the law of waiting times, not a view of the person.
  assert.deepEqual(rules('NHS England\'s access standard for early intervention in psychosis asks that at least 60% of people referred start treatment within two weeks.'), [])
  assert.deepEqual(rules('Recovery outcomes for the board are drawn entirely from the psychological therapies waiting times standard and from readmission rates.'), ['1:recovery-targets'])
})

test('the federal or state rules stated are the law speaking, as an Act is', () => {
  assert.deepEqual(frameRules('Under the federal rules, take-home doses at an opioid treatment program are decided by the program\'s practitioner.'), [])
  assert.deepEqual(frameRules('Take-home doses at our program are decided by the practitioner.'), ['1:staff-decide-plan'])
})

test('a relative clause that stops ("who stops coming") describes the person; a practice the writer stops is given up', () => {
  assert.deepEqual(frameRules('A young person who stops coming to appointments is usually too unwell to see that they need us.'), ['1:too-unwell-to'])
  assert.deepEqual(rules('People whose scores fall below the cut-off and who then stop attending are closed as recovered.'), ['1:discharged-as-recovered'])
  assert.deepEqual(frameRules('We stopped calling people unmotivated.'), [])
})

test('a meeting named after a statute is a time, not the law speaking; the statute stated still is', () => {
  assert.deepEqual(frameRules('At the Care Act review, the social worker chose the outcomes Mr Doherty would work towards.'), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules('Under the Care Act 2014, the local authority decides whether a person has eligible needs and sets the care plan.'), [])
})

test('an FAQ answer is read against the question in the heading or line before it, though the review parses the answer alone', () => {
  const faq = '### Can I choose my peer worker?\n\nPeer workers are allocated by the team leader each Monday.\n'
  assert.deepEqual(frameRules(faq), ['3:choice-answered-for-person'])
  assert.deepEqual(frameRules('**Can I change my goals?**\nNo. Your care coordinator will decide whether to update the plan.\n'), ['2:choice-answered-for-person'])
  // A question that is not the person's choice, or a Yes, is no such answer.
  assert.deepEqual(frameRules('### Where do I park?\n\nSpaces are allocated by the site manager.\n'), [])
  assert.deepEqual(frameRules('### Can I choose my peer worker?\n\nYes. Tell us who you would prefer, and the team leader will arrange it.\n'), [])
})

test('an answer under a heading that asks about recovery is read as what recovery means, as on the question\'s own line', () => {
  const faq = '## How will I know when I have recovered?\n\nYour care coordinator checks your questionnaire scores each month and tells you when they are low enough.\n'
  assert.deepEqual(frameRules(faq), ['3:recovery-defined-by-measure'])
  assert.deepEqual(frameRules('How will I know when I have recovered? Your care coordinator checks your questionnaire scores each month.'), ['1:recovery-defined-by-measure'])
  // A heading that asks something else leaves the answer a plain sentence.
  assert.deepEqual(frameRules('## How often will we meet?\n\nYour care coordinator checks your questionnaire scores each month and tells you when they are low enough.\n'), [])
})

test('a peer worker the document introduces by name is read as a peer wherever the name stands alone; others stay people', () => {
  const leaflet = (intro: string) => `# In-reach team\n\n${intro}\n\nDeclan will also keep an eye on whether you are collecting your medication and tell the nurses if you are not.\n`
  assert.ok(frameRules(leaflet('## Declan, our peer support worker')).includes('5:peer-informs-staff'))
  assert.ok(frameRules(leaflet('Declan is our peer mentor on the landings.')).includes('5:peer-informs-staff'))
  assert.deepEqual(frameRules(leaflet('Declan is a prison officer on the landings.')).filter((r) => r.startsWith('5:')), [])
})

test("a peer role's advert speaks to the peer worker: its 'you' is the peer even where no one else is named", () => {
  const advert = (title: string) => `---\ntitle: ${title}\n---\n\n## About the role\n\nYou will let the care coordinator know straight away if someone stops taking their tablets.\n`
  assert.ok(frameRules(advert('Peer Support Worker - Job Advert')).includes('7:peer-lets-staff-know'))
  assert.deepEqual(frameRules(advert('Service user handbook')), [])
})

test("a rating scale's one-word label ('Exceeds:', 'Meets:') is not the duty's subject; the role is", () => {
  const guide = '---\ntitle: Annual Performance Review - Guide for Peer Roles\n---\n\n## Rating examples\n\n- Exceeds: regularly walks participants through the exact steps of the specialist\'s own recovery.\n- Meets: listens and asks what the person wants from the week.\n'
  assert.deepEqual(frameRules(guide), ['7:peer-teaches-path'])
})

test('gapping: a second conjunct that leaves the verb unsaid is read with the first clause, and the condition after its comma too', () => {
  assert.ok(frameRules('The referral is recorded as resolved, and the tenant as recovered, once their PHQ-9 falls below 10.').includes('1:recovery-status-by-condition'))
  assert.deepEqual(frameRules('The referral is recorded as resolved, and the notes as complete, once both people have signed.'), [])
})

test("'not … until' a measure is a rule the service applies; 'until they say so' leaves it to the person and still rejects", () => {
  assert.ok(rules('A member is not classed as recovered until the screening score is under threshold.').includes('1:discharged-as-recovered'))
  assert.deepEqual(rules('Nobody is classed as recovered until they say so themselves.'), [])
  assert.deepEqual(rules('We do not mark anyone as recovered unless they tell us they are.'), [])
})

test('counts of detentions under an Act are counts; a document part named "Section 6 of the … report" is no statute; "It sets out…" after a statute is the law', () => {
  assert.ok(rules('Recovery in the project is evidenced by fewer detentions under the Mental Health Act.').length > 0)
  assert.ok(frameRules('Section 6 of the tribunal report sets out the goals the team has chosen for the person.').includes('1:plans-written-for'))
  assert.deepEqual(frameRules('The Assisted Decision-Making (Capacity) Act 2015 was commenced in 2023. It sets out supports for people who want help with decisions.'), [])
})

test("a short label naming a peer role lends its duties the peer as subject ('Peer role: …'); another label does not", () => {
  assert.ok(frameRules('- Peer role: reinforce the importance of medication at every visit.\n').includes('1:peer-pushes-treatment'))
  assert.deepEqual(frameRules('- Peer role: listen, and ask what the person wants from the week.\n'), [])
  assert.deepEqual(frameRules('- Pharmacist role: reinforce the importance of medication at every visit.\n'), [])
})

test("the person's word set aside (', not what they say', 'rather than letting them choose', 'even if they say') gives them no say; their own word still does", () => {
  assert.ok(frameRules('Recovery is judged by the score, not by what the person says.').includes('1:recovery-measured'))
  assert.ok(frameRules('Goals are set by the team, not chosen by the person.').includes('1:staff-decide-plan'))
  assert.ok(frameRules('The team sets goals rather than letting the person choose.').includes('1:staff-decide-plan'))
  assert.deepEqual(frameRules('Recovery is judged by what the person says.'), [])
  assert.deepEqual(frameRules('The team sets the goals that the person chooses.'), [])
  // A measure set aside is not what recovery is measured by; a person set aside is still who the clause is about.
  assert.deepEqual(frameRules('Recovery is defined by the person, not by a score.'), [])
  assert.ok(frameRules('It is for the clinical team, not the tenant, to say when support hours can come down.').includes('1:matter-for-staff'))
})

test("a gerund subject denied with a contracted verb ('isn't the goal') and 'does not make you a burden' reject the words", () => {
  assert.deepEqual(rules("Being symptom-free isn't the goal here."), [])
  assert.ok(rules('Being symptom-free is the goal of the programme.').length > 0)
  assert.deepEqual(rules('Asking for help does not make you a burden.'), [])
  assert.ok(rules('Needing this much help makes you a burden on the team.').length > 0)
})

test("'whose' stands for the noun before it as a frame's owner; a professional's decision about the person 'is final'", () => {
  assert.ok(frameRules('The care coordinator, whose decision on discharge is final, meets the person monthly.').includes('1:staff-decision-final'))
  assert.deepEqual(frameRules('The tenant, whose decision on the move is final, meets the housing officer monthly.'), [])
})

test("'in person' names no one; a document avoiding the words, or not recording people as them, rejects them", () => {
  assert.deepEqual(rules('Whether the board meets online or in person is decided by the chair.'), [])
  assert.ok(frameRules('Whether the person moves on is decided by the chair.').length > 0)
  assert.deepEqual(rules('The evaluation avoids deficit measures and asks what people can do and want to do.'), [])
  assert.deepEqual(rules('People who stop using the app are not failures, and we do not record them as non-engaging.'), [])
  assert.ok(rules('We record them as non-engaging after two missed sessions.').length > 0)
})

test("a term set beside its counterpart in the same paragraph is explained ('clinical recovery' … 'personal recovery'); alone it is used", () => {
  assert.deepEqual(rules('Services often talk about clinical recovery: fewer admissions, a score under a cut-off. Personal recovery is about a life that has meaning for you.'), [])
  assert.ok(rules('Services often talk about clinical recovery: fewer admissions, a score under a cut-off.\n\nPersonal recovery is about a life that has meaning for you.').includes('1:clinical-recovery'))
  assert.ok(rules('Our main outcome is clinical recovery at twelve weeks.').includes('1:clinical-recovery'))
})

test("'X is the one (the person) who decides' reads X as the one who acts; a bare 'people who' after a copula does not", () => {
  assert.ok(frameRules('The nurse is the one who sets the goals of the care plan.').includes('1:staff-decide-plan'))
  assert.ok(frameRules('The consultant is the person who decides the goals.').includes('1:staff-decide-plan'))
  assert.deepEqual(frameRules('You are the one who decides your goals.'), [])
  assert.ok(frameRules("The project's target group is people who are unable to look after themselves.").includes('1:cannot-cope'))
})

test("a role denied of everyone ('There are no patients here'), and wording described ('wording that casts a person as a patient'), are no use of the label", () => {
  assert.deepEqual(rules('There are no patients or clinicians in the classroom.'), [])
  assert.deepEqual(rules('Notice wording that casts a person as a patient, a problem or a case.'), [])
  assert.ok(rules('Staff treat people as patients.').includes('1:patient'))
})

test("'Tell us what is wrong with the person' asks for the words, and is a finding; 'tell us what you cannot do' leaves them to the person", () => {
  assert.ok(rules('Then tell us what is wrong with the person.').includes('1:what-is-wrong-with'))
  assert.ok(rules('The referrer should tell us what is wrong with the person.').includes('1:what-is-wrong-with'))
  assert.deepEqual(rules('Tell us what you cannot do at the moment and we will find a way round it.'), [])
  assert.deepEqual(rules('The ward staff told us she was attention seeking.'), [])
})

test("a capitalised medicine is no person's name; 'not … while still unwell' is a rule the service applies", () => {
  assert.deepEqual(rules('Olanzapine can cause weight gain, so weight should be checked with the GP at about 12 weeks.'), [])
  assert.ok(frameRules('We do not consider Ms Zhou ready for the recovery phase of the pathway while she is still acutely unwell.').includes('1:staff-judge-readiness'))
  assert.deepEqual(frameRules('We do not consider anyone ready or unready for the course; you decide.'), [])
})

test("work handed out among workers or bases is workload (a frame's unlessPrep), not the person's plan decided; a second verb's phrase is not", () => {
  assert.deepEqual(frameRules('The team leader allocates referrals to the peer workers.'), [])
  assert.deepEqual(frameRules('The team decides how new referrals are shared between the north and south bases.'), [])
  assert.ok(frameRules('The care coordinator decides your goals and sends them to the peer worker.').includes('1:staff-decide-plan'))
  assert.ok(frameRules('Whether a person goes home is settled between the doctors and the bed manager.').includes('1:staff-decide-plan'))
  assert.ok(frameRules('The evaluation team settled which outcomes mattered to service users.').includes('1:staff-decide-plan'))
})

test("an answer opening with 'As' finishes the question's passive ('How is peer support delivered? As a structured intervention.')", () => {
  assert.ok(frameRules('How is peer support delivered in the refugee service? As a structured intervention, with a fixed number of sessions.').includes('1:peer-support-as-treatment'))
  assert.deepEqual(frameRules('How is peer support delivered here? As a conversation between equals, on your terms.'), [])
  assert.deepEqual(frameRules('How are rooms booked? As a block, through reception.'), [])
})

test("a bare participle of a verb of telling is a note's passive ('Patient informed of decision'); 'keep the coach informed' is not", () => {
  assert.ok(frameRules('Leave cancelled at ward round. Ms Reid informed of the decision.').includes('1:person-informed'))
  assert.ok(frameRules('Plan agreed by the team and Ms Reid notified.').includes('1:decided-then-told'))
  assert.deepEqual(frameRules("Keep your student's recovery coach informed about big changes at home."), [])
  assert.deepEqual(frameRules('I told my sister about the move.'), [])
})

test("a relative word skips an aside with a clause of its own ('It is the consultant, not what the person wants, who decides')", () => {
  assert.ok(frameRules('It is the consultant, not what the person wants, who decides the plan.').includes('1:staff-decide-plan'))
  assert.deepEqual(frameRules('It is the person, not what the team wants, who decides the plan.'), [])
})

test("a job description's 'Role summary:' names the post, so its duties stay the peer's; an 'Assessment summary:' is the person's", () => {
  const jd = '# Peer Support Worker: job description\n\n## Main duties\n\n- Role summary: reinforce the prescriber\'s messages about medication with the people you support.\n'
  assert.ok(frameRules(jd).includes('5:peer-carries-staff-message'), frameRules(jd).join(' '))
  assert.ok(frameRules('Assessment summary: cannot cook, cannot budget, cannot keep appointments.').some((r) => r.endsWith(':cannot-cope')))
})

test("a question's options are who acts only when the sentence itself asks ('Who signs off…: A or B?'), not a later sentence", () => {
  const question = "Who at the night shelter signs off a guest's goals: the duty manager or the project lead?"
  assert.deepEqual(frameRules(`${question} Ask at the desk.`), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules(`${question.slice(0, -1)}. Is that clear?`), [])
})

test("a person's consent governs only its own clause; a negated record is rejected only before 'as'", () => {
  assert.deepEqual(frameRules('With your permission, we will involve your family in planning your care.'), [])
  assert.deepEqual(frameRules('If you agree, we will share the plan with your GP, and the consultant will decide your goals.'), ['1:staff-decide-plan'])
  assert.deepEqual(frameRules('When they ask for leave, the consultant decides whether residents can go.').length > 0, true)
  assert.deepEqual(rules('A missed appointment is never recorded as a refusal of treatment.'), [])
  assert.ok(rules('The night team did not record that Mr Hayes refused his depot injection.').some((r) => r.endsWith(':refused')))
})

test('the law\'s test "a danger to themselves or others" is the law speaking; "a danger to staff" is a judgement', () => {
  assert.deepEqual(rules('Under the Mental Health Act, a person can be detained if they are a danger to themselves or others.'), [])
  assert.ok(rules('Under the Mental Health Act, people are often detained; they are a danger to staff and cannot be trusted.').length > 0)
})

test("a one-word glossary term ('**Disengagement:** no contact for 28 days') is a mention; what the entry says is still read", () => {
  assert.deepEqual(rules('- **Disengagement:** no contact with the service for 28 days despite two attempts.'), [])
  assert.ok(rules('Disengagement is rising on the ward.').some((r) => r.endsWith(':non-engaging')))
  // A label whose colon sits inside the emphasis heads its paragraph; the sentence after it is still read.
  assert.ok(rules('**Speaker notes:** when someone sees how the peer worker got out of hospital, they have a plan they can copy.').length > 0)
})
