/**
 * "How does the peer worker contribute to treatment? By reinforcing the homework the psychologist has set.": an
 * answer that opens with "By" and an -ing word says what the question's subject does. It is read as "the peer
 * worker is reinforcing …" (implied-subject.ts puts the subject in place of "By"), so the frames see who acts.
 */
import type {Token} from '../match/tokens.js'
import type {Hit} from './hits.js'
import type {Antecedent} from './pronoun-antecedent.js'
import {questionBefore} from './question-before.js'
import {PERSON_CLASSES} from './phrases.js'

const HOW = /\bhow\s+(?:does|do|did|can|could|will|would|should|might|must)\s+/i

/** The question's person, with "is" or "are", when the sentence at `start` answers a how-question with "By …ing". */
export function answeredBy(text: string, start: number, tokens: Token[], tag: (tokens: Token[]) => readonly Hit[], read: (text: string) => Token[] | undefined): Antecedent | undefined {
  if (tokens[0]?.norm === 'as' && tokens.length > 2) return answeredAs(text, start, tag, read)
  if (tokens[0]?.norm !== 'by' || !/^[a-z]{3,}ing$/.test(tokens[1]?.norm ?? '')) return undefined
  const question = questionBefore(text, start)
  const how = question === undefined ? null : HOW.exec(question)
  if (!question || !how) return undefined
  const rest = question.slice(how.index + how[0].length)
  const words = read(rest)
  // The person opens the question's subject: "the peer worker", "our mentors" (at most three words before its head).
  const person = words && tag(words).find((h) => PERSON_CLASSES.includes(h.cls) && h.start <= 3)
  return person ? {text: `${rest.slice(0, words[person.end - 1].end)} ${person.plural ? 'are' : 'is'}`} : undefined
}

const HOW_DONE = /\bhow\s+(is|are|was|were)\s+([^?]{3,60}?)\s+([a-z]+(?:ed|en|wn|ght|lt|nt))\b/i

/**
 * "How is peer support delivered here? As a structured intervention, with fidelity checks.": an answer that opens
 * with "As" finishes the question's passive. It is read whole as "peer support is delivered as a structured intervention…".
 */
function answeredAs(text: string, start: number, tag: (tokens: Token[]) => readonly Hit[], read: (text: string) => Token[] | undefined): Antecedent | undefined {
  const question = questionBefore(text, start)
  const how = question === undefined ? null : HOW_DONE.exec(question)
  if (!how) return undefined
  const words = read(how[2])
  // Only a question about people or peer work ("peer support", "the mentors"), not "How is the room booked?".
  if (!words || !tag(words).some((h) => PERSON_CLASSES.includes(h.cls) || h.cls === 'peer-work')) return undefined
  return {text: `${how[2]} ${how[1].toLowerCase()} ${how[3]}`, whole: true}
}

/** "Who decides how Lachlan spends his budget?": the verb, and what it decides. */
const WHO_DECIDES = /\bwho\s+(decides|chooses|picks|sets|agrees|approves|plans|writes|signs\s+off|works\s+out|draws\s+up|fills\s+in|puts\s+together)\s+([^?]{3,120})\?\s*$/i
const DONE: Record<string, string> = {decides: 'decided', chooses: 'chosen', picks: 'picked', sets: 'set', agrees: 'agreed', approves: 'approved', plans: 'planned', writes: 'written', 'signs off': 'signed off', 'works out': 'worked out', 'draws up': 'drawn up', 'fills in': 'filled in', 'puts together': 'put together'}
const OPENS = /^(the|a|an|your|their|his|her|our|each|every)$/
/** A verb that stands in for the question's: "the clinical team does". */
const STAND_IN = /^(does|do|did|will|would|shall)$/
const CONSENT = /^(if|want|wants|wish|wishes|permission|agreement|consent|agree|agrees|choose|chooses|ask|asks|request)$/

/**
 * "Who decides how Lachlan spends his budget? The support coordinator, at the monthly review.": a bare answer naming
 * who decides (a person word in its first three words, then a comma or the sentence's end, no verb) finishes the
 * question's passive: it is read whole as "how Lachlan spends his budget is decided by the support coordinator…".
 */
export function answeredWho(text: string, start: number, tokens: Token[], tag: (tokens: Token[]) => readonly Hit[]): Antecedent | undefined {
  if (tokens.length === 0 || tokens.length > 30) return undefined
  const who = WHO_DECIDES.exec(questionBefore(text, start) ?? '')
  if (!who) return undefined
  // "The support coordinator, at the review.", "Under the plan as written, the clinical team does.": the person word opens the
  // answer or its clause after a comma, alone or with a stand-in verb ("does", "will").
  const opens = (at: number) => at === 0 || (at === 1 && OPENS.test(tokens[0].norm)) || (at <= 10 && (tokens[at].join === 'break' || (OPENS.test(tokens[at - 1].norm) && tokens[at - 1].join === 'break')))
  // "Her key worker.": a possessive opening the answer is not itself the person who decides.
  const hits = tag(tokens)
  const first = hits.find((h) => PERSON_CLASSES.includes(h.cls) && opens(h.start) && !(h.end - h.start === 1 && OPENS.test(tokens[h.start].norm)))
  const person = first && compoundHead(tokens, hits, first)
  // "If you want, your key worker does", "With your permission, …": the opening clause gives the person the say.
  if (person && tokens.slice(0, person.start).some((t) => CONSENT.test(t.norm))) return undefined
  // "You and your nurse", "Jarrah, with her key worker": the person shares the say.
  if (person && tokens.slice(0, person.start).some((t) => /^(and|with|together)$/.test(t.norm))) return undefined
  // "The consultant and the ward manager.": people coordinated after the first decide together.
  const chain = person ? coordinatedPeople(tokens, hits, person) : []
  // "Jarrah and her nurse": the person, or their family, joined to a worker shares the say.
  if (chain.length > 1 && chain.some((h) => h.cls === 'people' || h.cls === 'relatives')) return undefined
  const last = chain[chain.length - 1]
  let after = last && STAND_IN.test(tokens[last.end]?.norm ?? '') ? last.end + 1 : last?.end
  // "The nurse in charge", "the doctor on call": a short phrase after the person word still names them.
  if (after !== undefined && /^(in|on|at|of|from)$/.test(tokens[after]?.norm ?? '') && tokens[after].join !== 'break') {
    let k = after + 1
    while (k < tokens.length && k - after <= 3 && tokens[k].join !== 'break') k++
    if (k === tokens.length || tokens[k].join === 'break') after = k
  }
  if (!person || (tokens[after!] !== undefined && tokens[after!].join !== 'break')) return undefined
  const verb = who[1].toLowerCase().replace(/\s+/g, ' ')
  // The asker's "my goals" are the reader's in the answer.
  const object = who[2].trim().replace(/\bmy\b/gi, 'your').replace(/\b(I|me)\b/g, 'you')
  const be = /^(how|what|when|where|which|whether|who)\b/i.test(object) || !/[^s]s$/i.test(object) ? 'is' : 'are'
  return {text: `${object} ${be} ${DONE[verb]} by`, whole: true, ownEnd: true, from: first!.start > 1 ? first!.start - (OPENS.test(tokens[first!.start - 1].norm) ? 1 : 0) : undefined}
}

/** "His clinic nurse", "the unit's team", "his youth worker": the last of the person words run together is who answers. */
function compoundHead(tokens: Token[], hits: readonly Hit[], first: Hit): Hit {
  let head = first
  for (;;) {
    const at = head.end
    if (tokens[at] === undefined || tokens[at].join === 'break') return head
    const next = hits.find((h) => h.start === at && h.end > at && PERSON_CLASSES.includes(h.cls) && h.cls !== 'people')
    if (!next) return head
    head = next
  }
}

/** `first` and the people joined to it by "and" or "or" ("the consultant and the ward manager"). */
function coordinatedPeople(tokens: Token[], hits: readonly Hit[], first: Hit): Hit[] {
  const chain = [first]
  for (;;) {
    const last = chain[chain.length - 1]
    if (!/^(and|or)$/.test(tokens[last.end]?.norm ?? '') || tokens[last.end].join === 'break') return chain
    let k = last.end + 1
    if (/^(the|a|an|your|their|his|her|our|any|one|two)$/.test(tokens[k]?.norm ?? '')) k++
    const next = hits.find((h) => h.start === k && PERSON_CLASSES.includes(h.cls))
    if (!next) return chain
    chain.push(next)
  }
}
