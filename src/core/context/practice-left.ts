/**
 * A practice the writer gives up, turns down or steers clear of: "moves away from counting recovery by…", "the board
 * rejected a proposal to…", "we avoid words like…", "critics say staff…". The wording is named, not used.
 */
import type {Token} from '../match/tokens.js'
import {notPeerWork, notTheirJob} from './denied-role.js'
import {CLAUSE_PUNCTUATION, CONJUNCTIONS, isContrastPair, RELATIVES} from '../frames/grammar.js'
import {PROPOSALS, REJECTING_VERBS} from './claims.js'
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
  // A frame's match may open at its subject ("Our peer workers turn down requests to check…"): read back from its verb.
  const at = verb !== undefined && verb > start ? verb : start
  for (let i = at - 1; i >= 2 && at - i <= 6; i--) {
    if (tokens[i].norm !== 'to') continue
    // Only workers as the proposal's subject: "a request for Jo to stay" is the person's own, turned down by staff.
    const forAt = WORKERS.test(tokens[i - 1].norm) ? [i - 2, i - 3, i - 4, i - 5, i - 6].find((f) => f > 0 && tokens[f].norm === 'for' && PROPOSALS.has(tokens[f - 1].norm) && !/^requests?$/.test(tokens[f - 1].norm)) : undefined
    const noun = PROPOSALS.has(tokens[i - 1].norm) ? i - 1 : forAt !== undefined ? forAt - 1 : -1
    if (noun < 0) continue
    for (let k = noun - 1; k >= 0 && noun - k <= 3; k--) if (REJECTING_VERBS.has(tokens[k].norm) || TURNED_DOWN.test(`${tokens[k - 1]?.norm} ${tokens[k].norm}`)) return true
    // "the proposal for peer workers to rate suicide risk was turned down": the proposal's fate after it, in the passive.
    if (turnedDownAfter(tokens, end)) return true
  }
  for (let i = start; i >= 2 && start - i <= 6; i--) {
    if (!tokens[i].norm.endsWith('ing') || tokens[i].join === 'break') continue
    const a = tokens[i - 2].norm
    const b = tokens[i - 1].norm
    if ((b === 'from' && a === 'away' && /^(mov|step|shift|turn)/.test(tokens[i - 3]?.norm ?? '')) || isContrastPair(a, b)) return true
  }
  return practiceEnded(tokens, start) || practiceEndedBefore(tokens, at) || avoided(tokens, start) || rejectedTool(tokens, start, end) || wordingWithdrawn(tokens, start) || ratherThan(tokens, start) || criticsSay(tokens, start) || (!stopIsNegation && stoppedDoing(tokens, start, end, text, verb)) || auditCount(tokens, start) || namingJudged(tokens, start) || notTheirJob(tokens, start, end) || notPeerWork(tokens, start, end) || usedToThenNow(tokens, start, end)
}

/**
 * "It used to be the consultant's call whether…; now the person and the team decide", "Staff used to set residents' goals, but now…":
 * a past habit, with a later clause saying what happens now (not one that goes on: "now they also…", "still").
 */
function usedToThenNow(tokens: Token[], start: number, end: number): boolean {
  let used = -1
  for (let u = Math.max(0, start - 6); u < end && u < tokens.length - 1; u++) if (tokens[u].norm === 'used' && tokens[u + 1].norm === 'to') used = u
  if (used < 0) return false
  for (let n = Math.max(end, used + 2); n < tokens.length; n++) {
    if (!/^(now|nowadays|today)$/.test(tokens[n].norm)) continue
    if (tokens[n].join !== 'break' && !(/^(but|and)$/.test(tokens[n - 1].norm) && tokens[n - 1].join === 'break')) continue
    return !tokens.slice(n + 1, n + 9).some((t) => /^(still|also|too|again)$/.test(t.norm))
  }
  return false
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
  // "The board agreed to stop reporting…", "the trust has decided to stop…": a decision to give the practice up.
  if (k >= 0 && tokens[k + 1]?.norm === 'to' && /^(agreed|agrees|decided|decides|voted|votes|resolved|resolves|chose|pledged|pledges|promised|committed)$/.test(tokens[k].norm)) return true
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

const PASSIVE_DOWN = /^(?:(?:was|were|been|is|are) (?:turned down|voted down|rejected|refused|dropped|scrapped|declined|overruled))$/
function turnedDownAfter(tokens: Token[], end: number): boolean {
  for (let k = end; k < tokens.length - 2 && k - end <= 4; k++) if (PASSIVE_DOWN.test(`${tokens[k].norm} ${tokens[k + 1].norm}${/^(turned|voted)$/.test(tokens[k + 1].norm) ? ' ' + tokens[k + 2].norm : ''}`)) return true
  return false
}

const ENDING = new Set(['ended', 'end', 'ends', 'scrapped', 'dropped', 'abandoned', 'stopped', 'retired', 'discontinued', 'withdrew', 'withdrawn'])
/** "We have ended the practice of asking lived experience workers to check…": the practice ended, its verb inside the of-phrase. */
const CLAUSE_TURN = /^(because|although|though|but|whereas|yet|so)$/
function practiceEndedBefore(tokens: Token[], at: number): boolean {
  // The match's own verb ending it: "We have ended the practice of…".
  if (ENDING.has(tokens[at].norm)) {
    const n = /^(the|this|that|our|a|any)$/.test(tokens[at + 1]?.norm ?? '') ? at + 2 : at + 1
    if (PRACTICES.has(tokens[n]?.norm ?? '') && tokens[n + 1]?.norm === 'of') return true
  }
  for (let p = at - 1; p >= 2 && at - p <= 8; p--) {
    // "…ended the practice of asking residents what they want, because staff know best": a new clause is not the practice.
    if (tokens[p + 1].join === 'break' || CLAUSE_TURN.test(tokens[p].norm)) return false
    if (tokens[p].norm !== 'of' || !PRACTICES.has(tokens[p - 1].norm)) continue
    const d = /^(the|this|that|our|a|any)$/.test(tokens[p - 2].norm) ? p - 3 : p - 2
    return d >= 0 && ENDING.has(tokens[d].norm)
  }
  return false
}

/** "The old practice of closing files as recovered once scores dropped has been abandoned." */
function practiceEnded(tokens: Token[], start: number): boolean {
  let practice = -1
  for (let i = start - 1; i >= 1 && start - i <= 6; i--) if (PRACTICES.has(tokens[i - 1].norm) && tokens[i].norm === 'of') practice = i
  if (practice < 0) return false
  for (let k = start + 1; k < tokens.length - 1; k++) if ((tokens[k].norm === 'been' || tokens[k].norm === 'was' || tokens[k].norm === 'were') && ENDED.has(tokens[k + 1].norm)) return true
  return false
}

/** Words that open a contrasting clause after a comma or semicolon. */
const CONTRAST = /^(but|yet|although|though|whereas|however|still|instead)$/
const WITHDRAWN = new Set('end ends ended withdraw withdraws withdrawn withdrew scrap scraps scrapped remove removes removed retire retires retired replace replaces replaced rewrite rewrites rewritten rewrote pulped binned strike strikes struck delete deletes deleted cut cuts crossed abolish abolishes abolished drop drops dropped'.split(' '))
/** A document's wording, and the rules and schemes a service can take back ("scrapped the points system that tied leave to…"). */
const WORDING = new Set('leaflet leaflets poster posters page pages wording guidance booklet advert advertisement brochure document documents flyer handbook script slide slides line lines sentence sentences paragraph paragraphs passage clause clauses phrase statement rule rules requirement requirements policy policies system scheme schemes condition conditions practice practices'.split(' '))

/**
 * "The provider has withdrawn the leaflet that described peer workers as…", "The panel struck out a line presenting the
 * peer adviser as the standard…": the wording of a document taken back.
 */
function wordingWithdrawn(tokens: Token[], start: number): boolean {
  for (let i = start; i >= 2 && start - i <= 8; i--) {
    // "…scrapped its rule that peers report drug use, but peers still watch…": a contrast opens a clause the withdrawal does not reach.
    if (i < start && CONTRAST.test(tokens[i + 1].norm) && tokens[i + 1].join === 'break') return false
    // What the wording said: a relative clause, a gerund, or "the requirement (for peer workers) to report…".
    const content = RELATIVES.has(tokens[i].norm) || /^[a-z]{3,}ing$/.test(tokens[i].norm) || (i < start && /^(for|to)$/.test(tokens[i].norm))
    if (!content || !WORDING.has(tokens[i - 1].norm)) continue
    for (let k = i - 2; k >= 0 && i - k <= 4; k--) if (WITHDRAWN.has(tokens[k].norm)) return true
    // "The old rule that staff chose each tenant's goals was removed from the handbook": taken back after it, in the passive.
    for (let k = start + 1; k < tokens.length - 1; k++) if (/^(was|were|been|is|are)$/.test(tokens[k].norm) && WITHDRAWN.has(tokens[k + 1].norm)) return true
  }
  return false
}

/**
 * "The unit has scrapped the points system that tied day passes to…", "the contract removes the clause that…": the
 * sentence takes back a rule or a scheme (the second opinion's verdict, which reads the words the rule held, is set aside).
 * Not "dropped him from the scheme": the thing taken back follows the verb, after at most a determiner and two words.
 */
export function ruleWithdrawn(tokens: readonly Token[]): boolean {
  // "The trust removed the rule on visiting hours, but staff still decide…": what the contrast says is still in force.
  if (tokens.some((t, i) => i > 0 && CONTRAST.test(t.norm) && t.join === 'break')) return false
  for (let v = 0; v < tokens.length - 1; v++) {
    if (!WITHDRAWN.has(tokens[v].norm) || v === 0) continue
    let k = v + 1
    if (/^(the|a|an|its|our|their|this|that|these|those|any|all)$/.test(tokens[k].norm)) k++
    for (const end = k + 3; k < end && k < tokens.length; k++) {
      if (WORDING.has(tokens[k].norm)) return true
      if (tokens[k].join === 'break' || /^(him|her|them|me|us|you|he|she|they)$/.test(tokens[k].norm)) break
    }
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

/** A service, a team or the writers: those whose practice a sentence can say they gave up. */
const PRACTICE_HOLDERS = /^(we|service|services|team|teams|trust|unit|ward|house|scheme|programme|program|project|board|organisation|organization|charity|clinic|staff|practice|department|office|hospital|centre|center)$/
/**
 * "The psychology service no longer counts peer sessions as therapy", "The leaving-care service stopped asking mentors to
 * report on…": a service's practice given up, said before its verb. Not "Mr Dunne stopped going to groups" nor "our peer staff
 * stopped drinking" (a person's own life).
 */
export function practiceDropped(tokens: readonly Token[]): boolean {
  for (let i = 1; i < tokens.length - 1; i++) {
    const stop = /^(stopped|ceased)$/.test(tokens[i].norm) && /ing$/.test(tokens[i + 1].norm)
    const longer = tokens[i].norm === 'longer' && tokens[i - 1].norm === 'no'
    if (!stop && !longer) continue
    const before = tokens.slice(0, longer ? i - 1 : i)
    if (before.length > 0 && before.length <= 6 && PRACTICE_HOLDERS.test(before[before.length - 1].norm) && !before.some((t) => /^(he|she|they|i|you|peer|peers)$/.test(t.norm))) return true
  }
  return false
}
