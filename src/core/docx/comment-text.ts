/**
 * What a review comment says, in the words a colleague would use: the message,
 * why (one or two sentences of the rule's rationale), what to write instead, and
 * the rule's page. Repeated wording gets one full comment; the other places get
 * a short one that points to it.
 */
import type {Finding, Fix, Rule} from '../types.js'

export interface CommentText {
  /** One entry per paragraph of the comment. */
  paragraphs: string[]
}

/** The first `n` sentences of `text`. */
export function firstSentences(text: string, n = 2): string {
  const sentences = text.trim().match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g) ?? [text]
  return sentences.slice(0, n).join('').trim()
}

/** The words a fix rewrites, when it reaches past the finding's own ("is non-compliant with"). */
export type Rewritten = (fix: Fix) => string

/**
 * What to write instead, as the editor's hover offers it: replacements of the words
 * themselves; rewrites that reach past them, naming the words they replace (a comment
 * whose only alternatives are such rewrites would otherwise offer none); then advice.
 */
function alternatives(f: Finding, rewritten?: Rewritten): string[] {
  const lines: string[] = []
  if (f.suggestions.length) lines.push(`Instead: ${f.suggestions.slice(0, 4).join('; ')}.`)
  const wider = new Map<string, string[]>()
  for (const fix of f.fixes) {
    if ((!fix.before && !fix.after) || !rewritten) continue
    const words = rewritten(fix)
    const list = wider.get(words) ?? []
    if (!list.includes(fix.replacement)) list.push(fix.replacement)
    wider.set(words, list)
  }
  for (const [words, list] of [...wider].slice(0, 2)) lines.push(`Instead of “${words}”: ${list.slice(0, 3).join('; ')}.`)
  if (f.advice.length) lines.push(`Consider: ${f.advice.slice(0, 3).join('; ')}.`)
  return lines
}

/** The message without the advice the engine appends when no edit fits: the comment lists it below. */
const messageOf = (f: Finding) => {
  const consider = f.advice.length ? ` Consider: “${f.advice[0]}”.` : ''
  return consider && f.message.endsWith(consider) ? f.message.slice(0, -consider.length) : f.message
}

export function fullComment(f: Finding, rule: Rule | undefined, page: string, more: number, rewritten?: Rewritten): CommentText {
  const paragraphs = [messageOf(f)]
  if (rule?.rationale) paragraphs.push(`Why: ${firstSentences(rule.rationale)}`)
  paragraphs.push(...alternatives(f, rewritten))
  paragraphs.push(`Rule: ${page}`)
  if (more > 0) paragraphs.push(`The same wording is flagged in ${more} more place${more === 1 ? '' : 's'} in this document; each has a short comment that points here.`)
  return {paragraphs}
}

export function shortComment(f: Finding, firstPlace: string, nth: number, total: number, rewritten?: Rewritten): CommentText {
  return {paragraphs: [`Same wording as the comment at ${firstPlace} (${nth} of ${total}): ${messageOf(f)}`, ...alternatives(f, rewritten)]}
}

/** For a finding whose own place cannot hold a comment (a header or footer): say where it is. */
export function elsewhere(place: string, f: Finding, text: CommentText): CommentText {
  return {paragraphs: [`In ${place}, “${f.text}”:`, ...text.paragraphs]}
}
