/**
 * Whether a plan word is the person's, and whether a decision is made with them
 * ("together", "with the person", in their own words, after their vote).
 */
import type {Clause, Np, Oblique, SentenceReader} from './clause.js'
import {DETERMINERS, HELP, SHARED} from './grammar.js'
import {forAWhile, PERSON_CLASSES, single} from './phrases.js'
import {UPPER_START} from '../match/letters.js'
import {peerBesideStaff, peopleVote, personChooses} from './person-chooses.js'
import {setAgainst} from './set-against.js'
import {intersects, PERSON_CLASS, PERSON_LINK, PERSON_OWNERS} from './person-words.js'

const WITH_PREPS = new Set(['with', 'alongside'])

/**
 * A generic plan word ("goals", "plans", "schedule") is the person's unless the sentence ties it to
 * something else: a staff or service owner ("the team's targets"), or a for/of phrase naming something
 * other than a person ("plans for a new smoking shelter", "leave for staff").
 */
export function tiedToPerson(np: Np, clause: Clause, reader: SentenceReader): boolean {
  if (np.possessor !== undefined) {
    const owner = reader.tokens[np.possessor].norm
    if (PERSON_OWNERS.has(owner)) return true
    const classes = reader.classesOf(single(np.possessor), true)
    if (intersects(classes, PERSON_LINK)) return true
    if (classes.has('staff') || owner === 'its' || owner === 'our') return false
    // "the building's cleaning schedule", "the care home's fire plan": owned by a thing (a word of no person class), unless a name ("Callum's goals").
    if (!PERSON_CLASSES.some((c) => classes.has(c)) && !UPPER_START.test(reader.tokens[np.possessor].raw)) return false
  }
  // Before the head ("resident goals"); after it, the for/of phrase below says whose.
  for (let i = np.start; i < (np.head ?? np.end); i++) if (intersects(reader.classesOf(single(i), true), PERSON_LINK)) return true
  // "Visiting hours for the ward": a for/of phrase inside the noun phrase naming no person ties it to that.
  if (np.head !== undefined) {
    for (let i = np.head + 1; i < np.end - 1; i++) {
      if (!/^(for|of)$/.test(reader.tokens[i].norm) || forAWhile(reader, i, np.end)) continue
      const rest = reader.tokens.slice(i + 1, np.end)
      // The phrase's head says whose: "hours of older adult peer training" are training hours, "goals of each person" and
      // "goals for the (support) plan" a person's.
      const last = reader.classesOf(single(np.end - 1), true)
      return intersects(last, PERSON_LINK) || last.has('plan') || (last.has('plan-generic') && /^plans?$/.test(reader.norm(np.end - 1))) || rest.some((t) => PERSON_OWNERS.has(t.norm))
    }
  }
  // "Why we chose this priority": a generic word pointed at ("this", "these"), in a sentence naming no person, is the text's own.
  // "when we plan, deliver and evaluate care": a bare mass noun in a sentence naming no person is the service's work in general.
  const namesNoPerson = !reader.tokens.some((t, i) => PERSON_OWNERS.has(t.norm) || t.norm === 'you' || intersects(reader.classesOf(single(i), true), PERSON_LINK))
  // Only after a list of verbs ("evaluate care" read as one phrase): "The care coordinator plans support" stays the person's.
  if (np.head === np.end - 1 && np.start < np.head && /^(care|treatment|support|services)$/.test(reader.tokens[np.head].norm) && !reader.tokens.slice(np.start, np.head).some((t) => DETERMINERS.has(t.norm)) && namesNoPerson) return false
  if (/^(this|these|that|those)$/.test(reader.tokens[np.start].norm) && namesNoPerson) return false
  // Not a time ("sets the goals for the first month"): a for-phrase of how long says nothing of whose.
  const tie = clause.obliques.find((o) => (o.prep === 'for' || o.prep === 'of') && o.np.head !== undefined && o.np.start >= np.end && o.np.start <= np.end + 1 && !forAWhile(reader, o.np.start - 1, o.np.end))
  return !tie || intersects(reader.classesOf(tie.np, true), PERSON_LINK) || (reader.norm(tie.np.start) === 'your' && !/^(team|teams|school|schools|organisation|organisations|organization|organizations|service|services|department|practice|ward|unit|business|company|strategy|project)$/.test(reader.norm(tie.np.head!)))
}

/** "in the tenant's own words", "in their words": written in the person's words is written with them. */
function inOwnWords(o: Oblique, reader: SentenceReader): boolean {
  if (o.prep !== 'in' || o.np.head === undefined || !/^(words|language|terms)$/.test(reader.tokens[o.np.head].norm)) return false
  if (o.np.possessor === undefined) return false
  const owner = reader.tokens[o.np.possessor].norm
  return PERSON_OWNERS.has(owner) || reader.classesOf(single(o.np.possessor), true).has(PERSON_CLASS)
}

/** An "and"/"then" between `from` and `to`, followed by a verb phrase whose object is "them" or "it". */
function secondVerbOnIt(from: number, to: number, reader: SentenceReader): boolean {
  // "drawn up by the nurse, shared with the person at ward round", "…and talked through with the person": shown to them once it is written.
  if (to - 1 > from && (/^(shared|explained|communicated)$/.test(reader.tokens[to - 1].norm) || (reader.tokens[to - 1].norm === 'through' && /^(talked|gone|went|taken)$/.test(reader.norm(to - 2))))) return true
  for (let a = from; a < to; a++) {
    if (!/^(and|then)$/.test(reader.tokens[a].norm)) continue
    for (let k = a + 2; k < to && k <= a + 3; k++) if (/^(them|it)$/.test(reader.tokens[k].norm)) return true
  }
  return false
}

const RELATIVE_PREPS = new Set(['that', 'which', 'who'])

/** The clause says the decision is made with the person ("together", "with the person", after their vote). */
export function shared(clause: Clause, reader: SentenceReader): boolean {
  // "The team agreed that residents will choose…": the person makes the choice inside it (person-chooses.ts).
  if (personChooses(clause, reader)) return true
  // "The clinician and the officer decide together": two deciders share it between themselves ("put together" as the verb shares nothing).
  const amongThemselves = () => clause.left.length > 1 && clause.left.every((np) => { const cs = reader.classesOf(np, false); return (cs.has('staff') || cs.has('peer')) && !cs.has(PERSON_CLASS) })
  // "The key worker will help plan her discharge": helping someone plan is planning with them.
  const v = clause.verbStart
  if (HELP.test(reader.norm(v - 1)) || (reader.norm(v - 1) === 'to' && HELP.test(reader.norm(v - 2)))) return true
  // "We will ring you … and agree a plan": "we" agreeing, in a sentence to "you" that names no other party, agree with you.
  if (/^agree[sd]?$/.test(reader.norm(clause.verbEnd - 1)) && clause.left.length === 1 && reader.norm(clause.left[0].start) === 'we' && !clause.obliques.some((o) => WITH_PREPS.has(o.prep) || reader.classesOf(o.np, false).has('meeting')) && reader.tokens.some((t) => /^(you|your)$/.test(t.norm))) return true
  for (let i = clause.start; i < clause.end; i++) {
    const n = reader.tokens[i].norm
    if ((n === 'together' || n === 'jointly') && ((i >= clause.verbStart && i < clause.verbEnd) || (reader.norm(i + 1) !== 'with' && amongThemselves()))) continue
    if ((SHARED.has(n) && !(n === 'alongside' && peerBesideStaff(clause, reader, i))) || (n === 'co' && reader.tokens[i + 1]?.join === 'hyphen')) return true
  }
  return clause.obliques.some((o) => {
    // "set by the manager after a members' vote": the people decided it.
    if (peopleVote(o.np, reader)) return true
    if (inOwnWords(o, reader)) return true
    if (!WITH_PREPS.has(o.prep) || !(reader.classesOf(o.np, false).has(PERSON_CLASS) || isPersonPronoun(o.np, reader))) return false
    // "sets the goals that the peer specialist works on with each person": the with-phrase is the relative clause's.
    // (An object relative, with its own subject: not "agrees the goals that matter with each person".)
    if (clause.obliques.some((r) => RELATIVE_PREPS.has(r.prep) && r.np.start < o.np.start && r.np.end >= o.np.end && /^(the|a|an|each|every|their|your|his|her|our|my|they|he|she|we|you|i|staff|peers?)$/.test(reader.norm(r.np.start)))) return false
    // "…, with patients informed of the outcome": a clause of its own (a participle after the noun), not a partner.
    if (reader.hits.some((h) => h.participle && h.start > o.np.start && h.start < o.np.end)) return false
    // "will set your goals and go through them with you": the with-phrase is the second verb's, done to what was decided.
    if (secondVerbOnIt(clause.verbEnd, o.np.start - 1, reader)) return false
    // "rather than with the person", "not with the person", "instead of with them": the decision is explicitly not shared.
    return !(/^(not|than)$/.test(reader.norm(o.np.start - 2)) || setAgainst(reader, o.np.start))
  })
}

function isPersonPronoun(np: Np, reader: SentenceReader): boolean {
  return np.head !== undefined && ['them', 'him', 'her', 'you', 'us', 'me'].includes(reader.tokens[np.head].norm)
}
