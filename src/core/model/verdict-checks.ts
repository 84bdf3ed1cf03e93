/**
 * Checks on a verdict of the second opinion that its words alone cannot make: the model reads which words
 * occur, not who does what, so "Residents decide at the house meeting which outings to plan" reads to it like
 * "Staff decide which outings residents may go on". The clause reader (frames/clause.ts, through
 * clause-features.ts) says who the agent of each verb of the vocabulary is.
 */
import {CHOOSING, isAdverb, isFunctionWord, isNegator, MODALS, WH} from '../frames/grammar.js'
import type {Hit} from '../frames/lexicon.js'
import {possessiveAt} from '../frames/subject-words.js'
import type {Token} from '../match/tokens.js'

/** Pronouns that stand for the person or people a document is about ("we" is usually the service, "you" its reader: neither). */
const PERSON_PRONOUNS = new Set(['=i', '=he', '=she', '=they', '=them', '=him', '=her'])

/** Verbs whose agent is the one who decides. */
const DECIDING = new Set(['decide', 'final-say'])

/**
 * Word classes whose presence anywhere in the sentence may put a decision back with staff: staff, a peer or a
 * meeting ("whose decision is final", "left to the house manager"), or a verb that puts staff over the person
 * whoever its agent is ("allowed to decide", "told what was decided").
 */
const OVERSEERS = new Set(['staff', 'peer', 'meeting', 'allow', 'inform'])

/**
 * The person, not staff, decides: a deciding verb has a person for its agent (or a by-phrase naming one: "Approval of
 * the plan is by the person"), and the sentence names no overseer. `roles`: the clause-role features of the sentence ("ag:people>decide", "ag:=she>decide");
 * `classes`: the word classes found in it.
 */
export function personDecides(roles: readonly string[], classes: Iterable<string>): boolean {
  for (const c of classes) if (OVERSEERS.has(c)) return false
  return roles.some((f) => {
    if (!f.startsWith('ag:')) return false
    const [agent, verb] = f.slice(3).split('>')
    return DECIDING.has(verb) && (agent === 'people' || PERSON_PRONOUNS.has(agent))
  }) || roles.some((f) => f.startsWith('ob:') && f.endsWith('>by>people') && DECIDING.has(f.slice(3, f.indexOf('>'))))
}

const EXPERT = /^experts?$/
/** Pronouns for the person in "you are the expert on your own life" (a peer document's "you" is the person, unlike in PERSON_PRONOUNS' roles). */
const PERSON_WORDS = new Set(['you', 'they', 'he', 'she', 'i'])

/**
 * "Tenants are the experts on their own lives", "you are the expert in your recovery": the person named as the
 * expert is what peer work says, not expert-patient framing, which the word "expert" otherwise suggests to the model.
 * `tokens`: the sentence's words (lower case); `hits`: its word-class hits (a people word ends where a hit does).
 */
export function personIsExpert(tokens: readonly string[], hits: readonly {cls: string; end: number}[]): boolean {
  const peopleEnds = new Set(hits.filter((h) => h.cls === 'people').map((h) => h.end))
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!(peopleEnds.has(i + 1) || PERSON_WORDS.has(tokens[i])) || !BE_WORDS.has(tokens[i + 1])) continue
    let j = i + 2
    while (j < tokens.length && /^(the|their|your|his|her|own|real|true|only)$/.test(tokens[j])) j++
    if (EXPERT.test(tokens[j] ?? '')) return true
  }
  return false
}

const BE_WORDS = new Set(['am', 'is', 'are', 'was', 'were', 'remain', 'remains', 'become', 'becomes'])

/** Agents that stand for the service deciding. */
const SERVICE_AGENTS = new Set(['staff', 'meeting'])
/** Classes that put a person, or what is theirs, into the sentence. */
const PERSONAL_CLASSES = new Set(['people', 'relatives', 'plan', 'plan-generic', 'assigned', 'recovery', 'peer', 'clinical-task', 'treatment', 'readiness'])
/** Words for a person (a staff decision with none of them decides no one's life; a broken thing is not one of them). */
const PERSONAL_WORDS = /^(he|she|they|him|her|them|his|hers|their|theirs|you|your|yours|i|me|my|someone|anyone|everyone|somebody|anybody|everybody|person|people|who|whom|whoever|case|cases)$/

/**
 * Staff decide about a thing: "The funder decides whether the grant is renewed", "the night manager decides when
 * the front door is locked". Staff deciding is what who-decides framing is made of, so the model reads it as that;
 * but with no person, nothing of a person's and no recovery anywhere in the sentence, no one's life is decided.
 */
export function staffDecidesThing(roles: readonly string[], classes: Iterable<string>, words: readonly string[], unnamedToo = false): boolean {
  const all = [...classes]
  // "HR will decide by the end of the month whether the posts are made permanent" (`unnamedToo`): a decider of no class is no person either.
  const unnamed = unnamedToo && all.some((c) => DECIDING.has(c)) && !all.includes('staff') && !all.includes('meeting') && !roles.some((f) => f.startsWith('ag:') && DECIDING.has(f.slice(f.indexOf('>') + 1)))
  if (!unnamed && !roles.some((f) => f.startsWith('ag:') && DECIDING.has(f.slice(f.indexOf('>') + 1)) && SERVICE_AGENTS.has(f.slice(3, f.indexOf('>'))))) return false
  for (const c of all) if (PERSONAL_CLASSES.has(c)) return false
  return !words.some((w) => PERSONAL_WORDS.test(w))
}

/**
 * "The manager decided the carers' newsletter would go out quarterly": a people word that only says whose thing it is,
 * when the thing is no part of their life or care, puts no person in the sentence.
 */
export function withoutPossessorsOfThings(tokens: readonly Token[], text: string, hits: readonly Hit[]): Hit[] {
  // Only a plural's apostrophe ("carers' newsletter", "residents' meeting"): a group named as a kind; "the member's psychiatrist" is someone's own.
  const plural = (i: number) => possessiveAt(tokens, text, i) && /s$/.test(tokens[i].norm) && !/^['\u2019]s\b/.test(text.slice(tokens[i].end, tokens[i].end + 3))
  return hits.filter((h) => !((h.cls === 'people' || h.cls === 'relatives') && plural(h.end - 1) && !hits.some((o) => o !== h && o.start >= h.end && o.start <= h.end + 1 && PERSONAL_CLASSES.has(o.cls))))
}

const SAY_NOUNS = /^(decision|choice|call|say)$/
const SAY_VERBS = /^(decide|say|choose|define|judge|determine|pick)$/
const PERSON_OBJECTS = /^(you|them|him|her|me|us)$/
const QUANTIFIERS = /^(each|every|the|any|that|this)$/

/**
 * The sentence gives the say to the person: "stopping is Lena's decision", "What recovery means is for each member to say",
 * "is up to you", "each resident chooses whether relatives are told". The model reads "decision" and "recovery" as who-decides framing; whose decision it is only the words'
 * order says. Not under a negation before it ("is not up to you"). `tokens`: the sentence's words; `hits`: its word-class
 * hits (a people word: a name, "member", "jobseeker"); `text`: the source (for a possessive's "'s", which tokens drop).
 */
export function personHasTheSay(tokens: readonly {norm: string; end: number}[], hits: readonly {cls: string; start: number; end: number}[], text: string): boolean {
  const person = new Set(hits.filter((h) => h.cls === 'people').map((h) => h.end - 1))
  const negatedBefore = (i: number) => tokens.slice(Math.max(0, i - 3), i).some((t) => isNegator(t.norm))
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i].norm
    if (SAY_NOUNS.test(w)) {
      const j = tokens[i - 1].norm === 'own' ? i - 2 : i - 1
      if (j >= 0 && person.has(j) && /^['\u2019]s?\b/.test(text.slice(tokens[j].end, tokens[j].end + 2)) && !negatedBefore(j)) return true
    } else if (w === 'up' && tokens[i + 1]?.norm === 'to') {
      const k = QUANTIFIERS.test(tokens[i + 2]?.norm ?? '') ? i + 3 : i + 2
      if ((PERSON_OBJECTS.test(tokens[k]?.norm ?? '') || person.has(k)) && !negatedBefore(i)) return true
    } else if (CHOOSING.has(w) && WH.has(tokens[i + 1]?.norm ?? '')) {
      // "The person decides whether family members are told": what follows is theirs to decide.
      let j = i - 1
      while (j > 0 && j >= i - 3 && /^(can|may|will|alone|also|still|always|themselves|yourself)$/.test(tokens[j].norm)) j--
      if (j >= 0 && (/^(you|i)$/.test(tokens[j].norm) || person.has(j)) && !negatedBefore(i)) return true
    } else if (w === 'for') {
      const k = QUANTIFIERS.test(tokens[i + 1]?.norm ?? '') ? i + 2 : i + 1
      if ((PERSON_OBJECTS.test(tokens[k]?.norm ?? '') || person.has(k)) && tokens[k + 1]?.norm === 'to' && SAY_VERBS.test(tokens[k + 2]?.norm ?? '') && !negatedBefore(i)) return true
    }
  }
  return false
}

/**
 * No one's permission is needed: "no clinician's approval is needed", "without anyone's sign-off". The model reads
 * "approval" as who-decides framing; its negation only the words before it say. `hits`: the sentence's word-class hits.
 */
export function permissionWaived(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number}[]): boolean {
  return hits.some((h) => h.cls === 'permission' && tokens.slice(Math.max(0, h.start - 4), h.start).some((t) => t.norm === 'no' || t.norm === 'without'))
}

/**
 * "…and the team follows their lead": staff follow the person, whoever else the sentence names. Not a person following
 * a peer's lead ("members can too if they follow his lead"), which is the peer as the way. `hits`: the sentence's
 * word-class hits (staff right before "follow" are its subject).
 */
export function staffFollowPersonsLead(tokens: readonly {norm: string}[], hits: readonly {cls: string; end: number}[]): boolean {
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (!/^follow(s|ed|ing)?$/.test(tokens[i].norm)) continue
    const staffBefore = hits.some((h) => h.cls === 'staff' && h.end <= i && h.end >= i - 2)
    const j = /^(their|his|her|your)$/.test(tokens[i + 1].norm) ? i + 2 : tokens[i + 1].norm === 'the' && /^(person|people|member|members)$/.test(tokens[i + 2].norm) ? i + 3 : -1
    if (staffBefore && j > 0 && tokens[j]?.norm === 'lead') return true
  }
  return false
}

/** What staff do when they follow a person's decision: help with it, write it down, arrange or plan around it. */
const SUPPORTING = /^(help|helps|helped|support|supports|supported|write|writes|wrote|note|notes|noted|record|records|recorded|arrange|arranges|arranged|book|books|booked|plan|plans|planned|accept|accepts|accepted|follow|follows|followed|respect|respects|respected|guide|guides|guided)$/

/**
 * "It is the person who chooses which goals go on their plan, and the worker writes them down", "Residents choose when
 * they go to bed; the night staff plan their work around those choices": every staff word is the subject of a verb
 * of following the person's decision (right after it, or after "will", "only", "then"), so staff do not overrule it.
 */
export function staffOnlySupport(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  const staff = hits.filter((h) => h.cls === 'staff')
  // "her occupational health adviser helped": a staff word right before another is part of its name.
  return staff.length > 0 && staff.every((h) => {
    if (staff.some((o) => o.start === h.end)) return true
    let k = h.end
    while (k < h.end + 2 && k < tokens.length && skippable(tokens[k].norm)) k++
    // Not "follow up with each member", "book in": another verb with its particle.
    if (!SUPPORTING.test(tokens[k]?.norm ?? '') || /^(up|in|out)$/.test(tokens[k + 1]?.norm ?? '')) return false
    // Not a noun ("the staff plan sets their goals"), nor support on staff's terms ("accept only the goals they agree with").
    if (NOUN_TOO.test(tokens[k].norm) && /^(the|a|an|our|their|this|that|your)$/.test(tokens[h.start - 1]?.norm ?? '') && /^[a-z]+s$/.test(tokens[k + 1]?.norm ?? '') && !/^(this|these|those|its|his|hers|theirs|as|is)$/.test(tokens[k + 1].norm)) return false
    return !tokens.slice(k + 1, k + 7).some((t) => ON_STAFF_TERMS.test(t.norm))
  })
}
/** Supporting verbs that are nouns too: after a staff word they may be its head ("the staff plan", "staff notes"). */
const NOUN_TOO = /^(note|notes|record|records|book|books|plan|plans|support)$/
/** Words that put a supporting act on staff's terms: "only the goals they agree with", "only if", "without them", "whether they have complied". */
const ON_STAFF_TERMS = /^(only|if|unless|without|whether|provided)$/

/**
 * "Declan set his own discharge date", "choose their own goals": a verb of deciding whose object is the decider's own, stated
 * as what happens, not as a permission.
 */
export function decidesOwn(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  // Not a permission or a condition on it either: "may choose their own counsellor only after ninety days", "do not let them pick their own".
  if (tokens.some((t) => isNegator(t.norm) || /^(only|once|until|unless|after|let|lets|allow|allowed|permitted)$/.test(t.norm))) return false
  return hits.some((h) => h.cls === 'decide' && /^(his|her|their|your|my|our)$/.test(tokens[h.end]?.norm ?? '') && tokens[h.end + 1]?.norm === 'own' && !/^(may|can|could|might)$/.test(tokens[h.start - 1]?.norm ?? ''))
}

/**
 * "Dr Minh Tran (practitioner educator) is a clinical psychologist who has worked in…", "Sam is an occupational therapist":
 * a staff member introduced by their post is a biography, not a framing of anyone. The subject names no person served.
 */
export function staffBiography(tokens: readonly {norm: string; raw: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  const be = tokens.findIndex((t, i) => i > 0 && /^(is|was)$/.test(t.norm) && /^(a|an)$/.test(tokens[i + 1]?.norm ?? ''))
  // A name ("Amira is…") is a person word too; a person served is not ("Every resident is a patient of…").
  const served = (h: {cls: string; start: number}) => (h.cls === 'people' || h.cls === 'relatives') && !/^\p{Lu}/u.test(tokens[h.start].raw)
  if (be < 0 || hits.some((h) => h.start < be && served(h))) return false
  // The subject is named: "Dr Minh Tran", "Amira".
  if (!tokens.slice(0, be).some((t, i) => /^\p{Lu}/u.test(t.raw) && (i > 0 || hits.some((h) => h.start === 0 && h.cls === 'people')))) return false
  // The post heads the complement: "a clinical psychologist who…", "an experienced mental health nurse"; not "a matter for
  // the nurse", "a tool the clinical team can use".
  return hits.some((h) => h.cls === 'staff' && h.start >= be + 2 && h.start <= be + 5 && tokens.slice(be + 2, h.start).every((t) => !/^(of|for|to|on|the|a|an|by|with|from|in)$/.test(t.norm)) && (h.end >= tokens.length || /^(who|with|at|in|and|based|working|since|for)$/.test(tokens[h.end].norm)))
}

/** A modal or an adverb between subject and verb, but not one that limits the act ("staff only support", "rarely allows"). */
const LIMITING = new Set(['only', 'rarely', 'seldom', 'hardly', 'barely', 'never', 'even', 'yet', 'scarcely'])
const skippable = (norm: string) => MODALS.has(norm) || (isAdverb(norm) && !LIMITING.has(norm))

/** Things that permit without anyone deciding: a rule, a law, a scheme, a timetable. */
const RULE_THINGS = /^(rules?|laws?|regulations?|scheme|schemes|policy|policies|system|timetable|arrangements?|allowance|benefits?|act|code|lease|tenancy|contract|agreement|setup|format|design)$/

/**
 * "the permitted work rules may let you do some paid work", "The new timetable allows people to choose their groups": a
 * permission whose subject is a rule or an arrangement, not staff, so nobody is put in charge of the person.
 */
export function thingPermits(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number}[] = []): boolean {
  for (let i = 1; i < tokens.length; i++) {
    if (!/^(let|lets|allow|allows|permit|permits|enable|enables)$/.test(tokens[i].norm)) continue
    let k = i - 1
    while (k > 0 && skippable(tokens[k].norm)) k--
    // Not "The policy allows staff to decide your goals": what it permits is staff's say.
    if (RULE_THINGS.test(tokens[k].norm) && !hits.some((h) => h.cls === 'staff' && h.start > i && h.start <= i + 3)) return true
  }
  return false
}

/**
 * "Which film is shown is decided by a show of hands among the members", "residents vote on the menu": the people
 * decide together, and no staff word is in the sentence to overrule them.
 */
export function peopleVote(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number}[]): boolean {
  // "Members have no vote", "are not allowed to vote", "one vote a year … and the rest is decided for them": no say.
  if (tokens.some((t) => isNegator(t.norm) || t.norm === 'no' || t.norm === 'rest')) return false
  const at = tokens.findIndex((t, i) => /^(vote|votes|voted|voting|ballot|ballots|referendum)$/.test(t.norm) || (t.norm === 'show' && tokens[i + 1]?.norm === 'of' && tokens[i + 2]?.norm === 'hands'))
  if (at < 0 || hits.some((h) => h.cls === 'staff' || h.cls === 'meeting')) return false
  // The people vote: their word before the vote ("Residents vote…"), or the vote is theirs ("a show of hands among the members").
  return hits.some((h) => h.cls === 'people' && (h.start < at || (h.start > at && h.start <= at + 7 && tokens.slice(at, h.start).some((t) => /^(among|amongst|of|by)$/.test(t.norm)))))
}

const TOLD = /^(told|informed|notified|updated)$/
const TOLD_AUX = /^(will|would|can|may|must|should|is|are|was|were|be|been|being|also|always|only|then|get|gets|got)$/
const OWN_SAY = /^(you|they|he|she|i|employee|employees)$/

/** The auxiliaries after `end` lead to a word of telling ("will be told"): its index, or -1. */
function toldAt(tokens: readonly {norm: string}[], end: number): number {
  let k = end
  while (k < tokens.length && TOLD_AUX.test(tokens[k].norm)) k++
  return k > end && TOLD.test(tokens[k]?.norm ?? '') ? k : -1
}

/**
 * "The line manager will be told the date of the phased return", "The GP is informed of the discharge": the sentence opens
 * with staff told, not the person. Not when it decides, controls, allows, meets or judges readiness ("Staff are told which
 * residents are allowed out": only a decision word right after the person's own word is theirs, "unless the employee
 * agrees"), when a person is told too, when a by-phrase names staff telling, or when what staff are told is about a person
 * ("told about every phone call a resident makes").
 */
export function staffAreTold(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  const ownSay = (h: {cls: string; start: number}) => h.cls === 'decide' && (hits.some((p) => p.cls === 'people' && p.end === h.start) || OWN_SAY.test(tokens[h.start - 1]?.norm ?? ''))
  // What staff are told about a thing ("…informed that the video platform will change in April") decides nothing of anyone's.
  const told = tokens.findIndex((t) => TOLD.test(t.norm))
  const news = (h: {start: number}) => told >= 0 && tokens[told + 1]?.norm === 'that' && h.start > told + 1 && /^(will|would|is|are|has|have)$/.test(tokens[h.start - 1]?.norm ?? '')
  if (hits.some((h) => /^(decide|control|allow|final-say|meeting|readiness)$/.test(h.cls) && !ownSay(h) && !TOLD.test(tokens[h.start].norm) && !news(h))) return false
  if (hits.some((h) => (h.cls === 'people' || h.cls === 'relatives') && toldAt(tokens, h.end) >= 0) || tokens.some((t, i) => /^(you|they|he|she|i|we)$/.test(t.norm) && toldAt(tokens, i + 1) >= 0)) return false
  const byStaff = tokens.some((t, i) => t.norm === 'by' && hits.some((p) => p.cls === 'staff' && p.start > i && p.start <= i + 3))
  const staff = hits.find((h) => h.cls === 'staff' && h.start <= 2 && toldAt(tokens, h.end) >= 0 && !hits.some((p) => p.cls === 'peer' && p.start < h.end && h.start < p.end))
  return staff !== undefined && !byStaff && !hits.some((p) => (p.cls === 'people' || p.cls === 'relatives') && p.start > toldAt(tokens, staff.end))
}

const OWNERS = /^(his|her|their|your|my)$/
const DECIDED = /^(decide|decides|decided|deciding|judge|judges|judged|deem|deems|deemed|determine|determines|determined)$/
/**
 * "The letter was copied to Mr Ruiz at his request", "…, as she asked": what is done at the person's own request is
 * theirs to ask for, not staff deciding for them.
 */
export function atPersonsRequest(tokens: readonly {norm: string}[]): boolean {
  // "At her request, the consultant decided when Tom was ready": a request does not make a staff decision the person's.
  if (tokens.some((t) => DECIDED.test(t.norm))) return false
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = tokens[i].norm
    if (n === 'at' && OWNERS.test(tokens[i + 1].norm) && (tokens[i + 2]?.norm === 'request' || (tokens[i + 2]?.norm === 'own' && tokens[i + 3]?.norm === 'request'))) return true
    if (n === 'as' && /^(he|she|they|you|i)$/.test(tokens[i + 1].norm) && /^(asked|requested|wished|wanted|chose)$/.test(tokens[i + 2]?.norm ?? '')) return true
  }
  return false
}

/** Things an organisation complies with: "compliant with the Accessible Information Standard", "in line with GDPR". */
const REGULATION = /^(standard|standards|regulation|regulations|law|laws|act|acts|guidance|requirements?|legislation|code|codes|framework|gdpr|hipaa)$/
/**
 * "Our tribunal letters are compliant with the Accessible Information Standard": compliance with a rule an organisation
 * must keep, not a person's compliance with treatment. A compliance word, "with", and the rule's noun within four words.
 */
export function regulatoryCompliance(tokens: readonly {norm: string; raw: string}[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^(compliant|compliance|comply|complies|complying|complied|non-compliant|noncompliant|non-compliance)$/.test(tokens[i].norm) || tokens[i + 1].norm !== 'with') continue
    // A named rule ("the Accessible Information Standard", "the Equality Act"), not "the house standards" a tenant keeps.
    if (tokens.slice(i + 2, i + 7).some((t) => REGULATION.test(t.norm) && (/^\p{Lu}/u.test(t.raw) || /^(gdpr|hipaa|law|laws|legislation|regulations?)$/.test(t.norm)))) return true
  }
  return false
}

const COPULA = /^(is|are|was|were)$/
/** Words of the `fragile` class that are said of things as often as of people. */
const OF_THINGS = /^(broken|damaged|defective|unreliable|useless|fragile|delicate)$/
/** Nouns of a person's life, mind or home: "her home is broken", "his thinking is damaged" still say it of the person. */
const PERSONAL_NOUN = /^(confidence|esteem|self-esteem|trust|nerves|health|progress|account|accounts|word|memory|judgement|judgment|story|version|life|lives|home|homes|household|households|family|families|head|heads|heart|hearts|mind|minds|thinking|brain|brains|spirit|soul|self|relationship|relationships|marriage|childhood|body|bodies|days|world|goods)$/
/**
 * "the socket in her room is broken", "The wifi in the hostel lounge is unreliable": every word of the `fragile` class in
 * the sentence is one said of things as often as of people, and is said of a thing: the noun right before its copula, which
 * agrees with it in number (not "the people you meet at the café are damaged"), names no person, no part of a person's life
 * and no name.
 */
export function fragileThing(tokens: readonly {norm: string; raw: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  const fragile = hits.filter((h) => h.cls === 'fragile')
  if (fragile.length === 0) return false
  const personAt = (i: number) => hits.some((h) => (h.cls === 'people' || h.cls === 'relatives' || h.cls === 'staff' || h.cls === 'peer' || h.cls === 'life') && h.start <= i && i < h.end)
  return fragile.every((h) => {
    const be = h.start - 1
    const noun = be - 1
    if (noun < 0 || h.end - h.start !== 1 || !OF_THINGS.test(tokens[h.start].norm) || !COPULA.test(tokens[be].norm)) return false
    const w = tokens[noun]
    const plural = /^(are|were)$/.test(tokens[be].norm)
    if (plural !== (/[^s]s$/.test(w.norm))) return false
    return w.norm !== 'we' && !PERSONAL_WORDS.test(w.norm) && !PERSONAL_NOUN.test(w.norm) && !personAt(noun) && !/^\p{Lu}/u.test(w.raw) && !isFunctionWord(w.norm)
  })
}

const CHANCE = /^(random|randomly|randomisation|randomization|lottery|minimisation|minimization)$/
const ALLOCATING = /^(allocated|allocate|allocates|allocation|assigned|assign|assigns|assignment)$/
/**
 * "Participants will be allocated to peer support or usual care by a computer-generated sequence": chance, not staff,
 * decides who goes where. Not "random room checks" or "participants randomised" to a treatment: only an allocation by chance.
 */
export function chanceAllocates(tokens: readonly {norm: string}[]): boolean {
  return tokens.some((t) => ALLOCATING.test(t.norm)) && tokens.some((t, i) => CHANCE.test(t.norm) || (t.norm === 'generated' && tokens[i - 1]?.norm === 'computer'))
}

/**
 * "Approval of overtime for the night shifts rests with the service manager", "annual leave requests from the peer
 * team are signed off by the lead": the running of the team (rules/classes.yml `staff-admin`) with no person in the
 * sentence and nothing of theirs. Staff approving things reads to the model like staff approving a person's plan.
 */
export function staffAdminMatter(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  // A line manager (in the class for "approved by your line manager") is a person's manager, not a matter of running the team.
  if (!hits.some((h) => h.cls === 'staff-admin' && tokens[h.start]?.norm !== 'line')) return false
  // Words inside a team's or a matter's own name ("home treatment team", "annual leave") name no one's plan.
  const named = hits.filter((h) => h.cls === 'staff' || h.cls === 'staff-admin' || h.cls === 'peer')
  const inside = (h: {start: number; end: number}) => named.some((n) => n.start <= h.start && h.end <= n.end)
  if (hits.some((h) => PERSONAL_CLASSES.has(h.cls) && h.cls !== 'peer' && !inside(h))) return false
  // "the service manager, who signs off requests": a who right after a staff member is theirs.
  return !tokens.some((t, i) => PERSONAL_WORDS.test(t.norm) && !(/^(who|whom)$/.test(t.norm) && named.some((n) => n.cls === 'staff' && n.end === i && !hits.some((p) => p.cls === 'people' && p.start === n.start))))
}

/**
 * "Our peer workers are there to help you work out what you want to aim for": helping someone find what they themselves
 * want leaves the aim with them, whoever helps.
 */
export function helpsOwnChoice(tokens: readonly {norm: string}[]): boolean {
  return HELPS_OWN.test(tokens.map((t) => t.norm).join(' '))
}
const HELPS_OWN = /\bhelps? (?:you|them|him|her|people|each person|the person|members|residents) (?:to )?(?:work out|figure out|decide|choose|find|think about|think through|explore) (?:what|which|where|how) (?:you|they|he|she) (?:want|wants|would like|'d like|care about|value)\b/

/**
 * "The abuser chose the house, the car and the children's school", "Her ex-partner controlled every penny": control
 * by someone who harms the person (rules/classes.yml `abuser`) is the harm a service names, not staff over the person.
 */
export function abuserControls(hits: readonly {cls: string}[]): boolean {
  return hits.some((h) => h.cls === 'abuser') && !hits.some((h) => h.cls === 'staff' || h.cls === 'peer' || h.cls === 'meeting')
}

/** Verbs a writer tells their own past with ("I waited…", "I was…", "I spent…"). */
const NARRATING = /^(was|had|spent|used|started|went|felt|got|came|found|thought|learned|learnt|didn't|never|lost|moved|left|stopped|waited|(?![a-z]*(?:ceed|need|feed|seed|speed|bleed|breed)$)[a-z]{3,}ed)$/
/** Classes whose verb in the writer's mouth is a decision about someone ("I decided his goals", "I allowed…"). */
const WRITERS_DECISIONS = new Set(['decide', 'allow', 'inform', 'final-say'])

/**
 * "I waited fourteen months for CBT and spent most of it scared": the writer's own past, told from the first word. The
 * second opinion reads its treatment and waiting words as a service's framing; only role-model framing is
 * made this way ("I got well by running, and anyone who does the same will…"), which the caller keeps.
 */
export function writerNarrates(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number}[]): boolean {
  return tokens[0]?.norm === 'i' && NARRATING.test(tokens[1]?.norm ?? '') && !hits.some((h) => h.start === 1 && WRITERS_DECISIONS.has(h.cls))
}

/**
 * "Staff are allowed to take a day in lieu if the training falls on a Saturday": a permission given to workers, with no
 * person served in the sentence, is the running of a team. The second opinion reads "allowed" as the service permitting.
 */
export function staffPermitted(tokens: readonly {norm: string}[], hits: readonly {cls: string; start: number; end: number}[]): boolean {
  const staff = hits.find((h) => (h.cls === 'staff' || h.cls === 'peer') && h.start <= 1)
  if (!staff || hits.some((h) => h.cls === 'people' || h.cls === 'relatives')) return false
  return /^(is|are|was|were)$/.test(tokens[staff.end]?.norm ?? '') && /^(allowed|permitted|entitled)$/.test(tokens[staff.end + 1]?.norm ?? '') && tokens[staff.end + 2]?.norm === 'to'
}
