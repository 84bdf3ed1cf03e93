/**
 * The words and classes that stand for the person a service supports, shared by
 * the frame checks (checks.ts) and the with-the-person checks (with-person.ts).
 */
/** The class that names the person a service supports: a decision made with them is shared. */
export const PERSON_CLASS = 'people'
export const PERSONAL = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'who', 'someone', 'anyone', 'everyone', 'somebody', 'anybody', 'everybody'])
/** Meetings where staff decide ("at the MDT meeting"), also listed among staff. */
export const MEETING_CLASS = 'meeting'

/** Classes that tie a plan word to the person ("resident goals", "the family's plan"). */
export const PERSON_LINK = new Set(['people', 'relatives'])
/** Possessives that stand for the person: "their goals", "in your own words". */
export const PERSON_OWNERS = new Set(['his', 'her', 'their', 'your'])

export function intersects(a: Set<string>, b: Set<string> | undefined): boolean {
  if (!b) return false
  for (const x of a) if (b.has(x)) return true
  return false
}
