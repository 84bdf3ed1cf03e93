/**
 * A sentence that states the law: "Under section 17 of the Mental Health Act 1983, leave is granted by
 * the responsible clinician". Who decides and the statute's own words ("a patient can apply to the
 * Review Tribunal") are then accurate facts a document must be able to state, not framing.
 */
const LAW = /\b(?:Act(?:\s+\d{4})?\b|Acts\b|[Ss]ection\s+\d+|[Ss]s?\.\s?\d+[A-Z]?\s+of\b|Tribunal|Review Board|Consent and Capacity Board|Code of Practice|High Court|Court of Protection)/
/** "Act" must name a statute: a capitalised word before it, or a year after it. */
const STATUTE = /\b(?:[A-Z][\p{L})]*\s+)+Act\b|\bAct\s+\d{4}\b/u

export function statesTheLaw(sentence: string): boolean {
  const m = LAW.exec(sentence)
  if (!m) return false
  return !m[0].startsWith('Act') || STATUTE.test(sentence)
}
