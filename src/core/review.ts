/**
 * The reviewer: a rule set compiled for one configuration. It finds rule matches
 * sentence by sentence in parsed prose, drops the ones context rules out
 * (mentions, self-description, allowed phrases), and shapes the rest as
 * findings. Reviewing a whole document goes through DocumentSession (regions,
 * slices, directives), for every format and every caller.
 */
import type {Paragraph, Sentence} from 'nlcst'
import {ruleSeverity} from './config.js'
import {comparedInCourse, definedTermSpan, Discussion, isMention} from './context/mention.js'
import {inBodyName, inProperName, isHeading, isLabelCell, isTitle} from './context/title.js'
import {documentSettings} from './context/front-matter.js'
import {addressedTo, documentName, nameHolds} from './context/document-name.js'
import {leadInOf, leadInSubject, type LeadIn} from './context/lead-in.js'
import {antecedentOf, answersRecovery, firstSentence, framesWithSubject, mayAnswerRecovery, type Antecedent} from './frames/implied-subject.js'
import {answeredBy, answeredWho} from './frames/answered-by.js'
import {isAdjectiveSense} from './context/predicate.js'
import {actsOnAnother, isPutOnWriter, isReportedLabel, isSelfDescription} from './context/self.js'
import {isRejected, isRejectedByClause, namesPractice, negationKeeps, ownNegationStart, practiceLeftBehind} from './context/negation.js'
import {frameDenied} from './context/frame-denied.js'
import {applyDirectives, type Directive} from './directives.js'
import {DocumentSession} from './incremental.js'
import {Matcher, type CompiledRule, type Match} from './match/matcher.js'
import {FrameMatcher} from './frames/frames.js'
import {framesOfImperative} from './frames/imperative.js'
import {framesOfColumns} from './frames/table-columns.js'
import {frameKeys} from './frames/prefilter-keys.js'
import {SecondOpinion} from './model/second-opinion.js'
import type {Setting} from './model/standalone.js'
import {SwitchedOff} from './model/switched-off.js'
import {AnchorMarks, FRAME, PHRASE, TRIGGER} from './anchor-marks.js'
import {compilePhrase} from './match/phrase.js'
import {PhraseIndex} from './match/phrase-index.js'
import {RangeCover} from './ranges.js'
import {limitFindings, noticeCandidate, REVIEW_LIMIT, REVIEW_LIMIT_RULE, type Notice} from './notices.js'
import {MAX_FINDINGS} from './limits.js'
import {sentenceTokens, type Token} from './match/tokens.js'
import type {Prose} from './parse/markdown.js'
import type {CandidateSource, FindingsBudget, Within} from './slices.js'
import {phraseKind} from './grammar/shape.js'
import {reviewInOnePiece} from './whole.js'
import {BlockFinder} from './places.js'
import {forEachParagraph, paragraphQuotes, settingOf} from './paragraphs.js'
import {explainedInParagraph} from './context/paragraph-guard.js'
import {Quotations} from './context/applied-label.js'
import {lawsOwnTest, lawSpeaks} from './context/legal.js'
import {reportsOfficialMeasure, reportsOfficialStandard} from './context/official-measure.js'
import {labelSubject, peerReading, roleSubject, WORKER_WRITER} from './context/role-document.js'
import {isPeerText} from './context/peer-text.js'
import {regionOfText, usualHere} from './context/region.js'
import {reclaimedHere} from './context/reclaimed.js'
import {bareRule, mergeClasses, type Page} from './reviewer-parts.js'
import {findingOf} from './finding.js'
import {keepShape} from './shapes.js'
import type {Candidate, CategoryId, Config, Finding, Format, Rule, RulePack, Severity} from './types.js'

export class Reviewer implements CandidateSource {
  readonly rules: Rule[]
  private readonly byId = new Map<string, Rule>()
  private readonly severity = new Map<string, Severity>()
  private readonly matcher: Matcher
  private readonly frames: FrameMatcher
  private readonly anchors: AnchorMarks
  private readonly frameRules = new Map<string, CompiledRule>()
  /** The second opinion and the category rules that explain its findings (see model/second-opinion.ts). */
  private opinion: SecondOpinion | undefined
  private readonly opinionRules = new Map<CategoryId, CompiledRule>()
  /** Allowed phrases: a match they cover is not a finding. */
  private readonly allow = new PhraseIndex<never>()
  private readonly hasAllow: boolean
  /** What a review may still make, while a session's budget is in force (see withBudget). */
  private budget: FindingsBudget = {remaining: Infinity, truncated: false}

  /** Reviewers for other profiles a document's front matter may name, and for documents named for a term. */
  private readonly variants = new Map<string, Reviewer>()
  private readonly off: SwitchedOff // phrase rules switched off: the second opinion leaves their words alone

  /** A peer role's description or advert: its duties' subject (context/role-document.ts), set by forText. */
  private role: string | undefined
  private roleView: Reviewer | undefined
  get roleSubject(): string | undefined { return this.role }

  constructor(
    private readonly packs: RulePack[],
    readonly config: Config = {}
  ) {
    this.rules = packs.flatMap((p) => p.rules)
    const [active, off]: Rule[][] = [[], []]
    for (const rule of this.rules) {
      this.byId.set(rule.id, rule)
      const severity = ruleSeverity(rule, config)
      if (severity !== 'off') this.severity.set(rule.id, severity)
      ;(severity === 'off' ? off : active).push(rule)
    }
    this.off = new SwitchedOff(off, config)
    const classes = mergeClasses(packs)
    this.frames = new FrameMatcher(active, classes)
    const model = packs.find((p) => p.model)?.model
    for (const rule of active) if (rule.secondOpinion) this.opinionRules.set(rule.category as CategoryId, bareRule(rule))
    if (model && this.opinionRules.size > 0) this.opinion = new SecondOpinion(model, classes)
    this.matcher = new Matcher(active, frameKeys(this.frames), (name) => {
      const forms = this.frames.lexicon.singleForms(name)
      return forms ? {forms} : undefined
    })
    this.anchors = new AnchorMarks((n) => this.matcher.has(n), (n) => this.frames.has(n), (n) => this.opinion?.triggers.has(n) === true)
    for (const rule of active) if (rule.frame) this.frameRules.set(rule.id, bareRule(rule))
    for (const phrase of (config.allow ?? []).flatMap((p) => compilePhrase(p))) if (phrase.slots.length > 0) this.allow.add(phrase)
    this.hasAllow = (config.allow ?? []).length > 0
  }

  /** False only when no rule can match anywhere in `text` and the second opinion would be asked nowhere (word-level pre-checks). */
  mayMatch(text: string): boolean {
    return this.matcher.prefilter.mayMatch(text) || this.opinion?.mayJudge(text) === true || (this.frames.size > 0 && mayAnswerRecovery(text))
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id) ?? (id === REVIEW_LIMIT ? REVIEW_LIMIT_RULE : undefined)
  }

  /** The severity of notices (`review-limit`, see notices.ts), or undefined when a config switched them off. */
  private get noticeSeverity(): Severity | undefined {
    const setting = this.config.rules?.[REVIEW_LIMIT]
    if (setting === 'off' || setting === false) return undefined
    return setting === undefined || setting === true ? 'info' : setting
  }

  exhausted(): boolean {
    return this.budget.remaining <= 0
  }

  /** Run `fn` under `budget` (a session's: a review may pause between slices, and other documents' reviews run then). */
  withBudget<T>(budget: FindingsBudget, fn: () => T): T {
    const outer = this.budget
    this.budget = budget
    try {
      return fn()
    } finally {
      this.budget = outer
    }
  }

  limitFindings(findings: Finding[], truncated: boolean, max: number): Finding[] {
    return limitFindings(findings, truncated, this.noticeSeverity, max)
  }

  /** A notice as a candidate at a known 1-based line and column (undefined when notices are off). */
  noticeCandidate(text: string, notice: Notice, line: number, column: number): Candidate | undefined {
    const severity = this.noticeSeverity
    return severity ? noticeCandidate(text, notice, severity, line, column) : undefined
  }

  /** The reviewer for this document (profile and region: its front matter's, else the configuration's, else its text's); `peerText` if known. */
  forText(text: string, format: Format = 'markdown', peerText?: boolean): Reviewer {
    const chosen = this.variantFor(text, format, peerText)
    const role = format === 'markdown' ? roleSubject(text) : undefined
    if (role === undefined) return chosen
    // The same rules and state, read with the role as the duties' subject.
    if (chosen.roleView?.role !== role) chosen.roleView = Object.assign(Object.create(chosen) as Reviewer, {role})
    return chosen.roleView!
  }

  private variantFor(text: string, format: Format, peerText?: boolean): Reviewer {
    const {profile, region: ownRegion} = documentSettings(format === 'markdown' ? text : '')
    const base = !profile || profile === (this.config.profile ?? 'peer') ? this : this.withProfile(profile)
    // Off here: a contested term the document is named for ("Mentoring"), a `peerText` word outside peer text, a word its region's
    // services or its readers use ("for GPs"), a word the document shows its community reclaiming ("Mad Pride").
    const name = format === 'markdown' ? documentName(text) : []
    const peer = !this.rules.some((r) => r.peerText) || (peerText ?? isPeerText(text))
    const region = ownRegion ?? this.config.region ?? regionOfText(text)
    const reclaimed = new Set(base.rules.filter((r) => reclaimedHere(r, text)))
    if (name.length === 0 && peer && reclaimed.size === 0 && !base.rules.some((r) => usualHere(r, region))) return base
    const named = base.rules.filter((r) => (r.peerText && !peer) || usualHere(r, region) || reclaimed.has(r) || (name.length > 0 && addressedTo(text, r.usualFor)) || (name.length > 0 && r.contested && !r.frame && base.severity.get(r.id) === 'info' && nameHolds(name, r.phrases ?? [])))
    if (named.length === 0) return base
    const key = `${profile ?? ''}|${named.map((r) => r.id).join(',')}`
    let other = this.variants.get(key)
    if (!other) {
      const off = Object.fromEntries(named.map((r) => [r.id, 'off' as const]))
      this.variants.set(key, (other = new Reviewer(this.packs, {...base.config, rules: {...base.config.rules, ...off}})))
    }
    return other
  }

  private withProfile(profile: string): Reviewer {
    let other = this.variants.get(profile)
    if (!other) this.variants.set(profile, (other = new Reviewer(this.packs, {...this.config, profile: profile as Config['profile']})))
    return other
  }

  /** Review a whole document: the one entry every surface uses (see DocumentSession). At most MAX_FINDINGS findings, then one notice. */
  review(text: string, format: Format = 'markdown'): Finding[] {
    return new DocumentSession(this, text, format, {maxFindings: MAX_FINDINGS, once: true}).findings
  }

  /** Directives met by a review, before the candidates of the same piece (see Silencer). */
  heard(directives: Directive[]): void {
    if (directives.length > 0) this.budget.silenced?.heard(directives)
  }

  /** The reference for exactness, for the tests and the bench only: the document in one piece, which `review` must equal. */
  reviewWhole(text: string, format: Format = 'markdown'): Finding[] {
    const {candidates, directives} = reviewInOnePiece(this.forText(text, format), text, format)
    return applyDirectives(candidates, directives)
  }

  /** Every finding in `prose` that context does not rule out, before directives. */
  candidates(text: string, prose: Prose, within?: Within): Candidate[] {
    const page: Page = {text, prose, within, found: [], blocks: new BlockFinder(prose), mentions: new RangeCover(prose.mentions), discussion: new Discussion(text)}
    this.frames.source = within ? {page: text, whole: within.text, base: within.base} : undefined
    Object.assign(this.frames.lexicon, peerReading(within ? within.text : text, this.role))
    forEachParagraph(prose.tree, (paragraph) => this.paragraphCandidates(page, paragraph))
    const found = page.found
    const severity = this.noticeSeverity
    if (prose.notices?.length && severity) {
      for (const notice of prose.notices) {
        const at = prose.lines.point(notice.start)
        found.push(noticeCandidate(text, notice, severity, at.line, at.column))
      }
    }
    // Lines read as plain text and notices join in source order.
    for (let k = 1; k < found.length; k++) if (found[k].at < found[k - 1].at) return found.sort((a, b) => a.at - b.at)
    return found
  }

  /**
   * The candidates of one paragraph, into `page.found`. A method, not a closure made per call: V8 keeps a closure's
   * optimised code only while a closure of it lives, so the review's largest function was compiled again (0.1-0.25 s)
   * after every full collection between reviews.
   */
  private paragraphCandidates(page: Page, paragraph: Paragraph): void {
    const {text, prose, within, found, blocks, mentions, discussion} = page
    let quotes: Quotations | undefined
    let title: boolean | undefined
    let leadIn: LeadIn | 'unknown' = 'unknown'
    let definedTerm: [number, number, boolean] | null | undefined
    let setting: Setting | undefined
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const tokens = sentenceTokens(sentence as Sentence)
      let marks = 0
      for (const t of tokens) marks |= this.anchors.of(t.norm)
      // The question may stand in a heading, which is parsed as another piece: read it in the whole document.
      const answers = answersRecovery(within ? within.text : text, (sentence.position?.start.offset ?? 0) + (within ? within.base : 0))
      // "Who decides…? The support coordinator, at the review.": a bare answer, read as the question's passive (answered-by.ts).
      const who = !answers ? answeredWho(within ? within.text : text, (sentence.position?.start.offset ?? 0) + (within ? within.base : 0), tokens, (t) => this.frames.lexicon.tag(t)) : undefined
      const frameAnchor = (marks & FRAME) !== 0 || answers || who !== undefined
      const anchored = (marks & PHRASE) !== 0 || frameAnchor
      // The second opinion speaks where one of its trigger words occurs (cross-validation: 12 more sentences, no false alarm, than also
      // asking for a frame verb), in running prose only if it may speak there (standalone.ts).
      const asked = this.opinion !== undefined && (marks & TRIGGER) !== 0 && (this.opinion.proseThreshold !== undefined || (setting ??= settingOf(text, paragraph)) !== 'prose')
      if (!anchored && !asked) continue
      // Read with an implied subject: a list item's lead-in ("The care coordinator will:"), a pronoun's antecedent, an answer's question.
      const opening = frameAnchor && sentence === paragraph.children.find((c) => c.type === 'SentenceNode')
      const subject = (opening ? leadInSubject(within ? within.text : text, (paragraph.position?.start.offset ?? 0) + (within ? within.base : 0)) ?? labelSubject(tokens, text, (t) => this.frames.lexicon.tag(t)) ?? (this.role !== undefined && ((setting ??= settingOf(text, paragraph)) === 'item' || setting === 'row') ? this.role : undefined) : undefined) ?? (answers ?? who ?? (frameAnchor ? antecedentOf(paragraph.children, sentence, tokens, text, (t) => this.frames.lexicon.tag(t)) ?? answeredBy(within ? within.text : text, (sentence.position?.start.offset ?? 0) + (within ? within.base : 0), tokens, (t) => this.frames.lexicon.tag(t), firstSentence) : undefined))
      let matches = anchored ? this.matches(tokens, text, subject) : []
      // Where no rule found anything, the second opinion may (its match goes through the same checks); in running prose only as
      // proseThreshold allows. It reads sentences: a heading names a topic (tuning documents: one false alarm, no marked place).
      // `second`: the second opinion may still be asked (whether it may read this sentence at all is asked only then).
      let second = asked
      if (second && matches.length === 0) {
        second = false
        const opinion = this.mayOpine(tokens, text, paragraph) ? this.secondOpinion(tokens, text, (setting ??= settingOf(text, paragraph))) : undefined
        if (opinion) matches.push(opinion)
      }
      if (matches.length === 0) continue
      const allowed = this.hasAllow ? this.allow.reach(tokens) : undefined
      let law: boolean | undefined
      let official: boolean | undefined
      let told: Set<string> | undefined
      let otherSense = 0
      for (;;) {
        for (const each of matches) {
          // A finding starting at a clitic ("you're not well enough" at "'re") takes in its word.
          const match = each.start > 0 && tokens[each.start].raw.startsWith("'") ? {...each, start: each.start - 1} : each
          const start = tokens[match.start].start
          const end = tokens[match.end - 1].end
          const rule = match.compiled.rule
          if (allowed && allowed[match.start] >= match.end) continue
          if (mentions.covers(start, end)) continue
          quotes ??= new Quotations(text, paragraphQuotes(text, paragraph))
          if (quotes.reportsOthers(start, end, rule.frame !== undefined, rule.secondOpinion === true)) continue
          if (isMention(tokens, match.start, match.end, rule.category !== 'labelling')) continue
          if (discussion.isDiscussed(sentence.position?.start.offset ?? start, sentence.position?.end.offset ?? end, start, end)) continue
          definedTerm ??= definedTermSpan(text, paragraph.position?.start.offset ?? start) ?? null
          // The second opinion on the entry's defining sentence reads the definition, wherever its words weigh most.
          if (definedTerm && ((start >= definedTerm[0] && start < definedTerm[1] && (definedTerm[2] || end <= definedTerm[1])) || (rule.secondOpinion === true && definedTerm[2] && tokens[0].start <= definedTerm[1]))) continue
          // A heading or title names its subject; only identity labels and slurs are findings there (not "Disengagement").
          title ??= isTitle(text, paragraph.position?.start.offset ?? start, paragraph.position?.end.offset ?? end)
          if (title && (rule.category !== 'labelling' || /(?:ment|tion|ness|ance|ence)$/i.test(text.slice(start, end)))) continue
          if ((rule.category !== 'labelling' && isLabelCell(text, start, end)) || explainedInParagraph(rule, text, paragraph.position?.start.offset ?? tokens[0].start, paragraph.position?.end.offset ?? end)) continue
          // The law speaks of who decides, and in its own nouns ("patient", "treating team") and tests (capacity, refusal, fitness); a label in the same sentence is still one.
          if ((((rule.frame !== undefined || rule.secondOpinion === true || rule.contested === true || (rule.kind === 'noun' && rule.person !== true)) && (rule.category === 'expert-patient' || rule.category === 'clinicalised')) || (rule.category === 'deficit' && lawsOwnTest(text, start, end))) && (law ??= lawSpeaks(text, paragraph.position?.start.offset ?? start, tokens[0].start, tokens[tokens.length - 1].end))) continue
          if (rule.category === 'clinicalised' && !rule.secondOpinion && (official ??= reportsOfficialMeasure(text.slice(tokens[0].start, tokens[tokens.length - 1].end)))) continue
          // A question's verdict reads its answer too ("Is CBT better? In trials, about half…"): so does the check on reported evidence.
          if (rule.secondOpinion === true && reportsOfficialStandard(text.slice(tokens[0].start, Math.max(tokens[tokens.length - 1].end, text.endsWith('?', tokens[tokens.length - 1].end + 1) ? (paragraph.position?.end.offset ?? end) : 0)))) continue
          // A list under "Peer specialists do not:" or "Spot the language:" is rejected or discussed wording.
          if (leadIn === 'unknown') leadIn = within ? leadInOf(within.text, (paragraph.position?.start.offset ?? start) + within.base) : leadInOf(text, paragraph.position?.start.offset ?? start)
          if (leadIn === 'discussed' || (leadIn === 'rejected' && rule.category !== 'labelling')) continue
          if (rule.category !== 'labelling' ? inProperName(tokens, match.start, match.end) : inBodyName(tokens, match.start, match.end)) continue
          // People describing themselves, or a label they were given; a peer calling themself a role model is still one.
          if ((rule.person || rule.category !== 'role-model') && isSelfDescription(tokens, match.start, rule.person === true, rule.category !== 'labelling') && !quotes.onlyNamesSpeak(tokens) && !(rule.kind === 'verb' && rule.person !== true && actsOnAnother(tokens, match.end))) continue
          // A person's label stays used under a negation ("we do not accept patients who…"); a practice's name is rejected ("is not about adherence").
          const practice = namesPractice(tokens[match.end - 1].norm)
          const label = rule.person === true && phraseKind(rule, match.phrase) === 'noun' && !practice
          if (rule.category !== 'labelling' && ((!negationKeeps(rule) && isRejected(tokens, text, match.start, rule.kind === 'verb', rule.kind === 'noun' && (rule.person !== true || practice))) || practiceLeftBehind(tokens, match.start, match.end, text, rule.frame?.negated === 'only', match.verb) || comparedInCourse(tokens, match.start, match.end, rule.secondOpinion ? undefined : text))) continue
          if (rule.category !== 'labelling' && rule.negated === undefined && ((rule.frame !== undefined && frameDenied(tokens, match.start, match.end)) || isRejectedByClause(tokens, text, ownNegationStart(rule, tokens, match.start), label) || (match.verb !== undefined && match.verb > match.start && isRejectedByClause(tokens, text, match.verb, label)))) continue
          if (rule.category === 'role-model' ? isPutOnWriter(tokens, match.start) : isReportedLabel(tokens, match.start, this.kin)) continue
          if (((rule.personSubject || rule.personObject) && !this.frames.aboutPerson(rule, phraseKind(rule, match.phrase), tokens, text, match.start, match.end)) || (rule.adjectiveSense && match.end - match.start === 1 && isAdjectiveSense(tokens, match.start, match.plural))) {
            otherSense++
            continue
          }
          if (this.budget.silenced?.disables(rule.id, rule.category, start + (within?.base ?? 0))) continue
          // Two rules on exactly the same words ("lacks insight") are one place: the first (a phrase before a frame) speaks.
          const words = `${match.start}:${match.end}`
          if (told?.has(words)) continue
          told ??= new Set()
          told.add(words)
          if (this.budget.remaining-- <= 0) {
            this.budget.truncated = true
            continue
          }
          const finding = findingOf(text, prose, tokens, match, blocks, within, this.severity.get(match.compiled.rule.id))
          found.push({finding, at: start, atLine: finding.line})
        }
        // Every rule match was the words in another sense (a phrase with no person, an adjective's other meaning): the second
        // opinion reads the sentence as it would have with no match. Not where any was dropped for its context (a mention, a rejection).
        if (otherSense < matches.length || !second || !this.mayOpine(tokens, text, paragraph)) break
        second = false
        const opinion = this.secondOpinion(tokens, text, (setting ??= settingOf(text, paragraph)))
        if (!opinion) break
        matches = [opinion]
      }
    }
  }

  /** Whether the second opinion may read this sentence: not where the writer turned it off, not in a heading. */
  private mayOpine(tokens: Token[], text: string, paragraph: Paragraph): boolean {
    return !this.off.matches(tokens) && !isHeading(text, paragraph.position?.start.offset ?? 0)
  }

  /** Whether a word names a relative ("our son", "my partner"), from the word class `relatives`. */
  private readonly kin = (norm: string) => this.frames.isKin(norm)

  /** The second opinion on a sentence no rule matched: a match of the category rule it names, or undefined when it is not confident. */
  private secondOpinion(tokens: Token[], text: string, setting: Setting): Match | undefined {
    const opinion = this.opinion!
    const hits = this.frames.lexicon.tag(tokens)
    // A lead-in to a list ("Consumers are eligible if they:") says half of what its items finish.
    COLON_AFTER.lastIndex = tokens[tokens.length - 1].end
    if (COLON_AFTER.test(text)) return undefined
    // Negated sentences are judged too: the model reads the negation (its features), and the rejection checks
    // every finding goes through drop "there are no exams" (cross-validation: +70 sentences for 1 false alarm).
    const category = opinion.judge(tokens, hits, (c) => this.opinionRules.has(c), text, setting)
    // A frame of the verdict's category that the sentence negates is a rejection of it ("Staff do not set goals for residents").
    if (!category || this.frames.denied.has(category) || opinion.setsAside(category, tokens, hits, text)) return undefined
    // Marked on the words that weigh most towards the verdict (on the tuning documents, 7 more marked places
    // found and 6 fewer false alarms than on the frame verb or trigger word nearest the frame's classes).
    const [start, end] = opinion.evidenceSpan(tokens, hits, category) ?? opinion.triggerSpan(tokens) ?? [0, tokens.length]
    return {compiled: this.opinionRules.get(category)!, start, end, plural: false, phrase: ''}
  }

  /** Phrase matches, then frame matches where no phrase match already covers the words. */
  private matches(tokens: Token[], text: string, subject?: string | Antecedent): Match[] {
    const phrases = this.matcher.matchWithFields(tokens, text)
    if (this.frames.size === 0) return phrases
    const own = this.frames.matchSentence(tokens, text)
    const frames = own.length > 0 && subject !== WORKER_WRITER /* a worker's note: its "I" read as the worker */ ? own : subject ? framesWithSubject(this.frames, tokens, text, subject) : framesOfColumns(this.frames, tokens, text) ?? framesOfImperative(this.frames, tokens, text, this.role)
    if (frames.length === 0) return phrases
    const out = [...phrases]
    // Words each category's phrase matches cover, to test frames against in one step per word.
    const covered = new Map<string, Set<number>>()
    for (const p of phrases) {
      // A phrase that needs a person and has none ("a burden" said of an illness) speaks for nothing: the frame may.
      const rule = p.compiled.rule
      if ((rule.personSubject || rule.personObject) && !this.frames.aboutPerson(rule, phraseKind(rule, p.phrase), tokens, text, p.start, p.end)) continue
      let words = covered.get(rule.category)
      if (!words) covered.set(p.compiled.rule.category, (words = new Set()))
      for (let i = p.start; i < p.end; i++) words.add(i)
    }
    for (const f of frames) {
      // A phrase finding of the same category inside the frame's words already speaks for the sentence
      // (one place, one finding); another category's ("clients" in a who-decides clause) is a separate point.
      const words = covered.get(f.rule.category)
      if (words && f.core.some((i) => words.has(i))) continue
      out.push({compiled: this.frameRules.get(f.rule.id)!, start: f.start, end: f.end, plural: false, phrase: '', verb: f.rule.frame?.negated === undefined ? f.core[0] : undefined})
    }
    return out.sort((a, b) => a.start - b.start)
  }
}

const COLON_AFTER = /\s*:/y // a colon after a sentence's last word, read where it stands (sticky: no copy of the rest of the text)
// A session's hidden class, kept as shapes.ts explains (a session with no text and a source that finds nothing).
keepShape(new DocumentSession({candidates: () => [], mayMatch: () => false, noticeCandidate: () => undefined}, '', 'markdown', {maxFindings: MAX_FINDINGS, once: true}))
