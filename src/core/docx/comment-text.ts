/**
 * What a review comment says, in the words a colleague would use: the message,
 * why (one or two sentences of the rule's rationale), what to write instead, and
 * the rule's page. Repeated wording gets one full comment; the other places get
 * a short one that points to it.
 */
import type {Finding, Rule} from '../types.js'

export interface CommentText {
  /** One entry per paragraph of the comment. */
  paragraphs: string[]
}

/** The first `n` sentences of `text`. */
export function firstSentences(text: string, n = 2): string {
  const sentences = text.trim().match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g) ?? [text]
  return sentences.slice(0, n).join('').trim()
}

const instead = (f: Finding) => (f.suggestions.length ? `Instead: ${f.suggestions.slice(0, 4).join('; ')}.` : undefined)

export function fullComment(f: Finding, rule: Rule | undefined, page: string, more: number): CommentText {
  const paragraphs = [f.message]
  if (rule?.rationale) paragraphs.push(`Why: ${firstSentences(rule.rationale)}`)
  const alt = instead(f)
  if (alt) paragraphs.push(alt)
  paragraphs.push(`Rule: ${page}`)
  if (more > 0) paragraphs.push(`The same wording is flagged in ${more} more place${more === 1 ? '' : 's'} in this document; each has a short comment that points here.`)
  return {paragraphs}
}

export function shortComment(f: Finding, firstPlace: string, nth: number, total: number): CommentText {
  const paragraphs = [`Same wording as the comment at ${firstPlace} (${nth} of ${total}): ${f.message}`]
  const alt = instead(f)
  if (alt) paragraphs.push(alt)
  return {paragraphs}
}

/** For a finding whose own place cannot hold a comment (a header or footer): say where it is. */
export function elsewhere(place: string, f: Finding, text: CommentText): CommentText {
  return {paragraphs: [`In ${place}, “${f.text}”:`, ...text.paragraphs]}
}
