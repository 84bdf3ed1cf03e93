/** Telling a progressive verb group ("you are claiming travel costs") from a copula and its complement ("recovery is reducing your scores"). */
import type {SentenceReader} from './clause.js'
import {NOT_GERUNDS, PRONOUNS} from './grammar.js'
import {PERSON_CLASSES, single, type Clause, type Np} from './phrases.js'

/** -ing words that are nouns, or describe the noun after them, after "is"/"are" ("their worry is housing costs", "are living proof"). */
const ING_NOUNS = new Set([...NOT_GERUNDS, ...'training wellbeing living walking shining guiding leading breathing talking working growing increasing existing ongoing changing challenging demanding inspiring amazing remaining missing caring loving willing outstanding underlying coming following continuing emerging recurring ageing aging enduring'.split(' ')])

/**
 * "If you are claiming travel costs": after a person or a pronoun, "are" and an -ing verb with its own object make the
 * progressive, not a copula and its complement. Not after a thing ("Recovery is reducing your scores" defines it).
 */
export function progressive(clause: Clause, agents: Np[], reader: SentenceReader): boolean {
  const first = clause.right[0]
  if (clause.passive || first === undefined || first.head === undefined || first.head === first.start || first.start !== clause.verbEnd) return false
  const ing = reader.norm(first.start)
  if (!/^[a-z]{3,}ing$/.test(ing) || ING_NOUNS.has(ing)) return false
  return agents.some((np) => np.head !== undefined && (PRONOUNS.has(reader.norm(np.head)) || PERSON_CLASSES.some((c) => reader.classesOf(single(np.head!), true).has(c))))
}

/**
 * "Recovery is keeping a healthy weight": a complement that is a bare -ing word before a determiner is a gerund, and
 * its own object says what the subject is said to be (a thing's: not a person's progressive). The classes of that object, or none.
 */
export function gerundObject(np: Np, agents: Np[], reader: SentenceReader): Set<string> {
  const ing = reader.norm(np.start)
  if (np.end - np.start !== 1 || !/^[a-z]{3,}ing$/.test(ing) || ING_NOUNS.has(ing)) return new Set()
  // After a person ("his mother was enabling his drinking") the -ing word is a progressive verb, not a gerund.
  if (agents.some((a) => a.head !== undefined && (PRONOUNS.has(reader.norm(a.head)) || reader.isPerson(a.head) || reader.classesOf(single(a.head), true).has('relatives')))) return new Set()
  const object = reader.rightNp(np.end, reader.tokens.length)[0]
  return object === undefined || object.start !== np.end ? new Set() : reader.classesOf(object, false)
}
