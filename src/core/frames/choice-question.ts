/**
 * An answer to the person's question about their own choice. In an FAQ ("Can I choose my peer worker?
 * Workers are allocated by the team leader."), the answer's subject is the thing the person asked to choose,
 * whose ownership only the question states, so a frame with `answers: choice` reads the answer as deciding
 * it for them. A "Yes" answer, or one that hands the choice back ("you can choose", "up to you"), is none.
 */
import {questionBefore} from './question-before.js'

/** "Can I choose…", "May my son change…", "Will we get to pick…": the person asks whether they may decide. */
const CHOICE_QUESTION = /\b(?:can|could|may|do|will|am)\s+(?:i|we|my\s+(?:\w+\s+){0,2}?\w+|he|she|they)\s+(?:(?:still|also|ever|be\s+able\s+to|get\s+to|be\s+allowed\s+to|have\s+to)\s+)?(?:choose|pick|decide|select|change|swap|switch|say|have\s+(?:a|any|some)\s+say|ask\s+for|request|refuse|decline|turn\s+down|opt\s+out|stop|come\s+off|go\s+home|leave|set|write|keep|bring|have\s+visitors)\b[^?]*\?/i
/** "Who decides what you learn here?", "Who writes the goals?": a question of who decides something of the person's (named by a person word or a plan word). */
const WHO_QUESTION = /\bwho\s+(?:decides|chooses|picks|sets|agrees|plans|writes|says|gets\s+to\s+(?:decide|choose|say|pick))\b[^?]*\b(?:you|your|i|my|me|he|his|him|she|her|they|their|them|people|person|resident|residents|student|students|member|members|learner|learners|client|clients|patient|patients|participant|participants|tenant|tenants|child|son|daughter|goals?|targets?|plans?|discharge)\b[^?]*\?/i
/** The answer gives the choice back, or says yes. */
const CHOICE_KEPT = /^\W*(?:a\s*[:.)]\s*)?yes\b|\b(?:you\s+(?:can|could|may|are\s+free\s+to|get\s+to)\s+(?:choose|pick|decide|change|swap|switch|ask\s+for|request)|you\s+(?:choose|pick|decide)|(?:your|you're|you\s+are)\s+(?:own\s+)?(?:choice|call|decision)|up\s+to\s+you|you'd\s+prefer|you\s+would\s+prefer|you\s+prefer|with\s+you|together)\b/i

/**
 * Whether the sentence from `start` to `end` in `text` answers such a question (questionBefore: on its line, or in the
 * heading or bold line before it).
 */
export function answersChoice(text: string, start: number, end: number): boolean {
  const question = questionBefore(text, start)
  return question !== undefined && (CHOICE_QUESTION.test(question) || WHO_QUESTION.test(question)) && !CHOICE_KEPT.test(text.slice(start, end))
}
