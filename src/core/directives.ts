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
import type {LineIndex} from './positions.js'
import {CATEGORIES, type Candidate, type Finding} from './types.js'

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

const DIRECTIVE = new RegExp(`<!--\\s*${DIRECTIVE_PREFIX}(${DIRECTIVE_KINDS.join('|')})\\b([^>]*?)-->`, 'g')

/** Directives in a stretch of source (an HTML node's value, or plain text) starting at `base`. */
export function parseDirectiveComments(value: string, base: number, lines: LineIndex): Directive[] {
  const found: Directive[] = []
  if (!value.includes(DIRECTIVE_PREFIX)) return found
  for (const m of value.matchAll(DIRECTIVE)) {
    const start = base + (m.index ?? 0)
    const end = start + m[0].length
    const ids = m[2].trim().split(/[\s,]+/).filter(Boolean)
    found.push({kind: m[1] as DirectiveKind, ids, start, end, line: lines.point(start).line, endLine: lines.point(end).line})
  }
  return found
}

/** What is switched off from one offset on: everything (but `except`), or the ids in `off`. */
interface State {
  from: number
  all: boolean
  off: Set<string>
  except: Set<string>
}

/** Answers "is this finding switched off by a directive?" for one document. */
export class DirectiveFilter {
  /** Range states in offset order; the first starts at 0 with nothing off. */
  private readonly states: State[] = [{from: 0, all: false, off: new Set(), except: new Set()}]
  private readonly lineRules = new Map<number, string[][]>()

  constructor(directives: Directive[], _lines?: LineIndex) {
    for (const d of [...directives].sort((a, b) => a.start - b.start)) {
      if (d.kind === 'disable-line') this.addLines(d.line, d.endLine, d.ids)
      else if (d.kind === 'disable-next-line') this.addLines(d.endLine + 1, d.endLine + 1, d.ids)
      else this.toggle(d)
    }
  }

  private toggle(d: Directive) {
    const prev = this.states[this.states.length - 1]
    const next: State = {from: d.end, all: prev.all, off: new Set(prev.off), except: new Set(prev.except)}
    if (d.ids.length === 0) {
      // A bare disable/enable switches everything.
      next.all = d.kind === 'disable'
      next.off.clear()
      next.except.clear()
    } else {
      for (const id of d.ids) {
        if (d.kind === 'disable') {
          next.off.add(id)
          next.except.delete(id)
          // Disabling a whole category supersedes earlier exceptions for its rules.
          if ((CATEGORIES as readonly string[]).includes(id)) next.except.clear()
        } else {
          next.off.delete(id)
          // Enabling one rule inside a disabled category (or everything) is an exception.
          if (next.all || next.off.size > 0) next.except.add(id)
        }
      }
    }
    this.states.push(next)
  }

  private addLines(from: number, to: number, ids: string[]) {
    for (let line = from; line <= to; line++) {
      const list = this.lineRules.get(line) ?? []
      list.push(ids)
      this.lineRules.set(line, list)
    }
  }

  get isEmpty(): boolean {
    return this.states.length === 1 && this.lineRules.size === 0
  }

  disables(ruleId: string, category: string, offset: number, line: number): boolean {
    const covers = (ids: string[] | Set<string>) => {
      for (const id of ids) if (id === ruleId || id === category) return true
      return false
    }
    let state = this.states[0]
    for (const s of this.states) if (s.from <= offset) state = s
    if ((state.all || covers(state.off)) && !covers(state.except)) return true
    const onLine = this.lineRules.get(line)
    return onLine !== undefined && onLine.some((ids) => ids.length === 0 || covers(ids))
  }
}

/** Drop the candidates a directive switches off. */
export function applyDirectives(candidates: Candidate[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return candidates.map((c) => c.finding)
  const filter = new DirectiveFilter(directives)
  const findings: Finding[] = []
  for (const c of candidates) {
    const {ruleId, category, endLine} = c.finding
    // A line directive covers a finding that starts or ends on its line ("an" / "addict" across a break).
    const off = filter.disables(ruleId, category, c.at, c.atLine) || (endLine !== c.atLine && filter.disables(ruleId, category, c.at, endLine))
    if (!off) findings.push(c.finding)
  }
  return findings
}
