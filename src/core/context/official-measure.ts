/**
 * A sentence that reports an official measure by its owner's definition: "Our recovery rate, as NHS England defines
 * it, was 51%", "In the national dataset a referral counts as recovered if…". Services must publish such figures;
 * saying whose definition it is reports the measure rather than adopting it. "Recovery, as our service defines it, is
 * a PHQ-9 under 10" is the service's own framing and stays a finding.
 */
const ATTRIBUTED = new RegExp(
  [
    String.raw`\bas (?:NHS England|NICE|the (?:programme|program|national [a-z]+|Department(?: of Health)?|government|manual|dataset|funder|state)) (?:defines|measures|counts) (?:it|them|recovery)\b`,
    String.raw`\bas defined (?:by|in) (?:the )?(?:NHS|NICE|national|government|Department|programme|program|manual|dataset)`,
    String.raw`\b(?:in|for|under|to) the national dataset\b`,
    String.raw`\bthe (?:national|official) (?:recovery )?(?:measure|definition)\b`,
    String.raw`\bmeasure (?:that )?(?:NHS England|NICE|the (?:programme|program|government|Department)) uses\b`,
    String.raw`\bfor these figures\b`,
    // A glossary's definition of the official metric by its name: "Reliable improvement means a person's score fell…".
    String.raw`^\W*reliable (?:improvement|deterioration|change)\s+(?:means|is defined as|is when)\b`
  ].join('|'),
  'i'
)

export function reportsOfficialMeasure(sentence: string): boolean {
  return ATTRIBUTED.test(sentence)
}
