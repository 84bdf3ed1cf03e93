/**
 * Editing XML text by splices: insertions at points and replacements of small
 * ranges (a tag), applied in one pass. Everything between splices is copied as
 * it was, so a part changes only where a comment anchor or a tracked change goes.
 */

export interface Splice {
  at: number
  /** Exclusive end of the replaced range (= at for an insertion). */
  end: number
  text: string
}

export function applySplices(xml: string, splices: Splice[]): string {
  const ordered = splices
    .map((s, seq) => ({...s, seq}))
    // At one offset: insertions (in the order given) before a replacement that starts there.
    .sort((a, b) => a.at - b.at || Number(a.end > a.at) - Number(b.end > b.at) || a.seq - b.seq)
  let out = ''
  let pos = 0
  for (const s of ordered) {
    if (s.at < pos) throw new Error(`overlapping edits at ${s.at}`)
    out += xml.slice(pos, s.at) + s.text
    pos = s.end
  }
  return out + xml.slice(pos)
}
