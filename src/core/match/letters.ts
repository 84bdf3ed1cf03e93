/**
 * Letter-case tests asked per word in the frames and context checks, made once. The bundles'
 * target writes a regular expression with `\p{…}` as `new RegExp(…)` where it stands, so an
 * inline one was a new RegExp object (a cache lookup and an allocation) at every call: in
 * the frame matcher alone twice per class hit, about 45 000 of them in a review of the 100k
 * handbook. None has the g or y flag, so sharing one keeps no state between calls.
 *
 * Pure: no editor API, no node API.
 */
/** Starts with a capital letter. */
export const UPPER_START = /^\p{Lu}/u
/** A capital, then a small letter ("Sam", not "NHS"). */
export const CAPITALISED = /^\p{Lu}\p{Ll}/u
/** A capitalised word, all small letters after its first ("Sam"). */
export const NAME_WORD = /^\p{Lu}\p{Ll}+$/u
/** Starts with a small letter. */
export const LOWER_START = /^\p{Ll}/u
/** Holds a letter or a digit. */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

const SMALL_AFTER_CAPITAL = /^\p{Lu}\s*\p{Ll}/u
const PRONOUN_I = /^I\b/
/**
 * The first letter made small where a phrase moves into mid-sentence ("A different view" → "a different view"), but not an
 * acronym's or the pronoun I's ("NHS", "I"). Suggestions (fit-context.ts) and a field's quick fix (finding.ts) share it.
 */
export function lowerFirst(words: string): string {
  return SMALL_AFTER_CAPITAL.test(words) && !PRONOUN_I.test(words) ? words.charAt(0).toLowerCase() + words.slice(1) : words
}
