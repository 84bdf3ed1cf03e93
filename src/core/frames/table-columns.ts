/**
 * "| Referrals | Decide which tenants need peer support | Accept self-referrals |" under the header "| Area | Carron
 * Valley Housing Association | Tide Turn Peer Support |": a who-does-what table's column header names who does what
 * its cells say, so a cell that opens with a verb is read with the header as its subject, as a list item is read with
 * its lead-in ("The housing association will:").
 */
import type {Token} from '../match/tokens.js'
import {columnHeader, ROLE_HEADER} from '../context/lead-in.js'
import type {FrameMatch, FrameMatcher} from './frames.js'
import {framesWithSubject} from './implied-subject.js'

/** The frames of a table row's cells read with their column headers; undefined when the sentence is no such row. */
export function framesOfColumns(frames: FrameMatcher, tokens: Token[], text: string): FrameMatch[] | undefined {
  if (tokens.length < 3) return undefined
  const lineStart = text.lastIndexOf('\n', tokens[0].start - 1) + 1
  if (!/^[ \t]*\|/.test(text.slice(lineStart, tokens[0].start))) return undefined
  let out: FrameMatch[] | undefined
  let from = 0
  for (let k = 1; k <= tokens.length; k++) {
    // A cell ends where a pipe stands between two words (or at the row's end).
    if (k < tokens.length && !text.slice(tokens[k - 1].end, tokens[k].start).includes('|')) continue
    const header = columnHeader(text, tokens[from].start)
    // A cell that speaks to or for the reader ("Decide which goals matter to you") is no one else's doing.
    const own = tokens.slice(from, k).some((t) => /^(you|your|yours|i|me|my)$/.test(t.norm))
    if (header !== undefined && !own && ROLE_HEADER.test(header) && k - from >= 2) {
      // Read mid-sentence, a capitalised name would not be read as the subject ("Carron Valley Housing Association Decide…").
      for (const m of framesWithSubject(frames, tokens.slice(from, k), text, header.toLowerCase())) {
        ;(out ??= []).push({...m, start: m.start + from, end: m.end + from, core: m.core.map((c) => c + from)})
      }
    }
    from = k
  }
  return out
}
