/**
 * A sentence that opens with "he", "she" or "they" usually continues the subject of the sentence
 * before it (the subject is what a paragraph is about):
 *
 *     The care coordinator meets you within a week. She will set your recovery goals at that meeting.
 *
 * The frames read "She will set …" as "The care coordinator will set …" (implied-subject.ts). The
 * antecedent is a person word (a staff, peer, people or relatives class) that opens the sentence
 * before, after at most a determiner, a possessive and a describing word; pronoun sentences in a
 * row share it.
 */
import type {Sentence} from 'nlcst'
import {sentenceTokens, type Token} from '../match/tokens.js'
import type {Hit} from './hits.js'
import {DETERMINERS, isFunctionWord, POSSESSIVES, SUBORDINATORS} from './grammar.js'
import {labelEnd} from '../match/label.js'
import {PERSON_CLASSES, single, type Np} from './phrases.js'
import type {SentenceReader} from './clause.js'
import {becauseAnswer} from './because-answer.js'

/**
 * A subject pronoun's antecedent ("Our peer mentors … . They will show you …"): the text the pronoun stands for;
 * or, `whole`, words the sentence continues ("Recovery means" before the answer to "How will I know I'm recovered?").
 */
export interface Antecedent {
  text: string
  /** Put before the whole sentence (an answer finishing its question), not in place of an opening pronoun. */
  whole?: boolean
  /** A whole answer's finding ends where its match ends, not at the sentence's end (answered-by.ts answeredWho). */
  ownEnd?: boolean
  /** A whole answer read from this word on, not from the sentence's start ("Under the plan as written, the clinical team does"). */
  from?: number
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they'])
const PERSON = new Set(PERSON_CLASSES)
/** Words before the person word, at most this many ("Our new senior peer workers"). */
const MAX_LEAD = 3

/** The pronoun a sentence opens with, or undefined. */
export function openingPronoun(tokens: Token[]): string | undefined {
  const first = tokens[0]?.norm
  return first !== undefined && SUBJECT_PRONOUNS.has(first) && tokens.length > 2 && tokens[1].join === 'space' ? first : undefined
}

/** The person that opens a sentence, as text, with whether it is plural; undefined when it opens with anything else. */
export function openingPerson(tokens: Token[], text: string, hits: readonly Hit[]): {antecedent: Antecedent; plural: boolean} | undefined {
  const best = openingPersonHit(tokens, text, hits)
  return best && {antecedent: {text: text.slice(tokens[opening(tokens, text)].start, tokens[best.end - 1].end)}, plural: best.plural}
}

/**
 * A subject pronoun after a clause joiner stands for the person the sentence opens with ("Our peer mentors got
 * better, and they can show you…"): that phrase, when the number agrees; else np itself.
 */
export function coordinatedPronoun(np: Np, reader: SentenceReader): Np {
  if (np.head === undefined || np.end - np.start !== 1 || np.start < 3) return np
  const pronoun = reader.norm(np.head)
  if (!SUBJECT_PRONOUNS.has(pronoun)) return np
  const before = reader.norm(np.start - 1)
  if (!(JOINERS.has(before) && reader.gap(np.start - 1).includes(',')) && !reader.gap(np.start).includes(';')) return frontedClausePronoun(np, pronoun, reader)
  const best = openingPersonHit(reader.tokens, reader.source, reader.hits)
  // "The peer worker and Tama talked…, and he…": one of two people is no antecedent.
  if (!best || best.end > np.start - 1 || !agrees(pronoun, best.plural) || /^(and|or|&)$/.test(reader.norm(best.end))) return np
  return reader.leftNp(best.end - 1, 0).find((p) => p.head === best.end - 1) ?? single(best.end - 1)
}

const JOINERS = new Set(['and', 'so', 'but'])
/** Words opening a fronted clause whose subject a pronoun after it continues; "should" opens an inverted condition. */
const FRONTING = new Set([...SUBORDINATORS, 'should'])
const OBJECT_OF: Record<string, string> = {she: 'her', he: 'him', they: 'them'}
/** A name inside the fronted clause ("When the nurse visits Amy at home"). */
const UPPER = /^\p{Lu}/u

/**
 * A subject pronoun right after a fronted clause stands for that clause's subject when it is a person ("Once the
 * coordinator has read the notes, she decides…", "Should staff feel…, they will decide…"): that phrase, when the
 * number agrees; else np itself.
 */
function frontedClausePronoun(np: Np, pronoun: string, reader: SentenceReader): Np {
  const from = opening(reader.tokens, reader.source)
  if (!reader.gap(np.start).includes(',') || !FRONTING.has(reader.tokens[from]?.norm ?? '') || reader.gap(from + 1).includes(',')) return np
  const best = openingPersonHit(reader.tokens, reader.source, reader.hits, from + 1)
  // The pronoun must follow the fronted clause's own verb, not sit inside it ("When she and the nurse…"); two people
  // ("When the nurse and Tom…") share it.
  if (!best || best.end >= np.start || !agrees(pronoun, best.plural) || /^(and|or|&)$/.test(reader.norm(best.end))) return np
  // Another person in the fronted clause may be the one meant ("After the doctor has explained the options to her, she
  // decides…", "When the peer worker visits people at home, they decide…"): no antecedent then.
  if (reader.hits.some((h) => PERSON.has(h.cls) && h.start >= best.end && h.end <= np.start && rival(h, pronoun, reader))) return np
  for (let i = best.end; i < np.start; i++) if (OBJECT_OF[pronoun] === reader.norm(i) || UPPER.test(reader.tokens[i].raw)) return np
  return reader.leftNp(best.end - 1, 0).find((p) => p.head === best.end - 1) ?? single(best.end - 1)
}

/**
 * Another person in a fronted clause who could be the one a pronoun stands for: of its number, not a possessor ("a
 * family's situation") and not the subject of a clause after "that" ("feel that a visitor is coming too often").
 */
function rival(h: Hit, pronoun: string, reader: SentenceReader): boolean {
  if (!agrees(pronoun, h.plural === true) || reader.possessive(h.end - 1)) return false
  let i = h.start - 1
  while (i >= 0 && reader.norm(i) !== 'that' && DETERMINERS.has(reader.norm(i))) i--
  // "has read the referral", "has screened the case": a paper read, not a person ("referral" is a people word too).
  if (PAPER.test(reader.norm(h.end - 1)) && READ.test(reader.norm(i))) return false
  return reader.norm(i) !== 'that'
}
const PAPER = /^(?:referrals?|cases?|files?)$/
const READ = /^(?:read|reads|reading|review|reviews|reviewed|reviewing|receive|receives|received|screen|screens|screened|triage|triages|triaged|check|checks|checked|process|processes|processed)$/

/** Where the sentence's own words open: after a speaker's or a field's label ("Narrator: Our peer workers…"). */
function opening(tokens: Token[], text: string): number {
  // A policy's clause number ("3.2.4 Peer support workers are…") is no word of the sentence.
  let i = labelEnd(tokens, text) + 1
  while (i < tokens.length - 1 && /^\d[\d.]*$/.test(tokens[i].norm)) i++
  return i
}

function openingPersonHit(tokens: Token[], text: string, hits: readonly Hit[], from = opening(tokens, text)): Hit | undefined {
  let best: Hit | undefined
  for (const h of hits) {
    if (h.start < from) continue
    if (h.start > from + MAX_LEAD) break
    // "Our family peer supporter": a person word right after another is the compound's head.
    if (PERSON.has(h.cls) && (best === undefined || h.start < best.start || (h.start === best.start && h.end > best.end) || (h.start === best.end && tokens[h.start].join === 'space'))) best = h
  }
  if (!best || best.end >= tokens.length) return undefined
  // "Gareth, our peer support worker, lived…": a name and its role in apposition open the sentence; the role says who.
  const first = best.start > from + 1 && UPPER.test(tokens[from].raw) && text.slice(tokens[from].end, tokens[from + 1].start).trim() === ',' ? from + 1 : from
  for (let i = first; i < best.start; i++) {
    const norm = tokens[i].norm
    if (tokens[i].join !== 'space' && i > first) return undefined
    // "The", "Our", "Each", "new": not "When", "If", "For" (a clause or phrase opens the sentence).
    if (!(DETERMINERS.has(norm) || POSSESSIVES.has(norm) || (i > first && !isFunctionWord(norm) && /^[a-z-]+$/.test(norm)))) return undefined
  }
  // "The nurse's view", "the team of": the person word is not the head ("Our peer worker, Wiremu, spent…" is).
  const next = tokens[best.end]
  if ((next.join !== 'space' && text.slice(tokens[best.end - 1].end, next.start).trim() !== ',') || next.norm === 'of' || next.norm === 's') return undefined
  return best
}

/** Whether a pronoun can stand for an antecedent of that number ("she" for one person; "they" for any). */
export function agrees(pronoun: string, plural: boolean): boolean {
  return pronoun === 'they' || !plural
}

/** The antecedent of the pronoun `tokens` open with: the person opening the paragraph's last sentence before it that does not open with one. */
export function antecedentOf(sentences: ReadonlyArray<{type: string}>, sentence: {type: string}, tokens: Token[], text: string, tag: (tokens: Token[]) => readonly Hit[]): Antecedent | undefined {
  const pronoun = openingPronoun(tokens)
  if (!pronoun) return becauseAnswer(sentences, sentence, tokens, text, tag)
  for (let i = sentences.indexOf(sentence) - 1; i >= 0; i--) {
    if (sentences[i].type !== 'SentenceNode') continue
    const before = sentenceTokens(sentences[i] as unknown as Sentence)
    if (openingPronoun(before)) continue
    const found = openingPerson(before, text, tag(before))
    return found && agrees(pronoun, found.plural) ? found.antecedent : undefined
  }
  return undefined
}

