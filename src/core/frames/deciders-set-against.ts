/**
 * "decided by the parish council, not by the family", "It was the school, not Mia or her parents, that settled on…":
 * whoever a sentence sets against the person decides in their place, as staff do, whatever it is (a council, a
 * school, a steering group, the care plan). The word before the contrast is tagged staff, so the frames that need
 * a deciding professional read it as one.
 */
import type {Token} from '../match/tokens.js'
import {UPPER_START} from '../match/letters.js'
import {isFunctionWord} from './grammar.js'
import type {Hit} from './hits.js'

const PERSON_TAGS = new Set(['people', 'relatives', 'staff', 'peer'])
const OBJECT_PRONOUN = /^(him|her|them|you|me|us)$/
const DETERMINER = /^(the|their|his|her|its|each|a|an)$/

export function decidersSetAgainst(tokens: Token[], hits: Hit[]): void {
  for (let i = 2; i < tokens.length - 1; i++) {
    // ", not (by) …": only after a break, so "is decided by the school and not changed" is no contrast.
    if (tokens[i].norm !== 'not' || tokens[i].join !== 'break') continue
    const doer = tokens[i - 1]
    if (isFunctionWord(doer.norm) || /sel(f|ves)$/.test(doer.norm) || !/^\p{Ll}/u.test(doer.raw) || hits.some((h) => h.start <= i - 1 && h.end > i - 1 && PERSON_TAGS.has(h.cls))) continue
    let j = i + 1
    if (tokens[j]?.norm === 'by') j++
    if (!OBJECT_PRONOUN.test(tokens[j]?.norm ?? '') && DETERMINER.test(tokens[j]?.norm ?? '')) j++
    const person = OBJECT_PRONOUN.test(tokens[j]?.norm ?? '') || hits.some((h) => h.start === j && (h.cls === 'people' || h.cls === 'relatives')) || (tokens[j] !== undefined && j === i + 1 && UPPER_START.test(tokens[j].raw) && !/^(dr|prof|professor|doctor|nurse|sister)$/.test(tokens[j].norm))
    if (person) hits.push({cls: 'staff', start: i - 1, end: i, participle: false, ing: false, plural: /s$/.test(doer.norm)})
  }
}
