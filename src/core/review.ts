/**
 * The review: parse a document, find rule matches sentence by sentence, drop the
 * ones context rules out (mentions, self-description, allowed phrases,
 * directives), and shape the rest as findings.
 */
import type {Paragraph, Root as NlcstRoot, Sentence} from 'nlcst'
import {ruleSeverity} from './config.js'
import {Discussion, isMention, quoteSpans} from './context/mention.js'
import {isTitle} from './context/title.js'
import {isPredicateAdjective} from './context/predicate.js'
import {isReportedLabel, isSelfDescription} from './context/self.js'
import {isRejected} from './context/negation.js'
import {DirectiveFilter} from './directives.js'
import {Matcher, type CompiledRule, type Match} from './match/matcher.js'
import {FrameMatcher} from './frames/frames.js'
import {compilePhrase, type CompiledPhrase} from './match/phrase.js'
import {PhraseIndex} from './match/phrase-index.js'
import {RangeCover} from './ranges.js'
import {sentenceTokens, type Token} from './match/tokens.js'
import {phraseWords} from './match/phrase.js'
import {parseMarkdown, type Prose} from './parse/markdown.js'
import {parseText} from './parse/text.js'
import {markdownRegions} from './parse/regions.js'
import {MAX_PARSE_CHARS, reviewInPieces, reviewInSlices, reviewRegions, reviewSlice, SLICE_CHARS, type SliceBlock} from './slices.js'
import {fit, type FitContext} from './suggest.js'
import {frameShapes, phraseKind, shapesOf} from './grammar/shape.js'
import {slotOf} from './grammar/slot.js'
import {indefiniteArticle, isPluralNoun} from './grammar/inflect.js'
import type {Config, Finding, Fix, Format, Rule, RulePack, Severity, WordClassSpec} from './types.js'
import type {Directive} from './directives.js'
import {NOTICE, REVIEW_LIMIT, REVIEW_LIMIT_RULE, type Notice} from './notices.js'
import {MAX_FINDINGS} from './limits.js'

/**
 * A finding before directives are applied, with the offset and 1-based line that
 * directives judge it by (the match's first word, without a leading article).
 */
export interface Candidate {
  finding: Finding
  at: number
  atLine: number
}

/** Markdown longer than this is reviewed in slices. */
const SLICE_ABOVE = 1.5 * SLICE_CHARS

export class Reviewer {
  readonly rules: Rule[]
  private readonly byId = new Map<string, Rule>()
  private readonly severity = new Map<string, Severity>()
  private readonly matcher: Matcher
  private readonly frames: FrameMatcher
  private readonly frameRules = new Map<string, CompiledRule>()
  /** Candidates this review may still make (see `review`): a document of nothing but findings stays bounded. */
  private remaining = Infinity
  private truncated = false
  /** Allowed phrases: a match they cover is not a finding. */
  private readonly allow = new PhraseIndex<never>()
  private readonly hasAllow: boolean

  constructor(
    packs: RulePack[],
    readonly config: Config = {}
  ) {
    this.rules = packs.flatMap((p) => p.rules)
    const active: Rule[] = []
    for (const rule of this.rules) {
      this.byId.set(rule.id, rule)
      const severity = ruleSeverity(rule, config)
      if (severity === 'off') continue
      this.severity.set(rule.id, severity)
      active.push(rule)
    }
    this.frames = new FrameMatcher(active, mergeClasses(packs))
    this.matcher = new Matcher(active, frameKeys(this.frames), (name) => {
      const forms = this.frames.lexicon.singleForms(name)
      return forms ? {forms} : undefined
    })
    for (const rule of active) if (rule.frame) this.frameRules.set(rule.id, bareRule(rule))
    for (const phrase of (config.allow ?? []).flatMap((p) => compilePhrase(p))) if (phrase.slots.length > 0) this.allow.add(phrase)
    this.hasAllow = (config.allow ?? []).length > 0
  }

  /** False only when no rule can match anywhere in `text` (a word-level pre-check). */
  mayMatch(text: string): boolean {
    return this.matcher.prefilter.mayMatch(text)
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id) ?? (id === REVIEW_LIMIT ? REVIEW_LIMIT_RULE : undefined)
  }

  /** The severity of notices (`review-limit`), or undefined when a config switched them off. */
  private get noticeSeverity(): Severity | undefined {
    const setting = this.config.rules?.[REVIEW_LIMIT]
    if (setting === 'off' || setting === false) return undefined
    return setting === undefined || setting === true ? 'info' : setting
  }

  /** Review a whole document. */
  review(text: string, format: Format = 'markdown'): Finding[] {
    // Directives may still drop some, so twice the findings shown are made, no more.
    this.remaining = 2 * MAX_FINDINGS
    this.truncated = false
    try {
      return this.limitFindings(this.reviewUnbounded(text, format), this.truncated)
    } finally {
      this.remaining = Infinity
    }
  }

  private reviewUnbounded(text: string, format: Format): Finding[] {
    let blocks: SliceBlock[] | undefined
    if (format === 'markdown') {
      // Cut into regions where that is certain: only regions where a rule may match are parsed.
      const regions = markdownRegions(text)
      blocks = regions
        ? reviewRegions(this, text, regions)
        : text.length > SLICE_ABOVE
          ? // A long document is reviewed in slices: the same findings, in linear time and bounded memory.
            (reviewInSlices(this, text) ?? reviewSlice(this, text, 0, text.length, 1, []).blocks)
          : undefined
    } else if (text.length > MAX_PARSE_CHARS) {
      // Plain text that long is read in pieces cut between paragraphs (or sentences).
      blocks = reviewInPieces(this, text, 0, text.length, 1, [], 'text').blocks
    }
    return blocks
      ? applyDirectives(blocks.flatMap((b) => b.candidates), blocks.flatMap((b) => b.directives))
      : this.reviewProse(text, format === 'markdown' ? parseMarkdown(text) : parseText(text))
  }

  /**
   * One notice of each kind (a long document read in slices may meet a limit in
   * several), and at most MAX_FINDINGS findings, then one notice saying so.
   */
  limitFindings(findings: Finding[], truncated = false): Finding[] {
    let out = findings
    if (findings.some((f) => f.ruleId === REVIEW_LIMIT)) {
      const seen = new Set<string>()
      out = findings.filter((f) => f.ruleId !== REVIEW_LIMIT || (!seen.has(f.message) && seen.add(f.message) !== undefined))
    }
    if (out.length <= MAX_FINDINGS && !truncated) return out
    if (out.length === 0) return out
    const last = out[Math.min(out.length, MAX_FINDINGS) - 1]
    const notice = this.noticeCandidate(last.text, {start: 0, end: last.text.length, message: NOTICE.findings(MAX_FINDINGS)}, last.line, last.column)
    const kept = out.slice(0, MAX_FINDINGS)
    if (notice) kept.push({...notice.finding, offset: last.offset, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn})
    return kept
  }

  reviewProse(text: string, prose: Prose): Finding[] {
    return applyDirectives(this.candidates(text, prose), prose.directives)
  }

  /** Every finding in `prose` that context does not rule out, before directives. */
  candidates(text: string, prose: Prose): Candidate[] {
    const found: Candidate[] = []
    const mentions = new RangeCover(prose.mentions)
    const discussion = new Discussion(text)
    forEachParagraph(prose.tree, (paragraph) => {
      let quotes: RangeCover | undefined
      let title: boolean | undefined
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const tokens = sentenceTokens(sentence as Sentence)
        if (!tokens.some((t) => this.matcher.has(t.norm) || this.frames.has(t.norm))) continue
        const matches = this.matches(tokens, text)
        if (matches.length === 0) continue
        const allowed = this.hasAllow ? allowedReach(this.allow, tokens) : undefined
        for (const match of matches) {
          const start = tokens[match.start].start
          const end = tokens[match.end - 1].end
          const rule = match.compiled.rule
          if (allowed && allowed[match.start] >= match.end) continue
          if (mentions.covers(start, end)) continue
          quotes ??= new RangeCover(paragraphQuotes(text, paragraph))
          if (quotes.covers(start, end)) continue
          if (isMention(tokens, match.start, match.end)) continue
          if (discussion.isDiscussed(sentence.position?.start.offset ?? start, sentence.position?.end.offset ?? end, start, end)) continue
          // A heading or title names its subject; only identity labels and slurs are findings there.
          title ??= isTitle(text, paragraph.position?.start.offset ?? start, paragraph.position?.end.offset ?? end)
          if (title && rule.category !== 'labelling') continue
          // People describing themselves, or a label they were given; a peer calling themself a role model is still one.
          if ((rule.person || rule.category !== 'role-model') && isSelfDescription(tokens, match.start, rule.person === true, rule.category !== 'labelling')) continue
          if (rule.category !== 'labelling' && !negationKeeps(rule) && isRejected(tokens, text, match.start, rule.kind === 'verb')) continue
          if (rule.category !== 'role-model' && isReportedLabel(tokens, match.start, this.kin)) continue
          if (rule.personSubject && !this.personSubject(tokens, text, match.start)) continue
          if (rule.adjectiveSense && match.end - match.start === 1 && isPredicateAdjective(tokens, match.start)) continue
          if (this.remaining-- <= 0) {
            this.truncated = true
            continue
          }
          const finding = this.finding(text, prose, tokens, match)
          found.push({finding, at: start, atLine: finding.line})
        }
      }
    })
    const severity = this.noticeSeverity
    if (prose.notices?.length && severity) for (const notice of prose.notices) found.push(this.notice(text, prose, notice, severity))
    // Lines read as plain text and notices join in source order.
    for (let i = 1; i < found.length; i++) {
      if (found[i].at < found[i - 1].at) return found.sort((a, b) => a.at - b.at)
    }
    return found
  }

  private notice(text: string, prose: Prose, notice: Notice, severity: Severity): Candidate {
    const from = prose.lines.point(notice.start)
    return this.noticeAt(text, notice, severity, from.line, from.column)
  }

  /** A notice as a candidate at a known position (a notice never spans lines). */
  noticeCandidate(text: string, notice: Notice, line: number, column: number): Candidate | undefined {
    const severity = this.noticeSeverity
    return severity ? this.noticeAt(text, notice, severity, line, column) : undefined
  }

  private noticeAt(text: string, notice: Notice, severity: Severity, line: number, column: number): Candidate {
    const finding: Finding = {
      ruleId: REVIEW_LIMIT,
      category: REVIEW_LIMIT_RULE.category,
      severity,
      offset: notice.start,
      endOffset: notice.end,
      line,
      column,
      endLine: line,
      endColumn: column + notice.end - notice.start,
      text: text.slice(notice.start, notice.end),
      message: notice.message,
      suggestions: [],
      fixes: [],
      advice: [],
      safeFix: false,
      group: `${REVIEW_LIMIT}:${notice.message}`
    }
    return {finding, at: notice.start, atLine: line}
  }

  /** Whether a word names a relative ("our son", "my partner"), from the word class `relatives`. */
  private readonly kin = (norm: string) => this.frames.isKin(norm)

  /** When the match is the complement of a linking verb, whether that verb's subject is a person. */
  private personSubject(tokens: Token[], text: string, start: number): boolean {
    return this.frames.complementOfPerson(tokens, text, start)
  }

  /** Phrase matches, then frame matches where no phrase match already covers the words. */
  private matches(tokens: Token[], text: string): Match[] {
    const phrases = this.matcher.matchSentence(tokens)
    if (this.frames.size === 0) return phrases
    const frames = this.frames.matchSentence(tokens, text)
    if (frames.length === 0) return phrases
    const out = [...phrases]
    // Words each category's phrase matches cover, to test frames against in one step per word.
    const covered = new Map<string, Set<number>>()
    for (const p of phrases) {
      let words = covered.get(p.compiled.rule.category)
      if (!words) covered.set(p.compiled.rule.category, (words = new Set()))
      for (let i = p.start; i < p.end; i++) words.add(i)
    }
    for (const f of frames) {
      // A phrase finding on the frame's verb or object, in the same category, already says it; one on
      // another word ("the patient poses a risk") is a separate point.
      const words = covered.get(f.rule.category)
      if (words && f.core.some((i) => words.has(i))) continue
      out.push({compiled: this.frameRules.get(f.rule.id)!, start: f.start, end: f.end, plural: false, phrase: ''})
    }
    return out.sort((a, b) => a.start - b.start)
  }

  private finding(text: string, prose: Prose, tokens: Token[], match: Match): Finding {
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
    const phrase = phraseWords(match.phrase.toLowerCase())
    // "the mentally ill", "normal human beings": people, in the plural.
    // The noun that carries number: the last matched word, or the one before a final preposition ("victims of").
    const numberWord = match.end - match.start > 1 && /^(of|on|to|with|by|for)$/.test(tokens[match.end - 1].norm) ? tokens[match.end - 2] : tokens[match.end - 1]
    // "the mentally ill", "the homeless": people, in the plural. After "are"/"were" a noun is plural too ("are a drain on").
    const plural =
      match.plural ||
      (kind === 'noun' && ((phrase[0] === 'the' && /(ill|less)$/.test(phrase.at(-1) ?? '')) || isPluralNoun(numberWord.norm) || /^(are|were)$/.test(tokens[match.start - (articleBefore ? 2 : 1)]?.norm ?? '')))
    const possessive = before !== undefined && /^['\u2019]s?\s/.test(text.slice(before.end, tokens[match.start].start))
    const slot = slotOf(tokens, match.start, match.end, kind, plural, phrase, possessive, headInPhrase(rule))
    const context: FitContext = {text, tokens, start: match.start, end: match.end, from: start, to: end, withArticle, slot, person: rule.person === true}
    const joinsPhrase = before !== undefined && !withArticle && tokens[match.start].join === 'space' && rule.phrases.some((p) => p.toLowerCase() === `${before.norm} ${tokens[match.start].norm}`)
    const fixes: Fix[] = []
    const suggestions: string[] = []
    const advice: string[] = []
    rule.alternatives.forEach((alt, i) => {
      const proposal = fit(rule.frame ? frameShapes(alt, kind) : shapesOf(alt, kind), context)
      if ('advice' in proposal) {
        if (proposal.advice && !advice.includes(proposal.advice)) advice.push(proposal.advice)
        return
      }
      const e = proposal.edit
      // "living proof that recovery is possible": the word before the match belongs to another of the rule's phrases.
      if (joinsPhrase && e.start === start) e.start = before!.start
      const fix: Fix = {before: start - e.start, after: e.end - end, replacement: e.replacement, alternative: i}
      if (fixes.some((f) => f.before === fix.before && f.after === fix.after && f.replacement === fix.replacement)) return
      fixes.push(fix)
      if (fix.before === 0 && fix.after === 0) suggestions.push(fix.replacement)
    })
    const first = fixes[0]
    const message = rule.message.replace(/\{\{\s*text\s*\}\}/g, matched)
    return {
      ruleId: rule.id,
      category: rule.category,
      severity: this.severity.get(rule.id) ?? rule.severity,
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
      // One decision for the author: every form of one phrase of one rule ("patient", "patients").
      group: `${rule.id}:${match.phrase.toLowerCase()}`
    }
  }
}

/**
 * An adjective rule whose phrases all start with the same word and end in different
 * nouns ("psychotic dog", "psychotic boss") names the noun it describes: an
 * alternative replaces the adjective and keeps the noun.
 */
function headInPhrase(rule: Rule): boolean {
  if (rule.kind !== 'adjective') return false
  const firsts = new Set(rule.phrases.map((p) => phraseWords(p.toLowerCase())[0]))
  return rule.phrases.length > 1 && firsts.size === 1 && rule.phrases.every((p) => phraseWords(p).length === 2)
}

/** Drop the candidates a directive switches off. */
export function applyDirectives(candidates: Candidate[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return candidates.map((c) => c.finding)
  const filter = new DirectiveFilter(directives)
  // The filter is asked in offset order; the findings keep their own order.
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[a].at - candidates[b].at || a - b)
  const off = new Uint8Array(candidates.length)
  for (const i of order) {
    const c = candidates[i]
    const {ruleId, category, endLine} = c.finding
    // A line directive covers a finding that starts or ends on its line ("an" / "addict" across a break).
    if (filter.disables(ruleId, category, c.at, c.atLine) || (endLine !== c.atLine && filter.disables(ruleId, category, c.at, endLine))) off[i] = 1
  }
  return candidates.filter((_, i) => off[i] === 0).map((c) => c.finding)
}

/** Word classes from every pack; a later pack adds words to a class an earlier one defined. */
function mergeClasses(packs: RulePack[]): Record<string, WordClassSpec> {
  const out: Record<string, WordClassSpec> = {}
  for (const pack of packs) {
    for (const [name, spec] of Object.entries(pack.classes ?? {})) {
      const prior = out[name]
      out[name] = prior ? {kind: prior.kind, words: [...prior.words, ...spec.words]} : spec
    }
  }
  return out
}

/** Prefilter entries for frame rules: a frame needs its verb, and a word of each slot it names. */
function frameKeys(frames: FrameMatcher): ConstructorParameters<typeof Matcher>[1] {
  const phrase = (words: string[][]): CompiledPhrase => ({source: '', slots: words.map((forms) => ({forms: new Map(forms.map((f) => [f, false]))}))})
  return frames.prefilterEntries().map((e) => ({phrases: e.verb.map((forms) => phrase([forms])), guards: e.slots.map((entries) => entries.map((forms) => phrase([forms])))}))
}

function bareRule(rule: Rule): CompiledRule {
  return {rule, unlessBefore: [], unlessAfter: [], onlyBefore: [], onlyAfter: [], unlessNear: [], onlyNear: []}
}

/** Rules whose framing survives negation ("staff do not allow residents to…", "are not permitted to"). */
const negationKeeps = (rule: Rule) => rule.negated === true || rule.frame !== undefined

const PLAIN_WORDS = /^[\p{L}\p{N}'\u2019\u2010\u2011 -]+$/u


/**
 * For each token, the furthest end of an allowed phrase starting at or before it:
 * a match [start, end) is allowed when that reaches `end`.
 */
function allowedReach(allow: PhraseIndex<never>, tokens: Token[]): Int32Array {
  const reach = new Int32Array(tokens.length).fill(-1)
  for (let i = 0; i < tokens.length; i++) {
    if (allow.startsWith(tokens[i].norm)) allow.scan(tokens, i, (_id, end) => {
      if (end > reach[i]) reach[i] = end
    })
    if (i > 0 && reach[i - 1] > reach[i]) reach[i] = reach[i - 1]
  }
  return reach
}

/** Every paragraph of an nlcst tree, in order, without recursion (a tree can be deep). */
function forEachParagraph(tree: NlcstRoot, fn: (paragraph: Paragraph) => void) {
  type Node = {type: string; children?: Node[]}
  const stack: Node[] = [tree as Node]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'ParagraphNode') fn(node as unknown as Paragraph)
    else if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
}

function paragraphQuotes(text: string, paragraph: Paragraph): Array<[number, number]> {
  const s = paragraph.position?.start.offset
  const e = paragraph.position?.end.offset
  if (s === undefined || e === undefined) return []
  return quoteSpans(text.slice(s, e), s)
}
