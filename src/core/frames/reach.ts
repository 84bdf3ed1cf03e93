/**
 * Reading back from a verb to its subject when the words right before it are not
 * the subject: a phrase after the subject's noun ("the decision to discharge rests
 * with…"), a reduced relative clause ("the women we house are…"), the clause's first
 * noun phrase for an infinitive or a coordinated verb.
 */
import {BE, CONJUNCTIONS, DETERMINERS, POSSESSIVES, isAdverb, isContrastPair, isFunctionWord, isNegator, isVerbGroupWord, PREPOSITIONS, PRONOUNS, QUANTITIES, ROLE_NOUNS, SUBORDINATORS, WH} from './grammar.js'
import {single, type Np} from './phrases.js'
import type {Token} from '../match/tokens.js'
import {UPPER_START} from '../match/letters.js'
import {npEnd} from './np-end.js'
import {requestToDo} from './to-modified.js'
export {contrastAfter} from './set-against.js'
export {npEnd}

/** What these functions need of the clause reader (clause.ts). */
export interface SentenceReader {
  readonly tokens: Token[]
  norm(i: number): string
  isNoun(i: number): boolean
  isPerson(i: number, anyRole?: boolean): boolean
  isHeadable(i: number): boolean
  possessive(i: number): boolean
  leftNp(j: number, floor: number, depth?: number, compound?: boolean): Np[]
  rightNp(k: number, ceiling: number, depth?: number): Np[]
  gap(i: number): string
  clauseStart(i: number): number
}

/** The clause's first noun phrase; for "the peer's job is to…", the one whose job it is. */
export function firstSubject(reader: SentenceReader, start: number, limit: number): Np[] {
  // "If you decline, or you opt out later, your case goes back … and is handled": a fronted subordinate
  // clause, with any clause joined to it after a comma, holds no subject.
  if (SUBORDINATORS.has(reader.norm(start)) || (/^(or|and)$/.test(reader.norm(start)) && SUBORDINATORS.has(reader.norm(0)))) {
    for (let k = start + 2; k < limit; k++) {
      if (!reader.gap(k).includes(',')) continue
      start = k
      if (!/^(or|and|but)$/.test(reader.norm(k)) && !SUBORDINATORS.has(reader.norm(k))) break
    }
  }
  for (let i = start; i < limit; i++) {
    if (!(reader.isNoun(i) || PRONOUNS.has(reader.norm(i)))) continue
    const nps = reader.leftNp(npEnd(reader, i, limit), start)
    const head = nps[0]?.head
    if (head !== undefined && ROLE_NOUNS.has(reader.norm(npEnd(reader, i, limit))) && nps[0].possessor !== undefined) return [single(nps[0].possessor)]
    if (reader.possessive(i) && i + 1 < limit && ROLE_NOUNS.has(reader.norm(i + 1))) return [single(i)]
    return nps
  }
  return []
}
/**
 * "the decision to discharge rests with…", "responsibility for the plan lies with…", "the young people
 * we see are…": a phrase after the subject's noun is not the subject; read back to that noun.
 */
export function extendLeft(reader: SentenceReader, direct: Np[], start: number): Np[] {
  for (let hops = 0; hops < 3 && direct.length > 0; hops++) {
    let first = Math.min(...direct.map((np) => np.start))
    const last = Math.max(...direct.map((np) => np.end))
    // "the decision on whether Ana returns home": a clause after the preposition.
    // Not "make up for what the person cannot do", "a picture of where each person should be heading": there the
    // person is the subject of the verb inside.
    const ownSubject = WH.has(reader.norm(first - 1)) && direct[0].head !== undefined && (PRONOUNS.has(reader.norm(direct[0].head)) || reader.isPerson(direct[0].head))
    // Not "Residents move on when the team judges": a word after a subject is a verb and its particle, and the clause after it the verb's own.
    const particle = first >= 4 && (reader.isNoun(first - 4) || PRONOUNS.has(reader.norm(first - 4))) && !reader.norm(first - 3).endsWith('s') && reader.tokens[first - 3].join === 'space'
    if (first >= 3 && WH.has(reader.norm(first - 1)) && PREPOSITIONS.has(reader.norm(first - 2)) && !ownSubject && !particle) first--
    // "the young people we see are…", "people attending the day centre are…", "residents referred to us": a reduced
    // relative clause after the noun (not across a comma: "When she is worried, the nurse sets…" starts a new clause).
    // Read as one phrase ("young people leaving care"): the participle after a noun starts the relative.
    const inner = direct[0].head === undefined ? -1 : participleAfterNoun(reader, first, direct[0].head)
    if (inner > 0) {
      direct = reader.leftNp(inner - 1, start).map((np, i) => (i === 0 ? {...np, end: Math.max(np.end, last)} : np))
      continue
    }
    const reduced = first >= 2 ? reader.norm(first - 1) : ''
    if ((/^(we|they|you|i|staff)$/.test(reduced) || participleLike(reduced)) && reader.isNoun(first - 2) && !PRONOUNS.has(reader.norm(first - 2)) && reader.tokens[first - 1].join === 'space' && !reader.gap(first).includes(',')) {
      // "those arriving at the house": "those" heads no phrase of its own but stands for the people.
      const outer = reader.isHeadable(first - 2) ? reader.leftNp(first - 2, start) : [single(first - 2)]
      direct = outer.map((np, i) => (i === 0 ? {...np, end: Math.max(np.end, last)} : np))
      continue
    }
    // "Responsibility for setting the aims … lies with": a gerund after the preposition opens the phrase.
    if (first >= 3 && /^[a-z]{3,}ing$/.test(reader.norm(first - 1)) && PREPOSITIONS.has(reader.norm(first - 2)) && reader.tokens[first - 1].join === 'space') first--
    let prep = reader.norm(first - 1)
    // "Decisions about when someone leaves the programme rest…": skip back over the embedded clause.
    if (!(prep === 'to' || PREPOSITIONS.has(prep)) && !ownSubject) {
      // Not "Residents move on when the team judges…": a wh-word right before the phrase opens the verb's own clause.
      for (let k = first - 2; k >= Math.max(start + 1, first - 7); k--) {
        if (WH.has(reader.norm(k)) && PREPOSITIONS.has(reader.norm(k - 1)) && reader.isNoun(k - 2)) {
          first = k
          prep = reader.norm(k - 1)
          break
        }
      }
    }
    // A by-phrase only as a reduced relative's agent: "People sent by mental health teams usually can't…".
    if (first < 2 || !(prep === 'to' || (PREPOSITIONS.has(prep) && (prep !== 'by' || (first >= 3 && participleLike(reader.norm(first - 2), true) && reader.isNoun(first - 3))))) || reader.tokens[first - 1].join === 'break') break
    // "people referred from these areas lack…", "Students coming back from leave have…": a reduced relative after the noun.
    let noun = first - 2
    noun -= noun >= 1 && participleLike(reader.norm(noun), true) && (reader.norm(noun).endsWith('ed') || !reader.isNoun(noun)) && reader.isNoun(noun - 1) && reader.tokens[noun].join === 'space' ? 1 : noun >= 2 && /^(back|out|on|home|away|up|down|off)$/.test(reader.norm(noun)) && /ing$/.test(reader.norm(noun - 1)) && reader.isNoun(noun - 2) && reader.tokens[noun].join === 'space' ? 2 : 0
    // "The peer worker's role in the house is to…": a role noun heads the phrase too (roleOwners reads its owner); so does a name after "the" ("leaving the Army to…").
    const name = noun >= 1 && reader.norm(noun - 1) === 'the' && UPPER_START.test(reader.tokens[noun].raw)
    if (!(reader.isNoun(noun) || ROLE_NOUNS.has(reader.norm(noun)) || name) || PRONOUNS.has(reader.norm(noun))) break
    // The phrase keeps its words ("level of recovery"); its head is the noun before the preposition.
    // A quantifier ("many of the people") heads no phrase: the people stay the subject.
    const outer = reader.isHeadable(noun) || reader.norm(noun) !== 'those' ? reader.leftNp(noun, start, 0, true) : [single(noun)]
    if (outer.length === 0) break
    // "a small number of service users", "the majority of residents": the people are the head.
    if (QUANTITIES.has(reader.norm(noun)) && reader.norm(noun + 1) === 'of') {
      direct = direct.map((np, i) => (i === 0 ? {...np, start: outer[0].start} : np))
      break
    }
    direct = outer.map((np, i) => (i === 0 ? {...np, end: Math.max(np.end, last)} : np))
  }
  return direct
}
/**
 * "the young people we work with have…", "the people we are working alongside are…": a relative clause that
 * ends in its preposition stands between the subject and the verb.
 */
export function strandedRelative(reader: SentenceReader, j: number, start: number): Np[] | undefined {
  if (!PREPOSITIONS.has(reader.norm(j)) && reader.norm(j) !== 'alongside') return undefined
  for (let k = j - 2; k >= start + 1 && j - k <= 4; k--) {
    if (reader.tokens[k + 1].join === 'break') return undefined
    if (!/^(we|they|you|i)$/.test(reader.norm(k))) continue
    if (!reader.isNoun(k - 1) || PRONOUNS.has(reader.norm(k - 1)) || reader.tokens[k].join === 'break') return undefined
    return reader.leftNp(k - 1, start)
  }
  return undefined
}
/** "with patients informed of the outcome": a participle right after a noun phrase that follows "with". */
export function absolute(reader: SentenceReader, g: number, start: number): boolean {
  const np = reader.leftNp(g - 1, start)[0]
  return np !== undefined && np.start > start && reader.norm(np.start - 1) === 'with' && reader.tokens[g].join !== 'break'
}
/** "-ing" and "-ed" words, but not "everything", "nothing"; with `irregular`, "sent", "given", "taken"… too. */
const participleLike = (norm: string, irregular = false) => (/(ing|ed)$/.test(norm) && !norm.endsWith('thing')) || (irregular && /^(sent|given|taken|chosen|seen|known|held|kept|told|brought|made|put|set|left|sought|caught|thought)$/.test(norm))
/** Where, inside a phrase read as one, a participle follows a known noun: "people [leaving care]". */
function participleAfterNoun(reader: SentenceReader, first: number, head: number): number {
  for (let k = first + 1; k < head; k++) {
    // Not "her eating disorder" (after a possessive), nor "care-experienced mentors" (hyphened): the participle is a modifier.
    if (participleLike(reader.norm(k)) && reader.tokens[k].join !== 'hyphen' && !reader.isNoun(k) && reader.isNoun(k - 1) && !/^(her|his|their|my|your|our|its)$/.test(reader.norm(k - 1))) return k
  }
  return -1
}
/** "…and then shared with", "but", "and the person is told": a second clause joined to this one. */
export function coordinatedClauseAt(reader: SentenceReader, o: number): boolean {
  const n = reader.norm(o)
  if (n === 'but' || n === 'yet') return true
  // "writes the plan after the assessment, then reads it through with the person": a second clause, the same subject.
  if (n === 'then' && reader.tokens[o].join === 'break' && o + 1 < reader.tokens.length && !isFunctionWord(reader.norm(o + 1))) return true
  if (n !== 'and' && n !== 'or') return false
  const next = reader.norm(o + 1)
  if (next === 'then' || isVerbGroupWord(next) || next.endsWith('ed') || next.endsWith('ing')) return true
  // "and the person is notified": a noun phrase followed by a verb group.
  const np = reader.rightNp(o + 1, reader.tokens.length)
  const after = np.length > 0 ? reader.norm(Math.max(...np.map((m) => m.end))) : ''
  return after !== '' && isVerbGroupWord(after) && !isAdverb(after) && after !== 'to'
}
/** The nearest noun phrase to the left whose head is a known noun or a pronoun (within the clause). */
export function nearestLeft(reader: SentenceReader, j: number, start: number): Np[] {
  for (let i = j; i >= start && j - i < 10; i--) {
    const n = reader.norm(i)
    if (reader.isNoun(i) || (PRONOUNS.has(n) && n !== 'it')) return reader.leftNp(i, start)
  }
  return []
}

/** "not the team", "and not the team", "rather than the team": an aside at k (after a comma) that sets another party aside. */
function contrastAside(reader: SentenceReader, k: number): boolean {
  const a = reader.norm(k)
  const b = reader.norm(k + 1)
  return a === 'not' || ((a === 'and' || a === 'but') && b === 'not') || isContrastPair(a, b)
}

/**
 * "…makes clear that the person, not the team, chooses": before a negated aside at k, the phrase is the verb's subject
 * (", and not the team," opened a clause of its own at "and": the subject's clause starts before it).
 */
export function contrastedSubject(reader: SentenceReader, k: number, start: number): Np[] | undefined {
  if (reader.gap(k).trim() !== ',' || k <= 0 || !contrastAside(reader, k) || !reader.isHeadable(k - 1)) return undefined
  const before = reader.leftNp(k - 1, Math.min(start, reader.clauseStart(k - 1)))
  return before.length > 0 ? before : undefined
}

/**
 * Where a list of noun phrases goes on before the phrase starting at i: before it, or, across an
 * of-phrase, before the noun the of-phrase hangs from ("bedtimes and use of the lounge are decided…").
 */
export function listBeforeOf(reader: SentenceReader, i: number, floor: number): number {
  const of = i - 1
  if (of - 1 < floor || reader.norm(of) !== 'of' || reader.tokens[i].join === 'break' || !reader.isHeadable(of - 1)) return of
  const x = reader.leftNp(of - 1, floor, 4)[0]
  return x && x.start - 1 >= floor && (CONJUNCTIONS.has(reader.norm(x.start - 1)) || reader.gap(x.start).trim() === ',') ? x.start - 1 : of
}

/** "The peer worker's role is to monitor…": a role's owner does what the role does ("the peer worker"). */
export function roleOwners(reader: SentenceReader, nps: Np[]): Np[] {
  return nps.map((np) => {
    if (np.head === undefined || !ROLE_NOUNS.has(reader.norm(np.head))) return np
    // "the peer role", "the peer worker role": a role named for its holder is theirs.
    if (np.possessor === undefined) return np.head > np.start && reader.isPerson(np.head - 1, true) ? {...np, end: np.head, head: np.head - 1} : np
    return reader.leftNp(np.possessor, np.start)[0] ?? np
  })
}

/** "the risks [that] the patient poses": the noun phrase an object relative clause is said of. */
export function antecedent(reader: SentenceReader, subject: Np[]): Np[] {
  const first = Math.min(...subject.map((np) => np.start))
  let j = first - 1
  if (j >= 0 && (reader.norm(j) === 'that' || reader.norm(j) === 'which')) j--
  else if (j >= 0 && !reader.possessive(j) && reader.isNoun(j) && reader.tokens[first].join === 'space') {
    // a reduced relative: "the risks the patient poses"
  } else return []
  if (j < 0 || !reader.isHeadable(j) || PRONOUNS.has(reader.norm(j))) return []
  const np = reader.leftNp(j, reader.clauseStart(j)).slice(0, 1)
  // "Peer specialists are people our guests look up to": the people are the peer specialists.
  if (np.length > 0 && np[0].start >= 2 && BE.has(reader.norm(np[0].start - 1))) return [...np, ...reader.leftNp(np[0].start - 2, 0).slice(0, 1)]
  return np
}

const capitalised = (reader: SentenceReader, i: number) => UPPER_START.test(reader.tokens[i].raw) && !isFunctionWord(reader.norm(i))
/** Whether tokens [from, to) are a bare name: one to three capitalised words in one run. */
function bareName(reader: SentenceReader, from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false
  for (let i = from; i < to; i++) if (!capitalised(reader, i) || (i > from && reader.tokens[i].join === 'break')) return false
  return true
}
/**
 * "Our peer worker, Ciarán, also lets…", "Ciarán, our peer worker, lets…": a name and a noun phrase
 * set side by side before the verb (at g, after a comma) are one person, and the noun phrase says who.
 */
export function appositiveSubject(reader: SentenceReader, g: number, start: number): Np[] | undefined {
  let k = g - 1
  while (k > start && reader.tokens[k].join !== 'break') k--
  if (k <= start || reader.gap(k).trim() !== ',') return undefined
  // Only a noun phrase headed by a person or role word says who ("Mrs Doherty, 74, suffers…" keeps its name).
  const says = (role: Np[]) => role.length > 0 && role.every((np) => np.head !== undefined && reader.isPerson(np.head, true))
  if (bareName(reader, k, g)) {
    const role = reader.leftNp(k - 1, start)
    return says(role) && role.every((np) => np.start === start || reader.norm(np.start - 1) === 'and') ? role : undefined
  }
  if (bareName(reader, start, k)) {
    const role = reader.leftNp(g - 1, k)
    return says(role) && Math.min(...role.map((np) => np.start)) === k ? role : undefined
  }
  return undefined
}

/**
 * "Staff do not set goals or sign off plans", "Peer workers do not count tablets, check screens or report…":
 * a verb coordinated with a negated one (after "and"/"or"/"nor", or after a comma in a list that goes on to
 * one of them) shares its negation. Not after a fronted condition ("If he does not attend, check…").
 */
export function sharesNegation(reader: SentenceReader, verb: number, start: number): boolean {
  // The item may open with a verb of trying: "do not give advice, diagnose, or try to fix anyone's problems".
  const g = reader.norm(verb) === 'to' && /^(try|tries|attempt|attempts|seek|seeks|want|wants)$/.test(reader.norm(verb - 1)) ? verb - 1 : verb
  const before = reader.norm(g - 1)
  let listed = before === 'or' || before === 'nor' || before === 'and'
  if (!listed && reader.tokens[g]?.join === 'break' && reader.gap(g).trim() === ',' && !SUBORDINATORS.has(reader.norm(start))) {
    // Over the list's other commas ("monitor medication, search rooms, carry out tests or pass on…").
    for (let i = g + 1; i < reader.tokens.length && i < g + 16 && (reader.tokens[i].join !== 'break' || reader.gap(i).trim() === ','); i++) {
      if (/^(or|nor|and)$/.test(reader.norm(i))) listed = true
    }
    // The list's last item after a comma of its own: "do not diagnose, assess, or advise" (for "assess").
    if (!listed && /^(or|nor)$/.test(reader.norm(g + 1))) listed = true
  }
  if (!listed) return false
  // After ", or" the clause starts at the item; the list's negation stands before it.
  for (let i = start < g - 1 ? start : Math.max(0, g - 16); i < g - 1; i++) if (isNegator(reader.norm(i))) return true
  return false
}
/**
 * Where a clause standing as an object ("decides when the lounge is repainted…") ends at its "and"/"or" (token i),
 * besides a class verb after it: a third-person verb with its own object ("and lets everyone know", "and tells them").
 */
export function whClauseEnds(reader: SentenceReader, i: number): boolean {
  // "which activities, outings and foods the person can have": the end of a list of nouns, not a verb.
  if (i >= 2 && reader.gap(i - 1).includes(',') && !reader.gap(i).includes(',')) return false
  return /^[a-z]{2,}[^s]s$/.test(reader.norm(i + 1)) && (PRONOUNS.has(reader.norm(i + 2)) || /^(the|a|an|staff)$/.test(reader.norm(i + 2)))
}

/**
 * A gerund phrase opening the clause is its subject ("Caring for someone through a crisis is a heavy burden"):
 * the -ing word heads it when it is a word of a class and an object or a preposition follows it (not "Training sessions are…").
 */
export function gerundPhrase(reader: SentenceReader, start: number, g: number): Np[] | undefined {
  // Only an -ing word of a class heads the phrase ("caring"); otherwise its object does ("talking to a peer worker is…").
  if (g - start < 3 || !/^[a-z]{3,}ing$/.test(reader.norm(start)) || !reader.isNoun(start) || reader.isNoun(start + 1)) return undefined
  const next = reader.norm(start + 1)
  if (!(PREPOSITIONS.has(next) || PRONOUNS.has(next) || /^(the|a|an|their|your|his|her|our|my|someone|somebody|people|others)$/.test(next))) return undefined
  for (let k = start + 1; k < g; k++) if (reader.tokens[k].join === 'break' && reader.gap(k).trim() !== '') return undefined
  return [{start, end: g, head: start, negative: false}]
}

/** The subject of a gerund after a preposition ("by teaching them…", "through sharing…"): the clause's. */
export function gerundSubject(reader: SentenceReader, j: number): Np[] {
  let from = reader.clauseStart(j)
  for (let k = from + 1; k < j; k++) {
    // "Because of their condition, many members are incapable of…": a fronted phrase holds no subject.
    if (reader.tokens[k].join === 'break' && reader.gap(k).trim() === ',' && (PREPOSITIONS.has(reader.norm(from)) || SUBORDINATORS.has(reader.norm(from)))) from = k
    // "The ward must ensure that patients are involved in writing…": the that-clause's own subject.
    if (reader.norm(k) === 'that' && k + 1 < j && (reader.isNoun(k + 1) || PRONOUNS.has(reader.norm(k + 1)) || /^(the|a|an|each|every|all|their|our|your|his|her)$/.test(reader.norm(k + 1)))) from = k + 1
  }
  for (let i = from; i < j; i++) if (reader.isNoun(i) || PRONOUNS.has(reader.norm(i))) return reader.leftNp(npEnd(reader, i, j), from).slice(0, 1)
  return []
}

/** "ask for it to be corrected", "arrange for the person to be discharged": the noun after "for" is the infinitive's subject. */
export function forSubject(reader: SentenceReader, j: number): Np[] | undefined {
  for (let k = j; k >= 1 && j - k < 5; k--) {
    if (reader.norm(k - 1) !== 'for') continue
    const np = reader.leftNp(j, k)
    return np.length > 0 && np[0].start === k ? np : undefined
  }
  return undefined
}

/**
 * Noun phrases coordinated after one that ends before `after`: "the GP and the nurse", and a list with commas whose
 * last member follows "and" or "or" ("a tenancy, a job and no recall").
 */
export function coordinatedRight(reader: SentenceReader, after: number, ceiling: number, depth: number): Np[] {
  if (after + 1 >= ceiling) return []
  const word = reader.norm(after)
  if ((word === 'and' || word === 'or') && reader.tokens[after].join !== 'break') {
    // "agreed straight away and asked whether she…": a past verb with its own object is a second clause.
    if (/[^e]ed$/.test(reader.norm(after + 1)) && /^(whether|what|which|how|when|where|why|that|if|the|a|an|her|him|them|his|their|your|you)$/.test(reader.norm(after + 2))) return []
    // "manages the schedule and provides weekly supervision": a present verb of no noun class, then its object, is a second clause.
    if (/[^s]s$/.test(reader.norm(after + 1)) && !reader.isNoun(after + 1) && (/^(the|a|an|her|him|them|his|their|your|you|each|every|all|any|some|its|our)$/.test(reader.norm(after + 2)) || /ly$/.test(reader.norm(after + 2)))) return []
    const more = reader.rightNp(after + 1, ceiling, depth + 1)
    // "…by the prescriber and the person is notified": a new clause, not a second noun phrase.
    const next = more.length > 0 ? reader.norm(Math.max(...more.map((m) => m.end))) : ''
    return !isVerbGroupWord(next) || isAdverb(next) || next === 'to' ? more : [] // "skills to live alone": a modifier
  }
  // A comma list: only when its next member is a noun phrase that itself goes on to "and"/"or" or another comma member.
  if (depth > 2 || reader.gap(after).trim() !== ',' || !/^(a|an|the|no|some|any|their|his|her|your|our|its)$/.test(word)) return []
  const more = reader.rightNp(after, ceiling, depth + 1)
  return more.length > 1 ? more : []
}

/** Where an aside opened by a comma at `k` closes, within `reach` words ("are, let's be honest, a risk"): the word after it, else `k`. */
export function asideEnd(reader: SentenceReader, k: number, end: number, reach = 6): number {
  for (let m = k + 1; m < Math.min(end, k + reach + 1); m++) if (reader.gap(m).trim() === ',') return m
  return k
}

/** "The decision on whether…", "A final decision about what…" opening the clause: the decision's phrase. */
function decisionOn(reader: SentenceReader, start: number): Np | undefined {
  let h = start
  while (h < start + 3 && (DETERMINERS.has(reader.norm(h)) || reader.norm(h) === 'final')) h++
  if (!/^(decision|decisions|choice|choices|question|say)$/.test(reader.norm(h)) || !MODIFYING.has(reader.norm(h + 1))) return undefined
  return reader.norm(h + 2) === 'whether' || (WH.has(reader.norm(h + 2)) && !thingToGet(reader, h + 2)) ? {start, end: h + 1, head: h, negative: false} : undefined
}
/** "which printer to buy", "what van to hire": equipment got, no one in it (not "which job to apply for", "what food to buy for him"). */
function thingToGet(reader: SentenceReader, wh: number): boolean {
  if (!/^(which|what)$/.test(reader.norm(wh))) return false
  const to = [wh + 2, wh + 3].find((k) => reader.norm(k) === 'to')
  if (to === undefined || !/^(buy|order|hire|lease|purchase|install|replace|renew|upgrade|fit|repaint|paint)$/.test(reader.norm(to + 1)) || /^(food|clothes|clothing|phone|meals?|furniture)$/.test(reader.norm(to - 1))) return false
  for (let k = wh + 1; k < Math.min(reader.tokens.length, to + 5); k++) if (reader.isPerson(k) || /^(him|her|them|you|me|us|his|their|your)$/.test(reader.norm(k))) return false
  return true
}

/** Prepositions that open a head noun's post-modifier: "decisions on…", "the decision about when…". */
const MODIFYING = new Set(['on', 'about', 'over', 'regarding', 'around', 'concerning'])

/**
 * "Decisions on bringing people back from out-of-area beds are taken by the panel", "The decision about when you go back
 * to work will be made at your review": in the passive, the phrase nearest the verb may sit inside a long post-modifier.
 * The clause's first noun phrase, when a preposition opens what follows it, is read as the subject too.
 */
export function postModifiedHead(reader: SentenceReader, left: Np[], start: number, passive: boolean): Np[] {
  // "The decision on whether a person is offered peer support rests with…": a decision's wh-clause modifies it, active or passive.
  const decision = decisionOn(reader, start)
  if (decision && left.length > 0 && left[0].start > decision.end) return [decision, ...left]
  // Only a phrase that is itself a preposition's object ("…from out-of-area beds", "…go back to work").
  if (!passive || left.length === 0 || left[0].start <= start + 1) return left
  const first = firstSubject(reader, start, left[0].start)
  if (first.length === 0 || first[0].head === undefined || first[0].end >= left[0].start) return left
  if (requestToDo(reader, first[0])) return [...first, ...left] // "Her request to go home was turned down"
  if (!PREPOSITIONS.has(reader.norm(left[0].start - 1)) || !MODIFYING.has(reader.norm(first[0].end)) || thingToGet(reader, first[0].end + 1)) return left
  return [...first, ...left]
}
/** "His nurse helped him plan…", "helped Sam decide", "help them to choose": the one helped is who does it. */
/** Verbs that guide someone through their own doing: "talk you through", "support residents in". */
const GUIDING = /^(talk|talks|talked|talking|guide|guides|guided|guiding|support|supports|supported|supporting|help|helps|helped|helping|coach|coaches|coached|assist|assists|assisted|walk|walks|walked|take|takes|took|involve|involves|involved|encourage|encourages|encouraged|join|joins|joined)$/
export function helpedPerson(reader: SentenceReader, g: number): Np[] | undefined {
  if ((PRONOUNS.has(reader.norm(g - 1)) || reader.isPerson(g - 1)) && /^help(?:s|ed|ing)?$/.test(reader.norm(g - 2))) return [single(g - 1)]
  // "talk you through setting boundaries", "support residents in choosing": the one guided does the -ing.
  const guided = g - 2
  if (/^[a-z]{2,}ing$/.test(reader.norm(g)) && /^(through|in|with|into|towards)$/.test(reader.norm(g - 1)) && guided > 0 && GUIDING.test(reader.norm(guided - 1)) && (/^(you|them|him|her|us|me)$/.test(reader.norm(guided)) || reader.isPerson(guided)) && reader.tokens[g - 1].join === 'space') return [single(guided)]
  return undefined
}
/** "are, in our experience, unable to cook": an aside set off by commas right after a verb-group word; that word's index, or -1. */
export function asideInGroup(reader: SentenceReader, g: number, start: number): number {
  if (reader.gap(g).trim() !== ',') return -1
  for (let a = g - 1; a > start && a >= g - 6; a--) {
    if (reader.tokens[a].join === 'break') return reader.gap(a).trim() === ',' && isVerbGroupWord(reader.norm(a - 1)) && !isNegator(reader.norm(a - 1)) ? a - 1 : -1
  }
  return -1
}
