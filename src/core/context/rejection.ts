/**
 * A rejection whose negation sits in a governing clause, not beside the words:
 * "No one is judged on whether they have recovered enough", "This is not a service
 * where staff make decisions", "Staff should not assume that a person who declines
 * a group is unmotivated", "Peer work is not about getting people to comply". The
 * negation in negation.ts must stand right before the words; here it may stand
 * anywhere earlier in the same part of the sentence (up to `;`, `:` or a comma and
 * "but", "yet", "and"…), when it negates the whole clause (a negative subject), a
 * verb of saying, thinking or requiring (what it governs is the view rejected), or
 * "is not a place where / about …".
 *
 * So is a belief the writer has left behind ("When I started I thought I had to have all the answers").
 *
 * A label stays a finding (in "we do not accept patients who…" it is still used),
 * unless it is the very view rejected ("do not assume that someone … is unmotivated").
 * A condition ("nobody leaves until their scores…", "no decision without the
 * consultant") turns the negation into a rule, not a rejection.
 */
import type {Token} from '../match/tokens.js'
import {BE, DO, isAdverb, isFunctionWord, isNegator, isUntil, MODALS, NEGATIVE_SUBJECTS, NOT_GERUNDS} from '../frames/grammar.js'
import {CLAIM_NOUNS, REJECTING_VERBS} from './claims.js'
import {askedAndRefused, refusedWouldHave, REFUSING} from './refusals.js'

/** How far back a governing negation is looked for, in words. */
const REACH = 30
/** After a comma, words that start a new clause the negation does not govern ("Nobody opened it, yet it…"). */
const JOINS = new Set(['but', 'yet', 'and', 'so', 'or', 'although', 'though', 'whereas'])
/**
 * "Don't suggest evening classes, as most people here lack…": a reason after a comma is a part of its own, not under
 * the negation. Not an aside a second comma closes before the words: "Do not describe residents, as some staff do, as…".
 */
function reasonOpens(tokens: Token[], text: string, i: number, start: number): boolean {
  const opens = /^(because|since)$/.test(tokens[i].norm) || (tokens[i].norm === 'as' && /^(most|many|all|some|they|he|she|we|people|these|those|their|our)$/.test(tokens[i + 1]?.norm ?? ''))
  if (!opens) return false
  // The aside's closing comma comes after a stand-in verb ("as some staff do,") or before what the negation governs (", that…", ", as…").
  for (let k = i + 1; k <= start; k++) if (text.slice(tokens[k - 1].end, tokens[k].start).includes(',') && (/^(that|as|to)$/.test(tokens[k].norm) || /^(do|does|did|say|says|said|put|see|sees)$/.test(tokens[k - 1].norm))) return false
  return true
}
/** What ends the part of a sentence a negation governs. */
const PART_END = /[;:!?|\u2014]|\s[-\u2013]\s/
/** A negation that turns into a rule: "not … until", "nobody counts as recovered while…", "no decision … without". */
const CONDITION = new Set(['until', 'unless', 'before', 'till', 'while', 'whilst', 'if', 'once', 'without', 'except', 'but', 'only', 'other', 'than', 'instead'])
/** A condition word, but not "once" after a negator ("never once said"), "only" after a determiner ("the only way") nor a comparison ("knows better than"). */
const isCondition = (tokens: Token[], k: number) =>
  CONDITION.has(tokens[k].norm) && !(tokens[k].norm === 'once' && isNegator(tokens[k - 1]?.norm ?? '')) && !(tokens[k].norm === 'only' && /^(the|a|an|my|your|his|her|their|our|its)$/.test(tokens[k - 1]?.norm ?? '')) && !(tokens[k].norm === 'than' && /^(better|worse)$/.test(tokens[k - 1]?.norm ?? ''))
/** Verbs of saying, thinking and judging: negated, what they govern is the view rejected. */
const VIEW_VERBS = new Set(
  'start starts begin begins focus focuses dwell dwells write writes wrote written assume assumes assumed think thinks thought believe believes believed worry worries worried fear fears feared say says said tell tells told suggest suggests suggested imply implies implied mean means meant expect expects expected claim claims claimed pretend pretends pretended promise promises promised judge judges judged define defines defined describe describes described call calls called label labels labelled labeled treat treats treated see sees saw seen view views viewed measure measures measured count counts counted equate equates equated regard regards regarded consider considers considered describing calling labelling labeling treating seeing viewing using referring sort sorts sorted rank ranks ranked grade grades graded classify classifies classified categorise categorises categorised categorize categorizes categorized'.split(' ')
)
/** Verbs that put wording or a measure to use: refused or given up by the writers, the wording is rejected. */
const WORDING_USE = /^(use|call|describe|label|say|write|report|record|measure|count|publish|set|define|frame|present|print)$/
/** Verbs of recording: negated before "as", the category is the view rejected. */
const RECORDING = /^(record|records|recorded|recording|log|logs|logged|document|documents|documented|code|codes|coded|mark|marks|marked)$/
/** Verbs by which a way of speaking is given up: "we stopped describing…", "avoid calling…". */
const GIVEN_UP = new Set('stop stops stopped avoid avoids avoided quit ceased'.split(' '))
/** Verbs of evidence: negated, their object is the view rejected, a label too ("is not showing a lack of insight"). */
const EVIDENCE_VERBS = new Set('show shows showed shown showing indicate indicates indicated indicating prove proves proved proven signal signals signalled'.split(' '))
/** Verbs of demanding and trying: negated, they reject what they ask for ("do not require anyone to…"). */
const DEMAND_VERBS = new Set('require requires required ask asks asked insist insists insisted need needs needed want wants wanted try tries tried aim aims aimed force forces forced exist exists existed work works worked depend depends depended hinge hinges hinged'.split(' '))
/** Verbs that put a name on someone: negated or given up, the name is the view rejected ("we stopped calling people a burden"). */
const NAMING = new Set('call calls calling called label labels labelling labeling labelled labeled term terms termed'.split(' '))
/** Verbs that put a question: "reflect on whether…", "consider whether…". */
const QUESTIONING = new Set('reflect reflects ask asks asked question questions questioned wonder wonders wondered discuss discusses discussed debate debates debated explore explores explored consider considers considered challenge challenges'.split(' '))
/** "Consider whether the person's distress brings any secondary gain", "ask whether…": staff told to weigh a suspicion, not a question put for discussion. */
const ASSESSING = new Set('consider considers considered ask asks asked wonder wonders wondered'.split(' '))
const STAFF_WORD = /^(team|teams|staff|clinicians?|nurses?|doctors?|psychiatrists?|assessors?|consultants?|workers?|we|i)$/
/** Those asked to consider a question in course material ("asks learners to consider whether…"). */
const LEARNERS = new Set('learners learner students student participants trainees candidates delegates group class readers'.split(' '))
function assessing(tokens: Token[], whether: number): boolean {
  if (!ASSESSING.has(tokens[whether - 1]?.norm ?? '')) return false
  // "The team wonders whether…" voices staff's suspicion; "Many members wonder whether they will ever be seen as…" does not.
  if (/^wonder/.test(tokens[whether - 1].norm) && !tokens.slice(Math.max(0, whether - 5), whether - 1).some((t) => STAFF_WORD.test(t.norm))) return false
  for (let k = whether - 2; k >= 0 && whether - k <= 4; k--) if (LEARNERS.has(tokens[k].norm)) return false
  return true
}
/** What a claim is said to be after its that-clause: "the idea that staff know best has no place here". */
const DISOWNED = /^(?:has no place|have no place|is (?:wrong|false|outdated|mistaken|untrue|a myth|harmful|damaging|out of date|long gone)|are (?:wrong|false|outdated|mistaken|untrue|myths|harmful|damaging)|(?:has|have) done (?:\w+ )?(?:harm|damage))\b/
/** Participles of a demand after a negative subject: "Nobody is expected / required to…". */
const DEMANDED = new Set('expected required asked made forced obliged pressured'.split(' '))
/** "is not about…", "is not there to…", "is not a service where…": what follows describes the thing rejected. */
const ABOUT = new Set(['about', 'there', 'here', 'where', 'in', 'for', 'how'])

/** Whether the words at `start` are rejected by a negation earlier in the same part of the sentence. */
export function isRejectedByClause(tokens: Token[], text: string, start: number, label = false): boolean {
  // A governing negation stands within REACH words: a sentence with no punctuation (pasted from a
  // spreadsheet) would otherwise make every finding read back to its start.
  let from = Math.max(0, start - REACH)
  for (let i = start; i > from; i--) {
    const gap = text.slice(tokens[i - 1].end, tokens[i].start)
    // "not … to decide…, or to report on the family": a list of infinitives stays under its negation.
    if (PART_END.test(gap) || (gap.includes(',') && (JOINS.has(tokens[i].norm) || reasonOpens(tokens, text, i, start)) && tokens[i + 1]?.norm !== 'to')) {
      from = i
      break
    }
  }
  if (gerundSubjectDenied(tokens, from, start) || namingJudged(tokens, from, start) || claimRejected(tokens, text, from, start) || pastBelief(tokens, from, start) || practiceRejected(tokens, from, start) || refusedWouldHave(tokens, from, start) || askedAndRefused(tokens, text, from, start) || (!label && gerundJudged(tokens, start))) return true
  for (let i = from; i < start; i++) {
    const w = tokens[i].norm
    // "reflect on whether peer support is a treatment at all": the wording is a question put, not a claim.
    // Not a suspicion put as a question: "consider whether a participant … may be malingering" still applies the word.
    if (w === 'whether' && (QUESTIONING.has(tokens[i - 1]?.norm ?? '') || QUESTIONING.has(tokens[i - 2]?.norm ?? '')) && !suspected(tokens, i, start) && !assessing(tokens, i)) return true
    // "respond without assuming they are attention seeking": the view is the one set aside, as after "do not assume".
    if (w === 'without' && /^(assuming|presuming)$/.test(tokens[i + 1]?.norm ?? '') && !tokens.slice(i + 2, start + 1).some((t) => JOINS.has(t.norm) || t.join === 'break') && !describesWho(tokens, start)) return true
    // The "but" that opens this part of the sentence joins it to the last; it is no condition.
    if (isCondition(tokens, i) && !(i === from && JOINS.has(w))) return false
    const shape = negates(tokens, i, from)
    if (!shape || closedRelative(tokens, text, i, label ? start : tokens.length)) continue
    // "Don't assume everyone who suffers from depression needs the same…": the view rejected is what is said of them,
    // not the relative clause that says who they are.
    if (shape === 'view' && describesWho(tokens, start)) return false
    // A label is used whatever the clause around it says, unless it is the view rejected: "do not assume that
    // someone who declines is unmotivated", "we do not treat residents as patients".
    // So is an identity denied as what people are made to be: "not a place where people are taught to be good patients".
    if (label && shape !== 'evidence' && (shape !== 'view' || !tokens.slice(i + 1, start).some((t) => t.norm === 'that' || t.norm === 'as' || t.norm === 'into' || NAMING.has(t.norm))) && !(shape === 'copula' && tokens.slice(i + 1, start).some((t, k, all) => t.norm === 'be' && all[k - 1]?.norm === 'to'))) return false
    // A condition before or after the words ("nobody counts as recovered while still on methadone"); not in
    // "there is no stage of recovery a person must reach before…", where the condition is part of what is denied.
    if (shape === 'existential') return true
    // "Nobody is expected to be abstinent before…": the condition is part of the demand denied.
    // "No one has to have their symptoms under control before…": "has to" is a demand too.
    if (shape === 'subject' && tokens.slice(i + 1, i + 7).some((t, k) => DEMAND_VERBS.has(t.norm) || DEMANDED.has(t.norm) || (/^(has|have|needs|need)$/.test(t.norm) && tokens[i + 2 + k]?.norm === 'to'))) return true
    for (let k = i + 1; k < tokens.length && k - i <= REACH * 2; k++) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start)
      if (k > start && (PART_END.test(gap) || (gap.includes(',') && JOINS.has(tokens[k].norm)))) break
      // "Nobody is classed as recovered until they say so", "Nobody will make a plan for you without you": a condition that waits on
      // the person's word, or their presence, still rejects.
      if (isCondition(tokens, k)) return (isUntil(tokens[k]) && conditionIsPersonsWord(tokens, k)) || (tokens[k].norm === 'without' && /^(them|you|him|her|their|your)$/.test(tokens[k + 1]?.norm ?? ''))
    }
    return true
  }
  return false
}

/** The words open a who-clause on someone ("everyone who suffers from…"); "tell people that…" opens no relative. */
function describesWho(tokens: Token[], start: number): boolean {
  const r = [start - 1, start - 2, start - 3].find((k) => k > 0 && tokens[k].norm === 'who')
  // Not a label the clause says others gave ("everyone who is labelled treatment-resistant"): that is the view rejected.
  return r !== undefined && /^(everyone|everybody|anyone|anybody|someone|somebody|those|people|person|patients?|clients?|residents?|members?|tenants?)$/.test(tokens[r - 1].norm) && !tokens.slice(r + 1, start).some((t) => NAMING.has(t.norm) || /^(labelled|labeled|diagnosed|branded|deemed|seen|described)$/.test(t.norm))
}

/** Auxiliaries between a relative pronoun and its clause's negator ("who has not", "which did not"). */
const RELATIVE_AUX = new Set('has have had do does did is are was were will would can could should may might'.split(' '))
/** What opens a clause the negated verb governs ("did not assume that…"): the negation then reaches on. */
const OPENS_CLAUSE = new Set(['that', 'whether', 'if', 'what', 'how', 'who', 'which', 'to'])

/**
 * "Anyone who has not needed the crisis team for a year is regarded as recovered": the negation belongs to a
 * relative clause on the subject, and the main verb that follows it (after a noun, no new clause opened) is not negated.
 * A frame's words may start inside the relative clause, so its main verb is looked for up to `limit` (the end of the
 * part of the sentence for a frame; for a label, the label itself, which the relative clause may well reject).
 */
function closedRelative(tokens: Token[], text: string, i: number, limit: number): boolean {
  let r = i - 1
  while (r >= 0 && i - r <= 3 && RELATIVE_AUX.has(tokens[r].norm)) r--
  if (r < 1 || i - r > 3 || !/^(who|which)$/.test(tokens[r].norm)) return false
  for (let k = i + 2; k < limit; k++) {
    const w = tokens[k].norm
    if (OPENS_CLAUSE.has(w) || isNegator(w) || PART_END.test(text.slice(tokens[k - 1].end, tokens[k].start))) return false
    if ((BE.has(w) || MODALS.has(w)) && !isFunctionWord(tokens[k - 1].norm) && !isAdverb(tokens[k - 1].norm)) return true
  }
  return false
}

/** How the token at i negates what follows it (a negative subject, a negated verb of a view or a demand, a negated copula), or false. */
function negates(tokens: Token[], i: number, from: number): 'subject' | 'existential' | 'view' | 'evidence' | 'demand' | 'copula' | false {
  const w = tokens[i].norm
  const next = tokens[i + 1]?.norm ?? ''
  // A negative subject at the head of the clause: "No one is…", "Nobody's recovery is…", "There is no stage…".
  // "No family is expected to…", "No tenant has to…": "no" and a noun before the verb group is a negative subject too.
  const noNoun = w === 'no' && /^[a-z]+$/.test(next) && !/^(longer|evidence|proof|sign|idea|matter|doubt)$/.test(next) && /^(is|was|has|will|should|must|can|may|needs|gets|ever)$/.test(tokens[i + 2]?.norm ?? '')
  const subject = NEGATIVE_SUBJECTS.has(w) || (w === 'no' && (next === 'one' || next === 'person' || next === 'member')) || noNoun || w === 'never' || w === 'neither'
  if (subject && (i === from || /^(there|here|and|so|that|because)$/.test(tokens[i - 1].norm))) return 'subject'
  if (NEGATIVE_SUBJECTS.has(w)) return false
  if (w === 'no' && i > from && BE.has(tokens[i - 1].norm) && /^(there|here)$/.test(tokens[i - 2]?.norm ?? '')) return 'existential'
  // "We stopped describing people as a burden", "we avoid calling anyone…": a view given up.
  if (GIVEN_UP.has(w) && VIEW_VERBS.has(tokens[i + 1]?.norm ?? '')) return 'view'
  // "no longer asks applicants to…" (not "can no longer think for themselves", an inability).
  // "found no evidence that people … lack motivation": the claim is what the evidence does not bear out.
  if (w === 'no' && /^(evidence|proof|sign|indication|suggestion)$/.test(next) && tokens[i + 2]?.norm === 'that') return 'view'
  // "I have no idea what someone else's recovery should look like": what follows is not known, so not claimed.
  // Only the writer's own not knowing: "have no idea how to look after themselves" is said of others' skills.
  if (w === 'no' && next === 'idea' && /^(what|whether|which|who|if)$/.test(tokens[i + 2]?.norm ?? '') && tokens[i + 3]?.norm !== 'to' && /^(i|we)$/.test(tokens[i - 2]?.norm ?? '')) return 'view'
  // "…so they know things can change, not because my way is the only way": the reason denied.
  if (w === 'not' && next === 'because') return 'view'
  // "We refuse to use photos that make people look helpless": the writers turning a way of speaking or measuring down
  // (not "we refuse to treat non-compliant patients", people turned away).
  if (REFUSING.has(w) && next === 'to' && /^(we|i)$/.test(tokens[i - 1]?.norm ?? '') && WORDING_USE.test(tokens[i + 2]?.norm ?? '')) return 'demand'
  const noLonger = w === 'no' && next === 'longer' && !/^(can|could)$/.test(tokens[i - 1]?.norm ?? '')
  // "We no longer report recovery rates to funders": a way of speaking or measuring the writers gave up.
  if (noLonger && /^(we|i)$/.test(tokens[i - 1]?.norm ?? '') && WORDING_USE.test(tokens[i + 2]?.norm ?? '')) return 'demand'
  if (!noLonger && (!isNegator(w) || w === 'no' || w === 'nor' || w === 'neither' || w === 'unable' || w === 'incapable' || cannotBeExpected(tokens, i))) return false
  // The negated verb, over modals, auxiliaries and adverbs ("should not assume", "will never simply tell").
  let k = noLonger ? i + 2 : i + 1
  // "never once said": "once" after the negator is an adverb of it.
  while (k < tokens.length && (isAdverb(tokens[k].norm) || DO.has(tokens[k].norm) || MODALS.has(tokens[k].norm) || tokens[k].norm === 'be' || tokens[k].norm === 'been' || (k === i + 1 && tokens[k].norm === 'once'))) k++
  const verb = tokens[k]?.norm ?? ''
  // "she never made out that her way was the only way": a claim made, in two words.
  if (/^(make|makes|made|making)$/.test(verb) && tokens[k + 1]?.norm === 'out') return 'view'
  if (EVIDENCE_VERBS.has(verb) && /^(a|an|any|the|signs?|evidence|that)$/.test(tokens[k + 1]?.norm ?? '')) return 'evidence'
  // "can't think straight", "cannot think clearly": an inability, not a view denied.
  if (VIEW_VERBS.has(verb) && !/^(straight|clearly|properly|for)$/.test(tokens[k + 1]?.norm ?? '')) return 'view'
  // "no longer teaches that staff set the goals" (not "have never been taught how to…", a claim about the people).
  if (/^(teach|teaches|taught)$/.test(verb) && tokens[k + 1]?.norm === 'that') return 'view'
  // "declining is never recorded as a refusal": a record's category rejected; not "did not record that he refused" (it happened).
  if (RECORDING.test(verb) && tokens.slice(k + 1, k + 6).some((t) => t.norm === 'as')) return 'view'
  // "You'll never hear a volunteer say that…": nobody says it.
  if ((verb === 'hear' || verb === 'heard') && tokens.slice(k + 1, k + 7).some((t) => VIEW_VERBS.has(t.norm))) return 'view'
  if (DEMAND_VERBS.has(verb)) return 'demand'
  // A copula before the negator: "is not about", "is not a service where", "are not there to".
  const copula = BE.has(tokens[i - 1]?.norm ?? '') || (w.endsWith("n't") && /^(is|are|was|were)n't$/.test(w))
  if (!copula) return false
  if (ABOUT.has(verb)) return 'copula'
  // "Housing is not conditional on engaging with treatment": what follows is the condition denied.
  if (/^(conditional|dependent|contingent|conditioned|tied|linked)$/.test(verb) && /^(on|upon|to)$/.test(tokens[k + 1]?.norm ?? '')) return 'copula'
  // "is not a place where…", "is not a service that…": a noun phrase and a relative clause describing it.
  // "is not the same as…", "are not the sum of…", "is not a condition of…": what follows is what the subject is not.
  // Only a noun phrase: in "is not suitable for people whose psychosis…" the subject is judged, the relative clause used.
  if (!/^(a|an|the|any|some|our|their|your|my|one|something|somewhere|anything|part|simply|just|merely|only)$/.test(verb)) return false
  // "is not a place to be told how to fix…": an infinitive describing it too.
  for (let j = k; j < Math.min(tokens.length, k + 7); j++) if (/^(where|which|that|whose|of|as|to)$/.test(tokens[j].norm)) return 'copula'
  return false
}

/** "Calling them enablers helps nobody", "labelling people as non-compliant does harm": the naming judged, not done. */
const NAMING_JUDGED = /^(helps? (nobody|no one|anyone)|(does|do)(n't| not) help|(is|are)(n't| not) (helpful|useful|fair|accurate|true)|(is|are) (unhelpful|harmful|wrong|unfair|inaccurate|stigmatising|stigmatizing)|(does|do) (harm|damage)|hurts?)\b/
function namingJudged(tokens: Token[], from: number, start: number): boolean {
  const at = tokens.slice(from, Math.min(start, from + 3)).findIndex((t) => /^(calling|labelling|labeling|describing|branding)$/.test(t.norm))
  if (at < 0) return false
  for (let k = start + 1; k < Math.min(tokens.length, start + 6); k++) {
    if (NAMING_JUDGED.test(tokens.slice(k, k + 3).map((t) => t.norm).join(' '))) return true
  }
  return false
}


/**
 * The words are the state a gerund subject names, and the clause denies it: "Being symptom-free is not a
 * condition of joining", "Being further along does not make one recovery more valid".
 */
function gerundSubjectDenied(tokens: Token[], from: number, start: number): boolean {
  // "Watching for relapse is not the peer worker's job", "Fixing people is not what we do": any gerund subject.
  const first = tokens[from]?.norm ?? ''
  const state = /^(being|having|becoming|staying|remaining|getting)$/.test(first)
  if ((!state && !(/^[a-z]{3,}ing$/.test(first) && !NOT_GERUNDS.has(first))) || start - from > 4) return false
  for (let k = start + 1; k < Math.min(tokens.length, start + 8); k++) {
    const w = tokens[k].norm
    // "isn't", "doesn't", "won't": the verb keeps its "n't" (tokens.ts).
    const verb = w === "won't" ? 'will' : w === "can't" ? 'can' : w.endsWith("n't") ? w.slice(0, -3) : w
    if (!(BE.has(verb) || DO.has(verb) || MODALS.has(verb))) continue
    const next = tokens[k + 1]?.norm ?? ''
    const denied = next === 'not' || next === 'never' || /n't$/.test(w)
    // "Handing someone a plan the team has already written is not…": a relative clause's perfect inside the subject.
    if (!denied && /^(has|have|had)$/.test(w) && tokens[k - 1] !== undefined && !/ing$/.test(tokens[k - 1].norm)) continue
    // Any other gerund is denied only as a practice ("…is not the peer worker's job", "…is not what we do"), not judged ("is not easy").
    // …or as against a named practice ("…is not shared decision-making", "…is not good practice", "…is not acceptable").
    return denied && (state || /^(the|a|an|our|their|your|my|his|her|what|part|how|something|anything|someone|anyone|shared|person-centred|person-centered|recovery-oriented|recovery-focused|co-production|coproduction|good|best|acceptable|appropriate|partnership|collaboration|collaborative|empowering)$/.test(tokens[k + (/n't$/.test(w) ? 1 : 2)]?.norm ?? ''))
  }
  return false
}

/**
 * The words are inside a claim that is rejected by name: "Members rejected a proposal that peer workers
 * should report…", "The old idea that staff know best has no place in this service."
 */
function claimRejected(tokens: Token[], text: string, from: number, start: number): boolean {
  // The finding may start at the clause's "that" ("that peer workers should report…").
  for (let i = start; i > from && start - i <= REACH; i--) {
    if (tokens[i].norm !== 'that') continue
    // "a proposal from the previous working group that…": the claim's noun may carry a short phrase.
    // "…is never proof that someone else should do the same", "no guarantee that…": the evidence denied.
    if (/^(proof|evidence|guarantee|sign)$/.test(tokens[i - 1]?.norm ?? '') && [i - 2, i - 3].some((k) => k >= from && /^(not|never|no)$/.test(tokens[k].norm))) return true
    let noun = i - 1
    while (noun > from && i - noun < 6 && !CLAIM_NOUNS.has(tokens[noun].norm)) noun--
    if (!CLAIM_NOUNS.has(tokens[noun].norm)) continue
    for (let k = noun - 1; k >= from && noun - k <= 4; k--) if (REJECTING_VERBS.has(tokens[k].norm)) return true
    // The claim disowned after its clause, within the same part of the sentence.
    for (let k = start + 1; k < tokens.length && k - start <= REACH; k++) {
      if (PART_END.test(text.slice(tokens[k - 1].end, tokens[k].start))) break
      if (DISOWNED.test(text.slice(tokens[k].start, tokens[k].start + 40).toLowerCase())) return true
    }
    return false
  }
  return false
}

/** "cannot / can't / could not be expected to": a claim about what the subject can do, not a demand denied. */
export function cannotBeExpected(tokens: Token[], i: number): boolean {
  const w = tokens[i].norm
  const at = w === 'not' && /^(can|could)$/.test(tokens[i - 1]?.norm ?? '') ? i + 1 : /^(cannot|can't|couldn't)$/.test(w) ? i + 1 : -1
  return at > 0 && tokens[at]?.norm === 'be' && tokens[at + 1]?.norm === 'expected' && tokens[at + 2]?.norm === 'to'
}

/** "When I started I thought I had to have all the answers", "we used to believe…": a belief the writer has left behind. */
function pastBelief(tokens: Token[], from: number, start: number): boolean {
  // The match may start at the believer ("I used to think I needed to have all the answers").
  for (let i = from; i <= start && i < tokens.length - 2; i++) {
    if (tokens[i].norm !== 'i' && tokens[i].norm !== 'we') continue
    let k = i + 1
    if (/^(once|always|first|originally|honestly)$/.test(tokens[k].norm)) k++
    if (tokens[k]?.norm === 'used' && tokens[k + 1]?.norm === 'to') k += 2
    if (k < tokens.length - 1 && /^(thought|believed|assumed|imagined|think|believe|assume)$/.test(tokens[k].norm) && (k > i + 2 || /^(thought|believed|assumed|imagined)$/.test(tokens[k].norm))) return true
    // A fear once felt is not a view held: "I worried that my story would be used as proof", "we were afraid that…".
    if (/^(was|were)$/.test(tokens[k]?.norm ?? '') && /^(worried|afraid|scared|frightened|anxious)$/.test(tokens[k + 1]?.norm ?? '')) k++
    // "I worried people would expect me to be a role model": the that may go unsaid before a subject and its modal.
    if (/^(worried|feared|afraid|scared|frightened|anxious)$/.test(tokens[k]?.norm ?? '') && (tokens[k + 1]?.norm === 'that' || /^(would|might|could|will)$/.test(tokens[k + 3]?.norm ?? '') || /^(would|might|could|will)$/.test(tokens[k + 2]?.norm ?? ''))) return true
  }
  return false
}

/** "whether someone may be / might be / could be …" right before the words: a suspicion voiced, not a question about a view. */
function suspected(tokens: Token[], from: number, start: number): boolean {
  return start - from >= 3 && /^(may|might|could)$/.test(tokens[start - 2]?.norm ?? '') && tokens[start - 1]?.norm === 'be'
}

/** Verbs that turn against what follows "against": "warned against reading…", "decided against asking…". */
const AGAINST = new Set('warn warns warned warning decide decides decided argue argues argued arguing advise advises advised advising caution cautions cautioned campaign campaigns campaigned vote votes voted'.split(' '))

/**
 * A practice named and rejected in one stroke: "rejected the idea of treating peer support as a dose", "opposed any
 * KPI that counts people as…", "warned against reading fewer admissions as evidence…", "decided against asking…".
 */
function practiceRejected(tokens: Token[], from: number, start: number): boolean {
  for (let k = from; k < start; k++) {
    const w = tokens[k].norm
    // "pushed back on the idea that…", "argued against…".
    let j = REJECTING_VERBS.has(w) ? k + 1 : AGAINST.has(w) && tokens[k + 1]?.norm === 'against' ? k + 2 : /^push(es|ed|ing)?$/.test(w) && tokens[k + 1]?.norm === 'back' && /^(on|against)$/.test(tokens[k + 2]?.norm ?? '') ? k + 3 : withdrawnMeasure(tokens, k) ? k + 1 : -1
    if (j < 0 || /^(the|a|an)$/.test(tokens[k - 1]?.norm ?? '')) continue
    // The practice: a gerund, or a short noun phrase whose of-, that- or which-clause describes it.
    if (/^(the|any|all|a|an|every|such)$/.test(tokens[j]?.norm ?? '')) j++
    // "challenge enabling behaviour", "challenge behaviour that breaches the rules": what is challenged is a view only when named one.
    if (w.startsWith('challeng') && !CLAIM_NOUNS.has(tokens[j]?.norm ?? '')) continue
    // "Her score has dropped below 10, which means…": a figure falling, not a practice dropped.
    if (/^drop/.test(w) && /^(below|under|to|by|from|off|out|back|away|into|sharply|further|slightly|again|\d.*)$/.test(tokens[j]?.norm ?? '')) continue
    for (let n = j; n < Math.min(tokens.length, j + 4); n++) {
      const t = tokens[n].norm
      if (/^[a-z]{3,}ing$/.test(t) && !NOT_GERUNDS.has(t) && (n === j || /^(of|that|which)$/.test(tokens[n - 1].norm))) return true
      if (n > j && /^(that|which)$/.test(t)) return true
    }
  }
  return false
}

/** "The funder withdrew an indicator that…", "retired its policy that…": a measure or a rule withdrawn, not support or treatment. */
function withdrawnMeasure(tokens: Token[], k: number): boolean {
  if (!/^(withdraw|withdraws|withdrew|withdrawn|retire|retires|retired)$/.test(tokens[k].norm)) return false
  const n = /^(the|an|a|its|their|our|this|that)$/.test(tokens[k + 1]?.norm ?? '') ? k + 2 : k + 1
  return /^(indicators?|kpis?|measures?|metrics?|polic(y|ies)|rules?|targets?|criteri(on|a)|requirements?|guidance|definitions?|questions?|items?|statements?|claims?)$/.test(tokens[n]?.norm ?? '')
}


/** The person's own word in a condition: "not … until they tell us they are" leaves it to them. */
const PERSONS_WORD = /^(say|says|said|tell|tells|told|feel|feels|felt|decide|decides|decided|choose|chooses|chose|ask|asks|asked|agree|agrees|agreed|want|wants|wanted)$/

/** Whether the condition at token k waits on the person's own word ("until they say so", "unless they tell us"). */
export function conditionIsPersonsWord(tokens: Token[], k: number): boolean {
  return tokens.slice(k + 1).some((t) => PERSONS_WORD.test(t.norm))
}

/**
 * "(warned that) treating peer support as a dose misreads what it is for": a practice named by a gerund, then judged a
 * misreading, as the main verb after it, not denied ("…has not distorted anything"). Not a label: "Managing manipulative
 * clients…" says something of the people.
 */
function gerundJudged(tokens: Token[], start: number): boolean {
  let g: number | undefined
  for (let k = start; k >= Math.max(0, start - 6) && g === undefined; k--) if (/^[a-z]{3,}ing$/.test(tokens[k].norm) && !NOT_GERUNDS.has(tokens[k].norm)) g = k
  if (g === undefined || (g > 0 && tokens[g].join !== 'break' && !/^(that|because|since)$/.test(tokens[g - 1].norm))) return false
  for (let k = start + 1; k < Math.min(tokens.length, start + 12) && tokens[k].join !== 'break'; k++) {
    if (!MISJUDGING.test(tokens[k].norm)) continue
    return !/^(not|never|n't)$/.test(tokens[k - 1].norm) && !/n't$/.test(tokens[k - 1].norm) && !/^(nothing|nobody|no)$/.test(tokens[k + 1]?.norm ?? '')
  }
  return false
}
const MISJUDGING = /^(misreads?|misread|misunderstands?|misunderstood|misrepresents?|misrepresented|distorts?|distorted|devalues?|devalued|cheapens?|cheapened)$/
