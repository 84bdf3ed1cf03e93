/**
 * Compiled phrases: each word of a phrase becomes the set of forms it matches.
 * Used for rule phrases, guards and allowed phrases alike.
 */
import {exactForms, isFunctionWord, wordForms, type Form} from './forms.js'
import {phraseKeysOf} from '../rules/derived-keys.js'
import type {RulePack} from '../types.js'
import {packForms, restoreKeys, storeKeys, unpackForms, type StoredKeys} from './packing.js'
import {AFTER_QUOTE, CLITIC_VERB, CONTRACTION, type Token} from './tokens.js'

const WORD_CLASSES: Record<string, Set<string>> = {
  '@be': new Set(
    "am is are was were be been being 's 're 'm isn't aren't wasn't weren't seem seems seemed seeming stay stays stayed staying remain remains remained remaining become becomes became becoming feel feels felt feeling appear appears appeared look looks looked get gets got getting".split(' ')
  ),
  '@det': new Set('a an the this that these those each every any some no another our my your his her their its all both either neither'.split(' ')),
  '@pronoun': new Set('i you he she it we they me him her us them'.split(' ')),
  '@adv-degree': new Set('very so too more less quite extremely really most rather incredibly remarkably fairly pretty truly'.split(' '))
}

export const WORD_CLASS_NAMES = Object.keys(WORD_CLASSES)

/** One word slot of a phrase. */
export interface Slot {
  /** Lowercased forms this slot matches, with whether the form is plural. */
  forms: Map<string, boolean>
  /** Only match tokens written exactly so (acronyms such as "PD"). */
  caseSensitive?: string
  /** `*` in a phrase: any one word. */
  any?: boolean
}

export interface CompiledPhrase {
  source: string
  slots: Slot[]
}

function formsMap(forms: Form[]): Map<string, boolean> {
  return new Map(forms.map((f) => [f.form, f.plural]))
}

/** Slots by word (and exactness): shared by every phrase that has the word; a slot is never changed. */
const slotCache = new Map<string, Slot>()

function slotFor(word: string, exact: boolean): Slot {
  const key = (exact ? '=' : '~') + word
  let slot = slotCache.get(key)
  if (!slot) slotCache.set(key, (slot = makeSlot(word, exact)))
  return slot
}

function makeSlot(word: string, exact: boolean): Slot {
  if (word === '*') return {forms: new Map(), any: true}
  const cls = WORD_CLASSES[word]
  if (cls) return {forms: new Map([...cls].map((f) => [f, false]))}
  if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) {
    return {forms: formsMap(exactForms(word.toLowerCase())), caseSensitive: word}
  }
  const lower = word.toLowerCase().replace(/\u2019/g, "'")
  return {forms: formsMap(exact || isFunctionWord(lower) ? exactForms(lower) : wordForms(lower))}
}

/** Split a phrase into words: spaces and hyphens are the same. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((w) => (w.startsWith('@') ? [w] : w.split(/[-\u2010\u2011]+/)))
    // As the text's tokens are read (tokens.ts): "they've recovered" is "they have recovered".
    .flatMap((w) => {
      const clitic = CONTRACTION.exec(w.replace(/\u2019/g, "'"))
      return clitic ? [clitic[1], CLITIC_VERB[clitic[2].toLowerCase()]] : [w]
    })
    .filter(Boolean)
}

/**
 * Compile a phrase into its variants: the word sequence, and for two-word phrases
 * the joined word too ("case load" → "caseload").
 */
const compiled = new Map<string, CompiledPhrase[]>()

export function compilePhrase(phrase: string, exact = false): CompiledPhrase[] {
  // Guards such as "@be" or "in case" recur across many rules: compile each once.
  const key = (exact ? '=' : '~') + phrase
  let variants = compiled.get(key)
  if (!variants) compiled.set(key, (variants = compileUncached(phrase, exact)))
  return variants
}

function compileUncached(phrase: string, exact: boolean): CompiledPhrase[] {
  const words = phraseWords(phrase)
  const variants: CompiledPhrase[] = [{source: phrase, slots: words.map((w) => slotFor(w, exact))}]
  if (words.length === 2 && !words.some((w) => w.startsWith('@') || w === '*' || isFunctionWord(w.toLowerCase()))) {
    variants.push({source: phrase, slots: [slotFor(words.join(''), exact)]})
  }
  return variants
}

/** Compile a guard phrase whose `@name` words may be data word classes (rules/classes.yml); not cached. */
export function compileGuard(phrase: string, classSlot: (name: string) => Slot | undefined): CompiledPhrase[] {
  // Most guards name no class: compilePhrase has them (the build compiled them) without splitting the phrase again.
  if (!phrase.includes('@')) return compilePhrase(phrase)
  const words = phraseWords(phrase)
  if (!words.some((w) => w.startsWith('@') && !WORD_CLASSES[w])) return compilePhrase(phrase)
  return [{source: phrase, slots: words.map((w) => (w.startsWith('@') && !WORD_CLASSES[w] ? (classSlot(w.slice(1)) ?? {forms: new Map()}) : slotFor(w, false)))}]
}

function slotMatches(slot: Slot, token: Token): boolean {
  if (slot.any) return true
  if (!slot.forms.has(token.norm)) return false
  return slot.caseSensitive === undefined || token.raw === slot.caseSensitive
}

/**
 * Whether `phrase` matches the tokens starting at `index`, words joined only by
 * spaces or hyphens. Returns the index after the match, or -1.
 */
export function matchAt(phrase: CompiledPhrase, tokens: Token[], index: number): number {
  const {slots} = phrase
  if (index < 0 || index + slots.length > tokens.length) return -1
  for (let k = 0; k < slots.length; k++) {
    const token = tokens[index + k]
    if (k > 0 && token.join === 'break' && !AFTER_QUOTE.has(token)) return -1
    if (!slotMatches(slots[k], token)) return -1
  }
  return index + slots.length
}

/** Whether `phrase` ends right before `index` (adjacent, no punctuation between). */
export function matchBefore(phrase: CompiledPhrase, tokens: Token[], index: number): boolean {
  const start = index - phrase.slots.length
  if (start < 0) return false
  if (tokens[index] && tokens[index].join === 'break') return false
  return matchAt(phrase, tokens, start) === index
}

/** Whether `phrase` starts right at `index` (adjacent, no punctuation between). */
export function matchAfter(phrase: CompiledPhrase, tokens: Token[], index: number): boolean {
  if (!tokens[index] || tokens[index].join === 'break') return false
  return matchAt(phrase, tokens, index) !== -1
}

/** Whether a token is in a word class (@be, @det, @pronoun, @adv-degree). */
export function inWordClass(name: string, token: Token | undefined): boolean {
  return token !== undefined && WORD_CLASSES[name]?.has(token.norm) === true
}

/**
 * Compiled phrases as plain data: the build ships them with the compiled rules,
 * so a start compiles none. Each distinct slot's forms are stored once, as one
 * string (a plural form marked `+`; the forms packed, packing.ts), in sorted order;
 * the phrases' keys are stored beside those the packs give (storeKeys), and
 * `variants` follows them in sorted order: a
 * variant is its slots (a slot: the index of its forms, or [index, caseSensitive or
 * 0, 1 for any]), or [source, slots] when its source is not the phrase itself.
 */
export interface CompiledPhrasesData {
  forms: string[]
  keys: StoredKeys
  variants: Array<Array<PackedSlot[] | [string, PackedSlot[]]>>
}
type PackedSlot = number | [number, string | 0, 0 | 1]

const formsText = (slot: Slot) => [...slot.forms].map(([f, plural]) => (plural ? '+' + f : f)).join(' ')

/** `packs`: the packs shipped beside (phraseKeysOf). */
export function compiledPhrasesData(packs: RulePack[]): CompiledPhrasesData {
  const slots = [...compiled.values()].flatMap((variants) => variants.flatMap((v) => v.slots))
  const forms = [...new Set(slots.map(formsText))].sort()
  const index = new Map(forms.map((f, i) => [f, i]))
  const pack = (slot: Slot): PackedSlot => {
    const i = index.get(formsText(slot))!
    return slot.caseSensitive === undefined && !slot.any ? i : [i, slot.caseSensitive ?? 0, slot.any ? 1 : 0]
  }
  const keys = [...compiled.keys()].sort()
  const variants = keys.map((key) => compiled.get(key)!.map((v) => (v.source === key.slice(1) ? v.slots.map(pack) : ([v.source, v.slots.map(pack)] as [string, PackedSlot[]]))))
  const packed = forms.map((text) => {
    const marked = text ? text.split(' ') : []
    return packForms(marked.map((f) => (f[0] === '+' ? f.slice(1) : f)))
      .map((f, j) => (marked[j][0] === '+' ? '+' + f : f))
      .join(' ')
  })
  return {forms: packed, keys: storeKeys(keys, phraseKeysOf(packs)), variants}
}

/** Take phrases compiled by the build (the same code, so the same result) instead of compiling them again. */
export function seedCompiledPhrases(data: CompiledPhrasesData, packs: RulePack[]): void {
  const maps = data.forms.map((list) => {
    const marked = list ? list.split(' ') : []
    const forms = unpackForms(marked.map((f) => (f[0] === '+' ? f.slice(1) : f)))
    // Set one by one: no [form, plural] pair made per form (every built-in phrase's, at each start).
    const map = new Map<string, boolean>()
    for (let i = 0; i < forms.length; i++) map.set(forms[i], marked[i][0] === '+')
    return map
  })
  // Slots with the same forms share one Map: compiled phrases are only read.
  const slot = (s: PackedSlot): Slot =>
    typeof s === 'number' ? {forms: maps[s]} : {forms: maps[s[0]], ...(s[1] !== 0 ? {caseSensitive: s[1]} : {}), ...(s[2] === 1 ? {any: true} : {})}
  restoreKeys(data.keys, phraseKeysOf(packs)).forEach((key, i) => {
    if (compiled.has(key)) return
    compiled.set(
      key,
      data.variants[i].map((v) => (typeof v[0] === 'string' ? {source: v[0], slots: (v[1] as PackedSlot[]).map(slot)} : {source: key.slice(1), slots: (v as PackedSlot[]).map(slot)}))
    )
  })
}
