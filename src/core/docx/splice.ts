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

/**
 * The ranges [start, end) of one part that tracked deletions cover: disjoint
 * (fixes never overlap), looked up by binary search, so a document with
 * thousands of changes is not checked change by change at every cut.
 */
export class DeletedSpans {
  private sorted: Array<[number, number]> | undefined
  private readonly spans: Array<[number, number]> = []

  add(start: number, end: number): void {
    this.spans.push([start, end])
    this.sorted = undefined
  }

  /** The span with start <= x (the last such), if any. */
  private before(x: number, strict: boolean): [number, number] | undefined {
    const s = (this.sorted ??= [...this.spans].sort((a, b) => a[0] - b[0]))
    let lo = 0
    let hi = s.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (strict ? s[mid][0] < x : s[mid][0] <= x) lo = mid + 1
      else hi = mid
    }
    return s[lo - 1]
  }

  /** x is inside a span, or at its start: start <= x < end. */
  covers(x: number): boolean {
    const span = this.before(x, false)
    return span !== undefined && x < span[1]
  }

  /** x is inside a span, or at its end: start < x <= end. */
  coversEnd(x: number): boolean {
    const span = this.before(x, true)
    return span !== undefined && x <= span[1]
  }
}
