/**
 * Small readings of a clause's parts that frames.ts asks while checking a frame: a time phrase before a clause
 * object, a phrase inside a later clause, the thing a clause object is marked up to, and the word lists they use.
 */
import type {Clause, Np, Oblique, SentenceReader} from './clause.js'
import type {Hit} from './hits.js'
import {RELATIVES, SUBORDINATORS, WH} from './grammar.js'
import {TIME_NOUN} from './field-value.js'
import {PERSON_CLASSES} from './phrases.js'

/** "decides each morning which tenants go": a time phrase between the verb and its clause object. */
export const timePhrase = (np: Np, reader: SentenceReader) => np.head !== undefined && np.end - np.start === 2 && /^(each|every|this|that|next)$/.test(reader.norm(np.start)) && TIME_NOUN.test(reader.norm(np.head))

export const RECOVERY_VERB = /^(?:improved|improves|improve|recovered|recovers|recover)$/

/** Words after which a verb's form is a noun. */
export const NOUN_SIGNALS = new Set('a an the this these those their its our your my his every another no'.split(' '))
export const DEFINING = /^(mean|means|meant|require|requires|required|involve|involves|equal|equals|entail|entails)$/
/** "a lower score", "the final review": a grading word between a determiner and a noun. */
export const COMPARATIVE = /^(lower|higher|low|high|better|worse|final|first|last|total|mean|average|overall|weekly|monthly|annual|new|clinical)$/
/** "…after members pointed out that it asked about medication": a phrase after a later "that" or subordinator is that clause's (a wh-clause may be the object itself). */
export function nestedInClause(o: Oblique, clause: Clause, reader: SentenceReader): boolean {
  // "rewrote the handbook so that the person picks…": a purpose clause is no that-clause object.
  if (o.prep === 'that' && reader.norm(o.np.start - 2) === 'so') return true
  // Not a purpose ("so that theirs can be laid out in the same way"): what it is for is the frame's own.
  for (let i = clause.verbEnd; i < o.np.start - 1; i++) if ((reader.tokens[i].norm === 'that' && reader.norm(i - 1) !== 'so') || (SUBORDINATORS.has(reader.tokens[i].norm) && !WH.has(reader.tokens[i].norm) && !/^(as|so)$/.test(reader.tokens[i].norm))) return true
  return false
}
/** The first hit of one of `classes` that names no person ("check you have taken your medication"): a person opens the clause's own frames. */
export function thingHit(hits: Iterable<Hit>, classes: Set<string> | undefined): Hit | undefined {
  if (classes) for (const h of hits) if (classes.has(h.cls) && !PERSON_CLASSES.includes(h.cls)) return h
  return undefined
}
/** Prepositions that name what a verb is about only right after it ("decide on", "think about"). */
export const ABOUT = new Set(['on', 'about', 'over', 'upon'])

/** Prepositions of a means or measure ("measured by", "defined as", "recovered when"). */
export const BY_PREPS = new Set(['by', 'using', 'through', 'via', 'as', 'against', 'from', 'on', 'in', 'with', 'when', 'if', 'once', 'after', 'until', 'based', 'according', 'under', 'below', 'above', 'within', 'of', 'about', 'regarding', 'concerning', 'to', 'that', 'what', 'how', 'why', 'which', 'whether'])

/** The relative pronoun between an agent and the verb group it is the subject of ("your care coordinator, who decided"), as a phrase. */
export function relativeFor(agent: Np, clause: Clause, reader: SentenceReader): Np | undefined {
  for (let r = agent.end; r < clause.groupStart && r <= agent.end + 1; r++) if (RELATIVES.has(reader.norm(r)) && reader.norm(r) !== 'that') return {start: r, end: r + 1, head: r, negative: false}
  return undefined
}

/**
 * "Check you have taken your tablets", "Make sure your appointments are in your diary", "I check I have taken my
 * medication": a clause object about the reader (or the writer) with no doer but them is their own check on themself.
 */
export function ownCheck(np: Np, agents: Np[], reader: SentenceReader): boolean {
  const k = reader.norm(np.start) === 'that' ? np.start + 1 : np.start
  const w = reader.norm(k)
  const self = w === 'you' || w === 'your' ? 'you' : w === 'i' || w === 'my' ? 'i' : undefined
  // "Please check…": the imperative's softener is read as a subject by the shallow reader; it names no one.
  return self !== undefined && agents.every((a) => (a.head !== undefined && reader.norm(a.head) === self) || (a.end - a.start === 1 && reader.norm(a.start) === 'please'))
}

const WH_OPEN = /^(which|where|when)$/
/**
 * "Advisors choose which projects they join", "Staff decide which shifts they work": a wh-clause whose subject pronoun
 * is the doers themselves (a plural doer and "they", "we" and "we"): their own arrangement. Not "what they observed"
 * (what a peer passes on is the finding), nor "he" or "she" (too often the person named beside the doer).
 */
export function ownArrangement(np: Np, agents: Np[], reader: SentenceReader): boolean {
  if (agents.length === 0 || !WH_OPEN.test(reader.norm(np.start))) return false
  let k = np.start + 1
  while (k < np.end && k - np.start <= 3 && !/^(they|we)$/.test(reader.norm(k))) {
    if (reader.isPerson(k)) return false
    k++
  }
  const pronoun = reader.norm(k)
  if (!/^(they|we)$/.test(pronoun)) return false
  // "When residents arrive, staff decide which groups they attend": the pronoun may be someone named before.
  for (let i = 0; i < np.start; i++) if (reader.isPerson(i)) return false
  return agents.every((a) => {
    if (a.head === undefined) return false
    const head = reader.norm(a.head)
    if (pronoun === 'we') return head === 'we'
    if (reader.isPerson(a.head)) return false
    const plural = /[^s]s$/.test(head) || /^(staff|team|people)$/.test(head)
    return plural || agents.length > 1
  })
}
