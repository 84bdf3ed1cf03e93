/**
 * A heading or a title line names a document or section ("Medication Adherence
 * Policy", "## Relapse prevention plan"): its words are the subject's name, not a
 * description of a person. Only slurs and identity labels are findings there.
 */

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+$/
const WORD = /[\p{L}][\p{L}\p{N}'\u2019-]*/gu
const SENTENCE_CUES = new Set("we you they i he she our your my is are was were will can should must do does how why what when who where".split(' '))
const SMALL = new Set('a an the and or of in on at to for with by from as vs via into our your their its this'.split(' '))

/** Whether the paragraph at [start, end) of `text` is a heading or a title-case line. */
export function isTitle(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const body = text.slice(start, end).trim()
  if (/[.!?]["'\u201d\u2019)]?$/.test(body)) return false
  const words = body.match(WORD) ?? []
  if (words.length === 0 || words.length > 14) return false
  // A heading that reads as a sentence ("How we support you", "What patients said") describes; one that is a name does not.
  // A title-case line: most words that are not small words start with a capital.
  const content = words.filter((w) => !SMALL.has(w.toLowerCase()))
  const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length
  const titleCase = content.length >= 2 && capitalised / content.length >= 0.75
  if (HEADING.test(text.slice(lineStart, start))) return words.length <= 12 && (titleCase || !words.some((w) => SENTENCE_CUES.has(w.toLowerCase())))
  return titleCase
}
