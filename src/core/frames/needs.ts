/**
 * Whether a sentence holds a word of every class set a frame needs (`CompiledFrame.needs`), asked
 * of every frame whose verb occurs, by the frame matcher and then by the second opinion's near
 * miss. The class names are numbered once, so a sentence marks its classes in an array instead of
 * building a Set of names, and a frame's answer is kept for the sentence.
 */
import type {CompiledFrame} from './checks.js'
import type {Hit} from './hits.js'

export class FrameNeeds {
  private readonly ids = new Map<string, number>()
  /** Each frame's class sets, as class numbers. */
  private readonly needs: Int32Array[][]
  /** The read in which each class last occurred. */
  private readonly seen: Uint32Array
  private reads = 0
  /** Each frame's answer in this read: 0 not asked yet, 1 yes, 2 no. */
  private readonly met: Uint8Array
  private hits: readonly Hit[] | undefined

  constructor(frames: readonly CompiledFrame[]) {
    const id = (cls: string) => this.ids.get(cls) ?? this.ids.set(cls, this.ids.size).get(cls)!
    this.needs = frames.map((f) => f.needs.map((classes) => Int32Array.from(classes, id)))
    this.seen = new Uint32Array(this.ids.size)
    this.met = new Uint8Array(frames.length)
  }

  /** Take the sentence's class entries (the same hits as last time: nothing to do, a sentence's tags never change). */
  read(hits: readonly Hit[]): void {
    if (hits === this.hits) return
    this.hits = hits
    if (++this.reads === 0xffffffff) {
      this.seen.fill(0)
      this.reads = 1
    }
    this.met.fill(0)
    for (const h of hits) {
      const id = this.ids.get(h.cls)
      if (id !== undefined) this.seen[id] = this.reads
    }
  }

  /** Whether the sentence read last holds a word of each class set `frame` needs. */
  meet(frame: CompiledFrame): boolean {
    const met = this.met
    if (met[frame.index] === 0) met[frame.index] = this.holds(this.needs[frame.index]) ? 1 : 2
    return met[frame.index] === 1
  }

  private holds(sets: Int32Array[]): boolean {
    for (const set of sets) {
      let found = false
      for (let k = 0; k < set.length && !found; k++) found = this.seen[set[k]] === this.reads
      if (!found) return false
    }
    return true
  }
}
