/**
 * A frame matched in words whose clause goes on to deny what they describe: "A safety plan written by staff and handed
 * over isn't really a safety plan", "Goals set by staff are not goals", "A crisis plan written by the team is not her
 * plan" (the match is the subject; a negated copula says it is not the thing it names), and a negated have-verb with
 * no room for it (room-denied.ts).
 *
 * Pure: no editor API, no node API.
 */
import type {Token} from '../match/tokens.js'
import {isAdverb, isFunctionWord, isNegator} from '../frames/grammar.js'
import {roomDenied} from './room-denied.js'

const BETWEEN = /^(a|an|the|her|his|their|your|its|our|my|a real|really|truly|actually|genuinely|necessarily|yet|always|even|properly)$/
const OWN = /^(hers|his|theirs|yours|mine|ours)$/
const FINITE_BE = /^(is|are|was|were|'s|'re)$/

/** Whether the frame's match [start, end) is the subject of a negated copula whose complement names what it named. */
function statusDenied(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = end; i < tokens.length - 1 && i - end <= 8; i++) {
    if (tokens[i].join === 'break') return false
    const n = tokens[i].norm
    const negatedBe = /^(isn't|aren't|wasn't|weren't)$/.test(n) || (FINITE_BE.test(n) && isNegator(tokens[i + 1].norm))
    if (!negatedBe) continue
    let k = FINITE_BE.test(n) ? i + 2 : i + 1
    while (k < tokens.length && tokens[k].join !== 'break' && (BETWEEN.test(tokens[k].norm) || isAdverb(tokens[k].norm))) k++
    if (k >= tokens.length) return false
    if (OWN.test(tokens[k].norm)) return true
    // The complement's head: the last of up to three words ("a crisis plan"), one of the match's own nouns, ending its
    // clause: "is not a plan you can change", "are not decisions anyone can appeal" say what the thing is like, not deny it.
    for (let h = k; h < tokens.length && h < k + 3 && tokens[h].join !== 'break'; h++) {
      const head = tokens[h].norm.replace(/s$/, '')
      if (!isFunctionWord(tokens[h].norm) && head.length > 2 && tokens.slice(start, end).some((t) => t.norm.replace(/s$/, '') === head) && endsClause(tokens, h + 1)) return true
    }
    return false
  }
  return false
}

/** Whether the clause ends before token i: the sentence's end, punctuation, or a word that opens what follows ("at all", "if…", "but…"). */
const CLAUSE_GOES_ON = /^(at|as|if|unless|because|but|and|or|so|when|while|until|whatever|anymore|either|though)$/
const endsClause = (tokens: readonly Token[], i: number): boolean => i >= tokens.length || tokens[i].join === 'break' || CLAUSE_GOES_ON.test(tokens[i].norm)

/**
 * "No score on any scale decides whether someone has moved on", "Questionnaire scores will not decide whether anyone is
 * counted as well": a deciding verb, negated in its own group or by a "no" subject, over a whether-clause the match is in.
 */
const DECIDING = /^(decide|decides|determine|determines|define|defines|settle|settles|dictate|dictates)$/
const NO_SUBJECT = /^(no|nothing|none|neither)$/
const EXCEPT = /^(but|except|besides|save|bar)$/
/** An exception after a negated subject, before the deciding verb: "no one but X", "nobody other than X", "none apart from X". */
function exceptive(tokens: readonly Token[], k: number, d: number): boolean {
  for (let i = k + 1; i < d && i <= k + 3; i++) {
    if (EXCEPT.test(tokens[i].norm)) return true
    if (/^(other|apart|aside)$/.test(tokens[i].norm) && /^(than|from)$/.test(tokens[i + 1]?.norm ?? '')) return true
  }
  return false
}
function deciderDenied(tokens: readonly Token[], start: number, end: number): boolean {
  for (let d = Math.max(1, start - 4); d < end - 1; d++) {
    if (!DECIDING.test(tokens[d].norm) || !/^(whether|if|who|when)$/.test(tokens[d + 1].norm)) continue
    for (let k = d - 1; k >= 0 && d - k <= 7 && tokens[k + 1].join !== 'break'; k--) {
      // "No one but the consultant decides…", "nobody except the team determines…": an exception names the decider.
      if ((isNegator(tokens[k].norm) || NO_SUBJECT.test(tokens[k].norm)) && exceptive(tokens, k, d)) return false
      if (isNegator(tokens[k].norm) && k >= d - 3) return true
      if (NO_SUBJECT.test(tokens[k].norm)) return true
    }
    return false
  }
  return false
}

export function frameDenied(tokens: readonly Token[], start: number, end: number): boolean {
  return roomDenied(tokens, start) || statusDenied(tokens, start, end) || deciderDenied(tokens, start, end)
}
