/**
 * "Decide which groups the person should attend and let them know", "Show people the steps you took": an
 * imperative in a guide or procedure speaks to its reader, a worker. Read with the reader as its subject (the
 * document's role, or "Staff decide…"), its frames are found as a stated subject's would be. Only a sentence that
 * opens with a frame's verb in its base form (or has it after a lead word or an opening condition) followed by the
 * start of an object, and names people the reader supports: "Pick your courses", "Tell any member of staff" speak to the person, not to a worker.
 */
import type {Token} from '../match/tokens.js'
import {UPPER_START} from '../match/letters.js'
import type {FrameMatch, FrameMatcher} from './frames.js'
import {firstSentence, framesWithSubject} from './implied-subject.js'
import {namesOthers} from './addressee.js'

/** Words that open the object of an opening verb ("Decide which…", "Set the…", "Make sure…"). */
const OBJECT_START = new Set('the a an their his her your our them him people this these those each every any all which what whether how when where sure someone anyone clients residents patients service'.split(' '))
/** The reader, a worker; not "you", which joins the peer class (addressee.ts): a procedure's "Record the missed appointment" is no peer monitoring anyone. */
export const READER = 'Staff'

/** Words that may come before an imperative's verb: "Then tell the employee…", "Always ask…". */
const LEADS = new Set(['then', 'always', 'also', 'first', 'next', 'finally'])
/** Words that open a condition before an imperative: "If a resident is struggling, book the appointment for them". */
const CONDITIONS = new Set(['if', 'when', 'once', 'whenever', 'where', 'before', 'after', 'while', 'should', 'unless'])

/**
 * Where the imperative's verb stands in a sentence that gives a worker an instruction: 0 when the sentence opens with
 * it, 1 after a lead word ("Then decide…"), the word after the comma that closes an opening condition ("If a resident
 * is struggling, decide…"); -1 when the sentence is no such instruction.
 */
function imperativeFrom(frames: FrameMatcher, tokens: Token[], text: string): number {
  if (tokens.length < 2 || !UPPER_START.test(tokens[0].raw)) return -1
  let i = 0
  if (LEADS.has(tokens[0].norm)) i = 1
  else if (CONDITIONS.has(tokens[0].norm)) {
    i = tokens.findIndex((t, k) => k > 1 && k <= 16 && t.join === 'break' && text.slice(tokens[k - 1].end, t.start).trim() === ',')
    if (i < 0) return -1
  }
  const [verb, next] = [tokens[i], tokens[i + 1]]
  if (!verb || !next || !frames.has(verb.norm)) return -1
  // A base form: not "Decides", "Decided", "Deciding".
  if (/(?:[^s]s|ed|ing)$/.test(verb.norm)) return -1
  return OBJECT_START.has(next.norm) && namesOthers(tokens, frames.lexicon.tag(tokens)) ? i : -1
}

/** "Share your own pathway…", "Tell them your story": the reader's own recovery makes the reader a peer worker. */
const OWN_EXPERIENCE = new Set(['own', 'story', 'stories', 'recovery', 'journey', 'experience', 'experiences', 'pathway', 'path'])
// Plural, as READER is, so it agrees with the imperative's base form ("Peer workers show…").
const PEER_READER = 'Peer workers'

/**
 * "**What peer staff do:** run the kitchen… and make sure members keep taking their medication", "Role of the mentor: check…":
 * a label that names who does the work lends them, as subject, to the verbs after its colon.
 */
const DOER_LABEL = /^(?:what (?:the |our |your )?(.+) do|(?:role|duties|tasks) of (?:the |a |an |our )?(.+)|(?:the |our )?(.+?)(?:'s)? (?:role|duties|tasks))$/
function labelledDoer(tokens: Token[], text: string): [number, string] | undefined {
  for (let k = 2; k < Math.min(tokens.length - 1, 8); k++) {
    if (!text.slice(tokens[k - 1].end, tokens[k].start).includes(':')) continue
    const m = DOER_LABEL.exec(tokens.slice(0, k).map((t) => t.norm).join(' '))
    const doer = m && (m[1] ?? m[2] ?? m[3])
    return doer && !/(?:[^s]s|ed|ing)$/.test(tokens[k].norm) && !UPPER_START.test(tokens[k].raw) ? [k, doer] : undefined
  }
  return undefined
}

/** The frames of a sentence read as an instruction to a worker (imperativeFrom); none when it is no such instruction. */
export function framesOfImperative(frames: FrameMatcher, tokens: Token[], text: string, role?: string): FrameMatch[] {
  const labelled = labelledDoer(tokens, text)
  if (labelled) return framesWithInserted(frames, tokens, text, labelled[0], labelled[1])
  const from = imperativeFrom(frames, tokens, text)
  if (from < 0) return []
  const peer = tokens.some((t, i) => t.norm === 'your' && OWN_EXPERIENCE.has(tokens[i + 1]?.norm ?? ''))
  const reader = role ?? (peer ? PEER_READER : READER)
  return from > 0 ? framesWithInserted(frames, tokens, text, from, reader) : framesWithSubject(frames, tokens, text, reader)
}

/**
 * After a lead word or a condition, the worker is put before the verb and the opening kept, so the sentence is
 * read whole ("If someone has chest pain, staff alert a staff member" still names the emergency). Matches map back
 * to the sentence's own tokens, the worker's words onto the verb.
 */
function framesWithInserted(frames: FrameMatcher, tokens: Token[], text: string, from: number, reader: string): FrameMatch[] {
  const start = tokens[0].start
  // Mid-sentence, the worker is written in lower case, as a common noun ("staff"), not read as a name.
  const joined = `${text.slice(start, tokens[from].start)}${reader[0].toLowerCase()}${reader.slice(1)} ${text.slice(tokens[from].start, tokens[tokens.length - 1].end)}`
  const read = firstSentence(joined)
  if (!read) return []
  const added = read.length - tokens.length
  if (added <= 0 || read.some((t, k) => k < from ? t.norm !== tokens[k].norm : k >= from + added && t.norm !== tokens[k - added].norm)) return []
  const back = (k: number) => (k < from ? k : k < from + added ? from : k - added)
  return frames.matchSentence(read, joined).filter((m) => m.end > from).map((m) => ({...m, start: back(m.start), end: back(m.end - 1) + 1, core: m.core.filter((k) => k < from || k >= from + added).map(back)}))
}
