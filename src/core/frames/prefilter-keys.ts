/**
 * What the prefilter must find in a region before frames or the second opinion can find
 * anything there: the words each frame needs, as phrases the prefilter keys.
 */
import type {KeyedPhrase, Prefilter} from '../match/prefilter.js'
import type {FrameMatcher} from './frames.js'

export type PrefilterEntries = ConstructorParameters<typeof Prefilter>[0]

/**
 * Prefilter entries for frame rules: a frame needs its verb, and a word of each class a match needs.
 * The second opinion speaks wherever one of its trigger words occurs (when it may name a category).
 */
export function frameKeys(frames: FrameMatcher, triggers: ReadonlySet<string> | undefined, opinionCategories: Set<string>): PrefilterEntries {
  // Class sets recur across frames: the same phrases for each (FrameMatcher keeps them), so the prefilter keys them once.
  const keys: PrefilterEntries = frames.prefilterEntries().map((e) => ({phrases: e.verb, guards: e.slots}))
  if (triggers && opinionCategories.size > 0) {
    const any: KeyedPhrase[] = [{slots: [{forms: new Map([...triggers].map((w) => [w, false]))}]}]
    keys.push({phrases: any, guards: []})
  }
  return keys
}
