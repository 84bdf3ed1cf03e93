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
  phrase: Requirement
  /** The rule's only-guards: in each group (before, after, near) one phrase must hold too. */
  guards: Requirement[][]
}

const RUN = /[a-z0-9]+/g

export function keyOf(form: string): string {
  let best = ''
  for (const run of form.toLowerCase().match(RUN) ?? []) if (run.length > best.length) best = run
  return best
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

function slotKeys(slot: Slot): Set<string> | undefined {
  const keys = new Set<string>()
  for (const form of slot.forms.keys()) {
    const key = keyOf(form)
    if (!key) return undefined
    keys.add(key)
  }
  return keys
}

export class Prefilter {
  private readonly index = new Map<string, Entry[]>()
  /** Some phrase could not be keyed: every text may match. */
  private always = false

  constructor(rules: Array<{phrases: CompiledPhrase[]; guards: CompiledPhrase[][]}>) {
    for (const {phrases, guards} of rules) {
      const guardReqs: Requirement[][] = []
      for (const group of guards) {
        if (group.length === 0) continue
        const reqs: Requirement[] = []
        for (const g of group) {
          const r = requirement(g)
          // A guard that cannot be keyed may hold anywhere: then its group rules nothing out.
          if (r === undefined || r.length === 0) {
            reqs.length = 0
            break
          }
          reqs.push(r)
        }
        if (reqs.length > 0) guardReqs.push(reqs)
      }
      for (const phrase of phrases) {
        const req = requirement(phrase)
        if (req === undefined || req.length === 0) {
          this.always = true
          continue
        }
        const entry: Entry = {phrase: req, guards: guardReqs}
        for (const key of req[0]) {
          let list = this.index.get(key)
          if (!list) this.index.set(key, (list = []))
          list.push(entry)
        }
      }
    }
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
    for (const word of words) {
      const entries = this.index.get(word)
      if (!entries) continue
      for (const entry of entries) {
        if (!holds(entry.phrase, words)) continue
        if (entry.guards.every((group) => group.some((g) => holds(g, words)))) return true
      }
    }
    return false
  }
}

function holds(req: Requirement, words: Set<string>): boolean {
  for (const keys of req) if (!meets(keys, words)) return false
  return true
}

/** Whether the two sets share a key: walk the smaller one (a word class has hundreds of forms, a region a few dozen words). */
function meets(keys: Set<string>, words: Set<string>): boolean {
  const [small, large] = keys.size <= words.size ? [keys, words] : [words, keys]
  for (const key of small) if (large.has(key)) return true
  return false
}
