/**
 * What the prefilter must find in a region before frames or the second opinion can find
 * anything there: the words each frame needs, as phrases the prefilter keys.
 */
import type {Prefilter} from '../match/prefilter.js'
import type {CompiledPhrase} from '../match/phrase.js'
import type {FrameMatcher, PrefilterWords} from './frames.js'

export type PrefilterEntries = ConstructorParameters<typeof Prefilter>[0]

/**
 * Prefilter entries for frame rules: a frame needs its verb, and a word of each class a match needs.
 * The second opinion speaks only where a frame of a category it may name nearly holds (its verb and
 * every class it needs) and one of its trigger words occurs.
 */
export function frameKeys(frames: FrameMatcher, triggers: ReadonlySet<string> | undefined, opinionCategories: Set<string>): PrefilterEntries {
  const phrases = new Map<PrefilterWords, CompiledPhrase[]>()
  // Class sets recur across frames: the same phrases for each, so the prefilter keys them once.
  const phrasesOf = (entries: PrefilterWords) => {
    let out = phrases.get(entries)
    if (!out) phrases.set(entries, (out = entries.map((words) => ({source: '', slots: words.map((forms) => ({forms: new Map(forms.map((f) => [f, false]))}))}))))
    return out
  }
  const keys: PrefilterEntries = frames.prefilterEntries().map((e) => ({phrases: phrasesOf(e.verb), guards: e.slots.map(phrasesOf)}))
  if (triggers && opinionCategories.size > 0) {
    const any: CompiledPhrase[] = [{source: '', slots: [{forms: new Map([...triggers].map((w) => [w, false]))}]}]
    for (const e of frames.nearMissEntries(opinionCategories)) keys.push({phrases: phrasesOf(e.verb), guards: [...e.slots.map(phrasesOf), any]})
  }
  return keys
}
