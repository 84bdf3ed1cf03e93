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
  for (let c = 0; c < words && c < tokens.length - 2; c++) if (text.slice(tokens[c].end, tokens[c].end + 1) === ':') return c
  return -1
}
