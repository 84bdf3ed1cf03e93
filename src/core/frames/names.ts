/** Names of people in a sentence, which the frames read as a person (the `people` class). */
import type {Token} from '../match/tokens.js'
import type {Hit} from './hits.js'
import {NAME_WORD, UPPER_START} from '../match/letters.js'
import {isAdverb, isVerbGroupWord} from './grammar.js'

const NO_PEERS: ReadonlySet<string> = new Set()

/**
 * "Tui", "Priya Sharma": one or two capitalised words inside a sentence that no class knows name a
 * person, unless a capital goes on before or after them ("Larch Ward", "Mental Health Act"), an
 * article or a place word goes before ("the Trust", "moved to Ennis"), or they are a month or a day.
 */
export function tagNames(tokens: Token[], hits: Hit[], known: (norm: string) => boolean, peers: ReadonlySet<string> = NO_PEERS): void {
  // A name the document introduced as its peer worker's (context/named-peers.ts) is a peer's.
  const cls = (i: number) => (peers.has(tokens[i].norm) ? 'peer' : 'people')
  // "Carla drains the team's time", "Reuben is nearly recovered": a first word is a name when no class knows it, it has
  // no noun's ending and an auxiliary follows it (every sentence starts with a capital, so this asks more).
  // "Ines is…", "Marcus has…": a final s is a name's, not a plural's, when the verb agrees with one person.
  // "Moana and her psychiatrist…": a first word joined to someone of theirs is a person too.
  const first = tokens[0].norm
  const nounLike = NOUN_ENDING.test(first) && !(SINGULAR_AFTER.test(tokens[1]?.norm ?? '') && /[^s]s$/.test(first) && !NOT_NAME_S.test(first) && !NOUN_ENDING.test(first.slice(0, -1)))
  // A name the document introduced as its peer's needs no auxiliary after it ("Gareth tells you what he did…").
  if (tokens.length > 2 && isNameWord(tokens[0]) && !known(first) && !nounLike && !COMMON_FIRST.has(first) && tokens[1].join === 'space' && (peers.has(first) || AUX_AFTER_NAME.has(tokens[1].norm) || reportsOnSelf(tokens, 0) || (tokens[1].norm === 'and' && /^(her|his|their)$/.test(tokens[2].norm) && !NOT_ONE_OF_THEIRS.has(tokens[3]?.norm ?? '')))) {
    hits.push({cls: cls(0), start: 0, end: 1, participle: false, ing: false, plural: false})
  }
  for (let i = 1; i < tokens.length; i++) {
    if (!isNameWord(tokens[i]) || known(tokens[i].norm)) continue
    // After a clause number ("7.4 Complaints will be handled") the word opens the sentence.
    if (tokens.slice(0, i).every((t) => /^\d[\d.]*$/.test(t.norm))) continue
    const end = i + 1 < tokens.length && isNameWord(tokens[i + 1]) && !known(tokens[i + 1].norm) ? i + 2 : i + 1
    const before = tokens[i - 1]
    if (UPPER_START.test(before.raw) && (i > 1 || !NAME_LEADS.has(before.norm))) {
      // "Handover: Ivy is fragile today": after a label, read as a sentence's first word.
      const opens = tokens[i].join === 'break' && end === i + 1 && (AUX_AFTER_NAME.has(tokens[end]?.norm ?? '') || reportsOnSelf(tokens, i)) && !COMMON_FIRST.has(tokens[i].norm) && !LABEL_NOUN_ENDING.test(tokens[i].norm)
      if (opens) hits.push({cls: cls(i), start: i, end, participle: false, ing: false, plural: false})
      i = end
      continue
    }
    if (end < tokens.length && UPPER_START.test(tokens[end].raw)) {
      i = end
      continue
    }
    // "decided that Liam would…": after a "that" that opens a clause, a name with its verb is a person, not "that Trust".
    // An introduced peer's name is theirs after any word ("be like Dan").
    if (peers.has(tokens[i].norm) || !NOT_BEFORE_NAME.has(before.norm) || (before.norm === 'that' && AUX_AFTER_NAME.has(tokens[end]?.norm ?? ''))) hits.push({cls: cls(i), start: i, end, participle: false, ing: false, plural: false})
    i = end - 1
  }
}

/** Initials as a clinical note writes a person ("R.T.", "M.K."; the token has lost its last full stop). */
const INITIALS = /^\p{Lu}(?:\.\p{Lu})+$/u
// Most words start in lower case: that is told from the first code unit, before any regex.
const isNameWord = (t: Token) => {
  const c = t.raw.charCodeAt(0)
  return !(c >= 97 && c <= 122) && (NAME_WORD.test(t.raw) || INITIALS.test(t.raw)) && !NOT_NAMES.has(t.norm) && !NOT_NAMES.has(t.norm.replace(/s$/, '')) && !MEDICINE.test(t.norm)
}
/** Medicines' name stems ("Olanzapine can cause…", "Sertraline is…"): a capitalised medicine is no person. */
const MEDICINE = /(?:apine|azine|idone|azole|azepam|azolam|oxetine|traline|italopram|ipramine|triptyline|afaxine|lithium|pril|olol|statin|proate|trigine|orphine|adone|profen|etamol|oxone|azapine|ethorphan)$/

// Plurals ("Parents can be…", "Toddlers can be…"), compounds ("Paperwork is…") and nouns' endings: not names, though a few names end so.
const NOUN_ENDING = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ship|ism|ure|age|ery|ary|y|s|work|ware|load|time)$/
/** After a label ("Handover: Ivy is…") a final y or s may be a name's ("Ivy", "Agnes"): only clearer endings are nouns'. */
const LABEL_NOUN_ENDING = /(?:ing|tion|sion|ment|ness|ity|ance|ence|ship|ism|ure|age|work|ware|load|time)$/
/** Verbs that agree with one person only ("is", "has", "keeps"): a plural noun cannot be their subject. */
const SINGULAR_AFTER = /^(is|was|has|does|doesn't|isn't|wasn't|hasn't|[a-z]+[^s]s)$/
/** Final-s words that are no name: "Stress", "Illness", "Genetics", "Psychosis", "Virus", "Diabetes". */
const NOT_NAME_S = /(ss|ness|ics|sis|itis|ies|us|ys|betes)$/
const COMMON_FIRST = new Set('he she we they you today tomorrow yesterday tonight everything nothing something anything this that these those there here it what which who where when why how each every all some most many few both either neither one lunch parking transport feedback work money food rent help care time life sleep water tea coffee please also however sometimes often usually together then now next finally again perhaps maybe yes no ok okay hello hi dear thanks thank above below overall meanwhile instead otherwise therefore still only just soon later first last'.split(' '))
/** "Aoife maintains she has…": a reporting verb after a first word makes it a name only when a he or she follows (not "Ofsted maintains that…"). */
const REPORTING = new Set('insists insisted maintains maintained claims claimed denies denied believes believed thinks thought'.split(' '))
const reportsOnSelf = (tokens: Token[], i: number) => REPORTING.has(tokens[i + 1]?.norm ?? '') && tokens.slice(i + 2, i + 12).some((t) => /^(he|she|his|her|him|himself|herself)$/.test(t.norm))
/** "Moana and her psychiatrist": one worker or relative of theirs, not a team ("Bernadette and her team decide…"). */
const NOT_ONE_OF_THEIRS = new Set(['team', 'teams', 'staff', 'colleagues', 'nurses', 'crew', 'workers', 'service', 'services', 'department', 'unit', 'ward'])
const AUX_AFTER_NAME = new Set("is was has had will can can't cannot could couldn't should must may might would wouldn't does doesn't did didn't won't isn't wasn't hasn't hadn't shouldn't keeps refuses needs wants says said told asked gets got feels felt seems seemed struggles struggled finds found goes went lives lived becomes became decides decided chooses chose picks picked".split(' '))

/** Words that start a sentence before a name ("Dear Priya", "Ask Tui"): a capital there does not make a longer name. */
const NAME_LEADS = new Set(['dear', 'hi', 'hello', 'ask', 'tell', 'thanks', 'thank', 'when', 'if', 'once', 'because', 'while', 'after', 'before', 'until', 'unless', 'although', 'since', 'whether', 'who', 'how', 'which', 'what', 'where', 'why', 'can', 'could', 'should', 'will', 'would', 'does', 'did', 'has', 'is', 'was', 'may', 'might', 'must', 'and', 'but', 'so', 'as', 'then'])
const NOT_BEFORE_NAME = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'their', 'its', 'in', 'at', 'from', 'into', 'near', 'via', 'across', 'around', 'throughout', 'outside', 'inside', 'within', 'towards', 'toward'])
const NOT_NAMES = new Set([
  ...'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
  ...'i english irish welsh scottish british european american canadian australian zealand māori maori pacific aboriginal indigenous god christmas easter ramadan covid'.split(' '),
  // Products and platforms a document names ("the hall's Wi-Fi", "on Zoom", "a Teams call").
  ...'wi fi zoom teams google facebook instagram youtube tiktok twitter linkedin skype outlook excel eventbrite'.split(' ')
])

/** A name starting at i (a lower-case word before it), up to three capitalised words, then a verb group ("Sam would", "Mr Doherty will"). */
export function relativeName(tokens: Token[], i: number, ceiling: number): boolean {
  if (i <= 0 || !UPPER_START.test(tokens[i].raw) || UPPER_START.test(tokens[i - 1].raw)) return false
  let m = i
  while (m < ceiling && m - i < 3 && tokens[m].join === 'space' && UPPER_START.test(tokens[m].raw)) m++
  const after = tokens[m]?.norm ?? ''
  return m > i && m < ceiling && tokens[m].join === 'space' && isVerbGroupWord(after) && !isAdverb(after) && after !== 'to'
}
