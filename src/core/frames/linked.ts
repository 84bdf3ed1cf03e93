/** Frames whose object is linked to a person (`linked`): whether a clause object or a noun phrase is tied to one (see FrameMatcher.check). */
import type {SentenceReader} from './clause.js'
import type {Clause} from './phrases.js'
import {DETERMINERS, isContrastPair, isFunctionWord, isNegator, MODALS, POSSESSIVES} from './grammar.js'
import type {CompiledFrame} from './checks.js'
import {intersects, PERSON_CLASS, PERSON_OWNERS, PERSONAL} from './person-words.js'
import {single, type Np} from './phrases.js'
import {UPPER_START} from '../match/letters.js'
import {possessiveAt} from './subject-words.js'

/** A clause object speaks of a person: "satisfied that you have recovered", not "…that the rota has improved cover". */
export function personIn(np: Np, reader: SentenceReader): boolean {
  // "decide what your goals are": a possessive inside the clause ties its plan words to the person.
  return personOrWord(np, reader, PERSON_WORDS)
}

/** Personal pronouns (`PERSONAL`) and the possessives that tie a clause's plan words to the person. */
const PERSON_WORDS = new Set([...PERSONAL, 'your', 'his', 'her'])

/** A generic plan word inside a name is the name's: "completed Intentional Peer Support core training" is a course, not a plan. */
export function linkedOutsideName(np: Np, reader: SentenceReader, frame: CompiledFrame): boolean {
  const capital = (i: number) => i > 0 && i < reader.tokens.length && UPPER_START.test(reader.tokens[i].raw)
  for (let i = np.start; i < np.end; i++) {
    if (!intersects(reader.classesOf(single(i), true), frame.linked)) continue
    if (!capital(i) || !(capital(i - 1) || capital(i + 1))) return true
  }
  return false
}

/** Pronouns and possessives that stand for a person inside a clause object ("decide when your crisis is over"); not "we". */
const SOMEONE = new Set(['you', 'your', 'he', 'his', 'she', 'her', 'him', 'they', 'their', 'them', 'someone', 'anyone', 'everyone'])

/** A clause object about someone: a person or relative word, or a pronoun or possessive standing for one. */
export function aboutSomeone(np: Np, reader: SentenceReader): boolean {
  // "decides who is ready to share", "judges who is well enough": a state said of whoever it is.
  return personOrWord(np, reader, SOMEONE) || (reader.norm(np.start) === 'who' && /^(is|are|was|were|seems|seem|looks|look|feels|feel)$/.test(reader.norm(np.start + 1)))
}

/** A clause holds a person or relative word, or one of `words`. */
function personOrWord(np: Np, reader: SentenceReader, words: ReadonlySet<string>): boolean {
  const classes = reader.classesOf(np, false)
  if ((classes.has(PERSON_CLASS) && !(ownsBody(np, reader) && !clauseClasses(np, reader).has(PERSON_CLASS))) || classes.has('relatives')) return true
  for (let i = np.start; i < np.end; i++) if (words.has(reader.tokens[i].norm)) return true
  return false
}

/**
 * Or at the head, unless the head is no word of a class: "phone costs are signed off" are costs; "priority areas" are
 * priorities. A participle read as the head ("the three goals recorded on…") leaves the word before it.
 */
export function linkedAtHead(np: Np, reader: SentenceReader, frame: CompiledFrame): boolean {
  const head = np.head! > np.start && reader.tokens[np.head!].norm.endsWith('ed') ? np.head! - 1 : np.head!
  // "peer support training": an -ing word after a modifier heads the phrase as a noun does.
  const gerund = head > np.start && reader.tokens[head].norm.endsWith('ing')
  return (!reader.isNoun(head) && !gerund) || intersects(reader.classesOf(single(head), true), frame.linked)
}

/**
 * "The main risks are burnout and winter roads; we will manage them": an object "them" stands for the nearest known
 * plural noun before it that is not the clause's own subject; when that is a thing, "them" is no person.
 */
export function themIsThing(np: Np, clause: Clause, reader: SentenceReader): boolean {
  if (np.head === undefined || np.end - np.start !== 1 || reader.tokens[np.head].norm !== 'them') return false
  for (let i = np.head - 1; i >= 0; i--) {
    // A word of no class counts when a determiner or possessive shows it is a noun ("self-manage your funds … manage them"),
    // or a plural verb after it ("arrears are priority debts, so advisers deal with them first").
    const noun = reader.isNoun(i) || (i > 0 && (DETERMINERS.has(reader.norm(i - 1)) || POSSESSIVES.has(reader.norm(i - 1)))) || (/^(are|were)$/.test(reader.norm(i + 1)) && reader.isNoun(i + 2) && !/ed$/.test(reader.norm(i + 2)))
    if (clause.left.some((l) => i >= l.start && i < l.end) || !noun || isFunctionWord(reader.tokens[i].norm)) continue
    const plural = /[^s]s$/.test(reader.tokens[i].norm)
    // "them" for one person is a person of the people's class ("if a resident asks, staff help them"), not a worker
    // ("use a plan manager, or have the agency manage them" are the funds).
    if (reader.isPerson(i, true) && (plural || reader.isPerson(i))) return false
    if (plural) return true
  }
  return false
}

/** Before a verb, never a noun: "decided that the Tuesday meeting will move to…" says nothing of a move. */
const MODAL = /^(will|would|can|could|may|might|must|shall|should|to)$/

/** The classes of a clause object's words, less a word right after a modal or "to" (a verb there, whatever its noun senses). */
export function clauseClasses(np: Np, reader: SentenceReader): Set<string> {
  const out = new Set<string>()
  for (let i = np.start; i < np.end; i++) {
    // "getting back to my allotment, not a number on the scales": what a clause sets aside is not what it says.
    if (i > np.start && reader.gap(i).includes(',') && (reader.norm(i) === 'not' || (reader.norm(i) === 'rather' && reader.norm(i + 1) === 'than'))) break
    if (i === np.possessor || (i > np.start && MODAL.test(reader.norm(i - 1)) && reader.tokens[i].join === 'space')) continue
    // "which grant applications from veterans' charities are funded": the people own the body that is named.
    if (ownsBodyAt(np, reader, i)) continue
    for (const c of reader.classesOf(single(i), true)) out.add(c)
  }
  return out
}
const ownsBodyAt = (np: Np, reader: SentenceReader, i: number) => i + 1 < np.end && BODIES.has(reader.norm(i + 1)) && possessiveAt(reader.tokens, reader.source, i)
function ownsBody(np: Np, reader: SentenceReader): boolean {
  for (let i = np.start; i < np.end; i++) if (ownsBodyAt(np, reader, i)) return true
  return false
}
// Outside bodies only: a residents' council, association or forum is the people's own, and staff deciding over it still counts.
const BODIES = new Set('charity charities organisation organisations organization organizations network networks society societies'.split(' '))

/** The object matched only through classes that need their person named ("groups", "a peer worker"). */
export function onlyTied(classes: Set<string>, frame: CompiledFrame): boolean {
  let tied = false
  for (const c of classes) if (frame.object?.has(c)) { if (!frame.tied!.has(c)) return false; tied = true }
  return tied
}

const SUBJECT_PRONOUNS = new Set(['you', 'he', 'she', 'they'])
const FOR_SOMEONE = new Set(['you', 'him', 'her', 'them', 'me', 'someone', 'everyone', 'anyone', 'each'])
/**
 * A group, course or worker is the person's only when the sentence says whose: "her providers", "Kiri's mentor",
 * "a peer worker for you", "the modules you take"; "the panel approves every new course" is the college's.
 */
export function namesItsPerson(np: Np, clause: Clause, reader: SentenceReader): boolean {
  if (np.possessor !== undefined) {
    const owner = reader.tokens[np.possessor]
    if (PERSON_OWNERS.has(owner.norm) || UPPER_START.test(owner.raw) || reader.classesOf(single(np.possessor), true).has(PERSON_CLASS)) return true
  }
  const after = reader.tokens[np.end]?.norm
  if (after !== undefined && SUBJECT_PRONOUNS.has(after)) return true
  // "the room where Priya waits", "the day when she comes in": a relative of place or time whose subject is the person.
  // A determiner may stand before the person ("the times when each resident may shower", "the length of each resident's stay").
  const personAt = (i: number) => reader.isPerson(i) || (/^(each|every|the|a|an|our)$/.test(reader.norm(i)) && reader.isPerson(i + 1))
  if ((after === 'where' || after === 'when') && (personAt(np.end + 1) || SUBJECT_PRONOUNS.has(reader.norm(np.end + 1)))) return true
  // "the wording of Deborah's statement", "the length of her stay": an of-phrase owned by the person.
  if (np.head !== undefined && reader.norm(np.head + 1) === 'of' && np.head + 2 < np.end && (PERSON_OWNERS.has(reader.norm(np.head + 2)) || personAt(np.head + 2))) return true
  // "the modules each resident completes": a relative clause whose subject is the person.
  const k = after !== undefined && /^(each|every|the|a|an|our|their|your)$/.test(after) ? np.end + 1 : np.end
  const person = reader.hits.find((h) => h.start === k && h.cls === PERSON_CLASS)
  // Its verb next, a modal too ("the time each resident must be back"), not a preposition ("the room the resident of…").
  if (person && reader.tokens[np.end].join === 'space' && (!isFunctionWord(reader.tokens[person.end]?.norm ?? 'of') || MODALS.has(reader.tokens[person.end]?.norm ?? ''))) return true
  return clause.obliques.some((o) => o.prep === 'for' && o.np.head !== undefined && (reader.classesOf(o.np, true).has(PERSON_CLASS) || FOR_SOMEONE.has(reader.tokens[o.np.head].norm)))
}

/** "decides which goals are realistic": a clause that opens on a generic plan word asks about the person's plans, as a noun phrase would. */
export function whPlan(np: Np, reader: SentenceReader, frame: CompiledFrame): boolean {
  if (!/^(which|what)$/.test(reader.tokens[np.start]?.norm ?? '') || np.start + 1 >= np.end) return false
  // "what the goals will be", "what their targets are": a determiner may stand between.
  const at = np.start + (WH_DETERMINERS.test(reader.tokens[np.start + 1].norm) && np.start + 2 < np.end ? 2 : 1)
  if (!GOAL_WORDS.test(reader.tokens[at].norm) || !intersects(reader.classesOf(single(at), true), frame.linked)) return false
  // "what the goals of the project will be": goals owned by something other than a person are not theirs.
  if (!/^(of|for)$/.test(reader.norm(at + 1))) return true
  for (let i = at + 2; i < Math.min(np.end, at + 5); i++) if (reader.isPerson(i)) return true
  return false
}
const WH_DETERMINERS = /^(the|their|your|his|her|its|each)$/
const GOAL_WORDS = /^(goals?|targets?|objectives?|aims?|steps?)$/

/**
 * "It is the mentor, not the young person, who chooses the topic", "The IEP team, rather than the student, will define
 * which goals…": a person set aside before the verb makes whatever is decided theirs, whatever it is ("It is the
 * coordinator, rather than the man in the doorway, who decides which room is offered").
 */
export function personSetAside(reader: SentenceReader, verbStart: number): boolean {
  for (let k = 1; k < verbStart; k++) {
    if (reader.gap(k).trim() !== ',') continue
    const a = reader.norm(k)
    const b = reader.norm(k + 1)
    const skip = a === 'not' ? 1 : isContrastPair(a, b) || (a === 'and' && b === 'not') ? 2 : 0
    if (skip === 0) continue
    for (let i = k + skip; i < Math.min(verbStart, k + skip + 4); i++) if (reader.isPerson(i)) return true
  }
  return false
}


/** A definition's verb: "does not mean", "is not the same as"; a classing verb counts only with its "as" ("would not be counted as"). */
const DEFINING_WORD = /^(mean|means|equal|equals|define|defines|defined)$/
const CLASSING_WORD = /^(count|counts|counted|record|recorded|treat|treated|regard|regarded|class|classed|see|seen|same)$/
/**
 * "The team agreed that having no further contact does not mean a person has recovered", "agreed that peer support
 * would not be recorded as a clinical intervention": a clause object that denies a definition is staff rejecting
 * the framing, not deciding the person's life ("agreed that he should not be treated at home" still decides).
 */
export function negatedDefinition(np: Np, reader: SentenceReader): boolean {
  if (reader.norm(np.start) !== 'that' && reader.norm(np.start - 1) !== 'that') return false
  // The clause object may be read short ("that having no"): look on, a dozen words at most.
  const end = Math.min(reader.tokens.length, np.start + 12)
  for (let k = np.start + 1; k < end; k++) {
    if (!isNegator(reader.norm(k)) || reader.norm(k) === 'no') continue
    for (let j = k + 1; j <= k + 3 && j < end; j++) if (DEFINING_WORD.test(reader.norm(j)) || (CLASSING_WORD.test(reader.norm(j)) && reader.norm(j + 1) === 'as')) return true
  }
  return false
}
