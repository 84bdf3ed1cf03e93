/**
 * The checks a frame match runs on a clause (frames.ts): who counts as the person,
 * negation and gating, and how overlapping matches resolve (ties to a person and
 * shared decisions: with-person.ts).
 */
import type {FrameSpec, Rule} from '../types.js'
import type {Clause, Np, SentenceReader} from './clause.js'
import {BE, DETERMINERS, isAdverb, isNegator, isOrNot, isVerbGroupWord, POSSESSIVES, PREPOSITIONS, PRONOUNS, RELATIVES, SUBORDINATORS, WH} from './grammar.js'
import {single} from './phrases.js'
import {recoveryField} from './field-value.js'
import {verbPastPhrase} from './anchor-verb.js'
import {ownPart, takenBy} from './own-part.js'
import {intersects, PERSON_CLASS, PERSON_LINK} from './person-words.js'

/** A frame match: tokens [start, end) of the clause's key span. */
export interface FrameMatch {
  rule: Rule
  start: number
  end: number
  /** The object slot was filled by the head of its phrase, not a modifier ("recovery goals" is goals). */
  headMatch: boolean
  /** The tokens that carry the frame itself (the verb and the object's head): a phrase finding there says the same. */
  core: number[]
  /** How many slots the frame constrains: the more specific frame wins a tie. */
  specificity: number
}

export interface CompiledFrame {
  /** Its place among the matcher's frames. */
  index: number
  rule: Rule
  spec: FrameSpec
  verb: Set<string>
  agent?: Set<string>
  object?: Set<string>
  by?: Set<string>
  for?: Set<string>
  notAgent?: Set<string>
  objectWith?: Set<string>
  objectHead?: Set<string>
  owner?: Set<string>
  notOwner?: Set<string>
  introducedBy?: Set<string>
  near: Array<Set<string>>
  unlessNear?: Set<string>
  objectClause?: Set<string>
  recipient?: Set<string>
  linked?: Set<string>
  tied?: Set<string>
  /** Each preposition phrase a frame needs: the prepositions it may open with ("to|at": either) and the classes it names. */
  prep: Array<[Set<string>, Set<string>]>
  unlessPrep: Array<[Set<string>, Set<string>]>
  objectPreps: Set<string>
  copula: boolean
  /** The anchor is a noun or adjective ("recovered … when … scores"), not a verb. */
  nounAnchor: boolean
  /** Classes the sentence must hold one of each before the clause is read (a cheap pre-check). */
  needs: Array<Set<string>>
}

/** Words that say "a kind of": after a copula, "a form of treatment" is treatment. */
const KIND_NOUNS = new Set(['form', 'type', 'kind', 'sort', 'part', 'piece', 'means', 'way', 'mode', 'method', 'example', 'source', 'absence', 'lack', 'free', 'freedom', 'clear', 'end', 'reduction', 'removal', 'number', 'level', 'count', 'set', 'matter', 'question', 'one', 'some', 'many', 'most', 'all'])

/**
 * The classes an object phrase is matched by: any of its words, except after a copula, where the
 * complement is what its head says ("full members of the treatment team" are members, not treatment).
 */
export function complementClasses(np: Np, reader: SentenceReader, copula: boolean): Set<string> {
  if (!copula || np.head === undefined || KIND_NOUNS.has(reader.tokens[np.head].norm)) return reader.classesOf(np, false)
  // "an extra pair of eyes for the team": an entry that runs on from the head is the head's own.
  let end = np.head + 1
  for (const h of reader.hits) if (h.start <= np.head && h.end > end && h.end <= np.end) end = h.end
  return reader.classesOf({...np, end}, false)
}


export function headOnly(np: Np): Np {
  return np.head === undefined ? np : {...np, start: np.head, end: np.head + 1}
}

/** The phrase belongs to one of `owner`: "the peer worker's example", or "the footsteps of the peer facilitators". */
export function ownedBy(np: Np, reader: SentenceReader, owner: Set<string>): boolean {
  // "the nurse, whose recommendation…": "whose" stands for the noun just before it.
  if (np.possessor !== undefined && intersects(reader.classesOf(single(np.possessor - (reader.norm(np.possessor) === 'whose' ? 1 : 0)), true), owner)) return true
  for (let i = np.start + 1; i < np.end - 1; i++) {
    if (reader.tokens[i].norm === 'of') return intersects(reader.classesOf({start: i + 1, end: np.end, negative: false}, true), owner)
  }
  return takenBy(reader, np, owner)
}

/** "The team sets its own targets", "we agree our rota", "staff set their own learning goals": the object belongs to the agent (or to the writer). */
export function selfOwned(np: Np, agents: Np[], reader: SentenceReader, frame: CompiledFrame): boolean {
  if (np.possessor === undefined) return false
  const owner = reader.tokens[np.possessor].norm
  if (reader.tokens[np.possessor + 1]?.norm === 'own' && agents.length > 0) return true
  if (owner === 'its') return true
  const agentWords = agents.map((a) => (a.head !== undefined ? reader.tokens[a.head].norm : ''))
  // "my life", "my discharge date": the writer speaking of themself, whoever acts.
  if ((owner === 'our' && agentWords.includes('we')) || owner === 'my') return true
  // "Providers may vary their targets": "their" agrees with a plural agent when no person is named to own them
  // and the object could be anyone's ("The care coordinator sets their goals", "…decide their discharge" are the person's).
  if (owner === 'their' && frame.linked !== undefined && onlyLinked(reader.classesOf(np, false), frame) && agents.length > 0 && agents.every((a) => pluralHead(a, reader)) && !reader.hits.some((h) => PERSON_LINK.has(h.cls) && h.start !== np.possessor)) return true
  // "Mentors let your team know": the reader's team, not the mentors' ("your" is a peer word only when "you" is the peer).
  if (PRONOUNS.has(owner) || (owner === 'your' && !agentWords.includes('you'))) return false
  return intersects(reader.classesOf(single(np.possessor), true), frame.agent)
}

const OWNER_OF: Record<string, string> = {my: 'i', our: 'we', your: 'you', their: 'they', his: 'he', her: 'she'}

/** "I followed my own path", "they found their own way": the agent's own way is no one else's to copy. */
export function ownWay(np: Np, agents: Np[], reader: SentenceReader): boolean {
  if (np.possessor === undefined || reader.tokens[np.possessor + 1]?.norm !== 'own') return false
  const pronoun = OWNER_OF[reader.tokens[np.possessor].norm]
  return agents.some((a) => a.head !== undefined && reader.tokens[a.head].norm === pronoun)
}

/** A noun phrase whose head is a plural class word ("providers", "the care teams"). */
function pluralHead(np: Np, reader: SentenceReader): boolean {
  return np.head !== undefined && reader.hits.some((h) => h.end - 1 === np.head && h.plural)
}

/** The object matched only through classes that need a tie to the person ("goals", "plans"). */
export function onlyLinked(classes: Set<string>, frame: CompiledFrame): boolean {
  for (const c of classes) if (frame.object?.has(c) && !frame.linked!.has(c)) return false
  return true
}

/**
 * For a frame anchored on a noun ("recovered"): a negator in its clause, but not one that is
 * part of the label ("recorded as not recovered") or one inside a later subordinate clause
 * ("recovered when they no longer meet the criteria").
 */
export function anchorNegated(clause: Clause, reader: SentenceReader): boolean {
  const tokens = reader.tokens
  // "not at the point in his recovery where…": the negation is the stage framing itself.
  if (stageBefore(clause.verbStart, reader)) return false
  const counts = (i: number) =>
    isNegator(tokens[i].norm) && !isOrNot(tokens, i) &&
    !(tokens[i].norm === 'not' && tokens[i + 1]?.norm === 'only') &&
    // "no incidents": a determiner, not a negated clause
    !(tokens[i].norm === 'no' && !/^(longer|one|more)$/.test(tokens[i + 1]?.norm ?? '')) &&
    // "residents who have not used…": the negation belongs to a relative clause
    !tokens.slice(Math.max(clause.start, i - 3), i).some((t) => RELATIVES.has(t.norm))
  for (let i = clause.start; i < clause.verbStart - 1; i++) if (counts(i)) return true
  for (let i = clause.verbEnd; i < clause.end; i++) {
    const n = tokens[i].norm
    // "were recovered, meaning they were not readmitted": the definition's own negation.
    if (SUBORDINATORS.has(n) || RELATIVES.has(n) || n === 'meaning') break
    // "means having no symptoms": a determiner of the measure, as before the verb.
    if (isNegator(n) && !isOrNot(tokens, i) && tokens[i + 1]?.norm !== 'only' && !(n === 'no' && !/^(longer|one|more)$/.test(tokens[i + 1]?.norm ?? ''))) return true
  }
  return false
}

/**
 * "staff decide nothing about your goals without you": an object of nothing denies the act, as "never decide" does;
 * not the subject of a clause the verb reports ("insists nobody (ever) returned his calls").
 */
export function deniedObject(clause: Clause, reader: SentenceReader): boolean {
  const first = clause.passive ? undefined : clause.right[0]
  if (first === undefined || first.start !== clause.verbEnd || first.end - first.start !== 1 || !/^(nothing|none|nobody)$/.test(reader.norm(first.start))) return false
  let k = first.end
  if (isAdverb(reader.norm(k)) || reader.norm(k) === 'ever') k++
  // What follows "nothing" when it is the object: a preposition, a conjunction, punctuation or the end.
  const next = reader.norm(k)
  return k >= reader.tokens.length || PREPOSITIONS.has(next) || /^(without|unless|until|and|or|but|yet|else|concerning|regarding|whatsoever)$/.test(next) || /[,;:.!?]/.test(reader.gap(k))
}

/** The sentence makes something wait on a condition: "not … until/unless/before", "only once/when/after/if". */
export function gated(reader: SentenceReader): boolean {
  let result = gatedSentences.get(reader)
  if (result === undefined) gatedSentences.set(reader, (result = isGated(reader.tokens)))
  return result
}

/** Worked out once per sentence, in one pass: every frame check of the sentence asks. */
const gatedSentences = new WeakMap<SentenceReader, boolean>()

function isGated(tokens: SentenceReader['tokens']): boolean {
  let lastNegator = -1
  for (let i = 0; i < tokens.length; i++) if (isNegator(tokens[i].norm)) lastNegator = i
  let negated = false
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i].norm
    if (isNegator(n)) negated = true
    if (negated && (n === 'until' || n === 'unless' || n === 'before')) return true
    if (n === 'until' && lastNegator >= i) return true
    if (n === 'only' && /^(once|when|after|if|until)$/.test(tokens[i + 1]?.norm ?? '')) return true
  }
  return false
}

const SUBJECT_VERBS = new Set(['means', 'mean', 'meant', 'depends', 'depend', 'depended', 'requires', 'require', 'required', 'equals', 'equal', 'begins', 'begin', 'began', 'starts', 'start', 'started', 'involves', 'involve', 'looks', 'look', 'looked'])
const PREDICATE_LINKS = new Set(['as', 'been', 'being', 'having', 'has', 'have', 'had', "'ve", 'doing', 'do', 'does', 'did', 'keeping', 'keep', 'kept', 'staying', 'getting', 'get', 'got', 'feel', 'feels', 'felt', 'look', 'looks', 'seem', 'seems', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'still', 'calls', 'call'])

/**
 * A noun anchor is said of something only as a subject ("recovery means…", "his recovery could
 * begin when…") or a predicate ("is counted as recovered", "are recovering"), not as the object of
 * a preposition ("people in recovery") or a modifier ("the recovery college").
 */
export function anchorIsArgument(clause: Clause, reader: SentenceReader): boolean {
  const tokens = reader.tokens
  let p = clause.verbStart - 1
  while (p >= 0 && (isNegator(tokens[p].norm) || /^(yet|fully|still|partially|partly|largely|mostly)$/.test(tokens[p].norm))) p--
  const prev = tokens[p]?.norm ?? ''
  const next = tokens[clause.verbEnd]?.norm ?? ''
  // "moved to recovered", "their status changes to recovered": a status the person is put in.
  if (prev === 'to' || prev === 'into') {
    // "changes from \"in treatment\" to \"recovered\"": the verb before a from-phrase.
    const from = [p - 1, ...[2, 3, 4, 5].map((d) => p - d).filter((k) => tokens[k]?.norm === 'from').map((k) => k - 1)]
    if (from.some((k) => /^(mov|chang|switch|reclass|upgrad|promot|transfer)/.test(tokens[k]?.norm ?? ''))) return true
  }
  // "the next step in her recovery", "the start of recovery", "the point in his recovery where…"
  if (stageBefore(clause.verbStart, reader)) return true
  // "what we mean by recovery"; "records fewer admissions as the main sign of recovery": what stands for recovery.
  if ((prev === 'by' && /^(mean|means|meant|define|defined|defines)$/.test(tokens[p - 1]?.norm ?? '')) || (prev === 'of' && /^(signs?|measures?|proof|evidence|markers?|indicators?|tests?)$/.test(tokens[p - 1]?.norm ?? ''))) return true
  // "Recovered: HoNOS below 8": a field's label, defined by its value (field-value.ts).
  if (BE.has(prev) || PREDICATE_LINKS.has(prev) || (prev.endsWith('ed') && tokens[clause.verbStart].join === 'space') || recoveryField(reader, clause.verbEnd)) return true
  // "You are only in recovery once…", "mark them as in recovery": "in" after a form of be, or after "as", is the predicate.
  if (prev === 'in') {
    let q = p - 1
    while (q >= 0 && (isAdverb(tokens[q].norm) || /^(only|now|officially|still|truly|fully)$/.test(tokens[q].norm))) q--
    if (q >= 0 && (BE.has(tokens[q].norm) || tokens[q].norm === 'as')) return true
  }
  if (PREPOSITIONS.has(prev)) return false
  // "tick Recovered when…", "code the episode recovered once…": a status given by a condition.
  if (LABEL_VERBS.test(prev) && /^(when|once|if|only|until|after)$/.test(next)) return true
  // "Recovery only begins once…", "recovery really starts when…": adverbs between the subject and its verb.
  let n = clause.verbEnd
  while (n < tokens.length - 1 && n < clause.verbEnd + 2 && (isAdverb(tokens[n].norm) || /^(only|really|truly|actually|properly)$/.test(tokens[n].norm))) n++
  const verb = tokens[n]?.norm ?? ''
  return (isVerbGroupWord(next) && !isAdverb(next) && next !== 'to') || SUBJECT_VERBS.has(next) || (n > clause.verbEnd && SUBJECT_VERBS.has(verb)) || verbPastPhrase(reader, clause.verbEnd, (w) => SUBJECT_VERBS.has(w) || BE.has(w))
}

const LABEL_VERBS = /^(tick|ticks|ticked|mark|marks|marked|code|codes|coded|record|records|recorded|select|selects|selected|flag|flags|flagged|enter|enters|entered|class|classed|classify|classified|list|listed|report|reported|rate|rated)$/

const STAGE_NOUNS = new Set(['point', 'stage', 'step', 'phase', 'level', 'milestone', 'start', 'beginning', 'end', 'part', 'place', 'position'])

/** The anchor is the object of "in/of" after a stage noun: "the point in his recovery", "the start of recovery". */
function stageBefore(anchor: number, reader: SentenceReader): boolean {
  const tokens = reader.tokens
  let p = anchor - 1
  if (p >= 0 && /^(his|her|their|my|your|the|a|its)$/.test(tokens[p].norm)) p--
  return p >= 1 && (tokens[p].norm === 'in' || tokens[p].norm === 'of') && STAGE_NOUNS.has(tokens[p - 1].norm)
}

export function nearGroups(near: FrameSpec['near']): string[][] {
  if (!near || near.length === 0) return []
  return Array.isArray(near[0]) ? (near as string[][]) : [near as string[]]
}

export function resolve(found: FrameMatch[]): FrameMatch[] {
  if (found.length < 2) return found
  const sorted = found
    .map((m, order) => ({m, order}))
    .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || Number(b.m.headMatch) - Number(a.m.headMatch) || b.m.specificity - a.m.specificity || a.m.start - b.m.start || a.order - b.order)
  // Words already taken are marked, so each match is checked in the length of its own span.
  const taken = new Set<number>()
  const kept: FrameMatch[] = []
  outer: for (const {m} of sorted) {
    for (let i = m.start; i < m.end; i++) if (taken.has(i)) continue outer
    for (let i = m.start; i < m.end; i++) taken.add(i)
    kept.push(m)
  }
  return kept.sort((a, b) => a.start - b.start)
}

/**
 * "decides which staff cover the cubicles", "agrees whether staff can work from home": a clause object whose
 * own subject is staff is about the staff, not a person's life ("decides which groups a resident attends" is;
 * so is "decides which worker a resident sees", where the staff word is the clause's object).
 */
export function staffClause(np: Np, reader: SentenceReader, wanted?: Set<string>): boolean {
  let k = np.start
  if (WH.has(reader.norm(k))) k++
  // "agreed what each of us will do to support her": the writers' own part (own-part.ts).
  if (reader.norm(k) === 'we' || (/^(each|all|both|some|one)$/.test(reader.norm(k)) && reader.norm(k + 1) === 'of' && reader.norm(k + 2) === 'us')) return ownPart(reader, k, np.end)
  if (DETERMINERS.has(reader.norm(k))) k++
  // The longest class word starting there ("staff", "the duty team"): read as the clause's subject unless a noun phrase follows it.
  let end = -1
  for (const h of reader.hits) if (h.start === k && h.end > end && h.end <= np.end && reader.classesOf(single(h.end - 1), true).size > 0) end = h.end
  if (end < 0) return false
  const classes = reader.classesOf(single(end - 1), true)
  // "do what the peer worker did": the frame asks for that very subject.
  if (!classes.has('staff') || classes.has(PERSON_CLASS) || (wanted !== undefined && intersects(classes, wanted))) return false
  const next = reader.norm(end)
  return !(DETERMINERS.has(next) || POSSESSIVES.has(next) || PRONOUNS.has(next) || reader.isPerson(end))
}
