/**
 * A list item that finishes its lead-in's sentence has the lead-in's subject:
 *
 *     The care coordinator will:
 *     - decide the person's recovery goals with the team and inform them
 *
 * The frames read the item as "The care coordinator will decide …": the subject is put in
 * front of the item's words, the clause is read, and matches are mapped back onto the item
 * (a match that reaches into the subject starts at the item's first word).
 */
import type {Token} from '../match/tokens.js'
import {sentenceTokens} from '../match/tokens.js'
import {parseText} from '../parse/text.js'
import type {FrameMatch, FrameMatcher} from './frames.js'
import {isFunctionWord} from './grammar.js'
import type {Sentence} from 'nlcst'

export function framesWithSubject(frames: FrameMatcher, tokens: Token[], text: string, subject: string): FrameMatch[] {
  // A lettered item's marker ("b) decide …") is not one of its words.
  const skip = tokens.length > 1 && /^([a-z]|[ivx]{1,4})$/.test(tokens[0].norm) && /^[.)]/.test(text.slice(tokens[0].end, tokens[0].end + 1)) ? 1 : 0
  // Only an item that starts with a verb continues the lead-in ("decide …", "to support …").
  const first = tokens[skip]?.norm
  if (!first || (isFunctionWord(first) && first !== 'to') || /^[A-Z]{2}/.test(tokens[skip].raw)) return []
  const own = text.slice(tokens[skip].start, tokens[tokens.length - 1].end)
  const joined = `${subject} ${own}`
  let read: Token[] | undefined
  const walk = (node: {type: string; children?: unknown[]}) => {
    if (node.type === 'SentenceNode') {
      read ??= sentenceTokens(node as unknown as Sentence)
      return
    }
    for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
  }
  walk(parseText(joined).tree as never)
  if (!read) return []
  // Indexes in `read` minus `offset` are indexes in `tokens`.
  const offset = read.length - tokens.length
  // The item's words must read as they did on their own (one sentence, the same words).
  if (offset + skip <= 0 || read.slice(offset + skip).some((t, i) => t.norm !== tokens[i + skip].norm)) return []
  const out: FrameMatch[] = []
  for (const m of frames.matchSentence(read, joined)) {
    if (m.end <= offset + skip) continue
    out.push({...m, start: Math.max(skip, m.start - offset), end: m.end - offset, core: m.core.filter((i) => i >= offset + skip).map((i) => i - offset)})
  }
  return out
}
