import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Fifty-fifth round: mechanisms read on new tuning sets (blue-light services and their crews; families and carers; adult
// social care and learning disability; long-term physical conditions) and documents of kinds not used before (a
// partnership agreement, AGM minutes, a job evaluation profile, a preceptorship pack, a messaging group's guidelines…).
// Each test pairs what a mechanism now reads with what it must leave alone.
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string) => reviewer.review(text, 'markdown').map((f) => f.ruleId)
// The rules' findings only: the second opinion (framing-*) moves with each retraining, the mechanisms tested here do not.
const rules = (text: string) => ids(text).filter((id) => !id.startsWith('framing-'))

test("a who-does-what table's column header is the subject of its cells", () => {
  const table = [
    '## Who does what',
    '',
    '| Area | Carron Valley Housing Association | Tide Turn Peer Support |',
    '|---|---|---|',
    '| Referrals | Decide which tenants need peer support and how many sessions they receive | Accept self-referrals; make first contact within 10 working days |',
    '| Goals | Agree goals with each tenant | Help tenants write their own goals |',
    '',
  ].join('\n')
  const found = reviewer.review(table, 'markdown').filter((f) => !f.ruleId.startsWith('framing-'))
  assert.deepEqual(found.map((f) => [f.ruleId, f.text]), [['staff-decide-plan', 'Decide which tenants need peer support']])
  // A header that names no one who does the work ("Notes") lends no subject.
  assert.deepEqual(rules('| Step | Notes |\n|---|---|\n| 1 | Decide which tenants need peer support |\n'), [])
})

test('"as well" meaning also is no wellness; "counted as well" still is', () => {
  assert.deepEqual(rules("If you're awake at 3am and struggling, post anyway, but use the numbers below as well."), [])
  assert.ok(ids('After six weeks without a crisis call she was counted as well.').length > 0)
})

test('a service for addicts is a use of the word, replacing it is a mention', () => {
  assert.deepEqual(rules('The project does not replace specialist services for addicts.'), ['addict'])
  assert.deepEqual(rules('Replace addicts with people who use drugs.'), [])
})

test('a physical condition and a body are not what the rules speak of', () => {
  assert.deepEqual(rules('Ms Tremblay changes her step ceiling when her body tells her to.'), [])
  assert.deepEqual(rules('Heart rate recovery after the walk test shows how quickly your pulse slows once you stop.'), [])
  assert.deepEqual(rules('A relapse in MS means new or worse symptoms lasting more than 24 hours.'), [])
  assert.deepEqual(rules('Staff tell her to rest.'), ['tell-them-to'])
})

test("one named person's way held out for others to repeat", () => {
  assert.ok(ids("Do it the way Trent did, gym and early shifts, and you'll be back on the engine by spring.").includes('the-way-they-did'))
  assert.ok(ids("If young people leaving children's services copy what Alasdair did at 18, the move will go smoothly.").includes('the-way-they-did'))
  assert.deepEqual(rules('Young people choose what they work on, and the worker follows their lead.'), [])
  assert.deepEqual(rules('I learned to cook the way my grandmother did it, and I still do.'), [])
})

test('idioms that write a person off, and the same words about a thing', () => {
  assert.ok(ids('Most guests have burned every bridge and have nobody left who cares about them.').includes('deficit-idiom'))
  assert.ok(ids('Since the rail crash, Bethan is a shadow of the call handler she was.').includes('former-self'))
  assert.deepEqual(rules('A peer worker\'s story is not a route map; what helped them may be no use to anyone else.'), [])
  assert.deepEqual(rules('The old mill is a shadow of the building it was.'), [])
})

test('peer support delivered as a treatment, and support aimed at accepting the diagnosis', () => {
  assert.ok(ids("Delivers peer support as a structured therapeutic intervention within each person's care plan.").includes('peer-support-delivered-as-treatment'))
  assert.ok(ids('Supporting someone to accept their diagnosis and stay on their medication.').includes('brought-to-accept-diagnosis'))
  assert.deepEqual(rules('Members make sense of their experiences in their own way, whether or not they accept the diagnosis.'), [])
  assert.deepEqual(rules('The clinic offers CBT as a treatment for panic.'), [])
})

test('a score that drops is a figure falling, not a practice dropped', () => {
  assert.ok(ids('Her score has dropped below 10, which means she has recovered.').includes('recovery-claimed-from-measure'))
})

test("a clause number is no word of the sentence a later 'They' looks back to", () => {
  const text = "3.2.4 Peer support workers are a core part of the team. They will monitor each person's medication and early warning signs and report any concerns at the weekly team meeting."
  assert.ok(ids(text).includes('peer-reports-to-team'))
})

test('blue-light staff, a charity safeguarding lead and peer visitors are read for who they are', () => {
  assert.ok(ids('The DSP decides what outcome the member needs.').includes('staff-judge-readiness'))
  assert.ok(ids("Firefighter Sandhu's adjusted duties were agreed by his manager and the OH nurse.").includes('staff-decide-plan'))
  assert.ok(ids("The peer visitor rates Ms Nakamura's risk every week and sends it to the shared lives scheme.").includes('peer-monitors'))
  assert.ok(ids('Return-to-duty policy: recovery is confirmed when the officer is back on full operational duties.').includes('recovery-defined-by-measure'))
})

test("a form's blanks are no inline markup: a page of them is read as Markdown, not capped", () => {
  const form = Array.from({length: 12}, (_, i) => `Signature ${i + 1}: ______________________  Date: ____________`).join('\n') + '\n'
  assert.deepEqual(ids(form).filter((id) => id === 'review-limit'), [])
  // A paragraph of real emphasis delimiters past the allowance is still capped.
  const stars = Array.from({length: 100}, () => '*a* _b_').join(' ') + '\n'
  assert.ok(ids(stars).includes('review-limit'))
})

test('the review of round 55: the same words on things, signposts and wording stay clean', () => {
  assert.deepEqual(rules('Replace all references to addicts with people who use drugs.'), [])
  assert.deepEqual(rules('The old rota was a mess, so we rebuilt it with the team.'), [])
  assert.deepEqual(rules('Some people find it hard to accept their diagnosis, and our groups offer support.'), [])
  assert.deepEqual(rules('You have the right to make the same choices as everyone else.'), [])
  assert.deepEqual(rules('Our KPI results show the project is thriving.'), [])
  assert.deepEqual(rules('At intake the K10 is completed, and the HoNOS is completed as well.'), [])
  assert.ok(ids('She suffers from the usual side effects of lithium.').includes('suffers-from'))
  // A signposting table's header speaks to the reader; a dashes row lower down is a body row, not the delimiter.
  const signpost = '| If you want to | Talk to your doctor |\n|---|---|\n| Leave | Decide when you are ready to go home |\n'
  assert.deepEqual(rules(signpost), [])
  const minutes = '| Item | Raised by | Action |\n|---|---|---|\n| 1 | Ward manager | Ward staff |\n| -- | -- | -- |\n| 2 | Residents | Decide which residents need escorts on trips |\n'
  assert.deepEqual(rules(minutes), [])
})
