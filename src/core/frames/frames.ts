/**
 * Frame rules: a relation inside a clause ("a professional sets the person's
 * goals", "recovery is measured by scores") instead of a stock phrase. The
 * frame's verb is found through the lexicon; the clause reader gives its
 * subject, object and preposition phrases; each slot is checked against word
 * classes. A negated clause ("the team never decides for you") rejects the
 * frame, and so does a decision made with the person.
 */
import type {Token} from '../match/tokens.js'
import type {FrameSpec, Rule, WordClassSpec} from '../types.js'
import {SentenceReader, type Clause, type Np} from './clause.js'
import {BE, isAdverb, isNegator, isVerbGroupWord, PREPOSITIONS, PRONOUNS, RELATIVES, SHARED, SUBORDINATORS} from './grammar.js'
import {Lexicon, type Hit} from './lexicon.js'

/** Prepositions of a means or measure ("measured by", "defined as", "recovered when"). */
const BY_PREPS = new Set(['by', 'using', 'through', 'via', 'as', 'against', 'from', 'on', 'in', 'with', 'when', 'if', 'once', 'after', 'until', 'based', 'according', 'under', 'below', 'above', 'within', 'of', 'about', 'regarding', 'concerning', 'to', 'that', 'what', 'how', 'why', 'which', 'whether'])
const WITH_PREPS = new Set(['with', 'alongside'])

interface CompiledFrame {
  rule: Rule
  spec: FrameSpec
  verb: Set<string>
  agent?: Set<string>
  object?: Set<string>
  by?: Set<string>
  for?: Set<string>
  notAgent?: Set<string>
  objectWith?: Set<string>
  owner?: Set<string>
  near: Array<Set<string>>
  unlessNear?: Set<string>
  objectClause?: Set<string>
  recipient?: Set<string>
  linked?: Set<string>
  prep: Array<[string, Set<string>]>
  objectPreps: Set<string>
  copula: boolean
  /** The anchor is a noun or adjective ("recovered … when … scores"), not a verb. */
  nounAnchor: boolean
  /** Classes the sentence must hold one of each before the clause is read (a cheap pre-check). */
  needs: Array<Set<string>>
}

/** A frame match: tokens [start, end) of the clause's key span. */
export interface FrameMatch {
  rule: Rule
  start: number
  end: number
  /** The object slot was filled by the head of its phrase, not a modifier ("recovery goals" is goals). */
  headMatch: boolean
  /** The tokens that carry the frame itself (the verb and the object's head): a phrase finding there says the same. */
  core: number[]
  /** How many slots the frame constrains: the more specific frame wins a tie. */
  specificity: number
}

/** The class that names the person a service supports: a decision made with them is shared. */
const PERSON_CLASS = 'people'
const PERSONAL = new Set(['i', 'you', 'he', 'she', 'we', 'they', 'who', 'someone', 'anyone', 'everyone', 'somebody', 'anybody', 'everybody'])
/** Meetings where staff decide ("at the MDT meeting"), also listed among staff. */
const MEETING_CLASS = 'meeting'

export class FrameMatcher {
  readonly lexicon: Lexicon
  private readonly frames: CompiledFrame[] = []
  private readonly anchors = new Set<string>()
  private readonly nounClasses = new Set<string>()
  private readonly byVerb = new Map<string, CompiledFrame[]>()

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
        owner: slot(rule, 'owner', spec.owner, 'noun'),
        near: nearGroups(spec.near).map((group, i) => slot(rule, `near${i}`, group, 'other')!),
        unlessNear: slot(rule, 'unlessNear', spec.unlessNear, 'other'),
        objectClause: slot(rule, 'objectClause', spec.objectClause, 'noun'),
        recipient: slot(rule, 'recipient', spec.recipient, 'noun'),
        linked: slot(rule, 'linked', spec.linked, 'noun'),
        prep: Object.entries(spec.prep ?? {}).map(([prep, values]) => [prep, slot(rule, `prep-${prep}`, values, 'noun')!]),
        nounAnchor: false,
        needs: [],
        objectPreps: new Set(spec.objectPreps ?? []),
        copula: spec.verb.includes('@copula')
      })
    }
    for (const [name, spec] of Object.entries(all)) if (spec.kind !== 'verb') this.nounClasses.add(name)
    this.lexicon = new Lexicon(all)
    for (const f of compiled) {
      f.nounAnchor = [...f.verb].every((cls) => all[cls] !== undefined && all[cls].kind !== 'verb' && cls !== 'copula')
      const object = f.object || f.objectClause ? new Set([...(f.object ?? []), ...(f.objectClause ?? [])]) : undefined
      f.needs = [f.spec.agentless ? undefined : f.agent, f.spec.objectOptional ? undefined : object, f.by, f.for, f.recipient, f.objectWith, ...f.near, ...f.prep.map(([, s]) => s)].filter((s): s is Set<string> => s !== undefined)
      for (const cls of f.verb) (this.byVerb.get(cls) ?? this.byVerb.set(cls, []).get(cls)!).push(f)
    }
    this.frames = compiled
    for (const f of compiled) for (const cls of f.verb) for (const form of this.lexicon.firstForms(cls)) this.anchors.add(form)
  }

  get size(): number {
    return this.frames.length
  }

  /** Whether a word is in the class `relatives` ("son", "partner"). */
  isKin(norm: string): boolean {
    return this.lexicon.singleForms('relatives')?.has(norm) === true
  }

  /**
   * When the words at `start` are the complement of a linking verb ("The garden project has become a
   * role model"), whether the verb's subject is a person: a people, staff, peer or relatives word, a
   * personal pronoun, or a capitalised name. Anywhere else, true.
   */
  /** One reader per sentence (tagging reads the whole sentence: once, however many matches ask). */
  private readonly readers = new WeakMap<Token[], SentenceReader>()

  private readerFor(tokens: Token[], text: string): SentenceReader {
    let reader = this.readers.get(tokens)
    if (!reader) this.readers.set(tokens, (reader = new SentenceReader(tokens, text, this.lexicon.tag(tokens), this.nounClasses)))
    return reader
  }

  complementOfPerson(tokens: Token[], text: string, start: number): boolean {
    let v = start - 1
    while (v >= 0 && /^(a|an|the|such|real|positive|good|great|true|genuine|some|kind|of|sort|more|most|very|quite|an|becoming)$/.test(tokens[v].norm)) v--
    if (v < 0 || !/^(is|are|was|were|be|been|being|become|becomes|became|remain|remains|seen|regarded|considered|act|acts|acted|serve|serves|served|as)$/.test(tokens[v].norm)) return true
    const reader = this.readerFor(tokens, text)
    // "act as", "serve as": the subject is the verb's; "sees her as": the complement is said of "her".
    const copula = tokens[v].norm !== 'as'
    if (!copula && v > 0) {
      v--
      if (!/^(act|acts|acted|acting|serve|serves|served|serving|function|functions|work|works|worked|seen|regarded|considered|described|known|treated|viewed)$/.test(tokens[v].norm)) {
        // The phrase before "as", with its of/with phrase ("people with dementia as…").
        for (let i = v; i >= 0 && v - i < 5 && !(tokens[i + 1]?.join === 'break'); i--) {
          const n = tokens[i].norm
          if (isVerbGroupWord(n) && !isAdverb(n)) break
          if (PERSONAL.has(n) || /^(her|him|them|me|us)$/.test(n) || ['people', 'staff', 'peer', 'relatives'].some((c) => reader.classesOf(single(i), true).has(c))) return true
        }
        return false
      }
    }
    const clause = reader.read(v, v + 1, false, copula)
    if (clause.left.length === 0) return true
    return clause.left.some((np) => {
      if (np.head === undefined) return true
      const classes = reader.classesOf(np, true)
      if (['people', 'staff', 'peer', 'relatives'].some((c) => classes.has(c))) return true
      const head = tokens[np.head]
      return PERSONAL.has(head.norm) || (/^\p{Lu}/u.test(head.raw) && np.head > 0 && head.raw !== head.raw.toUpperCase())
    })
  }

  /** Whether a frame's verb could start at this word. */
  has(norm: string): boolean {
    return this.anchors.has(norm)
  }

  /** Word sets for the prefilter: each frame needs its verb, and its agent/object classes when given. */
  prefilterEntries(): Array<{verb: string[][]; slots: string[][][]}> {
    const forms = (classes: Set<string> | undefined) => (classes ? [...classes].flatMap((c) => this.lexicon.entries(c)) : [])
    return this.frames.map((f) => ({
      verb: forms(f.verb).map((words) => words[0]),
      slots: [f.agent, f.object && f.objectClause ? new Set([...f.object, ...f.objectClause]) : (f.object ?? f.objectClause), f.recipient, f.by, f.for, f.objectWith, f.owner, ...f.near, ...f.prep.map(([, s]) => s)].filter((s) => s !== undefined).map((s) => forms(s).map((words) => words.flat()))
    }))
  }

  matchSentence(tokens: Token[], text: string): FrameMatch[] {
    if (!tokens.some((t) => this.anchors.has(t.norm))) return []
    const hits = this.lexicon.tag(tokens)
    const present = new Set(hits.map((h) => h.cls))
    let reader: SentenceReader | undefined
    const found: FrameMatch[] = []
    const clauses = new Map<string, Clause>()
    for (const hit of hits) {
      for (const frame of this.byVerb.get(hit.cls) ?? []) {
        // Every class the frame needs must occur in the sentence before its clause is worth reading.
        if (!frame.needs.every((classes) => intersects(present, classes))) continue
        reader ??= new SentenceReader(tokens, text, hits, this.nounClasses)
        const key = `${hit.start}:${hit.end}:${frame.copula}`
        let clause = clauses.get(key)
        if (!clause) clauses.set(key, (clause = reader.read(hit.start, hit.end, hit.participle, frame.copula)))
        const span = this.check(frame, clause, reader, hit)
        if (span) found.push({rule: frame.rule, start: span[0], end: span[1], headMatch: span[2], core: span[3], specificity: frame.needs.length + (frame.owner ? 1 : 0)})
      }
    }
    return resolve(found)
  }

  private check(frame: CompiledFrame, clause: Clause, reader: SentenceReader, hit: Hit): [number, number, boolean, number[]] | undefined {
    const {spec} = frame
    if (spec.gating ? !gated(reader) : frame.nounAnchor && !anchorIsArgument(clause, reader)) return undefined
    const negated = !spec.gating && (frame.nounAnchor ? anchorNegated(clause, reader) : clause.negated) && !conditional(clause, reader)
    if (negated ? !spec.negated : spec.negated === 'only') return undefined
    if (spec.voice && (spec.voice === 'passive') !== clause.passive) return undefined
    if (hit.ing && clause.groupStart === clause.verbStart && !clause.passive && spec.agent && clause.left.length === 0) return undefined
    // "decided at the MDT meeting": a meeting named in the passive is who decided.
    const byAgent = clause.obliques.filter((o) => o.prep === 'by' || (clause.passive && (o.prep === 'at' || o.prep === 'in') && reader.classesOf(o.np, true).has(MEETING_CLASS))).map((o) => o.np)
    const agents = clause.passive ? byAgent : clause.left
    // In the passive the subject is the logical object, and what follows the verb its complement ("considered recovered").
    const objects = [...(clause.passive ? [...clause.left, ...clause.right] : clause.right), ...clause.obliques.filter((o) => frame.objectPreps.has(o.prep)).map((o) => o.np)]
    const parts: Np[] = []
    let headMatch = true
    const core: number[] = []
    for (let i = clause.verbStart; i < clause.verbEnd; i++) core.push(i)

    if (frame.agent) {
      if (agents.length === 0) {
        if (!(clause.passive && spec.agentless)) return undefined
      } else {
        if (agents.some((np) => np.negative)) return undefined
        const matched = agents.filter((np) => intersects(reader.classesOf(np, true), frame.agent))
        if (matched.length === 0) return undefined
        // "The consultant and the person decide": a shared decision.
        if (agents.some((np) => reader.classesOf(np, true).has(PERSON_CLASS) && !intersects(reader.classesOf(np, true), frame.agent))) return undefined
        // Who acts is part of the point when it is staff or a peer; a sentence about the person is marked from its verb.
        if (!frame.agent.has(PERSON_CLASS)) parts.push(...matched)
      }
    }
    if (frame.notAgent && agents.some((np) => intersects(reader.classesOf(np, true), frame.notAgent))) return undefined
    if (frame.owner && !frame.object && !frame.objectClause && !agents.some((p) => p.possessor !== undefined && intersects(reader.classesOf(single(p.possessor), true), frame.owner))) return undefined
    // The writer speaking of themself ("My recovery has involved medication", "I decided my own goals").
    if (frame.rule.category !== 'role-model' && agents.some((np) => (np.possessor !== undefined && reader.tokens[np.possessor].norm === 'my') || (np.head !== undefined && reader.tokens[np.head].norm === 'i'))) return undefined
    if ((frame.object || frame.objectClause) && !(spec.objectOptional && objects.length === 0)) {
      const matched = objects.filter(
        (np) =>
          !np.negative &&
          (np.head === undefined ? intersects(reader.classesOf(np, false), frame.objectClause ?? frame.object) : intersects(reader.classesOf(np, false), frame.object)) &&
          !selfOwned(np, agents, reader, frame) &&
          (!frame.linked || np.head === undefined || !onlyLinked(reader.classesOf(np, false), frame) || tiedToPerson(np, clause, reader)) &&
          (!frame.objectWith || intersects(reader.classesOf(np, false), frame.objectWith)) &&
          (!frame.owner || [np, ...agents].some((p) => p.possessor !== undefined && intersects(reader.classesOf(single(p.possessor), true), frame.owner)))
      )
      if (matched.length === 0) return undefined
      const np = matched[0]
      headMatch = np.head === undefined || intersects(reader.classesOf(single(np.head), true), frame.object)
      // A person named as the object is the frame's subject matter, not its point ("service users are informed").
      if (np.head !== undefined && !frame.object?.has(PERSON_CLASS)) core.push(np.head)
      if (frame.recipient && !objects.some((other) => other !== np && intersects(reader.classesOf(other, true), frame.recipient)) && !clause.obliques.some((o) => (o.prep === 'to' || o.prep === 'for') && o.np.head !== undefined && intersects(reader.classesOf(o.np, true), frame.recipient))) return undefined
      parts.push(np)
    }
    if (frame.by) {
      const means = [...(clause.passive && frame.agent ? [] : byAgent), ...clause.obliques.filter((o) => BY_PREPS.has(o.prep) && o.prep !== 'by').map((o) => o.np)]
      const matched = means.filter((np) => intersects(reader.classesOf(np, false), frame.by))
      if (matched.length === 0) return undefined
      parts.push(...matched.slice(0, 1).map((np) => headOnly(np)))
    }
    if (frame.for) {
      const matched = clause.obliques.filter((o) => o.prep === 'for' && o.np.head !== undefined && intersects(reader.classesOf(o.np, false), frame.for))
      if (matched.length === 0) return undefined
      parts.push(headOnly(matched[0].np))
    }
    if (spec.modal && !reader.tokens.slice(clause.groupStart, clause.verbStart).some((t) => spec.modal!.includes(t.norm) || spec.modal!.some((m) => t.norm.endsWith(m) && m.startsWith("'")))) return undefined
    for (const [prep, classes] of frame.prep) {
      // The phrase may sit inside a clause object ("passes on what the person says to the team").
      let found: Np | undefined
      for (let i = clause.verbEnd; i < clause.end && !found; i++) {
        if (reader.tokens[i].norm !== prep) continue
        found = reader.rightNp(i + 1, clause.end).find((np) => np.head !== undefined && intersects(reader.classesOf(np, false), classes))
      }
      if (!found) return undefined
      parts.push(headOnly(found))
    }
    const inClause = (classes: Set<string>) => {
      if (spec.nearSentence) return reader.firstHitOf(classes)
      for (const h of reader.hitsIn(clause.start, clause.end)) if (classes.has(h.cls)) return h
      return undefined
    }
    for (const group of frame.near) {
      const hit = inClause(group)
      if (!hit) return undefined
      // A noun anchor's key span reaches the word it is tied to ("recovery … below the cut-off").
      if (frame.nounAnchor && group === frame.near[0]) parts.push({start: hit.start, end: hit.end, head: hit.end - 1, negative: false})
    }
    if (frame.unlessNear && inClause(frame.unlessNear)) return undefined
    if (spec.to) {
      const last = !clause.passive && objects.length > 0 ? Math.max(...objects.map((o) => o.end)) : clause.verbEnd
      if (reader.tokens[last]?.norm !== 'to') return undefined
    }
    if (spec.unlessShared && shared(clause, reader)) return undefined
    let start = clause.verbStart
    let end = clause.verbEnd
    for (const np of parts) {
      start = Math.min(start, np.head !== undefined && np.end - np.start > 4 ? np.head : np.start)
      // A clause object is marked up to the word that made it match ("decide which groups you…").
      const lastHit = np.head === undefined ? firstHit(reader.hitsIn(np.start, np.end), this.nounClasses)?.end : undefined
      end = Math.max(end, np.head !== undefined ? np.head + 1 : (lastHit ?? np.end))
    }
    return [start, end, headMatch, core]
  }
}

function intersects(a: Set<string>, b: Set<string> | undefined): boolean {
  if (!b) return false
  for (const x of a) if (b.has(x)) return true
  return false
}

function headOnly(np: Np): Np {
  return np.head === undefined ? np : {...np, start: np.head, end: np.head + 1}
}

/** "The team sets its own targets", "we agree our rota", "staff set their own learning goals": the object belongs to the agent. */
function selfOwned(np: Np, agents: Np[], reader: SentenceReader, frame: CompiledFrame): boolean {
  if (np.possessor === undefined) return false
  const owner = reader.tokens[np.possessor].norm
  if (reader.tokens[np.possessor + 1]?.norm === 'own' && agents.length > 0) return true
  if (owner === 'its') return true
  const agentWords = agents.map((a) => (a.head !== undefined ? reader.tokens[a.head].norm : ''))
  if ((owner === 'our' && agentWords.includes('we')) || (owner === 'my' && agentWords.includes('i'))) return true
  if (PRONOUNS.has(owner)) return false
  return intersects(reader.classesOf(single(np.possessor), true), frame.agent)
}

const single = (i: number): Np => ({start: i, end: i + 1, head: i, negative: false})

/** The object matched only through classes that need a tie to the person ("goals", "plans"). */
function onlyLinked(classes: Set<string>, frame: CompiledFrame): boolean {
  for (const c of classes) if (frame.object?.has(c) && !frame.linked!.has(c)) return false
  return true
}

const PERSON_LINK = new Set(['people', 'relatives'])

/**
 * A generic plan word ("goals", "plans", "schedule") is the person's unless the sentence ties it to
 * something else: a staff or service owner ("the team's targets"), or a for/of phrase naming something
 * other than a person ("plans for a new smoking shelter", "leave for staff").
 */
function tiedToPerson(np: Np, clause: Clause, reader: SentenceReader): boolean {
  if (np.possessor !== undefined) {
    const owner = reader.tokens[np.possessor].norm
    if (owner === 'his' || owner === 'her' || owner === 'their' || owner === 'your') return true
    const classes = reader.classesOf(single(np.possessor), true)
    if (intersects(classes, PERSON_LINK)) return true
    if (classes.has('staff') || owner === 'its' || owner === 'our') return false
  }
  for (let i = np.start; i < np.end; i++) if (i !== np.head && intersects(reader.classesOf(single(i), true), PERSON_LINK)) return true
  const tie = clause.obliques.find((o) => (o.prep === 'for' || o.prep === 'of') && o.np.head !== undefined && o.np.start >= np.end && o.np.start <= np.end + 1)
  return !tie || intersects(reader.classesOf(tie.np, true), PERSON_LINK)
}

/** The clause says the decision is made with the person ("together", "with the person"). */
function shared(clause: Clause, reader: SentenceReader): boolean {
  for (let i = clause.start; i < clause.end; i++) {
    const n = reader.tokens[i].norm
    if (SHARED.has(n) || (n === 'co' && reader.tokens[i + 1]?.join === 'hyphen')) return true
  }
  return clause.obliques.some((o) => {
    if (!WITH_PREPS.has(o.prep) || !(reader.classesOf(o.np, false).has(PERSON_CLASS) || isPersonPronoun(o.np, reader))) return false
    // "rather than with the person", "not with the person": the decision is explicitly not shared.
    const at = o.np.start - 1
    const before = [reader.tokens[at - 1]?.norm, reader.tokens[at - 2]?.norm]
    return !(before[0] === 'not' || before[0] === 'than' || (before[0] === 'of' && before[1] === 'instead'))
  })
}

/**
 * For a frame anchored on a noun ("recovered"): a negator in its clause, but not one that is
 * part of the label ("recorded as not recovered") or one inside a later subordinate clause
 * ("recovered when they no longer meet the criteria").
 */
function anchorNegated(clause: Clause, reader: SentenceReader): boolean {
  const tokens = reader.tokens
  for (let i = clause.start; i < clause.verbStart - 1; i++) if (isNegator(tokens[i].norm) && !(tokens[i].norm === 'not' && tokens[i + 1]?.norm === 'only')) return true
  for (let i = clause.verbEnd; i < clause.end; i++) {
    const n = tokens[i].norm
    if (SUBORDINATORS.has(n) || RELATIVES.has(n)) break
    if (isNegator(n) && tokens[i + 1]?.norm !== 'only') return true
  }
  return false
}

/** The sentence makes something wait on a condition: "not … until/unless/before", "only once/when/after/if". */
function gated(reader: SentenceReader): boolean {
  const tokens = reader.tokens
  let negated = false
  for (let i = 0; i < tokens.length; i++) {
    const n = tokens[i].norm
    if (isNegator(n)) negated = true
    if (negated && (n === 'until' || n === 'unless' || n === 'before')) return true
    if (n === 'until' && tokens.slice(i).some((t) => isNegator(t.norm))) return true
    if (n === 'only' && /^(once|when|after|if|until)$/.test(tokens[i + 1]?.norm ?? '')) return true
  }
  return false
}

/** "not … until", "not … unless": a condition, not a rejection. */
function conditional(clause: Clause, reader: SentenceReader): boolean {
  for (let i = clause.start; i < clause.end; i++) if (reader.tokens[i].norm === 'until' || reader.tokens[i].norm === 'unless') return true
  return false
}

const SUBJECT_VERBS = new Set(['means', 'mean', 'meant', 'depends', 'depend', 'depended', 'requires', 'require', 'required', 'equals', 'equal', 'begins', 'begin', 'began', 'starts', 'start', 'started', 'involves', 'involve'])
const PREDICATE_LINKS = new Set(['as', 'been', 'being', 'having', 'has', 'have', 'had', "'ve", 'doing', 'do', 'does', 'did', 'keeping', 'keep', 'kept', 'staying', 'getting', 'get', 'got', 'feel', 'feels', 'felt', 'look', 'looks', 'seem', 'seems', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'still'])

/**
 * A noun anchor is said of something only as a subject ("recovery means…", "his recovery could
 * begin when…") or a predicate ("is counted as recovered", "are recovering"), not as the object of
 * a preposition ("people in recovery") or a modifier ("the recovery college").
 */
function anchorIsArgument(clause: Clause, reader: SentenceReader): boolean {
  const tokens = reader.tokens
  let p = clause.verbStart - 1
  while (p >= 0 && (isNegator(tokens[p].norm) || tokens[p].norm === 'yet' || tokens[p].norm === 'fully' || tokens[p].norm === 'still')) p--
  const prev = tokens[p]?.norm ?? ''
  const next = tokens[clause.verbEnd]?.norm ?? ''
  if (prev === 'to' && /^mov/.test(tokens[p - 1]?.norm ?? '')) return true
  // "what we mean by recovery"
  if (prev === 'by' && /^(mean|means|meant|define|defined|defines)$/.test(tokens[p - 1]?.norm ?? '')) return true
  if (BE.has(prev) || PREDICATE_LINKS.has(prev) || (prev.endsWith('ed') && tokens[clause.verbStart].join === 'space')) return true
  if (PREPOSITIONS.has(prev)) return false
  return (isVerbGroupWord(next) && !isAdverb(next) && next !== 'to') || SUBJECT_VERBS.has(next)
}

function nearGroups(near: FrameSpec['near']): string[][] {
  if (!near || near.length === 0) return []
  return Array.isArray(near[0]) ? (near as string[][]) : [near as string[]]
}

function isPersonPronoun(np: Np, reader: SentenceReader): boolean {
  return np.head !== undefined && ['them', 'him', 'her', 'you', 'us', 'me'].includes(reader.tokens[np.head].norm)
}

function resolve(found: FrameMatch[]): FrameMatch[] {
  if (found.length < 2) return found
  const sorted = found
    .map((m, order) => ({m, order}))
    .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || Number(b.m.headMatch) - Number(a.m.headMatch) || b.m.specificity - a.m.specificity || a.m.start - b.m.start || a.order - b.order)
  // Words already taken are marked, so each match is checked in the length of its own span.
  const taken = new Set<number>()
  const kept: FrameMatch[] = []
  outer: for (const {m} of sorted) {
    for (let i = m.start; i < m.end; i++) if (taken.has(i)) continue outer
    for (let i = m.start; i < m.end; i++) taken.add(i)
    kept.push(m)
  }
  return kept.sort((a, b) => a.start - b.start)
}

function firstHit(hits: Iterable<Hit>, classes: Set<string>): Hit | undefined {
  for (const h of hits) if (classes.has(h.cls)) return h
  return undefined
}
