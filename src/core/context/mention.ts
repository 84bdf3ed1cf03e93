/**
 * A mention is not a use: training material quotes and discusses the wording it
 * warns against. These checks look at the sentence around a match.
 */
import type {Token} from '../match/tokens.js'
import {keepShape} from '../shapes.js'

const AVOID = new Set(['avoid', 'avoids', 'avoiding', 'avoided'])
/** After "avoid", the discussed wording follows one of these (or comes right away). */
const AVOID_OBJECT = new Set(
  'terms term words word phrases phrase language labels label labelling labeling saying using calling describing referring writing expressions expression phrasing jargon talking talk the'.split(
    ' '
  )
)
const META_NOUNS = new Set('term terms word words phrase phrases label labels expression expressions language wording jargon'.split(' '))
/** Nouns that, right after a word, make it the name of a kind of language (beside META_NOUNS). */
const LANGUAGE_KINDS = new Set(['description', 'descriptions', 'framing', 'vocabulary', 'terminology', 'talk'])
const META_LINK = new Set(['like', 'such', 'including', 'include', 'includes', 'cover', 'covers', 'covering'])
/** Two-word frames after which wording is being discussed. */
const FRAMES: Array<[string, string]> = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['opposed', 'to'],
  ['place', 'of'],
  ["don't", 'say'],
  ["don't", 'use'],
  ["don't", 'write'],
  ['not', 'say'],
  ['not', 'use'],
  ['not', 'write'],
  ['never', 'say'],
  ['never', 'use'],
  ['stop', 'saying'],
  ['stop', 'using']
]
const REPLACE = new Set(['replace', 'replaces', 'replacing', 'replaced'])
const WORDING_NOUN = /^(references?|uses?|mentions?|instances?|words?|terms?|language|labels?|phrases?)$/
const AFTER_FRAME = new Set(['avoided', 'outdated', 'stigmatising', 'stigmatizing', 'unhelpful', 'problematic', 'offensive'])
const TALK = new Set(['talk', 'talks', 'talked', 'talking', 'speak', 'speaks', 'spoke', 'speaking'])

/** "Talks about fixing people or telling them what to do": doings someone is said to talk about (a marking guide's weak answer). */
function talkedAbout(tokens: Token[], start: number): boolean {
  if (!tokens[start].norm.endsWith('ing')) return false
  for (let i = start - 1; i >= 1 && start - i <= 8; i--) {
    if (tokens[i + 1].join === 'break') return false
    if (tokens[i].norm === 'about' || tokens[i].norm === 'of') return TALK.has(tokens[i - 1].norm) && tokens[i + 1].norm.endsWith('ing')
  }
  return false
}

/** What public messages are made of: "appeals that paint people as helpless", "headlines that portray…". */
const MESSAGES = new Set('appeal appeals campaign campaigns advert adverts advertisement advertisements headline headlines story stories article articles image images poster posters leaflet leaflets coverage film films message messages'.split(' '))
const CASTING = /^(casts?|casting|frames?|framing|portrays?|portraying|positions?|positioning|paints?|painting|depicts?|depicting|reduces?|reducing)$/
/** "wording that casts a person as a patient", "language which frames families as the problem": what wording does, described. */
function castByWording(tokens: Token[], start: number): boolean {
  if (tokens[start - 1]?.norm !== 'as' && !(tokens[start - 2]?.norm === 'as' && /^(a|an|the)$/.test(tokens[start - 1]?.norm ?? ''))) return false
  const as = tokens[start - 1].norm === 'as' ? start - 1 : start - 2
  for (let v = as - 1; v >= 1 && as - v <= 4; v--) {
    if (tokens[v + 1].join === 'break' && v + 1 < as) return false
    if (!CASTING.test(tokens[v].norm)) continue
    const a = tokens[v - 1].norm
    // Public messages only as "appeals that paint…", and not one's own ("our campaign positions…", "her story paints her as…").
    if (META_NOUNS.has(a) || LANGUAGE_KINDS.has(a)) return true
    const noun = tokens[v - 2]?.norm ?? ''
    return (a === 'that' || a === 'which') && (META_NOUNS.has(noun) || LANGUAGE_KINDS.has(noun) || (MESSAGES.has(noun) && !/^(our|my|her|his|their|its|this|the|your)$/.test(tokens[v - 3]?.norm ?? '')))
  }
  return false
}

/**
 * Whether the match at tokens [start, end) is wording being discussed, not used. `doings`: a doing someone is said to
 * talk about is discussed too (not a label: "spoke about committing suicide" still uses the words).
 */
export function isMention(tokens: Token[], start: number, end: number, doings = false): boolean {
  // Look back a few words for a frame that introduces discussed wording.
  const from = Math.max(0, start - 8)
  for (let i = start - 1; i >= from; i--) {
    const w = tokens[i].norm
    const gap = start - i - 1
    if (AVOID.has(w)) {
      const next = tokens[i + 1]
      if (next && AVOID_OBJECT.has(next.norm) && gap <= 6) return true
      // "Avoid relapse." as an instruction about wording; "helps people avoid relapse" is a use.
      if (gap === 0 && (i === 0 || /^(please|always|never|and|or)$/.test(tokens[i - 1].norm))) return true
      // "Avoid: addict, junkie, clean": a list set out after "Avoid" and its punctuation is wording, all of it.
      if (i === 0 && next?.join === 'break' && gap <= 6) return true
    }
    if (META_NOUNS.has(w) && gap <= 5) {
      // "the term X", "terms such as X", "words like X"
      const prev = tokens[i - 1]
      const next = tokens[i + 1]
      if (gap === 0 && prev && (prev.norm === 'the' || prev.norm === 'a')) return true
      if (next && META_LINK.has(next.norm)) return true
      // "a blanket term that includes X"
      if (next && (next.norm === 'that' || next.norm === 'which') && tokens[i + 2] && META_LINK.has(tokens[i + 2].norm)) return true
    }
    // "Replace 'addicts' with…", "replace references to addicts" are wording; "replaces services for addicts" is a use.
    if (REPLACE.has(w) && gap <= 4 && !tokens.slice(i + 1, start).some((t, k) => /^(for|of|in|at|on|to|from|by)$/.test(t.norm) && !WORDING_NOUN.test(tokens[i + k]?.norm ?? ''))) return true
    if (i > 0 && gap <= 4) {
      const pair = FRAMES.find(([a, b]) => tokens[i - 1].norm === a && w === b)
      if (pair) return true
    }
  }
  if ((doings && talkedAbout(tokens, start)) || castByWording(tokens, start)) return true
  if (askedAbout(tokens, start, end)) return true
  // A kind of language named by the word: "deficit language", "patient labels", "a deficit-based description".
  if (end < tokens.length && tokens[end].join !== 'break' && (META_NOUNS.has(tokens[end].norm) || LANGUAGE_KINDS.has(tokens[end].norm))) return true
  // Or look ahead: "X is an outdated term", "X should be avoided".
  const to = Math.min(tokens.length, end + 6)
  for (let i = end; i < to; i++) {
    const w = tokens[i].norm
    if (AFTER_FRAME.has(w)) return true
    if (META_NOUNS.has(w) && i - end <= 3 && tokens.slice(end, i).some((t) => t.norm === 'is' || t.norm === 'are')) return true
  }
  return false
}

/** "What is the Recovered badge?", "What does 'clinically stable' mean?": an FAQ question that names the words asks what they are. */
function askedAbout(tokens: Token[], start: number, end: number): boolean {
  if (tokens[0]?.norm !== 'what' || start < 2 || start > 3 || end - start > 4) return false
  const [verb, det] = [tokens[1].norm, tokens[2]?.norm]
  // Not "What are your challenging behaviours?": a question to the reader uses the words about them.
  if (start === 3 && !/^(a|an|the)$/.test(det)) return false
  if (/^(is|are|was|were)$/.test(verb)) return end >= tokens.length - 1
  return /^(does|do)$/.test(verb) && end === tokens.length - 1 && tokens[end].norm === 'mean'
}

/** A label before an exercise's instruction: "Workshop task:", "Exercise 2:", "Group activity:". */
const EXERCISE_LABEL_WORDS = String.raw`((assessment|learning|group|written|practice|workshop|training|session|seminar|tutorial|class) )?(quiz|question \d+|exercise( \d+)?|task|activity)\W+`
/**
 * A sentence set out as an exercise about wording: everything it quotes or lists is a mention.
 * ("Circle every … word" looks at most 200 characters ahead, so a long sentence is not rescanned.)
 */
const EXERCISE = new RegExp(String.raw`^\W*(${EXERCISE_LABEL_WORDS}){0,2}(true or false|case (study|example|scenario) for discussion|scenario for discussion|(practice|training|role[- ]?play) (scenario|vignette|brief|card|exam item|exam question|question)s?(?=\W*:)|(reflection|reflective (question|exercise|prompt)|discussion (point|question|prompt)|journal club)s?(?=( (for|on|about) [^.:?!]{1,40})?\W*:)|which of (these|the following)|spot the|can you spot|how would you (re-?write|reword|rephrase|say|put|word|phrase)|rewrite|reword|rephrase|(write down|list|name|note) (two|three|four|five|\d+) (ways|reasons|words|phrases|examples|things|problems|limitations|questions)|underline|circle|find the|identify the (words?|phrases?|language|terms?|labels?))\b|^\W*(${EXERCISE_LABEL_WORDS}){1,2}(write down|list|name|note) the (ways|reasons|words|phrases|examples|things|problems|limitations|questions)\b|\b(how would you (re-?write|reword|rephrase|say|put)|re-?write (each|these|them|it|the following|this|that|the (list|letter|sentence|paragraph|phrase|note|extract|passage))|^\W*(?:exercise|activity|task)\b[^.]*[;:]\s*re-?draft (each|these|them|it|the following|this|that|the (list|letter|sentence|paragraph|phrase|note|extract|passage|plan))|(sort|group|classify|rank|match) (these|the following) (words?|phrases?|terms?|labels?)|reword|rephrase|spot the (language|labels?|jargon|words?|phrases?)|in (the|this|a|each) role[- ]?plays?\b|(are|is|will be) asked to (identify|list|spot|find|underline|circle|highlight|rewrite|reword|rephrase|critique)\b|(circle|underline|highlight|mark) (every|each|the|all|any)\b[^.]{0,200}\b(word|phrase|place|sentence|term|label)s?)\b|\b(write|say|use|put) instead\W*$`, 'i')
/**
 * A trainer's instruction or a learning activity around the wording: "Ask the group: if recovery is measured by…",
 * "learners are asked to name another explanation", "Trainees read two letters … and discuss the difference",
 * "The slide shows three ways services describe families … and asks what each one assumes", or a clip it shows
 * ("The module includes a clip in which a care coordinator writes a plan without the person").
 */
const ACTIVITY =
  /^\W*ask (the|your) (group|class|learners|trainees|participants|students)\b|\b(learners|trainees|delegates)\b[^.;]{0,160}\b(are asked to|discuss|compare|reflect on)\b|;\s*(?:the )?(?:learners|trainees|delegates|students|group)\s+(?:critique|critiques|discuss|discusses|rewrite|rewrites|reword|rewords)\b|\b(slide|video|handout|vignette|clip|case study|extract)\b[^.;]{0,200}\basks? (what|how|why|whether|learners|trainees|the group|you)\b|^\W*(?:(?:in (?:this|today's|the next|the first|the last) (?:module|session|workshop|lesson|course)|in (?:the|each|our) (?:module|workshop|lesson|course))\W*(?:we|you|learners|students|trainees|participants) (?:will )?(?:look at|explore|examine|unpack|question|consider|trace) (?:how|why|whether|what recovery|who)\b|(module|session|unit|workshop|lesson|week|day)( \d+)?\b[^.;]{0,40}\b(looks at|explores|examines|unpacks|questions|considers|traces) (how|why|whether|what recovery|who)\b)|\b(?:module|training|slide|handout|induction)s?\b[^.;]{0,80}\b(?:clip|video|film|role[- ]?play|vignette|scene)s? (?:in which|where|showing)\b/i
/**
 * A numbered scenario or question set out for learners: "Scenario 2: staff decide when…", "Question 4: a house rule
 * says…", "Quiz question 3: is it…?", or one labelled with its purpose ("Scenario for critique:", "Extract to rewrite:",
 * "A lecturer's critique:"), or a case study that sets out what a service did ("Case study for week 2: a crisis team that wrote…"; not "Case study: a young man who was non-compliant", which describes a person in the writer's own words), or a question labelled "Discussion:" about quoted words (not meeting minutes' "Discussion: can we discharge…?"). A "Question N:" that is itself a question ("Question 4: Who decides my dose?") is an FAQ's, not an exercise.
 */
const EXERCISE_LABEL = /^\W*(?:(?:(?:session|week|module) \d+ )?(?:scenario|vignette|quiz question|quiz|role[- ]?play)(?: \d+)?\W*:|(?:(?:case study|case example)(?: \d+)?(?: for (?:(?:week|session|module|day|unit|part) \d+|the (?:[a-z-]+ )?(?:module|course|workshop)))?\W*:\s*(?:a|an)\s+(?:[a-z\u2019'-]+ ){0,3}(?:team|clinic|service|ward|rehab|hostel|unit|home|practice|trust|charity|provider|agency|project|programme|program|house|centre|center|college) (?:that|where|which|who|whose)|(?:case study|case example|reading|article|paper)(?: \d+)? for (?:(?:week|session|module|day|unit|part) \d+|the (?:[a-z-]+ )?(?:module|course|workshop))\W*:\s*(?:a|an)\s+(?:[a-z\u2019'-]+ ){0,3}(?:(?:team|clinic|service|ward|rehab|hostel|unit|home|practice|trust|charity|provider|agency|project|programme|program|house|centre|center|college) (?:that|where|which|who|whose)|(?:volunteer|worker|nurse|doctor|manager|counsellor|counselor|coordinator|facilitator|mentor) (?:that|who|whose|was asked|asked|told)\b))\b|(?:case study|case example|scenario|vignette)(?: \d+)? (?:for|in) (?:[a-z]+ ){0,3}(?:trainees|induction)\W*:|(?:[a-z\u2019']+ ){0,3}critique\W*:|(?:scenario|vignette|case study|case example|example|extract|excerpt|statement|sentence)s?(?: \d+)?\W*\(?(?:for|to) (?:[a-z]+ ){0,2}(?:critique|critiquing|discussion|discuss|reflection|reflect on|rewrite|rewriting|reword|rewording|improve|review|analysis|analyse|analyze)(?: [a-z]+){0,2}\)?\W*:|question \d+\W*:[^?]*$|(?:case study|case example|scenario|vignette)(?: \d+)?\W*:(?=[^?]*(?:["\u201c\u2018]|(?<=\s)')|[^?]*;[^;?]*\b(?:else|instead|rewrite|reword|fairer|differently|have (?:said|done|written))\b)[^?]*;\s*(?:what|how|why|who|is|are|does|do|should|could|would)\b[^;?]*\?\W*$|(?:discussion|reflection|for discussion|to discuss)\W*:[^.!?]*['"\u2018\u201c][^'"\u2019\u201d]+['"\u2019\u201d][^.!]*\?\W*$)/i
/**
 * "Discuss what 'non-compliant' tells the reader", "discuss how the letter describes him": a discussion is about wording
 * when the sentence quotes or names wording, asks what to do instead, or is the exercise's label ("Discuss: …"); "discuss how media reports about people who committed suicide…" uses its words.
 */
const DISCUSS = /\bdiscuss\W+(what|how|why|whether)\b|^\W*discuss\s*:/i
const ABOUT_WORDING = /["\u201c\u2018]|\b(words?|terms?|phrases?|phrasing|labels?|language|wording|describ\w*|descriptions?|call(s|ed|ing)?|says?|said|written|writes?|wrote|sounds?|reads?|tone|jargon|implies|imply|suggests?|frames?|framing|instead)\b|^\W*discuss\s*:/i
/**
 * "Case study: a meal plan was written without her and given to her at breakfast; what went wrong?", "…; is there another
 * way to put it?": what a closing question asks the reader to judge is set out for critique. "Marking guide: give no marks
 * to answers that describe recovery as…": answers given no marks are wording rejected (not "award two marks if…").
 * A question about doing better in general ("…; how could we improve access?", "…; is there a better time for the
 * review?") sets nothing out: "differently", "instead" and "better" count only with saying or having done.
 */
/** The question's words: what went wrong, or how else to say or do it. */
const CRITIQUE_ASKS = String.raw`(?:what|how|why|is there|are there|could|would|which)\b[^;.!?]{0,80}?(?:\bwent wrong\b|\bdo (?:anything |things |it )?differently\b|\bwrong with (?:it|this|that)\b|\banother way\b|\bother ways? (?:to|of)\b|\bput (?:it|this|that)\b|\bmake of (?:it|that|this)\b|\b(?:say|said|word|phrase|describe|write|call|have done|have said|have handled|have responded|respond)\b[^;.!?]{0,40}?\b(?:differently|instead|better|else)\b|\belse (?:might|could|would|should) (?:\w+ ){1,2}(?:say|put|write|do)\b)[^;.!?]{0,60}`
const CRITIQUE_QUESTION = new RegExp(String.raw`;\s*${CRITIQUE_ASKS}\?\W*$|\bno (?:marks?|credit|points?)\b[^.;]{0,40}\banswers? that (?:describe|say|call|use|mention|define)s?\b`, 'i')
/** The same question as the next sentence of its line: "Case study: a counsellor decides when… What would you do differently?" */
const CRITIQUE_NEXT = new RegExp(String.raw`^\s*${CRITIQUE_ASKS}\?`, 'i')
/** Whether a whole sentence sets wording out for discussion: an exercise, a learning activity or a glossary entry. */
export function discussesWording(sentence: string): boolean {
  return EXERCISE.test(sentence) || CRITIQUE_QUESTION.test(sentence) || (DISCUSS.test(sentence) && ABOUT_WORDING.test(sentence)) || ACTIVITY.test(sentence) || GLOSSARY.test(sentence) || EXERCISE_LABEL.test(sentence)
}

/** A glossary entry: "Drug-seeking: a term found in many clinical records…". */
export const GLOSSARY = /^\W*[\p{L}][\p{L}\- ]{0,30}:\s+(?:(?:a|an|the)\s+)?(?:term|word|phrase|label|expression)s?\b/iu
/** Lettered answer options on one line, "(a) … (b) …", after a question: a quiz lists wording to choose from. */
const OPTIONS = /^\W*\(?a\)\s[^]*\s\(?b\)\s/i
/**
 * "terms we are moving away from, including caseload, patient and manage": a list of wording after a
 * word about wording, running to the match with no stop between. In two parts, so a sentence is scanned
 * once: the intro of the list, and the word about wording in the 72 characters before it.
 */
const LIST_INTRO = /(?:\b(?:including|includes|such as|like|for example|e\.g\.)|:)\s/gi
// Not a compound's part: "long-term outcome:" names no wording; nor a school term ("Spring term:", "Term 2:").
const META_WORD_BEFORE = /(?<![-\u2010\u2011])(?<!\b(?:spring|summer|autumn|fall|winter|first|second|third|next|last|this|each|every|school|academic)\s+)\b(words?|terms?(?!\s+(?:\d|one|two|three|four)\b)|phrases?|labels?|expressions?|wording|language|jargon)\b[^.;!?]{0,60}$/i
/** "Plain language summary:", "Easy read version:": a document's part named after its wording, not a list of wording. */
const PLAIN_VERSION = /\b(?:plain|easy|simple|everyday|lay)[ -](?:language|words?|english)\s+(?:summary|summaries|version|statement|edition|abstract|overview)\s*:?\s*$/i
/** "The words in column A (x, y, z)": a list of wording in parentheses after a word about wording. */
const LISTED = /(?<![-\u2010\u2011])\b(words?|terms?|phrases?|labels?|expressions?|wording|language|jargon|examples?)\b[^.()]{0,40}\($/i
/** "Patient or client → person": wording on the left of an arrow is being replaced. */
const ARROW = /^[^.!?\n]{0,60}?(\u2192|->|=>|\u21d2|\u27f6|\u2794)/

/** Whether the match at [start, end) of the sentence source [sStart, sEnd) is wording under discussion. */
export function isDiscussed(text: string, sStart: number, sEnd: number, start: number, end: number): boolean {
  return new Discussion(text).isDiscussed(sStart, sEnd, start, end)
}

/**
 * `isDiscussed` for the matches of one text, asked sentence by sentence: what
 * depends only on the sentence (is it an exercise, where its parentheses are) is
 * worked out once per sentence, so a long sentence with many matches costs its
 * length once, not once per match.
 */
export class Discussion {
  private sentence = -1
  private exercise = false
  private opens: number[] = []
  private closes: number[] = []
  /** Where a list of wording starts (after "including " etc. that follows a word about wording). */
  private intros: number[] = []
  /** Positions of . ; ! ? (a list runs to none of them). */
  private stops: number[] = []
  /** The first ')' at or after `closeFrom`, anywhere in the text (queries move forward). */
  private closeFrom = -1
  private close = -1

  constructor(private readonly text: string) {}

  isDiscussed(sStart: number, sEnd: number, start: number, end: number): boolean {
    const text = this.text
    if (sStart !== this.sentence) this.enter(sStart, sEnd)
    if (this.exercise) return true
    // A list of wording after a word about wording : an intro after the last stop before the match.
    const intro = lastAtOrBefore(this.intros, start)
    if (intro !== undefined && intro > (lastAtOrBefore(this.stops, start - 1) ?? -1)) return true
    // The last '(' at or before the match in this sentence, and the first ')' after it.
    const open = lastAtOrBefore(this.opens, start)
    if (open !== undefined) {
      const close = firstAtOrAfter(this.closes, open) ?? this.closeAfter(sEnd)
      // The list word must end within 40 characters of the '(' (LISTED), so 64 before it are enough.
      if (close >= end && LISTED.test(text.slice(Math.max(sStart, open - 64), open + 1))) return true
    }
    return ARROW.test(text.slice(end, Math.min(text.length, end + 80)))
  }

  private enter(sStart: number, sEnd: number) {
    this.sentence = sStart
    const sentence = this.text.slice(sStart, sEnd)
    // "Question 4: True or false? A peer worker should…": the statement after the question is the quiz item.
    this.exercise = discussesWording(sentence) || CRITIQUE_NEXT.test(restOfLine(this.text, sEnd)) || (OPTIONS.test(sentence) && /[?:]\s*$/.test(this.text.slice(Math.max(0, sStart - 4), sStart))) || /\btrue or false\s*\?\s*$/i.test(this.text.slice(Math.max(0, sStart - 20), sStart))
    this.opens = []
    this.closes = []
    this.stops = []
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i)
      if (c === 40) this.opens.push(sStart + i)
      else if (c === 41) this.closes.push(sStart + i)
      else if (c === 46 || c === 59 || c === 33 || c === 63) this.stops.push(sStart + i)
    }
    // Lists of wording, found once per sentence: each intro, checked against the 72 characters before it
    // (a word about wording is at most 11 characters, then at most 60 more).
    this.intros = []
    LIST_INTRO.lastIndex = 0
    for (let m = LIST_INTRO.exec(sentence); m; m = LIST_INTRO.exec(sentence)) {
      const lead = sentence.slice(Math.max(0, m.index - 72), m.index)
      if (META_WORD_BEFORE.test(lead) && !PLAIN_VERSION.test(lead)) this.intros.push(sStart + m.index + m[0].length)
    }
  }

  private closeAfter(from: number): number {
    // The cached answer holds while no ')' lies between where it was asked and `from`.
    const valid = this.closeFrom !== -1 && this.closeFrom <= from && (this.close === -1 || this.close >= from)
    if (!valid) {
      this.close = this.text.indexOf(')', from)
      this.closeFrom = from
    }
    return this.close
  }
}
keepShape(new Discussion(''))

function lastAtOrBefore(sorted: number[], x: number): number | undefined {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] <= x) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? sorted[lo - 1] : undefined
}

function firstAtOrAfter(sorted: number[], x: number): number | undefined {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo < sorted.length ? sorted[lo] : undefined
}

const OPEN_CLOSE: Record<string, string> = {'\u201c': '\u201d', '\u2018': '\u2019', '"': '"', "'": "'", '\u00ab': '\u00bb'}

/**
 * Spans of quoted text in a stretch of source: [start, end) offsets of the text
 * between an opening and a closing quotation mark. A straight or curly single
 * quote counts only at a word edge, so apostrophes ("Tom's") are not quotes.
 */
export function quoteSpans(text: string, base: number): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let open: {char: string; at: number} | undefined
  // Word boundaries are tested only at quote characters: this runs over every paragraph with a match.
  const atWordStart = (i: number) => i === 0 || /[\s([{\-\u2014\u2013/>*_]/.test(text[i - 1])
  const atWordEnd = (i: number) => i + 1 >= text.length || /[\s)\]}.,;:!?\-\u2014\u2013/<*_]/.test(text[i + 1])
  // Codes first: most characters are none of the marks, and are passed without a string made for them.
  let close = -1
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (open) {
      if (code === close && (code === 0x22 || code === 0x201d || code === 0xbb || atWordEnd(i))) {
        spans.push([base + open.at + 1, base + i])
        open = undefined
      } else if (code === 0x0a && text.charCodeAt(i + 1) === 0x0a) {
        open = undefined // quotes do not run across paragraphs
      }
      continue
    }
    // The opening marks of OPEN_CLOSE: " ' \u201c \u2018 \u00ab.
    if (code !== 0x22 && code !== 0x27 && code !== 0x201c && code !== 0x2018 && code !== 0xab) continue
    const c = text[i]
    const after = text[i + 1]
    if ((code === 0x201c || code === 0xab || atWordStart(i)) && after !== undefined && !/\s/.test(after)) {
      open = {char: c, at: i}
      close = OPEN_CLOSE[c].charCodeAt(0)
    }
  }
  return spans
}

/** Table header wording that marks a column of wording to avoid (a header cell of just "Not" beside "Say"). */
export const AVOID_HEADER =
  /\b(avoid|instead of|rather than|don'?t|do not|not this|never|no longer (?:say|use)|outdated|old|problematic|unhelpful|stigmati[sz]ing|deficit[- ]based|harmful|less helpful|try not|clinical(ised|ized)? language|before)\b|^\s*not\s*$/i
/**
 * A blockquote's closing attribution line: "— Name". Only spaces (not line breaks)
 * before the dash: a line break there would make a later line the start anyway, and
 * this way a run of blank lines is not rescanned from each of its line breaks.
 */
export const ATTRIBUTION = /(^|\n)[^\S\n]*(\u2014|\u2013|\u2015|--|~)\s*\S[^\n]*$/
/** A lead-in that attributes the quote that follows: "As one member said:". */
export const LEAD_IN = /\b(said|says|say|told|tells|wrote|writes|explained|explains|recalls|recalled|described|describes|shared|shares|put it|reflects|reflected|in (his|her|their|my) words)\b[^\n]*:\s*$/i

/** Whether a paragraph ends with a lead-in (tested on its last line only: one scan, however many verbs it holds). */
export function endsWithLeadIn(text: string): boolean {
  const trimmed = text.trimEnd()
  if (!trimmed.endsWith(':')) return false
  return LEAD_IN.test(trimmed.slice(trimmed.lastIndexOf('\n') + 1))
}

const GLOSSARY_ENTRY = /^(\*\*|__|\*|_)([^*_\n:]{1,80})(?::\1|\1[ \t]*(?::|\u2014|\u2013|-|means\b|is\b|are\b|refers to\b|describes\b|counts\b))/i

/**
 * A glossary entry defines the emphasised, named term it starts with ("**Reliable improvement**
 * means your scores went down by more than chance"): a match that starts in the term is the
 * measure's name and its definition, not the document's own framing. `paragraph` is where the entry's paragraph starts.
 */
export function isDefinedTerm(text: string, paragraph: number, start: number, end = start + 1): boolean {
  const span = definedTermSpan(text, paragraph)
  return span !== undefined && start >= span[0] && start < span[1] && (span[2] || end <= span[1])
}

/**
 * The term a glossary entry's paragraph defines, as offsets (see isDefinedTerm), and whether it is a qualified name; the
 * same for every match in it. A one-word term ("**Disengagement:** no contact for 28 days") is itself a mention, though
 * what the entry says of it ("**Recovery:** no symptoms") is the document's own definition.
 */
export function definedTermSpan(text: string, paragraph: number): [number, number, boolean] | undefined {
  // The paragraph's prose may start inside the emphasis; the entry starts at its line, after any list marker.
  // Searched back a short way only (a list marker and emphasis): the match is in the term, near the line's start.
  const from = Math.max(0, paragraph - 201)
  const nl = text.slice(from, paragraph).lastIndexOf('\n')
  if (nl < 0 && from > 0) return undefined
  const line = nl < 0 ? 0 : from + nl + 1
  const lead = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?/.exec(text.slice(line, paragraph + 1))![0].length
  const entry = line + lead
  if (entry > paragraph) return undefined
  const m = GLOSSARY_ENTRY.exec(text.slice(entry, entry + 200))
  if (!m) return undefined
  // A named measure has a qualified name ("Reliable improvement"); "**Recovery** means …" defines the concept itself.
  const termStart = entry + m[1].length
  // "**Model answer:**", "**Speaker notes:**": a label with its colon inside the emphasis heads its paragraph; only a match within it is the term.
  return [termStart, termStart + m[2].length, /\S\s+\S/.test(m[2].trim()) && !m[0].endsWith(`:${m[1]}`)]
}

/** Verbs that set views side by side, and the course material that does so. */
const COMPARING = new Set('compare compares compared comparing contrast contrasts contrasted contrasting'.split(' '))
const COURSE = new Set('module modules course courses session sessions unit units workshop workshops lecture lectures paper papers reading article chapter learners trainees students participants week'.split(' '))
/** "Module 3 compares recovery counted by symptom scores with recovery as the person defines it": course material sets views side by side. */
export function comparedInCourse(tokens: Token[], start: number, end: number, text?: string): boolean {
  for (let i = end - 1; i >= 0 && start - i <= 12; i--) {
    if (COMPARING.has(tokens[i].norm) && tokens.slice(Math.max(0, i - 3), i).some((t) => COURSE.has(t.norm))) return true
    // "describe how peer support differs from treatment, monitoring and case management": set apart from it.
    // (`text` is given for a rule's own words, not for the second opinion's span of a whole clause.)
    if (text !== undefined && i < start && start - i <= 7 && tokens[i + 1]?.norm === 'from' && DIFFERING.test(tokens[i].norm) && !/[;:]/.test(text.slice(tokens[i + 1].end, tokens[start].start))) return true
  }
  return false
}
const DIFFERING = /^(differs?|differed|differing|different|distinct|distinguish(?:es|ed)?|separate)$/

/** The text from `at` to the end of its line. */
const restOfLine = (text: string, at: number): string => { const nl = text.indexOf('\n', at); return text.slice(at, nl < 0 ? text.length : nl) }
