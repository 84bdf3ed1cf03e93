/**
 * Where a document is written. Some words are a region's ordinary ones: Canadian and US services
 * say "client" as UK services say "service user" (recovery-language-sources.md, "Collective nouns
 * by region"), and a rule marks that with `usualIn`. A config's `region` or the document's front
 * matter says it; otherwise the signs in the text do: its places, laws and agencies in its first
 * 20,000 characters, when at least two point to one region and another shows none, or a fifth as many at most (a corpus of
 * sentences from many countries, or a document comparing two, has no region).
 */
import type {Region, Rule} from '../types.js'

const SIGNS: Record<Region, RegExp> = {
  ca: /\b(?:Canada|Canadian|Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Prince Edward Island|Yukon|Nunavut|Northwest Territories|Toronto|Vancouver|Montreal|Montréal|Ottawa|Winnipeg|Calgary|Edmonton|Halifax|Hamilton, ON|CAMH|OHIP|ODSP)\b/g,
  us: /\b(?:United States|U\.S\.|USA|Medicaid|HIPAA|SAMHSA|SSDI|SSI|42 CFR|988 Suicide|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|behavioral health)\b/g,
  uk: /(?:\bNHS\b|\bGPs?\b|£|\bCQC\b|\bICB\b|\bEngland\b|\bScotland\b|\bScottish\b|(?<!New South )\bWales\b|\bWelsh\b|\bNorthern Ireland\b|\bMental Health Act 1983\b|\bLondon\b|\bManchester\b|\bBirmingham\b|\bGlasgow\b|\bEdinburgh\b|\bCardiff\b|\bBelfast\b)/g,
  ie: /(?:\bHSE\b|\bIreland\b|\bIrish\b|€|\bDublin\b|\bCork\b|\bGalway\b|\bLimerick\b|\bMental Health Act 2001\b)/g,
  au: /\b(?:Australia|Australian|NDIS|Centrelink|New South Wales|NSW|Victoria|Victorian|Queensland|Tasmania|Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Darwin|Canberra)\b/g,
  nz: /(?:\bNew Zealand\b|\bAotearoa\b|\btāngata whaiora\b|\btangata whaiora\b|\bTe Whatu Ora\b|\bkaupapa Māori\b|\bAuckland\b|\bWellington\b|\bChristchurch\b|\bDunedin\b)/g
}
/** How many signs make a region; another region may show at most a stray sign ("Victoria" as a name) against many. */
const MIN_SIGNS = 2
const DOMINANT = 5
const READ = 20000

/** The region the text's own signs point to, or undefined when they do not clearly point to one. */
export function regionOfText(text: string): Region | undefined {
  const head = text.slice(0, READ)
  let best: Region | undefined
  let bestCount = 0
  let second = 0
  for (const region of Object.keys(SIGNS) as Region[]) {
    const count = head.match(SIGNS[region])?.length ?? 0
    if (count > bestCount) [best, bestCount, second] = [region, count, bestCount]
    else if (count > second) second = count
  }
  return bestCount >= MIN_SIGNS && (second === 0 || bestCount >= DOMINANT * second) ? best : undefined
}

/** Whether a rule's word is the region's ordinary one, and so no finding there. */
export function usualHere(rule: Rule, region: Region | undefined): boolean {
  return region !== undefined && rule.usualIn !== undefined && rule.usualIn.includes(region)
}
