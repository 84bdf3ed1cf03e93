/**
 * Inline directives, after the ESLint/markdownlint habit:
 *   <!-- recovery-lint-disable [rule-id ...] -->
 *   <!-- recovery-lint-enable [rule-id ...] -->
 *   <!-- recovery-lint-disable-next-line [rule-id ...] -->
 *   <!-- recovery-lint-disable-line [rule-id ...] -->
 * An id may name a rule or a whole category. With no ids, the directive covers every rule.
 *
 * The one owner of the directive syntax: the parser, the filter, and the text that
 * quick fixes, hovers, rule pages, snippets and the editor grammar write
 * (`directiveComment`, `DIRECTIVE_KINDS`).
 */
import {LineIndex} from './positions.js'
import {CATEGORIES, type Candidate, type Finding} from './types.js'
import {keepShape} from './shapes.js'

/** Longest first, so a pattern built from them reads `disable-next-line` before `disable`. */
export const DIRECTIVE_KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number]

/** What a directive comment starts with, after `<!--`. */
export const DIRECTIVE_PREFIX = 'recovery-lint-'

/** The comment for a directive: `<!-- recovery-lint-disable-next-line role-model -->`. */
export function directiveComment(kind: DirectiveKind, ids: readonly string[] = []): string {
  return `<!-- ${DIRECTIVE_PREFIX}${kind}${ids.length > 0 ? ' ' + ids.join(' ') : ''} -->`
}

/** What each directive does, in a few words (snippets, docs). */
export const DIRECTIVE_HELP: Record<DirectiveKind, string> = {
  'disable-next-line': 'Do not review the next line for this rule (or category; leave empty for every rule).',
  'disable-line': 'Do not review this line for this rule (or category).',
  disable: 'Do not review a stretch of the document for this rule (or category), until the matching enable.',
  enable: 'Review again from here, after a disable.'
}

export interface Directive {
  kind: DirectiveKind
  /** Rule or category ids; empty means all. */
  ids: string[]
  /** Offsets of the comment. */
  start: number
  end: number
  /** 1-based lines of the comment's start and end. */
  line: number
  endLine: number
}

const DIRECTIVE_START = new RegExp(`<!--\\s*${DIRECTIVE_PREFIX}(${DIRECTIVE_KINDS.join('|')})\\b`, 'g')

/**
 * Directives in a stretch of source (an HTML node's value, or plain text) starting at `base`.
 * A directive's body runs to the first `>`, which must close the comment (`-->`). The next
 * `>` is remembered, so text with many unclosed openers is still read in one pass.
 */
export function parseDirectiveComments(value: string, base: number, lines: LineIndex): Directive[] {
  const found: Directive[] = []
  if (!value.includes(DIRECTIVE_PREFIX)) return found
  let close = -1
  DIRECTIVE_START.lastIndex = 0
  for (let m = DIRECTIVE_START.exec(value); m; m = DIRECTIVE_START.exec(value)) {
    const bodyStart = m.index + m[0].length
    if (close < bodyStart) close = value.indexOf('>', bodyStart)
    if (close === -1) break
    if (close - 2 < bodyStart || value[close - 1] !== '-' || value[close - 2] !== '-') continue
    const start = base + m.index
    const end = base + close + 1
    const ids = value.slice(bodyStart, close - 2).trim().split(/[\s,]+/).filter(Boolean)
    found.push({kind: m[1] as DirectiveKind, ids, start, end, line: lines.point(start).line, endLine: lines.point(end).line})
    DIRECTIVE_START.lastIndex = close + 1
  }
  return found
}

/**
 * Answers "is this finding switched off by a directive?" for one document. Range
 * directives are applied in offset order as the queries move forward (`disables`
 * must be asked with offsets that never go back), so the cost is linear in the
 * directives and findings together.
 */
export class DirectiveFilter {
  private readonly toggles: Directive[]
  private next = 0
  private lastOffset = -Infinity
  /** What is switched off at the current offset: everything (but `except`), or the ids in `off`. */
  private all = false
  private readonly off = new Set<string>()
  private readonly except = new Set<string>()
  /** Per line: every rule off (`all`), or these ids. */
  private readonly lineRules = new Map<number, {all: boolean; ids: Set<string>}>()

  constructor(directives: Directive[], _lines?: LineIndex) {
    const sorted = [...directives].sort((a, b) => a.start - b.start)
    this.toggles = []
    for (const d of sorted) {
      if (d.kind === 'disable-line') this.addLines(d.line, d.endLine, d.ids)
      else if (d.kind === 'disable-next-line') this.addLines(d.endLine + 1, d.endLine + 1, d.ids)
      else this.toggles.push(d)
    }
    // A toggle takes effect at its end; ends are in start order since comments do not overlap.
    this.toggles.sort((a, b) => a.end - b.end)
  }

  /** Directives found later (a review that meets them as it goes: see Silencer). */
  add(directives: Directive[]): void {
    for (const d of directives) {
      if (d.kind === 'disable-line') this.addLines(d.line, d.endLine, d.ids)
      else if (d.kind === 'disable-next-line') this.addLines(d.endLine + 1, d.endLine + 1, d.ids)
      else {
        let i = this.toggles.length
        while (i > 0 && this.toggles[i - 1].end > d.end) i--
        this.toggles.splice(i, 0, d)
        if (i < this.next) this.rewind()
      }
    }
  }

  private rewind() {
    this.next = 0
    this.all = false
    this.off.clear()
    this.except.clear()
  }

  private toggle(d: Directive) {
    if (d.ids.length === 0) {
      // A bare disable/enable switches everything.
      this.all = d.kind === 'disable'
      this.off.clear()
      this.except.clear()
      return
    }
    for (const id of d.ids) {
      if (d.kind === 'disable') {
        this.off.add(id)
        this.except.delete(id)
        // Disabling a whole category supersedes earlier exceptions for its rules.
        if ((CATEGORIES as readonly string[]).includes(id)) this.except.clear()
      } else {
        this.off.delete(id)
        // Enabling one rule inside a disabled category (or everything) is an exception.
        if (this.all || this.off.size > 0) this.except.add(id)
      }
    }
  }

  private addLines(from: number, to: number, ids: string[]) {
    for (let line = from; line <= to; line++) {
      let rules = this.lineRules.get(line)
      if (!rules) this.lineRules.set(line, (rules = {all: false, ids: new Set()}))
      if (ids.length === 0) rules.all = true
      for (const id of ids) rules.ids.add(id)
    }
  }

  get isEmpty(): boolean {
    return this.toggles.length === 0 && this.lineRules.size === 0
  }

  disables(ruleId: string, category: string, offset: number, line: number): boolean {
    // Asked about an earlier place past a switch already made: sweep again from the start (rare: a sweep goes forward).
    if (offset < this.lastOffset && this.next > 0 && this.toggles[this.next - 1].end > offset) this.rewind()
    this.lastOffset = offset
    while (this.next < this.toggles.length && this.toggles[this.next].end <= offset) this.toggle(this.toggles[this.next++])
    const covers = (ids: Set<string>) => ids.has(ruleId) || ids.has(category)
    if ((this.all || covers(this.off)) && !covers(this.except)) return true
    const onLine = this.lineRules.get(line)
    return onLine !== undefined && (onLine.all || covers(onLine.ids))
  }
}

/** Drop the candidates a directive switches off. */
export function applyDirectives(candidates: Candidate[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return candidates.map((c) => c.finding)
  const filter = new DirectiveFilter(directives)
  // The filter is asked in offset order (one sweep); the findings keep their own order.
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

/**
 * Whether a rule is switched off at an offset of a document, told the directives as a
 * review meets them (each piece's before its candidates: a directive acts only at or
 * after its own place, so those met so far are all that can switch a candidate off).
 * A review that may make only so many findings counts only those left on (Reviewer.review).
 */
export class Silencer {
  private readonly filter = new DirectiveFilter([])
  private readonly lines: LineIndex

  constructor(text: string) {
    this.lines = new LineIndex(text)
  }

  heard(directives: Directive[]): void {
    this.filter.add(directives)
  }

  disables(ruleId: string, category: string, offset: number): boolean {
    return this.filter.disables(ruleId, category, offset, this.lines.lineOf(offset) + 1)
  }
}
keepShape(new Silencer(''))
