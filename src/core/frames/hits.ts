/**
 * Class hits of a sentence (lexicon.ts: sorted by start) looked up without a scan
 * of the whole sentence, so a frame check costs its clause, not its sentence.
 */

/** A class entry found in a sentence: tokens [start, end). */
export interface Hit {
  readonly cls: string
  readonly start: number
  readonly end: number
  /** A verb form that can be a past participle ("set", "chosen", "agreed"). */
  readonly participle: boolean
  /** A verb in its -ing form. */
  readonly ing: boolean
  /** A noun in its plural form, or a verb in its third-person -s form. */
  readonly plural: boolean
  /** "you" read as the worker (addressee.ts): a slot's word, never a word a frame only needs nearby. */
  readonly addressed?: boolean
}

/** The hits lying inside tokens [start, end), in order. */
export function* hitsIn(hits: readonly Hit[], start: number, end: number): Generator<Hit> {
  let lo = 0
  let hi = hits.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (hits[mid].start < start) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < hits.length && hits[k].start < end; k++) if (hits[k].end <= end) yield hits[k]
}

/** The first of some hits whose class is one of `classes`. */
export function firstHit(hits: Iterable<Hit>, classes: Set<string>): Hit | undefined {
  for (const h of hits) if (classes.has(h.cls)) return h
  return undefined
}

const firstByClass = new WeakMap<readonly Hit[], Map<string, number>>()

/** The first hit in the sentence of one of these classes, by a per-class index built once per sentence. */
export function firstHitOf(hits: readonly Hit[], classes: Set<string>): Hit | undefined {
  let index = firstByClass.get(hits)
  if (!index) {
    index = new Map()
    for (let k = 0; k < hits.length; k++) if (!index.has(hits[k].cls)) index.set(hits[k].cls, k)
    firstByClass.set(hits, index)
  }
  let first: number | undefined
  for (const cls of classes) {
    const k = index.get(cls)
    if (k !== undefined && (first === undefined || k < first)) first = k
  }
  return first === undefined ? undefined : hits[first]
}
