/**
 * People may describe themselves in words a service should not use about them
 * ("I am an alcoholic in recovery", "I was what they called a revolving-door
 * patient", "I was told I lacked insight"). A self-description, or a label someone
 * reports being given, is not a finding.
 */
import type {Token} from '../match/tokens.js'
import {isAdverb, isFunctionWord} from '../frames/grammar.js'
import {CAPITALISED} from '../match/letters.js'

const FIRST_PERSON = new Set(['i', 'we', 'myself', 'ourselves'])
const SELF_LINK = new Set(
  "am 'm are 're was were be been being have has had also still once always a an proud recovering grateful former long-term call called identify identified as myself ourselves became become".split(
    ' '
  )
)
/** Verbs by which a label is put on someone: "I was called…", "they labelled me…". */
const LABELLING = new Set(
  'am was were been being became become felt feel called labelled labeled diagnosed described branded seen treated considered known told deemed classed classified written put'.split(' ')
)
const LABELLED_BY = new Set('called labelled labeled diagnosed described branded saw treated considered told made named deemed classed'.split(' '))
const SELF_NAMING = /^(call|calls|called|calling|describe|describes|described|describing|identify|identifies|identified|see|sees|saw|consider|considers|considered|name|names|named|label|labels|labelled|introduce|introduces|introduced|introducing)$/
const KIN = /^(mum|mom|mother|dad|father|son|daughter|brother|sister|husband|wife|partner|child|parents?|grandmother|grandfather|gran|nan|grandma|grandad|granddad|aunt|auntie|uncle|cousin|boyfriend|girlfriend|fiancée?)$/
const REFLEXIVE = /^(themselves|himself|herself|yourself|yourselves)$/
const BOUNDARY = new Set(['but', 'because', 'although', 'though', 'while', 'whereas', 'so', 'and'])

/** "I am (still) an alcoholic", "We are addicts in recovery", "As a former patient, I…". `we` counts only for `person` rules. */
export function isSelfDescription(tokens: Token[], start: number, includeWe = true, writerAsSubject = true): boolean {
  // "some people call themselves alcoholics", "who describe herself as…", "refer to themselves as…", "call themselves mad,
  // an addict or an alcoholic": a name people choose for themselves, back over a list of such names.
  for (let r = start - 1; r >= Math.max(0, start - 9); r--) {
    const w = tokens[r].norm
    if (REFLEXIVE.test(w)) return SELF_NAMING.test(tokens[r - 1]?.norm ?? '') || (tokens[r - 1]?.norm === 'to' && /^refer(s|red|ring)?$/.test(tokens[r - 2]?.norm ?? ''))
    if (!/^(a|an|as|or|and)$/.test(w) && isFunctionWord(w)) break
  }
  // "I am a bit OCD", "I'm so bipolar about it": a label by degree is a manner of speaking, not a name the writer carries.
  if (!writerAsSubject && DEGREE.test(tokens[start - 1]?.norm ?? '')) return false
  const first = (w: string) => (includeWe ? FIRST_PERSON.has(w) : w === 'i' || w === 'myself')
  for (let i = start - 1; i >= Math.max(0, start - 6); i--) {
    const w = tokens[i].norm
    if (first(w)) return true
    // "I'm a colleague who has also been a patient": a relative clause on the writer's own noun.
    if (w === 'who' && /^(a|an)$/.test(tokens[i - 2]?.norm ?? '') && tokens.slice(i + 1, start).some((t) => /^(been|was|were|is|am|are)$/.test(t.norm)) && tokens.slice(Math.max(0, i - 5), i - 2).some((t) => first(t.norm))) return true
    // "we've had a psycho in reception": having a person is meeting someone else ("I have been a…" is still the writer).
    if (!SELF_LINK.has(w) || (includeWe && /^(have|has|had)$/.test(w) && tokens[i + 1]?.norm !== 'been' && tokens[i + 2]?.norm !== 'been')) break
  }
  // "I used to be the one the nurses called a frequent flyer": the writer as the one others gave the label.
  for (let i = start - 2; i >= Math.max(1, start - 8); i--) {
    if (!/^(one|ones|kind|sort|type)$/.test(tokens[i].norm) || tokens[i - 1].norm !== 'the' || !tokens.slice(i + 1, start).some((t) => LABELLED_BY.has(t.norm))) continue
    if (tokens.slice(Math.max(0, i - 6), i - 1).some((t) => first(t.norm))) return true
  }
  // "My mum suffers from Alzheimer's", "our son was a heavy drinker then": a family member's own account of their relative.
  for (let i = start - 1; i >= Math.max(1, start - 4); i--) {
    // The writer's own ("my mum", "our daughter" beside an "I"): "our parents" in a family service's voice are the people it serves.
    if (KIN.test(tokens[i].norm) && (tokens[i - 1].norm === 'my' || (tokens[i - 1].norm === 'our' && tokens.some((t) => /^(i|me|my|myself)$/.test(t.norm))))) return true
    if (!SELF_LINK.has(tokens[i].norm) && !isAdverb(tokens[i].norm)) break
  }
  // "As someone who has had three episodes of psychosis, I know…": an opening "As …" phrase whose clause is the writer's.
  if (tokens[0]?.norm === 'as' && start > 0) {
    const k = tokens.findIndex((t, i) => i > start && t.join === 'break')
    if (k > 0 && (first(tokens[k].norm) || (tokens[k].norm === 'myself' && first(tokens[k + 1]?.norm ?? '')))) return true
  }
  // "As a former patient, I…"
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    if (tokens[i].norm !== 'as') continue
    return tokens.slice(start + 1, start + 6).some((t) => first(t.norm) || t.norm === 'my' || t.norm === 'me')
  }
  // "it was another patient, not a nurse, who got me talking": the writer counts themself among them.
  if (/^(another|fellow|other)$/.test(tokens[start - 1]?.norm ?? '') && tokens.some((t) => /^(i|my|me|myself)$/.test(t.norm))) return true
  return reportedLabel(tokens, start, (w) => w === 'i', writerAsSubject)
}

/** The clause before the match puts the label on the writer: "I was what they called a…", "they told me I was…", "my relapse", "I spent years in a codependent relationship". */
function reportedLabel(tokens: Token[], start: number, first: (w: string) => boolean, writerAsSubject: boolean): boolean {
  if ((start > 0 && tokens[start - 1].norm === 'my') || tokens[start].norm === 'my') return true
  // "I have seen this patient weekly", "I meet each patient once": after a verb of meeting, a pointing word puts the label on someone else.
  if (POINTING.test(tokens[start - 1]?.norm ?? '') && CONTACT.test(tokens[start - 2]?.norm ?? '')) return false
  // The writer is the subject of the clause: "I spent years in a…", "Back then I…".
  for (let i = start - 1; writerAsSubject && i >= 0 && start - i <= 8; i--) {
    const w = tokens[i].norm
    // Another subject between: "I think Jack might be malingering" is about Jack.
    if (BOUNDARY.has(w) || w === 'that' || w === 'who' || w === 'you' || w === 'they' || w === 'he' || w === 'she' || w === 'we' || THINKING.has(w) || OTHERS.has(w) || (i > 0 && CAPITALISED.test(tokens[i].raw))) break
    // "the lads I meet have nothing…": a plural noun before "I" is what a reduced relative clause describes.
    if (first(w) && (i === 0 || !/^(to|for|with|like|than)$/.test(tokens[i - 1].norm))) return !(i > 0 && /(?:s|^people|^folk|^children|^men|^women)$/.test(tokens[i - 1].norm) && !isFunctionWord(tokens[i - 1].norm) && !isAdverb(tokens[i - 1].norm) && !TIME_BEFORE.test(tokens[i - 2]?.norm ?? ''))
  }
  for (let i = start - 1; i >= 0 && start - i <= 10; i--) {
    const w = tokens[i].norm
    if (BOUNDARY.has(w) && i < start - 1) return false
    // "made me feel like a burden", not "made me angry about how the city treats…".
    if (LABELLED_BY.has(w) && tokens[i + 1]?.norm === 'me' && (w !== 'made' || /^(feel|a|an|into|out|look|sound|seem|too|so|very|more)$/.test(tokens[i + 2]?.norm ?? ''))) return true
    if (!LABELLING.has(w)) continue
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      if (first(tokens[k].norm)) return true
      if (BOUNDARY.has(tokens[k].norm)) break
    }
  }
  return false
}

/** Words that point at someone other than the writer. */
const POINTING = /^(this|that|these|those|each|every)$/
/** Verbs of meeting someone: after them a pointing word is someone else ("I was that patient" is still the writer). */
const CONTACT = /^(seen|saw|see|met|meet|assessed|assess|visited|visit|treated|treat|supported|support|admitted|discharged|interviewed|reviewed|referred)$/
const DEGREE = /^(bit|little|so|totally|super|slightly|very|really|proper|such)$/
/** "For years I was…", "after months I…": a time phrase, not a reduced relative clause. */
const TIME_BEFORE = /^(for|in|after|over|within|during|two|three|four|five|many|some|several|few|\d+)$/
/** "I give their case manager a heads-up": the words are someone else's, whoever the writer is. */
const OTHERS = new Set(['their', 'his', 'your', 'its'])
/** "I think her texts were a cry for help": what the writer thinks is about another subject (had it been "I", it came first). */
const THINKING = new Set('think thought believe believed feel felt suspect suspected wonder wondered guess reckon doubt'.split(' '))

const REPORTING = new Set('told tell tells said say says described describe called call labelled labeled label wrote written diagnosed branded informed advised put'.split(' '))
const RECIPIENT = new Set(['us', 'me', 'my', 'our'])
const ASKED_FORM = new Set(['tell', 'say', 'describe', 'write'])
const ASKING = new Set(['please', 'to', 'should', 'must', 'can', 'could', 'will', 'would', 'may', 'and', 'or'])

/**
 * A label the writer reports having been given, about themself or their family: "We were told our
 * daughter lacked insight", "The ward staff told us she was attention seeking", "My husband was
 * described as treatment-resistant". `kin` says whether a word names a relative.
 */
export function isReportedLabel(tokens: Token[], start: number, kin: (norm: string) => boolean): boolean {
  for (let r = start - 1; r >= 0 && start - r <= 12; r--) {
    const w = tokens[r].norm
    if (!REPORTING.has(w)) continue
    // "Every letter about me used to say…", "notes about us said…": what was written about the writer.
    if (tokens.slice(Math.max(0, r - 5), r).some((t, i, a) => (t.norm === 'me' || t.norm === 'us') && a[i - 1]?.norm === 'about')) return true
    // "Tell us what is wrong with the person", "referrers should tell us…": a request for the words, not a report of
    // them; asked of the person about themself ("Tell us what you cannot do"), the words are theirs.
    if (ASKED_FORM.has(w) && (ASKING.has(tokens[r - 1]?.norm ?? '') || tokens.slice(0, r).every((t) => /^(then|also|next|first|finally|now|briefly|please|and)$/.test(t.norm)))) {
      // Not "Tell us if your relative has been…": asked about someone else.
      if (RECIPIENT.has(tokens[r + 1]?.norm ?? '') && tokens.slice(r + 2, start + 4).some((t, i) => t.norm === 'you' || (t.norm === 'your' && !kin(tokens[r + 3 + i]?.norm ?? '')) || t.norm === 'yourself')) return true
      continue
    }
    // "Being called a frequent flyer by a nurse is…", "after being labelled…": the label as something that happens to people.
    if (tokens[r - 1]?.norm === 'being' && r + 4 >= start) return true
    const next = tokens[r + 1]?.norm ?? ''
    // "By the time we are called, relatives…", "when we are called out": called in, not called something.
    if (/^(call|called)$/.test(w) && (tokens[r + 1]?.join === 'break' || /^(out|in|back|to|up|on|about|by|at|when|if|after)$/.test(next))) continue
    // "Some people who call us are still in denial": someone phoning, not a label reported.
    if (/^(call|calls|called)$/.test(w) && /^(who|that)$/.test(tokens[r - 1]?.norm ?? '')) continue
    // "We describe someone as well once…", "we call them…": the writer's service labelling people now, not a report.
    if (/^(describe|call|label|class|record)$/.test(w) && /^(we|i)$/.test(tokens[r - 1]?.norm ?? '') && !RECIPIENT.has(next) && !/^(ourselves|myself|it|this|that|each|one)$/.test(next)) continue
    // "He said he was…", "she says she is…": the person's own words about themself, reported (a pronoun on both sides).
    if (/^(said|says|say|told|tells|explained|explains)$/.test(w) && /^(he|she|they)$/.test(tokens[r - 1]?.norm ?? '') && (tokens[r + 1]?.norm === tokens[r - 1].norm || (tokens[r + 1]?.norm === 'that' && tokens[r + 2]?.norm === tokens[r - 1].norm))) return true
    // "told us", "told my partner", "said to me"
    if (RECIPIENT.has(next) || (next === 'to' && RECIPIENT.has(tokens[r + 2]?.norm ?? ''))) return true
    // "we were told", "I was told", "my husband was described as"; not what the writer is about to say ("we are pleased to say that…").
    const before = tokens.slice(Math.max(0, r - 4), r).map((t) => t.norm)
    // "Put" reports only in the passive ("I was put down as…"), not "we won't put Dean forward…".
    if (before.some((b) => b === 'we' || b === 'i') && tokens[r - 1]?.norm !== 'to' && (w !== 'put' || /^(was|were|been|being|got)$/.test(tokens[r - 1]?.norm ?? ''))) return true
    if (firstOwnedKin(tokens, kin) < r) return true
  }
  return false
}

/** A role others put on the writer ("I was told I'd be a role model"): reported, not taken up; a relative's is not the writer's to report. */
export function isPutOnWriter(tokens: Token[], start: number): boolean {
  for (let r = start - 1; r >= 1 && start - r <= 12; r--) {
    if (!REPORTING.has(tokens[r].norm)) continue
    // "they told me I'd be…", "we were told to be…": the writer is told, and the role is theirs (not "I tell everyone…",
    // where the writer does the telling, nor "students tell us that meeting a tutor gave them…").
    const after = tokens[r + 2]?.norm === 'that' ? r + 3 : r + 2
    if (/^(me|us)$/.test(tokens[r + 1]?.norm ?? '') && /^(i|we|to)$/.test(tokens[after]?.norm ?? '')) return true
    const aux = /^(was|were|been|being|got)$/.test(tokens[r - 1].norm) ? r - 1 : -1
    if (aux > 0 && /^(i|we)$/.test(tokens[aux - 1]?.norm ?? '')) return true
  }
  return false
}

const ownedKin = new WeakMap<Token[], number>()

/** Where a sentence first names a relative of the writer's ("my partner", "our son"), once per sentence. */
function firstOwnedKin(tokens: Token[], kin: (norm: string) => boolean): number {
  let k = ownedKin.get(tokens)
  if (k === undefined) {
    k = tokens.findIndex((t, i) => (t.norm === 'my' || t.norm === 'our') && kin(tokens[i + 1]?.norm ?? ''))
    if (k === -1) k = Infinity
    ownedKin.set(tokens, k)
  }
  return k
}

/**
 * "I know best what Roxanne needs", "I manage him": a verb the writer does to someone else, an object pronoun right after
 * it or a name or third person after "what" or "whether" ("I know best what I need" is a self-description; so is "I
 * refused her medication", where "her" is a possessive, and "I know best how she likes her tea", a preference).
 */
export function actsOnAnother(tokens: Token[], end: number): boolean {
  const next = tokens[end]
  if (next === undefined || next.join === 'break') return false
  const after = tokens[end + 1]
  if (/^(him|them)$/.test(next.norm) || (next.norm === 'her' && (after === undefined || after.join === 'break' || isFunctionWord(after.norm)))) return true
  return /^(what|whether)$/.test(next.norm) && after !== undefined && after.join !== 'break' && (/^(he|she|they)$/.test(after.norm) || (CAPITALISED.test(after.raw) && after.norm !== 'i'))
}
