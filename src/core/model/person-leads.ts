/**
 * "Mr Pendlebury went through the timetable himself and ticked pottery", "Mr Tanaka does his own laundry and cooks for
 * the others", "Mr Tulloch says he'll know he's doing all right when…": a named person
 * opens the sentence and does something themselves, and no staff member or peer worker acts in it. The second opinion
 * reads the timetable, the ward and "ready" as a service deciding for someone; the sentence tells of the person
 * leading. Deficit verdicts stand ("Mr Tanaka shouts at the other residents" is said of him, whoever acts).
 */
import {isAdverb, isNegator, MODALS} from '../frames/grammar.js'

/** Verbs after the person that say what they are, need or cannot do, or what happens to them, not what they do. */
const NOT_THEIR_ACT =
  /^(is|are|was|were|be|been|being|has|had|have|needs|needed|lacks|lacked|struggles|struggled|refuses|refused|fails|failed|seems|seemed|appears|appeared|remains|remained|gets|got|keeps|kept|continues|continued|tends|tended|waits|waited|attends|attended|takes|took|follows|followed|copies|copied|complies|complied|requires|required|presents|presented|becomes|became|finds|found|misses|missed|relies|relied|depends|depended|insists|insisted|claims|claimed|alleges|alleged|complains|complained|denies|denied|admits|admitted|reports|reported|drifts|drifted|wanders|wandered)$/
/** A finite verb form: "went", "ticked", "does", "named", "says". */
const FINITE = /^(went|did|does|made|makes|chose|chooses|gave|gives|told|tells|said|says|wrote|writes|ran|runs|brought|brings|picked|picks|set|sets|put|puts|[a-z]{3,}ed|[a-z]{2,}[^s]s)$/
const PRONOUNS = new Set(['he', 'she', 'they', 'you', 'i', 'we', 'it', 'her', 'his', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those'])
/** Classes of the ones who could be deciding over the person. */
const OVERSEERS = new Set(['staff', 'peer', 'meeting'])

export function personLeads(tokens: readonly {norm: string; raw: string; end: number}[], hits: readonly {cls: string; start: number; end: number}[], text: string, roleModel: boolean): boolean {
  if (hits.some((h) => OVERSEERS.has(h.cls))) return false
  // The name opens the sentence: a "people" hit from the first word, each word a capitalised name ("Mr Tanaka", "Aroha"),
  // not a pronoun ("She tells members…" is as often a peer worker), and not a possessor ("Mr Manu's parents…").
  const name = hits.find((h) => h.cls === 'people' && h.start === 0 && tokens.slice(h.start, h.end).every((t) => /^[A-Z][a-z]/.test(t.raw) && !PRONOUNS.has(t.norm)))
  if (!name || /^['\u2019]/.test(text.slice(tokens[name.end - 1].end, tokens[name.end - 1].end + 1))) return false
  let v = name.end
  while (v < tokens.length && isAdverb(tokens[v].norm) && !isNegator(tokens[v].norm)) v++
  const verb = tokens[v]?.norm ?? ''
  if (MODALS.has(verb) || isNegator(verb) || NOT_THEIR_ACT.test(verb) || !FINITE.test(verb)) return false
  // "Ms Pryce tells every widow in the group that if they keep the farm going the way she did…": what a named person tells
  // others about their own way is the role-model framing itself.
  if (roleModel && /^(says|said|tells|told|shows|showed|teaches|taught)$/.test(verb)) return false
  // "Mr Byrne makes every new member follow the routine that got him sober": others in the sentence are acted on, not led by themselves.
  if (roleModel && hits.some((h) => h.cls === 'people' && h.start >= name.end)) return false
  return !tokens.some((t) => isNegator(t.norm))
}
