/**
 * What the prefilter must find in a region before frames can find anything there: the words
 * each frame needs, as phrases the prefilter keys. (The second opinion's trigger words have a
 * gate of their own: model/standalone.ts.)
 */
import type {Prefilter} from '../match/prefilter.js'
import type {FrameMatcher} from './frames.js'

export type PrefilterEntries = ConstructorParameters<typeof Prefilter>[0]

/** Prefilter entries for frame rules: a frame needs its verb, and a word of each class a match needs. */
export function frameKeys(frames: FrameMatcher): PrefilterEntries {
  // Class sets recur across frames: the same phrases for each (prefilterEntries), so the prefilter keys them once.
  return frames.prefilterEntries().map((e) => ({phrases: e.verb, guards: e.slots}))
}
