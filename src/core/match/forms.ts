/**
 * Word forms: a phrase is written once, in base form; this module derives the
 * forms it should match (inflections, UK/US spellings). English morphology is a
 * mechanism, so it lives here; vocabulary lives in rules/.
 */

/** Short function words: matched only as written. */
const FUNCTION_WORDS = new Set(
  'a an the of to in on at by for as with and or nor but from into onto than then so if is am are was were be been being it its i me my mine you your yours he him his she her hers we us our ours they them their theirs this that these those who whom whose which what not no do does did has have had can will would should could may might must shall up out off over about'.split(
    ' '
  )
)

/** Irregular forms (verbs and nouns) that suffix rules cannot derive. */
const IRREGULAR: Record<string, string[]> = {
  lead: ['led'],
  set: ['set'],
  show: ['shown'],
  teach: ['taught'],
  know: ['knew', 'known'],
  give: ['gave', 'given'],
  tell: ['told'],
  take: ['took', 'taken'],
  person: ['people', 'persons'],
  do: ['did', 'done'],
  go: ['went', 'gone'],
  make: ['made'],
  hold: ['held'],
  think: ['thought'],
  bring: ['brought'],
  seek: ['sought'],
  feel: ['felt'],
  keep: ['kept'],
  speak: ['spoke', 'spoken'],
  child: ['children'],
  man: ['men'],
  woman: ['women'],
  life: ['lives'],
  self: ['selves'],
  commit: ['committed', 'committing'],
  fit: ['fitted'],
  put: ['put'],
  let: ['let'],
  break: ['broke', 'broken'],
  see: ['saw', 'seen'],
  write: ['wrote', 'written'],
  become: ['became'],
  say: ['said'],
  pay: ['paid'],
  lose: ['lost'],
  find: ['found'],
  get: ['got', 'gotten'],
  fall: ['fell', 'fallen'],
  drive: ['drove', 'driven'],
  stand: ['stood'],
  understand: ['understood'],
  relapse: ['relapses', 'relapsed', 'relapsing']
}

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

/** Every form one base word matches. Function words match only as written. */
export function wordForms(base: string): Form[] {
  const w = base.toLowerCase()
  if (isFunctionWord(w) || !/^[a-z]/.test(w)) return [{form: w, plural: false}]
  const forms = new Map<string, boolean>()
  const add = (f: string, plural: boolean) => {
    for (const s of spellings(f)) if (!forms.has(s)) forms.set(s, plural)
  }
  add(w, false)
  for (const f of IRREGULAR[w] ?? []) add(f, IRREGULAR_NOUNS.has(w) && w !== 'relapse')
  for (const f of sForm(w)) add(f, true)
  // Adjectives and nouns ending -ic/-al/-ive/-ous rarely take verb endings; skip the noise.
  if (!/(ic|ous|ive|ful|less|ness|ment|tion|sion|ity)$/.test(w)) {
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

export type VerbForm = 'base' | 's' | 'past' | 'ing'

const IRREGULAR_NOUNS = new Set(['person', 'child', 'man', 'woman', 'life', 'self', 'relapse'])
const PAST = new Set(
  Object.entries(IRREGULAR)
    .filter(([base]) => !IRREGULAR_NOUNS.has(base))
    .flatMap(([, forms]) => forms)
    .filter((f) => !f.endsWith('ing'))
)

/** Which form of `base` a written verb is. */
export function verbFormOf(written: string, base: string): VerbForm {
  if (written === base) return 'base'
  if (written.endsWith('ing')) return 'ing'
  if (written.endsWith('ed') || (PAST.has(written) && !written.endsWith('s'))) return 'past'
  if (written.endsWith('s')) return 's'
  return 'base'
}

const IRREGULAR_BASE: Record<string, string> = {has: 'have', is: 'be', does: 'do', goes: 'go'}
const IRREGULAR_FORMS: Record<string, Record<VerbForm, string>> = {
  have: {base: 'have', s: 'has', past: 'had', ing: 'having'},
  be: {base: 'be', s: 'is', past: 'was', ing: 'being'},
  do: {base: 'do', s: 'does', past: 'did', ing: 'doing'},
  go: {base: 'go', s: 'goes', past: 'went', ing: 'going'}
}

/** The base of a verb written in base or third-person form ("lives" → "live"), or undefined if it is neither. */
export function verbBase(word: string): string | undefined {
  const w = word.toLowerCase()
  if (IRREGULAR_BASE[w]) return IRREGULAR_BASE[w]
  if (/(ed|ing)$/.test(w) || PAST.has(w)) return undefined
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y'
  if (/(ches|shes|sses|xes|zes|oes)$/.test(w)) return w.slice(0, -2)
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  return w
}

/** One form of a regular or common irregular verb. */
export function inflectVerb(base: string, form: VerbForm): string {
  const irregular = IRREGULAR_FORMS[base]
  if (irregular) return irregular[form]
  if (form === 'base') return base
  if (form === 's') return sForm(base)[0]
  if (form === 'ing') return ingForms(base)[0]
  const past = IRREGULAR[base]?.[0]
  return past ?? edForms(base)[0]
}
