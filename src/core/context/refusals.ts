/**
 * Refusals that reject what they turn down: a proposal or a request the writers refused ("turned down the funder's request
 * to log peer sessions as therapy"), or a request they said no to in the next clause. Read by rejection.ts.
 */
import type {Token} from '../match/tokens.js'

/** "We refused a contract clause that would have had volunteers report…", "declined a grant that would have paid us for…", "turned down a request for…": what was turned down. */
export function refusedWouldHave(tokens: Token[], from: number, start: number): boolean {
  for (let k = from; k < start; k++) {
    if (!REFUSING.has(tokens[k].norm) && !(tokens[k].norm === 'turned' && tokens[k + 1]?.norm === 'down')) continue
    for (let n = k + 1; n < Math.min(start, k + 9); n++) {
      if (/^(that|which)$/.test(tokens[n].norm) && tokens[n + 1]?.norm === 'would' && tokens[n + 2]?.norm === 'have') return true
      // "turned down the insurer's request for peer workers to log…": the request is what was refused.
      // Not a person refusing an offer ("He refused the offer to see the psychiatrist because he lacks insight").
      // Nor a request for the person ("turned down a request for Mr Li to have leave"): that is staff deciding against them.
      if (/^(requests?|proposals?|suggestions?|demands?|offer|plans?|idea)$/.test(tokens[n].norm) && /^(for|to|that)$/.test(tokens[n + 1]?.norm ?? '') && !tokens.slice(Math.max(0, k - 4), k).some((t) => PERSON_WORD.test(t.norm)) && !forPerson(tokens, n + 2)) return true
    }
  }
  return false
}
export const REFUSING = new Set(['refused', 'declined', 'rejected', 'refuse', 'decline', 'reject', 'refuses', 'declines', 'rejects'])
const PERSON_WORD = /^(he|she|they|i|you|him|her|them|me|his|their|mr|mrs|ms|miss|mx|patient|patients|client|clients|resident|residents|person|people|tenant|tenants|member|members)$/
/** The words at i name the person: a pronoun, a title, a capitalised name or "the resident". */
function forPerson(tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (t === undefined) return false
  return PERSON_WORD.test(t.norm) || /^\p{Lu}\p{Ll}/u.test(t.raw) || (/^(the|a|an|each|every)$/.test(t.norm) && PERSON_WORD.test(tokens[i + 1]?.norm ?? ''))
}

/**
 * "I was asked to pass on what a member said, and I said no", "we were told to…, but we refused": a request the writer
 * turned down in the clause joined straight after it (a bare refusal or "said no", not "I wouldn't have it any other way").
 */
export function askedAndRefused(tokens: Token[], text: string, from: number, start: number): boolean {
  const asked = tokens.slice(from, start).findIndex((t, k) => /^(asked|told|expected|pressured|pushed)$/.test(t.norm) && tokens[from + k + 1]?.norm === 'to' && /^(was|were|been|being|get|got)$/.test(tokens[from + k - 1]?.norm ?? ''))
  if (asked < 0) return false
  for (let k = start + 1; k + 1 < tokens.length; k++) {
    if (!/[,;]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) continue
    const w = /^(and|but|so)$/.test(tokens[k].norm) ? k + 1 : k
    if (!/^(i|we)$/.test(tokens[w]?.norm ?? '')) return false
    const v = tokens[w + 1]?.norm ?? ''
    const end = (n: number) => tokens[n] === undefined || tokens[n].join === 'break'
    return (REFUSING.has(v) && end(w + 2)) || (v === 'said' && tokens[w + 2]?.norm === 'no' && end(w + 3)) || (/^(wouldn't|won't)$/.test(v) && end(w + 2))
  }
  return false
}
