/**
 * "Why do we need peers on the day programme? Because they spot hidden food faster than the nurses do.": an answer
 * that opens "Because he/she/they" gives the reason the question's person is there, so "they" is that person. The
 * answer is read whole as "peers spot hidden food…" (implied-subject.ts), from its third word on (an Antecedent of
 * pronoun-antecedent.ts, which asks here).
 */
import type {Sentence} from 'nlcst'
import {sentenceTokens, type Token} from '../match/tokens.js'
import type {Hit} from './hits.js'
import {PERSON_CLASSES} from './phrases.js'

const PRONOUNS = new Set(['he', 'she', 'they'])

export function becauseAnswer(sentences: ReadonlyArray<{type: string}>, sentence: {type: string}, tokens: Token[], text: string, tag: (tokens: Token[]) => readonly Hit[]): {text: string; whole: true; ownEnd: true; from: number} | undefined {
  if (tokens.length < 4 || tokens[0].norm !== 'because' || !PRONOUNS.has(tokens[1].norm)) return undefined
  const at = sentences.indexOf(sentence)
  let question: Token[] | undefined
  for (let i = at - 1; i >= 0 && !question; i--) if (sentences[i].type === 'SentenceNode') question = sentenceTokens(sentences[i] as unknown as Sentence)
  if (!question || question[0]?.norm !== 'why' || text.slice(question[question.length - 1].end, question[question.length - 1].end + 2).trim()[0] !== '?') return undefined
  // The question's first person word that the pronoun can stand for ("peers", "survivors"; "she" for one).
  const person = tag(question).find((h) => PERSON_CLASSES.includes(h.cls) && (tokens[1].norm === 'they' ? h.plural : !h.plural))
  return person && {text: text.slice(question[person.start].start, question[person.end - 1].end), whole: true, ownEnd: true, from: 2}
}
