/**
 * Whether a predicate is said of a person. Labels such as "role model", "combative" or "a burden" are
 * findings about people; "the garden project has become a role model", "the debate was lively and at
 * times combative", "funding cuts have placed a heavy burden on the sector" are not. When the words are
 * the complement of a linking verb (or the object of "place", "impose"…), the verb's subject decides: a
 * people, staff, peer or relatives word, a personal pronoun, or a capitalised name. Anywhere else, true.
 */
import type {Token} from '../match/tokens.js'
import type {Np, SentenceReader} from './clause.js'
import {isAdverb, isFunctionWord, isVerbGroupWord, PREPOSITIONS, TIME_NOUNS} from './grammar.js'
import {PERSONAL} from './person-words.js'
import {PERSON_CLASSES, single} from './phrases.js'
import {UPPER_START} from '../match/letters.js'
import {isNounLike} from '../grammar/slot.js'

const INSTITUTIONS = new Set('project projects service services trust trusts hostel hostels ward wards unit units clinic clinics provider providers organisation organisations organization organizations agency agencies system scheme schemes programme programmes program programs charity charities hospital hospitals authority council association directorate directorates department departments centre centres center centers facility facilities government ministry company companies employer employers business businesses'.split(' '))
/** Words that stand for people without naming them: "those who…", "many of them", "others". */
const STANDS_FOR_PEOPLE = new Set('those them him her us me others one some many most few all both each anyone someone everyone somebody anybody everybody whoever'.split(' '))
/** Words between a linking verb and its complement: "is a real role model", "placed a heavy burden". */
const BEFORE_COMPLEMENT = /^(a|an|the|such|real|positive|good|great|true|genuine|some|kind|of|sort|more|most|very|quite|becoming|heavy|huge|big|significant|considerable|enormous|extra|additional|unnecessary|massive|growing|increasing|unfair|disproportionate|undue|unreasonable|excessive|financial|further)$/
const LINKING = /^(is|are|was|were|be|been|being|become|becomes|became|remain|remains)$/
const LINKING_OR_AS = /^(is|are|was|were|be|been|being|has|have|had|went|go|goes|gone|going|turned|seem|seems|seemed|appear|appears|appeared|become|becomes|became|remain|remains|seen|regarded|considered|act|acts|acted|serve|serves|served|as)$/
/** "act as", "serve as": the complement is said of the verb's subject. */
const AS_VERBS = /^(act|acts|acted|acting|present|presents|presented|presenting|serve|serves|served|serving|function|functions|work|works|worked|seen|regarded|considered|described|known|treated|viewed|employed|hired|recruited|appointed|trained|chosen|selected|used|deployed|positioned|valued|introduced|celebrated|promoted|showcased|paid|funded|matched)$/
/** Nouns naming a person's quality before a to-infinitive, whose doer is the person described. */
const PERSON_QUALITY = /^(ability|abilities|willingness|commitment|confidence|readiness|desire|desires|wish|wishes|aptitude)$/
/** Verbs whose object the complement after it describes ("made the road hard to reach", "left them fragile"). */
const MAKING = /^(make|makes|made|making|render|renders|rendered|rendering)$/
/** Verbs whose subject is what a burden comes from: "X places a strain on Y". */
const PLACING = /^(place|places|placed|placing|put|puts|putting|impose|imposes|imposed|add|adds|added)$/

/** Whether a rule's words at [start, end) are about a person, as its `personSubject` / `personObject` ask. */
export function aboutPerson(reader: SentenceReader, rule: {personSubject?: boolean; personObject?: boolean; category?: string}, kind: string | undefined, tokens: Token[], start: number, end: number): boolean {
  if (kind !== 'verb') return !rule.personSubject || complementOfPerson(reader, tokens, start, end, kind === 'adjective' && rule.category !== 'labelling' /* "a mad idea" is still the word */)
  // A finite verb only: "lists role-modelling as a duty", "people suffering from" name no subject of their own.
  const ing = tokens[start].norm.endsWith('ing') || (tokens[end - 1].norm.endsWith('ing') && tokens[end - 1].join === 'hyphen')
  const before = tokens[start - 1]?.norm ?? ''
  // "keeps refusing": the verb before the -ing word has the subject.
  const catenative = ing && /^(keep|keeps|kept|start|starts|started|stop|stops|stopped|continue|continues|continued)$/.test(before)
  const finite = !ing || catenative || /^(is|are|was|were|be|been)$/.test(before)
  const at = catenative ? start - 1 : start
  if (rule.personSubject && finite && !verbArgumentIsPerson(reader, tokens, at, at + 1, false)) return false
  return !rule.personObject || verbArgumentIsPerson(reader, tokens, start, end, true)
}

/**
 * The subject (or, with `object`, the object) of the verb at `start` is a person, or cannot be told: "the old
 * boiler suffers from breakdowns" and "the manager will instruct the contractors" are not about people.
 */
function verbArgumentIsPerson(reader: SentenceReader, tokens: Token[], start: number, end: number, object: boolean): boolean {
  const clause = reader.read(start, end, false, false)
  const nps = object ? clause.right : clause.left
  return nps.length === 0 || nps.some((np) => np.head === undefined || isPersonPhrase(reader, tokens, np) || (object && personsOwn(reader, tokens, np)))
}

/** What is managed is a person's: "manage clients' risk", "manage emotions in residents who…". */
function personsOwn(reader: SentenceReader, tokens: Token[], np: Np): boolean {
  if (np.possessor !== undefined && (PERSONAL.has(tokens[np.possessor].norm) || PERSON_CLASSES.some((c) => reader.classesOf(single(np.possessor!), true).has(c)))) return true
  if (!/^(in|of)$/.test(tokens[np.end]?.norm ?? '')) return false
  const owner = reader.rightNp(np.end + 1, tokens.length)[0]
  return owner?.head !== undefined && isPersonPhrase(reader, tokens, owner)
}

/** `reader` must be reset to this sentence. */
export function complementOfPerson(reader: SentenceReader, tokens: Token[], start: number, end = start + 1, adjective = false): boolean {
  // Before a noun the words modify it ("are the hard to reach groups"): the noun is what they describe.
  // Not after words ending in a preposition ("burden on teams"): what follows is its object.
  const after = tokens[end]
  if (after && after.join === 'space' && !isFunctionWord(after.norm) && !isAdverb(after.norm) && !PERSONAL.has(after.norm) && !PREPOSITIONS.has(tokens[end - 1].norm)) return !(adjective && describesThing(reader, tokens, end))
  let v = start - 1
  // …and over adverbs ("was often combative", "was at times hostile").
  const adverbial = (i: number) => isAdverb(tokens[i].norm) || (tokens[i].norm === 'times' && tokens[i - 1]?.norm === 'at') || (tokens[i].norm === 'at' && tokens[i + 1]?.norm === 'times')
  while (v >= 0 && (BEFORE_COMPLEMENT.test(tokens[v].norm) || adverbial(v))) v--
  v = beforeCoordinated(tokens, v)
  // "Heavy rain made the airstrip hard to reach": an object's complement describes the object, a thing or a person.
  for (let m = v - 1; adjective && v >= 0 && !LINKING_OR_AS.test(tokens[v].norm) && m >= 0 && v - m <= 4; m--) {
    if (!MAKING.test(tokens[m].norm)) continue
    // Only a noun phrase between: not "make sure you don't become agitated".
    if (tokens.slice(m + 1, v + 1).some((t) => isVerbGroupWord(t.norm) || t.norm === 'sure')) break
    const head = tokens[v]
    // A name counts when the lexicon took it for a person's ("Mr Tane"), not a place's ("made Manchester hard to reach").
    return PERSONAL.has(head.norm) || PERSON_CLASSES.some((c) => reader.classesOf(single(v), true).has(c))
  }
  // "Psychosis places an enormous burden on families": an illness said to weigh on people frames them by it too.
  if (v >= 0 && PLACING.test(tokens[v].norm)) return subjectIsPerson(reader, tokens, v, false) || reader.read(v, v + 1, false, false).left.some((np) => reader.classesOf(np, true).has('illness'))
  // "the building, which the council calls a role model for green refits": what is named is the thing "which" stands for.
  if (v > 0 && /^(calls?|called|calling|names?|named|dubs?|dubbed|considers?|considered)$/.test(tokens[v].norm)) {
    // A group of people is named too: "The peer support team, which the service considers a role model".
    for (let i = v - 1; i >= 0 && v - i <= 8; i--) if (/^(which|who|whom)$/.test(tokens[i].norm)) return tokens[i].norm !== 'which' || PERSON_CLASSES.some((c) => c !== 'people' && reader.classesOf(single(i - 1), true).has(c))
  }
  if (v < 0 || !LINKING_OR_AS.test(tokens[v].norm)) return true
  // "sees her as": the complement is said of "her", the phrase before "as".
  const copula = tokens[v].norm !== 'as'
  if (!copula && v > 0) {
    v--
    if (!AS_VERBS.test(tokens[v].norm)) {
      // The phrase before "as", with its of/with phrase ("people with dementia as…").
      for (let i = v; i >= 0 && v - i < 5 && !(tokens[i + 1]?.join === 'break'); i--) {
        const n = tokens[i].norm
        if (isVerbGroupWord(n) && !isAdverb(n)) break
        if (PERSONAL.has(n) || /^(her|him|them|me|us)$/.test(n) || PERSON_CLASSES.some((c) => reader.classesOf(single(i), true).has(c))) return true
      }
      return false
    }
  }
  return subjectIsPerson(reader, tokens, v, copula)
}

/** Words for people taken together: "hard-to-reach communities". */
const GROUPS = /^(communit(y|ies)|groups?|populations?|famil(y|ies)|households?|cohorts?|youth|generations?|crowds?|couples?|kids|children|men|women|folk|folks)$/
/** A person's own attributes: "a combative nature", "an agitated state", "oppositional behaviour" are said of the person. */
const ATTRIBUTES = /^(behaviou?rs?|attitudes?|manner|nature|state|mood|moods|presentation|temperament|personality|character|mental|outbursts?|conduct|demeanou?r|disposition)$/
/** Word endings of nouns for people ("newcomers", "attendees", "parents"); not -ment ("comments", "ornaments"). */
const PERSON_ENDING = /(?:er|ers|or|ors|ist|ists|ian|ians|ee|ees|ant|ants|one|body)$|(?<!m)ents?$/

/** An adjective before a phrase whose head is a common noun that names no one: "a fragile tea set", "a combative debate". */
function describesThing(reader: SentenceReader, tokens: Token[], at: number): boolean {
  const np = reader.rightNp(at, tokens.length)[0]
  if (np?.head === undefined || np.start !== at) return false
  const head = tokens[np.head]
  // "very fragile today", "agitated last night": a time word is when, and the adjective is said of the person before it.
  if (TIME_NOUNS.has(tokens[at].norm) || /^(today|tonight|tomorrow|yesterday|now|lately|recently|again|this|that|last|these|those|morning|afternoon|evening)$/.test(tokens[at].norm)) return false
  if (!isNounLike(head) || UPPER_START.test(head.raw) || PERSON_ENDING.test(head.norm) || GROUPS.test(head.norm)) return false
  if (tokens.slice(np.start, np.end).some((t) => ATTRIBUTES.test(t.norm))) return false
  return !isPersonPhrase(reader, tokens, np) && !namesPerson(reader.classesOf(np, false))
}

function subjectIsPerson(reader: SentenceReader, tokens: Token[], v: number, copula: boolean): boolean {
  // "applicants who are fully recovered", "they have recovered": "who" and personal pronouns are said of people.
  let w = v - 1
  // Over adverbs and modals: "who can be a real burden", "they may sometimes be".
  while (w >= 0 && (isAdverb(tokens[w].norm) || /^(can|could|may|might|will|would|shall|should|must)$/.test(tokens[w].norm))) w--
  if (w >= 0 && (/^(who|whom)$/.test(tokens[w].norm) || PERSONAL.has(tokens[w].norm))) return true
  // "volunteers who completed it themselves and are living proof": a predicate coordinated inside a who-clause.
  if (w >= 0 && /^(and|or)$/.test(tokens[w].norm)) for (let i = w - 1; i >= 0 && w - i <= 8 && tokens[i + 1].join !== 'break'; i--) if (/^(who|whom)$/.test(tokens[i].norm)) return true
  // "Adult children who move back home can become a burden": the subject carries a who-clause, so it is a person.
  for (let i = w; i > 0 && w - i <= 6 && tokens[i + 1]?.join !== 'break'; i--) if (/^(who|whom)$/.test(tokens[i].norm) && !isFunctionWord(tokens[i - 1].norm)) return true
  // "ability to act as a role model": a person specification's quality is the applicant's.
  if (w >= 1 && tokens[w].norm === 'to' && PERSON_QUALITY.test(tokens[w - 1].norm)) return true
  // "Your job is to be a positive role model", "the mentor's role is to be…": a person's job is said of them.
  if (w >= 3 && tokens[w].norm === 'to' && /^(is|was|will be)$/.test(tokens[w - 1].norm) && /^(job|role|task|duty|aim|purpose)$/.test(tokens[w - 2].norm) && (/^(your|their|his|her|my|our)$/.test(tokens[w - 3].norm) || (reader.possessive(w - 3) && reader.isPerson(w - 3, true)))) return true
  const clause = reader.read(v, v + 1, false, copula)
  if (clause.left.length === 0) return true
  return clause.left.some((np) => np.head === undefined || isPersonPhrase(reader, tokens, np) || (AFTER_PREPOSITION(tokens[np.start - 1]?.norm ?? '') && modifiedIsPerson(reader, tokens, np.start - 1)))
}

/** A person's classes; a meeting counts as staff where it decides ("agreed at the ward round"), not as a person a label describes. */
const namesPerson = (classes: Set<string>) => !classes.has('meeting') && PERSON_CLASSES.some((c) => classes.has(c))

/** No word class knows the word, only rules' own slot lists ("colleagues" as whom someone is a risk to): it may still be a name. */
const onlySlots = (classes: Set<string>) => [...classes].every((c) => c.includes('/'))

const AFTER_PREPOSITION = (n: string) => PREPOSITIONS.has(n) || n === 'off'

/**
 * A subject read as a preposition's object may be part of the phrase the preposition modifies: "people coming off the
 * ward are…" is said of people, "the team's debate about the rota was…" of a debate. The first word back that is
 * not a participle or a function word is that phrase's head.
 */
function modifiedIsPerson(reader: SentenceReader, tokens: Token[], prep: number, depth = 0): boolean {
  for (let i = prep - 1; i >= 0 && prep - i <= 6 && tokens[i + 1].join !== 'break'; i--) {
    const n = tokens[i].norm
    if (PERSONAL.has(n) || STANDS_FOR_PEOPLE.has(n)) return true
    // …and over what a participle takes ("people sleeping rough in the town centre").
    if (/(ing|ed)$/.test(n) || isFunctionWord(n) || /[a-z]{3}ing$/.test(tokens[i - 1]?.norm ?? '')) continue
    if (namesPerson(reader.classesOf(single(i), true))) return true
    // "people with advanced dementia on the unit": that noun may itself be a preposition's object, one phrase further in.
    for (let k = i - 1; depth < 2 && k >= 0 && i - k <= 3 && tokens[k + 1].join !== 'break'; k--) if (AFTER_PREPOSITION(tokens[k].norm)) return modifiedIsPerson(reader, tokens, k, depth + 1)
    return false
  }
  return false
}

function isPersonPhrase(reader: SentenceReader, tokens: Token[], np: Np): boolean {
  const head = tokens[np.head!]
  // Staff words that name an institution, not a person: "the garden project has become a role model".
  // …unless it only says where the people are ("everyone at the hostel is mad").
  if (INSTITUTIONS.has(head.norm)) {
    const owner = tokens[np.start - 2]
    if (!/^(at|in|of|from|on)$/.test(tokens[np.start - 1]?.norm ?? '') || owner === undefined) return false
    // "people with advanced dementia on the unit are…": the people, across the phrases between.
    return STANDS_FOR_PEOPLE.has(owner.norm) || PERSONAL.has(owner.norm) || reader.classesOf(single(np.start - 2), true).has('people') || modifiedIsPerson(reader, tokens, np.start - 1)
  }
  const classes = reader.classesOf(np, true)
  if (classes.has('meeting')) return false
  if (namesPerson(classes)) return true
  if (STANDS_FOR_PEOPLE.has(head.norm)) return true
  // "Our peer benefits advocates": a post named with "peer" and a last word no class knows is held by people.
  if (reader.classesOf(single(np.head!), true).size === 0) for (let i = np.start; i < np.head!; i++) if (tokens[i].norm === 'peer') return true
  // "The clinic's Wi-Fi", "the unit's printer": a thing an institution has.
  if (np.possessor !== undefined && INSTITUTIONS.has(tokens[np.possessor].norm)) return false
  // A capitalised word no class knows is a name ("Grace is living proof…"), even at the start.
  // …but a sentence's first word ending in -ing is a doing ("Fundraising is a burden for small charities").
  return PERSONAL.has(head.norm) || (UPPER_START.test(head.raw) && head.raw !== head.raw.toUpperCase() && (np.head! > 0 || (onlySlots(classes) && !/^\p{Lu}\p{Ll}{3,}ing$/u.test(head.raw))))
}

/**
 * Back over a coordinated predicate before the complement: "was lively and at times combative" reads back to
 * "was". Only across "and"/"or", so a word before the complement is skipped only when it is coordinated.
 */
function beforeCoordinated(tokens: Token[], v: number): number {
  let k = v
  while (k >= 0 && (isAdverb(tokens[k].norm) || /^(at|times|sometimes|often|also|even|then|too)$/.test(tokens[k].norm))) k--
  if (k < 1 || !/^(and|or)$/.test(tokens[k].norm)) return v
  for (let i = k - 1; i >= 0 && k - i <= 3; i--) if (LINKING.test(tokens[i].norm)) return i
  return v
}
