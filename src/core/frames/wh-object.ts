/**
 * A question that fronts its object: "Which of your own recovery steps will you teach the guests?", "What goals
 * does the consultant set?". The phrase after "which" or "what" is the object of the verb after the subject, though
 * it stands before both, so the clause reader adds it to the verb's objects.
 */
import type {Np} from './phrases.js'
import {DO, ENSURING, isAdverb, isNegator, MODALS} from './grammar.js'

interface Reader {
  norm(i: number): string
  readonly tokens: ReadonlyArray<{join: string}>
}

/** The fronted object of the verb at `verbStart`, or undefined: "which/what (of) … <aux> <subject> … <verb>". */
function frontedObject(reader: Reader, verbStart: number): Np | undefined {
  let w = 0
  // "Q: Which…", a list marker's letter: at most one word before the wh-word.
  if (reader.norm(w) !== 'which' && reader.norm(w) !== 'what') w = 1
  if (reader.norm(w) !== 'which' && reader.norm(w) !== 'what') return undefined
  // The phrase runs to the auxiliary that opens the question's verb group ("will", "does").
  for (let a = w + 2; a < verbStart - 1 && a <= w + 7; a++) {
    if (reader.tokens[a].join === 'break') return undefined
    const n = reader.norm(a)
    if (!(MODALS.has(n) || DO.has(n))) continue
    // One to three words of subject between the auxiliary and the verb ("you", "the consultant", "each new peer"); not
    // "What worked for one person will not necessarily work…", where "what" is the subject and no one stands there.
    const subject = Array.from({length: verbStart - a - 1}, (_, i) => reader.norm(a + 1 + i))
    const ok = subject.length >= 1 && subject.length <= 3 && !subject.some((n) => isNegator(n) || isAdverb(n))
    return ok ? {start: w + 1, end: a, head: a - 1, negative: false} : undefined
  }
  return undefined
}

/**
 * A pseudo-cleft's focus: in "What she lacks is confidence", "What the team decides is her discharge date", the phrase
 * after the copula is what the verb takes. The wh-word opens the sentence (after at most one word), one to four words
 * of subject stand before the verb, and the copula follows it.
 */
function cleftFocus(reader: Reader, verbStart: number, verbEnd: number): Np | undefined {
  const w = reader.norm(0) === 'what' ? 0 : reader.norm(1) === 'what' ? 1 : -1
  // "What the team decides is whether she can stay": a clause after the copula is read as one (clause.ts), not as a phrase.
  if (w < 0 || verbStart - w < 2 || verbStart - w > 5 || !COPULA.test(reader.norm(verbEnd)) || /^(whether|if|that|what|when|where|which|who|how)$/.test(reader.norm(verbEnd + 1))) return undefined
  for (let k = w + 1; k <= verbEnd; k++) if (reader.tokens[k].join === 'break') return undefined
  let end = verbEnd + 1
  while (end < reader.tokens.length && end - verbEnd <= 6 && (end === verbEnd + 1 || reader.tokens[end].join !== 'break')) end++
  return end > verbEnd + 1 ? {start: verbEnd + 1, end, head: end - 1, negative: false} : undefined
}
const COPULA = /^(is|are|was|were)$/

/**
 * An it-cleft's focus as the object of the verb after "that": "It's Aisling's way of getting through that we want every
 * mother to follow". A subject must stand between "that" and the verb ("It is the consultant that decides" focuses the
 * subject), and the verb must have no object of its own.
 */
function itCleftObject(reader: Reader, verbStart: number): Np | undefined {
  const w = reader.norm(0) === 'it' ? 0 : reader.norm(1) === 'it' ? 1 : -1
  if (w < 0) return undefined
  const be = /^(?:'s|is|was)$/.test(reader.norm(w + 1)) ? w + 2 : -1
  if (be < 0) return undefined
  for (let t = be + 1; t < verbStart - 1 && t - be <= 12; t++) {
    if (reader.tokens[t].join === 'break') return undefined
    if (reader.norm(t) !== 'that') continue
    let head = t - 1
    for (let k = be; k < t; k++) if (reader.norm(k) === 'of' && k > be) { head = k - 1; break }
    return {start: be, end: t, head, negative: false}
  }
  return undefined
}

/**
 * "Reception staff check at each visit that patients are still taking them": a verb of checking whose that-clause comes
 * after a short time or place phrase takes the clause as its object (read up to the sentence's next break).
 */
function displacedThatClause(reader: Reader, verbEnd: number): Np | undefined {
  if (!ENSURING.has(reader.norm(verbEnd - 1)) || !/^(at|on|in|during|after|before|every|each)$/.test(reader.norm(verbEnd))) return undefined
  for (let t = verbEnd + 1; t < reader.tokens.length - 1 && t - verbEnd <= 4; t++) {
    if (reader.tokens[t].join === 'break') return undefined
    if (reader.norm(t) !== 'that') continue
    let end = t + 1
    while (end < reader.tokens.length && reader.tokens[end].join !== 'break') end++
    return end > t + 2 ? {start: t, end, negative: false} : undefined
  }
  return undefined
}

/** The verb's objects with its fronted object, cleft focus or displaced that-clause added, when it has one (`right` itself otherwise). */
export function withFrontedObject(reader: Reader, verbStart: number, right: Np[], verbEnd = verbStart + 1): Np[] {
  const fronted = frontedObject(reader, verbStart) ?? (right.length === 0 ? cleftFocus(reader, verbStart, verbEnd) ?? itCleftObject(reader, verbStart) ?? displacedThatClause(reader, verbEnd) : undefined)
  return fronted ? [...right, fronted] : right
}
