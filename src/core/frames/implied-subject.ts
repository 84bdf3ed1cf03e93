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
import type {Antecedent} from './pronoun-antecedent.js'
import {CAPITALISED, UPPER_START} from '../match/letters.js'
import {afterLabel, labelEnd} from '../match/label.js'
import {PEER_ROLE_SUBJECT, WORKER_WRITER} from '../context/role-document.js'
export {antecedentOf, type Antecedent} from './pronoun-antecedent.js'
export {answersRecovery, mayAnswerRecovery, RECOVERY_MEANS} from './answered-question.js'

export function framesWithSubject(frames: FrameMatcher, tokens: Token[], text: string, subject: string | Antecedent): FrameMatch[] {
  if (typeof subject !== 'string' && !subject.whole) return framesForPronoun(frames, tokens, text, subject.text)
  const whole = typeof subject !== 'string'
  // A lettered item's marker ("b) decide …") is not one of its words.
  // Nor is a label of up to three words before a colon ("Meets: treats participants' symptoms…", "Peer role: reinforce…").
  const after = text.slice(tokens[0]?.end ?? 0, (tokens[0]?.end ?? 0) + 1)
  const label = !whole && tokens.length > 2 && UPPER_START.test(tokens[0].raw) ? labelEnd(tokens, text, typeof subject === 'string' && subject === PEER_ROLE_SUBJECT ? 5 : 3) : -1
  // A worker's note: the label and its "I" give way to the worker.
  const skip = whole && subject.from ? subject.from : label >= 0 ? firstAfter(tokens, text, label) + (subject === WORKER_WRITER ? 1 : 0) : tokens.length > 1 && /^([a-z]|[ivx]{1,4})$/.test(tokens[0].norm) && (whole ? /^[.):]/ : /^[.)]/).test(after) ? 1 : 0
  // Only an item that starts with a verb continues the lead-in ("decide …", "to support …").
  const first = tokens[skip]?.norm
  // Or with a negated modal ("Assessment summary: cannot cook, cannot budget…").
  if (!first || (!whole && subject !== WORKER_WRITER && ((isFunctionWord(first) && first !== 'to' && !/^(cannot|can't|won't|doesn't|didn't)$/.test(first)) || /^[A-Z]{2}/.test(tokens[skip].raw)))) return []
  // "I've chosen…": after the worker, the clitic is its own word ("have chosen").
  let own = subject === WORKER_WRITER && tokens[skip].raw.startsWith("'") && skip + 1 < tokens.length ? `${tokens[skip].norm} ${text.slice(tokens[skip + 1].start, tokens[tokens.length - 1].end)}` : text.slice(tokens[skip].start, tokens[tokens.length - 1].end)
  // Read mid-sentence, an opening capital would look like a name ("Recovery means your worker checks…").
  if (whole && CAPITALISED.test(own) && first !== 'i') own = own[0].toLowerCase() + own.slice(1)
  // "Assessment summary: unable to cook…": an adjective of ability needs its copula after the subject.
  const joined = `${whole ? subject.text : subject}${!whole && /^(unable|incapable)$/.test(first) ? ' is' : ''} ${own}`
  const read = firstSentence(joined)
  if (!read) return []
  // Indexes in `read` minus `offset` are indexes in `tokens`.
  const offset = read.length - tokens.length
  // The item's words must read as they did on their own (one sentence, the same words).
  if (offset + skip <= 0 || read.slice(offset + skip).some((t, i) => t.norm !== tokens[i + skip].norm)) return []
  const out: FrameMatch[] = []
  for (const m of frames.matchSentence(read, joined)) {
    if (m.end <= offset + skip) continue
    // An answer is marked whole: its measure is what the question's recovery is said to be.
    const end = whole && !subject.ownEnd ? tokens.length : m.end - offset
    out.push({...m, start: Math.max(subject === WORKER_WRITER ? skip - 1 : skip, m.start - offset), end, core: m.core.filter((i) => i >= offset + skip).map((i) => i - offset)})
  }
  return out
}


/** The sentence read with its opening pronoun replaced by the antecedent; matches map back, the antecedent's words onto the pronoun. */
function framesForPronoun(frames: FrameMatcher, tokens: Token[], text: string, antecedent: string): FrameMatch[] {
  if (tokens.length < 3) return []
  const joined = `${antecedent} ${text.slice(tokens[1].start, tokens[tokens.length - 1].end)}`
  const read = firstSentence(joined)
  if (!read) return []
  // Indexes in `read` minus `offset` are indexes in `tokens` (the pronoun is token 0).
  const offset = read.length - tokens.length
  if (offset < 0 || read.slice(offset + 1).some((t, i) => t.norm !== tokens[i + 1].norm)) return []
  const out: FrameMatch[] = []
  for (const m of frames.matchSentence(read, joined)) {
    if (m.end <= offset) continue
    out.push({...m, start: Math.max(0, m.start - offset), end: m.end - offset, core: m.core.map((i) => Math.max(0, i - offset))})
  }
  return out
}

/** The tokens of the first sentence of `text`, read as the review reads it. */
export function firstSentence(text: string): Token[] | undefined {
  let read: Token[] | undefined
  const walk = (node: {type: string; children?: unknown[]}) => {
    if (read) return
    if (node.type === 'SentenceNode') read = sentenceTokens(node as unknown as Sentence)
    else for (const child of node.children ?? []) walk(child as {type: string; children?: unknown[]})
  }
  walk(parseText(text).tree as never)
  return read
}

/** The first word after a label's colon (afterLabel), or the word after the label when none follows it. */
function firstAfter(tokens: Token[], text: string, label: number): number {
  const k = afterLabel(tokens, text, label)
  return k < 0 ? label + 1 : k
}
