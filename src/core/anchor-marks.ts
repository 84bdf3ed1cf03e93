/**
 * What a word can start, asked for every word of every sentence a review reads: a phrase rule
 * (PHRASE), a frame (FRAME), the second opinion (TRIGGER). Answered once per distinct word and
 * kept: a document repeats its words, and the phrase index's answer is a walk, not a lookup.
 */
export const PHRASE = 1
export const FRAME = 2
export const TRIGGER = 4

export class AnchorMarks {
  private readonly known = new Map<string, number>()

  constructor(
    private readonly phrase: (norm: string) => boolean,
    private readonly frame: (norm: string) => boolean,
    private readonly trigger: (norm: string) => boolean
  ) {}

  /** The marks of one word (PHRASE | FRAME | TRIGGER). */
  of(norm: string): number {
    let marks = this.known.get(norm)
    if (marks === undefined) {
      marks = (this.phrase(norm) ? PHRASE : 0) | (this.frame(norm) ? FRAME : 0) | (this.trigger(norm) ? TRIGGER : 0)
      // A document's vocabulary is bounded, but a pathological one (every token unique) should not grow this without end.
      if (this.known.size >= 200_000) this.known.clear()
      this.known.set(norm, marks)
    }
    return marks
  }
}
