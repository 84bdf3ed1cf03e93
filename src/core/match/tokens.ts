/**
 * Sentence tokens: the words of one nlcst sentence with their source offsets.
 * Hyphenated words split into parts so "role-model" and "role model" read alike.
 */
import type {Sentence, Word} from 'nlcst'
import {LETTER_OR_DIGIT} from './letters.js'

/** What separates a token from the one before it. */
export type Join = 'start' | 'space' | 'hyphen' | 'break'

export interface Token {
  /** Lowercased, curly apostrophes straightened, possessive dropped. */
  norm: string
  /** The word as written (possessive dropped). */
  raw: string
  start: number
  end: number
  join: Join
}

const HYPHENS = new Set(['-', '\u2010', '\u2011'])

function offsetOf(node: {position?: {start: {offset?: number}}}): number {
  return node.position?.start.offset ?? -1
}

const PLAIN_WORD = /^[A-Za-z0-9]+$/

/** A pronoun with a verb's clitic ("you're", "i've", "he's"); a noun's "'s" is its possessive, and "n't" stays with its verb. */
export const CONTRACTION = /^(i|you|we|they|he|she|it|who|that|there)('re|'m|'ve|'ll|'d|'s)$/i
/** What the clitic stands for; "'s" is "is" (a following "been" or "got" makes it "has": sentenceTokens). */
export const CLITIC_VERB: Record<string, string> = {"'re": 'are', "'m": 'am', "'ve": 'have', "'ll": 'will', "'d": 'would', "'s": 'is'}

function pushWord(tokens: Token[], raw: string, start: number, join: Join) {
  // Most words are plain letters: nothing to straighten, trim or drop.
  if (PLAIN_WORD.test(raw)) {
    tokens.push({norm: raw.toLowerCase(), raw, start, end: start + raw.length, join})
    return
  }
  // A trailing full stop can stay attached when the next sentence starts in lower case.
  let word = raw.replace(/\u2019/g, "'").replace(/\.+$/, '')
  // "you're not well enough", "they've recovered": a pronoun and its verb are two words, as when written out.
  const clitic = CONTRACTION.exec(word)
  if (clitic) {
    const [, pronoun, ending] = clitic
    tokens.push({norm: pronoun.toLowerCase(), raw: pronoun, start, end: start + pronoun.length, join})
    const at = start + pronoun.length
    tokens.push({norm: CLITIC_VERB[ending.toLowerCase()], raw: word.slice(pronoun.length), start: at, end: at + word.length - pronoun.length, join: 'space'})
    return
  }
  // Possessives are the same word: "patient's", "patients'".
  if (/[a-z]'s$/i.test(word)) word = word.slice(0, -2)
  else if (/s'$/i.test(word)) word = word.slice(0, -1)
  if (!LETTER_OR_DIGIT.test(word)) return
  tokens.push({norm: word.toLowerCase(), raw: word, start, end: start + word.length, join})
}

/** Split one WordNode at inner hyphens; other inner punctuation (apostrophes) stays. */
function wordTokens(tokens: Token[], word: Word, join: Join) {
  let part = ''
  let partStart = -1
  let partJoin = join
  let end = -1
  for (const child of word.children) {
    const value = 'value' in child ? child.value : ''
    const start = offsetOf(child)
    // "it." in one table cell and "x" in the next are one word to the parser (the cell break has no width): not one token.
    if (part && end >= 0 && start >= 0 && start !== end) {
      pushWord(tokens, part, partStart, partJoin)
      part = ''
      partJoin = 'break'
    }
    end = start >= 0 ? start + value.length : -1
    if (child.type === 'PunctuationNode' && HYPHENS.has(value)) {
      if (part) pushWord(tokens, part, partStart, partJoin)
      part = ''
      partJoin = 'hyphen'
      continue
    }
    if (child.type === 'PunctuationNode' && value !== "'" && value !== '\u2019' && value !== '.') {
      if (part) pushWord(tokens, part, partStart, partJoin)
      part = ''
      partJoin = 'break'
      continue
    }
    if (!part) partStart = start
    part += value
  }
  if (part) pushWord(tokens, part, partStart, partJoin)
}

/** Initials and titles written with full stops: the parser keeps the stop inside the word. */
const ABBREVIATION = /^(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.)$/
const isAbbreviation = (word: Word): boolean => ABBREVIATION.test(word.children.map((c) => ('value' in c ? c.value : '')).join(''))

const QUOTE_MARKS = new Set(['"', '\u201c', '\u201d', "'", '\u2018', '\u2019'])
/**
 * Words after a break made only of quotation marks: a phrase reads across them ("moved to the “recovered” list"), while
 * clauses and noun phrases still stop there. Whether quoted words are someone else's is the review's question
 * (context/applied-label.ts). A set beside the tokens keeps every token the same shape.
 */
export const AFTER_QUOTE = new WeakSet<Token>()

export function sentenceTokens(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  // What lies between the previous word and the next: nothing yet, only space, or punctuation.
  let gap: 'start' | 'none' | 'space' | 'break' | 'thousands' = 'start'
  let quoteOnly = false
  for (const child of sentence.children) {
    if (child.type === 'WordNode') {
      if (offsetOf(child) < 0) continue
      // "4,212 interventions": the parser splits a number at its thousands separator; it is one word.
      const prev = tokens.at(-1)
      if (gap === 'thousands' && prev && child.children.length === 1 && 'value' in child.children[0] && /^\d{3}$/.test(child.children[0].value)) {
        prev.raw = `${prev.raw},${child.children[0].value}`
        prev.norm = prev.raw
        prev.end = offsetOf(child) + 3
        gap = 'none'
        continue
      }
      // Two words with nothing between them come from separate markup (table cells): not a phrase.
      const first = tokens.length
      wordTokens(tokens, child, gap === 'none' || gap === 'thousands' ? 'break' : gap)
      if (quoteOnly && tokens.length > first) AFTER_QUOTE.add(tokens[first])
      quoteOnly = false
      // "models." can keep its full stop inside the word: what follows is not the same phrase. An initial's or a title's
      // full stop ("R.T. is discharged", "J. Smith", "Dr. Costa") ends no clause.
      const last = child.children.at(-1)
      gap = last?.type === 'PunctuationNode' && last.value !== "'" && last.value !== '\u2019' && !isAbbreviation(child) ? 'break' : 'none'
    } else if (child.type === 'WhiteSpaceNode') {
      if (gap === 'none') gap = 'space'
    } else if (gap === 'none' && child.type === 'PunctuationNode' && (child.value === "'" || child.value === '\u2019')) {
      // A plural possessive ("patients' rights") belongs to the word before it.
    } else if (gap !== 'start' && gap !== 'break' && child.type === 'PunctuationNode' && QUOTE_MARKS.has(child.value)) {
      gap = 'break'
      quoteOnly = true
    } else if (gap === 'none' && child.type === 'PunctuationNode' && child.value === ',' && /^\d[\d,]*$/.test(tokens.at(-1)?.raw ?? '')) {
      gap = 'thousands'
    } else if ((child.type === 'SymbolNode' || child.type === 'PunctuationNode') && child.value === '=' && gap === 'space' && offsetOf(child) >= 0) {
      // "365 days sober = recovered", "Recovery = mood up": the sign reads as the verb it stands for.
      tokens.push({norm: 'equals', raw: '=', start: offsetOf(child), end: offsetOf(child) + 1, join: 'space'})
      gap = 'none'
    } else if (gap !== 'start') {
      gap = 'break'
      quoteOnly = false
    }
  }
  // "he's been", "she's got", "he's done it": the clitic is "has" (not before a participle that is also a passive's: "he's seen by…").
  for (let i = 1; i + 1 < tokens.length; i++) if (tokens[i].norm === 'is' && /^['\u2019]/.test(tokens[i].raw) && /^(been|got|done|gone|come|become|had)$/.test(tokens[i + 1].norm)) tokens[i].norm = 'has'
  return tokens
}
