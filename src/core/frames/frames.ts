/**
 * Frame rules: a relation inside a clause ("a professional sets the person's
 * goals", "recovery is measured by scores") instead of a stock phrase. The
 * frame's verb is found through the lexicon; the clause reader gives its
 * subject, object and preposition phrases; each slot is checked against word
 * classes. A negated clause ("the team never decides for you") rejects the
 * frame, and so does a decision made with the person.
 */
import type {Token} from '../match/tokens.js'
import type {Rule, WordClassSpec} from '../types.js'
import {SentenceReader, type Clause, type Np, type Oblique} from './clause.js'
import {DISPLACED, isAdverb, isFunctionWord, isVerbGroupWord, NEGATORS, POSSESSIVES, SHARED, WH} from './grammar.js'
import {withinCell} from './field-value.js'
import {type PrefilterEntry} from './required.js'
import {prefilterEntries} from './prefilter-words.js'
import {Lexicon, type Hit} from './lexicon.js'
import {firstHit, hitsIn} from './hits.js'
import {anchorIsArgument, anchorNegated, complementClasses, deniedObject, gated, headOnly, nearGroups, onlyLinked, ownedBy, ownWay, resolve, selfOwned, staffClause, type CompiledFrame, type FrameMatch} from './checks.js'
import {intersects, MEETING_CLASS, PERSON_CLASS} from './person-words.js'
import {doerOf, livedSubject, onlyThingStates, thingState} from './lived-subject.js'
import {shared, tiedToPerson} from './with-person.js'
import {PERSON_CLASSES, single} from './phrases.js'
import {conditional} from './condition.js'
import {aboutPerson} from './person-subject.js'
import {causedUnderNegation, concurs} from './stance.js'
import {nearHit, wraps} from './near-hit.js'
import {setAgainst} from './set-against.js'
import {personOverridden} from './overridden.js'
import {afterPossessive, attachedToNoun, inSingularPhrase, listEnd, namesActivity} from './noun-use.js'
import {FrameNeeds} from './needs.js'
import {owedPassive, personSaysAfter, personsRequest, readersOwnCase, readersRight, underPersonsChoice, withPersonsConsent, workersOwnRequest} from './rights.js'
import {aboutSomeone, clauseClasses, linkedAtHead, linkedOutsideName, namesItsPerson, onlyTied, personIn, personSetAside, themIsThing, whPlan, negatedDefinition} from './linked.js'
import {UPPER_START} from '../match/letters.js'
import {StandIns} from './object-pronoun.js'
import {gerundObject, progressive} from './progressive.js'
import {coordinatedPronoun} from './pronoun-antecedent.js'
import {answersChoice} from './choice-question.js'
import {agentsOf, peoplesMeeting, readerShares} from './agents.js'
import {ABOUT, BY_PREPS, COMPARATIVE, DEFINING, nestedInClause, NOUN_SIGNALS, ownArrangement, ownCheck, RECOVERY_VERB, relativeFor, thingHit, timePhrase} from './clause-parts.js'


export type {FrameMatch} from './checks.js'
export type {PrefilterEntry, PrefilterWords} from './required.js'

export class FrameMatcher {
  readonly lexicon: Lexicon
  private readonly frames: CompiledFrame[] = []
  private readonly anchors = new Set<string>()
  private readonly nounClasses = new Set<string>()
  private readonly byVerb = new Map<string, CompiledFrame[]>()
  /** The one clause reader, reset for each sentence. */
  private readonly reader: SentenceReader
  /** Whether a sentence meets each frame's class sets (`needs`). */
  private readonly needs: FrameNeeds

  constructor(rules: Rule[], classes: Record<string, WordClassSpec>) {
    // A slot written as words becomes a class of its own.
    const all: Record<string, WordClassSpec> = {...classes}
    const slot = (rule: Rule, name: string, values: string[] | undefined, kind: WordClassSpec['kind']): Set<string> | undefined => {
      if (!values || values.length === 0) return undefined
      const out = new Set<string>()
      const words: string[] = []
      for (const v of values) {
        if (v.startsWith('@')) out.add(v.slice(1))
        else words.push(v)
      }
      if (words.length > 0) {
        const own = `${rule.id}/${name}`
        all[own] = {kind, words}
        out.add(own)
      }
      return out
    }
    const compiled: CompiledFrame[] = []
    for (const rule of rules) {
      const spec = rule.frame
      if (!spec) continue
      compiled.push({
        rule,
        spec,
        verb: slot(rule, 'verb', spec.verb, 'verb') ?? new Set(),
        agent: slot(rule, 'agent', spec.agent, 'noun'),
        object: slot(rule, 'object', spec.object, 'noun'),
        by: slot(rule, 'by', spec.by, 'noun'),
        for: slot(rule, 'for', spec.for, 'noun'),
        notAgent: slot(rule, 'notAgent', spec.notAgent, 'noun'),
        objectWith: slot(rule, 'objectWith', spec.objectWith, 'other'),
        objectHead: slot(rule, 'objectHead', spec.objectHead, 'noun'),
        owner: slot(rule, 'owner', spec.owner, 'noun'),
        notOwner: slot(rule, 'notOwner', spec.notOwner, 'noun'),
        introducedBy: spec.introducedBy ? new Set(spec.introducedBy.map((w) => w.toLowerCase())) : undefined,
        near: nearGroups(spec.near).map((group, i) => slot(rule, `near${i}`, group, 'other')!),
        unlessNear: slot(rule, 'unlessNear', spec.unlessNear, 'other'),
        objectClause: slot(rule, 'objectClause', spec.objectClause, 'noun'),
        recipient: slot(rule, 'recipient', spec.recipient, 'noun'),
        linked: slot(rule, 'linked', spec.linked, 'noun'),
        tied: slot(rule, 'tied', spec.tied, 'noun'),
        prep: Object.entries(spec.prep ?? {}).map(([prep, values]) => [new Set(prep.split('|')), slot(rule, `prep-${prep}`, values, 'noun')!]),
        unlessPrep: Object.entries(spec.unlessPrep ?? {}).map(([prep, values]) => [new Set(prep.split('|')), slot(rule, `unlessPrep-${prep}`, values, 'noun')!]),
        index: compiled.length,
        nounAnchor: false,
        needs: [],
        objectPreps: new Set(spec.objectPreps ?? []),
        copula: spec.verb.includes('@copula')
      })
    }
    // A frame's own near-words ("who", "up", "can") are not nouns: they must not end a noun phrase.
    for (const [name, spec] of Object.entries(all)) if (spec.kind !== 'verb' && !/\/(near\d+|unlessNear)$/.test(name)) this.nounClasses.add(name)
    this.lexicon = new Lexicon(all)
    for (const f of compiled) {
      f.nounAnchor = [...f.verb].every((cls) => all[cls] !== undefined && all[cls].kind !== 'verb' && cls !== 'copula')
      const object = f.object || f.objectClause ? new Set([...(f.object ?? []), ...(f.objectClause ?? [])]) : undefined
      f.needs = [f.spec.agentless ? undefined : f.agent, f.spec.objectOptional ? undefined : object, f.by, f.for, f.recipient, f.objectWith, ...f.near, ...f.prep.map(([, s]) => s)].filter((s): s is Set<string> => s !== undefined)
      for (const cls of f.verb) (this.byVerb.get(cls) ?? this.byVerb.set(cls, []).get(cls)!).push(f)
    }
    this.frames = compiled
    this.needs = new FrameNeeds(compiled)
    this.reader = new SentenceReader(this.nounClasses)
    for (const f of compiled) for (const cls of f.verb) for (const form of this.lexicon.firstForms(cls)) this.anchors.add(form)
  }

  get size(): number { return this.frames.length }

  /** Whether a word is in the class `relatives` ("son", "partner"). */
  isKin(norm: string): boolean {
    return this.lexicon.singleForms('relatives')?.has(norm) === true
  }

  /** Whether a rule's words at [start, end) are about a person, as its `personSubject` / `personObject` ask (person-subject.ts). */
  aboutPerson(rule: Pick<Rule, 'personSubject' | 'personObject' | 'category'>, kind: string | undefined, tokens: Token[], text: string, start: number, end: number): boolean {
    return aboutPerson(this.reader.reset(tokens, text, this.lexicon.tag(tokens)), rule, kind, tokens, start, end)
  }

  /** Whether a frame's verb could start at this word. */
  has(norm: string): boolean {
    return this.anchors.has(norm)
  }

  /**
   * Word sets for the prefilter, one per frame: the words of one of its verbs, a word of each class set
   * a match always needs (see `requiredClasses`) and of each group of words it needs (`requiredWords`).
   */
  prefilterEntries(): PrefilterEntry[] {
    return prefilterEntries(this.frames, this.lexicon)
  }

  /** The page being reviewed and where it sits in the whole document: an FAQ answer's question may be in another piece (`answers: choice`). */
  source: {page: string; whole: string; base: number} | undefined

  /** The categories of frames the last sentence matched but for a negation ("Staff do not set goals"): a rejection, for the second opinion to respect. */
  readonly denied = new Set<string>()

  matchSentence(tokens: Token[], text: string): FrameMatch[] {
    this.denied.clear()
    if (!this.anchored(tokens)) return []
    const hits = this.lexicon.tag(tokens)
    this.needs.read(hits)
    let reader: SentenceReader | undefined
    const found: FrameMatch[] = []
    // Made when a frame first meets its needs: most anchored sentences read no clause.
    let [clauses, choice]: [Map<number, Clause> | undefined, boolean | undefined] = [undefined, undefined]
    for (const hit of hits) {
      const frames = this.byVerb.get(hit.cls)
      if (frames === undefined) continue
      // After "these", "their", "the": a noun ("explains these limits", "their plans"), not a verb.
      const afterSignal = hit.start > 0 && tokens[hit.start].join === 'space' && (NOUN_SIGNALS.has(tokens[hit.start - 1].norm) || afterPossessive(tokens, text, hit.start))
      // "Our Peer Mentoring programme": a capitalised word after another is part of a name, not a verb.
      const named = hit.start > 1 && UPPER_START.test(tokens[hit.start].raw) && UPPER_START.test(tokens[hit.start - 1].raw)
      const asNoun = named || namesActivity(tokens, hit.start) || listEnd(tokens, text, hits, hit.start, (cls) => this.nounClasses.has(cls) && !this.byVerb.has(cls)) || (!hit.participle && (afterSignal || (hit.start > 1 && tokens[hit.start].join === 'space' && NOUN_SIGNALS.has(tokens[hit.start - 2].norm) && COMPARATIVE.test(tokens[hit.start - 1].norm)) || inSingularPhrase(tokens, hit.start)))
      // "A Certified Peer Recovery Specialist", "the agreed time", "on agreed days": a participle between a determiner (or a preposition) and a noun describes the noun.
      const adjectival = hit.participle && (afterSignal || (hit.start > 0 && tokens[hit.start].join === 'space' && /^(on|at|in|with|within|from|for|of|among|about)$/.test(tokens[hit.start - 1].norm))) && hit.end - hit.start === 1 && hit.end < tokens.length && tokens[hit.end].join === 'space' && !isFunctionWord(tokens[hit.end].norm) && !isAdverb(tokens[hit.end].norm)
      for (const frame of frames) {
        if ((asNoun || adjectival) && !frame.nounAnchor) continue
        // Every class the frame needs must occur in the sentence before its clause is worth reading.
        if (!this.needs.meet(frame)) continue
        if (frame.spec.answers === 'choice' && !(choice ??= this.answersChoice(tokens, text))) continue
        reader ??= this.reader.reset(tokens, text, hits)
        const key = ((hit.start * (tokens.length + 1) + hit.end) << 1) | (frame.copula ? 1 : 0)
        clauses ??= new Map()
        let clause = clauses.get(key)
        if (!clause) clauses.set(key, (clause = reader.read(hit.start, hit.end, hit.participle, frame.copula)))
        const span = this.check(frame, clause, reader, hit)
        if (span) found.push({rule: frame.rule, ...withinCell(tokens, text, span[0], span[1], hit.start), headMatch: span[2], core: span[3], specificity: frame.needs.length + (frame.owner ? 1 : 0)})
      }
    }
    return resolve(found)
  }

  private answersChoice(tokens: Token[], text: string): boolean {
    const {whole, base} = this.source !== undefined && this.source.page === text ? this.source : {whole: text, base: 0}
    return answersChoice(whole, base + tokens[0].start, base + tokens[tokens.length - 1].end)
  }

  /** Whether a frame's verb could start at one of the words. */
  private anchored(tokens: Token[]): boolean {
    for (const t of tokens) if (this.anchors.has(t.norm)) return true
    return false
  }

  private check(frame: CompiledFrame, clause: Clause, reader: SentenceReader, hit: Hit): [number, number, boolean, number[]] | undefined {
    const {spec} = frame
    if (spec.gating ? !gated(reader) : frame.nounAnchor && !anchorIsArgument(clause, reader)) return undefined
    // "Follow-up after a hospital stay improved", "their scores improved", "whose schizophrenia has not improved": a measure or an illness that improves is not anyone recovering.
    if (frame.nounAnchor && hit.end - hit.start === 1 && RECOVERY_VERB.test(reader.tokens[hit.start].norm) && clause.left.some((np) => np.head !== undefined && (reader.classesOf(np, true).has('measure') || reader.classesOf(single(np.head), true).has('illness')))) return undefined
    // "The project is doing well when…", "complaints are resolved once…": words said of things as often as of people count
    // only of a person, or of what they live through ("grief is considered resolved when…").
    if ((frame.nounAnchor ? thingState(reader, hit) : clause.passive && onlyThingStates(reader, clause)) && clause.left.some((np) => np.head !== undefined && !livedSubject(reader, doerOf(reader, np.head)))) return undefined
    // "The measure of recovery is no admission for a year": a definition by absence, not a denial.
    const absent = frame.copula && frame.object?.has('measure') === true && reader.tokens[clause.verbEnd]?.norm === 'no' && reader.norm(clause.groupStart - 1) !== 'there' && reader.tokens[clause.verbEnd + 1]?.norm !== 'longer' && !reader.tokens.slice(clause.groupStart, clause.verbEnd).some((t) => NEGATORS.has(t.norm))
    const negated = !spec.gating && !absent && (frame.nounAnchor ? anchorNegated(clause, reader) : clause.negated || deniedObject(clause, reader) || causedUnderNegation(clause, reader) || (clause.limited && spec.negated === 'only')) && (spec.negated === 'only' || !conditional(clause, reader))
    // Only staff's or a peer's act denied outright is a rejection: "cannot be considered recovered", "are unable to" still
    // frame the person, "not yet able to show others the way" puts it off, "if staff cannot agree" supposes it.
    const denied = negated && !spec.negated && frame.agent !== undefined && !frame.agent.has(PERSON_CLASS) && !reader.tokens.slice(clause.start, clause.end).some((t) => t.norm === 'yet') && !conditional(clause, reader) && ![clause.start - 1, clause.start].some((i) => /^(if|unless|when|whenever)$/.test(reader.norm(i)))
    if (negated ? !spec.negated && !denied : spec.negated === 'only') return undefined
    // "You do not have to manage this on your own": an obligation lifted, not an inability.
    if (negated && spec.negated === 'only' && reader.tokens.slice(clause.groupStart, clause.verbStart).some((t, i, a) => t.norm === 'to' && /^(have|has|need|needs|got)$/.test(a[i - 1]?.norm ?? ''))) return undefined
    if (spec.voice && (spec.voice === 'passive') !== clause.passive) return undefined
    if (hit.ing && clause.groupStart === clause.verbStart && !clause.passive && spec.agent && clause.left.length === 0) return undefined
    const agents = agentsOf(clause, reader)
    if (concurs(clause, agents, reader)) return undefined
    if ((spec.negated === 'only' && frame.rule.category !== 'expert-patient' && readersOwnCase(agents, reader)) || (frame.agent?.has('peer') && !frame.agent.has(PERSON_CLASS) && readersRight(clause, agents, reader)) || owedPassive(clause, reader) || (frame.rule.category === 'expert-patient' && (underPersonsChoice(clause, reader) || withPersonsConsent(clause, reader) || workersOwnRequest(clause, reader) || personsRequest(clause, reader))) || personSaysAfter(clause, reader)) return undefined
    // In the passive the subject is the logical object, and what follows the verb its complement ("considered recovered").
    // "decides on the plan" names what is decided; after a direct object, "on …" says where ("reducing the size of the
    // images on the home page"), but after a doing it is the doing's ("means staying on medication").
    const prepObject = (o: Oblique) =>
      (frame.objectPreps.has(o.prep) && (clause.passive || !ABOUT.has(o.prep) || !clause.right.some((r) => r.end === o.np.start - 1 && r.head !== undefined && !reader.tokens[r.head].norm.endsWith('ing'))) && !nestedInClause(o, clause, reader)) ||
      // "decides after the visit what follow-up the person will get", "decide together what happens": a clause object put after a
      // phrase or an adverb, no comma between.
      // A frame with no agent takes only a whether-clause so ('check at each visit whether the member is still taking…').
      (frame.objectClause !== undefined && (frame.agent === undefined ? o.prep === 'whether' && o.np.start - 1 > clause.verbEnd && !/^(and|or)$/.test(reader.norm(o.np.start - 2)) : !frame.agent.has(PERSON_CLASS)) && !clause.passive && DISPLACED.has(o.prep) && reader.tokens[o.np.start - 1]?.join !== 'break' &&
        // "check each morning that guests have taken…": a that- or if-clause only after a time phrase ("are clear in our adverts that…" says).
        (o.prep === 'that' || o.prep === 'if' ? clause.right.length > 0 && clause.right.every((r) => timePhrase(r, reader)) : clause.right.every((r) => (r.end - r.start === 1 && (isAdverb(reader.norm(r.start)) || SHARED.has(reader.norm(r.start)))) || timePhrase(r, reader))) &&
        !clause.obliques.some((w) => w.prep === 'with' && w.np.start < o.np.start))
    // "what to do when a friend becomes someone you serve": the fronted word is the object; the clause after says when.
    const fronted = clause.groupStart > 0 && reader.tokens[clause.groupStart].norm === 'to' && WH.has(reader.tokens[clause.groupStart - 1].norm)
    // Index loops, not spreads of filtered arrays: an empty and a filled array differ in V8's elements kind, and the
    // spread's map check threw away this function's optimised code (a compile of 0.2-0.3 s) once in every review.
    const objects: Np[] = []
    if (clause.passive) for (let k = 0; k < clause.left.length; k++) if (!attachedToNoun(reader.tokens, clause.left[k].start)) objects.push(clause.left[k])
    // "reviews the plan, updates it": a pronoun object is checked as the phrase it stands for, and marked itself.
    const standIns = new StandIns(reader, frame.object, clause, agents)
    for (let k = 0; k < clause.right.length; k++) if (!fronted || clause.right[k].head !== undefined) objects.push(standIns.of(clause.right[k]))
    // Not a phrase set aside: "meant getting back to my allotment, not a number on the scales".
    for (let k = 0; k < clause.obliques.length; k++) if (prepObject(clause.obliques[k]) && !setAgainst(reader, clause.obliques[k].np.start)) objects.push(standIns.of(clause.obliques[k].np))
    const parts: Np[] = []
    let headMatch = true
    const core: number[] = []
    for (let i = clause.verbStart; i < clause.verbEnd; i++) core.push(i)

    // The classes the agent was found by: an object of one of them is the agent's side, not the other party.
    const agentVia = new Set<string>()
    const agent = frame.agent
    if (agent) {
      if (agents.length === 0) {
        if (!(clause.passive && spec.agentless)) return undefined
      } else {
        for (let k = 0; k < agents.length; k++) if (agents[k].negative) return undefined
        // "when the house meeting agrees", "the tenants' meeting decides": the people's own meeting is the people.
        const classes: Array<Set<string>> = []
        const matched: Np[] = []
        for (let k = 0; k < agents.length; k++) {
          // A staff meeting decides as staff do ("settled at the weekly huddle").
          const cs = peoplesMeeting(agents[k], reader) ? new Set([PERSON_CLASS]) : withMeetingAsStaff(reader.classesOf(agents[k], true))
          classes.push(cs)
          if (intersects(cs, agent)) matched.push(agents[k])
        }
        if (matched.length === 0) return undefined
        // "The consultant and the person decide": a shared decision.
        // "When you and your counsellor agree you are ready": "you" beside "your" staff is the reader sharing it.
        for (let k = 0; k < classes.length; k++) if ((classes[k].has(PERSON_CLASS) && !intersects(classes[k], agent)) || readerShares(agents, k, reader)) return undefined
        for (const cs of classes) for (const c of cs) if (agent.has(c) && !frame.object?.has(c)) agentVia.add(c)
        // Who acts is part of the point when it is staff or a peer; a sentence about the person is marked from its verb. An agent
        // before a relative pronoun ("…by your care coordinator, who decided…") is marked by the pronoun: the main clause is its own.
        if (!agent.has(PERSON_CLASS)) for (let k = 0; k < matched.length; k++) parts.push(relativeFor(matched[k], clause, reader) ?? matched[k])
      }
    }
    // "not the people who make decisions for them": a denied doer denies the doing, whatever the frame asks of the agent.
    if (!agent && spec.negated === undefined && !clause.passive && agents.some((np) => np.negative)) return undefined
    if (frame.notAgent && agents.some((np) => intersects(reader.classesOf(np, true), frame.notAgent))) return undefined
    // "the perpetrator made every decision for her", "Groomers … before controlling who they see": control by someone who harms
    // the person (classes.yml `abuser`) is the harm a service names, not staff over the person (as verdict-checks.ts abuserControls).
    if (frame.rule.category === 'expert-patient' && agents.length > 0 && agents.every((np) => reader.classesOf(np, true).has('abuser'))) return undefined
    // "If you think there is a serious risk": an existential "there" is the clause's subject, not the person before it.
    // introducedBy: the clause right after its noun ("the plan our volunteers used"), no comma between ("…their plans, the peer worker keeps…").
    if (frame.copula && (progressive(clause, agents, reader) || reader.norm(clause.groupStart - 1) === 'there')) return undefined
    if (frame.introducedBy && !agents.some((np) => reader.tokens[np.start].join !== 'break' && [1, 2, 3].some((n) => np.start - n >= 0 && frame.introducedBy!.has(Array.from({length: n}, (_, j) => reader.norm(np.start - n + j)).join(' '))))) return undefined
    if (frame.owner && !frame.object && !frame.objectClause && !agents.some((p) => ownedBy(p, reader, frame.owner!))) return undefined
    // The writer speaking of themself ("My recovery has involved medication", "I decided my own goals").
    // Not what the writer does to others ("part of my job is to get people to take their meds").
    if (frame.rule.category !== 'role-model' && agents.some((np) => (np.possessor !== undefined && reader.tokens[np.possessor].norm === 'my') || (np.head !== undefined && reader.tokens[np.head].norm === 'i')) && !objects.some((np) => reader.classesOf(np, false).has(PERSON_CLASS))) return undefined
    // What was done to the writer ("I was written up as non-compliant", "I was told my date"): their own account.
    if (frame.rule.category !== 'role-model' && clause.passive && clause.left.some((np) => np.head !== undefined && reader.tokens[np.head].norm === 'i')) return undefined
    // "Recovery means no admissions": a definition by absence, not a denial.
    const absence = frame.copula || DEFINING.test(reader.tokens[clause.verbStart].norm)
    // "cannot keep a tenancy going": a verb entry that carries its own object needs no other.
    const ownObject = hit.end - hit.start > 1 && reader.isNoun(hit.end - 1)
    if ((frame.object || frame.objectClause) && !(spec.objectOptional && (objects.length === 0 || ownObject))) {
      const setAside = (frame.linked !== undefined || frame.tied !== undefined) && personSetAside(reader, clause.verbStart)
      const matched = objects.filter(
        (np) =>
          (!np.negative || spec.negated !== undefined || absence) &&
          // A that-clause is an object only for a frame that takes one: "a tutor writes that a learner refused the tasks" reports.
          (np.head === undefined ? (frame.objectClause !== undefined || reader.norm(np.start) !== 'that') && !(frame.agent === undefined && ownCheck(np, agents, reader)) && !ownArrangement(np, agents, reader) && (setAside || intersects(clauseClasses(np, reader), frame.objectClause ?? frame.object) || (frame.objectClause?.has(PERSON_CLASS) === true && aboutSomeone(np, reader))) && !staffClause(np, reader, frame.objectClause ?? frame.object) : setAside || intersects(complementClasses(np, reader, frame.copula), frame.object) || (frame.copula && intersects(gerundObject(np, agents, reader), frame.object))) &&
          (frame.rule.category === 'role-model' ? !(frame.verb.has('follow') && ownWay(np, agents, reader)) : !selfOwned(np, agents, reader, frame)) &&
          // Two parties: a word of the agent's class is not the other one ("you can tell any peer worker" is no peer informing staff).
          // Not a word of both ('example' is a story and a template: "Their recovery is a good example for students").
          (np.head === undefined || !reader.hits.some((h) => !h.addressed && h.start <= np.head! && h.end > np.head! && agentVia.has(h.cls)) || reader.hits.some((h) => h.start <= np.head! && h.end > np.head! && frame.object?.has(h.cls) === true && !agentVia.has(h.cls) && !PERSON_CLASSES.includes(h.cls))) &&
          (!frame.linked || setAside || !onlyLinked(np.head === undefined ? clauseClasses(np, reader) : reader.classesOf(np, false), frame) || (np.head === undefined ? personIn(np, reader) || whPlan(np, reader, frame) : tiedToPerson(np, clause, reader) && linkedOutsideName(np, reader, frame) && linkedAtHead(np, reader, frame))) &&
          (!frame.tied || setAside || np.head === undefined || !onlyTied(reader.classesOf(np, false), frame) || namesItsPerson(np, clause, reader)) &&
          (!frame.objectWith || intersects(reader.classesOf(np, false), frame.objectWith)) &&
          (!frame.objectHead || np.head === undefined || intersects(reader.classesOf(single(np.head), true), frame.objectHead) || intersects(reader.classesOf(single(np.head), true), frame.object)) &&
          (!frame.owner || [np, ...agents].some((p) => ownedBy(p, reader, frame.owner!))) &&
          (!frame.notOwner || !ownedBy(np, reader, frame.notOwner)) &&
          !(frame.object?.has(PERSON_CLASS) && themIsThing(np, clause, reader)) && !negatedDefinition(np, reader)
      )
      if (matched.length === 0) return undefined
      const np = matched[0]
      const shown = standIns.shown(np)
      headMatch = np.head === undefined || intersects(reader.classesOf(single(np.head), true), frame.object)
      // A person named as the object is the frame's subject matter, not its point ("service users are informed").
      if (shown.head !== undefined && !frame.object?.has(PERSON_CLASS)) core.push(shown.head)
      if (frame.recipient && !objects.some((other) => other !== np && intersects(reader.classesOf(other, true), frame.recipient)) && !clause.obliques.some((o) => (o.prep === 'to' || o.prep === 'for') && o.np.head !== undefined && intersects(reader.classesOf(o.np, true), frame.recipient))) return undefined
      parts.push(shown)
    }
    if (frame.by) {
      // The agent's by-phrase (in the passive, the agents, unless the frame has an agent of its own), then the other means.
      const means: Np[] = []
      if (clause.passive) {
        if (!frame.agent) for (let k = 0; k < agents.length; k++) means.push(agents[k])
        // A retained object: "you will be told the outcome", "residents are given the decision".
        for (let k = 0; k < clause.right.length; k++) if (clause.right[k].head !== undefined) means.push(clause.right[k])
      } else for (let k = 0; k < clause.obliques.length; k++) if (clause.obliques[k].prep === 'by') means.push(clause.obliques[k].np)
      for (let k = 0; k < clause.obliques.length; k++) if (BY_PREPS.has(clause.obliques[k].prep) && clause.obliques[k].prep !== 'by') means.push(clause.obliques[k].np)
      const matched = means.find((np) => intersects(reader.classesOf(np, false), frame.by) && !setAgainst(reader, np.start))
      if (!matched) return undefined
      parts.push(headOnly(matched))
    }
    if (frame.for) {
      // Not past a comma: "choose the activities, from a walking group to a Welsh for adults class" names a class, not whom it is for.
      // Nor inside a wh-clause coordinated after it: "the goals you chose and what has changed for you".
      const matched = clause.obliques.filter((o) => o.prep === 'for' && o.np.head !== undefined && intersects(reader.classesOf(o.np, false), frame.for) && !reader.commaBetween(clause.verbEnd, o.np.start) && !reader.tokens.slice(clause.verbEnd, o.np.start).some((t, k) => DISPLACED.has(t.norm) && /^(and|or|but)$/.test(reader.norm(clause.verbEnd + k - 1))))
      if (matched.length === 0) return undefined
      parts.push(headOnly(matched[0].np))
    }
    if (spec.modal && !reader.tokens.slice(clause.groupStart, clause.verbStart).some((t) => spec.modal!.includes(t.norm) || spec.modal!.some((m) => t.norm.endsWith(m) && m.startsWith("'")))) return undefined
    // "allocates referrals to the peer workers", "decides how referrals are shared between the two bases": work handed out.
    // Not a phrase right after the verb ("is settled between the doctors": who decides), nor a second verb's ("… and sends them to the peer worker").
    for (const [prep, classes] of frame.unlessPrep) for (let i = clause.verbEnd + 1; i < reader.tokens.length && !/[,;:.!?]/.test(reader.gap(i)) && !/^(and|or|but|then)$/.test(reader.norm(i)); i++) if (prep.has(reader.norm(i)) && reader.rightNp(i + 1, reader.tokens.length).slice(0, reader.norm(i) === 'to' ? 1 : undefined).some((np) => np.head !== undefined && np.possessor === undefined && intersects(reader.classesOf(single(np.head), false), classes))) return undefined
    for (const [prep, classes] of frame.prep) {
      // The phrase may sit inside a clause object ("passes on what the person says to the team"); "to|with": either.
      let found: Np | undefined
      for (let i = clause.verbEnd; i < clause.end && !found; i++) {
        // Not past a second verb of its own ("approved by the trustees and signed on their behalf").
        if (/^(and|or)$/.test(reader.tokens[i].norm) && (reader.norm(i + 1).endsWith('ed') || isVerbGroupWord(reader.norm(i + 1)))) break
        if (!prep.has(reader.tokens[i].norm) || setAgainst(reader, i)) continue
        // Not "a matter for the members' meeting" or "their own meeting": a body of the people themselves ("her key worker" is staff).
        found = reader.rightNp(i + 1, clause.end).find((np) => np.head !== undefined && intersects(reader.classesOf(np, false), classes) && !(classes.has('staff') && reader.hits.some((h) => h.cls === PERSON_CLASS && h.start >= np.start && h.end <= np.end && !(POSSESSIVES.has(reader.tokens[h.start].norm) && reader.tokens[h.end]?.norm !== 'own'))))
      }
      if (!found) return undefined
      parts.push(headOnly(found))
    }
    const inClause = (classes: Set<string>, done = false) => nearHit(reader, clause, classes, done, spec.nearSentence === true)
    // A frame with no object ("open to anyone whose condition is stable", "everything the person cannot do") spans its verb and its near-words.
    const nearOnly = !frame.object && !frame.objectClause && frame.prep.length === 0 && !frame.nounAnchor
    for (const group of frame.near) {
      const hit = inClause(group, spec.nearDone)
      if (!hit || wraps(hit, clause)) return undefined
      // A noun anchor's key span reaches the word it is tied to ("recovery … below the cut-off").
      if ((frame.nounAnchor && group === frame.near[0]) || nearOnly || spec.spanNear) parts.push({start: hit.start, end: hit.end, head: hit.end - 1, negative: false})
    }
    if (frame.unlessNear && inClause(frame.unlessNear)) return undefined
    if (spec.to) {
      const last = !clause.passive && objects.length > 0 ? Math.max(...objects.map((o) => o.end)) : clause.verbEnd
      if (reader.tokens[last]?.norm !== 'to') return undefined
    }
    if ((spec.unlessShared && shared(clause, reader)) || (spec.overridesPerson && !personOverridden(reader))) return undefined
    let start = clause.verbStart
    let end = clause.verbEnd
    for (const np of parts) {
      // A long phrase is marked from its head, and a hyphenated head from its first part ("Move-on from the house").
      let head = np.head ?? np.start
      while (head > np.start && reader.tokens[head].join === 'hyphen') head--
      start = Math.min(start, np.head !== undefined && np.end - np.start > 4 ? head : np.start)
      // A clause object is marked up to the word that made it match ("decide which groups you…"), a thing of the frame's classes where there is one (thingHit).
      const lastHit = np.head === undefined ? (thingHit(hitsIn(reader.hits, np.start, np.end), frame.objectClause ?? frame.object) ?? firstHit(hitsIn(reader.hits, np.start, np.end), this.nounClasses))?.end : undefined
      end = Math.max(end, np.head !== undefined ? np.head + 1 : (lastHit ?? np.end))
    }
    if (denied) return void this.denied.add(frame.rule.category)
    return [start, end, headMatch, core]
  }
}

const withMeetingAsStaff = (cs: Set<string>): Set<string> => (cs.has(MEETING_CLASS) && !cs.has('staff') ? new Set([...cs, 'staff']) : cs)
