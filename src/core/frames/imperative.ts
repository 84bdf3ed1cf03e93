/**
 * "Decide which groups the person should attend and let them know", "Show people the steps you took": an
 * imperative in a guide or procedure speaks to its reader, a worker. Read with the reader as its subject (the
 * document's role, or "Staff decide…"), its frames are found as a stated subject's would be. Only a sentence that
 * opens with a frame's verb in its base form followed by the start of an object, and names people the reader
 * supports: "Pick your courses", "Tell any member of staff" speak to the person, not to a worker.
 */
import type {Token} from '../match/tokens.js'
import {UPPER_START} from '../match/letters.js'
import type {FrameMatch, FrameMatcher} from './frames.js'
import {framesWithSubject} from './implied-subject.js'
import {namesOthers} from './addressee.js'

/** Words that open the object of an opening verb ("Decide which…", "Set the…", "Make sure…"). */
const OBJECT_START = new Set('the a an their his her your our them him people this these those each every any all which what whether how when where sure someone anyone clients residents patients service'.split(' '))
/** The reader, a worker; not "you", which joins the peer class (addressee.ts): a procedure's "Record the missed appointment" is no peer monitoring anyone. */
const READER = 'Staff'

export function opensImperative(frames: FrameMatcher, tokens: Token[]): boolean {
  const [first, next] = tokens
  if (!first || !next || !UPPER_START.test(first.raw) || !frames.has(first.norm)) return false
  // A base form: not "Decides", "Decided", "Deciding".
  if (/(?:[^s]s|ed|ing)$/.test(first.norm)) return false
  return OBJECT_START.has(next.norm) && namesOthers(tokens, frames.lexicon.tag(tokens))
}

/** "Share your own pathway…", "Tell them your story": the reader's own recovery makes the reader a peer worker. */
const OWN_EXPERIENCE = new Set(['own', 'story', 'stories', 'recovery', 'journey', 'experience', 'experiences', 'pathway', 'path'])
// Plural, as READER is, so it agrees with the imperative's base form ("Peer workers show…").
const PEER_READER = 'Peer workers'

export function framesOfImperative(frames: FrameMatcher, tokens: Token[], text: string, role?: string): FrameMatch[] {
  const peer = tokens.some((t, i) => t.norm === 'your' && OWN_EXPERIENCE.has(tokens[i + 1]?.norm ?? ''))
  return framesWithSubject(frames, tokens, text, role ?? (peer ? PEER_READER : READER))
}
