import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Fifty-first round: mechanisms read on new tuning sets (LGBTQ+, Deaf and minority-community services; bereavement,
// self-harm aftercare and trauma; social prescribing, carers and day services; advocacy, complaints and involvement)
// and their documents. Each test pairs a sentence a mechanism now reads with one it must leave alone.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)
// The rules' findings only: the second opinion (framing-*) moves with each retraining, the mechanisms tested here do not.
const rules = (text: string) => ids(text).filter((id) => !id.startsWith('framing-'))

test('a coordinated verb shares the subject across a "before" phrase; "meets you" reads "meets" as a verb', () => {
  assert.ok(ids('A facilitator meets you for a cuppa before your first group and decides whether you are ready for the group.').includes('staff-judge-readiness'))
  assert.ok(ids('A facilitator meets you and decides whether you are ready for the group.').includes('staff-judge-readiness'))
  assert.deepEqual(rules('Before your first visit we call you and explain the house rules.'), [])
})

test('a meeting decides as staff do, unless it is the people\'s own', () => {
  assert.ok(ids('Which group Aoife joins is settled at the weekly link-worker huddle.').includes('staff-decide-plan'))
  assert.deepEqual(rules('Decisions about the garden are made at the residents\u2019 meeting.'), [])
})

test('an it-cleft\'s focus is the object of the verb after "that"; a subject cleft is still the subject', () => {
  assert.ok(ids("It's Aisling's way of getting through her son's inquest that we want every bereaved mother to follow.").includes('copy-someones-ways'))
  assert.ok(ids('It is the consultant that decides your goals.').includes('staff-decide-plan'))
})

test('the doers\' own arrangement is theirs; a pronoun that may be someone named before is not', () => {
  assert.deepEqual(rules('Advisors choose which projects they join and may step back at any time.'), [])
  assert.ok(ids('When residents arrive, staff decide which groups they attend.').includes('staff-decide-plan'))
})

test('a that-clause after a short time phrase is still the checking verb\'s object', () => {
  assert.ok(ids('Reception staff check at each visit that patients prescribed antipsychotics are still taking them, and let their GP know if they have stopped.').includes('adherence-checked'))
  assert.deepEqual(rules('Staff check at each visit that the room is clean.'), [])
})

test('"confirm" takes a clause object: a check on medication for the team is adherence checking', () => {
  assert.ok(ids('Your job coach will call your care team each month to confirm you are taking your medication and keeping your appointments.').includes('adherence-checked'))
  assert.deepEqual(rules('Please confirm that you have read the policy.'), [])
})

test('a practice ended, or a proposal turned down, read from the frame\'s verb; a negated decider denies the measure', () => {
  assert.deepEqual(rules('Our Deaf peer workers turn down requests to check whether members are taking their medication.'), [])
  assert.deepEqual(rules('Board minutes: the proposal for peer workers to rate suicide risk was turned down as outside the peer role.'), [])
  assert.deepEqual(rules('We have ended the practice of asking lived experience workers to check people\u2019s wounds on home visits.'), [])
  assert.ok(ids('Peer workers check whether members are taking their medication.').includes('peer-monitors'))
  assert.deepEqual(rules('We do not count anyone as recovered, and no score on any scale decides whether someone has moved on.'), [])
  assert.ok(ids('The PHQ-9 score decides whether someone is counted as recovered.').includes('recovery-defined-by-measure'))
})

test('words said of things as often as of people count as recovery only of a person', () => {
  assert.ok(ids('Carers\u2019 wellbeing service: a carer is back on an even keel once their stress score is under the cut-off.').includes('recovery-defined-by-measure'))
  assert.ok(ids('Residents are doing well when their scores are below the cut-off.').includes('recovery-defined-by-measure'))
  assert.ok(!ids('The project is doing well when attendance is above 80 per cent.').includes('recovery-defined-by-measure'))
  assert.ok(!ids('The referral is recorded as resolved, and the notes as complete, once both people have signed.').includes('recovery-status-by-condition'))
})

test('a critique question as the next sentence, a role-play label and trainees critiquing set the wording out', () => {
  assert.deepEqual(rules('Case study: a grief counsellor decides when a widow is ready for the group. What would you do differently?'), [])
  assert.ok(ids('The counsellor decides when a widow is ready for the group. What else can we offer?').includes('staff-judge-readiness'))
  assert.deepEqual(rules('Role-play: one trainee plays a link worker who has already chosen an activity for the person; the group discusses what went wrong.'), [])
})

test('phoning is not labelling; a label written about the writer is theirs to report', () => {
  assert.ok(ids('Some people who call us in the first weeks are still in denial.').includes('in-denial'))
  assert.deepEqual(rules('Every letter about me used to say non-compliant; these days I sit on the panel that rewrites those letters.'), [])
})

test('an obligation lifted is no inability; engagement made the condition of a place is a finding', () => {
  assert.deepEqual(rules('You do not have to manage this on your own.'), [])
  assert.ok(ids('Residents cannot manage their own money.').includes('cannot-cope'))
  assert.ok(ids('If you do not engage with your key worker for two weeks, your bed may be given to someone who will use it.').includes('engage-or-lose-it'))
  assert.deepEqual(rules('If you do not feel like engaging for a while, you will not lose your place.'), [])
})

test('a code entered as it stands is the service\'s own label, however long', () => {
  assert.ok(ids("Peer contacts are coded as 'psychological intervention, level 2' so they can be billed to the health plan.").includes('peer-support-as-treatment'))
})

test('the peer\'s own way set for others, and one person\'s way made the plan for everyone', () => {
  assert.ok(ids('Every carer in my group is going to keep a diary the way I did.').includes('the-way-the-peer-did'))
  assert.deepEqual(rules('I try to listen the way my own peer worker did for me.'), [])
  assert.ok(ids('Whatever the peer did to get back to work is the plan we give every new referral.').includes('what-worked-made-the-plan'))
  assert.deepEqual(rules('What helped most was the plan each new member made with their mentor.'), [])
})
