/**
 * A sentence that rejects a framing is not using it: "peer workers are not role
 * models", "recovery does not mean being symptom-free", "you do not manage
 * clients". A negator earlier in the same clause, governing the words matched,
 * makes the match a rejection.
 */
import type {Token} from '../match/tokens.js'
import {CLAUSE_PUNCTUATION, CONJUNCTIONS, isNegator, isUntil, isWhileStill, LIMITERS, RELATIVES, SUBORDINATORS} from '../frames/grammar.js'
import {CLAIM_NOUNS, FALSE_CLAIM, REJECTING_VERBS} from './claims.js'
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
  // "do not cope", "often do not see what is best for them": the negation on the frame's own verb says what the person does not do
  // ("may not work for another" is as often said of a thing).
  if (isNegator(tokens[start - 1]?.norm ?? '') && /^(do|does|did)$/.test(tokens[start - 2]?.norm ?? '')) inability = true
  // Only a negated ability is the frame's own: "is not showing a lack of insight" still rejects what it is said to show.
  return inability ? i : start
}
const INABILITY = new Set(['cannot', "can't", "couldn't", 'unable', 'incapable'])
const GROUP = new Set(['can', 'could', 'will', 'would', 'do', 'does', 'did', 'to', 'be', 'is', 'are', 'was', 'were', 'been', 'able', 'really', 'even', 'still', 'always', 'just', 'simply', 'longer'])

/** A negation further back, in a governing clause: context/rejection.ts. */
export {isRejectedByClause} from './rejection.js'
/** A practice given up or turned down: context/practice-left.ts. */
export {practiceLeftBehind} from './practice-left.js'

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
  // "they don't diagnose or keep clinical notes": a verb of its own, "or", then the practice's verb.
  if (!PRACTICE_VERBS.has(tokens[v]?.norm ?? '') && !(/^(or|nor)$/.test(tokens[v + 1]?.norm ?? '') && PRACTICE_VERBS.has(tokens[v + 2]?.norm ?? '') && v + 2 < start)) return false
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
