/**
 * An answer says what its question asks. A sentence that follows a question about recovery, on its line or in the
 * heading before it ("How will I know I'm recovered? Your worker checks your questionnaire scores each month."), is read as
 * continuing "Recovery means …" (implied-subject.ts), so a clinical measure in it defines recovery
 * (recovery-defined-by-measure). FAQs are a genre the users write.
 */
import type {Antecedent} from './pronoun-antecedent.js'
import {questionBefore} from './question-before.js'
import {discussesWording} from '../context/mention.js'

/** What an answer to a question about recovery continues. */
export const RECOVERY_MEANS: Antecedent = {text: 'Recovery means', whole: true}

/**
 * Whether the sentence at `start` answers a question about recovery just before it (questionBefore: on its line, or in
 * the heading or bold line before it): "How will I know I'm recovered? Your worker checks your questionnaire scores
 * each month." The answer is then read as what recovery means, so a clinical measure in it is a definition of recovery
 * (recovery-defined-by-measure).
 */
export function answersRecovery(text: string, start: number): Antecedent | undefined {
  const question = questionBefore(text, start)
  // A reflective or discussion question in course material asks the reader to think; what follows is no FAQ's answer.
  if (question === undefined || discussesWording(lineOf(text, start, question))) return undefined
  // "…but only he can tell you how he feels": an answer that leaves the say with the person defines nothing by its measure.
  if (OWN_SAY.test(text.slice(start, start + 400).split(/[.!?](?:\s|$)/)[0])) return undefined
  return asksRecovery(question) ? RECOVERY_MEANS : READY.test(question) ? READY_ONCE : undefined
}
const OWN_SAY = /\bonly (?:he|she|they|you|[A-Z][a-z]+) (?:can|could) (?:say|tell|judge|decide|know)\b|\bhow (?:he|she|they|you) (?:feels?|sees? it)\b|\bin (?:his|her|their|your) own words\b/

/**
 * "Is Ms Tremblay ready to go back to work? Her psychiatrist has lowered her dose, so yes.": an answer to a question on
 * whether a person is ready is read as the condition of their readiness, so a clinical measure in it gates them
 * (readiness-by-measure).
 */
export const READY_ONCE: Antecedent = {text: 'People are ready once', whole: true}
const READY_WORDS = String.raw`\b(?:is|are)\s+(?:[\w'-]+\s+){1,3}?(?:ready|well enough|fit enough|stable enough|safe enough)\s+(?:to|for)\b`
const READY = new RegExp(READY_WORDS, 'i')

/** A question about a person's recovery, in the word or in plain words ("How do we know someone is getting better?"); not a service's. */
function asksRecovery(question: string): boolean {
  return /\brecover(?:ed|y)\b/i.test(question) || (BETTER.test(question) && !SERVICE_BETTER.test(question)) || NAMED_BETTER.test(question)
}
// "Is Nikau better?", "Is Mr Harrower doing well?": a named person (not "CBT" or "the depot"; "Is she better?" may be answered in the person's own words).
const NAMED_BETTER = /\b(?:[Ii]s|[Aa]re)\s+(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[A-Z][a-z\u2019'-]+(?:\s+[A-Z][a-z\u2019'-]+)?\s+(?:better|doing\s+well|recovered)(?:\s+now|\s+yet|\s+again)?(?=\s*\?)/
// "Is someone better?", "Are they well now?": a yes-or-no question on whether a person is well.
const BETTER_WORDS = String.raw`\b(?:getting|got|gets|doing|feeling)\s+better\b|\bwell\s+again\b|\b(?:getting|get|gets|got)\s+well\b(?!\s+[a-z]+ed\b)|\b(?:is|are)\s+(?:someone|somebody|a person|the person|people|participants?|clients?|members?|residents?|patients?)\s+(?:better|well|recovered)(?:\s+now)?(?=\s*\?)`
const BETTER = new RegExp(BETTER_WORDS, 'i')
const SERVICE_BETTER = /\b(?:service|team|programme|program|project|system|ward|unit|clinic|pathway|process|website|app|course|group|we|things|it)(?:'s|'re|\s+(?:is|are))\s+(?:getting|doing)\s+better\b/i

/** Whether `text` may hold such an answer: the prefilter must not rule it out (the answer lends words the text lacks). */
export function mayAnswerRecovery(text: string): boolean {
  return MAY_ANSWER.test(text)
}
const MAY_ANSWER = new RegExp(String.raw`(?:\brecover(?:ed|y)\b|${BETTER_WORDS}|${READY_WORDS}|\b(?:is|are)\s+(?:[\w.\u2019'-]+\s+){1,3}?(?:better|doing\s+well|recovered))[^\n.!?]*\?[ \t*_#]*\n?[ \t*_#]*\S`, 'i')

/** The whole line the question stands on ("Reflective question: if a medical adviser writes…, whose idea…?"). */
function lineOf(text: string, start: number, question: string): string {
  const at = text.lastIndexOf(question, start)
  if (at < 0) return question
  const from = text.lastIndexOf('\n', at) + 1
  return text.slice(from, at + question.length).replace(/^[\s>*_#-]+/, '')
}
