/**
 * The seams of an edit: how a fitted alternative joins the words on either side of it.
 * No doubled word, the article before it agreeing, "it" taking the sentence's own
 * object, and no edit that leaves the sentence's own words hanging (a preposition
 * phrase the match governed, a second post-modifier, a possessive, a quantity). An
 * edit that cannot join cleanly is left to the caller to show as advice.
 */
import {analyseVerb, indefiniteArticle, inflectVerb, isPluralNoun} from './grammar/inflect.js'
import {isNounLike} from './grammar/slot.js'
import type {Token} from './match/tokens.js'
import {capitalise, matchCase, PEOPLE, words, type FitContext, type Proposal} from './fit-context.js'

/** Verbs that take a to-infinitive after them ("declined to attend"); any other verb does not. */
const TO_VERBS = new Set(
  'aim agree arrange ask attempt begin choose continue decide decline expect fail hope intend learn manage need offer plan prefer prepare promise refuse seem start struggle tend try want wish'
    .split(' ')
    .flatMap((v) => (['base', 's', 'past', 'participle', 'ing'] as const).map((f) => inflectVerb(v, f)))
)
const DEGREE = /^(so|very|really|quite|bit|too|rather|extremely|completely|totally|absolutely|utterly|fairly|pretty)$/
/** The same word, singular or plural ("peer" and "peers"). */
const sameWord = (a: string, b: string) => a === b || (a.length > 2 && (a + 's' === b || b + 's' === a))

const PREP = /^(to|with|about|for|on|of|from|at|in|into|by)$/
const AUX = /^(will|would|can|could|may|might|must|shall|should|is|are|was|were|has|have|had|be|been)$/
/** Verbs that take a bare infinitive after their object ("help people *get* well"). */
const BARE_INFINITIVE = /^(help|helps|helped|helping|let|lets|letting|make|makes|made|making)$/
/** Words that can start the object of a preposition. */
const NP_START = /^(the|a|an|their|his|her|our|my|your|them|him|us|me|people|everyone|each|every|other|others|anyone|someone|all|any|some|this|these|those|two|three|four|five|six|seven|eight|nine|ten|several|many|most)$/
/** Words that start a post-modifier inside a noun phrase ("people *who* use", "people *I* support"). */
const POST = /^(who|whose|that|living|using|experiencing|i|we|they|others)$/

/** Nouns that take a that-clause ("proof that…", "a sign that…"). */
const CONTENT_NOUN = /^(proof|evidence|testament|sign|signs|hope|belief|idea|fact|view|reminder|news|chance|possibility|message|claim)$/
/** Verbs that take an object and a wh-clause ("explore with them how…", "ask them what…"). */
const WH_VERB = /^(explore|exploring|explored|explores|ask|asks|asked|asking|discuss|discusses|discussed|discussing|tell|tells|told|telling|show|shows|showed|shown|showing|teach|teaches|taught|teaching|remind|reminds|reminded|reminding)$/
/** The head word of a noun phrase: its last word before a post-modifier. */
function headOf(phrase: string): string {
  const w = words(phrase.toLowerCase())
  const post = w.findIndex((x, i) => i > 0 && (POST.test(x) || PREP.test(x)))
  return (post === -1 ? w.at(-1) : w[post - 1]) ?? ''
}
/** The word before token `i`, or the one before an article there, is `word`. */
function prevOf(tokens: Token[], i: number, word: string): boolean {
  return tokens[i - 1]?.norm === word || (/^(the|a|an)$/.test(tokens[i - 1]?.norm ?? '') && tokens[i - 2]?.norm === word)
}

/** Prepositions whose phrase after a match may be the match's own complement ("non-compliant *with*", "in denial *about*"). */
const GOVERNED_PREP = /^(with|about|into|from)$/
/** Adjectives that take "to" and a noun phrase ("inspirational *to* young people" → "encouraging to"). */
const TAKES_TO = new Set('encouraging helpful kind open supportive important close known available welcome grateful connected responsive friendly polite rude unkind hostile new useful'.split(' '))
/** Words an alternative can end in and still take that preposition's phrase ("not ready to talk *about* it", "find it hard to connect *with*"). */
const TAKES: Record<string, Set<string>> = {
  with: new Set('connect connected engage engaged work working cope coping live living deal dealing struggle struggling agree disagree talk talking speak speaking meet share sharing help start continue involved comfortable happy unhappy satisfied familiar content touch well okay along together'.split(' ')),
  about: new Set('talk talking speak speaking think thinking worry worried care know ask asking learn hear read write feel feeling unsure uncertain sure concerned anxious open honest curious hopeful doubts questions concerns views feelings choices decisions information conversation conversations'.split(' ')),
  into: new Set('look looking go going move moving turn come fit tap insight'.split(' ')),
  from: new Set('on away apart free different differently back recover recovered recovering learn learning hear heard support benefit'.split(' '))
}
/** Words that follow a phrase without continuing its noun ("engaged with treatment *today*"). */
const TIME = /^(today|tonight|tomorrow|yesterday|daily|weekly|monthly|yearly|again|first|last|next|together|alone|instead|anyway|later|earlier|once|twice|often|sometimes|recently|now|then|already|since|before)$/

/** After a verb: an object of up to three words, then "to" ("helps residents to recover"). */
function objectThenTo(tokens: Token[], i: number): boolean {
  for (let k = i; k >= 0 && k < tokens.length && k < i + 4; k++) if (tokens[k].norm === 'to') return true
  return false
}

/** An obligation before the verb at `i`: "must", "have to", "are required to", "are expected to". */
function obliged(tokens: Token[], i: number): boolean {
  const w = (k: number) => tokens[k]?.norm ?? ''
  return w(i - 1) === 'must' || (w(i - 1) === 'to' && /^(have|has|had|required|expected|obliged|needs?|made)$/.test(w(i - 2)))
}

/** A figure: "55%", "sixty per cent", "forty-five percent". */
const QUANTITY = /^\s*(\d[\d.,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]\w+)?)\s*(%|per\s*cent|percent)/i

/** Words for a measure, and verbs for how a measure changes. */
const MEASURE = /^(levels?|scores?|rates?|ratings?|scales?|measures?|figures?|numbers?|counts?)$/
const CHANGE = /^(drop|drops|dropped|dropping|fall|falls|fell|fallen|falling|rise|rises|rose|risen|rising|improve|improves|improved|improving|decline|declines|declined|declining|increase|increases|increased|increasing|decrease|decreases|decreased|decreasing|deteriorate|deteriorates|deteriorated|deteriorating|went|go|goes|gone|going)$/

/** An object of up to three words ("them", "each person", "the client") and then a wh-word, from token `i`. */
function objectThenWh(tokens: Token[], i: number): boolean {
  const object = /^(them|him|her|us|me|you|others)$/
  for (let k = i; k < i + 3 && k < tokens.length; k++) {
    const t = tokens[k]
    if (k > i && /^(how|what|where|when|why|whether)$/.test(t.norm)) return true
    if (!(object.test(t.norm) || PEOPLE.test(t.norm) || NP_START.test(t.norm) || isNounLike(t))) return false
  }
  return false
}

/** How far either side of an edit the sentence is read for wording it already says. */
const NEAR = 300

/** Index of the first token for which `after` holds (it holds for every later one too), or tokens.length. */
function firstToken(tokens: Token[], after: (t: Token) => boolean): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (after(tokens[mid])) hi = mid
    else lo = mid + 1
  }
  return lo
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95

/**
 * Whether `text` holds `said` as whole words, ignoring case: `new RegExp('\\b' + escaped + '\\b', 'i').test(text)`.
 * A new expression for each edit starts in V8's regexp interpreter (and is compiled first), so an ASCII `said` (almost
 * every alternative) is found by hand: without the `u` flag no other character matches an ASCII one
 * ignoring case, and `\\b` reads ASCII word characters only.
 */
function saysWords(text: string, said: string): boolean {
  const n = said.length
  let ascii = n > 0
  for (let k = 0; k < n && ascii; k++) ascii = said.charCodeAt(k) < 128
  if (!ascii) return new RegExp(`\\b${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text)
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c)
  const firstWord = isWordCode(said.charCodeAt(0))
  const lastWord = isWordCode(said.charCodeAt(n - 1))
  outer: for (let p = 0; p + n <= text.length; p++) {
    if (isWordCode(p > 0 ? text.charCodeAt(p - 1) : -1) === firstWord) continue
    if (isWordCode(p + n < text.length ? text.charCodeAt(p + n) : -1) === lastWord) continue
    for (let k = 0; k < n; k++) if (lower(text.charCodeAt(p + k)) !== lower(said.charCodeAt(k))) continue outer
    return true
  }
  return false
}

/** The edit joined to its neighbours, or undefined when it cannot join cleanly. */
export function seams(edit: {start: number; end: number; replacement: string}, ctx: FitContext): Proposal | undefined {
  const {text, tokens} = ctx
  let {start, end, replacement} = edit
  // Tokens are in source order: found by halving, not by walking a sentence that may be thousands of words long.
  const prevIndex = firstToken(tokens, (t) => t.end > start) - 1
  const prev = prevIndex >= 0 ? tokens[prevIndex] : undefined
  const found = firstToken(tokens, (t) => t.start >= end)
  const nextIndex = found === tokens.length ? -1 : found
  const next = nextIndex === -1 ? undefined : tokens[nextIndex]
  const spaceAfter = next !== undefined && /^\s+$/.test(text.slice(end, next.start))
  let repWords = words(replacement)
  const lastWord = repWords.at(-1)?.toLowerCase() ?? ''
  const beforeLast = repWords.at(-2)?.toLowerCase() ?? ''
  const verbSlot = ctx.slot.kind === 'verb' || (ctx.slot.kind === 'predicate' && !ctx.slot.passive && edit.start < ctx.from)
  if (lastWord === 'it' && next && spaceAfter && PREP.test(next.norm) && tokens[nextIndex + 1]?.join === 'space') {
    if (next.norm === beforeLast) {
      // "not ready to talk about it" + "about how much she drinks" → "not ready to talk about how much she drinks".
      return seams({start, end, replacement: repWords.slice(0, -2).join(' ')}, ctx)
    }
    // "a history of deciding not to take it" + "with medication" → "deciding not to take medication": a gerund phrase takes the object too.
    if ((verbSlot && /^(with|to)$/.test(next.norm)) || (ctx.slot.kind === 'noun' && /^\w+ing$/i.test(repWords[0] ?? '') && next.norm === 'with')) {
      // "choose not to take it" + "with their medication" → "choose not to take their medication".
      return seams({start, end: next.end, replacement: repWords.slice(0, -1).join(' ')}, ctx)
    }
  }
  // "a long history of deciding not to take it who had stopped": in a noun phrase, "it" refers to nothing unless the sentence's object takes its place.
  if (lastWord === 'it' && ctx.slot.kind === 'noun') return undefined
  // "in denial about their drinking" → not "unsure about the diagnosis about their drinking": the sentence's
  // preposition phrase belonged to the matched words, so the alternative must end in a word that takes it.
  const governed = next && spaceAfter && edit.end === ctx.to && GOVERNED_PREP.test(next.norm) && !(ctx.slot.kind === 'noun' && ((ctx.person && next.norm !== 'about') || (next.norm !== 'with' && next.norm !== 'about'))) && ctx.slot.kind !== 'modifier'
  if (governed && !PREP.test(lastWord) && !TAKES[next.norm]?.has(lastWord)) return undefined
  // "She is inspirational to the young people" → not "hopeful to the young people".
  const adjectiveSlot = ctx.slot.kind === 'complement' || (ctx.slot.kind === 'predicate' && !ctx.slot.passive && edit.start === ctx.from)
  const toObject = tokens[nextIndex + 1]?.norm ?? ''
  if (adjectiveSlot && next?.norm === 'to' && spaceAfter && edit.end === ctx.to && (NP_START.test(toObject) || PEOPLE.test(toObject)) && !TAKES_TO.has(lastWord)) return undefined
  // "provides treatment in the community" → not "supports in the community": the match's object went with it, and one verb needs one.
  // "role-modelling calm responses" → not "sharing their own experience calm responses": the alternative brings its own object.
  const ownObject =
    repWords.slice(1).some((w) => /^(their|the|a|an|his|her|our|my|your|its|them|it|him|us|what|how|where|whether|why)$/i.test(w)) ||
    (repWords.length === 2 && !/ly$/i.test(lastWord) && !/^(alongside|along|through|over|up|down|out|off|away|back|around|together|across|past)$/i.test(lastWord) && isNounLike({norm: lastWord, raw: lastWord, start: 0, end: 0, join: 'space'}))
  // "several times", "most days": a time, not an object.
  const when = [tokens[nextIndex + 1], tokens[nextIndex + 2]].some((t) => /^(times?|days?|weeks?|months?|years?|nights?|mornings?|evenings?|hours?|ago)$/.test(t?.norm ?? ''))
  if (ctx.slot.kind === 'verb' && ownObject && !PREP.test(lastWord) && edit.end === ctx.to && next && spaceAfter && !TIME.test(next.norm) && !when && (NP_START.test(next.norm) || isNounLike(next))) return undefined
  // "models healthy coping and hope" → not "shares what helped them and hope": the match's object is coordinated with another,
  // which would be left to the alternative's own object ("and listens" is a second verb, not an object).
  // A bare form ("follow our example and stay") cannot tell a noun from a second verb, so only an inflected one is read.
  const coordinated = next && /^(and|or)$/.test(next.norm) && ctx.slot.verbForm !== 'base' ? tokens[nextIndex + 1] : undefined
  let last = nextIndex + 1
  while (tokens[last + 1]?.join === 'hyphen') last++
  if (ctx.slot.kind === 'verb' && ownObject && coordinated && edit.end === ctx.to && ctx.end - ctx.start > 1 && !PREP.test(tokens[ctx.end - 1].norm) && isNounLike(coordinated) && analyseVerb(tokens[last].norm)?.form !== ctx.slot.verbForm) return undefined
  if (ctx.slot.kind === 'verb' && repWords.length === 1 && ctx.end - ctx.start > 1 && isNounLike(tokens[ctx.end - 1]) && edit.end === ctx.to && !(next && spaceAfter && (NP_START.test(next.norm) || isNounLike(next)))) return undefined
  // "engaged with their treatment plan": the sentence's next noun continues the matched noun, and no alternative ends in a noun it fits.
  if (next && spaceAfter && !/^(noun|modifier)$/.test(ctx.slot.kind) && ctx.end - ctx.start > 1 && isNounLike(tokens[ctx.end - 1]) && isNounLike(next) && !TIME.test(next.norm) && edit.end === ctx.to) return undefined
  // "patients' deficits" → "people's deficits"; "the patient's own words" → not "the person we support's own words".
  const apostrophe = /^['\u2019]s?(?![\p{L}])/u.exec(text.slice(end, end + 3))
  if (apostrophe && edit.end === ctx.to) {
    if (repWords.slice(1).some((w) => POST.test(w.toLowerCase()) || PREP.test(w.toLowerCase()))) return undefined
    if (apostrophe[0].length === 1 && !/s$/i.test(lastWord)) return seams({start, end: end + 1, replacement: `${replacement}${apostrophe[0]}s`}, ctx)
  }
  // Text after the alternative's own comma or question mark would read as a run-on.
  if (/[,;?]/.test(replacement) && next !== undefined) return undefined
  const matchEndsInPrep = PREP.test(tokens[ctx.end - 1].norm) && edit.end === ctx.to
  if (next && spaceAfter && sameWord(lastWord, next.norm)) {
    // "chose not to" + "to take part": the sentence already has the complement's first word.
    // "a person we work with" + "with a history": a relative clause's own preposition is not that one.
    if (!PREP.test(lastWord) || repWords.slice(1, -1).some((w) => POST.test(w.toLowerCase()))) return undefined
    replacement = repWords.slice(0, -1).join(' ')
  } else if (PREP.test(lastWord) && !/^(in|into)$/.test(lastWord)) {
    // An alternative that ends in "to"/"with" needs what follows to be its object.
    if (!next || !spaceAfter) return undefined
    const after = tokens[nextIndex + 1]
    // "share their own experience with" + "for people early in treatment" → "with people…": the sentence's "for" named the same people.
    if ((/^(of|on|upon)$/.test(next.norm) || (next.norm === 'for' && lastWord === 'with' && [after, tokens[nextIndex + 2]].some((t) => PEOPLE.test(t?.norm ?? '')))) && !matchEndsInPrep && after?.join === 'space' && (isNounLike(after) || NP_START.test(after.norm))) {
      // "decision about" + "of medication" → "decision about medication": the alternative's preposition replaces the sentence's.
      return {edit: {start, end: next.end, replacement}}
    }
    if (lastWord === 'to' && !matchEndsInPrep && (PREP.test(next.norm) || AUX.test(next.norm))) return undefined
    if (lastWord === 'to' && !matchEndsInPrep ? !/^[a-z]/.test(next.norm) || NP_START.test(next.norm) : !(isNounLike(next) || NP_START.test(next.norm) || /^(how|what|who|where|why|whether)$/.test(next.norm))) return undefined
  } else if (/^(in|into)$/.test(lastWord) && (!next || !spaceAfter || PREP.test(next.norm))) {
    // "a person with unmet needs in" + "to the hostel staff", or + nothing.
    return undefined
  } else if (matchEndsInPrep) {
    // "be an example to the people" needs an alternative that also ends in its preposition.
    return undefined
  } else if (ctx.slot.kind === 'verb' && next && spaceAfter && next.norm === 'to' && !TO_VERBS.has(repWords[0]?.toLowerCase() ?? '')) {
    // "claims to hear voices": "says" takes no infinitive.
    return undefined
  } else if ((ctx.slot.kind === 'noun' || ctx.slot.kind === 'complement') && next && spaceAfter && (/^(of|to|on|from|into|about|for|by|with)$/.test(next.norm) ? repWords.slice(1).some((w) => POST.test(w.toLowerCase())) : /^(who|that|which)$/.test(next.norm) && repWords.slice(1).some((w, i, rest) => /^(who|that|whose|they|we|i|others)$/i.test(w) || (/^person$/i.test(w) && /^the$/i.test(rest[i - 1] ?? '')) || (/ed$/i.test(w) && rest[i + 1]?.toLowerCase() === 'by')))) {
    // "people who need support" + "on their families", "peers who share their own experience" + "for the people who…",
    // "people who use drugs" + "who are in denial": a post-modified phrase takes no second one.
    return undefined
  }
  // "Members must comply" → not "Members must choose to take it": what must be done is no choice.
  if (ctx.slot.kind === 'verb' && /^(choose|chooses|chose|chosen|choosing|make|makes|made|making)$/i.test(repWords[0] ?? '') && /\bchoices?\b|^choos|^chose/i.test(replacement) && obliged(tokens, ctx.start)) return undefined
  // "role-modelled healthy boundaries for the residents" → "shared healthy boundaries with the residents": one shares with people.
  if (ctx.slot.kind === 'verb' && /^shar(e|es|ed|ing)$/i.test(repWords[0] ?? '') && !/\bwith\b/i.test(replacement) && edit.end === ctx.to) {
    const f = tokens.findIndex((t, k) => k >= ctx.end && k < ctx.end + 5 && t.norm === 'for')
    if (f > ctx.end && tokens.slice(ctx.end, f).every((t) => !PREP.test(t.norm)) && [tokens[f + 1], tokens[f + 2]].some((t) => PEOPLE.test(t?.norm ?? ''))) {
      return seams({start, end: tokens[f].end, replacement: `${replacement}${text.slice(end, tokens[f].start)}with`}, ctx)
    }
  }
  // "help patients recover" → "support patients recover" (or "learn together with them recover") would need "to".
  if (ctx.slot.kind === 'verb' && ctx.slot.base !== undefined && BARE_INFINITIVE.test(ctx.slot.base) && !BARE_INFINITIVE.test(repWords[0]?.toLowerCase() ?? '') && !objectThenTo(tokens, nextIndex)) return undefined
  // "committed suicide attempts": the matched noun modifies the next one, so no verb fits there.
  if (ctx.slot.kind === 'verb' && next && spaceAfter && isNounLike(next) && isPluralNoun(next.norm) && isNounLike(tokens[ctx.end - 1])) return undefined
  if (ctx.slot.kind === 'noun' && next && spaceAfter) {
    // "a recovery rate of 55%": a quantity; only another quantity would take its figure.
    if (next.norm === 'of' && QUANTITY.test(text.slice(next.end, next.end + 32))) return undefined
    // "Her functioning level has dropped" → not "Her picture of strengths and support needs has dropped": only a measure rises and falls.
    const change = AUX.test(next.norm) ? tokens[nextIndex + 1] : next
    if (MEASURE.test(tokens[ctx.end - 1].norm) && CHANGE.test(change?.norm ?? '') && !MEASURE.test(headOf(replacement))) return undefined
    // "living proof that our service works": the match's noun takes a that-clause (a subject follows "that"), and the alternative's does not.
    const subject = tokens[nextIndex + 1]
    if (next.norm === 'that' && CONTENT_NOUN.test(tokens[ctx.end - 1].norm) && subject !== undefined && (NP_START.test(subject.norm) || /^(it|they|he|she|we|you|i|recovery|treatment)$/.test(subject.norm)) && !CONTENT_NOUN.test(headOf(replacement))) return undefined
  }
  // "full members of the treatment team" → not "members of the people supporting you": a part of a group is not a part of people.
  if (ctx.slot.kind === 'noun' && prevOf(tokens, ctx.start, 'of') && /^(members?|part|one|head|leader|lead|rest)$/.test(tokens[ctx.start - (tokens[ctx.start - 1]?.norm === 'of' ? 2 : 3)]?.norm ?? '') && /^(the\s+)?(people|person|someone)\b/i.test(replacement)) return undefined
  // "Model recovery for individuals" → not "Explore what recovery means to each person for individuals": a wh-clause takes no phrase after it.
  if (next && spaceAfter && /^(for|with|to|on|about|of|from|by|in|into|at)$/.test(next.norm) && /\b(what|how|where|whether|why)\s/i.test(replacement) && edit.end === ctx.to) return undefined
  // "show them how to recover": the matched verb takes an object and a wh-clause, which only a verb of asking or exploring takes too.
  if (ctx.slot.kind === 'verb' && next && spaceAfter && objectThenWh(tokens, nextIndex) && !WH_VERB.test(repWords[0]?.toLowerCase() ?? '')) return undefined
  // "Family members who keep rescuing are family members who…", "You are able to draw on your own lived experience and
  // able to draw on your own experience": an alternative the sentence already says (its first four words) is no change.
  const said = repWords.slice(0, 4).join(' ')
  // Only the sentence counts (the text may be a region or the whole document, and both must give the same
  // finding), and only the words near the edit: a sentence may be thousands of words long.
  const sentenceStart = Math.max(tokens[0]?.start ?? start, start - NEAR)
  const sentenceEnd = Math.min(tokens.at(-1)?.end ?? end, end + NEAR)
  if (repWords.length > 1 && saysWords(`${text.slice(sentenceStart, start)} ${text.slice(end, sentenceEnd)}`, said)) return undefined
  // "Clients with a dual diagnosis" → not "Clients with people who use substances": after "with" a condition, not people.
  const withAt = ctx.start - (tokens[ctx.start - 1]?.norm === 'with' ? 1 : 2)
  if (ctx.slot.kind === 'noun' && !ctx.person && prevOf(tokens, ctx.start, 'with') && PEOPLE.test(tokens[withAt - 1]?.norm ?? '') && /^(people|person|someone)$/i.test(repWords[0] ?? '')) return undefined
  // "how the person uses their medication" + "with medication": a clause-like phrase takes no complement.
  if (next && spaceAfter && PREP.test(next.norm) && /^(what|how|where|whether|why)\s/i.test(replacement) && (ctx.slot.kind === 'noun' || ctx.slot.kind === 'complement')) return undefined
  // "lacks insight into his condition": the match's own complement would be left hanging.
  if (next && spaceAfter && (next.norm === 'into' || (next.norm === 'of' && ctx.slot.kind === 'verb')) && !PREP.test(words(replacement).at(-1)?.toLowerCase() ?? '')) return undefined
  repWords = words(replacement)
  const firstWord = repWords[0]?.toLowerCase()
  const joined = prev !== undefined && /^\s+$/.test(text.slice(prev.end, start))
  if (prev && joined && firstWord !== undefined && sameWord(firstWord, prev.norm)) {
    // "peer mentors" → "peer peer supporters": the sentence's own word stays.
    replacement = repWords.slice(1).join(' ')
  } else if (prev && joined && DEGREE.test(prev.norm) && /^\w+(ed|ing)$/i.test(firstWord ?? '') && /^(with|by)$/i.test(repWords[1] ?? '')) {
    // "seems a bit bipolar" → not "a bit diagnosed with bipolar": a degree word takes an adjective, not a participle's phrase.
    return undefined
  } else if (prev && joined && DEGREE.test(prev.norm) && /^very\s/i.test(replacement)) {
    // "so OCD" → "so particular", not "so very particular".
    replacement = replacement.replace(/^very\s+/i, '')
  }
  if (!replacement) return undefined
  // The article before the edit agrees with its new first word ("a asset-based" → "an asset-based").
  if (prev && joined && (prev.norm === 'a' || prev.norm === 'an')) {
    const wanted = indefiniteArticle(replacement)
    const raw = text.slice(prev.start, prev.end)
    if (/^(the|a|an|some|our|their)\s/i.test(replacement) && start === ctx.from) {
      // The alternative brings its own determiner: the sentence's article goes.
      return {edit: {start: prev.start, end, replacement: matchCase(raw, replacement)}}
    }
    if (wanted !== prev.norm) {
      const article = /^A/.test(raw) ? capitalise(wanted) : wanted
      return {edit: {start: prev.start, end, replacement: `${article}${text.slice(prev.end, start)}${replacement}`}}
    }
  }
  return {edit: {start, end, replacement}}
}
