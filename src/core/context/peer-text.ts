/**
 * Whether a document is peer text. Some wording is a finding only there: "patient" is the ordinary
 * word of a GP practice's page or a ward's leaflet, and the framing the product names is "patient(s)
 * in peer text" (a rule's `peerText`). A document long enough to say what it is (a page, a policy)
 * that speaks of peers, lived experience, recovery coaches or mutual aid fewer than three times is not
 * peer text; a shorter text (a sentence being tried, a note) is read as peer text.
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

export function isPeerText(text: string): boolean {
  if (text.length < MIN_CHARS) return true
  PEER_WORK_ALL.lastIndex = 0
  let n = 0
  let first = -1
  let last = -1
  for (let m = PEER_WORK_ALL.exec(text); m; m = PEER_WORK_ALL.exec(text)) {
    if (first < 0) first = m.index
    last = m.index
    n++
  }
  return n >= MIN_MENTIONS && last - first >= text.length * SPREAD
}

/** Whether an edit (the old text's [start, oldEnd) became the new text's [start, newEnd)) may change `isPeerText`. */
export function editTouchesPeerWork(before: string, after: string, start: number, oldEnd: number, newEnd: number): boolean {
  const margin = 24
  if (before.length < MIN_CHARS !== after.length < MIN_CHARS) return true
  return PEER_WORK.test(before.slice(Math.max(0, start - margin), oldEnd + margin)) || PEER_WORK.test(after.slice(Math.max(0, start - margin), newEnd + margin))
}
