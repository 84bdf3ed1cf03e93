/**
 * An answer to the person's question about their own choice. In an FAQ ("Can I choose my peer worker?
 * Workers are allocated by the team leader."), the answer's subject is the thing the person asked to choose,
 * whose ownership only the question states, so a frame with `answers: choice` reads the answer as deciding
 * it for them. A "Yes" answer, or one that hands the choice back ("you can choose", "up to you"), is none.
 */

/** "Can I choose…", "May my son change…", "Will we get to pick…": the person asks whether they may decide. */
const CHOICE_QUESTION = /\b(?:can|could|may|do|will|am)\s+(?:i|we|my\s+(?:\w+\s+){0,2}?\w+|he|she|they)\s+(?:(?:still|also|ever|be\s+able\s+to|get\s+to|be\s+allowed\s+to|have\s+to)\s+)?(?:choose|pick|decide|select|change|swap|switch|say|have\s+(?:a|any|some)\s+say|ask\s+for|request|refuse|decline|turn\s+down|opt\s+out|stop|come\s+off|go\s+home|leave|set|write|keep|bring|have\s+visitors)\b[^?]*\?/i
/** "Who decides what you learn here?": a question of who decides something of the person's (named by a person word). */
const WHO_QUESTION = /\bwho\s+(?:decides|chooses|picks|sets|agrees|plans|writes|says|gets\s+to\s+(?:decide|choose|say|pick))\b[^?]*\b(?:you|your|i|my|me|he|his|him|she|her|they|their|them|people|person|resident|residents|student|students|member|members|learner|learners|client|clients|patient|patients|participant|participants|tenant|tenants|child|son|daughter)\b[^?]*\?/i
/** The answer gives the choice back, or says yes. */
const CHOICE_KEPT = /^\W*(?:a\s*[:.)]\s*)?yes\b|\b(?:you\s+(?:can|could|may|are\s+free\s+to|get\s+to)\s+(?:choose|pick|decide|change|swap|switch|ask\s+for|request)|you\s+(?:choose|pick|decide)|(?:your|you're|you\s+are)\s+(?:own\s+)?(?:choice|call|decision)|up\s+to\s+you|you'd\s+prefer|you\s+would\s+prefer|you\s+prefer|with\s+you|together)\b/i

/**
 * Whether the sentence at `start` in `text` answers such a question: the question ends right before it on the
 * same line ("Q: … ? A: …"), or ends the line before ("**Can I choose my worker?**" then the answer).
 */
export function answersChoice(text: string, start: number, end: number): boolean {
  let k = skipBack(text, start - 1, MARKUP)
  // "Can I choose my worker? No. Workers are allocated…": a bare No is the answer's first sentence.
  const no = /(?:^|[\s*_>:])(?:a\s*[:.)]\s*)?(?:no|not usually|not always|sadly not|unfortunately not)[.!]$/i.exec(text.slice(Math.max(0, k - 30), k + 1))
  if (no) k = skipBack(text, k - no[0].trimStart().length, MARKUP)
  // The line before: a heading or a bold question on its own line, with at most one blank line between.
  if (text[k] === '\n') k = skipBack(text, text[k - 1] === '\n' ? k - 2 : k - 1, HEADING_END)
  if (text[k] !== '?') return false
  const lineStart = text.lastIndexOf('\n', k) + 1
  const question = text.slice(Math.max(lineStart, k - 300), k + 1)
  return (CHOICE_QUESTION.test(question) || WHO_QUESTION.test(question)) && !CHOICE_KEPT.test(text.slice(start, end))
}

/** Space and markup between an answer and what stands before it on its line; at a heading's or bold line's end. */
const MARKUP = /[ \t*_>#]/
const HEADING_END = /[ \t*_#]/
function skipBack(text: string, k: number, skipped: RegExp): number {
  while (k >= 0 && skipped.test(text[k])) k--
  return k
}
