/**
 * The question an answer follows, for the FAQ readers (answered-question.ts, choice-question.ts). FAQs put the
 * question on the answer's line ("Q: How will I know I'm recovered? A: …"), or in a heading or a bold line just
 * before it, which the review parses in a separate piece: so `text` is the whole document where there is one.
 */

/**
 * The question that ends right before `start` in `text`, from the sentence end or line start before it (at most
 * 300 characters), with its "?"; or undefined. It may end on the same line, or end the line before with at most one
 * blank line between ("**Can I choose my worker?**" then the answer). A bare "No." opening the answer is skipped.
 */
export function questionBefore(text: string, start: number): string | undefined {
  let k = skipBack(text, start - 1, MARKUP)
  // "Can I choose my worker? No. Workers are allocated…": a bare No is the answer's first sentence. (Read for every
  // sentence of a review: the pattern is tried only after a full stop or "!", where it can end.)
  const no = (text[k] === '.' || text[k] === '!') && BARE_NO.exec(text.slice(Math.max(0, k - 30), k + 1))
  if (no) k = skipBack(text, k - no[0].trimStart().length, MARKUP)
  // The line before: a heading or a bold question on its own line.
  if (text[k] === '\n') k = skipBack(text, text[k - 1] === '\n' ? k - 2 : k - 1, HEADING_END)
  if (text[k] !== '?') return undefined
  const from = Math.max(text.lastIndexOf('\n', k), text.lastIndexOf('.', k), text.lastIndexOf('!', k), text.lastIndexOf('?', k - 1), k - 300)
  return text.slice(from + 1, k + 1)
}

const BARE_NO = /(?:^|[\s*_>:])(?:a\s*[:.)]\s*)?(?:no|not usually|not always|sadly not|unfortunately not)[.!]$/i
/** Space and markup between an answer and what stands before it on its line; at a heading's or bold line's end. */
const MARKUP = /[ \t*_>#]/
const HEADING_END = /[ \t*_#]/
function skipBack(text: string, k: number, skipped: RegExp): number {
  while (k >= 0 && skipped.test(text[k])) k--
  return k
}
