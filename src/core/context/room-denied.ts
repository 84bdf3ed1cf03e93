/**
 * "The referral form no longer has a box for the referrer to choose the activity", "the template does not leave a
 * line for the worker to set goals": a negated have-verb whose object is room for the frame's clause denies the
 * practice, though the frame's own verb is not negated.
 *
 * Pure: no editor API, no node API.
 */
import type {Token} from '../match/tokens.js'
import {isNegator} from '../frames/grammar.js'

const ROOM_VERBS = new Set('have has had include includes included offer offers offered give gives gave leave leaves left'.split(' '))
const BETWEEN = /^(longer|do|does|did|a|an|any|the|single|separate)$/

/** Whether the clause starting at `start` (after "for") is what a negated have-verb just before it has no room for. */
export function roomDenied(tokens: readonly Token[], start: number): boolean {
  if (tokens[start - 1]?.norm !== 'for') return false
  for (let n = start - 2; n >= 0 && start - n <= 7; n--) {
    if (!isNegator(tokens[n].norm) && tokens[n].norm !== 'no') continue
    const between = tokens.slice(n + 1, start - 1).map((t) => t.norm)
    return between.some((w) => ROOM_VERBS.has(w)) && between.filter((w) => !ROOM_VERBS.has(w) && !BETWEEN.test(w)).length <= 2
  }
  return false
}
