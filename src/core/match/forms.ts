/**
 * Word forms: a phrase is written once, in base form; this module derives the
 * forms it should match (inflections, UK/US spellings). English morphology is a
 * mechanism, so it lives here; vocabulary lives in rules/. Irregular forms come from
 * the generated table (grammar/inflection-data.ts); regular endings are matched
 * generously (both "modelled" and "modeled"), since a form that never occurs costs nothing.
 */
import {irregularForms} from '../grammar/inflect.js'

/** Short function words: matched only as written. */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for as with and or nor but from into onto than then so if is am are was were be been being it its i me my mine you your yours he him his she her hers we us our ours they them their theirs this that these those who whom whose which what not no do does did has have had can will would should could may might must shall up out off over about'.split(
    ' '
  )
)

/** UK/US pairs for stems that no suffix rule covers. */
const SPELLING_PAIRS: Array<[string, string]> = [
  ['behaviour', 'behavior'],
  ['colour', 'color'],
  ['favour', 'favor'],
  ['honour', 'honor'],
  ['labour', 'labor'],
  ['neighbour', 'neighbor'],
  ['humour', 'humor'],
  ['rumour', 'rumor'],
  ['endeavour', 'endeavor'],
  ['judgement', 'judgment'],
  ['acknowledgement', 'acknowledgment'],
  ['centre', 'center'],
  ['programme', 'program'],
  ['practise', 'practice'],
  ['licence', 'license'],
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['ageing', 'aging'],
  ['paediatric', 'pediatric'],
  ['anaemi', 'anemi'],
  ['oestrogen', 'estrogen'],
  ['manoeuvre', 'maneuver'],
  ['sceptic', 'skeptic'],
  ['fulfil', 'fulfill'],
  ['enrol', 'enroll'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['grey', 'gray']
]

/** One test for "does any UK/US stem occur?", so most words skip the pair loop. */
const SPELLING_STEMS = new RegExp(SPELLING_PAIRS.flat().join('|'))

const VOWEL = /[aeiou]/
const isConsonant = (c: string | undefined) => c !== undefined && /[a-z]/.test(c) && !VOWEL.test(c)

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word)
}

/** Plural / third person singular. */
function sForm(w: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(w)) return [w + 'es']
  if (w.endsWith('y') && isConsonant(w.at(-2))) return [w.slice(0, -1) + 'ies']
  if (w.endsWith('f') && !w.endsWith('ff')) return [w + 's', w.slice(0, -1) + 'ves']
  if (w.endsWith('fe')) return [w + 's', w.slice(0, -2) + 'ves']
  // "go" → "goes", "veto" → "vetoes", but "photos", "memos": both, as matching an unused form costs nothing.
  if (/[^aeiou]o$/.test(w)) return [w + 'es', w + 's']
  return [w + 's']
}

/** Whether a final consonant may double before -ed/-ing (model → modelled, stop → stopped). */
function mayDouble(w: string): boolean {
  return /[bdglmnprt]$/.test(w) && VOWEL.test(w.at(-2) ?? '') && !VOWEL.test(w.at(-3) ?? 'a')
}

function edForms(w: string): string[] {
  if (w.endsWith('e')) return [w + 'd']
  if (w.endsWith('y') && isConsonant(w.at(-2))) return [w.slice(0, -1) + 'ied']
  const forms = [w + 'ed']
  if (mayDouble(w)) forms.push(w + w.at(-1) + 'ed')
  return forms
}

function ingForms(w: string): string[] {
  if (w.endsWith('ie')) return [w.slice(0, -2) + 'ying']
  if (w.endsWith('ee') || w.endsWith('ye') || w.endsWith('oe')) return [w + 'ing']
  if (w.endsWith('e')) return [w.slice(0, -1) + 'ing', w + 'ing']
  const forms = [w + 'ing']
  if (mayDouble(w)) forms.push(w + w.at(-1) + 'ing')
  return forms
}

/** UK and US spellings of one form. */
export function spellings(form: string): string[] {
  const out = new Set([form])
  for (const f of [...out]) {
    // -ise/-ize, -isation/-ization, -yse/-yze.
    const ize = f.replace(/(?<=[a-z]{2})is(e|ed|es|ing|er|ers|ation|ations|ational)$/, 'iz$1')
    const ise = f.replace(/(?<=[a-z]{2})iz(e|ed|es|ing|er|ers|ation|ations|ational)$/, 'is$1')
    out.add(ize).add(ise)
    out.add(f.replace(/ys(e|ed|es|ing)$/, 'yz$1')).add(f.replace(/yz(e|ed|es|ing)$/, 'ys$1'))
  }
  for (const f of [...out]) {
    if (!SPELLING_STEMS.test(f)) continue
    for (const [uk, us] of SPELLING_PAIRS) {
      if (f.includes(uk)) out.add(f.replace(uk, us))
      if (f.includes(us)) out.add(f.replace(us, uk))
    }
  }
  return [...out]
}

/** A form and whether it is a plural (or third-person -s) of the base. */
export interface Form {
  form: string
  plural: boolean
}

/** Every form one base word matches. Function words match only as written. A word known to be a verb ("document", "implement") takes -ed and -ing whatever its ending. */
export function wordForms(base: string, verb = false): Form[] {
  const w = base.toLowerCase()
  if (isFunctionWord(w) || !/^[a-z]/.test(w)) return [{form: w, plural: false}]
  const forms = new Map<string, boolean>()
  const add = (f: string, plural: boolean) => {
    for (const s of spellings(f)) if (!forms.has(s)) forms.set(s, plural)
  }
  add(w, false)
  for (const {form, plural} of irregularForms(w)) add(form, plural)
  for (const f of sForm(w)) add(f, true)
  // Adjectives and nouns ending -ic/-al/-ive/-ous rarely take verb endings; skip the noise.
  if (verb || !/(ic|ous|ive|ful|less|ness|ment|tion|sion|ity)$/.test(w)) {
    for (const f of edForms(w)) add(f, false)
    for (const f of ingForms(w)) add(f, false)
    // Nouns from verbs used in the same frame: "role-modelling" covers "role modellers"? No: keep to inflection.
  }
  // Verb forms with -ing also take a plural ("modellings" is rare): skip.
  return [...forms].map(([form, plural]) => ({form, plural}))
}

/** Forms of the word as written only (for `exact` rules and capitalised acronyms). */
export function exactForms(word: string): Form[] {
  return [{form: word, plural: looksPlural(word)}]
}

/** A written form that reads as a plural noun ("models", "addicts"; not "process", "status"). */
export function looksPlural(word: string): boolean {
  return /[a-z]s$/.test(word) && !/(ss|us|is|ous|ics)$/.test(word)
}
