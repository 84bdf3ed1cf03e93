/**
 * A cheap, exact "cannot match" test for a stretch of source text: a rule
 * phrase can only match where every one of its words occurs, and a rule with
 * only-guards only where one of its guard phrases occurs too. Words are read
 * as runs of ASCII letters and digits in the lowercased text, and each form is
 * keyed by its longest such run: a token equal to a form always shows that run
 * whole in the source (every ASCII letter or digit is a word character to the
 * tokenizer, and splitting at hyphens, apostrophes or markup only shortens
 * tokens). So when `mayMatch` says no, the full review finds nothing there.
 */
import {CLITIC_VERB} from './tokens.js'

/** What the prefilter reads of a phrase: its word slots' forms (a compiled phrase, or a class entry's words). */
export interface KeyedPhrase {
  /** `keys`: the slot's keys when known already (then its forms are not read; see `keysOfSlot`). */
  readonly slots: ReadonlyArray<{readonly forms: ReadonlyMap<string, unknown>; readonly any?: boolean; readonly keys?: SlotKeys | null}>
}

interface Entry {
  /** The phrase's requirement, by its number (see Prefilter.requirementSets). */
  phrase: number
  /** The rule's only-guards, by number (see Prefilter.groups): in each group (before, after, near) one phrase must hold too. */
  guards: number[]
}

const RUN = /[a-z0-9]+/g

/**
 * A form that stands for a name (frames/lexicon.ts reads "Tui" or "Priya Sharma" inside a sentence as
 * a person): the prefilter keys it as any run that starts with a capital. It is never a token's form,
 * so it only ever widens `mayMatch`.
 */
export const NAME_FORM = '\u0001name'

/** The longest run of ASCII letters and digits in the lowercased form (the first of equal length). */
export function keyOf(form: string): string {
  if (form === NAME_FORM) return NAME_FORM
  const lower = form.toLowerCase()
  // A scan, not a regex match: a start keys every form of every class and phrase, tens of thousands.
  let bestStart = 0
  let bestLength = 0
  let start = 0
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue
    if (i - start > bestLength) {
      bestStart = start
      bestLength = i - start
    }
    start = i + 1
  }
  return bestLength === lower.length ? lower : lower.slice(bestStart, bestStart + bestLength)
}

/** A slot's keys, distinct and sorted, and their text (the same keys, the same set); null when a form has no letter or digit. */
export interface SlotKeys {
  keys: string[]
  text: string
}

/** The keys of these forms, distinct (in no order), or null when a form has none: what slotKeys makes of them. */
export function keysOfForms(forms: Iterable<string>): Set<string> | null {
  const set = new Set<string>()
  for (const form of forms) {
    const key = keyOf(form)
    if (!key) return null
    set.add(key)
  }
  return set
}

/** A slot's keys from the distinct keys of its forms (keysOfForms, or a union of them: the keys of a union of forms). */
export function keysOfSlot(keys: ReadonlySet<string> | null): SlotKeys | null {
  if (keys === null) return null
  const sorted = [...keys].sort()
  return {keys: sorted, text: sorted.join(' ')}
}

/** By forms: slots share their forms' Map (compiled phrases, word classes), and a Map is only read once made. */
const formsKeys = new WeakMap<ReadonlyMap<string, unknown>, SlotKeys | null>()

function slotKeys(forms: ReadonlyMap<string, unknown>): SlotKeys | null {
  let keys = formsKeys.get(forms)
  if (keys === undefined) formsKeys.set(forms, (keys = keysOfSlot(keysOfForms(forms.keys()))))
  return keys
}

export class Prefilter {
  /** Entries by the key set of their phrase's first keyed word, and the keys of those sets. */
  private readonly entriesOfSet: Array<Entry[] | undefined> = []
  private readonly firstKeys = new Set<string>()
  /** Some phrase could not be keyed: every text may match. */
  private always = false
  /**
   * Every distinct key set, requirement (a phrase's key sets) and guard group, numbered by content:
   * phrases and class entries recur across rules and frames ("peer" in hundreds of class entries),
   * so each is keyed once and, in `mayMatch`, marked or tested once.
   */
  private readonly requirementSets: number[][] = []
  private readonly groups: number[][] = []
  /** The sets holding each key. */
  private readonly setsOfKey = new Map<string, number[]>()
  /** The keys, numbered, for the scan (see KeyTable): each key's sets, and whether a phrase starts with one of them. */
  private readonly table: KeyTable
  private readonly keySets: number[][] = []
  private readonly startsPhrase: Uint8Array
  /** In `mayMatch`: the call in which each key was last met (a word repeats: its sets are marked once). */
  private readonly keyMet: Uint32Array
  private call = 0
  /** In `mayMatch`: 0 not tested yet, 1 holds, 2 does not (requirements first, then groups). */
  private readonly state: Uint8Array
  /** In `mayMatch`: which sets the text meets. */
  private readonly present: Uint8Array

  constructor(rules: Array<{phrases: readonly KeyedPhrase[]; guards: ReadonlyArray<readonly KeyedPhrase[]>}>) {
    const setIds = new Map<string, number>()
    const setKeys: string[][] = []
    const setOf = (keys: SlotKeys): number => {
      let id = setIds.get(keys.text)
      if (id === undefined) {
        setIds.set(keys.text, (id = setKeys.push(keys.keys) - 1))
        for (const key of keys.keys) {
          const ids = this.setsOfKey.get(key)
          if (ids) ids.push(id)
          else this.setsOfKey.set(key, [id])
        }
      }
      return id
    }
    const requirementIds = new Map<string, number>()
    const numbered = new Map<KeyedPhrase, number | undefined>()
    /** A phrase's requirement: the key set of each word (a `*` needs none); undefined when it cannot be keyed. */
    const numberOf = (phrase: KeyedPhrase): number | undefined => {
      if (numbered.has(phrase)) return numbered.get(phrase)
      const sets: number[] = []
      let keyed = true
      for (const slot of phrase.slots) {
        if (slot.any) continue
        const keys = slot.keys !== undefined ? slot.keys : slotKeys(slot.forms)
        // A form with no letters or digits cannot be ruled out by a word scan.
        if (keys === null) {
          keyed = false
          break
        }
        sets.push(setOf(keys))
      }
      let n: number | undefined
      if (keyed && sets.length > 0) {
        const text = sets.join(',')
        n = requirementIds.get(text)
        // Kept trimmed: an array grown by pushes holds 17 slots, and a start keeps thousands of these.
        if (n === undefined) requirementIds.set(text, (n = this.requirementSets.push(sets.slice()) - 1))
      }
      numbered.set(phrase, n)
      return n
    }
    const groupIds = new Map<string, number>()
    const groupNumbers = new Map<readonly KeyedPhrase[], number | undefined>()
    const groupOf = (group: readonly KeyedPhrase[]): number | undefined => {
      if (groupNumbers.has(group)) return groupNumbers.get(group)
      const reqs: number[] = []
      for (const g of group) {
        const n = numberOf(g)
        // A guard that cannot be keyed may hold anywhere: then its group rules nothing out.
        if (n === undefined) {
          reqs.length = 0
          break
        }
        reqs.push(n)
      }
      let n: number | undefined
      if (reqs.length > 0) {
        const text = reqs.join(',')
        n = groupIds.get(text)
        if (n === undefined) groupIds.set(text, (n = this.groups.push(reqs) - 1))
      }
      groupNumbers.set(group, n)
      return n
    }
    // Entries by requirement and guards: the same pair, indexed once.
    const entries = new Set<string>()
    for (const {phrases, guards} of rules) {
      const guardGroups: number[] = []
      for (const group of guards) {
        const n = group.length === 0 ? undefined : groupOf(group)
        if (n !== undefined) guardGroups.push(n)
      }
      const signature = '|' + guardGroups.join(',')
      for (const phrase of phrases) {
        const n = numberOf(phrase)
        if (n === undefined) {
          this.always = true
          continue
        }
        const id = n + signature
        if (entries.has(id)) continue
        entries.add(id)
        const first = this.requirementSets[n][0]
        const list = this.entriesOfSet[first]
        if (list) list.push({phrase: n, guards: guardGroups})
        else {
          this.entriesOfSet[first] = [{phrase: n, guards: guardGroups}]
          for (const key of setKeys[first]) this.firstKeys.add(key)
        }
      }
    }
    this.state = new Uint8Array(this.requirementSets.length + this.groups.length)
    this.present = new Uint8Array(setKeys.length)
    const keys = [...this.setsOfKey.keys()]
    this.table = new KeyTable(keys)
    this.startsPhrase = new Uint8Array(keys.length)
    keys.forEach((key, k) => {
      this.keySets.push(this.setsOfKey.get(key)!)
      if (this.firstKeys.has(key)) this.startsPhrase[k] = 1
    })
    this.keyMet = new Uint32Array(keys.length)
    this.nameKey = keys.indexOf(NAME_FORM)
    this.equalsKey = keys.indexOf('equals')
    for (const [ending, verbs] of Object.entries(CLITIC_KEYS)) {
      const known = verbs.map((v) => keys.indexOf(v)).filter((k) => k >= 0)
      if (known.length > 0) this.clitics.set(ending, known)
    }
  }

  /** The keys a clitic's run after an apostrophe stands for (see CLITIC_KEYS), by the run. */
  private readonly clitics = new Map<string, number[]>()

  /** The number of NAME_FORM's key, -1 when no phrase asks for a name. */
  private readonly nameKey: number
  private readonly equalsKey: number

  /**
   * Whether the run at `start` may be a name: it starts with a capital. Wider than the lexicon's test (a
   * sentence's first word is no name to it, nor a word after a capital): the people class's common words
   * (pronouns) are in most regions already, so the wider test costs little, and it can never say no wrongly.
   */
  private static capitalAt(text: string, start: number): boolean {
    const c = text.charCodeAt(start)
    return c >= 65 && c <= 90
  }
  /** False only when no rule can match anywhere in `text`. */
  /** Mark key `k` met in this call, and the sets it belongs to present; whether some phrase starts with it. */
  private meet(k: number, call: number, starts: number[]): boolean {
    if (this.keyMet[k] === call) return false
    this.keyMet[k] = call
    // The sets the text meets; of those, the ones some phrase starts with.
    const ids = this.keySets[k]
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n]
      if (this.present[id] === 1) continue
      this.present[id] = 1
      if (this.entriesOfSet[id] !== undefined) starts.push(id)
    }
    return this.startsPhrase[k] === 1
  }

  mayMatch(text: string): boolean {
    if (this.always) return true
    // Runs of [a-z0-9] in the lowercased text, each looked up where it lies (no string or array per word:
    // a review scans most of the document, and garbage made here is collected during the parse).
    const lower = text.toLowerCase()
    const call = ++this.call === 0xffffffff ? this.restartCalls() : this.call
    this.present.fill(0)
    const starts: number[] = []
    let first = false
    let start = -1
    let hash = 0
    for (let i = 0; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 0
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i
          hash = 0
        }
        hash = (Math.imul(hash, 31) + c) | 0
        continue
      }
      if (start < 0) {
        // "Recovery = mood up": an equals sign is the word the tokens read it as (tokens.ts).
        if (c === 61 && this.equalsKey >= 0) first = this.meet(this.equalsKey, call, starts) || first
        continue
      }
      const k = this.table.find(lower, start, i, hash)
      // A capitalised run may be a name as well as a key ("Jamal" may be a trigger word too).
      const name = this.nameKey >= 0 && Prefilter.capitalAt(text, start) ? this.nameKey : -1
      // "you're", "it's": the tokens read the clitic as its verb ("are", "is"; tokens.ts), so the run meets that key too.
      const clitic = i - start <= 2 && start > 0 && (lower.charCodeAt(start - 1) === 39 || lower.charCodeAt(start - 1) === 0x2019) ? this.clitics.get(lower.slice(start, i)) : undefined
      start = -1
      if (clitic) for (const c of clitic) first = this.meet(c, call, starts) || first
      if (k >= 0) first = this.meet(k, call, starts) || first
      if (name >= 0) first = this.meet(name, call, starts) || first
    }
    // Most text holds no phrase's first word.
    if (!first) return false
    this.state.fill(0)
    for (const id of starts) {
      for (const entry of this.entriesOfSet[id]!) {
        if (this.holdsRequirement(entry.phrase) && this.holdsGroups(entry.guards)) return true
      }
    }
    return false
  }

  /** Whether every key set of requirement `n` is present (memoised in `state` for the call). */
  private holdsRequirement(n: number): boolean {
    const state = this.state
    if (state[n] === 0) {
      const sets = this.requirementSets[n]
      let all = true
      for (let i = 0; i < sets.length && all; i++) all = this.present[sets[i]] === 1
      state[n] = all ? 1 : 2
    }
    return state[n] === 1
  }

  /** Whether in each guard group some requirement holds. */
  private holdsGroups(groups: number[]): boolean {
    const state = this.state
    const base = this.requirementSets.length
    for (const g of groups) {
      if (state[base + g] === 0) state[base + g] = this.groups[g].some((n) => this.holdsRequirement(n)) ? 1 : 2
      if (state[base + g] === 2) return false
    }
    return true
  }

  private restartCalls(): number {
    this.keyMet.fill(0)
    return (this.call = 1)
  }
}

/**
 * The keys by a hash of their characters, open addressing: a run of the text is found
 * from its place in the text, with no string made for it. A run is taken for the key
 * with its hash and length without comparing characters (the scan touches no key's string;
 * most words of prose are keys): a run that is no key but shares a key's hash can only make
 * `mayMatch` say yes where it might have said no, which costs a parse, never a finding.
 * Two keys that share a hash are told apart by their characters: otherwise a run of the
 * second would be taken for the first, and a phrase needing the second ruled out ("it" and
 * "k6" share one: "how it is done" was ruled out once "K6" became a measure).
 */
class KeyTable {
  /** Pairs: a key's hash (with its length), the key's number + 1 (0: empty). */
  private readonly slots: Int32Array
  private readonly shift: number
  /** The hashes two or more keys share: only there are characters compared. */
  private readonly shared = new Set<number>()

  constructor(private readonly keys: string[]) {
    let bits = 4
    while (1 << bits < keys.length * 2) bits++
    this.slots = new Int32Array(2 << bits)
    this.shift = 32 - bits
    const mask = (1 << bits) - 1
    const seen = new Set<number>()
    keys.forEach((key, k) => {
      let h = 0
      for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
      const hash = withLength(h, key.length)
      if (seen.has(hash)) this.shared.add(hash)
      seen.add(hash)
      let slot = this.slotOf(hash)
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask
      this.slots[2 * slot] = hash
      this.slots[2 * slot + 1] = k + 1
    })
  }

  private slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift
  }

  /** The number of the key taken for text[start, end) (see above), whose characters' hash is `hash`; -1 when none. */
  find(text: string, start: number, end: number, hash: number): number {
    const full = withLength(hash, end - start)
    const mask = (this.slots.length >> 1) - 1
    for (let slot = this.slotOf(full); ; slot = (slot + 1) & mask) {
      const k = this.slots[2 * slot + 1]
      if (k === 0) return -1
      if (this.slots[2 * slot] === full && (this.shared.size === 0 || !this.shared.has(full) || text.startsWith(this.keys[k - 1], start))) return k - 1
    }
  }
}

/** What the tokens read a pronoun's clitic as, by its run (tokens.ts CLITIC_VERB; "'s" is "has" before "been" or "got"). */
const CLITIC_KEYS: Record<string, string[]> = Object.fromEntries(Object.entries(CLITIC_VERB).map(([clitic, verb]) => [clitic.slice(1), clitic === "'s" ? [verb, 'has'] : [verb]]))

const withLength = (hash: number, length: number) => (hash ^ Math.imul(length, 0x01000193)) | 0
