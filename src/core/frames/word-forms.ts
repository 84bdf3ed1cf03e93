/**
 * The forms a word-class entry matches: a noun its plural, a verb every form (and whether each can be a past
 * participle, for the passive), anything else its spellings only. Irregular forms forms.ts does not derive are
 * listed here.
 */
import {spellings, wordForms} from '../match/forms.js'

export interface FormInfo {
  participle: boolean
  ing: boolean
  plural: boolean
}

/** Past participles that the suffix rules in forms.ts do not derive. */
const IRREGULAR_PARTICIPLES: Record<string, string[]> = {
  choose: ['chose', 'chosen'],
  write: ['wrote', 'written'],
  draw: ['drew', 'drawn'],
  give: ['gave', 'given'],
  take: ['took', 'taken'],
  make: ['made'],
  set: ['set'],
  tell: ['told'],
  teach: ['taught'],
  show: ['showed', 'shown'],
  lead: ['led'],
  put: ['put'],
  let: ['let'],
  hold: ['held'],
  keep: ['kept'],
  send: ['sent'],
  find: ['found'],
  see: ['saw', 'seen'],
  know: ['knew', 'known'],
  do: ['did', 'done'],
  bring: ['brought'],
  think: ['thought'],
  seek: ['sought'],
  leave: ['left'],
  understand: ['understood'],
  break: ['broke', 'broken'],
  drive: ['drove', 'driven'],
  forbid: ['forbade', 'forbidden'],
  override: ['overrode', 'overridden'],
  undertake: ['undertook', 'undertaken'],
  withdraw: ['withdrew', 'withdrawn'],
  get: ['got', 'gotten'],
  have: ['had'],
  say: ['said'],
  feel: ['felt'],
  become: ['became', 'become'],
  rule: ['ruled'],
  pay: ['paid'],
  speak: ['spoke', 'spoken'],
  fall: ['fell', 'fallen'],
  lose: ['lost'],
  build: ['built'],
  mean: ['meant'],
  deal: ['dealt'],
  spend: ['spent'],
  win: ['won'],
  grow: ['grew', 'grown'],
  overcome: ['overcame', 'overcome'],
  rise: ['rose', 'risen'],
  steal: ['stole', 'stolen'],
  hide: ['hid', 'hidden'],
  beat: ['beat', 'beaten'],
  sit: ['sat'],
  stand: ['stood'],
  run: ['ran', 'run'],
  go: ['went', 'gone'],
  come: ['came', 'come'],
  be: ['is', 'are', 'am', 'was', 'were', 'been', 'being']
}
/** Irregular past tenses that are not participles ("chose" but not "chosen"). */
const PAST_ONLY = new Set(['is', 'are', 'am', 'being', 'chose', 'wrote', 'drew', 'gave', 'took', 'showed', 'saw', 'knew', 'did', 'broke', 'drove', 'forbade', 'overrode', 'undertook', 'withdrew', 'spoke', 'fell', 'grew', 'overcame', 'rose', 'stole', 'hid', 'ran', 'went', 'came', 'was', 'were', 'became'])
const IRREGULAR_PLURALS: Record<string, string> = {person: 'people', child: 'children', man: 'men', woman: 'women', staff: 'staff', life: 'lives', self: 'selves'}

export function nounForms(base: string): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>()
  for (const f of wordForms(base)) if (f.form === base || f.plural) forms.set(f.form, {participle: false, ing: false, plural: f.plural})
  const irregular = IRREGULAR_PLURALS[base]
  if (irregular) for (const s of spellings(irregular)) forms.set(s, {participle: false, ing: false, plural: true})
  return forms
}

/** Auxiliaries are function words to forms.ts, so their forms are listed here. */
const AUXILIARY_FORMS: Record<string, string[]> = {
  have: ['has', 'having', "'ve"],
  do: ['does', 'doing'],
  be: ["'s", "'re", "'m"]
}

export function verbForms(base: string): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>()
  for (const form of AUXILIARY_FORMS[base] ?? []) forms.set(form, {participle: false, ing: form.endsWith('ing'), plural: form.endsWith('s')})
  for (const f of wordForms(base, true)) {
    const ed = f.form.endsWith('ed') && f.form !== base
    forms.set(f.form, {participle: ed, ing: f.form.endsWith('ing') && f.form !== base, plural: f.plural})
  }
  for (const form of IRREGULAR_PARTICIPLES[base] ?? []) {
    for (const s of spellings(form)) forms.set(s, {participle: !PAST_ONLY.has(form) || form === base, ing: false, plural: false})
  }
  // "set", "put", "let": the base is a participle too.
  if ((IRREGULAR_PARTICIPLES[base] ?? []).includes(base)) forms.set(base, {participle: true, ing: false, plural: false})
  return forms
}

export function exactForms(word: string): Map<string, FormInfo> {
  return new Map(spellings(word).map((s) => [s, {participle: false, ing: false, plural: false}]))
}
