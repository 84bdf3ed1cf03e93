/**
 * Words inside a noun phrase that could be read as more. "Young people after a first episode are fragile": "after"
 * (or "before", "since", "until") between an opening person phrase and a noun is a preposition inside the subject,
 * not the start of a clause, so the clause reader reads the verb's subject back past it (clause.ts clauseStart).
 * "the person's plan": an apostrophe-s is a possessive, but "it's", "that's", "he's" are "is".
 */
import {DETERMINERS, isFunctionWord, isVerbGroupWord, PREPOSITIONS, PRONOUNS, SUBJECT_FORMS, TIME_NOUNS} from './grammar.js'

interface Reader {
  norm(i: number): string
  isPerson(i: number): boolean
  boundaryBefore(i: number): boolean
}

/** Whether the subordinator at token k is a preposition after the sentence's opening person phrase (at most four words). */
export function prepositionAfterSubject(reader: Reader, k: number): boolean {
  if (!PREPOSITIONS.has(reader.norm(k)) || k > 4 || !reader.isPerson(k - 1) || SUBJECT_FORMS.has(reader.norm(k + 1)) || PRONOUNS.has(reader.norm(k + 1))) return false
  for (let j = 0; j < k; j++) if ((reader.boundaryBefore(j + 1) && j + 1 < k) || (isFunctionWord(reader.norm(j)) && !DETERMINERS.has(reader.norm(j)))) return false
  return true
}

// Not "may": a month or a modal.
const BARE_TIMES = /^(january|february|march|april|june|july|august|september|october|november|december|then|\d{4})$/

/**
 * Whether the subordinator at token k is a preposition before a bare time ("who had paid since spring were grouped",
 * "since March", "until 2019", "since last year"): a time without a determiner is rarely a clause's subject. Only when
 * a verb follows the time: in "until 2021 staff decided" the time ends a clause and "staff" opens the next.
 */
export function prepositionBeforeTime(reader: Reader, k: number): boolean {
  if (!PREPOSITIONS.has(reader.norm(k))) return false
  const next = reader.norm(k + 1)
  const end = /^(last|next|this)$/.test(next) ? (TIME_NOUNS.has(reader.norm(k + 2)) ? k + 3 : -1) : (TIME_NOUNS.has(next) && !/^(time|meeting|session)$/.test(next)) || BARE_TIMES.test(next) ? k + 2 : -1
  return end > 0 && isVerbGroupWord(reader.norm(end))
}

/** Token i carries a possessive ending ("person's", "patients'"); "it's", "that's", "he's" are "is". */
export function possessiveAt(tokens: ReadonlyArray<{end: number; norm: string}>, text: string, i: number): boolean {
  const t = tokens[i]
  if (!/^['\u2019]/.test(text.slice(t.end, t.end + 2))) return false
  return !/^(it|that|he|she|there|here|what|who|where|how|let)$/.test(t.norm)
}

/**
 * The word before a verb that its subject ends on, past words that stand between them: "The plan itself is written
 * by…" (an intensive reflexive after the noun), "recovered, which for us means…" (a short "for us" after the relative).
 */
export function beforeVerb(reader: Reader & {isHeadable(i: number): boolean; tokens: ReadonlyArray<{join: string}>}, j: number, start: number): number {
  // "The psychiatrist alone decides", "the team itself decides": a word that only limits the subject stands between it and the verb.
  // Not "people living alone can…": there "alone" goes with the participle.
  if (j - 1 >= start && /^(itself|themselves|himself|herself|alone)$/.test(reader.norm(j)) && reader.isHeadable(j - 1) && reader.tokens[j].join === 'space' && !(reader.norm(j) === 'alone' && /ing$/.test(reader.norm(j - 1)))) return j - 1
  if (j - 2 >= start && /^(us|me|them|you|many|most|some)$/.test(reader.norm(j)) && /^(for|to)$/.test(reader.norm(j - 1)) && /^(which|that|who)$/.test(reader.norm(j - 2))) return j - 2
  return j
}
