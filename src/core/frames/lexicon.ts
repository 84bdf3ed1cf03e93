/**
 * Word classes (rules/classes.yml and `classes` in any pack): named sets of
 * words a frame's slots are filled from — professional roles, decision verbs,
 * plan nouns… Each entry is written once in base form; nouns match their
 * plurals, verbs every form, and a verb form knows whether it can be a past
 * participle (for the passive).
 */
import {spellings, wordForms} from '../match/forms.js'
import type {Token} from '../match/tokens.js'
import type {WordClassSpec} from '../types.js'

/** Titles before a name. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'])

/** A class entry found in a sentence: tokens [start, end). */
export interface Hit {
  cls: string
  start: number
  end: number
  /** A verb form that can be a past participle ("set", "chosen", "agreed"). */
  participle: boolean
  /** A verb in its -ing form. */
  ing: boolean
  /** A noun in its plural form, or a verb in its third-person -s form. */
  plural: boolean
}

interface FormInfo {
  participle: boolean
  ing: boolean
  plural: boolean
}

interface Entry {
  cls: string
  /** Forms of each word of the entry, first word first. */
  words: Array<Map<string, FormInfo>>
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

function nounForms(base: string): Map<string, FormInfo> {
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

function verbForms(base: string): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>()
  for (const form of AUXILIARY_FORMS[base] ?? []) forms.set(form, {participle: false, ing: form.endsWith('ing'), plural: form.endsWith('s')})
  for (const f of wordForms(base)) {
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

function exactForms(word: string): Map<string, FormInfo> {
  return new Map(spellings(word).map((s) => [s, {participle: false, ing: false, plural: false}]))
}

function entryWords(text: string, kind: WordClassSpec['kind']): Array<Map<string, FormInfo>> {
  const words = text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
  // A noun phrase inflects its last word ("care coordinators"); a verb phrase its first ("signs off").
  const inflected = kind === 'noun' ? words.length - 1 : kind === 'verb' ? 0 : -1
  return words.map((w, i) => (i !== inflected ? exactForms(w) : kind === 'noun' ? nounForms(w) : verbForms(w)))
}

export class Lexicon {
  private readonly first = new Map<string, Entry[]>()
  readonly names: Set<string>

  constructor(classes: Record<string, WordClassSpec>) {
    this.names = new Set(Object.keys(classes))
    for (const [cls, spec] of Object.entries(classes)) {
      for (const text of spec.words) {
        const words = entryWords(text, spec.kind)
        if (words.length === 0) continue
        const entry: Entry = {cls, words}
        for (const form of words[0].keys()) {
          let list = this.first.get(form)
          if (!list) this.first.set(form, (list = []))
          list.push(entry)
        }
      }
    }
  }

  /** Every form that can start an entry of `cls` (for the prefilter and anchors). */
  firstForms(cls: string): string[] {
    const out: string[] = []
    for (const [form, entries] of this.first) if (entries.some((e) => e.cls === cls)) out.push(form)
    return out
  }

  /** The words of every entry of `cls`, as [first-word forms, …] (for the prefilter). */
  entries(cls: string): Array<Array<string[]>> {
    const seen = new Set<Entry>()
    const out: Array<Array<string[]>> = []
    for (const entries of this.first.values()) {
      for (const e of entries) {
        if (e.cls !== cls || seen.has(e)) continue
        seen.add(e)
        out.push(e.words.map((w) => [...w.keys()]))
      }
    }
    return out
  }

  /** The forms of the one-word entries of `cls`, with whether each is a plural. */
  singleForms(cls: string): Map<string, boolean> | undefined {
    const out = new Map<string, boolean>()
    for (const [form, entries] of this.first) for (const e of entries) if (e.cls === cls && e.words.length === 1) out.set(form, e.words[0].get(form)?.plural ?? false)
    return out.size > 0 ? out : undefined
  }

  has(norm: string): boolean {
    return this.first.has(norm)
  }

  /** Every class entry in the sentence, longest first at each start. */
  tag(tokens: Token[]): Hit[] {
    const hits: Hit[] = []
    // "Mr Hale", "Dr Osei": a capitalised word after a title names a person.
    for (let i = 1; i < tokens.length; i++) {
      if (TITLES.has(tokens[i - 1].norm) && /^\p{Lu}/u.test(tokens[i].raw) && this.names.has('people')) hits.push({cls: 'people', start: i - 1, end: i + 1, participle: false, ing: false, plural: false})
    }
    for (let i = 0; i < tokens.length; i++) {
      const entries = this.first.get(tokens[i].norm)
      if (!entries) continue
      for (const e of entries) {
        let k = 1
        for (; k < e.words.length; k++) {
          const t = tokens[i + k]
          if (!t || t.join === 'break' || !e.words[k].has(t.norm)) break
        }
        if (k < e.words.length) continue
        const headWord = e.words.length === 1 ? 0 : e.words.length - 1
        const info = e.words[headWord === 0 ? 0 : e.words.length - 1].get(tokens[i + headWord].norm)
        // A multi-word verb is inflected on its first word.
        const verbInfo = e.words[0].get(tokens[i].norm)
        const f = e.words.length > 1 && verbInfo && (verbInfo.participle || verbInfo.ing || verbInfo.plural) ? verbInfo : (info ?? verbInfo)
        hits.push({cls: e.cls, start: i, end: i + e.words.length, participle: f?.participle ?? false, ing: f?.ing ?? false, plural: f?.plural ?? false})
      }
    }
    return hits
  }
}
