/**
 * Word classes (rules/classes.yml and `classes` in any pack): named sets of
 * words a frame's slots are filled from — professional roles, decision verbs,
 * plan nouns… Each entry is written once in base form; nouns match their
 * plurals, verbs every form, and a verb form knows whether it can be a past
 * participle (for the passive).
 */
import {CARDINAL, isAdverb, isFunctionWord, SPLIT_PARTICLES} from './grammar.js'
import {packForms, restoreKeys, storeKeys, unpackForms, type StoredKeys} from '../match/packing.js'
import {classKeysOf} from '../rules/derived-keys.js'
import type {KeyedPhrase} from '../match/prefilter.js'
import type {Token} from '../match/tokens.js'
import type {RulePack, WordClassSpec} from '../types.js'
import {ADDRESSEE_CLASS, withAddressee} from './addressee.js'
import {tagNames} from './names.js'
import {exactForms, nounForms, verbForms, type FormInfo} from './word-forms.js'
import type {Hit} from './hits.js'
import {UPPER_START} from '../match/letters.js'
import {decidersSetAgainst} from './deciders-set-against.js'
export type {Hit} from './hits.js'

/** Titles before a name, and their class: a doctor or professor is staff to the frames, anyone else a person. */
// Service ranks below officer name the serving person or veteran a document is about ("Corporal Bates will decide when…").
const RANKS = ['private', 'trooper', 'sapper', 'gunner', 'rifleman', 'guardsman', 'aircraftman', 'aircraftwoman', 'seaman', 'corporal', 'bombardier', 'constable', 'garda', 'marine']
const TITLES = new Map([...['mr', 'mrs', 'ms', 'miss', 'mx', ...RANKS].map((t) => [t, 'people'] as const), ...['dr', 'prof', 'professor'].map((t) => [t, 'staff'] as const)])

interface Entry {
  cls: string
  /** A verb phrase: an adverb may stand after its first word ("gone completely off the rails"). */
  verb: boolean
  /** A phrasal verb ("take over"): its second word is a particle, which no determiner goes before. */
  particle?: boolean
  /** Words just before the entry, in the same sentence run, that give it another sense (afterBlocked). */
  unlessAfter?: Set<string>
  /** Words anywhere in a determiner-led compound before the entry that give it another sense (compoundHas). */
  unlessInCompound?: Set<string>
  /** Forms of each word of the entry, first word first. */
  words: Array<Map<string, FormInfo>>
}

/** Each class entry's forms, by kind and text: word forms are the slow part of a start, so the build computes them (see seedCompiledLexicon). */
const compiledWords = new Map<string, Array<Map<string, FormInfo>>>()

function entryWords(text: string, kind: WordClassSpec['kind']): Array<Map<string, FormInfo>> {
  const key = `${kind}\u0000${text}`
  let words = compiledWords.get(key)
  // Entries share the Maps: a lexicon only reads them.
  if (!words) compiledWords.set(key, (words = inflectEntry(text, kind)))
  return words
}

/**
 * Class entries' forms as plain data: the build ships them with the compiled rules, so a start
 * inflects no word. Each distinct word's forms are stored once, as [form, flags, form, flags…]
 * (flags: 1 participle, 2 -ing, 4 plural; forms packed, packing.ts), sorted; the entries' keys
 * (kind NUL text) are stored beside those the packs give (storeKeys), and `entries` follows
 * them in sorted order.
 */
export interface CompiledLexiconData {
  words: Array<Array<string | number>>
  keys: StoredKeys
  entries: number[][]
}

/** `packs`: the packs shipped beside (classKeysOf). */
export function compiledLexiconData(packs: RulePack[]): CompiledLexiconData {
  const flat = (forms: Map<string, FormInfo>) => {
    const packed = packForms([...forms.keys()])
    return [...forms.values()].flatMap((f, j) => [packed[j], (f.participle ? 1 : 0) | (f.ing ? 2 : 0) | (f.plural ? 4 : 0)])
  }
  // Words with the same forms and flags are stored once.
  const text = new Map([...compiledWords.values()].flat().map((forms) => [forms, JSON.stringify(flat(forms))]))
  const words = [...new Set(text.values())].sort()
  const index = new Map(words.map((w, i) => [w, i]))
  const keys = [...compiledWords.keys()].sort()
  return {words: words.map((w) => JSON.parse(w)), keys: storeKeys(keys, classKeysOf(packs)), entries: keys.map((key) => compiledWords.get(key)!.map((forms) => index.get(text.get(forms)!)!))}
}

/** Take class entries' forms inflected by the build (the same code, so the same result) instead of inflecting them again. */
export function seedCompiledLexicon(data: CompiledLexiconData, packs: RulePack[]): void {
  const infos = [0, 1, 2, 3, 4, 5, 6, 7].map((f): FormInfo => ({participle: (f & 1) !== 0, ing: (f & 2) !== 0, plural: (f & 4) !== 0}))
  const maps = data.words.map((list) => {
    const forms = new Map<string, FormInfo>()
    const names = unpackForms(list.filter((_, i) => i % 2 === 0) as string[])
    for (let i = 0; i < list.length; i += 2) forms.set(names[i / 2], infos[list[i + 1] as number])
    return forms
  })
  restoreKeys(data.keys, classKeysOf(packs)).forEach((key, i) => {
    if (!compiledWords.has(key)) compiledWords.set(key, data.entries[i].map((w) => maps[w]))
  })
}

function inflectEntry(text: string, kind: WordClassSpec['kind']): Array<Map<string, FormInfo>> {
  const words = text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
  // A noun phrase inflects its last word ("care coordinators"); a verb phrase its first ("signs off").
  const inflected = kind === 'noun' ? words.length - 1 : kind === 'verb' ? 0 : -1
  return words.map((w, i) => (i !== inflected ? exactForms(w) : kind === 'noun' ? nounForms(w) : verbForms(w)))
}

/** An entry that can start at a form, with that form's info (a verb phrase is inflected on its first word). */
interface Start {
  entry: Entry
  info: FormInfo
}

/** How many of an entry's words hold when its second word is read at token `at` (the first is already known to): a sentence break ends it. */
function wordsHeld(words: Array<Map<string, FormInfo>>, tokens: Token[], at: number): number {
  let k = 1
  for (; k < words.length; k++) {
    const t = tokens[at + k - 1]
    if (!t || t.join === 'break' || !words[k].has(t.norm)) break
  }
  return k
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'it', 'you'])
/** Words that open a verb's object before its noun: "make a decision", "manage their money". */
const OBJECT_OPENERS = new Set('a an any the their his her its one single own proper simple simplest small smallest basic easiest slightest everyday ordinary'.split(' '))
/** How many opener words run from token i (at most two: "a single", "their own"). */
function determinerRun(tokens: Token[], i: number): number {
  const more = tokens[i + 1] !== undefined && tokens[i + 1].join !== 'break' && OBJECT_OPENERS.has(tokens[i + 1].norm)
  return more ? 2 : 1
}
function splitBy(tokens: Token[], i: number, particle: Map<string, FormInfo>): boolean {
  const object = tokens[i + 1]
  const p = tokens[i + 2]
  return p !== undefined && OBJECT_PRONOUNS.has(object.norm) && object.join !== 'break' && p.join !== 'break' && SPLIT_PARTICLES.has(p.norm) && particle.has(p.norm)
}

/**
 * The entries that start at one form, by the word after it: a longer entry can only hold where its
 * second word does (or, for a phrasal verb, where a pronoun splits it), so `tag` reads only those
 * ("the …" starts dozens). Each list keeps the entries' order, so the hits come in the same order.
 */
interface StartGroup {
  all: Start[]
  /** The one-word entries: all that can hold when no word follows or none of `bySecond`'s (made when the form is first met). */
  singles?: Start[]
  bySecond?: Map<string, Start[]>
  /** The verb phrases among `all`: all that `readPast` reads (made when first asked). */
  verbs?: Start[]
}

/** Group `all` by the next word; returns the singles. */
function bySecond(group: StartGroup): Start[] {
  const {all} = group
  const singles = all.filter((s) => s.entry.words.length === 1)
  if (singles.length === all.length) return singles
  const seconds = new Set<string>()
  for (const s of all) {
    const {words} = s.entry
    if (words.length === 1) continue
    for (const form of words[1].keys()) seconds.add(form)
    if (words.length === 2) for (const pronoun of OBJECT_PRONOUNS) seconds.add(pronoun)
  }
  const groups = new Map<string, Start[]>()
  for (const second of seconds) {
    groups.set(
      second,
      all.filter(({entry: {words}}) => words.length === 1 || words[1].has(second) || (words.length === 2 && OBJECT_PRONOUNS.has(second)))
    )
  }
  group.bySecond = groups
  return singles
}

export class Lexicon {
  private readonly first = new Map<string, StartGroup>()
  private readonly byClass = new Map<string, Entry[]>()
  private readonly singles = new Map<string, Map<string, boolean> | undefined>()
  readonly names: Set<string>
  /** The last sentence tagged: frames, the second opinion and the context checks all ask about the same sentence. */
  private lastTokens: Token[] | undefined
  private lastHits: readonly Hit[] = []
  private peerReader = false
  private peers: ReadonlySet<string> = new Set()

  /** The first names of the document's introduced peer workers (context/named-peers.ts): a name among them is a peer. */
  set peerNames(names: ReadonlySet<string>) {
    if (names !== this.peers) this.lastTokens = undefined
    this.peers = names
  }

  /** A peer role's advert or description speaks to the peer worker: its "you" is the peer (addressee.ts) wherever it stands. */
  set readerIsPeer(peer: boolean) {
    if (peer !== this.peerReader) this.lastTokens = undefined
    this.peerReader = peer
  }

  constructor(classes: Record<string, WordClassSpec>) {
    this.names = new Set(Object.keys(classes))
    for (const [cls, spec] of Object.entries(classes)) {
      const list: Entry[] = []
      this.byClass.set(cls, list)
      const unlessAfter = spec.unlessAfter && spec.unlessAfter.length > 0 ? new Set(spec.unlessAfter.map((w) => w.toLowerCase())) : undefined
      const unlessInCompound = spec.unlessInCompound && spec.unlessInCompound.length > 0 ? new Set(spec.unlessInCompound.map((w) => w.toLowerCase())) : undefined
      for (const text of spec.words) {
        const words = entryWords(text, spec.kind)
        if (words.length === 0) continue
        const verb = spec.kind === 'verb' && words.length > 1
        const entry: Entry = {cls, words, unlessAfter, unlessInCompound, verb, particle: verb && [...words[1].keys()].some((w) => SPLIT_PARTICLES.has(w))}
        list.push(entry)
        for (const [form, info] of words[0]) {
          const starts = this.first.get(form)
          if (starts) starts.all.push({entry, info})
          else this.first.set(form, {all: [{entry, info}]})
        }
      }
    }
  }

  /** Every form that can start an entry of `cls` (for the prefilter and anchors). */
  firstForms(cls: string): string[] {
    const out = new Set<string>()
    for (const e of this.byClass.get(cls) ?? []) for (const form of e.words[0].keys()) out.add(form)
    return [...out]
  }

  /** Every entry of `cls` as a phrase of its words' forms (for the prefilter, which keys each forms Map once). */
  entries(cls: string): KeyedPhrase[] {
    let out = this.keyed.get(cls)
    if (!out) this.keyed.set(cls, (out = (this.byClass.get(cls) ?? []).map((e) => ({slots: e.words.map((forms) => ({forms}))}))))
    return out
  }
  /** The same phrase objects each time: a class recurs across frames, and the prefilter keys a phrase once by identity. */
  private readonly keyed = new Map<string, KeyedPhrase[]>()

  /** The forms of the one-word entries of `cls`, with whether each is a plural (the last entry of a form says). */
  singleForms(cls: string): Map<string, boolean> | undefined {
    if (this.singles.has(cls)) return this.singles.get(cls)
    const out = new Map<string, boolean>()
    // A rule's guard "@people" reads trades too ("the deckhand was uncooperative"): a stock word beside a trade names the person.
    for (const c of cls === 'people' ? ['people', TRADE_CLASS] : [cls]) for (const e of this.byClass.get(c) ?? []) if (e.words.length === 1) for (const [form, info] of e.words[0]) out.set(form, info.plural)
    const forms = out.size > 0 ? out : undefined
    this.singles.set(cls, forms)
    return forms
  }

  has(norm: string): boolean {
    return this.first.has(norm)
  }

  /**
   * "have gone completely off the rails": a verb phrase's entries read past one adverb after its first word;
   * "cannot make a single decision", "can't manage their money": past a determiner (and "single", "own") before its noun.
   */
  private readPast(tokens: Token[], i: number, group: StartGroup, hits: Hit[], skipped = 1, beforeNoun = false): void {
    for (const {entry: e, info: first} of (group.verbs ??= group.all.filter((s) => s.entry.verb))) {
      if (afterBlocked(e, tokens, i)) continue
      // A determiner goes before a noun, not a particle ("took her over" is the pronoun splitting a phrasal verb).
      if (beforeNoun && (e.particle || e.words[1].has(tokens[i + 1].norm))) continue
      const n = e.words.length
      if (wordsHeld(e.words, tokens, i + 1 + skipped) === n) hits.push({cls: e.cls, start: i, end: i + n + skipped, participle: first.participle, ing: first.ing, plural: first.plural})
    }
  }

  /** Every class entry in the sentence, longest first at each start (a sentence's tokens are never changed once read). */
  tag(tokens: Token[]): readonly Hit[] {
    if (tokens === this.lastTokens) return this.lastHits
    const hits: Hit[] = []
    // "Mr Hale", "Dr Osei": a capitalised word after a title names a person, or a clinician.
    for (let i = 1; i < tokens.length; i++) {
      const cls = TITLES.get(tokens[i - 1].norm)
      if (cls && UPPER_START.test(tokens[i].raw) && this.names.has(cls)) hits.push({cls, start: i - 1, end: i + 1, participle: false, ing: false, plural: false})
    }
    if (this.names.has('people')) tagNames(tokens, hits, (norm) => this.first.has(norm), this.peers)
    for (let i = 0; i < tokens.length; i++) {
      // ("you'll", "they're": the tokens split a pronoun from its clitic, tokens.ts.)
      const group = this.first.get(tokens[i].norm)
      // "self-managed participants", "self-referred": the person does it; the word is no class's entry.
      if (group === undefined || (i > 0 && tokens[i].join === 'hyphen' && tokens[i - 1].norm === 'self')) continue
      const singles = (group.singles ??= bySecond(group))
      const next = tokens[i + 1]
      const starts = group.bySecond === undefined || next === undefined || next.join === 'break' ? singles : (group.bySecond.get(next.norm) ?? singles)
      for (const {entry: e, info: first} of starts) {
        if (afterBlocked(e, tokens, i)) continue
        const n = e.words.length
        const k = wordsHeld(e.words, tokens, i + 1)
        if (k < n) {
          // "pulls him back", "signed it off": a pronoun splits a phrasal verb; the verb word carries the entry.
          if (k === 1 && n === 2 && splitBy(tokens, i, e.words[1])) hits.push({cls: e.cls, start: i, end: i + 1, participle: first.participle, ing: first.ing, plural: first.plural})
          continue
        }
        // A multi-word entry is inflected on its first word (a verb: "signs off") or its last (a noun: "care coordinators").
        const f = n === 1 || first.participle || first.ing || first.plural ? first : e.words[n - 1].get(tokens[i + n - 1].norm)!
        hits.push({cls: e.cls, start: i, end: i + n, participle: f.participle, ing: f.ing, plural: f.plural})
      }
      if (next !== undefined && next.join !== 'break' && isAdverb(next.norm)) this.readPast(tokens, i, group, hits)
      else if (next !== undefined && next.join !== 'break' && OBJECT_OPENERS.has(next.norm)) this.readPast(tokens, i, group, hits, determinerRun(tokens, i + 1), true)
    }
    if (this.names.has('peer')) peerRoles(tokens, hits)
    tradesPeople(hits)
    if (this.names.has('staff')) decidersSetAgainst(tokens, hits)
    // Titles and names are tagged first, wherever they stand: the hits are read by start (hits.ts looks them up by halving).
    if (hits.some((h, k) => k > 0 && h.start < hits[k - 1].start)) hits.sort((a, b) => a.start - b.start)
    this.lastTokens = tokens
    const own = withoutPeopleInStaffNames(tokens, hits)
    this.lastHits = this.names.has(ADDRESSEE_CLASS) ? withAddressee(tokens, own, this.peerReader) : own
    return this.lastHits
  }
}

// "as well as" means "and", and "well within budget" is a degree, whatever class lists "well" ("regarded as well once…" is
// wellness); "six weeks" is a duration, whatever class lists "week" ("a good week" and "your first two weeks" are a plan).
const afterBlocked = (e: Entry, tokens: Token[], i: number) =>
  i > 0 && tokens[i].join !== 'break' && ((tokens[i].join === 'hyphen' && tokens[i - 1].norm === 'non' && NON_FLIPS.has(tokens[i].norm)) || (e.unlessAfter !== undefined && e.unlessAfter.has(tokens[i - 1].norm)) || (e.unlessInCompound !== undefined && compoundHas(e.unlessInCompound, tokens, i)) || (tokens[i].norm === 'well' && ((tokens[i - 1].norm === 'as' && (tokens[i + 1]?.norm === 'as' || asWellAlso(tokens, i))) || /^(within|under|over|above|below|ahead|beyond|past|inside|outside)$/.test(tokens[i + 1]?.norm ?? ''))) || (DURATION.test(tokens[i].norm) && CARDINAL.test(tokens[i - 1].norm) && !/^(first|next|last|your|their|his|her|my|our)$/.test(tokens[i - 2]?.norm ?? '')) || inPerson(tokens, i))
const DURATION = /^(days?|weeks?|fortnights?|months?|years?|nights?)$/
/** "a non-clinical contact", "non-medical support": the prefix turns the kind of help into its opposite ("non-compliant" stays a judgment). */
const NON_FLIPS = new Set(['clinical', 'medical', 'therapeutic', 'psychiatric', 'pharmacological'])
/**
 * "the fire safety plan", "our staff wellbeing plan": a guard word in the compound before the word (up to three back), the
 * compound opened by a determiner or a possessive, so no verb stands in it ("Ward staff write care plans" is no compound),
 * and the guard word not half of a hyphenated word ("staff-written care plans").
 */
const OPENS_COMPOUND = /^(the|a|an|this|that|these|those|our|their|its|your|his|her|my|each|every|any|all|annual|new)$/
function compoundHas(guard: Set<string>, tokens: Token[], i: number): boolean {
  let found = false
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (tokens[k + 1].join === 'break' || tokens[k + 1].join === 'hyphen') return false
    if (OPENS_COMPOUND.test(tokens[k].norm)) return found
    if (isFunctionWord(tokens[k].norm) || !/^[a-z]/.test(tokens[k].norm)) return false
    if (guard.has(tokens[k].norm)) found = true
  }
  return false
}
/** "meets online or in person": the idiom names no one ("in person-centred care" does not stand alone). */
const inPerson = (tokens: Token[], i: number) => tokens[i].norm === 'person' && tokens[i - 1].norm === 'in' && tokens[i + 1]?.join !== 'hyphen'

/**
 * "the peer co-facilitator", "a peer navigator", "peer crisis workers", "lived experience suicide prevention officers": a staff
 * role named as a peer's (or as a role for lived experience) is a peer's too.
 */
function peerRoles(tokens: Token[], hits: Hit[]): void {
  const before = hits.length
  const opens = (p: number) => tokens[p].norm === 'peer' || livedExperience(tokens, p)
  for (let k = 0; k < before; k++) {
    const h = hits[k]
    if (h.cls !== 'staff') continue
    // Back over "co-" or up to two modifiers ("peer recovery coaches"), no comma or function word between.
    let p = h.start - 1
    for (let n = 0; n < 2 && p > 0 && !opens(p) && tokens[p].join !== 'break' && !isFunctionWord(tokens[p].norm); n++) p--
    if (p < 0 || !opens(p) || tokens[p + 1].join === 'break') continue
    // "lived experience engagement officers": an involvement post carries people's views to managers, not a peer role.
    if (tokens[p].norm !== 'peer' && tokens.slice(p + 1, h.start).some((t) => INVOLVEMENT.test(t.norm))) continue
    hits.push({cls: 'peer', start: tokens[p].norm === 'peer' ? p : p - 1, end: h.end, participle: false, ing: false, plural: h.plural})
  }
}

const INVOLVEMENT = /^(?:engagement|involvement|participation|research|advisory|insight|feedback)$/

/** "lived experience" (or "lived-experience") ending at token p. */
const livedExperience = (tokens: Token[], p: number) => tokens[p].norm === 'experience' && p > 0 && tokens[p - 1].norm === 'lived' && tokens[p - 1].join !== 'break'

/**
 * "the youth worker", "the health visitor", "the people team": a people word inside a longer staff name is the staff
 * member's, not a person the sentence names. Not "a staff member", the employee a workplace policy is about.
 */
function withoutPeopleInStaffNames(tokens: Token[], hits: Hit[]): Hit[] {
  // Only staff names of two words or more can hold a people word (few in any sentence): linear in the hits.
  let names: Hit[] | undefined
  for (const h of hits) if (h.cls === 'staff' && h.end - h.start > 1) (names ??= []).push(h)
  if (names === undefined) return hits
  const inside = (h: Hit) => h.cls === 'people' && tokens[h.start - 1]?.norm !== 'staff' && names!.some((s) => s.start <= h.start && s.end >= h.end && s.end - s.start > h.end - h.start)
  return hits.some(inside) ? hits.filter((h) => !inside(h)) : hits
}

/** Classes that put a sentence about someone's health or wellbeing ("a farmer who has suffered from depression"); health-talk holds the plain words. */
const HEALTH_CLASSES = new Set(['health-talk', 'illness', 'recovery', 'habit', 'wellbeing-state', 'fragile', 'burden', 'decline', 'treatment', 'clinical-task', 'peer', 'peer-work', 'conduct', 'repair'])
/** A person named by their trade is class people only in a sentence about health or wellbeing; elsewhere the hit is dropped. */
const TRADE_CLASS = 'people-by-trade'
function tradesPeople(hits: Hit[]): void {
  if (!hits.some((h) => h.cls === TRADE_CLASS)) return
  const health = hits.some((h) => HEALTH_CLASSES.has(h.cls))
  for (let k = hits.length - 1; k >= 0; k--) {
    if (hits[k].cls !== TRADE_CLASS) continue
    if (health) hits[k] = {...hits[k], cls: 'people'}
    else hits.splice(k, 1)
  }
}

/** "use the numbers below as well": "also", closing its clause; not "counted as well", "describes her as well", "puts them down as well". */
const asWellAlso = (tokens: Token[], i: number) => (i + 1 >= tokens.length || tokens[i + 1].join === 'break') && !CLASSED_AS.test(tokens[i - 2]?.norm ?? '')
/** Verbs that class someone, and the person or particle between such a verb and "as": "counted as well", "signed her off as well". */
const CLASSED_AS = /^(?:counts?|counted|class(?:ed)?|classified|regarded|rated|deemed|considered|judged|seen|described|registered|discharged|recorded|marked|listed|coded|logged|her|him|them|me|you|us|down|off|out|up|person|anyone|someone|everyone|people)$/
