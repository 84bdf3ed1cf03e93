/**
 * English inflection from data: verb forms, plurals and the indefinite article.
 * Irregular verbs, consonant doubling and irregular plurals come from the
 * generated table in inflection-data.ts; only regular endings are rules.
 */
import {DOUBLING_VERBS, IRREGULAR_PLURALS, IRREGULAR_VERBS, MASS_NOUNS} from './inflection-data.js'

export type VerbForm = 'base' | 's' | 'past' | 'participle' | 'ing'

const PAST = new Map<string, string>()
const PARTICIPLE = new Map<string, string>()
/** A written irregular past or participle → its base ("chose" → "choose"). */
const BASE_OF = new Map<string, string>()
for (const entry of IRREGULAR_VERBS.trim().split(' ')) {
  const [base, past, participle = past] = entry.split(':')
  PAST.set(base, past)
  PARTICIPLE.set(base, participle)
  if (!BASE_OF.has(past)) BASE_OF.set(past, base)
  if (!BASE_OF.has(participle)) BASE_OF.set(participle, base)
}
/** Letters a doubling verb adds before -ing/-ed ("refer" → "r", "panic" → "k"). */
const DOUBLED = new Map<string, string>()
for (const entry of DOUBLING_VERBS.trim().split(' ')) {
  const [base, added] = entry.split(':')
  DOUBLED.set(base, added ?? base.at(-1)!)
}
const PLURAL = new Map<string, string>()
const SINGULAR = new Map<string, string>()
for (const entry of IRREGULAR_PLURALS.trim().split(' ')) {
  const [singular, plural = singular] = entry.split(':')
  PLURAL.set(singular, plural)
  SINGULAR.set(plural, singular)
}

const MASS = new Set(MASS_NOUNS.trim().split(' '))

/** Whether a noun is uncountable ("progress", "advice", "distress"). */
export function isMassNoun(word: string): boolean {
  return MASS.has(word.toLowerCase())
}

/** be, have, do and go have their own present forms. */
const SPECIAL: Record<string, Partial<Record<VerbForm, string>>> = {
  be: {s: 'is', ing: 'being'},
  have: {s: 'has'},
  do: {s: 'does'},
  go: {s: 'goes'}
}

const VOWEL = /[aeiou]/
const consonantY = (w: string) => w.endsWith('y') && w.length > 1 && !VOWEL.test(w.at(-2)!)

/** Plural of a noun / third person singular of a verb, by the regular endings. */
function sEnding(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es'
  if (consonantY(w)) return w.slice(0, -1) + 'ies'
  return w + 's'
}

/** One form of a verb given in its base form ("choose", "past" → "chose"). Keeps the base's capital. */
export function inflectVerb(base: string, form: VerbForm): string {
  const w = base.toLowerCase()
  const out = inflectLower(w, form)
  return base[0] !== w[0] ? out.charAt(0).toUpperCase() + out.slice(1) : out
}

function inflectLower(w: string, form: VerbForm): string {
  const special = SPECIAL[w]?.[form]
  if (special) return special
  switch (form) {
    case 'base':
      return w
    case 's':
      return w.endsWith('o') && !w.endsWith('oo') ? w + 'es' : sEnding(w)
    case 'past':
      return PAST.get(w) ?? regularEd(w)
    case 'participle':
      return PARTICIPLE.get(w) ?? regularEd(w)
    case 'ing': {
      const added = DOUBLED.get(w)
      if (added) return w + added + 'ing'
      if (w.endsWith('ie')) return w.slice(0, -2) + 'ying'
      if (/(ee|ye|oe|nge)$/.test(w) && w !== 'change') return w + 'ing'
      if (w.endsWith('e') && w.length > 2) return w.slice(0, -1) + 'ing'
      return w + 'ing'
    }
  }
}

function regularEd(w: string): string {
  const added = DOUBLED.get(w)
  if (added) return w + added + 'ed'
  if (w.endsWith('e')) return w + 'd'
  if (consonantY(w)) return w.slice(0, -1) + 'ied'
  return w + 'ed'
}

/** The irregular forms of a word, verb or noun ("lead" → led; "person" → people, plural). */
export function irregularForms(word: string): Array<{form: string; plural: boolean}> {
  const out: Array<{form: string; plural: boolean}> = []
  const past = PAST.get(word)
  if (past && past !== regularEd(word)) out.push({form: past, plural: false})
  const participle = PARTICIPLE.get(word)
  if (participle && participle !== past && participle !== regularEd(word)) out.push({form: participle, plural: false})
  // "panic" → panicked, panicking: letters the regular endings do not add.
  const added = DOUBLED.get(word)
  if (added && added !== word.at(-1)) out.push({form: word + added + 'ed', plural: false}, {form: word + added + 'ing', plural: false})
  const plural = PLURAL.get(word)
  if (plural && plural !== word) out.push({form: plural, plural: true})
  return out
}

/**
 * What a written verb is: its base and form. Only what data or a regular present
 * ending says for certain; a regular -ed or -ing form ("opened", "refused") gives no
 * base, since no suffix rule tells "open" from "refuse" without a lexicon.
 */
export function analyseVerb(written: string): {base: string; form: VerbForm} | undefined {
  const w = written.toLowerCase()
  if (w === 'is' || w === 'am' || w === 'are') return {base: 'be', form: w === 'is' ? 's' : 'base'}
  if (w === 'was' || w === 'were') return {base: 'be', form: 'past'}
  if (w === 'has') return {base: 'have', form: 's'}
  if (w === 'does') return {base: 'do', form: 's'}
  if (w === 'goes') return {base: 'go', form: 's'}
  if (PAST.has(w) || DOUBLED.has(w)) return {base: w, form: 'base'}
  const irregular = BASE_OF.get(w)
  if (irregular) return {base: irregular, form: PAST.get(irregular) === w ? 'past' : 'participle'}
  if (/(ed|ing)$/.test(w)) return undefined
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w) && w.length > 2) return {base: sBase(w), form: 's'}
  return {base: w, form: 'base'}
}

function sBase(w: string): string {
  // "dies", "lies", "ties": one consonant before -ies.
  if (w.endsWith('ies')) return w.length <= 4 ? w.slice(0, -1) : w.slice(0, -3) + 'y'
  if (/(ches|shes|sses|xes|zes|oes)$/.test(w)) return w.slice(0, -2)
  return w.slice(0, -1)
}

/** Which form of `base` the written word is (US single-l spellings too), or undefined. */
export function formOf(written: string, base: string): VerbForm | undefined {
  const w = written.toLowerCase()
  for (const form of ['base', 's', 'ing', 'past', 'participle'] as const) {
    const f = inflectLower(base.toLowerCase(), form)
    if (f === w || (f.endsWith('lled') || f.endsWith('lling') ? f.replace(/ll(ed|ing)$/, 'l$1') === w : false)) return form
  }
  return undefined
}

/** The plural of one noun ("person" → "people", "story" → "stories"). */
export function pluralNoun(word: string): string {
  const w = word.toLowerCase()
  const irregular = PLURAL.get(w)
  const out = irregular ?? (w.endsWith('o') && /[^aeiou]o$/.test(w) && !/(photo|memo|video|logo|radio|piano|zoo)$/.test(w) ? w + 'es' : sEnding(w))
  return word[0] !== w[0] ? out.charAt(0).toUpperCase() + out.slice(1) : out
}

const NOT_PLURAL = /(ss|us|is|ous|ics|ness|ship)$/

/** Whether a noun as written is plural ("people", "workers"; not "process", "status", "news"). */
export function isPluralNoun(word: string): boolean {
  const w = word.toLowerCase()
  if (SINGULAR.has(w)) return SINGULAR.get(w) !== w || !PLURAL.has(w)
  if (PLURAL.has(w)) return false
  return /[a-z]s$/.test(w) && !NOT_PLURAL.test(w)
}

/** The indefinite article a phrase takes, by the sound of its first word. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.trim().split(/[\s-]/)[0] ?? ''
  const w = word.toLowerCase()
  // An initialism is read letter by letter: "an NHS trust", "a GP".
  if (word.length > 1 && word === word.toUpperCase() && /^[A-Z]+$/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a'
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an'
  if (/^(u[bcdfgklmprstv][aeiou]|uni(?![nm])|eu|ewe|one|once|ouija)/.test(w)) return 'a'
  return /^[aeiou]/.test(w) ? 'an' : 'a'
}
