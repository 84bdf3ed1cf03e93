/**
 * The words each frame needs, as the prefilter reads them (FrameMatcher.prefilterEntries, prefilter-keys.ts): made once
 * when a reviewer is built, and kept by nothing after the prefilter has numbered them.
 */
import {keysOfForms, keysOfSlot, NAME_FORM} from '../match/prefilter.js'
import {ADDRESSEE_CLASS, ADDRESSEE_WORDS} from './addressee.js'
import type {CompiledFrame} from './checks.js'
import type {Lexicon} from './lexicon.js'
import {requiredClasses, requiredWords, type PrefilterEntry, type PrefilterWords} from './required.js'

/** Whether a class has one-word entries, and their forms' keys (null: a form has none; match/prefilter.ts). */
interface SingleKeys {
  some: boolean
  keys: Set<string> | null
}

/** The forms of a word the prefilter reads by its keys. */
const NO_FORMS: ReadonlyMap<string, unknown> = new Map()

/**
 * Word sets for the prefilter, one per frame: the words of one of its verbs, a word of each class set
 * a match always needs (see `requiredClasses`) and of each group of words it needs (`requiredWords`).
 */
export function prefilterEntries(frames: readonly CompiledFrame[], lexicon: Lexicon): PrefilterEntry[] {
  // Frames name the same classes in sets of their own (374 sets, 257 contents): each content's words are made once, and
  // only for the prefilter, which keeps none of them.
  const made = new Map<string, PrefilterWords>()
  const singles = new Map<string, SingleKeys>()
  const words = (classes: Set<string>): PrefilterWords => {
    const key = [...classes].join('\0')
    let out = made.get(key)
    if (!out) made.set(key, (out = wordsOf(classes, lexicon, singles)))
    return out
  }
  return frames.map((f) => ({verb: words(f.verb), slots: [...requiredClasses(f).map(words), ...requiredWords(f)]}))
}

/**
 * The entries of these classes as words of forms; the one-word entries merged into one word (the prefilter needs any one),
 * given by its keys: the union of each class's, which `singles` keeps (a class recurs across sets), not a Map of all their forms.
 */
function wordsOf(classes: Set<string>, lexicon: Lexicon, singles: Map<string, SingleKeys>): PrefilterWords {
  const out: PrefilterWords = []
  let some = false
  let keys: Set<string> | null = new Set()
  const add = (own: SingleKeys) => {
    if (!own.some) return
    some = true
    if (keys !== null && own.keys === null) keys = null
    else if (keys !== null) for (const k of own.keys!) keys.add(k)
  }
  for (const c of classes) {
    let own = singles.get(c)
    if (!own) singles.set(c, (own = singleKeys(lexicon, c)))
    add(own)
    for (const entry of lexicon.entries(c)) if (entry.slots.length !== 1) out.push(entry)
  }
  if (classes.has(ADDRESSEE_CLASS)) add({some: true, keys: keysOfForms(ADDRESSEE_WORDS)})
  // A name stands for a person (lexicon.ts tags it `people`).
  if (classes.has('people')) add({some: true, keys: keysOfForms([NAME_FORM])})
  if (some) out.unshift({slots: [{forms: NO_FORMS, keys: keysOfSlot(keys)}]})
  return out
}

/** The keys of the forms of a class's one-word entries. */
function singleKeys(lexicon: Lexicon, cls: string): SingleKeys {
  const forms: string[] = []
  for (const entry of lexicon.entries(cls)) if (entry.slots.length === 1) for (const form of entry.slots[0].forms.keys()) forms.push(form)
  return {some: forms.length > 0, keys: keysOfForms(forms)}
}
