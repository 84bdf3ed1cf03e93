/**
 * Checks on a verdict of the second opinion that its words alone cannot make: the model reads which words
 * occur, not who does what, so "Residents decide at the house meeting which outings to plan" reads to it like
 * "Staff decide which outings residents may go on". The clause reader (frames/clause.ts, through
 * clause-features.ts) says who the agent of each verb of the vocabulary is.
 */

/** Pronouns that stand for the person or people a document is about ("we" is usually the service, "you" its reader: neither). */
const PERSON_PRONOUNS = new Set(['=i', '=he', '=she', '=they', '=them', '=him', '=her'])

/** Verbs whose agent is the one who decides. */
const DECIDING = new Set(['decide', 'final-say'])

/** Verbs that put staff over the person whoever their agent is ("allowed to decide", "told what was decided"). */
const OVER_THE_PERSON = new Set(['allow', 'inform'])

/** Word classes whose presence anywhere in the sentence may put a decision back with staff ("whose decision is final", "left to the house manager"). */
const OVERSEERS = new Set(['staff', 'peer', 'meeting'])

/**
 * The person, not staff, decides: a deciding verb has a person for its agent, and the sentence names no staff,
 * peer or meeting and no verb that puts staff over the person. `roles`: the clause-role features of the sentence
 * ("ag:people>decide", "ag:=she>decide", "pv:allow"); `classes`: the word classes found in it.
 */
export function personDecides(roles: readonly string[], classes: Iterable<string>): boolean {
  for (const c of classes) if (OVERSEERS.has(c)) return false
  let person = false
  for (const f of roles) {
    const colon = f.indexOf(':')
    const family = f.slice(0, colon)
    if (family !== 'ag' && family !== 'pt' && family !== 'pv' && family !== 'nv' && family !== 'lv' && family !== 'ob') continue
    const verb = family === 'ag' ? f.slice(f.indexOf('>') + 1) : f.slice(colon + 1).split('>')[0]
    if (OVER_THE_PERSON.has(verb)) return false
    if (family !== 'ag') continue
    const agent = f.slice(colon + 1, f.indexOf('>'))
    if (DECIDING.has(verb) && (agent === 'people' || PERSON_PRONOUNS.has(agent))) person = true
  }
  return person
}
