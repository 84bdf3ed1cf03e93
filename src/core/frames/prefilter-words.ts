/**
 * The words each frame needs, as the prefilter reads them (FrameMatcher.prefilterEntries, prefilter-keys.ts): made once
 * when a reviewer is built, and kept by nothing after the prefilter has numbered them.
 */
import {keysOfForms, keysOfSlot, NAME_FORM} from '../match/prefilter.js'
import {ADDRESSEE_CLASS, ADDRESSEE_WORDS} from './addressee.js'
import type {CompiledFrame} from './checks.js'
import type {Lexicon} from './lexicon.js'
import {requiredClasses, requiredWords, type PrefilterEntry, type PrefilterWords} from './required.js'

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
  const singles = new Map<string, Set<string> | null>()
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
 * given by its keys: the union of each class's (the keys of a union of forms), which `singles` keeps (a class recurs across
 * sets; an empty set: no one-word entry, null: a form with no key), not a Map of all their forms.
 */
function wordsOf(classes: Set<string>, lexicon: Lexicon, singles: Map<string, Set<string> | null>): PrefilterWords {
  const out: PrefilterWords = []
  const extra: string[] = []
  // "you" joins the peer class (addressee.ts), and so does a staff role named for lived experience (lexicon.ts peerRoles).
  if (classes.has(ADDRESSEE_CLASS)) extra.push(...ADDRESSEE_WORDS, 'experience')
  // A name stands for a person (lexicon.ts tags it `people`); whoever is set against the person (", not the family") is staff (deciders-set-against.ts).
  if (classes.has('people')) extra.push(NAME_FORM)
  if (classes.has('staff')) extra.push('not')
  let keys = keysOfForms(extra)
  for (const c of classes) {
    if (!singles.has(c)) singles.set(c, keysOfForms(lexicon.entries(c).flatMap((e) => (e.slots.length === 1 ? [...e.slots[0].forms.keys()] : []))))
    const own = singles.get(c)!
    if (own === null) keys = null
    else if (keys !== null) for (const k of own) keys.add(k)
    for (const entry of lexicon.entries(c)) if (entry.slots.length !== 1) out.push(entry)
  }
  if (keys === null || keys.size > 0) out.unshift({slots: [{forms: NO_FORMS, keys: keysOfSlot(keys)}]})
  return out
}
