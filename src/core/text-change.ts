/**
 * An edit of a document as DocumentSession sees it: the new text and the one
 * span that changed ([start, oldEnd) of the old text became [start, newEnd) of
 * the new), from a whole new text or from LSP-style changes.
 *
 * Pure: no editor API, no node API.
 */

/** One LSP-style change: `deleteCount` characters at `offset` replaced by `insert`. */
export interface TextChange {
  offset: number
  deleteCount: number
  insert: string
}

export interface ChangedSpan {
  text: string
  start: number
  oldEnd: number
  newEnd: number
}

/**
 * The new text and the span an edit changed: the full new text, or changes applied
 * in order, each in the coordinates left by the one before. Undefined when nothing
 * changed (the same text, or no changes).
 */
export function changedSpan(old: string, change: string | TextChange | TextChange[]): ChangedSpan | undefined {
  if (typeof change === 'string') {
    const text = change
    if (text === old) return undefined
    let start = 0
    const max = Math.min(old.length, text.length)
    while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++
    let tail = 0
    while (tail < max - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++
    return {text, start, oldEnd: old.length - tail, newEnd: text.length - tail}
  }
  const changes = Array.isArray(change) ? change : [change]
  if (changes.length === 0) return undefined
  let text = old
  let start = Infinity
  let oldEnd = -1
  let newEnd = -1
  for (const c of changes) {
    const offset = Math.max(0, Math.min(c.offset, text.length))
    const deleteCount = Math.max(0, Math.min(c.deleteCount, text.length - offset))
    text = text.slice(0, offset) + c.insert + text.slice(offset + deleteCount)
    if (start === Infinity) {
      start = offset
      oldEnd = offset + deleteCount
      newEnd = offset + c.insert.length
    } else {
      const coveredEnd = Math.max(newEnd, offset + deleteCount)
      oldEnd = coveredEnd - (newEnd - oldEnd)
      newEnd = coveredEnd - deleteCount + c.insert.length
      start = Math.min(start, offset)
    }
  }
  return {text, start, oldEnd, newEnd}
}
