/**
 * "Recovery is judged by the score, not what the person says", "whoever decides, rather than how they feel",
 * "even if they tell us they are well": the person's word set against the frame. A frame's guard words
 * (`unlessNear`: "says", "feel", "their own") give the person a say only where they are not set aside like this, and
 * a measure set aside (", not by a score") is not what the frame is measured by. A person set aside (", not the
 * tenant") is still who the clause is about: frames.ts keeps people words.
 */
import type {Token} from '../match/tokens.js'
import {isContrastPair} from './grammar.js'

/** Words that set what follows aside: "regardless of", "despite", "whatever", "no matter". */
const ASIDE = new Set(['despite', 'ignoring', 'overriding', 'overrules', 'overrule'])
/** A concessive "whatever" opens a clause with its own subject ("whatever the person says"); "whatever got her well" is what was done. */
const CONCESSIVE_SUBJECT = /^(the|a|an|their|they|you|your|he|she|his|her|we|our|people|anyone|someone|staff)$/
const ASIDE_OF = new Set(['regardless', 'irrespective'])
/** What may stand between a contrasting "not" and the guard word: "not (by) what the person says". */
const REACH = 5

/** Whether the guard word at token `at` is set against the frame by a contrast before it in its clause. */
export function setAgainst(reader: {readonly tokens: Token[], gap(i: number): string}, at: number): boolean {
  const {tokens} = reader
  // "voices or no voices", "symptoms or not": the measure is said not to matter, either way round.
  const w0 = tokens[at]?.norm
  if (tokens[at + 1]?.norm === 'or' && ((tokens[at + 2]?.norm === 'no' && tokens[at + 3]?.norm === w0) || tokens[at + 2]?.norm === 'not')) return true
  if (tokens[at - 1]?.norm === 'no' && tokens[at - 2]?.norm === 'or' && tokens[at - 3]?.norm === w0) return true
  for (let k = at - 1; k >= 0 && at - k <= REACH; k--) {
    // Only within the words' own stretch: ", not the tenant, to say…" sets aside the tenant, not "to say".
    if (/[.;:!?,()—–]/.test(reader.gap(k + 1))) return false
    const w = tokens[k].norm
    const before = tokens[k - 1]?.norm ?? ''
    // A contrast after a comma or "and/but": ", not what they say"; not "not only", "whether or not", "do not feel".
    if (w === 'not' && !/^(only|just|merely|simply)$/.test(tokens[k + 1]?.norm ?? '') && (reader.gap(k).includes(',') || reader.gap(k).includes('—') || /^(and|but)$/.test(before))) return true
    if (isContrastPair(before, w) || (w === 'of' && ASIDE_OF.has(before)) || (w === 'matter' && before === 'no')) return true
    if (ASIDE.has(w) || (w === 'whatever' && CONCESSIVE_SUBJECT.test(tokens[k + 1]?.norm ?? '')) || (w === 'even' && /^(if|though|when)$/.test(tokens[k + 1]?.norm ?? ''))) return true
  }
  return false
}

/**
 * Where a contrast set off by commas before token j starts (", not anything the woman says about her life, that…",
 * ", rather than what the person says, who…"): the index of its "not" or "rather", or -1.
 */
export function clauseAsideStart(reader: {readonly tokens: Token[], norm(i: number): string, gap(i: number): string}, j: number): number {
  for (let k = j - 1; k >= 1 && j - k <= 14; k--) {
    if (/[.;:!?]/.test(reader.gap(k + 1))) return -1
    if (!reader.gap(k).includes(',')) continue
    if (reader.norm(k) === 'not' || isContrastPair(reader.norm(k), reader.norm(k + 1))) return k
  }
  return -1
}

/**
 * Where a clause from `from` ends before a contrast (", not by HoNOS", "rather than…") or a phrase a comma sets off
 * (", based on what members vote for", ", after consulting members"), or `end`.
 */
export function contrastAfter(reader: {norm(i: number): string, gap(i: number): string}, from: number, end: number): number {
  for (let i = from + 1; i < end; i++) {
    if ((/^(not|rather|instead)$/.test(reader.norm(i)) && reader.gap(i).includes(',')) || (reader.norm(i) === 'rather' && reader.norm(i + 1) === 'than')) return i
    if (reader.gap(i).includes(',') && /^(based|after|following|depending|from|using)$/.test(reader.norm(i))) return i
  }
  return end
}
