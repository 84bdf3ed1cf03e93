/**
 * A sentence that rejects a framing is not using it: "peer workers are not role
 * models", "recovery does not mean being symptom-free", "you do not manage
 * clients". A negator earlier in the same clause, governing the words matched,
 * makes the match a rejection.
 */
import type {Token} from '../match/tokens.js'
import {notPeerWork, notTheirJob} from './denied-role.js'
import {CLAUSE_PUNCTUATION, CONJUNCTIONS, isContrastPair, isNegator, isUntil, isWhileStill, LIMITERS, RELATIVES, SUBORDINATORS} from '../frames/grammar.js'
import {CLAIM_NOUNS, FALSE_CLAIM, PROPOSALS, REJECTING_VERBS} from './claims.js'
import {cannotBeExpected, conditionIsPersonsWord} from './rejection.js'
import type {Rule} from '../types.js'

/** Rules whose framing survives negation ("staff do not allow residents to…", "are not permitted to"). */
export const negationKeeps = (rule: Rule): boolean => rule.negated === true || rule.frame !== undefined

/**
 * Where a frame that is about an inability ("cannot cope", "are unable to plan") starts its own verb group:
 * its negator is the finding, not a rejection of it; a governing clause before it still may be one.
 */
export function ownNegationStart(rule: Rule, tokens: Token[], start: number): number {
  if (rule.frame?.negated !== 'only') return start
  let i = start
  let inability = false
  while (i > 0 && start - i < 6 && (isNegator(tokens[i - 1].norm) || GROUP.has(tokens[i - 1].norm) || LIMITERS.has(tokens[i - 1].norm))) {
    i--
    if (INABILITY.has(tokens[i].norm) || (tokens[i].norm === 'able' && isNegator(tokens[i - 1]?.norm ?? ''))) inability = true
  }
  // Only a negated ability is the frame's own: "is not showing a lack of insight" still rejects what it is said to show.
  return inability ? i : start
}
const INABILITY = new Set(['cannot', "can't", "couldn't", 'unable', 'incapable'])
const GROUP = new Set(['can', 'could', 'will', 'would', 'do', 'does', 'did', 'to', 'be', 'is', 'are', 'was', 'were', 'been', 'able', 'really', 'even', 'still', 'always', 'just', 'simply', 'longer'])

/** A negation further back, in a governing clause: context/rejection.ts. */
export {isRejectedByClause} from './rejection.js'

/** Negators that do not negate what follows: "not only", "not just", "whether or not", "if not". */
const NOT_NEGATING_AFTER = new Set(['only', 'just', 'merely', 'simply', 'least', 'yet', 'always', 'all', 'every'])
/**
 * What may stand between the negator and the words it rejects: "are not (a) role models",
 * "does not mean being symptom-free", "not a sign of being disengaged", "do not need to be
 * fully recovered", "is not about showing…". Anything else ("does not accept dual-diagnosis
 * residents") means the negation is about something else and the wording is still used.
 */
const LINKING = new Set(
  "is are was were be been being am 's 're a an the any about mean means meant need needs needed have has had to require requires required expected act acts as considered seen regarded treated described called sign of just simply really necessarily always there here all every our your their his her its only ever hold holds held carry carries carried themselves himself herself ourselves up present presents presented position positioned should must would will can could may might shall believe think say says said call label labelled labeled consider make makes made you them him me us someone anyone anybody somebody people person any less more that view see describe get gets written off dismissed branded brushed mistaken by because due".split(
    ' '
  )
)

/** "We reject the idea that…", "it is a myth that…": what follows is the view being rejected. */
const REJECTING = new Set([...REJECTING_VERBS, ...FALSE_CLAIM])
const VIEW = new Set([...CLAIM_NOUNS, 'that'])

/** A noun naming a practice or a state, not a person ("adherence", "non-compliance", "relapse prevention"): a negation rejects it. */
export function namesPractice(norm: string): boolean {
  return /^[a-z-]{3,}(ance|ences?|ances|ions?|ments?)$/.test(norm)
}

export function isRejected(tokens: Token[], text: string, start: number, verb = false, practice = false): boolean {
  if (nobodyIs(tokens, start)) return true
  for (let i = start - 1; i >= 0 && start - i <= 14; i--) {
    if (!REJECTING.has(tokens[i].norm)) continue
    // "A drop in scores means that…": a fall, not dropping a view.
    if (/^(in|of)$/.test(tokens[i + 1]?.norm ?? '') && /^(a|the|any|this|that)$/.test(tokens[i - 1]?.norm ?? '')) continue
    if (tokens.slice(i + 1, start).some((t) => VIEW.has(t.norm)) || VIEW.has(tokens[i].norm)) return true
  }
  for (let i = start - 1; i >= 0 && start - i <= (practice ? 10 : 8); i--) {
    const t = tokens[i]
    const next = tokens[i + 1]
    const gap = text.slice(t.end, next.start)
    // A comma before "or" may close a list the negator began (negatedLongList).
    if (next.join === 'break' && (CLAUSE_PUNCTUATION.test(gap) || (gap.includes(',') && (CONJUNCTIONS.has(next.norm) || SUBORDINATORS.has(next.norm) || RELATIVES.has(next.norm))))) return (next.norm === 'or' || next.norm === 'nor') && !CLAUSE_PUNCTUATION.test(gap) && negatedLongList(tokens, text, start, practice)
    if (i < start - 1 && (SUBORDINATORS.has(next.norm) || RELATIVES.has(next.norm)) && next.norm !== 'as' && next.norm !== 'that') return false
    if (!isNegator(t.norm)) continue
    // "no skills", "no insight": a determiner that is part of the description, not a rejection.
    // "There are no patients or clinicians in the classroom": the role denied of everyone here.
    if (t.norm === 'no' && i === start - 1) {
      if (i >= 2 && /^(is|are|were|was)$/.test(tokens[i - 1].norm) && tokens[i - 2].norm === 'there' && !hasCondition(tokens)) return true
      continue
    }
    const prev = tokens[i - 1]?.norm
    if (prev === 'or' || prev === 'if') continue
    if (next && NOT_NEGATING_AFTER.has(next.norm) && t.norm === 'not') continue
    // "Students cannot be expected to cope": the idiom says what the subject is not able to do.
    if (cannotBeExpected(tokens, i)) continue
    // "does not require peer workers to be…", "no one expects residents to become…": the negated verb's
    // object is told what to be.
    if (start >= 2 && tokens[start - 2].norm === 'to' && /^(be|become|stay|remain|seem)$/.test(tokens[start - 1].norm)) return true
    // "do not present their own stories as the right way": the negated verb puts its object forward as the words.
    if (presentedAs(tokens, i, start)) return true
    // Only linking words between the negator and the match (a verb rule: only its verb group).
    for (let k = i + 1; k < start; k++) {
      const w = tokens[k].norm
      if (LINKING.has(w) || (verb && /^(do|does|did|will|would|should|can|could|must|may|might|ever|always|usually)$/.test(w))) continue
      // "You are not a patient or a client here": an alternative of up to three words before the words.
      const or = tokens.slice(k, Math.min(start, k + 4)).findIndex((t) => t.norm === 'or' || t.norm === 'nor')
      if (or <= 0 || !tokens.slice(k + or + 1, start).every((t) => LINKING.has(t.norm))) return negatedList(tokens, text, i, start) || (practice && practiceDenied(tokens, text, i, start))
      k += or
    }
    return !ruleByCondition(tokens, start)
  }
  return negatedLongList(tokens, text, start, practice)
}

/**
 * "You do not need to be work ready, finish a course first, or be free of symptoms": the last of a list of up to
 * sixteen words whose negator stands before its first item. The list ends in "or" (or "nor") after its last comma,
 * nothing between starts a new clause, and the last item is the words themselves put as a state ("or be", "or to be"):
 * not "do not accept referrals by fax, by post or for frequent flyers", where the label sits inside an item.
 */
function negatedLongList(tokens: Token[], text: string, start: number, practice = false): boolean {
  let or = -1
  for (let i = start - 1; i >= 0 && start - i <= 16; i--) {
    const next = tokens[i + 1]
    const gap = text.slice(tokens[i].end, next.start)
    if (CLAUSE_PUNCTUATION.test(gap) || SUBORDINATORS.has(next.norm) || RELATIVES.has(next.norm) || next.norm === 'but') return false
    if (or < 0 && (next.norm === 'or' || next.norm === 'nor') && i + 1 < start) {
      const item = tokens.slice(i + 2, start)
      // A practice in the last item of a list of doings ("will not carry out risk assessments, give medication or write in
      // clinical records") is denied as the others are; a person's label there is still used ("… or for frequent flyers").
      if (!(practice && item.length <= 5) && (!item.some((t) => BE_STATE.has(t.norm)) || !item.every((t) => LINKING.has(t.norm)))) return false
      or = i + 1
    }
    if (gap.includes(',') && (or < 0 || (CONJUNCTIONS.has(next.norm) && next.norm !== 'or' && next.norm !== 'nor'))) return false
    if (isNegator(tokens[i].norm) && tokens[i].norm !== 'no') return or > 0 && /,/.test(text.slice(tokens[i].end, tokens[or].start)) && !ruleByCondition(tokens, start)
  }
  return false
}
const BE_STATE = new Set(['be', 'being', 'become', 'stay', 'remain'])

/**
 * "is not classed as recovered until the score is under threshold": "not … until" (or "unless") makes the words a
 * rule the service applies, not a rejection of them, unless the condition is the person's own word.
 */
function ruleByCondition(tokens: Token[], start: number): boolean {
  for (let k = start + 1; k < tokens.length && k - start <= 16; k++) {
    if (isUntil(tokens[k])) return !conditionIsPersonsWord(tokens, k)
    // "not ready … while she is still unwell": the same rule, put as a state that has to pass.
    if (isWhileStill(tokens, k)) return true
    // "is not treated as recovered, whatever their own view of it": the person's word set aside.
    if (/^(whatever|regardless|irrespective)$/.test(tokens[k].norm) && tokens.slice(k + 1, k + 6).some((t) => OWN_WORD.test(t.norm))) return true
  }
  return false
}
const OWN_WORD = /^(view|views|opinion|opinions|wishes|say|says|said|think|thinks|feel|feels|wants|want|own)$/

const PRESENTING = new Set('present presents presented describe describes see sees treat treats regard regards call calls use uses offer offers hold holds frame frames portray portrays label labels promote promotes record records code codes class classes count counts mark marks list lists flag flags'.split(' '))

/** A negated verb of presenting (over its auxiliaries) with "as" right before the words: "never present their story as the way". */
function presentedAs(tokens: Token[], negator: number, start: number): boolean {
  const as = tokens[start - 1]?.norm === 'as' ? start - 1 : tokens[start - 2]?.norm === 'as' && /^(a|an|the|one|any)$/.test(tokens[start - 1].norm) ? start - 2 : -1
  if (as < 0 || as - negator > 8) return false
  let v = negator + 1
  while (v < as && /^(do|does|did|will|would|should|can|could|must|ever|always|usually|be|been)$/.test(tokens[v].norm)) v++
  return PRESENTING.has(tokens[v]?.norm ?? '')
}

/** "The strategy moves away from counting recovery by…", "instead of judging people by…": a practice given up. */
const WORKERS = /^(workers|worker|staff|peers|mentors|volunteers|supporters|specialists|coaches|nurses|team|teams)$/
const TURNED_DOWN = /^(?:(?:turn|turns|turned|vote|votes|voted) down|(?:say|says|said) no|(?:vote|votes|voted|argue|argues|argued|speak|speaks|spoke|decide|decides|decided) against)$/

/**
 * `stopIsNegation`: for a frame found only negated ("has stopped coping" is an inability, not a practice given up),
 * stopping is the negation the frame reads, so it leaves nothing behind.
 */
export function practiceLeftBehind(tokens: Token[], start: number, end = start + 1, text?: string, stopIsNegation = false, verb?: number): boolean {
  // "The board rejected a proposal to count recovery by…": the practice proposed and turned down.
  // "voted against the proposal to rank tenants by their level of functioning": the proposal's verb phrase may run on.
  // "turned down a proposal for peer workers to fill in risk ratings": the proposal's own subject between.
  for (let i = start - 1; i >= 2 && start - i <= 6; i--) {
    if (tokens[i].norm !== 'to') continue
    // Only workers as the proposal's subject: "a request for Jo to stay" is the person's own, turned down by staff.
    const forAt = WORKERS.test(tokens[i - 1].norm) ? [i - 2, i - 3, i - 4, i - 5, i - 6].find((f) => f > 0 && tokens[f].norm === 'for' && PROPOSALS.has(tokens[f - 1].norm) && !/^requests?$/.test(tokens[f - 1].norm)) : undefined
    const noun = PROPOSALS.has(tokens[i - 1].norm) ? i - 1 : forAt !== undefined ? forAt - 1 : -1
    if (noun < 0) continue
    for (let k = noun - 1; k >= 0 && noun - k <= 3; k--) if (REJECTING_VERBS.has(tokens[k].norm) || TURNED_DOWN.test(`${tokens[k - 1]?.norm} ${tokens[k].norm}`)) return true
  }
  for (let i = start; i >= 2 && start - i <= 6; i--) {
    if (!tokens[i].norm.endsWith('ing') || tokens[i].join === 'break') continue
    const a = tokens[i - 2].norm
    const b = tokens[i - 1].norm
    if ((b === 'from' && a === 'away' && /^(mov|step|shift|turn)/.test(tokens[i - 3]?.norm ?? '')) || isContrastPair(a, b)) return true
  }
  return practiceEnded(tokens, start) || avoided(tokens, start) || rejectedTool(tokens, start, end) || wordingWithdrawn(tokens, start) || ratherThan(tokens, start) || criticsSay(tokens, start) || (!stopIsNegation && stoppedDoing(tokens, start, end, text, verb)) || auditCount(tokens, start) || namingJudged(tokens, start) || notTheirJob(tokens, start) || notPeerWork(tokens, start, end)
}

const AVOID = /^(avoid|avoids|avoided|avoiding)$/
/** "The evaluation avoids deficit measures", "we avoid words like…": a writer or a document steering clear of the words. */
function avoided(tokens: Token[], start: number): boolean {
  const v = verbBefore(tokens, start, AVOID, /^(the|any|all|a|an)$/)
  // "Avoid teaching recovery as remission", "avoid describing people as…": an instruction opening the sentence, its gerund naming the practice.
  if (v < 0 && tokens[0] !== undefined && /^avoid$/.test(tokens[0].norm) && start <= 7 && TEACHING.test(tokens[1]?.norm ?? '')) return true
  if (v <= 0) return false
  // "we try to avoid…", "the form aims to avoid…"; not "helps people to avoid relapse", where the person avoids the thing.
  if (tokens[v - 1].norm === 'to') return v > 1 && TRYING.has(tokens[v - 2].norm)
  return AVOIDERS.has(tokens[v - 1].norm)
}
/** Where a verb of `verbs` stands right before the words at `start`, or before a determiner of `determiners` there; else -1. */
function verbBefore(tokens: Token[], start: number, verbs: RegExp, determiners: RegExp): number {
  if (verbs.test(tokens[start - 1]?.norm ?? '')) return start - 1
  return verbs.test(tokens[start - 2]?.norm ?? '') && determiners.test(tokens[start - 1].norm) ? start - 2 : -1
}
/** "The evaluation rejected a deficit checklist": a tool named by the words, turned down by the writer or their document. */
function rejectedTool(tokens: Token[], start: number, end: number): boolean {
  const v = verbBefore(tokens, start, REJECTED, /^(the|any|a|an|its|our)$/)
  return v > 0 && AVOIDERS.has(tokens[v - 1].norm) && TOOLS.test(tokens[end]?.norm ?? '')
}
const REJECTED = /^(rejected|rejects|dropped|drops|abandoned|abandons|scrapped|scraps|retired|retires)$/
const TOOLS = /^(checklists?|approach|approaches|models?|tools?|forms?|frameworks?|language|assessments?|measures?|scales?|questionnaires?|framing|lens|view)$/
const TEACHING = /^(teaching|describing|defining|presenting|framing|treating|calling|writing|talking|labelling|labeling|referring|counting|measuring)$/
const AVOIDERS = new Set(['we', 'i', 'it', 'evaluation', 'report', 'framework', 'policy', 'strategy', 'guide', 'survey', 'questionnaire', 'form', 'tool', 'deliberately', 'carefully', 'also', 'always'])
const TRYING = new Set(['try', 'tries', 'tried', 'trying', 'aim', 'aims', 'aimed', 'seek', 'seeks', 'sought', 'want', 'wants', 'chose', 'choose', 'prefer', 'prefers', 'careful', 'designed', 'written'])

/** "Calling a person a burden says more about…", "Labelling young people as disengaged hides…": the naming is the sentence's subject, judged. */
function namingJudged(tokens: Token[], start: number): boolean {
  return start <= 8 && /^(calling|labelling|labeling|describing|branding|viewing)$/.test(tokens[0]?.norm ?? '')
}

const RECORDS = new Set(['records', 'record', 'plans', 'plan', 'files', 'notes', 'cases', 'charts', 'reviews', 'assessments', 'letters'])

/** "In 61 records the goals were written by the care coordinator", "in 30% of plans…": an audit counts where a practice was found. */
function auditCount(tokens: Token[], start: number): boolean {
  for (let i = 0; i + 2 < start; i++) {
    if (tokens[i].norm !== 'in' || !/^\d+$/.test(tokens[i + 1].norm)) continue
    for (let k = i + 2; k < start && k - i <= 6; k++) if (RECORDS.has(tokens[k].norm)) return true
  }
  return false
}

/** Words a frame's span may open with before "stopped …ing": the ones who stopped, and their auxiliaries. */
const STOPPERS = new Set(['that', 'we', 'they', 'staff', 'the', 'team', 'our', 'have', 'has', 'had', 'would', 'will', 'should', 'must', 'now', 'all', 'also', 'stopped', 'stop', 'stops', 'ceased', 'quit', 'dropped'])

/**
 * "We stopped counting people as recovered…", "tired of being called a burden", "she refuses to be anybody's
 * success story": a way of speaking given up or refused, before the words or inside them (a frame's span
 * starts at its agent: "We have stopped setting goals for people").
 */
function stoppedDoing(tokens: Token[], start: number, end: number, text?: string, verb?: number): boolean {
  // Inside the words, only where the span opens with the ones who stopped ("someone has stopped coming" is a person's life).
  let inside = start
  while (inside < end - 1 && STOPPERS.has(tokens[inside].norm)) inside++
  for (let i = inside; i >= 1 && start - i <= 6; i--) {
    // "Tom stopped drinking, so can you": a new clause after the stopping is not what stopped.
    if (text !== undefined && i < start && newClauseAfter(tokens, text, i, start)) return false
    // "has stopped gambling and walks new members through…": the frame's own verb, coordinated after the stopping, is done now.
    if (verb !== undefined && i < verb && tokens.slice(i + 1, verb).some((t) => /^(and|but|then)$/.test(t.norm))) return false
    const w = tokens[i].norm
    const before = tokens[i - 1].norm
    // "stop being an enabler" tells someone what they are; "we stopped being the experts" gives it up.
    // Nor "so they stop enabling their son's use": told to stop the very act the words name, someone is said to do it.
    // ("Our letters will stop telling people…" is the writer's own practice given up.)
    // Nor "have stopped being able to look after themselves": an ability lost, not a practice given up.
    if (w === 'being' && tokens[i + 1]?.norm === 'able') continue
    // Nor "a young person who (then) stops coming to appointments is…": a relative clause says who the person is.
    if (/^(who|which)$/.test(tokens[i - 2]?.norm ?? '') || (/^(who|which)$/.test(tokens[i - 3]?.norm ?? '') && /^(has|have|had|then|also|later|still|soon|eventually|now)$/.test(tokens[i - 2]?.norm ?? ''))) continue
    if (/ing$/.test(w) && /^(stopped|stop|stops|ceased|quit|dropped)$/.test(before) && !(before === 'stop' && (w === 'being' || i === start) && !writerStops(tokens, i - 1))) return true
    if (/^(called|labelled|labeled|described|treated|seen)$/.test(w) && before === 'being' && /^(tired|sick|weary)$/.test(tokens[i - 3]?.norm ?? '')) return true
    if (w === 'be' && before === 'to' && /^(refuse|refuses|refused|refusing|decline|declines|declined)$/.test(tokens[i - 2]?.norm ?? '')) return true
  }
  return false
}

function newClauseAfter(tokens: Token[], text: string, i: number, start: number): boolean {
  const next = tokens[i + 1]
  if (next.join !== 'break') return false
  const gap = text.slice(tokens[i].end, next.start)
  return CLAUSE_PUNCTUATION.test(gap) || (gap.includes(',') && (i + 1 === start || next.norm === 'so' || CONJUNCTIONS.has(next.norm)))
}

/** "we will stop", "our letters will stop": the writer's side is who stops (not "we help families stop"). */
function writerStops(tokens: Token[], stop: number): boolean {
  let k = stop - 1
  while (k >= 0 && /^(will|would|should|must|can|could|need|needs|to|have|has|had|also|now|always|soon|going|want|plan|aim|try|shall|then)$/.test(tokens[k].norm)) k--
  if (k >= 0 && /^(we|i)$/.test(tokens[k].norm)) return true
  // "our letters will stop": a phrase of the writer's.
  return k >= 1 && (/^(our|my)$/.test(tokens[k - 1].norm) || (k >= 2 && /^(our|my)$/.test(tokens[k - 2].norm)))
}

const CRITICS = new Set(['critics', 'critic', 'opponents', 'campaigners', 'sceptics', 'skeptics', 'detractors'])
const SAYING = new Set(['say', 'says', 'said', 'argue', 'argues', 'argued', 'warn', 'warns', 'warned', 'complain', 'complains', 'complained', 'note', 'notes', 'noted', 'object', 'objects', 'objected', 'point', 'points', 'pointed'])
/** A review, an audit or inspectors report a finding; "at the review, the consultant will say…" is not one. */
const FINDERS = new Set(['inspectors', 'inspector', 'review', 'reviewers', 'auditors', 'audit', 'inquiry', 'regulator', 'inspection'])
const FINDING = new Set(['found', 'concerned', 'criticised', 'criticized', 'highlighted', 'identified', 'objected'])

/** Per sentence, the first critic who says something (or -1): read once, as a long sentence may hold many findings. */
const firstCritic = new WeakMap<Token[], number>()

/** "Critics of the contract point out that it rewards providers for counting abstinence as recovery": a criticism reported. */
function criticsSay(tokens: Token[], start: number): boolean {
  let at = firstCritic.get(tokens)
  if (at === undefined) {
    at = -1
    for (let i = 0; i < tokens.length && at < 0; i++) {
      const verbs = CRITICS.has(tokens[i].norm) ? SAYING : FINDERS.has(tokens[i].norm) ? FINDING : undefined
      if (!verbs) continue
      for (let k = i + 1; k < tokens.length && k - i <= 8; k++) if (verbs.has(tokens[k].norm)) at = i
    }
    firstCritic.set(tokens, at)
  }
  return at >= 0 && at < start
}

const PRACTICES = new Set(['practice', 'practices', 'habit', 'habits', 'custom', 'approach', 'policy', 'system', 'tradition', 'convention'])
const ENDED = new Set(['abandoned', 'dropped', 'scrapped', 'ended', 'stopped', 'retired', 'replaced', 'discontinued', 'phased', 'withdrawn'])

/** "The old practice of closing files as recovered once scores dropped has been abandoned." */
function practiceEnded(tokens: Token[], start: number): boolean {
  let practice = -1
  for (let i = start - 1; i >= 1 && start - i <= 6; i--) if (PRACTICES.has(tokens[i - 1].norm) && tokens[i].norm === 'of') practice = i
  if (practice < 0) return false
  for (let k = start + 1; k < tokens.length - 1; k++) if ((tokens[k].norm === 'been' || tokens[k].norm === 'was' || tokens[k].norm === 'were') && ENDED.has(tokens[k + 1].norm)) return true
  return false
}

const WITHDRAWN = new Set(['withdrawn', 'withdrew', 'withdraws', 'scrapped', 'removed', 'retired', 'replaced', 'rewritten', 'rewrote', 'pulped', 'binned', 'struck', 'deleted', 'cut', 'crossed'])
const WORDING = new Set(['leaflet', 'leaflets', 'poster', 'posters', 'page', 'pages', 'wording', 'guidance', 'booklet', 'advert', 'advertisement', 'brochure', 'document', 'documents', 'flyer', 'handbook', 'script', 'slide', 'slides', 'line', 'lines', 'sentence', 'sentences', 'paragraph', 'paragraphs', 'passage', 'clause', 'phrase', 'statement'])

/**
 * "The provider has withdrawn the leaflet that described peer workers as…", "The panel struck out a line presenting the
 * peer adviser as the standard…": the wording of a document taken back.
 */
function wordingWithdrawn(tokens: Token[], start: number): boolean {
  for (let i = start; i >= 2 && start - i <= 8; i--) {
    if (!((RELATIVES.has(tokens[i].norm) && i < start) || /^[a-z]{3,}ing$/.test(tokens[i].norm)) || !WORDING.has(tokens[i - 1].norm)) continue
    for (let k = i - 2; k >= 0 && i - k <= 4; k--) if (WITHDRAWN.has(tokens[k].norm)) return true
  }
  return false
}

/** "described as mutual rather than (instead of) as a service delivered by an expert to a patient": the alternative turned down. */
function ratherThan(tokens: Token[], start: number): boolean {
  for (let i = start - 1; i >= 1 && start - i <= 10; i--) {
    // Only inside the alternative itself: a verb of its own ends it ("go home rather than to A&E are counted as…").
    if ((tokens[i].join === 'break' && i < start - 1) || /^(is|are|was|were|will|can|has|have|had|must|should)$/.test(tokens[i].norm)) return false
    if (isContrastPair(tokens[i - 1].norm, tokens[i].norm)) return true
  }
  return false
}

/**
 * A practice named by a noun, under a negated verb of the same clause: "do not carry out risk assessments or write
 * in the clinical record", "does not close anyone's case". Not for a word for people: "does not accept dual-diagnosis
 * residents" still uses the label.
 */
const PRACTICE_VERBS = new Set('write writes written carry carries carried hold holds held keep keeps kept use uses used offer offers offered provide provides provided run runs include includes included close closes closed record records recorded share shares shared complete completes completed conduct conducts conducted go goes do does take takes taken'.split(' '))

function practiceDenied(tokens: Token[], text: string, negator: number, start: number): boolean {
  // A negated doing by a subject ("our peer workers never write in…"), not "no skills", "not able to", "Don't let…".
  if (start - negator > 10 || !/^(not|never|n't|don't|doesn't|didn't|won't|isn't|aren't|wasn't|weren't)$/.test(tokens[negator].norm) || negator === 0 || tokens[negator - 1].norm === 'please') return false
  let v = negator + 1
  while (v < start && /^(do|does|did|will|would|should|can|could|must|ever|always|usually|be|been|is|are|was|were|get|gets|got)$/.test(tokens[v].norm)) v++
  if (!PRACTICE_VERBS.has(tokens[v]?.norm ?? '')) return false
  for (let k = negator + 1; k <= start; k++) {
    if (CLAUSE_PUNCTUATION.test(text.slice(tokens[k - 1].end, tokens[k].start))) return false
    if (k < start && (SUBORDINATORS.has(tokens[k].norm) || RELATIVES.has(tokens[k].norm) || tokens[k].norm === 'but')) return false
  }
  return true
}

/** "Peer supporters do not assess risk, write clinical notes or give advice": an item of a list the negation governs. */
function negatedList(tokens: Token[], text: string, negator: number, start: number): boolean {
  let comma = false
  let or = false
  for (let k = negator + 1; k < Math.min(tokens.length, start + 10); k++) {
    const gap = text.slice(tokens[k - 1].end, tokens[k].start)
    if (CLAUSE_PUNCTUATION.test(gap)) break
    if (gap.includes(',')) comma = true
    if (tokens[k].norm === 'or' || tokens[k].norm === 'nor') or = true
    if (SUBORDINATORS.has(tokens[k].norm) || RELATIVES.has(tokens[k].norm) || tokens[k].norm === 'but') return false
  }
  return comma && or
}

/** "Nobody here is a lost cause", "No one at the project is a burden": a label denied of everyone. */
function nobodyIs(tokens: Token[], start: number): boolean {
  let be = start - 1
  const noun = /^(a|an)$/.test(tokens[be]?.norm ?? '')
  if (noun) be--
  // "No student is described as non-compliant".
  if (tokens[be]?.norm === 'as') be--
  if (!/^(is|are|was|were|be|seen|treated|regarded|considered|called|labelled|labeled|described|recorded)$/.test(tokens[be]?.norm ?? '')) return false
  // "Nobody is discharged until they are symptom-free": a condition makes it a rule, not a denial; "nobody is a patient
  // while they are here" denies an identity for a time.
  if (hasCondition(tokens) && !(noun && /^(is|are|was|were|be)$/.test(tokens[be].norm) && !tokens.some((t) => /^(until|unless|before|if|once|till)$/.test(t.norm)))) return false
  for (let i = be - 1; i >= 0 && be - i <= 8; i--) {
    const w = tokens[i].norm
    // "No student at the college is…": a sentence that opens by denying it of every one.
    if (w === 'nobody' || w === 'noone' || (w === 'one' && tokens[i - 1]?.norm === 'no') || (w === 'no' && i === 0)) return true
  }
  return false
}

const conditions = new WeakMap<Token[], boolean>()
function hasCondition(tokens: Token[]): boolean {
  let has = conditions.get(tokens)
  if (has === undefined) conditions.set(tokens, (has = tokens.some((t) => /^(until|unless|before|while|if|once|till)$/.test(t.norm))))
  return has
}
