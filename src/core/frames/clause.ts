/**
 * Reading one clause around a verb: its verb group (modals, negation, passive), the noun phrase before it, the noun
 * phrase after it and the preposition phrases that follow. Shallow on purpose — closed-class words mark where
 * phrases start and end — and run only on sentences where a frame's verb occurs.
 */
import type {Token} from '../match/tokens.js'
import {BE, BEFORE_NUMBER, CARDINAL, MODALS, CLAUSE_PUNCTUATION, CONJUNCTIONS, DETERMINERS, GET, HELP, isAdverb, isTwoWordPreposition, isFunctionWord, isNegator, isToldForm, isVerbGroupWord, LIMITERS, linksInability, LIMITING_VERBS, numberBound, NEGATIVE_SUBJECTS, ENTITLEMENT_NOUNS, HOLDING, OBJECT_CONTROL, PARTICLES, PARTITIVES, POSSESSIVES, PREPOSITIONS, PRONOUNS, QUANTITIES, RELATIVES, ROLE_NOUNS, SUBJECT_FORMS, ENSURING, SUBORDINATORS, TIME_NOUNS, WH, DEGREE, NOT_GERUNDS} from './grammar.js'
import type {Hit} from './lexicon.js'
import {relativeName} from './names.js'
import {byFollows, fieldValue} from './field-value.js'
import {gappedConjunct} from './gapped.js'
import {withFrontedObject} from './wh-object.js'
import {beforeVerb, possessiveAt, prepositionAfterSubject, prepositionBeforeTime} from './subject-words.js'
import {PERSON_CLASSES, single, type Clause, type Np, type Oblique} from './phrases.js'
import {absolute, antecedent, contrastAfter, helpedPerson, appositiveSubject, asideEnd, asideInGroup, contrastedSubject, sharesNegation, whClauseEnds, coordinatedClauseAt, coordinatedRight, extendLeft, firstSubject, forSubject, gerundPhrase, gerundSubject, listBeforeOf, nearestLeft, postModifiedHead, roleOwners, strandedRelative} from './reach.js'
import {inPhrase, reducedRelative, relativeAntecedent, splitRelative} from './relative-antecedent.js'
import {toldPassive} from './shared-passive.js'
import {coordinatedSubject} from './coordinated-subject.js'
import {CAPITALISED, UPPER_START} from '../match/letters.js'
export type {Clause, Np, Oblique} from './phrases.js'
/** Words a clause reaches either side of its verb, at most (real clauses are far shorter). */
export const MAX_CLAUSE_REACH = 64
export class SentenceReader {
  private sentence: Token[] = []
  private found: readonly Hit[] = []
  private text = ''
  /** The noun classes of the class hits ending at each token. */
  private heads: Array<string[] | undefined> = []
  /** One reader reads sentence after sentence (see `read`): frames ask it about thousands of sentences a document. */
  constructor(private readonly nounClasses: Set<string>) {}

  /** Start on a sentence: its tokens, source and class hits. */
  reset(tokens: Token[], text: string, hits: readonly Hit[]): this {
    this.sentence = tokens
    this.text = text
    this.found = hits
    const heads = this.heads
    heads.length = 0
    heads.length = tokens.length
    for (const h of hits) {
      if (!this.nounClasses.has(h.cls)) continue
      ;(heads[h.end - 1] ??= []).push(h.cls)
    }
    return this
  }
  get tokens(): Token[] { return this.sentence }
  get hits(): readonly Hit[] { return this.found }
  /** The sentence's source text, which tokens' offsets index. */
  get source(): string { return this.text }

  /** The source between token i-1 and token i, without emphasis marks ("**Outcome approved by:** consultant": ": "). */
  gap(i: number): string { return i <= 0 || i >= this.tokens.length ? '' : this.text.slice(this.tokens[i - 1].end, this.tokens[i].start).replace(/\*+|(?<=\s|^)_+|_+(?=\s|$)/g, '') }

  /** Token i carries a possessive ending ("person's", "patients'"); "it's", "that's", "he's" are "is". */
  possessive(i: number): boolean { return possessiveAt(this.tokens, this.text, i) }
  norm(i: number): string { return this.tokens[i]?.norm ?? '' }

  /** Whether a clause boundary lies between token i-1 and token i. */
  boundaryBefore(i: number): boolean {
    const t = this.tokens[i]
    if (!t || t.join !== 'break') return !t
    const gap = this.gap(i)
    if (CLAUSE_PUNCTUATION.test(gap)) return !fieldValue(this, i, gap)
    if (gap.includes(',')) return (CONJUNCTIONS.has(t.norm) && !gappedConjunct(this, i, (k) => isVerbGroupWord(this.norm(k)))) || SUBORDINATORS.has(t.norm) || RELATIVES.has(t.norm)
    return false
  }

  clauseStart(i: number): number {
    let s = i
    // "as" is far more often a preposition than a conjunction: it does not start a clause here. A clause reaches at most
    // MAX_CLAUSE_REACH words either side of its verb: unpunctuated text (from a spreadsheet) would make every verb read all of it.
    while (s > 0 && i - s < MAX_CLAUSE_REACH && !this.boundaryBefore(s) && !(SUBORDINATORS.has(this.norm(s - 1)) && this.norm(s - 1) !== 'as' && s - 1 > 0 && !PREPOSITIONS.has(this.norm(s - 2)) && !prepositionAfterSubject(this, s - 1) && !prepositionBeforeTime(this, s - 1))) s--
    return s
  }

  clauseEnd(i: number): number {
    let e = i
    while (e < this.tokens.length && e - i < MAX_CLAUSE_REACH && (e === i || !this.boundaryBefore(e))) e++
    return e
  }

  /** "When we asked people what recovery means to them, very few…": a fronted subordinate clause ends at its comma. */
  private frontedEnd(verbStart: number, end: number): number {
    const comma = !SUBORDINATORS.has(this.norm(0)) || this.norm(0) === 'so' ? -1 : this.tokens.findIndex((t, i) => i > 0 && i < end && t.join === 'break' && this.gap(i).includes(','))
    return comma > verbStart ? comma : end
  }

  /** Token i ends a word of a noun class; not a possessive or a pronoun a frame's slot lists ("our", "him"), read as such. */
  isNoun(i: number): boolean { return this.heads[i] !== undefined && !POSSESSIVES.has(this.norm(i)) && !PRONOUNS.has(this.norm(i)) }
  isPerson(i: number, anyRole = false /* a staff, peer or relatives word too */): boolean { return this.heads[i]?.some((c) => (anyRole ? PERSON_CLASSES.includes(c) : c === 'people')) === true }

  isHeadable(i: number): boolean {
    const n = this.norm(i)
    // "Peer work here is…": a place adverb heads no phrase, nor does "rather than", "instead of" or "too" ("be like Dan too").
    return n !== '' && (!isFunctionWord(n) || PRONOUNS.has(n)) && !RELATIVES.has(n) && n !== 'here' && n !== 'there' && n !== 'too' && !isTwoWordPreposition(n, this.norm(i + 1))
  }

  /** The noun phrase ending at token j (read leftwards), with coordinated ones ("the GP and the nurse"). */
  leftNp(j: number, floor: number, depth = 0, compound = false /* a hyphenated noun's last part heads it ("move-on") */): Np[] {
    if (j < floor || (!this.isHeadable(j) && !(compound && this.tokens[j].join === 'hyphen')) || depth > 4) return []
    let i = j
    let possessor: number | undefined
    // A pronoun takes no modifiers: "things he cannot do" is a relative clause on "things".
    while (!PRONOUNS.has(this.norm(j)) && i - 1 >= floor && j - i < 5 && this.tokens[i].join !== 'break') {
      const prev = this.norm(i - 1)
      if (DETERMINERS.has(prev) || POSSESSIVES.has(prev)) {
        i--
        if (POSSESSIVES.has(prev)) possessor = i
        break
      }
      // "a first episode", "the only person": an adverb's word between a determiner and the noun is an adjective. "the burden
      // Daniel places": a name after a noun that is no role opens a relative clause ("peer worker Anna" is one phrase).
      if (i === j && UPPER_START.test(this.tokens[i].raw) && this.isPerson(i) && /^[a-z]/.test(this.tokens[i - 1].raw) && this.isNoun(i - 1) && !this.isPerson(i - 1, true)) break
      if (this.tokens[i].join !== 'hyphen' && (isFunctionWord(prev) || PRONOUNS.has(prev) || isAdverb(prev)) && !(isAdverb(prev) && !isFunctionWord(prev) && i - 2 >= floor && (DETERMINERS.has(this.norm(i - 2)) || POSSESSIVES.has(this.norm(i - 2))))) break
      i--
      if (this.possessive(i) && possessor === undefined) possessor = i
    }
    const negative = (i > floor && this.norm(i - 1) === 'not') || NEGATIVE_SUBJECTS.has(this.norm(j)) || this.norm(i) === 'no'
    const nps: Np[] = [{start: i, end: j + 1, head: j, possessor, negative}]
    // Coordination: "the nurse and the consultant", "the GP, the nurse and the consultant".
    const before = depth === 0 ? listBeforeOf(this, i, floor) : i - 1
    if (before - 1 >= floor && CONJUNCTIONS.has(this.norm(before)) && this.norm(before) !== 'but') nps.push(...this.leftNp(before - 1, floor, depth + 1))
    else if (before >= floor && this.tokens[i].join === 'break' && this.gap(i).trim() === ',' && this.isHeadable(before) && !SUBJECT_FORMS.has(this.norm(j))) {
      const more = this.leftNp(before, floor, depth + 1)
      // Only a list of noun phrases, not a clause, phrase or gerund's object before a comma ("After years on…, many", "After reading the referral, the…"); never before a subject pronoun ("…has read the referral, she decides").
      const lead = this.norm(more[more.length - 1]?.start - 1)
      if (more.length > 0 && more.some((m) => m.head !== undefined && this.isNoun(m.head)) && !isVerbGroupWord(lead) && !PREPOSITIONS.has(lead) && !(/^[a-z]{3,}ing$/.test(lead) && !NOT_GERUNDS.has(lead))) nps.push(...more)
    }
    return nps
  }

  /** The noun phrase starting at token k (read rightwards), with coordinated ones. */
  rightNp(k: number, ceiling: number, depth = 0): Np[] {
    if (k >= ceiling || depth > 4) return []
    const first = this.norm(k)
    const bound = numberBound(first, this.norm(k + 1), this.norm(k + 2))
    if (bound > 0 && CARDINAL.test(this.norm(k + bound))) return this.rightNp(k + bound, ceiling, depth).map((np, i) => (i === 0 ? {...np, start: k} : np))
    // "agrees that the wishes in them are realistic": "that" before a determiner opens a clause, not a noun phrase.
    if (WH.has(first) || (first === 'that' && (DETERMINERS.has(this.norm(k + 1)) || POSSESSIVES.has(this.norm(k + 1))))) return [{start: k, end: this.whEnd(k, ceiling), negative: false}]
    // "check that residents have…", "make sure she has…", "decided Jodie will…", "make sure the room is…": a noun phrase after "that", a
    // subject pronoun or a name (not after an auxiliary: "Do I need…") or any after "make sure", then a verb group, is an object clause.
    const subject = SUBJECT_FORMS.has(first) || (this.tokens[k].join === 'space' && CAPITALISED.test(this.tokens[k].raw) && this.isPerson(k))
    if (depth === 0 && (first === 'that' || (subject && !isVerbGroupWord(this.norm(k - 1))) || ENSURING.has(this.norm(k - 1)))) {
      const inner = this.rightNp(first === 'that' ? k + 1 : k, ceiling, depth + 1)
      const after = inner.length > 0 ? this.norm(Math.max(...inner.map((m) => m.end))) : ''
      if (after && isVerbGroupWord(after) && !isAdverb(after) && (first === 'that' || !/^(to|able|ready|willing)$/.test(after))) return [{start: k, end: ceiling, negative: false}]
    }
    let i = k
    let possessor: number | undefined
    const negative = first === 'no' || first === 'not' || NEGATIVE_SUBJECTS.has(first)
    if (first === 'not') i++
    // Not past a comma: "for her, beginning with…" ends at "her".
    while (i < ceiling && (DETERMINERS.has(this.norm(i)) || POSSESSIVES.has(this.norm(i)) || isAdverb(this.norm(i)) || DEGREE.has(this.norm(i)) || (this.norm(i) === 'half' && (DETERMINERS.has(this.norm(i + 1)) || POSSESSIVES.has(this.norm(i + 1))))) && !(PARTITIVES.has(this.norm(i)) && this.norm(i + 1) === 'of') && this.tokens[i + 1]?.join !== 'break') {
      if (POSSESSIVES.has(this.norm(i))) possessor = i
      i++
    }
    // "steer her towards…", "told her.": "her" with no noun after it is the object pronoun.
    if ((i >= ceiling || !this.isHeadable(i)) && possessor !== undefined && this.norm(possessor) === 'her' && i === possessor + 1) return [{start: k, end: i, head: possessor, negative}]
    if (i >= ceiling) return []
    // "one of the most effective interventions", "some of our residents": the of-phrase holds the head.
    if ((PARTITIVES.has(this.norm(i)) || QUANTITIES.has(this.norm(i))) && this.norm(i + 1) === 'of' && this.tokens[i + 1].join !== 'break') {
      const inner = this.rightNp(i + 2, ceiling, depth + 1)[0]
      if (inner?.head !== undefined) return [{...inner, start: k, negative: negative || this.norm(i) === 'none'}]
    }
    if (!this.isHeadable(i) && this.tokens[i + 1]?.join !== 'hyphen') return [] // "the in-reach psychologist": hyphened, a function word is the noun's
    if (PRONOUNS.has(this.norm(i))) {
      // "decided you will stay": a pronoun before a modal is the subject of a clause, the object. "teach them the steps": a second object.
      if (/^(you|they|we|i)$/.test(this.norm(i)) && MODALS.has(this.norm(i + 1)) && !/^(need|needs|ought)$/.test(this.norm(i + 1))) return [{start: k, end: ceiling, negative}]
      const nominative = /^(i|he|she|we|they)$/.test(this.norm(i + 1))
      const second = i + 1 < ceiling && this.tokens[i + 1].join !== 'break' && !nominative ? this.rightNp(i + 1, ceiling, depth + 1) : []
      return [{start: k, end: i + 1, head: i, possessor, negative}, ...second]
    }
    let j = i
    while (j + 1 < ceiling && j - i < 5 && this.tokens[j + 1].join !== 'break') {
      const next = this.norm(j + 1)
      // Nor before a time adverbial: "signed off the schedule last week". A hyphenated word is one ("face-to-face"), as is a class entry ("loved one").
      if (this.tokens[j + 1].join !== 'hyphen' && (!this.isHeadable(j + 1) || (PRONOUNS.has(next) && !this.found.some((h) => h.start <= j && h.end > j + 1 && this.nounClasses.has(h.cls))) || next === 'to' || isAdverb(next) || ((next === 'last' || next === 'next') && TIME_NOUNS.has(this.norm(j + 2))))) break
      // A number starts a phrase of its own ("signs off the rota two weeks in advance"), but not after "the same" ("the same seven steps") or a grade ("a band 7 nurse").
      if (CARDINAL.test(next) && this.tokens[j + 1].join === 'space' && !(j === i && BEFORE_NUMBER.has(this.norm(j))) && !/^(band|grade|tier)$/.test(this.norm(j))) break
      // "the outcomes Mr Doherty would work towards": a name and a verb group after a noun is a relative clause's subject.
      if (relativeName(this.tokens, j + 1, ceiling)) break
      if (this.possessive(j)) possessor = j
      j++
    }
    const head = j
    // "the absence of symptoms", "the goals of each person": the of-phrase belongs to the noun phrase.
    if (j + 2 < ceiling && this.norm(j + 1) === 'of' && this.tokens[j + 1].join !== 'break') {
      const [of, also] = this.rightNp(j + 2, ceiling, depth + 1)
      // "use of A&E and crisis services": a bare noun after "and" is the of-phrase's too ("the goals of each person and the team's plan" are two).
      if (of && of.head !== undefined) j = (also && also.start === of.end + 1 && !DETERMINERS.has(this.norm(also.start)) && !POSSESSIVES.has(this.norm(also.start)) ? also : of).end - 1
    }
    const nps: Np[] = [{start: k, end: j + 1, head, possessor, negative}]
    // "gives people a template", "shows others the steps": a second object after a person ("someone", "everyone": above).
    if (depth === 0 && j + 1 < ceiling && this.tokens[j + 1].join === 'space' && (DETERMINERS.has(this.norm(j + 1)) || POSSESSIVES.has(this.norm(j + 1))) && (this.heads[head]?.includes('people') || this.norm(head) === 'others')) {
      nps.push(...this.rightNp(j + 1, ceiling, depth + 1))
    }
    nps.push(...coordinatedRight(this, j + 1, ceiling, depth))
    return nps
  }

  /** Whether a comma stands before any of the tokens [from, to). */
  commaBetween(from: number, to: number): boolean { return this.tokens.slice(from, to).some((_, j) => this.gap(from + j).includes(',')) }

  /** Where a wh-clause at k ends: before "and" and a verb ("…is tested and tells residents"), or at a second subordinator ("…are covered when two people ask"). */
  private whEnd(k: number, ceiling: number): number {
    for (let i = k + 2; i + 1 < ceiling; i++) {
      if (/^(and|or|but)$/.test(this.norm(i)) && this.heads[i + 1] === undefined && (this.found.some((h) => h.start === i + 1 && !h.cls.includes('/') && !this.nounClasses.has(h.cls)) || whClauseEnds(this, i))) return i
      if (i >= k + 3 && SUBORDINATORS.has(this.norm(i)) && this.norm(i) !== 'as') return i
    }
    return contrastAfter(this, k + 1, ceiling)
  }

  /** The classes of a noun phrase's words (its head, or for an object any word but a possessor). */
  classesOf(np: Np, headOnly: boolean): Set<string> {
    const out = new Set<string>()
    const add = (i: number) => { for (const c of this.heads[i] ?? []) out.add(c) }
    if (np.head === undefined || !headOnly) {
      for (let i = np.start; i < np.end; i++) if (i !== np.possessor) add(i)
    } else if (np.head < np.end - 1 && this.spanning(np.head, np.end, out)) return out
    else add(np.head)
    return out
  }

  /** "the person in charge": a class entry running on past a post-modified head names the phrase (staff, not people). */
  private spanning(head: number, end: number, out: Set<string>): boolean {
    for (const h of this.found) if (h.start <= head && h.end - 1 > head && h.end <= end && this.nounClasses.has(h.cls)) out.add(h.cls)
    return out.size > 0
  }

  /** Read the clause around the verb at tokens [verbStart, verbEnd). */
  read(verbStart: number, verbEnd: number, participle: boolean, copula: boolean): Clause {
    const start = this.clauseStart(verbStart)
    const end = this.frontedEnd(verbStart, this.clauseEnd(verbEnd - 1))
    // The verb group: modals, auxiliaries, negation and adverbs right before the verb.
    let g = verbStart
    let negated = false
    let [limited, failing] = [false, false]
    let passiveAux = false
    // Only a "be" after any "to" makes this verb passive: "were able to set goals" is active.
    let pastTo = false
    while (g - 1 >= start) {
      // "are, in our experience, unable to cook": an aside inside the verb group is read past.
      const aside = this.tokens[g].join === 'break' ? asideInGroup(this, g, start) : g
      if (aside < 0) break
      g = aside
      // "is no longer able to", "can no longer manage": a two-word negator; "are incapable of holding down a job": the group goes on.
      const incapable = g === verbStart && this.norm(g - 1) === 'of' && /^(incapable|unable|unfit)$/.test(this.norm(g - 2))
      const from = g
      if (g - 2 >= start && (incapable || (this.norm(g - 1) === 'longer' && this.norm(g - 2) === 'no'))) [g, negated] = [g - 2, true]
      // "typically struggle to keep relationships": a lack, as "rarely" is.
      else if (g === verbStart && g - 2 >= start && this.norm(g - 1) === 'to' && LIMITING_VERBS.has(this.norm(g - 2))) [g, limited, failing] = [g - 2, true, true]
      // "Peer workers help manage risk", "helps to de-escalate": the helper does it too.
      else if (g === verbStart && HELP.test(this.norm(g - 1))) g--
      else if (g === verbStart && g - 2 >= start && this.norm(g - 1) === 'to' && HELP.test(this.norm(g - 2))) g -= 2
      if (g !== from) continue
      // "have stopped being able to look after themselves", "has stopped coping": an ability ended (not "stopped drinking", a change made).
      const ended = g < verbStart ? this.norm(g) === 'being' && this.norm(g + 1) === 'able' : g - 1 >= start && /ing$/.test(this.norm(g)) && this.found.some((h) => h.start === g && h.cls === 'cope')
      if (ended && /^(?:stopped|stop|stops|ceased)$/.test(this.norm(g - 1))) [g, negated] = [g - 1, true]
      // "in ways you would not is making…": a negator never stands before a finite "is" of the same group; it ends another.
      if ((!isVerbGroupWord(this.norm(g - 1)) && !(g < verbStart && linksInability(this.norm(g - 1), this.norm(g)))) || (isNegator(this.norm(g - 1)) && /^(is|are|was|were)$/.test(this.norm(g)))) break
      g--
      const n = this.norm(g)
      if (isNegator(n)) negated = true
      if (LIMITERS.has(n)) limited = true
      if ((BE.has(n) || GET.has(n)) && !pastTo) passiveAux = true
      if (n === 'to') pastTo = true
      if (n === 'to' && this.norm(g - 1) === 'going' && g - 2 >= start && (BE.has(this.norm(g - 2)) || isNegator(this.norm(g - 2)))) g-- // "are never going to change"
      else if (n === 'to' && g - 1 >= start && !isVerbGroupWord(this.norm(g - 1))) break
    }
    if (failing && negated) negated = limited = false // "are not failing to cope": two negations make coping
    let k = verbEnd
    // "are, let's be honest, a risk to…", "sets, with the person, the goals": an aside between the verb and what follows.
    if (k < end && this.gap(k).trim() === ',') k = asideEnd(this, k, end)
    // "is not", "are never", "are simply not capable": negation after a copula or auxiliary ("means no admissions" defines by absence).
    if (copula && k + 1 < end && isAdverb(this.norm(k)) && isNegator(this.norm(k + 1)) && this.norm(k + 1) !== 'no') k++
    if (copula && k < end && isNegator(this.norm(k)) && (this.norm(k) !== 'no' || BE.has(this.norm(verbStart)))) negated = true
    // "are barely capable", "is the least able": a limit after the copula, as "rarely" before a verb.
    if (copula && (LIMITERS.has(this.norm(k)) || this.norm(k) === 'least' || (this.norm(k) === 'the' && this.norm(k + 1) === 'least'))) limited = true
    while (k < end && PARTICLES.has(this.norm(k)) && this.tokens[k].join !== 'break') k++
    const next = this.norm(k)
    const passive = !copula && participle && (passiveAux || (g === verbStart && (byFollows(this, k) || (isToldForm(this.norm(verbStart)) && (k >= end || PREPOSITIONS.has(next) || next === 'accordingly' || next === 'verbally') && !this.tokens.slice(start, g - 1).some((t) => /^(keep|keeps|kept|keeping)$/.test(t.norm))))) || (g === verbStart && absolute(this, g, start)) || toldPassive(this, g, verbStart, verbEnd))
    // A gerund after a preposition ("is not the same as being discharged") shares its clause's negation.
    if (g === verbStart && g > start && PREPOSITIONS.has(this.norm(g - 1)) && /ing$/.test(this.norm(verbStart))) {
      for (let i = start; i < g - 1; i++) if (isNegator(this.norm(i))) negated = true
    }
    const left = postModifiedHead(this, roleOwners(this, this.subject(g, start, verbStart, passive)), start, passive)
    if (left.some((np) => np.negative && np.head !== undefined && (NEGATIVE_SUBJECTS.has(this.norm(np.head)) || this.norm(np.start) === 'no'))) negated = true
    if (!negated && sharesNegation(this, g, start)) negated = true
    // "We are not here to fix anyone", "we do not expect peers to teach…": negation before a to-infinitive.
    if (this.norm(g) === 'to' && !negated) {
      for (let i = g - 1; i >= start && g - i <= 4; i--) if (isNegator(this.norm(i)) && this.norm(i + 1) !== 'only') negated = true
    }
    // "deliver at least ten interventions": a bound before a number is no preposition.
    const bound = numberBound(next, this.norm(k + 1), this.norm(k + 2))
    let right = PREPOSITIONS.has(next) && next !== 'to' && !(bound > 0 && CARDINAL.test(this.norm(k + bound))) ? [] : this.rightNp(k, end)
    // "demonstrate to others the steps": the object after a to-phrase naming people.
    if (next === 'to' && right.length === 0) right = this.rightNp(k + 1, end).filter((np, i, all) => i === 1 && np.start === all[0].end)
    // "the goals the peer specialist works on (with each person)": before a stranded preposition the antecedent is its object.
    const stranded = PREPOSITIONS.has(next) && (k + 1 >= end || PREPOSITIONS.has(this.norm(k + 1)) || this.tokens[k + 1].join === 'break')
    if (right.length === 0 && !passive && left.length > 0 && !stranded) right = antecedent(this, left)
    if (!passive && !copula) right = withFrontedObject(this, verbStart, right, verbEnd) // "Which steps will you teach?"
    const obliques: Oblique[] = stranded && !passive && left.length > 0 ? antecedent(this, left).map((np) => ({prep: next, np})) : []
    let o = right.length > 0 ? Math.max(...right.map((r) => r.end)) : k
    for (; o < end; o++) {
      const n = this.norm(o)
      if (coordinatedClauseAt(this, o)) break
      if (PREPOSITIONS.has(n) || SUBORDINATORS.has(n) || WH.has(n) || n === 'that') {
        const clausal = (SUBORDINATORS.has(n) || WH.has(n) || n === 'that') && !PREPOSITIONS.has(n)
        // "according to their scores": the second word belongs to the preposition; "through exactly what she did": so does an adverb before a wh-word.
        const from = (n === 'according' && this.norm(o + 1) === 'to') || (!clausal && isAdverb(this.norm(o + 1)) && WH.has(this.norm(o + 2))) ? o + 2 : o + 1
        const nps = clausal ? [{start: o + 1, end: contrastAfter(this, o + 1, end), negative: false} as Np] : this.rightNp(from, end)
        for (const np of nps) obliques.push({prep: n, np})
      }
    }
    return {verbStart, verbEnd, groupStart: g, passive, negated, limited, copula, left, right, obliques, start, end}
  }

  /** The noun phrase the verb group at g is said of. */
  private subject(g: number, start: number, verbStart: number, passive: boolean): Np[] {
    if (!passive && g - 2 >= start && helpedPerson(this, g)) return helpedPerson(this, g)!
    let j = beforeVerb(this, g - 1, start)
    // "Recovery, in our service, is…", "Senior members, who have been well for years, act as…": an aside before the verb.
    if (this.tokens[g]?.join === 'break' && this.gap(g).trim() === ',') {
      for (let k = g - 1; k > 0 && g - k <= 8; k--) {
        if (this.tokens[k].join !== 'break') continue
        const contrasted = contrastedSubject(this, k, start)
        if (contrasted) return contrasted
        // A relative aside is a clause of its own, as is "as the leaflet explains it" or "put simply": the subject's clause starts before it.
        if (this.gap(k).trim() === ',' && /^(who|which)$/.test(this.norm(k))) [j, start] = [k - 1, this.clauseStart(k - 1)]
        else if (this.gap(k).trim() === ',' && (PREPOSITIONS.has(this.norm(k)) || isAdverb(this.norm(k)) || SUBORDINATORS.has(this.norm(k)) || /^(put|simply|stated|understood)$/.test(this.norm(k)))) [j, start] = [k - 1, Math.min(start, this.clauseStart(k - 1))]
        break
      }
      const named = j === g - 1 ? appositiveSubject(this, g, start) : undefined
      if (named) return named
      // "Members choose new staff, set the budget…": after a comma the verb shares the clause's subject (not after a name, "Sarah,").
      if (j === g - 1 && this.isHeadable(j) && !PRONOUNS.has(this.norm(j)) && !UPPER_START.test(this.tokens[j].raw)) return firstSubject(this, start, j)
    }
    // "Which course a student takes is decided by…": a clause standing as the subject; not "If you opt out later, your case … is handled".
    if (passive && WH.has(this.norm(start)) && start < j - 1 && !this.commaBetween(start + 1, g)) {
      return [{start, end: g, negative: false}]
    }
    // "by teaching them…", "through sharing…": the subject of the main clause.
    if (j >= 0 && g === verbStart && PREPOSITIONS.has(this.norm(j)) && this.norm(verbStart).endsWith('ing')) return gerundSubject(this, j)
    if (this.norm(g) === 'having' && g < verbStart && j >= start && !PREPOSITIONS.has(this.norm(j)) && !this.isPerson(j, true)) return firstSubject(this, start, g) // "arrive … having lost": the clause's
    const forNp = (this.norm(g) === 'to' && j >= 0 ? forSubject(this, j) : undefined) ?? (j > start && BE.has(this.norm(verbStart)) && !PREPOSITIONS.has(this.norm(j)) ? gerundPhrase(this, start, g) : undefined)
    if (forNp) return forNp
    if (j < start) return nearestLeft(this, j, start)
    const n = this.norm(j)
    // "the team that decides", "it is the consultant who decides": the antecedent.
    if (RELATIVES.has(n) && n !== 'whose') {
      return relativeAntecedent(this, j)
    }
    let direct = strandedRelative(this, j, start) ?? reducedRelative(this, j, start, passive) ?? splitRelative(this, this.leftNp(j, start), g === verbStart)
    if (direct.length > 0 && PREPOSITIONS.has(n)) return direct // the stranded relative's antecedent
    // "…have grown up without routines and lack…": a coordinated verb shares the clause's first subject.
    if ((n === 'and' || n === 'or') && j > start) return coordinatedSubject(this, start, j)
    // "The young people referred to us are…": a pronoun after a preposition is not the subject.
    if (direct.length === 1 && direct[0].head !== undefined && /^(us|them|me|him|her)$/.test(this.norm(direct[0].head)) && PREPOSITIONS.has(this.norm(direct[0].start - 1))) {
      direct = nearestLeft(this, direct[0].start - 2, start)
    }
    direct = extendLeft(this, direct, start)
    // "People who come to us are…", "someone who uses drugs is…", "those who…": the subject is the noun (or "those") a relative
    // clause hangs from. Not in "the goals that the consultant sets", where a noun phrase follows the
    // relative word and the verb belongs to the relative clause ("whose" once its clause has its own verb: "Members whose medication is still changing are…").
    if (direct.length > 0) {
      const first = Math.min(...direct.map((np) => np.start))
      const objectRelative = (r: number) => {
        const next = this.norm(r + 1)
        return DETERMINERS.has(next) || POSSESSIVES.has(next) || PRONOUNS.has(next) || this.isNoun(r + 1)
      }
      for (let r = first - 1; r > start && r >= first - 7; r--) {
        if (this.boundaryBefore(r + 1)) break
        const w = this.norm(r)
        if (w === 'who' || w === 'that' || w === 'which' || (w === 'whose' && this.tokens.slice(r + 2, j + 1).some((t) => BE.has(t.norm) || MODALS.has(t.norm) || /^(has|have|had)$/.test(t.norm)))) {
          if (w !== 'whose' && r === first - 1 && (r + 1 < j || PRONOUNS.has(this.norm(r + 1))) && objectRelative(r)) break
          direct = this.isNoun(r - 1) || /^(people|those|anyone|someone|everyone)$/.test(this.norm(r - 1)) || PRONOUNS.has(this.norm(r - 1)) ? (this.isHeadable(r - 1) ? extendLeft(this, this.leftNp(r - 1, start), start) : [single(r - 1)]) : inPhrase(this, r - 1, start) ?? direct
          break
        }
      }
    }
    const inGroupTo = g < verbStart && this.norm(g) === 'to'
    // "We respect the person's right to make choices": the holder makes them, not "we"; the subject's own ("Staff have the power to decide") is theirs.
    const held = inGroupTo && ENTITLEMENT_NOUNS.has(this.norm(g - 1)) ? direct.find((np) => np.end === g) : undefined
    if (held) return held.possessor !== undefined ? [single(held.possessor)] : HOLDING.has(this.norm(held.start - 1)) ? firstSubject(this, start, j) : [held]
    // A bare head right before the verb is its subject, unless the verb is an infinitive ("meets to agree").
    if (direct.length > 0 && !inGroupTo && !(CONJUNCTIONS.has(n) || isFunctionWord(n))) return direct
    if (inGroupTo && direct.length > 0 && direct.some((np) => np.head !== undefined && (this.isNoun(np.head) || PRONOUNS.has(this.norm(np.head))))) {
      // "help people to choose": after a verb of asking or enabling, the noun before "to" chooses; "use techniques to move…" is a purpose.
      const first = Math.min(...direct.map((np) => np.start))
      // The phrase read leftwards may have taken the verb in ("allow people"): it is not a modifier. A field's label is its own ("Section 4, goals (to be set by…)").
      const verb = [first - 1, first, first + 1].find((i) => i < j && OBJECT_CONTROL.test(this.norm(i)))
      if (verb !== undefined || !direct.some((np) => np.start > start) || /[(:]/.test(this.gap(g))) return direct.map((np) => (verb !== undefined && np.start <= verb ? {...np, start: verb + 1} : np))
      return firstSubject(this, start, j)
    }
    // "People … tend to be", "Peers are expected to set out": the clause's first noun phrase is the subject.
    if (inGroupTo) return firstSubject(this, start, j)
    return nearestLeft(this, j, start)
  }
}
