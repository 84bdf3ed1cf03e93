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
import type {CompiledPhrase, Slot} from './phrase.js'

/** Key sets, one per word slot; a requirement holds when each slot has a key in the text. */
type Requirement = Array<Set<string>>

interface Entry {
  /** The phrase's requirement, by its number (see Prefilter.requirements). */
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

function requirement(phrase: CompiledPhrase): Requirement | undefined {
  const slots: Requirement = []
  for (const slot of phrase.slots) {
    if (slot.any) continue
    const keys = slotKeys(slot)
    // A form with no letters or digits cannot be ruled out by a word scan.
    if (keys === undefined) return undefined
    slots.push(keys)
  }
  return slots
}

/** By forms: slots share their forms' Map (compiled phrases, word classes), and a Map is only read once made. */
const formsKeys = new WeakMap<Map<string, boolean>, Set<string> | null>()

function slotKeys(slot: Slot): Set<string> | undefined {
  let keys = formsKeys.get(slot.forms)
  if (keys === undefined) {
    keys = new Set<string>()
    for (const form of slot.forms.keys()) {
      const key = keyOf(form)
      if (!key) {
        keys = null
        break
      }
      keys.add(key)
    }
    formsKeys.set(slot.forms, keys)
  }
  return keys ?? undefined
}

export class Prefilter {
  private readonly index = new Map<string, Entry[]>()
  /** Some phrase could not be keyed: every text may match. */
  private always = false
  /**
   * Every distinct requirement and guard group, numbered: phrases and guards recur across rules
   * and frames (a word class in many frames), so each is keyed once and, in `mayMatch`, tested once.
   */
  private readonly requirements: Requirement[] = []
  private readonly groups: number[][] = []
  /** In `mayMatch`: 0 not tested yet, 1 holds, 2 does not (requirements first, then groups). */
  private readonly state: Uint8Array
  /** Each requirement's slots as numbers of distinct key sets, the sets holding each key, and (in `mayMatch`) which sets the text meets. */
  private readonly requirementSets: number[][]
  private readonly setsOfKey = new Map<string, number[]>()
  private readonly present: Uint8Array

  constructor(rules: Array<{phrases: CompiledPhrase[]; guards: CompiledPhrase[][]}>) {
    const numbered = new Map<CompiledPhrase, number | undefined>()
    const numberOf = (phrase: CompiledPhrase): number | undefined => {
      if (numbered.has(phrase)) return numbered.get(phrase)
      const r = requirement(phrase)
      const n = r === undefined || r.length === 0 ? undefined : this.requirements.push(r) - 1
      numbered.set(phrase, n)
      return n
    }
    const groupNumbers = new Map<CompiledPhrase[], number | undefined>()
    const groupOf = (group: CompiledPhrase[]): number | undefined => {
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
      const n = reqs.length > 0 ? this.groups.push(reqs) - 1 : undefined
      groupNumbers.set(group, n)
      return n
    }
    for (const {phrases, guards} of rules) {
      const guardGroups: number[] = []
      for (const group of guards) {
        const n = group.length === 0 ? undefined : groupOf(group)
        if (n !== undefined) guardGroups.push(n)
      }
      for (const phrase of phrases) {
        const n = numberOf(phrase)
        if (n === undefined) {
          this.always = true
          continue
        }
        const entry: Entry = {phrase: n, guards: guardGroups}
        for (const key of this.requirements[n][0]) {
          let list = this.index.get(key)
          if (!list) this.index.set(key, (list = []))
          list.push(entry)
        }
      }
    }
    this.state = new Uint8Array(this.requirements.length + this.groups.length)
    // Each distinct key set numbered, and each key's sets: a text marks the sets it meets once per word.
    const setIds = new Map<Set<string>, number>()
    this.requirementSets = this.requirements.map((req) =>
      req.map((keys) => {
        let id = setIds.get(keys)
        if (id === undefined) {
          setIds.set(keys, (id = setIds.size))
          for (const key of keys) {
            let ids = this.setsOfKey.get(key)
            if (!ids) this.setsOfKey.set(key, (ids = []))
            ids.push(id)
          }
        }
        return id
      })
    )
    this.present = new Uint8Array(setIds.size)
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
      if (!first && this.index.has(m[0])) first = true
    }
    // Most text holds no phrase's first word.
    if (!first) return false
    const present = this.present.fill(0)
    for (const word of words) {
      const ids = this.setsOfKey.get(word)
      if (ids) for (let i = 0; i < ids.length; i++) present[ids[i]] = 1
    }
    const state = this.state.fill(0)
    const holdsReq = (n: number) => (state[n] ||= this.requirementSets[n].every((id) => present[id] === 1) ? 1 : 2) === 1
    const groupBase = this.requirements.length
    const holdsGroup = (g: number) => (state[groupBase + g] ||= this.groups[g].some(holdsReq) ? 1 : 2) === 1
    for (const word of words) {
      const entries = this.index.get(word)
      if (!entries) continue
      for (const entry of entries) {
        if (holdsReq(entry.phrase) && entry.guards.every(holdsGroup)) return true
      }
    }
    return false
  }
}
