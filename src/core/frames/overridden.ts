/**
 * The sentence sets the person's own word aside: "…, whatever the young adult has asked for", "regardless of what
 * she wants", "even if they say no", "before the member has been asked anything", "without asking him", "without him". A decision
 * made so is made about the person, whoever makes it. Not "whatever they show" (results), "whatever the weather",
 * nor a free relative that is what is decided or backed ("the group backs whatever they decide").
 */
import type {SentenceReader} from './clause.js'
import {DETERMINERS, POSSESSIVES} from './grammar.js'
import {perSentence} from './per-sentence.js'

const WISH = /^(ask|asks|asked|want|wants|wanted|say|says|said|agree|agrees|agreed|prefer|prefers|preferred|wish|wishes|wished|object|objects|objected|disagree|disagrees|disagreed|feel|feels|felt|think|thinks|thought|like|likes|liked|refuse|refuses|refused|request|requests|requested|hope|hopes|hoped|write|writes|wrote|written)$/
/** Words between the person and the wish: "has asked for", "would rather", "may not want". */
const BETWEEN = /^(has|have|had|would|will|may|might|does|do|did|already|first|originally|really|'d|'ve|been|themselves|herself|himself)$/
const PERSON_PRONOUN = /^(he|she|they|you|him|them)$/
/** The person's agreement waived after them: "does not need to agree", "don't have to be asked", "need not consent". */
const WAIVED = /^(?:does not|do not|doesn't|don't|did not|didn't|need not|needn't|is not|are not|isn't|aren't) (?:need to |have to |required to |asked to )?(?:agree|consent|be asked|be consulted|sign)\b/

/** Whether the sentence sets the person's own wishes aside; read once per sentence. */
export const personOverridden = perSentence((reader): boolean => {
  let found = false
  const n = reader.tokens.length
  // Someone in particular: "without asking anyone" is a manager's manners, not a person decided about. A pronoun counts only
  // in a sentence about people served: "if your line manager changes your hours without consulting you" is about an employee.
  const aboutPeople = reader.tokens.some((_, k) => reader.isPerson(k))
  const person = (k: number) => (reader.isPerson(k) || (aboutPeople && PERSON_PRONOUN.test(reader.norm(k)))) && !/^(anyone|anybody|everyone|everybody|someone|somebody)$/.test(reader.norm(k))
  for (let i = 0; i < n && !found; i++) {
    const w = reader.norm(i)
    let from = -1
    // A bare "whatever" concedes after a comma, at the start or after a noun phrase ("picks the activities whatever residents
    // want"); right after a verb it is what is done ("backs whatever they decide").
    if (w === 'whatever' && (i === 0 || reader.gap(i).includes(',') || reader.isNoun(i - 1) || (i > 1 && (DETERMINERS.has(reader.norm(i - 2)) || POSSESSIVES.has(reader.norm(i - 2))) && reader.isHeadable(i - 1)))) from = i + 1
    else if (w === 'regardless' && reader.norm(i + 1) === 'of' && /^(what|whether|how)$/.test(reader.norm(i + 2))) from = i + 3
    else if (w === 'regardless' && reader.norm(i + 1) === 'of' && /^(their|his|her|your|the)$/.test(reader.norm(i + 2)) && /^(wishes|views|preferences|choice|choices)$/.test(reader.norm(i + 3))) found = true
    else if (w === 'no' && reader.norm(i + 1) === 'matter' && /^(what|whether|how)$/.test(reader.norm(i + 2))) from = i + 3
    else if (w === 'even' && /^(if|though|when)$/.test(reader.norm(i + 1))) from = i + 2
    else if (w === 'whether' && reader.norm(i + 1) === 'or' && reader.norm(i + 2) === 'not') from = i + 3
    else if (w === 'without' && /^(asking|consulting|checking)$/.test(reader.norm(i + 1))) {
      for (let k = i + 2; k < Math.min(n, i + 5); k++) if (person(k)) found = true
    } else if (w === 'without' && i > 0) {
      // "…were all settled at the board without him", "agreed without the resident there": the person left out of it. Only a
      // person word that ends its phrase: "without her losing her tenancy" spares her, "without a member of staff" is staff.
      const k = /^(the|a|an|each|every|any)$/.test(reader.norm(i + 1)) ? i + 2 : i + 1
      const ends = k + 1 >= n || /[,.;:!?)]/.test(reader.gap(k + 1)) || /^(there|present|in|at|on|being|and|because|so|which|who|until|before|after|when|while|knowing|agreeing)$/.test(reader.norm(k + 1))
      if (k < n && person(k) && ends && !/^(referral|referrals|visitor|visitors|guest|guests)$/.test(reader.norm(k))) found = true
    } else if (person(i) && WAIVED.test([1, 2, 3, 4, 5].map((d) => reader.norm(i + d)).join(' '))) {
      // "the customer does not need to agree to it", "they don't have to be asked": the person's word waived.
      found = true
    } else if (w === 'before') {
      // "before the member has been asked anything", "before they are asked"; not "before you are asked to fill in a form".
      for (let k = i + 1; k < Math.min(n, i + 5) && !found; k++) {
        if (!person(k)) continue
        let at = k + 1
        while (at < Math.min(n, k + 4) && !/^(asked|consulted)$/.test(reader.norm(at))) at++
        if (at < Math.min(n, k + 4) && /^(been|is|are|was|were|be)$/.test(reader.norm(at - 1)) && reader.norm(at + 1) !== 'to') found = true
      }
    }
    if (from < 0) continue
    for (let k = from; k < Math.min(n, from + 5) && !found; k++) {
      if (!person(k)) continue
      let m = k + 1
      while (m < n && m <= k + 4 && BETWEEN.test(reader.norm(m))) m++
      if (WISH.test(reader.norm(m))) found = true
    }
  }
  return found
})
