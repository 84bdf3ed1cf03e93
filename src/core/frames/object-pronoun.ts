/**
 * An object pronoun stands for a phrase earlier in the same sentence:
 *
 *     The care coordinator reviews the safety plan every week, updates it, and sends the person the new version.
 *     Where a learner's own goals look too ambitious, replace them with the standard goals.
 *
 * A frame asks its object checks (is it a plan, is it the person's) of the phrase the pronoun stands for, and
 * marks the pronoun. Only the subject's own earlier object, the nearest phrase of the frame's object classes is taken, and only one that
 * agrees in number ("it" a plan, "them" goals), so "it" in "the lounge is open and staff lock it at ten" stays
 * a thing of its own.
 */
import type {SentenceReader} from './clause.js'
import type {Clause, Np} from './phrases.js'
import {PERSON_CLASSES, single} from './phrases.js'

const SINGULAR = new Set(['it'])
const PLURAL = new Set(['them', 'any', 'those', 'all', 'some'])

const plural = (word: string) => /[^s]s$/.test(word) && !/(?:ss|us|is)$/.test(word)

/**
 * The phrase an object pronoun at np stands for, if one of `classes` comes between `floor` (the end of the clause's
 * subject) and the pronoun; else np. The subject's own earlier object only: in "goals are written by the person, and
 * the worker types them up" the goals come before the worker and are the person's.
 */
export function pronounObject(np: Np, reader: SentenceReader, classes: ReadonlySet<string> | undefined, floor: number): Np {
  if (classes === undefined || np.head === undefined || np.end - np.start !== 1) return np
  const word = reader.norm(np.head)
  const many = PLURAL.has(word)
  if (!many && !SINGULAR.has(word)) return np
  // "any that do not fit": a quantifier stands alone only when no noun follows it.
  if (many && word !== 'them' && reader.isNoun(np.head + 1)) return np
  for (let i = np.start - 1; i >= floor; i--) {
    if (!reader.isNoun(i)) continue
    const own = reader.classesOf(single(i), true)
    if (![...own].some((c) => classes.has(c))) continue
    // "it" is never a person ("decides with the member how to manage it").
    if (!many && PERSON_CLASSES.some((c) => own.has(c))) continue
    if (plural(reader.norm(i)) !== many) return np
    return reader.leftNp(i, floor).find((p) => p.head === i) ?? single(i)
  }
  return np
}

/** A clause's objects as a frame checks them: each pronoun as what it stands for, remembered so the pronoun is what is marked. */
export class StandIns {
  private readonly pronouns = new Map<Np, Np>()
  /** The end of the clause's subject, where an antecedent may start; none in the passive or without a subject. */
  private readonly floor: number | undefined
  constructor(private readonly reader: SentenceReader, private readonly classes: ReadonlySet<string> | undefined, clause: Clause, agents: Np[]) {
    let end = -1
    for (let k = 0; k < agents.length; k++) end = Math.max(end, agents[k].end)
    this.floor = clause.passive || end < 0 ? undefined : end
  }

  of(np: Np): Np {
    if (this.floor === undefined) return np
    const stands = pronounObject(np, this.reader, this.classes, this.floor)
    if (stands !== np) this.pronouns.set(stands, np)
    return stands
  }

  /** What to mark for an object `of` returned: the pronoun it came from, or itself. */
  shown(np: Np): Np {
    return this.pronouns.get(np) ?? np
  }
}
