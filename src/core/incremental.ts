/**
 * The one way a document is reviewed, by every surface (CLI, language server,
 * bench, tests): Markdown by regions or slices, plain text and HTML in one piece.
 *
 * Incremental review: a document's last review kept block by block, so an edit
 * re-parses and re-reviews only the top-level blocks it touches (with a
 * neighbour on each side) and shifts the findings of the rest. The result is
 * always exactly what a cold review of the new text gives:
 *
 * - The slice starts at the start of an unchanged top-level block: nothing
 *   before it can change how it parses. It ends with an unchanged "guard"
 *   block; if the slice parse does not end with that block, starting where it
 *   did, the edit reached past it (an opened fence, a merged paragraph) and the
 *   slice grows, then falls back to a full review.
 * - Link reference and footnote definitions are document-wide: the slice is
 *   parsed with the document's definitions in front of it, and an edit that
 *   adds, removes or relabels one falls back to a full review.
 * - Front matter is recognised only in a slice that starts the document.
 * - A blockquote's attribution depends on the block before it, so a slice never
 *   starts with a blockquote.
 * - Directives are document-wide too: every block keeps its findings before
 *   directives, and the directive filter runs over all of them after each update.
 *
 * A large document's first review can run in slices (`step(budgetMs)`), so a
 * language server can answer other requests in between.
 *
 * With `maxFindings` a session holds a bounded number of candidates (FindingsBudget) and gives
 * what Reviewer.review gives; past the limit the rest is not reviewed, so an edit is reviewed afresh.
 *
 * Pure: no editor API, no node API.
 */
import {touchesLeadIn} from './context/lead-in.js'
import {PeerWatch} from './context/peer-text.js'
import {applyDirectives, DIRECTIVE_PREFIX, Silencer} from './directives.js'
import type {Reference} from './parse/markdown.js'
import {markdownRegions} from './parse/regions.js'
import {
  countLines,
  firstIndex,
  indentedLine,
  isFrontMatter,
  lineStart,
  nextRegions,
  reviewRegions,
  nextSlice,
  parseUnparsed,
  reviewSlice,
  sameReferences,
  shiftBlock,
  SLICE_CHARS,
  startRegions,
  startSlices,
  startsWithFence,
  type CandidateSource,
  type FindingsBudget,
  type RegionCursor,
  type SliceBlock,
  type SliceCursor,
  type SliceResult
} from './slices.js'
import {changedSpan, type TextChange} from './text-change.js'
import type {Finding, Format} from './types.js'
import {reviewFormat} from './whole.js'

export type {TextChange} from './text-change.js'

/** How the last update was done. */
export interface UpdateStats {
  mode: 'incremental' | 'full' | 'unchanged'
  /** Why a full review was needed (for a full update). */
  reason?: string
  /** Characters parsed again. */
  parsedChars: number
}

export interface SessionOptions {
  /** Do not review in the constructor: call `step()` (or `run()`) until `ready`. */
  deferred?: boolean
  /** Characters per slice of a first review (default 64 000, about 10 000 words). */
  sliceChars?: number
  /** At most this many findings (then one notice), and at most FINDINGS_SLACK more candidates held. */
  maxFindings?: number
  /** No edit will follow: directives switch candidates off as they are met, from the start (Reviewer.review). */
  once?: boolean
}

/** Candidates a budgeted review makes beyond maxFindings: notices are kept once each, so a few more are needed. */
const FINDINGS_SLACK = 1000

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

export class DocumentSession {
  private _text: string
  private blocks: SliceBlock[] = []
  private references: Reference[] = []
  private _findings: Finding[] | undefined
  /** A first review in progress: where the next slice starts. */
  private pending: SliceCursor | undefined
  /** A first review by regions in progress (parse/regions.ts): the next region. */
  private pendingRegions: RegionCursor | undefined
  private readonly sliceChars: number
  private budget: FindingsBudget | undefined
  /** Whether the blocks hold every candidate of the text, so that an edit can be patched in. */
  private whole = true
  /** How the last update was done. */
  stats: UpdateStats = {mode: 'full', parsedChars: 0}

  /** The reviewer for this document's profile (its front matter may name one; see Reviewer.forText). */
  private own: CandidateSource
  private readonly peer: PeerWatch

  constructor(
    readonly reviewer: CandidateSource,
    text: string,
    readonly format: Format = 'markdown',
    private readonly options: SessionOptions = {}
  ) {
    this._text = text
    this.peer = new PeerWatch(text)
    this.own = reviewer.forText?.(text, format, this.peer.peer) ?? reviewer
    this.sliceChars = options.sliceChars ?? SLICE_CHARS
    this.begin()
    if (!options.deferred) this.step(Infinity)
  }

  get text(): string {
    return this._text
  }

  /** Whether the first review is complete. */
  get ready(): boolean {
    return this.pending === undefined && this.pendingRegions === undefined
  }

  /** Whether `update` can patch an edit into what is held (else it reviews the new text afresh: past the findings limit). */
  get patchable(): boolean {
    return this.ready && this.whole
  }

  /** Share of the text reviewed so far (1 when ready). */
  get progress(): number {
    const at = this.pending ? this.pending.start : this.pendingRegions ? (this.pendingRegions.regions[this.pendingRegions.next]?.start ?? this._text.length) : this._text.length
    return at / Math.max(1, this._text.length)
  }

  /** The findings for the current text (a review is finished first if it is still running). */
  get findings(): Finding[] {
    if (!this.ready) this.step(Infinity)
    this._findings ??= this.limited(
      applyDirectives(
        this.blocks.flatMap((b) => b.candidates),
        this.blocks.flatMap((b) => b.directives)
      )
    )
    return this._findings
  }

  /**
   * The findings of the part a first review has reached (all of them when ready).
   * Exact for that part: a directive acts only at or after its own place, and
   * every block reviewed so far is whole.
   */
  get findingsSoFar(): Finding[] {
    if (this.ready) return this.findings
    const blocks = this.pendingRegions?.blocks ?? this.pending?.blocks ?? []
    return this.limited(
      applyDirectives(
        blocks.flatMap((b) => b.candidates),
        blocks.flatMap((b) => b.directives)
      )
    )
  }

  private limited(findings: Finding[]): Finding[] {
    const max = this.options.maxFindings
    return max !== undefined && this.budget && this.own.limitFindings ? this.own.limitFindings(findings, this.budget.truncated, max) : findings
  }

  /** A budgeted review has made all the candidates it may; `spend` runs a review under the budget. */
  private get over(): boolean {
    return this.budget !== undefined && this.budget.remaining <= 0
  }

  private spend<T>(fn: () => T): T {
    return this.budget && this.own.withBudget ? this.own.withBudget(this.budget, fn) : fn()
  }

  /** A fresh budget: `silence` to have directives switch candidates off as they are met. */
  private newBudget(silence: boolean): void {
    const silenced = silence && this._text.includes(DIRECTIVE_PREFIX) ? new Silencer(this._text) : undefined
    this.budget = this.options.maxFindings === undefined ? undefined : {remaining: this.options.maxFindings + FINDINGS_SLACK, truncated: false, silenced}
  }

  /** Continue the first review for about `budgetMs` (at least one slice). Returns true when it is complete. */
  step(budgetMs = 0): boolean {
    const deadline = now() + budgetMs
    for (;;) {
      if (!this.spend(() => this.advance(deadline))) return false
      const b = this.budget
      this.whole = !b || (!this.over && !b.silenced)
      // Over the limit before directives had their say: reviewed again with each directive switching
      // candidates off as it is met, so only those left on count (as Reviewer.review counts them).
      if (!b || !this.over || b.silenced || !this._text.includes(DIRECTIVE_PREFIX)) return true
      this.begin(true)
    }
  }

  /** The rest of the text, not reviewed: a budgeted review stopped at its limit. */
  private rest(start: number) {
    return {type: 'empty', start, end: this._text.length, line: countLines(this._text, 0, start) + 1, candidates: [], directives: []}
  }

  private advance(deadline: number): boolean {
    const c = this.pendingRegions
    if (c) {
      do {
        this.stats.parsedChars += nextRegions(this.own, this._text, c, this.sliceChars)
      } while (c.next < c.regions.length && !this.over && now() < deadline)
      if (c.next < c.regions.length && !this.over) return false
      if (c.next < c.regions.length) c.blocks.push(this.rest(c.regions[c.next].start))
      this.blocks = c.blocks
      this.pendingRegions = undefined
      this._findings = undefined
      return true
    }
    const p = this.pending
    if (!p) return true
    do {
      if (!p.whole) this.stats.parsedChars += nextSlice(this.own, this._text, p, this.sliceChars)
      if (p.whole) {
        p.blocks = this.reviewWhole().blocks
        p.start = this._text.length
      }
    } while (p.start < this._text.length && !this.over && now() < deadline)
    if (p.start < this._text.length && !this.over) return false
    if (p.start < this._text.length) p.blocks.push(this.rest(p.start))
    this.blocks = p.blocks
    this.pending = undefined
    this._findings = undefined
    return true
  }

  /** Finish the first review, yielding between slices (pass e.g. `() => new Promise(setImmediate)`). */
  async run(pause: () => Promise<void>, budgetMs = 20): Promise<Finding[]> {
    while (!this.step(budgetMs)) await pause()
    return this.findings
  }

  /**
   * Apply an edit: the full new text, or LSP-style changes (applied in order, each
   * in the coordinates left by the one before). Returns the new findings.
   */
  update(change: string | TextChange | TextChange[]): Finding[] {
    const old = this._text
    const span = changedSpan(old, change)
    if (!span) {
      if (typeof change === 'string') this.stats = {mode: 'unchanged', parsedChars: 0}
      return this.findings
    }
    const {text, start, oldEnd, newEnd} = span
    this._text = text
    this._findings = undefined
    // A change of profile in the front matter, of the document's name or of whether it is peer text: review again.
    const own = this.peer.changed(old, text, start, oldEnd, newEnd) || start < 20000 ? (this.reviewer.forText?.(text, this.format, this.peer.peer) ?? this.reviewer) : this.own
    if (own !== this.own) {
      this.own = own
      this.begin()
      this.step(Infinity)
      this.stats = {mode: 'full', reason: 'the profile or the name of the document changed', parsedChars: text.length}
      return this.findings
    }
    if (!this.ready || !this.whole) {
      const reason = this.ready ? 'more findings than the limit' : 'first review still running'
      this.begin()
      this.step(Infinity)
      this.stats = {mode: 'full', reason, parsedChars: text.length}
      return this.findings
    }
    this.newBudget(false)
    const reason =
      this.format !== 'markdown'
        ? `${this.format} is reviewed whole`
        : touchesLeadIn(old, start, oldEnd) || touchesLeadIn(text, start, newEnd)
          ? 'a lead-in above a list changed'
          : this.spend(() => this.patch(old, start, oldEnd, newEnd))
    if (reason) {
      const whole = this.spend(() => this.reviewWhole())
      this.blocks = whole.blocks
      this.references = whole.references
      this.stats = {mode: 'full', reason, parsedChars: text.length}
    }
    if (this.over || (this.options.maxFindings !== undefined && this.blocks.reduce((n, b) => n + b.candidates.length, 0) > this.options.maxFindings + FINDINGS_SLACK)) {
      this.begin()
      this.step(Infinity)
      this.stats = {mode: 'full', reason: 'more findings than the limit', parsedChars: text.length}
    }
    return this.findings
  }

  private begin(silence = this.options.once === true) {
    this.newBudget(silence)
    this.blocks = []
    this.references = []
    this._findings = undefined
    this.pending = undefined
    this.pendingRegions = undefined
    // Where the document can be cut into regions, the first review skips what cannot match.
    const regions = this.format === 'markdown' ? markdownRegions(this._text) : undefined
    if (regions) {
      this.pendingRegions = startRegions(regions)
      return
    }
    this.pending = startSlices(this._text)
    if (this.format !== 'markdown') this.pending.whole = true
  }

  private reviewWhole(): SliceResult {
    if (this.format !== 'markdown') {
      // Plain text and HTML are reviewed in one piece (and again after each edit).
      const text = this._text
      const {candidates, directives} = reviewFormat(this.own, text, this.format)
      return {
        blocks: [{type: 'root', start: 0, end: text.length, line: 1, candidates, directives}],
        references: []
      }
    }
    const regions = markdownRegions(this._text)
    if (regions) return {blocks: reviewRegions(this.own, this._text, regions), references: []}
    const whole = reviewSlice(this.own, this._text, 0, this._text.length, 1, [])
    this.references = whole.references
    return whole
  }

  /**
   * Re-review the blocks an edit touched: old text [start, oldEnd) became new text
   * [start, newEnd). Returns why a full review is needed instead, or undefined when done.
   */
  private patch(old: string, start: number, oldEnd: number, newEnd: number): string | undefined {
    const text = this._text
    this.blocks = parseUnparsed(this.own, this.blocks, old, start, oldEnd)
    const blocks = this.blocks
    const n = blocks.length
    if (n === 0) return 'no blocks'
    const delta = newEnd - oldEnd
    // One character either side: an edit between CR and LF turns one line break into two.
    const lineDelta = countLines(text, Math.max(0, start - 1), newEnd + 1) - countLines(old, Math.max(0, start - 1), oldEnd + 1)
    // Blocks the edit touches: [first, last] (empty when it falls between two blocks).
    const i = firstIndex(blocks, (b) => b.end >= start)
    const j = firstIndex(blocks, (b) => b.start > oldEnd) - 1
    const first = Math.min(i, j + 1)
    const last = Math.max(j, i - 1)
    // One unchanged block before; never a blockquote (its attribution depends on the block before it).
    let lo = first - 1
    // Nor a block whose first line is indented: parsed alone it would read as indented code.
    while (lo > 0 && (blocks[lo].type === 'blockquote' || indentedLine(old, blocks[lo].start))) lo--
    const sliceStart = lo >= 0 ? lineStart(old, blocks[lo].start) : 0
    const sliceLine = lo >= 0 ? blocks[lo].line : 1
    // Front matter: an edit to it, or a fence at the start that does not close (which changes how
    // micromark parses blocks far below it), is reviewed whole.
    if (startsWithFence(text) || startsWithFence(old)) {
      if (!isFrontMatter(blocks[0].type)) return 'unclosed front matter fence'
      if (first === 0) return 'front matter edited'
    }
    const oldRefs = this.references
    // One unchanged block after, as a guard: the slice must end with it, unchanged.
    for (let hi = last + 1, tries = 0; ; hi++, tries++) {
      if (tries > 3) return 'edit reaches past the blocks around it'
      const guard = hi < n ? blocks[hi] : undefined
      const sliceEnd = guard ? guard.end + delta : text.length
      const oldSliceEnd = guard ? guard.end : old.length
      let slice: SliceResult
      try {
        slice = reviewSlice(this.own, text, sliceStart, sliceEnd, sliceLine, sliceStart > 0 ? oldRefs : [])
      } catch {
        // A slice can trip the parser where the whole text does not (a lone CR): review it whole.
        return 'the slice did not parse'
      }
      this.stats = {mode: 'incremental', parsedChars: sliceEnd - sliceStart}
      if (sliceStart === 0 && startsWithFence(text) && !isFrontMatter(slice.blocks[0].type)) return 'unclosed front matter fence'
      if (guard) {
        const end = slice.blocks.at(-1)
        if (!end || end.type !== guard.type || end.start !== guard.start + delta) continue
      }
      // Definitions are document-wide: the slice must define exactly what it did.
      const before = oldRefs.filter((r) => r.offset >= sliceStart && r.offset < oldSliceEnd)
      if (!sameReferences(before, slice.references)) return 'a definition changed'
      // A slice that starts the document is parsed without definitions in front (front matter must come first).
      if (sliceStart === 0 && oldRefs.length > before.length) return 'definitions after an edit near the start'
      const after = blocks.slice(hi + 1).map((b) => shiftBlock(b, delta, lineDelta))
      this.blocks = [...blocks.slice(0, Math.max(lo, 0)), ...slice.blocks, ...after]
      this.references = [
        ...oldRefs.filter((r) => r.offset < sliceStart),
        ...slice.references,
        ...oldRefs.filter((r) => r.offset >= oldSliceEnd).map((r) => ({...r, offset: r.offset + delta}))
      ]
      return undefined
    }
  }
}
