/**
 * Whether a document is peer text. Some wording is a finding only there: "patient" is the ordinary
 * word of a GP practice's page or a ward's leaflet, and the framing the product names is "patient(s)
 * in peer text" (a rule's `peerText`). A document long enough to say what it is (a page, a policy)
 * that never speaks of peers, lived experience, recovery coaches or mutual aid is not peer text; a
 * shorter text (a sentence being tried, a note) is read as peer text.
 */
const PEER_WORK = /\b(?:peers?|peer-led|peer-run|lived[ -]experience|recovery coach(?:es|ing)?|experts? by experience|mutual (?:aid|support))\b/i
/** About 400 words: shorter texts are taken to be peer text. */
const MIN_CHARS = 2500

export function isPeerText(text: string): boolean {
  return text.length < MIN_CHARS || PEER_WORK.test(text)
}

/** Whether an edit (the old text's [start, oldEnd) became the new text's [start, newEnd)) may change `isPeerText`. */
export function editTouchesPeerWork(before: string, after: string, start: number, oldEnd: number, newEnd: number): boolean {
  const margin = 24
  if (before.length < MIN_CHARS !== after.length < MIN_CHARS) return true
  return PEER_WORK.test(before.slice(Math.max(0, start - margin), oldEnd + margin)) || PEER_WORK.test(after.slice(Math.max(0, start - margin), newEnd + margin))
}
