/**
 * A sentence that states the law: "Under section 17 of the Mental Health Act 1983, leave is granted by
 * the responsible clinician". Who decides and the statute's own words ("a patient can apply to the
 * Review Tribunal") are then accurate facts a document must be able to state, not framing.
 */
const LAW = /\b(?:Act(?:\s+\d{4})?\b|Acts\b|(?:can|may) be (?:kept|held|detained|recalled)\b[^.;]{0,30}\bfor up to \d+ (?:hours|days)\b|(?<!\b(?:[Ww]hen|[Oo]nce|[Aa]fter|[Uu]ntil|[Bb]efore|[Ww]hile) (?:the|an?|your|their|his|her) )\b(?:5150|5250|5585|\d+-hour|emergency|involuntary|psychiatric) hold\b|\d+\s+CFR\b|[A-Z][A-Za-z]*\)\s+(?:Measure|Regulations|Order)\s+\d{4}\b|[Ss]ection\s+\d+|[Ss]s?\.\s?\d+[A-Z]?\s+of\b|Tribunal|Review Board|Consent and Capacity Board|Code of Practice|Human Rights Code|(?:High|Circuit|District|County|Crown|Family|Supreme|Superior|Probate|Magistrates'?|Sheriff|Federal|Youth) Court|Court of (?:Protection|Appeal)|[Ss]tatutory\b|(?:[Ll]asting\s+)?[Pp]owers? of [Aa]ttorney|[Hh]ealth ?care proxy|[Aa]dvance (?:health ?care |medical |care )?directive|[Aa]dvance decision to refuse|[Bb]y law\b|[Uu]nder the law\b|[Uu]nder (?:the )?(?:federal|state|provincial|national) (?:rules|regulations|law)\b|[Ff]ederal regulations\b|[Dd]irective\b|[Ll]egal document\b|[Ll]egally\b|\b[Uu]nder [A-Z]{3,5}\b|[Cc]hild protection (?:conference|plan|procedures?)\b|[Ff]ound (?:to be )?(?:mentally )?(?:incapable|incompetent)\b|\b[A-Z][a-z]+ v\.? [A-Z][A-Za-z]+\b(?! (?:match|game|final|semi-final|fixture|replay|derby|clash|friendly|tie)\b)|Model Rules? (?:of Professional Conduct )?\d+\.\d+|\b[A-Z][a-z]+'s Law\b|(?:Crown|Public) Prosecution Service|Procurator Fiscal)/g
/** "Act" must name a statute: a capitalised word before it, or a year after it. */
const STATUTE = /\b(?:[A-Z][\p{L})]*\s+)+Act\b|\bAct\s+\d{4}\b|\b\d{4}\s+Act\b|\bthe Act\b/u

/** "Before each Tribunal review": a hearing named as a time, not the law speaking. */
const WHEN = /\b(?:before|after|until|till|following|ahead of|prior to|once)\s+(?:(?:each|every|the|your|their|a|an|any|next|first|annual|its)\s+){0,2}$/i

/** "At the Care Act review", "during a Mental Health Act assessment": a meeting named after a statute, as a time. */
const AT_NAMED = /\b(?:[Aa]t|[Dd]uring|[Bb]efore|[Aa]fter)\s+(?:the|a|an|each|every|your|their|his|her|its)\s+(?:[A-Z][\p{L}]*\s+){1,4}$/u

const DETAINED = /\b(?:detained|held|sectioned|admitted|detentions?|admissions?)\s+under\s+(?:the\s+)?(?:[A-Z][\p{L}()]*\s+){0,4}$/u
const ON_A_SECTION = /\bon\s+(?:a\s+)?$/i
/** A service's own documents, named after "section N of this/the/our". */
const DOCUMENTS = 'procedure|policy|document|guide|guidance|form|template|handbook|plan|agreement|specification|report|leaflet|contract|framework'
const DOCUMENT_PART = new RegExp(String.raw`^(?:\)?\s*:|\.\d|\s+of\s+(?:this|the|our)\s+(?:[a-z]+\s+){0,2}(?:${DOCUMENTS}))`, 'i')
/** "section 4 of this policy", "section 6.2 of the house rules": a part of a document, however it is introduced. */
const OF_DOCUMENT = new RegExp(String.raw`^(?:\.\d+[a-z]?)*\s+of\s+(?:this|the|our|your)\s+(?:[a-z]+\s+){0,2}(?:${DOCUMENTS}|(?:house|tenancy|hostel|ward|group|club) rules)\b`, 'i')

/**
 * "Section 4, tenancy goals (…)", "Section 4, Your plan: …", "Section 2, “What I want” (…)": a form's part opening the sentence, a short title closed by
 * a bracket, a colon or the sentence's end; not an aside ("Section 3, lasting up to six months, means…").
 */
const TITLE_WORDS = (most: number) => String.raw`(?!(?:the|a|an|which|who|that|under|of)\b)[\p{L}\d'’-]+(?:\s+[\p{L}\d'’-]+){0,${most}}`
// Up to six words bare, up to eight in quotation marks.
const FORM_PART = new RegExp(String.raw`^,\s+(?:${TITLE_WORDS(5)}\s*|["“]${TITLE_WORDS(7)}["”]\s*)(?:[(:]|[.]?\s*$)`, 'u')

/**
 * "Tribunal report: …", "Mental Health Review Tribunal report: …", "Report to the Tribunal: …": a report a clinician writes
 * for a hearing, as the line's label; what follows is the writer's own voice about the person, not the law speaking.
 * Not "Mental Health Act summary: …" or "Tribunal letter: …", which set out the law.
 */
const HEARING_REPORT = /^\s*(?:(?:[A-Z][\p{L}'’-]*\s+){0,4}(?:Tribunal|Review Board|Court)\s+(?:report|statement|submission)|(?:[A-Z][\p{L}'’-]*\s+){0,3}[Rr]eport\s+(?:to|for)\s+the\s+(?:[A-Z][\p{L}'’-]*\s+){0,4}(?:Tribunal|Review Board|Court))(?:\s*\([^)]{0,60}\))?\s*:/u

export function statesTheLaw(sentence: string): boolean {
  let label: number | undefined
  for (const m of sentence.matchAll(LAW)) {
    // Read only once the sentence names the law somewhere (most sentences do not).
    label ??= HEARING_REPORT.exec(sentence)?.[0].length ?? 0
    if (m.index < label) continue
    if (m[0].startsWith('Act') && !STATUTE.test(sentence)) continue
    if (WHEN.test(sentence.slice(Math.max(0, m.index - 40), m.index)) || AT_NAMED.test(sentence.slice(Math.max(0, m.index - 60), m.index))) continue
    // "the number of people detained under the Act": a status counted, not the law speaking (unless a right or duty
    // follows: "the nearest relative can ask for a patient detained under section 3 to be discharged").
    if (DETAINED.test(sentence.slice(Math.max(0, m.index - 80), m.index)) && !DUTY.test(sentence)) continue
    // "remains on section 3", "was put on a section 2": a person's status in a record, not the law speaking;
    // "template, section 3:", "section 5 of this procedure", "see section 4.2", "Section 4, tenancy goals (…)": a part of a document.
    // "Under section 4.30, …": a provision the sentence is under, whatever its numbering; but "under section 4 of this
    // policy", "under section 6.2 of the house rules" is still a part of a document.
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40)
    const under = /\b[Uu]nder\s+$/.test(sentence.slice(Math.max(0, m.index - 8), m.index))
    if (/^[Ss]/.test(m[0]) && (OF_DOCUMENT.test(after) || (!under && (ON_A_SECTION.test(sentence.slice(Math.max(0, m.index - 12), m.index)) || DOCUMENT_PART.test(after) || (m.index === 0 && FORM_PART.test(sentence.slice(m[0].length))))))) continue
    return true
  }
  return false
}

const CASE_NAME = /\b[A-Z][a-z]+ v\.? [A-Z][A-Za-z]+\b/g

/** A duty or a right stated in the sentence's own words: "must be told", "are entitled to", "can apply". */
const DUTY = /\b(?:must|shall|(?:do|does) not have to|(?:has|have) to be|(?:is|are) (?:entitled|required|obliged)|(?:has|have) (?:the|a) right|can (?:apply|appeal|ask|revoke|refuse|request|withdraw)|may (?:apply|appeal)|cannot be (?:given|continued|detained|treated|used)|(?:finding|order|application|declaration|certificate|appointment)\b[^.;]{0,80}\bcan only be (?:made|given|granted|issued))\b/

/**
 * A sentence that goes on stating the law its paragraph cited: "Under the Mental Health Act 2007 (NSW), an adult
 * can nominate two designated carers. These people must be told about an involuntary admission or discharge."
 */
export function continuesTheLaw(paragraphBefore: string, sentence: string): boolean {
  // A case named before ("The ruling in Smith v Jones concerned a hostel's rules.") sets no duty for the next sentence's "must".
  return (DUTY.test(sentence) || STATUTE_AS_SUBJECT.test(sentence)) && statesTheLaw(paragraphBefore.replace(CASE_NAME, ' '))
}

/** "It starts from the presumption of capacity and sets out supports…": the statute the last sentence named, still speaking. */
const STATUTE_AS_SUBJECT = /^\s*(?:It|The Act|This Act|The law|The legislation)\s+(?:also\s+)?(?:sets|starts|says|requires|provides|allows|gives|lets|makes|defines|covers|applies|replaced|replaces|introduced|introduces)\b/

/** Whether the sentence at [start, end) of `text` states the law, or goes on stating what its paragraph (from `paragraphStart`) cited. */
export function lawSpeaks(text: string, paragraphStart: number, start: number, end: number): boolean {
  const sentence = text.slice(start, end)
  return statesTheLaw(sentence) || continuesTheLaw(text.slice(paragraphStart, start), sentence)
}

/** The law's own tests of a person, in words deficit rules also use: "found incapable", "refuse it", "not yet fit to be released", "a history of violent behaviour". */
const LEGAL_TESTS = /capab|capaci|competen|decision|refus|unable|vulnerab|\bfit\b|gravely disabled|violen/i
/** Civil commitment's test: "a danger to themselves or others" (not "a danger to staff", a judgement of the writer's). */
const DANGER_TEST = /^\s+to\s+(?:themselves|themself|himself|herself|oneself|self|others|the public)\b/

/** Whether the words at [start, end) of `text` are a legal test of a person, when the sentence states the law. */
export function lawsOwnTest(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end)
  return LEGAL_TESTS.test(words) || (/\bdanger$/i.test(words) && DANGER_TEST.test(text.slice(end, end + 40)))
}
