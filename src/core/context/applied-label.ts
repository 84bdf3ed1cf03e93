/**
 * A quoted label that a form, dashboard or record applies: moved into the "recovered" column,
 * mark a person as "recovering" only if… The quotation marks name a category; the sentence still
 * sets the rule for it, so a frame over such a label is the writer's use, not someone else's words.
 */
import {RangeCover} from '../ranges.js'
import {keepShape} from '../shapes.js'
import type {Token} from '../match/tokens.js'

/** Words just before the label that apply it. */
const APPLIED_AFTER = new Set(['as', 'to', 'into', 'mark', 'marks', 'marked', 'tick', 'ticks', 'ticked', 'record', 'records', 'recorded', 'classed', 'classes', 'classified', 'classifies', 'labelled', 'labeled', 'code', 'codes', 'coded', 'flag', 'flags', 'flagged', 'rated', 'log', 'logs', 'logged', 'enter', 'enters', 'entered', 'report', 'reports', 'reported', 'status', 'outcome'])
/** Words just after the label that make it a category of a form or record, or the term a definition gives ("\"recovered\" means…"). */
const CATEGORY = new Set(['column', 'list', 'lists', 'badge', 'register', 'tier', 'tiers', 'columns', 'box', 'boxes', 'category', 'categories', 'status', 'label', 'flag', 'field', 'code', 'rating', 'checkbox', 'band', 'outcome', 'group', 'means', 'meant'])

const LAST_WORD = /([\p{L}-]+)[^\p{L}]*$/u
const FIRST_WORD = /^[^\p{L}]*([\p{L}-]+)/u

/** The quotation holding `offset` is a label of one or two words that the text around it applies. */
export function isAppliedLabel(text: string, spans: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  const span = spans.find(([s, e]) => s <= offset && offset < e)
  if (!span) return false
  const [s, e] = span
  const words = text.slice(s, e).trim().split(/\s+/)
  if (words.length > 3 || e - s > 30) return false
  // "a young person is 'doing well' = full attendance": a label defined by an equals sign is the writer's own.
  if (definedByEquals(text, e)) return true
  const before = LAST_WORD.exec(text.slice(Math.max(0, s - 30), Math.max(0, s - 1)))?.[1].toLowerCase()
  const after = FIRST_WORD.exec(text.slice(e + 1, e + 30))?.[1].toLowerCase()
  // Not "what \"recovered\" means": a question about the term.
  return (before !== undefined && APPLIED_AFTER.has(before)) || (after !== undefined && CATEGORY.has(after) && !(before === 'what' && /^mean/.test(after)))
}

/** Words after a quotation that make it the name of a document, tool or scheme: the “My Recovery Plan” form. */
const NAMED_THING = new Set('section sections page heading form forms tool tools checklist checklists score scores scale scales plan plans programme programmes program programs course courses booklet workbook leaflet module modules questionnaire assessment framework model approach scheme template sheet pathway review meeting session sessions group groups'.split(' '))

/**
 * The quotation [s, e) names something rather than reports what someone said: a title in capitals
 * ("Step Up Together"), a name put before a noun (the “daily living skills” score), or a nickname ("known as “the big boss”").
 */
export function isQuotedName(text: string, [s, e]: readonly [number, number]): boolean {
  const words = text.slice(s, e).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').split(/\s+/)
  if (words.length <= 6 && /^\p{Lu}/u.test(words[0]) && words.every((w) => w.length < 4 || /^\p{Lu}/u.test(w))) return true
  const after = FIRST_WORD.exec(text.slice(e, e + 30))?.[1].toLowerCase()
  if (after !== undefined && (NAMED_THING.has(after) || CATEGORY.has(after)) && /^[^\p{L}]*\s/u.test(text.slice(e, e + 3))) return true
  // A part of a form named by its heading: "the box headed “What I want”", "Section 4, “About me”".
  const before = text.slice(Math.max(0, s - 40), s)
  return /\b(?:known|called|nicknamed|named|dubbed)\s+(?:\p{L}+\s+){0,3}as\s*[^\p{L}]?$|\b(?:called|nicknamed|named|dubbed)\s*[^\p{L}]?$/iu.test(text.slice(Math.max(0, s - 40), s + 1)) || FORM_PART_BEFORE.test(before) || FORM_PART_LETTER.test(before)
}

const FORM_PART_BEFORE = /(?:\b(?:headed|titled|entitled)|\b(?:section|field|part|box|page|question|tab|heading)\s+\d+[a-z]?,?|\bthe)\s*[^\p{L}\s]$/iu
/** "section D, “Agreed goals”": a part named by a capital letter (case-sensitive, so "question a “…”" is no form part). */
const FORM_PART_LETTER = /\b(?:[Ss]ection|[Pp]art|[Bb]ox|[Qq]uestion|[Ff]ield|[Pp]age)\s+[A-Z]\b,?\s*[^\p{L}\s]$/u

const FIRST_PERSON = /^(?:i|me|my|myself|mine|we|our|ourselves)$/

/** A role of the service's own staff or peer workers, named as a quotation's speaker. */
const STAFF_ROLE = /^(?:peer(?: support| recovery)? (?:worker|specialist|mentor|supporter|lead|navigator|coach)|recovery (?:worker|coach|navigator)|support worker|key worker|care coordinator|nurse|psychiatrist|consultant|clinician|(?:service |team |practice )?manager|director|team leader|chief executive|coordinator|facilitator|(?:programme|program|clinical|service) lead)s?\b/i
const SAYS = '(?:says|said|explains|explained|adds|added|tells us|told us)'
/** "…," says peer worker Dean: the words after the quotation. */
const SAYS_AFTER = new RegExp(`^[^\\p{L}]{0,3}\\s*(?:${SAYS}|is how|was how)\\s+`, 'u')
/** Peer worker Dean says: "…", Our nurse Ana said, "…": the speaker before it (up to 60 characters). */
const SAYS_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:our |the )?[\\p{L}][\\p{L}' -]{2,60}?),?\\s+${SAYS}\\s*[:,]?\\s*[^\\p{L}]{0,2}$`, 'u')

/**
 * Whether a speaker is the service's own: "our" and a role ("our service manager"), or a role and a name
 * ("peer worker Dean", "Peer worker Dean"). "The consultant says …" in a role-play brief is a character, not the service.
 */
function ownSpeaker(words: string): boolean {
  // "Darnell, our peer recovery coach": a name, then the role in apposition.
  const named = /^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?,\s+(?:one of\s+)?(?=our\s)/u.exec(words)
  if (named) words = words.slice(named[0].length)
  const ours = /^our\s+/i.test(words)
  const rest = words.replace(/^(?:our|the)\s+/i, '')
  for (let skip = 0, at = rest; skip < 3; skip++) {
    const role = STAFF_ROLE.exec(at)
    if (role) return ours || /^\s+\p{Lu}\p{Ll}/u.test(at.slice(role[0].length))
    if (!ours) return false
    at = at.replace(/^[\p{L}'-]+\s+/u, '')
  }
  return false
}

/**
 * "“Do what I did and you'll be housed by Christmas,” Marcus tells everyone who comes to the van": words said to every
 * newcomer are a practice the document reports as the service's, not a quotation held up for comment.
 */
const HABITUAL_TELLING = /^[^\p{L}]{0,3}\s*(?:[\p{L}'-]+\s+){1,4}(?:tells|says to|repeats to|reminds)\s+(?:every|each|all|everyone|everybody|anyone who|whoever)\b/u

/** "Poster in the drop-in: ""…"": the service's own material, quoted where it is shown. */
const OWN_MATERIAL = /(?:^|[.!?]\s+)(?:our\s+)?(?:poster|leaflet|flyer|banner|caption|slogan|tagline|motto|strapline|billboard)\b[^:."\u201c\u201d]{0,60}:\s*$/i

/**
 * "Peer worker development plan: "…"", "Email from the team lead: "…"", "Closure reason (drop-down): "…"": a field,
 * form or message of the service's own, quoted as its content. Not an exercise's label ("Rewrite this form field:").
 */
const OWN_FORM = /(?:^|[.!?]\s+)[^:.!?\n"\u201c\u201d]{0,60}\b(?:form|field|box|section|plan|objective|review|email|e-mail|letter|minutes|note|record|template|advert|description|specification|indicator|KPI|eligibility|criteria|reason|drop-down|dropdown|checklist|cell|profile|entry|subject line|agenda|action|message|notification|screen|prompt)s?\b[^:.!?\n"\u201c\u201d]{0,40}:\s*$/i
/**
 * "Chatbot script: "…"", "Homepage banner: "…"", "Clinician dashboard tag: "…"": the service's own screen text, quoted where it
 * shows; not a member's, a rival's, an old or a sample one, nor a role-play's ("Sample chatbot reply from a rival app:").
 */
const OWN_SCREEN = /(?:^|[.!?]\s+)(?:(?:our|the|this|app|clinician|dashboard|homepage|home page|website|web|onboarding)\s+){0,3}(?:chatbot script|bot script|host script|help text|tooltip|banner|pop-up|popup|dashboard tag|badge text)\s*:\s*$/i
/** "Our FAQ page: “…”", "Veterans' service FAQ: “…”": the service's own pages; not another organisation's, a newspaper's or an old one. */
const OWN_PAGE = /(?:^|[.!?]\s+)(?=[^:.!?\n"\u201c\u201d]{0,60}\b(?:our|this|service|service's|services')\b)(?![^:.!?\n"\u201c\u201d]{0,60}\b(?:another|other|newspaper|\d{4}s?)\b)[^:.!?\n"\u201c\u201d]{0,60}\b(?:FAQ|handbook|booklet|newsletter|website|web ?page|page)s?\b[^:.!?\n"\u201c\u201d]{0,40}:\s*$/i
/** Words in a form's label that set its quotation out for critique (not mention.ts's sentence-opening exercise label). */
const CRITIQUE_CUES = /\b(?:rewrite|re-write|reword|spot|critique|exercise|quiz|discuss|discussion|reflect|reflection|examples?|avoid|instead|wrong|bad|poor|problem|what is|what's|old|older|former|previous|outdated|retired|glossary|training|workshop|slide|course|read|aloud|quoted|shown|learners?|trainees?|role-?play|scenario|actors?|drama|simulation|sample)\b/i
/** What follows a quoted form's words and sets them out for critique: "Discuss what is missing.", "Rewritten note: …". */
const CRITIQUED_AFTER = /^[^\p{L}]{0,3}[^\n]{0,120}?\b(?:discuss|rewrite|rewritten|reword|what does|what would|how would|replace|alternatives?|instead|retired|avoid|mark what|change it|better)\b/iu
/** Whether the sentence around a quotation sets it out for critique: a cue in its lead-in, or "Discuss…", "Rewrite…" after it. */
const critiqued = (text: string, [s, e]: [number, number]) => CRITIQUE_CUES.test(text.slice(Math.max(0, s - 80), s)) || CRITIQUED_AFTER.test(text.slice(e, e + 160))

/** What the words after a quoted term say about it as wording: where it comes from, how common it is, how it sounds. */
const TALKED_ABOUT = /^[\s'"\u2019\u201d,]*(?:(?:is|are|was|were) (?:still |often |very |so )?(?:common|heard|found|everywhere)|(?:turns?|crops?|shows?|comes?) up|dates? (?:from|back)|may sound|might sound|can sound|sounds?|implies|suggests|versus|vs\b|comes? from|originated|carries)\b/i

/** Whether the quotation [s, e) is spoken by the service's own staff or peer workers (its words are the document's own). */
function staffSpeaks(text: string, [s, e]: readonly [number, number]): boolean {
  const lead = text.slice(Math.max(0, s - 80), Math.max(0, s - 1))
  // The form's or page's content, not a term the sentence goes on to talk about ("E-learning screen: 'committed suicide'
  // dates from…", "screen 7: "He refused…" versus "…"", "Module notes: "enabler" is common in…").
  if ((OWN_MATERIAL.test(lead) || ((OWN_FORM.test(lead) || OWN_PAGE.test(lead) || OWN_SCREEN.test(lead)) && !CRITIQUE_CUES.test(lead) && !CRITIQUED_AFTER.test(text.slice(e, e + 160)))) && !TALKED_ABOUT.test(text.slice(e, e + 40))) return true
  const after = text.slice(e, e + 80)
  if (HABITUAL_TELLING.test(after)) return true
  const said = SAYS_AFTER.exec(after)
  if (said && ownSpeaker(after.slice(said[0].length))) return true
  const before = SAYS_BEFORE.exec(text.slice(Math.max(0, s - 80), s))
  return before !== null && ownSpeaker(before[1].replace(/^.*?\b(?=(?:our|the)\s)/i, ''))
}

/** The quotations of one paragraph, and whether a match reports someone else's wording. */
export class Quotations {
  private readonly cover: RangeCover

  constructor(
    private readonly text: string,
    private readonly spans: Array<[number, number]>
  ) {
    this.cover = new RangeCover(spans)
  }

  /** Whether every first-person word of the sentence sits inside a quoted name ("the box headed “What I want”"): no writer speaks. */
  onlyNamesSpeak(tokens: readonly Token[]): boolean {
    const own = tokens.filter((t) => FIRST_PERSON.test(t.norm))
    return own.length > 0 && own.every((t) => this.spans.some(([s, e]) => s <= t.start && t.end <= e && isQuotedName(this.text, [s, e])))
  }

  /**
   * The match is inside a quotation, or a frame's words run into or out of one (the second opinion's
   * touch one at all) ("described as "the most powerful treatment""), unless the quotation is a
   * label the sentence applies to a frame's finding (the "recovered" column).
   */
  reportsOthers(start: number, end: number, frame: boolean, opinion: boolean): boolean {
    // A quotation the service's own staff or peer workers speak is the document's own voice.
    const touched = this.spans.filter(([s, e]) => s < end && e > start)
    if (touched.length > 0 && touched.every((span) => staffSpeaks(this.text, span))) return false
    // The second opinion's words are the ones that weighed most: quoted words among them are someone else's.
    if (opinion && touched.length > 0) return true
    // A frame read across a quoted clause ("notes that “peer support is a dose” recasts…") reports it; a quoted word or two is a term or a label.
    if (frame && touched.some(([s, e]) => !(s <= start && e >= end) && this.text.slice(s, e).trim().split(/\s+/).length > 2 && !markedLabel(this.text, s, e) && !isQuotedName(this.text, [s, e]))) return true
    // A phrase run into or out of a quotation ("the “recovered” list") is the writer's only where the quotation is a label applied.
    if (!frame && touched.some(([s, e]) => (s > start || e < end) && !(s <= start && e >= end) && !isAppliedLabel(this.text, this.spans, s))) return true
    // A frame whose subject is a quoted part of a form ("section D, “Agreed goals”: completed by the worker") reads the name as its own words.
    if (frame && touched.length === 1 && !(touched[0][0] <= start && touched[0][1] >= end) && isQuotedName(this.text, touched[0]) && !critiqued(this.text, touched[0])) return false
    const quotedStart = this.cover.covers(start, start + 1)
    if (!this.cover.covers(start, end) && !(frame && (quotedStart || this.cover.covers(end - 1, end)))) return false
    return !frame || !(isAppliedLabel(this.text, this.spans, quotedStart ? start : end - 1) || touched.some(([s, e]) => markedLabel(this.text, s, e)))
  }
}
keepShape(new Quotations('', []))

/** "is marked 'through the worst' once…", "'doing well' = full attendance": a short label the service marks people with, its own words. */
function markedLabel(text: string, s: number, e: number): boolean {
  const words = text.slice(s, e).trim().split(/\s+/).length
  // "are logged as “psychosocial intervention, session 3 of 6”": a code entered as it stands, however long.
  if (words <= 8 && CODED_AS.test(text.slice(Math.max(0, s - 30), s))) return true
  if (words > 3) return false
  const before = LAST_WORD.exec(text.slice(Math.max(0, s - 30), Math.max(0, s - 1)))?.[1].toLowerCase()
  return (before !== undefined && MARKING.has(before)) || definedByEquals(text, e)
}
/** An equals sign right after the quotation that ends at `e`. */
const definedByEquals = (text: string, e: number) => /^[^\p{L}\n]{0,3}=/u.test(text.slice(e, e + 4))
const CODED_AS = /\b(?:coded|logged|recorded|entered|classed|classified|billed|counted)\s+(?:in\s+\S+\s+)?as\s*[^\p{L}\s]?$/iu
const MARKING = new Set(['mark', 'marks', 'marked', 'classed', 'coded', 'flagged', 'rated', 'ticked', 'logged', 'recorded', 'labelled', 'labeled', 'graded'])
