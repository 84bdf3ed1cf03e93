/**
 * What the person reading is owed or may do: frames that would make a duty or a decision of it do not apply
 * ("You can tell staff you wish to stay", "you have the right to be fully informed").
 */
import type {Clause, Np, SentenceReader} from './clause.js'
import {CHOOSING, ENTITLEMENT_NOUNS, isNegator, MODALS, WH} from './grammar.js'
import {perSentence} from './per-sentence.js'

/** "if you can't make decisions for yourself", "when I can't get out of bed": the reader's or writer's own possible day, no verdict on anyone. */
export function readersOwnCase(agents: Np[], reader: SentenceReader): boolean {
  const own = agents.length > 0 && agents.every((np) => np.head !== undefined && /^(you|i)$/.test(reader.norm(np.head)))
  return own && /^(if|when|whenever|unless|case)$/.test(reader.norm(agents[0].start - 1))
}

/** "You can tell staff you wish to stay": the reader's right to do what a peer frame would make a peer's duty. */
export function readersRight(clause: Clause, agents: Np[], reader: SentenceReader): boolean {
  const you = agents.length > 0 && agents.every((np) => np.head !== undefined && reader.norm(np.head) === 'you')
  return you && reader.tokens.slice(clause.groupStart, clause.verbStart).some((t) => /^(can|may|could|might)$/.test(t.norm))
}

/** "You have the right to be fully informed", "are entitled to be consulted": a passive the person is owed, not one done to them. */
export function owedPassive(clause: Clause, reader: SentenceReader): boolean {
  if (!clause.passive) return false
  for (let k = clause.verbStart - 1; k >= Math.max(1, clause.verbStart - 4); k--) {
    if (reader.norm(k) !== 'to') continue
    // A right, not a chance or a power someone else may use ("has the opportunity to be assigned goals by their key worker").
    if (!(OWED.has(reader.norm(k - 1)) || reader.norm(k - 1) === 'entitled')) return false
    // Held by the person: "You have the right…", "Every resident is entitled…".
    for (let h = k - 2; h >= Math.max(0, k - 6); h--) if (/^(you|i|we)$/.test(reader.norm(h)) || reader.isPerson(h)) return true
    return false
  }
  return false
}
/** What is owed to the person: a right or a choice, not a chance, an ability or a power. */
const OWED = new Set([...ENTITLEMENT_NOUNS].filter((w) => !/^(chance|opportunity|opportunities|ability|power|capacity)$/.test(w)))

/** Where the clause starts, with its subject: the word before it may open it ("whether", "what"). */
const subjectStart = (clause: Clause) => Math.min(clause.groupStart, ...clause.left.map((np) => np.start))

/**
 * "The person decides whether family members are told", "it is up to you when the plan is reviewed": a clause under the
 * person's own verb of choosing is theirs to decide, whatever it says staff do. Not "Staff decide whether…", nor "you
 * cannot choose when…" (a negation keeps the say with staff).
 */
export function underPersonsChoice(clause: Clause, reader: SentenceReader): boolean {
  let k = subjectStart(clause) - 1
  if (!WH.has(reader.norm(k))) return false
  k--
  const person = (i: number) => /^(you|i)$/.test(reader.norm(i)) || reader.isPerson(i)
  // "it is up to you whether", "up to each resident what".
  if (person(k) && reader.norm(k - 1) === 'to' && reader.norm(k - 2) === 'up') return !/^(not|n't)$/.test(reader.norm(k - 3))
  if (!CHOOSING.has(reader.norm(k)) && !/^(say|says)$/.test(reader.norm(k))) return false
  // "The person decides", "you can choose", "residents themselves decide": the subject close before the verb, no negation.
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
    const n = reader.norm(j)
    if (isNegator(n)) return false
    if (person(j)) return true
    if (!MODALS.has(n) && !/^(also|alone|still|always|themselves|yourself|herself|himself|get|gets|to|then|will|each)$/.test(n)) return false
  }
  return false
}

/**
 * "You can ask the peer worker to pass your name to the nurse", "residents may ask staff to check…": what the worker does
 * is the person's own request. Not "staff ask the peer worker to…" (a worker asking), nor "you cannot ask…".
 */
export function personsRequest(clause: Clause, reader: SentenceReader): boolean {
  let k = subjectStart(clause) - 1
  if (k > 0 && /^(the|your|a|an|our|any)$/.test(reader.norm(k))) k--
  if (!/^(ask|asks|asked)$/.test(reader.norm(k))) return false
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
    const n = reader.norm(j)
    // "he must ask the team leader, who has the last word": an obligation to ask, not a request of the person's own.
    if (isNegator(n) || /^(must|should|shall)$/.test(n)) return false
    if (/^(you|i|we|they|he|she)$/.test(n) || reader.isPerson(j)) return n !== 'we' && n !== 'they' || j === 0
    if (!MODALS.has(n) && !/^(also|always|just|still|then|to|want|wants|like)$/.test(n)) return false
  }
  return false
}

const SAYING = /^(say|decide|choose|define|judge|determine|settle)$/
const THEIRS = /^(decision|decisions|choice|choices|call|say)$/

/**
 * "Whether recovery means stopping or cutting down is for each person to say", "What counts as recovery is up to each
 * resident", "How the goals are set is their own decision": a wh-clause whose verb group is followed by a copula that
 * hands it to the person. Not "is not up to you".
 */
export function personSaysAfter(clause: Clause, reader: SentenceReader): boolean {
  if (!WH.has(reader.norm(subjectStart(clause) - 1))) return false
  const person = (i: number) => /^(you|them|him|her|me)$/.test(reader.norm(i)) || reader.isPerson(i)
  const skip = (i: number) => (/^(each|every|the|any)$/.test(reader.norm(i)) ? i + 1 : i)
  for (let i = clause.verbEnd; i < reader.tokens.length - 2 && i < clause.verbEnd + 24; i++) {
    if (!/^(is|are|was|remains|rests)$/.test(reader.norm(i))) continue
    const k = i + 1
    if (reader.norm(k) === 'up' && reader.norm(k + 1) === 'to') return person(skip(k + 2))
    if (reader.norm(k) === 'for' || reader.norm(k) === 'with') return person(skip(k + 1)) && (reader.norm(k) === 'with' || (reader.norm(skip(k + 1) + 1) === 'to' && SAYING.test(reader.norm(skip(k + 1) + 2))))
    const owner = skip(k)
    const noun = reader.norm(owner + 1) === 'own' ? owner + 2 : owner + 1
    return (person(owner) || /^(their|your|his|her|my)$/.test(reader.norm(owner))) && THEIRS.test(reader.norm(noun))
  }
  return false
}

const CONSENT = /^(permission|consent|agreement|say-so|ok|okay|go-ahead)$/
const CONSENTING = /^(agree|want|wish|choose|prefer|consent)$/

/**
 * "With your permission, we will involve your family in planning", "if you agree, we will share the plan with your GP",
 * "at the person's request": the person's consent governs what staff do, so it is no decision made for them. Not
 * "without your consent", "with the consultant's permission", "if you do not agree".
 */
export function withPersonsConsent(clause: Clause, reader: SentenceReader): boolean {
  // The consent governs the frame's own clause: within 30 words, no ", and", ", but" or ";" between it and the frame's verb.
  const governs = (c: number) => c < clause.end && (c >= clause.verbStart || (clause.verbStart - c <= 30 && !reader.tokens.slice(c + 1, clause.verbStart).some((t, k) => (/^(and|but|or)$/.test(t.norm) && reader.gap(c + 1 + k).includes(',')) || /[;:]/.test(reader.gap(c + 1 + k)))))
  return consentsIn(reader).some(([c, asked]) => (asked ? c < clause.verbStart && clause.verbStart - c <= 30 : governs(c)))
}

/** Where a sentence gives the person's consent or request, read once per sentence: [index, is a request]. */
const consentsIn = perSentence((reader): Array<[number, boolean]> => {
  const found: Array<[number, boolean]> = []
  const holder = (i: number) => /^(your|their|his|her|my)$/.test(reader.norm(i)) || (/[’']s$/.test(reader.tokens[i]?.raw ?? '') && reader.isPerson(i))
  for (let i = 1; i < reader.tokens.length; i++) {
    const w = reader.norm(i)
    if ((CONSENT.test(w) && holder(i - 1) && /^(with|given)$/.test(reader.norm(i - 2))) || (w === 'request' && holder(i - 1) && /^(at|on)$/.test(reader.norm(i - 2)))) found.push([i, false])
    else if (w === 'you' && /^(if|once)$/.test(reader.norm(i - 1)) && (CONSENTING.test(reader.norm(i + 1)) || (reader.norm(i + 1) === 'would' && reader.norm(i + 2) === 'like'))) found.push([i, false])
    // "Tom asked for his mother to be told", "she has asked that her sister is kept informed": what the person asked for.
    else if (/^(asked|asks|requested|requests)$/.test(w) && (reader.norm(i + 1) === 'that' || (reader.norm(i + 1) === 'for' && reader.tokens.slice(i + 2, i + 8).some((t) => t.norm === 'to'))) && (reader.isPerson(i - 1) || /^(you|he|she|they|i)$/.test(reader.norm(i - 1)) || (reader.norm(i - 1) === 'has' && (reader.isPerson(i - 2) || /^(he|she)$/.test(reader.norm(i - 2)))))) found.push([i, true])
  }
  return found
})

/**
 * "If a staff member wants to swap a shift, the coordinator has the final say": a decision on a worker's own request,
 * named in an opening condition, is workplace business, not the person's life decided for them.
 */
export function workersOwnRequest(clause: Clause, reader: SentenceReader): boolean {
  if (!/^(if|when|whenever|where|should)$/.test(reader.norm(0))) return false
  const main = subjectStart(clause)
  // The condition's subject runs up to its verb of wanting (read by word: "wants" would head a noun phrase of its own).
  let k = 1
  while (k < main && k <= 6 && !WANTING.test(reader.norm(k))) k++
  let end = k
  while (end > 1 && MODALS.has(reader.norm(end - 1))) end--
  if (k >= main || k > 6 || end <= 1) return false
  const classes = reader.classesOf({start: 1, end, head: end - 1, negative: false}, true)
  if (!classes.has('staff') && !classes.has('peer')) return false
  // Not "If your key worker would like to change your goals", nor "…, the consultant decides which patient is discharged" or
  // "…the treatment plan": what is asked for or decided is someone's, or theirs.
  for (let i = k + 1; i < reader.tokens.length; i++) if (/^(your|their|his|her|them|him|you|who|which|where|whether|whose)$/.test(reader.norm(i)) || reader.isPerson(i)) return false
  return !reader.hits.some((h) => h.start > k && /^(plan|plan-generic|treatment|assigned|goal)$/.test(h.cls))
}
const WANTING = /^(want|wants|wanted|ask|asks|asked|need|needs|request|requests|requested|apply|applies|like)$/
