/**
 * The person as the judge of their own wellbeing: "Grainne says she knows she is doing better because she has started
 * painting again", "being well, for him, means his own front door and a job". Recovery by the person's own measure is
 * what the rules suggest, so a clinicalised verdict of the second opinion on it is set aside (second-opinion.ts); the
 * rules still read any clinical measure in such a sentence, and the check stands down where one is named.
 */
import {isAdverb, isNegator, MODALS} from '../frames/grammar.js'

/** Classes that put a clinical measure or treatment into the sentence: then it is no longer only the person's own measure. */
const CLINICAL = new Set(['measure', 'measure-verb', 'compliance-sign', 'treatment', 'treatment-push', 'clinical-task', 'illness'])
/** Classes that name how a person is doing. */
const WELLBEING = new Set(['recovery', 'wellbeing-state'])
/** Verbs of knowing, feeling or defining that make their subject the judge. */
const JUDGING = /^(knows?|knew|feels?|felt|defines?|defined|describes?|described|measures?|measured|judges?|judged|decides?|decided)$/
/** The person as that subject: a pronoun (not "we", usually the service). */
const PERSON = /^(he|she|they|i)$/
/** Whom a wellbeing word is for: "being well, for him, …", "what recovery means to her". */
const FOR_WHOM = /^(him|her|them|me|himself|herself|themselves|myself)$/

export function personJudgesOwn(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  if (hits.some((h) => CLINICAL.has(h.cls))) return false
  const wellbeing = hits.filter((h) => WELLBEING.has(h.cls)).map((h) => [h.start, h.end] as const)
  tokens.forEach((t, i) => t.norm === 'better' && wellbeing.push([i, i + 1]))
  if (wellbeing.length === 0) return false
  // "being well, for him, means…", "recovery means to her…": the wellbeing word's measure is named as the person's.
  for (const [, end] of wellbeing) {
    for (let k = end; k <= end + 1 && k + 1 < tokens.length; k++) if (/^(for|to)$/.test(tokens[k].norm) && FOR_WHOM.test(tokens[k + 1].norm)) return true
  }
  // "she knows she is doing better", "Tom feels well again": the person is the subject of a judging verb before the wellbeing word.
  const people = new Set(hits.filter((h) => h.cls === 'people').map((h) => h.end - 1))
  for (let i = 1; i < tokens.length; i++) {
    if (!JUDGING.test(tokens[i].norm)) continue
    let j = i - 1
    while (j > 0 && (MODALS.has(tokens[j].norm) || isAdverb(tokens[j].norm))) j--
    if (!(PERSON.test(tokens[j].norm) || people.has(j))) continue
    if (tokens.slice(Math.max(0, j - 1), i).some((t) => isNegator(t.norm))) continue
    // The judge is the one whose wellbeing it is: "she knows she is…", not "I know she is getting better" (a worker's note).
    const k = tokens[i + 1]?.norm === 'that' ? i + 2 : i + 1
    const about = tokens[k]?.norm ?? ''
    if (/^(he|she|they|i|you)$/.test(about) && about !== tokens[j].norm && !(people.has(j) && /^(he|she|they)$/.test(about))) continue
    if (wellbeing.some(([start]) => start > i && start <= i + 8)) return true
  }
  return false
}

/** Words that make a following "not" negate a verb, not set one phrase against another. */
const AUX = /^(is|are|was|were|be|been|do|does|did|will|would|can|could|should|must|may|might|has|have|had)$/

/** Verbs that give something the name of recovery: "(not) treated as recovery". */
const COUNTED_AS = /^(treated|counted|taken|classed|classified|read|regarded|defined|reported|recorded|seen)$/

/**
 * "Recovery isn't the same thing as the voices stopping", "recovery does not mean being symptom-free", "being well is not
 * about a score": a definition of recovery denied. The rules read their own frames' negation; the second opinion's
 * verdict on such a sentence is set aside whatever its category. Not "Recovery is not possible for him" (no definition).
 */
export function recoveryDefinitionDenied(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  for (const h of hits) {
    if (h.cls !== 'recovery') continue
    // "A year without admission was not treated as recovery", "was never counted as recovery": a measure denied the name.
    if (tokens[h.start - 1]?.norm === 'as' && COUNTED_AS.test(tokens[h.start - 2]?.norm ?? '') && /^(not|n't|never)$/.test(tokens[h.start - 3]?.norm ?? '')) return true
    // "remission on a symptom scale and recovery in a person's life are different things": the two set apart.
    if (tokens.some((t, i) => (t.norm === 'different' && /^(things?|matters?)$/.test(tokens[i + 1]?.norm ?? '')) || (t.norm === 'distinct' && tokens[i + 1]?.norm === 'from'))) return true
    // "clinical recovery is rated by clinicians…, while personal recovery is defined by the person": the two concepts explained side by side.
    if (['clinical', 'personal'].every((w) => tokens.some((t, i) => t.norm === w && tokens[i + 1]?.norm === 'recovery'))) return true
    // "…a measure of the service's discharge planning, not of any person's recovery": the recovery word is what is set aside.
    for (let n = Math.max(1, h.start - 5); n < h.start; n++) if (tokens[n].norm === 'not' && /^(of|about|for)$/.test(tokens[n + 1]?.norm ?? '') && !AUX.test(tokens[n - 1].norm)) return true
    let k = h.end
    if (/^(is|was|does|did|has)$/.test(tokens[k]?.norm ?? '') && /^(not|n't|never)$/.test(tokens[k + 1]?.norm ?? '')) k += 2
    else if (/^(isn't|wasn't|doesn't|didn't)$/.test(tokens[k]?.norm ?? '')) k += 1
    else continue
    const next = tokens[k]?.norm ?? ''
    if (/^(mean|means|equal|equals|about|defined|measured|judged|decided|just|only|simply|merely|when|having|being)$/.test(next) || (next === 'the' && tokens[k + 1]?.norm === 'same') || (next === 'a' && tokens[k + 1]?.norm === 'matter')) return true
  }
  return false
}
