/**
 * Labels before a colon at a line's start ("Ward round:", "Tribunal report:", "Crisis line volunteer brief:"): the
 * frames skip them for a subject, the role reader reads a peer role in them, the matcher keeps their words from guarding.
 *
 * Pure: no editor API, no node API.
 */
import type {Token} from './tokens.js'

/**
 * A label of up to three words before a colon: the token index after which the colon stands, or -1.
 * `words`: how long a label may be ("Crisis line volunteer brief:" has four).
 */
export function labelEnd(tokens: Token[], text: string, words = 3): number {
  // "Peer volunteer role (Ontario): …": a bracketed aside in the label (a place, a date) is not one of its words.
  let [depth, outside, counted] = [0, -1, 0]
  for (let c = 0; c < tokens.length - 2; c++) {
    if (c > 0 && text.slice(tokens[c - 1].end, tokens[c].start).includes('(')) depth++
    if (depth === 0) {
      if (counted === words) break
      outside = c
      counted++
    }
    const after = text.slice(tokens[c].end, tokens[c].end + 2)
    if (after[0] === ':') return depth === 0 ? c : -1
    if (after[0] === ')') {
      depth = Math.max(0, depth - 1)
      if (after === '):' && depth === 0 && outside >= 0 && outside < c) return outside
    }
  }
  return -1
}

/** The first token after the colon of the label ending at token `label`, past a bracketed aside ("Link worker note (Leeds): I…"); -1 if none. */
export function afterLabel(tokens: Token[], text: string, label: number): number {
  const colon = text.indexOf(':', tokens[label].end)
  return tokens.findIndex((t) => t.start > colon)
}
