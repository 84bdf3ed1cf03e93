// Checks on the second opinion's verdict (src/core/model/verdict-checks.ts): who decides, read from the clause.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {FrameMatcher} from '../src/core/frames/frames.js'
import {mergeClasses} from '../src/core/reviewer-parts.js'
import {ClauseRoles} from '../src/core/model/clause-features.js'
import {decidesOwn, staffBiography, thingPermits, staffFollowPersonsLead, staffOnlySupport, permissionWaived, personDecides, personHasTheSay, staffDecidesThing, peopleVote, staffAreTold, atPersonsRequest} from '../src/core/model/verdict-checks.js'
import {sentenceTokens} from '../src/core/match/tokens.js'
import {parseText} from '../src/core/parse/text.js'

const packs = parseBuiltinPacks()
const classes = mergeClasses(packs)
const lexicon = new FrameMatcher(packs.flatMap((p) => p.rules), classes).lexicon
const reader = new ClauseRoles(classes)
const read = (text: string) => {
  const sentences: never[] = []
  const walk = (node: {type: string; children?: unknown[]}) => (node.type === 'SentenceNode' ? sentences.push(node as never) : (node.children ?? []).forEach((c) => walk(c as never)))
  walk(parseText(text).tree as never)
  const tokens = sentenceTokens(sentences[0])
  return {tokens, hits: lexicon.tag(tokens)}
}
/** A verdict check read on the first sentence of `text`. */
const check = (fn: (tokens: ReturnType<typeof read>['tokens'], hits: ReturnType<typeof read>['hits']) => boolean) => (text: string) => {
  const {tokens, hits} = read(text)
  return fn(tokens, hits)
}
const aboutAThing = (text: string) => {
  const {tokens, hits} = read(text)
  return staffDecidesThing(reader.features(tokens, text, hits), hits.map((h) => h.cls), tokens.map((t) => t.norm))
}
const decides = (text: string) => {
  const {tokens, hits} = read(text)
  return personDecides(reader.features(tokens, text, hits), hits.map((h) => h.cls))
}

test('the person deciding, with no staff in the sentence, is not staff deciding for them', () => {
  assert.equal(decides('Each member decides how much of her story she shares in group.'), true)
  assert.equal(decides('It is Cathal who will decide whether he moves to the step-down flat.'), true)
  assert.equal(decides('Residents choose which outings the house will plan.'), true)
})

test('staff, a peer or a meeting anywhere in the sentence, or a verb that puts staff over the person, leave the verdict as it was', () => {
  assert.equal(decides('Staff decide which outings residents may go on.'), false)
  assert.equal(decides('Residents decide, but the key worker has the final say.'), false)
  assert.equal(decides('Residents are allowed to decide which outings they join.'), false)
  assert.equal(decides('Residents decide at the ward round which outings to join.'), false)
  assert.equal(decides('Goals are set by the consultant.'), false)
})

test('pure role strings: a person agent of a deciding verb, nothing over them', () => {
  assert.equal(personDecides(['ag:people>decide'], ['people', 'decide']), true)
  assert.equal(personDecides(['ag:=she>decide'], ['decide']), true)
  assert.equal(personDecides(['ag:=we>decide'], ['decide']), false)
  assert.equal(personDecides(['ag:people>decide', 'pv:allow'], ['people', 'decide', 'allow']), false)
  assert.equal(personDecides(['ag:people>decide'], ['people', 'staff', 'decide']), false)
  assert.equal(personDecides(['ag:people>watch'], ['people', 'watch']), false)
})

test('staff deciding about a thing, with no person and nothing of theirs in the sentence, decides no one\'s life', () => {
  assert.equal(aboutAThing('The night manager decides when the front door is locked and unlocked.'), true)
  assert.equal(aboutAThing('The team has decided that the drop-in will close early on Christmas Eve.'), true)
  // A person, their plan, a "who" or a peer in the sentence leaves the verdict to the model.
  assert.equal(aboutAThing('The night manager decides when residents can go out.'), false)
  assert.equal(aboutAThing('The consultant decides the discharge date.'), false)
  assert.equal(aboutAThing('Who on the ward gets peer time is decided at handover by the nurse in charge.'), false)
  assert.equal(aboutAThing('The team decides when he is ready to leave.'), false)
})

test('the person has the say: their decision, up to them, for them to say; not under a negation, nor staff\'s', () => {
  const hasSay = (text: string) => {
    const {tokens, hits} = read(text)
    return personHasTheSay(tokens, hits, text)
  }
  assert.equal(hasSay("Whether to reduce the dose or stop is Lena's decision."), true)
  assert.equal(hasSay('What recovery means is for each member to say.'), true)
  assert.equal(hasSay('Which groups to join is entirely up to you.'), true)
  assert.equal(hasSay("Whether to stop is not Lena's decision."), false)
  assert.equal(hasSay("Discharge is the consultant's decision."), false)
  assert.equal(hasSay('It is not up to you which ward you go to.'), false)
  assert.equal(hasSay('Each tenant decides whether their relatives are told about the move.'), true)
  assert.equal(hasSay('Staff decide whether relatives are told about the move.'), false)
  assert.equal(hasSay('The person cannot decide whether relatives are told about the move.'), false)
})

test('a decision by the person in a by-phrase is theirs; one by staff is not', () => {
  assert.equal(decides('Approval of the plan is by the person, who signs it when they are happy with it.'), true)
  assert.equal(decides('Approval of the plan is by the ward manager.'), false)
})

test('deciding one\'s own plan is the person\'s say, not when it is a permission or a condition', () => {
  const own = check(decidesOwn)
  assert.equal(own('Ruth set her own discharge date and told the ward.'), true)
  assert.equal(own('Tenants may choose their own peer worker once they have lived here a year.'), false)
  assert.equal(own('Do not let residents pick their own groups.'), false)
  assert.equal(own('The team sets the goals for each resident.'), false)
})

test('staff who only help with the person\'s decision: a staff word of two parts is one staff word', () => {
  const only = check(staffOnlySupport)
  assert.equal(only('Mo decided to go back to work, and her occupational health adviser helped her plan it.'), true)
  assert.equal(only('Mo asked to go back to work, and her occupational health adviser decided the date.'), false)
  // A noun after the staff word, and support only on staff's terms, are not following the person.
  assert.equal(only('Residents choose their activities; the night staff plan their work around those choices.'), true)
  assert.equal(only('Residents choose their activities, but the staff plan sets their recovery goals.'), false)
  assert.equal(only('Residents decide their goals, but staff accept only the goals they agree with.'), false)
  assert.equal(only('Residents decide their goals, and then staff record whether they have complied.'), false)
})

test('no one\'s permission needed is no permission framing; permission asked for still is', () => {
  const waived = check(permissionWaived)
  assert.equal(waived("No clinician's approval is needed to join."), true)
  assert.equal(waived("Students may join any course without their care coordinator's approval."), true)
  assert.equal(waived("Students may join a course only with their care coordinator's approval."), false)
})

test('staff following the person\'s lead put the person first; a person following a peer\'s lead is the peer as the way', () => {
  const lead = check(staffFollowPersonsLead)
  assert.equal(lead('The jobseeker chooses which employers to approach, and the employment specialist follows their lead.'), true)
  assert.equal(lead("The person judges when they are ready, and the team follows the person's lead."), true)
  assert.equal(lead('Brendan found a job, and our members can too if they follow his lead.'), false)
})

test('a staff member introduced by their post is a biography; a person served described by it is not', () => {
  const bio = check(staffBiography)
  assert.equal(bio('Dr Minh Tran (practitioner educator) is a clinical psychologist who has worked in inpatient services for fifteen years.'), true)
  assert.equal(bio('Amira is an experienced mental health nurse.'), true)
  assert.equal(bio('Every resident is a patient of the consultant psychiatrist.'), false)
  assert.equal(bio('The consultant decides whether she is a risk.'), false)
})

test('a rule or an arrangement that lets people do something puts no one in charge of them; staff who let them do', () => {
  const permits = (text: string) => thingPermits(read(text).tokens)
  assert.equal(permits('On ESA, the permitted work rules may let you do some paid work without losing your benefit.'), true)
  assert.equal(permits('The new timetable allows people to choose their groups.'), true)
  assert.equal(permits('The key worker may let residents choose their groups.'), false)
  assert.equal(permits('Staff allow residents one phone call a day.'), false)
  assert.equal(thingPermits(read('The policy allows staff to decide your goals.').tokens, read('The policy allows staff to decide your goals.').hits), false)
})

test('the people voting decide together; a vote with staff in the sentence may still be overruled', () => {
  const votes = check(peopleVote)
  assert.equal(votes('Which film is shown at the memory café each month is decided by a show of hands among the members.'), true)
  assert.equal(votes('Residents vote each month on which trips to run.'), true)
  assert.equal(votes('The manager decides which trips to run, whatever residents vote for.'), false)
  assert.equal(votes('Which film is shown is decided by the activities coordinator.'), false)
  assert.equal(votes('Members have no vote on which groups run next term.'), false)
  assert.equal(votes('Residents are given one vote a year on the menu, and the rest is decided for them.'), false)
  assert.equal(votes('The trustees vote on which residents keep their rooms.'), false)
})

test('a limiting adverb is not skipped on the way to the verb: "rarely allows", "only support"', () => {
  const permits = (text: string) => thingPermits(read(text).tokens)
  assert.equal(permits('The policy usually allows residents to choose their key worker.'), true)
  assert.equal(permits('The policy rarely allows residents to choose their key worker.'), false)
  const only = check(staffOnlySupport)
  assert.equal(only('Residents choose the outings, and staff then support them.'), true)
  assert.equal(only('Residents pick the outings, but staff only support the ones they think are safe.'), false)
})

test('only staff are told: "the line manager will be told…"; not when the person is told too, or staff decide', () => {
  const told = check(staffAreTold)
  assert.equal(told('The line manager will be told the date of the phased return, but not the reason for it unless the employee agrees.'), true)
  assert.equal(told('The GP is informed of the discharge date by letter.'), true)
  assert.equal(told('You will be told the date of your discharge.'), false)
  assert.equal(told('The GP will be informed and you will be told by letter.'), false)
  assert.equal(told('The GP will be informed and will decide whether you can go back to work.'), false)
})

test('staff told about a person, or told who is allowed, is still a decision over them', () => {
  const told = check(staffAreTold)
  assert.equal(told('Staff are told which residents are allowed out on leave.'), false)
  assert.equal(told('The consultant is told about every phone call a resident makes.'), false)
})

test('done at the person\u2019s own request, or as they asked, is theirs; a request by staff or a relative is not', () => {
  const asked = check(atPersonsRequest)
  assert.equal(asked('The clinic letter was sent to Ms Okafor at her request, with her own notes attached.'), true)
  assert.equal(asked('The review was moved to the afternoon, as he asked.'), true)
  assert.equal(asked('The review was moved at the consultant\u2019s request.'), false)
  assert.equal(asked('The plan was changed as the team asked.'), false)
  assert.equal(asked('At her request, the consultant decided when Tom was ready to go home.'), false)
})
