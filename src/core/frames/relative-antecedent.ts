/**
 * Who a relative word stands for: "the team that decides", "it is the consultant who decides", "the nurse is the one
 * who sets…", with asides that set another party aside skipped ("It is the clinician, not the person, who decides").
 */
import {extendLeft, type SentenceReader} from './reach.js'
import {BE, DETERMINERS, isContrastPair, isFunctionWord, isVerbGroupWord, PREPOSITIONS, PRONOUNS} from './grammar.js'
import type {Np} from './phrases.js'
import {clauseAsideStart} from './set-against.js'

/** "the team that decides", "it is the consultant who decides": the noun phrase a relative word at j stands for. */
export function relativeAntecedent(reader: SentenceReader, j: number): Np[] {
  if (j - 1 < 0) return []
  // "…go through his clinician first, who has the final say": an adverb between the noun and its relative comma.
  const end = j > 1 && reader.gap(j).includes(',') && /^(first|too|again|then|also|alone|instead|directly)$/.test(reader.norm(j - 1)) ? j - 2 : j - 1
  let antecedent = reader.leftNp(end, 0)
  // "It is the clinician, not the person, who decides", "…, and (but) not the resident, who…": skip the negated aside.
  const first = antecedent.length > 0 ? Math.min(...antecedent.map((np) => np.start)) : -1
  const joined = first > 2 && reader.norm(first - 1) === 'not' && /^(and|but)$/.test(reader.norm(first - 2)) ? 1 : 0
  // Only an aside closed by its own comma: in "partners in their care, not the people who make decisions" the people are denied.
  if (antecedent.some((np) => np.negative) && first > 1 + joined && reader.gap(first - 1 - joined > 0 ? first - 1 - joined : first).includes(',') && (reader.gap(j).includes(',') || cleft(reader, first))) {
    const before = first - 2 - joined
    if (reader.norm(first - 1) === 'not' && before >= 0) antecedent = reader.leftNp(before, 0)
  }
  // "It is the key worker, rather than the resident, who chooses": the same, with "rather than" / "instead of".
  if (first > 3 && isContrastPair(reader.norm(first - 2), reader.norm(first - 1)) && reader.gap(first - 2).includes(',')) antecedent = reader.leftNp(first - 3, 0)
  // "It is the drop in her score, not anything she says about her life, that tells…": an aside with a clause of its own.
  const aside = reader.gap(j).includes(',') && !antecedent.some((np) => np.negative) ? clauseAsideStart(reader, j) : -1
  if (aside > 0 && reader.isHeadable(aside - 1)) antecedent = reader.leftNp(aside - 1, 0)
  // "for substance use services, 42 CFR Part 2, which sets…": a thing joined by a comma alone is an apposition or
  // ends a fronted phrase, not a list of those who act; the relative word takes it.
  if (antecedent.length > 1 && antecedent[0].start > 0 && reader.gap(antecedent[0].start).trim() === ',' && antecedent[0].head !== undefined && !reader.isNoun(antecedent[0].head)) antecedent = antecedent.slice(0, 1)
  // "men on the forensic ward who will never change": "who" is said of the people before the place.
  const place = antecedent[0]
  if (reader.norm(j) === 'who' && antecedent.length === 1 && place.head !== undefined && !reader.isPerson(place.head) && place.start >= 2 && PREPOSITIONS.has(reader.norm(place.start - 1)) && reader.isPerson(place.start - 2)) antecedent = reader.leftNp(place.start - 2, 0)
  // "Our clinicians are the ones who…", "the nurse is the one (the person) who sets…": it stands for the subject of "are".
  const head = antecedent[0]?.head
  const from = head !== undefined && DETERMINERS.has(reader.norm(antecedent[0].start - 1)) ? antecedent[0].start - 1 : antecedent[0]?.start
  if (head !== undefined && (/^(one|ones)$/.test(reader.norm(head)) || (/^(person|people)$/.test(reader.norm(head)) && reader.norm(from) === 'the')) && BE.has(reader.norm(from - 1))) {
    const subject = reader.leftNp(from - 2, 0)
    if (subject.length > 0) return subject
  }
  return antecedent
}

/** "It is the nurse, not the person who sets…": a cleft before the aside, whose closing comma writers often leave out. */
function cleft(reader: SentenceReader, first: number): boolean {
  for (let m = first - 3; m >= 0 && first - m <= 10; m--) if (reader.norm(m) === 'it' && /^(is|was|'s)$/.test(reader.norm(m + 1))) return true
  return false
}

/**
 * "People on licence who have a mental illness are…": the word before a relative is no class's noun, but it ends a
 * phrase after a preposition, and the noun that phrase hangs from is the subject; or it ends the clause's opening phrase.
 */
export function inPhrase(reader: SentenceReader, k: number, start: number): Np[] | undefined {
  if (!reader.isHeadable(k) || isVerbGroupWord(reader.norm(k))) return undefined
  const np = reader.leftNp(k, start)
  if (np.length === 0) return undefined
  // "Texters who message the line every day are…": the clause's opening phrase, before "who" ("said that" is no antecedent).
  if (np[0].start === start) return reader.norm(k + 1) === 'who' ? np : undefined
  if (!PREPOSITIONS.has(reader.norm(np[0].start - 1))) return undefined
  const outer = extendLeft(reader, np, start)
  return outer.length > 0 && outer[0].start < np[0].start ? outer : undefined
}

/**
 * "The daily prompts a user receives are chosen by the care coordinator", "the goals that people bring are rewritten by
 * staff": before a passive verb, a verb that is no class's noun ends a relative clause (its own subject a noun or pronoun
 * before it, "that" or "which" optional); the passive's subject is the noun of a class before that clause.
 */
export function reducedRelative(reader: SentenceReader, j: number, start: number, passive: boolean): Np[] | undefined {
  const v = reader.norm(j)
  // "your recovery goals, as set by your clinical team": "as" before the participle; the noun phrase before it is its subject.
  // The clause opens at "as", so the phrase lies before it.
  if (passive && v === 'as' && j >= 1 && reader.isNoun(j - 1)) return reader.leftNp(j - 1, 0)
  if (!passive || j - 2 < start || !/^[a-z]{3,}$/.test(v) || /ss$/.test(v) || reader.isNoun(j) || isFunctionWord(v) || isVerbGroupWord(v)) return undefined
  const inner = reader.leftNp(j - 1, start)
  if (!inner.some((np) => np.head !== undefined && (reader.isNoun(np.head) || PRONOUNS.has(reader.norm(np.head))))) return undefined
  // A bare verb ("the groups tenants join") needs a plural or pronoun subject to agree with; otherwise "-s" or "-ed".
  if (!/(?:s|ed)$/.test(v) && !inner.some((np) => np.head !== undefined && (reader.isPerson(np.head) ? /[^s]s$/.test(reader.norm(np.head)) || /^(people|staff|children|men|women)$/.test(reader.norm(np.head)) : /^(you|we|they)$/.test(reader.norm(np.head))))) return undefined
  // "The groups tenants join": the chunker reads two plurals as one phrase; the person noun is the clause's own subject.
  const split = inner.find((np) => np.head !== undefined && np.head > np.start && reader.isPerson(np.head) && !reader.isPerson(np.head - 1) && /[^s]s$/.test(reader.norm(np.head - 1)) && reader.isNoun(np.head - 1))
  let k = (split ? split.head! : Math.min(...inner.map((np) => np.start))) - 1
  if (k >= start && /^(that|which|whom)$/.test(reader.norm(k))) k--
  if (k < start || !reader.isNoun(k)) return undefined
  const outer = reader.leftNp(k, start)
  return outer.length > 0 ? outer : undefined
}

/**
 * "the goals staff set", "the plans nurses write": the chunker reads a plural noun and a person word after it
 * as one phrase; after a determiner, the person word is a reduced relative clause's own subject, and the plural before
 * it the antecedent (antecedent() in reach.ts finds it when the subject starts at the person word). Only before a bare
 * verb (`bareVerb`: no auxiliary between), the relative clause's own.
 */
export function splitRelative(reader: SentenceReader, nps: Np[], bareVerb: boolean): Np[] {
  return nps.map((np) => {
    const h = np.head
    if (!bareVerb || h === undefined || h - 1 <= np.start || !DETERMINERS.has(reader.norm(np.start)) || !reader.isPerson(h, true) || reader.isPerson(h - 1, true)) return np
    // Inside the sentence, after a preposition or a verb ("work on the goals staff set"): a phrase that opens it is its
    // subject, a job title more often than not ("The activities coordinator will decide").
    const before = np.start > 0 ? reader.norm(np.start - 1) : ''
    if (before === '' || reader.tokens[np.start].join !== 'space' || reader.isNoun(np.start - 1) || (isFunctionWord(before) && !PREPOSITIONS.has(before))) return np
    // A plural, not "crisis", "status" or "analysis".
    return /[^isu]s$/.test(reader.norm(h - 1)) && reader.isNoun(h - 1) && reader.tokens[h].join === 'space' ? {...np, start: h, possessor: undefined} : np
  })
}
