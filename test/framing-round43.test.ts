import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

// Forty-third round: mechanisms read on new tuning sets (legal writing, public communications, five more documents).
const reviewer = new Reviewer(builtinPacks(), {})
const ids = (text: string, kind?: 'markdown') => reviewer.review(text, kind).map((f) => f.ruleId)

test('a bare answer may open after a comma and stand in with "does": "Under the plan, the support coordinator does."', () => {
  const found = reviewer.review('Who decides how Lachlan spends his budget? Under the plan, the support coordinator does.')
  assert.ok(found.length > 0, 'the answer names who decides')
  assert.ok(found[0].text.startsWith('the support coordinator'), found[0].text)
  // The person doing it is no finding.
  assert.deepEqual(ids('Who decides how Lachlan spends his budget? Under the plan, Lachlan does, with help if he asks.'), [])
})

test('a route in a relative clause belongs to whoever took it: "follow the route he took"', () => {
  assert.ok(ids('Marcus was once where you are now, so follow the route he took.').includes('follow-peer-path'))
  assert.ok(ids('The peer specialist shares her own recovery steps so that the member can follow the same path.').includes('follow-peer-path'))
  assert.deepEqual(ids('Follow the steps she took to apply for the grant.'), [])
  assert.deepEqual(ids('Peer workers and members follow the same fire drill.'), [])
})

test('"Facilitators:" alone leads into its items as "Facilitators will:" does', () => {
  const doc = 'Each group has two facilitators. Facilitators:\n\n- welcome new members;\n- decide which topics are safe for members to raise.\n'
  assert.ok(ids(doc, 'markdown').includes('staff-judge-readiness'))
  assert.deepEqual(ids('Benefits:\n\n- decide which topics matter to you;\n', 'markdown'), [])
})

test('a table row whose measure cell comes first and whose short cell says recovery defines recovery by the measure', () => {
  const row = '| Measure | Target | What it tells us |\n|---|---|---|\n| Change in K10 score from first to last session | Average fall of 5 points | Whether the person has recovered |\n'
  assert.ok(ids(row, 'markdown').includes('recovery-defined-by-measure'))
  assert.deepEqual(ids('| Measure | What it tells us |\n|---|---|\n| People who rate the session as helpful | Whether they found it worth their time |\n', 'markdown'), [])
})

test('"Is she getting well?" asks about recovery: a measure in the answer defines it', () => {
  assert.ok(ids('Is Ms Ngata getting well? Her medication levels are steady, so the answer is yes.').some((id) => /recovery/.test(id)))
  assert.deepEqual(ids('Is the garden getting well watered? The volunteers check it daily.'), [])
})

test('"I have seen this patient" labels someone else: the writer is not describing themself', () => {
  assert.ok(ids('Peer worker report: I have seen this patient weekly since his admission.').includes('patient'))
  assert.deepEqual(ids('I was a patient on that ward for a year.'), [])
})

test('the person judging their own wellbeing is not clinical framing', () => {
  assert.deepEqual(ids('Mr Mensah told the panel that being well, for him, means his own front door and a job at the boatyard.'), [])
  assert.deepEqual(ids('Grainne says she knows she is doing better because she has started painting again.'), [])
})

test('a measure said not to matter ("voices or no voices", "symptoms or not") does not define recovery', () => {
  assert.deepEqual(ids('In his own words, Declan says recovery means having a life he wants to get up for, voices or no voices.'), [])
  assert.deepEqual(ids('Recovery means having a life you want, symptoms or not.'), [])
  assert.ok(ids('Recovery means no voices for six months.').includes('recovery-defined-by-measure'))
})

test('a denied definition of recovery is not the framing it denies', () => {
  assert.deepEqual(ids("This year's campaign makes one point: recovery isn't the same thing as the voices stopping."), [])
  assert.deepEqual(ids('Recovery does not mean being symptom-free.'), [])
})

test('wording struck out, and what public messages are said to do, are mentions', () => {
  assert.deepEqual(ids('The review panel struck out a line presenting the peer adviser as the standard every detained person should aim for.'), [])
  assert.ok(ids('The leaflet presents the peer adviser as the standard every person should aim for.').includes('held-up-as-example'))
  assert.deepEqual(ids('Fundraising ethics module: discuss why appeals that paint people as helpless raise money but harm the people in them.'), [])
  assert.ok(ids('Our peer workers paint people as helpless.').includes('hopeless'))
})

test("an organisation's compliance with a standard, and a broken thing, are not the person's", () => {
  assert.deepEqual(ids("Our tribunal letters are compliant with the Accessible Information Standard, according to last month's audit."), [])
  assert.deepEqual(ids('Ms Brannigan keeps her phone with her overnight; she asked staff to charge it at the station because the socket in her room is broken.'), [])
  assert.ok(ids('Most of our tenants are broken.').includes('fragile-person'))
})

test("a label naming the line's document ('Tribunal report:') is not a guard word in the sentence", () => {
  assert.ok(ids('Tribunal report: Ms Kerrigan refused her depot on three occasions in March.').includes('refused'))
  assert.deepEqual(ids('Tribunal report: the tribunal refused the application to discharge the order.'), [])
  assert.deepEqual(ids('The tribunal refused her application.'), [])
})

test('review of the round: what the new readings must leave alone', () => {
  // A first-person account with a pointing word is still the writer's.
  assert.deepEqual(ids('I was one of those patients nobody listened to.'), [])
  assert.deepEqual(ids('I was that patient for years.'), [])
  // A service's own campaign or leaflet casting people is its framing, not a mention.
  assert.ok(ids('Our new campaign positions our peer workers as role models for everyone on the ward.').includes('role-model'))
  // An answer that opens on the person's consent gives them the say.
  assert.deepEqual(ids('Who writes my crisis plan? If you want, your key worker does.'), [])
  // A worker judging someone else's wellbeing is not the person judging their own.
  assert.ok(ids('Nursing note: I know she is getting better because she has stopped asking to leave.').length > 0)
  // A fear answered, a barrier named.
  assert.deepEqual(ids('Many people fear they will never have a normal life after a diagnosis, but most go on to work.'), [])
  assert.deepEqual(ids('Without affordable housing, an ordinary life is out of reach for many people we support.'), [])
  // A task's steps, and a tenant's house standards.
  assert.deepEqual(ids('Follow the steps he took when he booked the room.'), [])
  // A heading that names no role leaves list items to the document.
  assert.deepEqual(ids('Key responsibilities:\n\n- keep the kitchen tidy;\n', 'markdown'), [])
  assert.ok(ids('Staff:\n\n- decide which topics are safe for members to raise;\n', 'markdown').includes('staff-judge-readiness'))
})
