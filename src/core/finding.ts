/**
 * A match made into a finding: its range (with the article a noun replacement takes along), its message, and each
 * alternative fitted to the sentence it lands in (see suggest.ts), the first of them a safe fix only over plain words.
 */
import type {Match} from './match/matcher.js'
import type {Token} from './match/tokens.js'
import type {Prose} from './parse/markdown.js'
import type {Within} from './slices.js'
import {fit, fitFlags, type FitContext} from './suggest.js'
import {frameShapes, phraseKind, shapesOf} from './grammar/shape.js'
import {numberWordOf, slotOf} from './grammar/slot.js'
import {indefiniteArticle, isPluralNoun} from './grammar/inflect.js'
import {phraseWords} from './match/phrase.js'
import {BlockFinder, sentenceRange} from './places.js'
import {capitalise} from './fit-context.js'
import {headInPhrase} from './reviewer-parts.js'
import type {Finding, Fix, Severity} from './types.js'
import {lowerFirst, UPPER_START} from './match/letters.js'

export function findingOf(text: string, prose: Prose, tokens: Token[], match: Match, blocks: BlockFinder, within: Within | undefined, severity: Severity | undefined): Finding {
  const rule = match.compiled.rule
  const kind = phraseKind(rule, match.phrase)
  let start = tokens[match.start].start
  const end = tokens[match.end - 1].end
  const before = tokens[match.start - 1]
  // "an addict" → "a person who uses drugs": the article is part of what gets replaced.
  const articleBefore =
    kind === 'noun' && !match.plural && before !== undefined && tokens[match.start].join === 'space' && (before.norm === 'a' || before.norm === 'an')
  // The article joins the range only when plain space separates it ("an *addict*" keeps its markup).
  const articleJoins = articleBefore && /^\s+$/.test(text.slice(before.end, tokens[match.start].start))
  if (articleJoins) start = before.start
  // The rule's own phrase may start with the article ("a depressive").
  const withArticle = articleJoins || (kind === 'noun' && match.end - match.start > 1 && /^(a|an)$/.test(tokens[match.start].norm))
  const source = text.slice(start, end)
  const from = prose.lines.point(start)
  const to = prose.lines.point(end)
  const matched = text.slice(tokens[match.start].start, end)
  const phrase = wordsOfPhrase(match.phrase)
  // "the mentally ill", "normal human beings": people, in the plural.
  const numberWord = tokens[numberWordOf(tokens, match.start, match.end)]
  // "the mentally ill", "the homeless": people, in the plural. After "are"/"were" a noun is plural too ("are a drain on").
  const plural =
    match.plural ||
    (kind === 'noun' && ((phrase[0] === 'the' && /(ill|less)$/.test(phrase.at(-1) ?? '')) || isPluralNoun(numberWord.norm) || /^(are|were)$/.test(tokens[match.start - (articleBefore ? 2 : 1)]?.norm ?? '')))
  const possessive = before !== undefined && /^['\u2019]s?\s/.test(text.slice(before.end, tokens[match.start].start))
  const slot = slotOf(tokens, match.start, match.end, kind, plural, phrase, possessive, headInPhrase(rule), /['\u2019]/.test(text.charAt(end)))
  const context: FitContext = {text, within, tokens, start: match.start, end: match.end, from: start, to: end, withArticle, slot, ...fitFlags(rule, kind)}
  const joinsPhrase = before !== undefined && !withArticle && tokens[match.start].join === 'space' && rule.phrases.some((p) => p.toLowerCase() === `${before.norm} ${tokens[match.start].norm}`)
  const fixes: Fix[] = []
  const suggestions: string[] = []
  const advice: string[] = []
  rule.alternatives.forEach((alt, i) => {
    // "follow our example" → "find their own way": an alternative written for some of the rule's phrases only.
    if (typeof alt !== 'string' && alt.phrases && !alt.phrases.includes(match.phrase)) return
    const proposal = fit(rule.frame || rule.secondOpinion ? frameShapes(alt, kind) : shapesOf(alt, kind), context)
    if ('advice' in proposal) {
      if (proposal.advice && !advice.includes(proposal.advice)) advice.push(proposal.advice)
      return
    }
    const e = proposal.edit
    // "living proof that recovery is possible": the word before the match belongs to another of the rule's phrases.
    if (joinsPhrase && e.start === start) [e.start, e.replacement] = [before!.start, UPPER_START.test(text.charAt(before!.start)) ? capitalise(e.replacement) : e.replacement]
    // "Insight: poor" → "Insight: a different view from the team": a field keeps its label; the value is replaced.
    if (match.field !== undefined && e.start === start && e.end === end) e.replacement = text.slice(start, tokens[match.field].start) + lowerFirst(e.replacement)
    const fix: Fix = {before: start - e.start, after: e.end - end, replacement: e.replacement, alternative: i}
    if (fixes.some((f) => f.before === fix.before && f.after === fix.after && f.replacement === fix.replacement)) return
    fixes.push(fix)
    if (fix.before === 0 && fix.after === 0) suggestions.push(fix.replacement)
  })
  const first = fixes[0]
  // The message quotes the words, not the markup or line breaks between them ("**Recovery** means").
  const quoted = matched.replace(/\*+|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '').replace(/\s+/g, ' ')
  const message = rule.message.replace(/\{\{\s*text\s*\}\}/g, quoted)
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: severity ?? rule.severity,
    offset: start,
    endOffset: end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    text: source,
    message: fixes.length === 0 && advice.length > 0 ? `${message} Consider: “${advice[0]}”.` : message,
    suggestions,
    fixes,
    advice,
    // Only the first alternative, and only over plain words: a range that spans markup ("[committed](url) suicide") is not safe unseen.
    safeFix:
      rule.safeFix === true &&
      first !== undefined &&
      first.alternative === 0 &&
      PLAIN_WORDS.test(text.slice(start - first.before, end + first.after)) &&
      (articleBefore === articleJoins || first.before > 0 || indefiniteArticle(first.replacement) === before?.norm),
    // One decision for the author: every form of one phrase of one rule ("patient", "patients"); a frame or the
    // second opinion has no phrase, so only the same words repeat it.
    group: `${rule.id}:${match.phrase ? match.phrase.toLowerCase() : '=' + quoted.toLowerCase()}`,
    phrase: matched.replace(/\s+/g, ' ').trim(),
    sentence: sentenceRange(text, tokens),
    lineDirective: blocks.lineDirective(start, from.line)
  }
}


/** A rule phrase's lower-case words, split once per phrase (rule phrases are a fixed set; the result is only read). */
function wordsOfPhrase(phrase: string): readonly string[] {
  let words = phraseWordsOf.get(phrase)
  if (words === undefined) phraseWordsOf.set(phrase, (words = phraseWords(phrase.toLowerCase())))
  return words
}
const phraseWordsOf = new Map<string, readonly string[]>()

const PLAIN_WORDS = /^[\p{L}\p{N}'\u2019\u2010\u2011 -]+$/u
