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
    // A standard stated: "the standard is that 90% of people start therapy within 18 weeks".
    String.raw`\bthe (?:national |access |waiting[- ]times? )?standard is that\b`,
    // A glossary's definition of the official metric by its name: "Reliable improvement means a person's score fell…".
    String.raw`^\W*reliable (?:improvement|deterioration|change)\s+(?:means|is defined as|is when)\b`,
    // The official metric by its quoted name: "A change counts as “reliable improvement” if…", "NHS England counts a person as…".
    String.raw`\bcounts? as ["“‘']reliable (?:improvement|recovery|deterioration|change)\b`,
    String.raw`\b(?:NHS England|NICE|the national dataset) (?:counts|classes|records) (?:a|an|the|each|every|people|someone|anyone|referrals?)\b`
  ].join('|'),
  'i'
)

export function reportsOfficialMeasure(sentence: string): boolean {
  return ATTRIBUTED.test(sentence)
}

/**
 * A waiting-time or access standard named ("NHS England's access standard asks that 60% start treatment within two weeks"),
 * or research evidence reported ("In trials, about half of people had fewer symptoms after 16 sessions").
 */
const STANDARD = /\b(?:access|waiting[- ]times?|referral[- ]to[- ]treatment) (?:standards?|targets?)\b|\b(?:in|from) (?:clinical |randomi[sz]ed |controlled )?trials\b|\b(?:studies|research|the evidence|a review|reviews|trials) (?:show|shows|showed|found|finds|suggest|suggests|suggested)\b/i

/** For the second opinion, which has no rule to explain it: an official measure reported, or an access standard named. */
export function reportsOfficialStandard(sentence: string): boolean {
  return ATTRIBUTED.test(sentence) || STANDARD.test(sentence)
}
