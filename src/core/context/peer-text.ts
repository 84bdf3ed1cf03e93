/**
 * Whether a document is peer text. Some wording is a finding only there: "patient" is the ordinary
 * word of a GP practice's page or a ward's leaflet, and the framing the product names is "patient(s)
 * in peer text" (a rule's `peerText`). A document long enough to say what it is (a page, a policy)
 * that speaks of peers, lived experience, recovery coaches or mutual aid fewer than three times, or only
 * in one part of it, is not peer text; a shorter text (a sentence being tried, a note) is read as peer text.
 */
const PEER_WORK = /\b(?:peers?|peer-led|peer-run|lived[ -]experience|recovery coach(?:es|ing)?|experts? by experience|mutual (?:aid|support))\b/i
/** About 400 words: shorter texts are taken to be peer text. */
const MIN_CHARS = 2500

/**
 * A clinical document that names its peer worker once or twice (a ward booklet, a discharge policy) is
 * still a clinic's text; three mentions make peer work one of its subjects (tuning documents: a clinical
 * set's false alarms 22 → 7 for one place, the older sets 4 fewer for one place).
 */
const MIN_MENTIONS = 3
/** Peer work as a subject runs through the document, not one paragraph of a ward's report. */
const SPREAD = 0.2
const PEER_WORK_ALL = new RegExp(PEER_WORK.source, 'gi')

import {keepShape} from '../shapes.js'

export function isPeerText(text: string): boolean {
  return new PeerWatch(text).peer
}

/** Where a text speaks of peer work, kept across edits so that one far from those words need not read the text again. */
export class PeerWatch {
  private count = 0
  private first = -1
  private last = -1
  private length = 0

  constructor(text: string) {
    this.scan(text)
  }

  get peer(): boolean {
    return this.length < MIN_CHARS || (this.count >= MIN_MENTIONS && this.last - this.first >= this.length * SPREAD)
  }

  /** Follow an edit (the old text's [start, oldEnd) became the new text's [start, newEnd)); whether the text's being peer text changed. */
  changed(before: string, after: string, start: number, oldEnd: number, newEnd: number): boolean {
    const was = this.peer
    const margin = 24
    if (PEER_WORK.test(before.slice(Math.max(0, start - margin), oldEnd + margin)) || PEER_WORK.test(after.slice(Math.max(0, start - margin), newEnd + margin))) this.scan(after)
    else {
      const delta = newEnd - oldEnd
      if (this.first >= oldEnd) this.first += delta
      if (this.last >= oldEnd) this.last += delta
      this.length = after.length
    }
    return this.peer !== was
  }

  private scan(text: string): void {
    this.length = text.length
    this.count = 0
    this.first = this.last = -1
    PEER_WORK_ALL.lastIndex = 0
    for (let m = PEER_WORK_ALL.exec(text); m; m = PEER_WORK_ALL.exec(text)) {
      if (this.first < 0) this.first = m.index
      this.last = m.index
      this.count++
    }
  }
}
keepShape(new PeerWatch(''))
