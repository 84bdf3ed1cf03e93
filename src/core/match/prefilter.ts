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

/** What the prefilter reads of a phrase: its word slots' forms (a compiled phrase, or a class entry's words). */
export interface KeyedPhrase {
  readonly slots: ReadonlyArray<{readonly forms: ReadonlyMap<string, unknown>; readonly any?: boolean}>
}

interface Entry {
  /** The phrase's requirement, by its number (see Prefilter.requirementSets). */
  phrase: number
  /** The rule's only-guards, by number (see Prefilter.groups): in each group (before, after, near) one phrase must hold too. */
  guards: number[]
}

const RUN = /[a-z0-9]+/g

/** The longest run of ASCII letters and digits in the lowercased form (the first of equal length). */
export function keyOf(form: string): string {
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
interface SlotKeys {
  keys: string[]
  text: string
}

/** By forms: slots share their forms' Map (compiled phrases, word classes), and a Map is only read once made. */
const formsKeys = new WeakMap<ReadonlyMap<string, unknown>, SlotKeys | null>()

function slotKeys(forms: ReadonlyMap<string, unknown>): SlotKeys | null {
  let keys = formsKeys.get(forms)
  if (keys === undefined) {
    const set = new Set<string>()
    let keyed = true
    for (const form of forms.keys()) {
      const key = keyOf(form)
      if (!key) {
        keyed = false
        break
      }
      set.add(key)
    }
    const sorted = [...set].sort()
    keys = keyed ? {keys: sorted, text: sorted.join(' ')} : null
    formsKeys.set(forms, keys)
  }
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
        const keys = slotKeys(slot.forms)
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
        if (n === undefined) requirementIds.set(text, (n = this.requirementSets.push(sets) - 1))
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
        let list = this.entriesOfSet[first]
        if (!list) {
          this.entriesOfSet[first] = list = []
          for (const key of setKeys[first]) this.firstKeys.add(key)
        }
        list.push({phrase: n, guards: guardGroups})
      }
    }
    this.state = new Uint8Array(this.requirementSets.length + this.groups.length)
    this.present = new Uint8Array(setKeys.length)
  }
  /** False only when no rule can match anywhere in `text`. */
  mayMatch(text: string): boolean {
    if (this.always) return true
    // The distinct words only (a long text repeats its words: no array of every run is made).
    const words = new Set<string>()
    let first = false
    const lower = text.toLowerCase()
    RUN.lastIndex = 0
    for (let m = RUN.exec(lower); m; m = RUN.exec(lower)) {
      if (words.has(m[0])) continue
      words.add(m[0])
      if (!first && this.firstKeys.has(m[0])) first = true
    }
    // Most text holds no phrase's first word.
    if (!first) return false
    // The sets the text meets; of those, the ones some phrase starts with.
    const present = this.present.fill(0)
    const starts: number[] = []
    for (const word of words) {
      const ids = this.setsOfKey.get(word)
      if (!ids) continue
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]
        if (present[id] === 1) continue
        present[id] = 1
        if (this.entriesOfSet[id] !== undefined) starts.push(id)
      }
    }
    const state = this.state.fill(0)
    const holdsReq = (n: number) => (state[n] ||= this.requirementSets[n].every((id) => present[id] === 1) ? 1 : 2) === 1
    const groupBase = this.requirementSets.length
    const holdsGroup = (g: number) => (state[groupBase + g] ||= this.groups[g].some(holdsReq) ? 1 : 2) === 1
    for (const id of starts) {
      for (const entry of this.entriesOfSet[id]!) {
        if (holdsReq(entry.phrase) && entry.guards.every(holdsGroup)) return true
      }
    }
    return false
  }
}
