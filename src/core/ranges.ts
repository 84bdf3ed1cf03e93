/**
 * "Does one of these ranges contain [start, end)?" in O(log n): ranges sorted by
 * start with a running maximum of their ends. A document with thousands of quoted
 * spans or discussed-wording cells costs no more per finding than one with a few.
 */
import {keepShape} from './shapes.js'

export class RangeCover {
  private readonly starts: number[]
  private readonly reach: number[]

  constructor(ranges: ReadonlyArray<readonly [number, number]>) {
    const sorted = ranges.slice().sort((a, b) => a[0] - b[0])
    this.starts = sorted.map((r) => r[0])
    this.reach = []
    let max = -Infinity
    for (const r of sorted) this.reach.push((max = Math.max(max, r[1])))
  }

  get isEmpty(): boolean {
    return this.starts.length === 0
  }

  covers(start: number, end: number): boolean {
    // The last range starting at or before `start`; the furthest end up to it.
    let lo = 0
    let hi = this.starts.length - 1
    let at = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.starts[mid] <= start) {
        at = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return at >= 0 && this.reach[at] >= end
  }
}
keepShape(new RangeCover([]))
