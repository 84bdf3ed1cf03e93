/**
 * Fit a rule's alternatives to the sentence: keep the original's capitalisation,
 * choose singular or plural, and give a noun phrase the right article.
 */
import {inflectVerb, looksPlural, verbBase, type VerbForm} from './match/forms.js'
import type {Alternative} from './types.js'

const CONNECTORS = /\s(who|with|of|in|living|experiencing|using|whose|affected)\s/
const DETERMINER_START = /^(a|an|the|some|someone|somebody|people|anyone|everyone|each|every|their|our|my|your|his|her|this|that|these|those)\b/i

const IRREGULAR_PLURAL: Record<string, string> = {person: 'people', child: 'children', man: 'men', woman: 'women', self: 'selves', life: 'lives'}

function pluralWord(word: string): string {
  const lower = word.toLowerCase()
  if (IRREGULAR_PLURAL[lower]) return IRREGULAR_PLURAL[lower]
  if (/(s|x|z|ch|sh)$/.test(lower)) return word + 'es'
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** "person who uses drugs" → "people who use drugs"; "peer worker" → "peer workers". */
export function pluralise(phrase: string): string {
  const m = CONNECTORS.exec(phrase)
  const head = m ? phrase.slice(0, m.index) : phrase
  let tail = m ? phrase.slice(m.index) : ''
  const words = head.split(' ')
  // Only a short noun phrase is safe to pluralise; anything longer is a clause and reads as written.
  if (words.length > 3 || looksPlural(words[words.length - 1]) || /^(what|how|where|when|why|whether|people|someone|their|our)$/i.test(words[0])) {
    return phrase
  }
  words[words.length - 1] = pluralWord(words[words.length - 1])
  if (m && m[1] === 'who') {
    // The verb after "who" agrees with the plural.
    tail = tail.replace(/^(\s+who\s+)(\w+)/, (_all, who: string, verb: string) => {
      const agreed = verb === 'is' ? 'are' : verb === 'has' ? 'have' : verb === 'was' ? 'were' : /[^s]s$/.test(verb) ? verb.slice(0, -1).replace(/ie$/, 'y') : verb
      return who + agreed
    })
  }
  return words.join(' ') + tail
}

/** The indefinite article a phrase takes. */
export function article(phrase: string): string {
  const w = phrase.toLowerCase()
  if (/^(hour|honest|honour|honor|heir)/.test(w)) return 'an'
  if (/^(u[bcdfgklmnprstv][aeiou]|uni|use|one|eu)/.test(w)) return 'a'
  return /^[aeiou]/.test(w) ? 'an' : 'a'
}

function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '')
  // Shouting is copied; an acronym ("OCD") is not a reason to shout the replacement.
  if (letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) return letters.length >= 5 ? replacement.toUpperCase() : replacement
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}

export interface FitOptions {
  /** The text being replaced (may include a leading article). */
  original: string
  plural: boolean
  /** The replaced text starts with "a "/"an ". */
  withArticle: boolean
  noun: boolean
  /** A determiner or possessive comes right before the match ("our caseloads"). */
  afterDeterminer?: boolean
  /** For verb rules: the form the matched verb is in, for the alternative to agree with. */
  verbForm?: VerbForm
}

/** "lives with" → "living with" when the matched verb was "suffering". */
function agreeVerb(phrase: string, form: VerbForm): string {
  const [first, ...rest] = phrase.split(' ')
  if (rest[0]?.endsWith('ing')) return phrase // "is making choices…" reads as written
  const base = verbBase(first)
  if (!base) return phrase
  return [inflectVerb(base, form), ...rest].join(' ')
}

export function fitAlternative(alt: Alternative, options: FitOptions): string {
  let text: string
  if (typeof alt === 'string') text = options.plural && options.noun ? pluralise(alt) : alt
  else text = options.plural ? alt.plural : alt.singular
  if (options.verbForm) text = agreeVerb(text, options.verbForm)
  // "our caseloads" → "our people I work alongside", not "our the people…".
  if (options.afterDeterminer) text = text.replace(/^(the|a|an|our|their|your|my)\s+/i, '')
  if (options.withArticle && !DETERMINER_START.test(text)) text = article(text) + ' ' + text
  return matchCase(options.original, text)
}
