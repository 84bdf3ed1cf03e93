/**
 * What an earlier review left in the document: our comments still in it.
 * Reviewing a reviewed copy again (after the writer has worked through part of
 * it) must not put a second comment on the same words.
 */
import type {DocxModel} from './model.js'

/**
 * Whether a comment by `author` already marks a finding: its range is exactly the
 * finding's words (or holds them, for a field's result, whose comment goes around
 * the whole field), or, for a finding whose comment sits elsewhere (a header, a
 * note), a comment says "In <place>, “<words>”:" as ours do.
 */
export function commentedBefore(model: DocxModel, author: string): (paragraph: number, s: number, e: number, place: string, words: string) => boolean {
  const ours = new Set<string>()
  for (const story of model.stories.values()) for (const [id, who] of story.commentAuthors) if (who === author) ours.add(id)
  const ranges = new Map<number, Array<[number, number]>>()
  if (ours.size === 0) return () => false
  model.paragraphs.forEach((p, i) => {
    const starts = new Map<string, number>()
    for (const mark of p.commentMarks ?? []) {
      if (!ours.has(mark.id)) continue
      if (!mark.end) starts.set(mark.id, mark.at)
      else if (starts.has(mark.id)) ranges.set(i, [...(ranges.get(i) ?? []), [starts.get(mark.id)!, mark.at]])
    }
  })
  const saying = new Set(model.paragraphs.filter((p) => p.section.startsWith('comment ') && p.text.startsWith('In ')).map((p) => p.text))
  return (paragraph, s, e, place, words) => {
    const field = model.paragraphs[paragraph].pieces.some((x) => x.field && x.from < e && x.to > s)
    if (ranges.get(paragraph)?.some(([a, b]) => (a === s && b === e) || (field && a <= s && e <= b))) return true
    return saying.has(`In ${place}, “${words}”:`)
  }
}
