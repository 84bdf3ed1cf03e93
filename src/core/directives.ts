/**
 * Inline directives, after the ESLint/markdownlint habit:
 *   <!-- recovery-lint-disable [rule-id ...] -->
 *   <!-- recovery-lint-enable [rule-id ...] -->
 *   <!-- recovery-lint-disable-next-line [rule-id ...] -->
 *   <!-- recovery-lint-disable-line [rule-id ...] -->
 * An id may name a rule or a whole category. With no ids, the directive covers every rule.
 */
import type {LineIndex} from './positions.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

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

const DIRECTIVE = /<!--\s*recovery-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g

/** Directives in a stretch of source (an HTML node's value, or plain text) starting at `base`. */
export function parseDirectiveComments(value: string, base: number, lines: LineIndex): Directive[] {
  const found: Directive[] = []
  if (!value.includes('recovery-lint-')) return found
  for (const m of value.matchAll(DIRECTIVE)) {
    const start = base + (m.index ?? 0)
    const end = start + m[0].length
    const ids = m[2].trim().split(/[\s,]+/).filter(Boolean)
    found.push({kind: m[1] as DirectiveKind, ids, start, end, line: lines.point(start).line, endLine: lines.point(end).line})
  }
  return found
}

/** Answers "is this finding switched off by a directive?" for one document. */
export class DirectiveFilter {
  private readonly ranges: Array<{ids: string[]; from: number; to: number}> = []
  private readonly lineRules = new Map<number, string[][]>()

  constructor(directives: Directive[], lines: Pick<LineIndex, 'text'>) {
    const sorted = [...directives].sort((a, b) => a.start - b.start)
    // Open ranges: per id ('' = all) the offset where it was disabled.
    const open = new Map<string, number>()
    for (const d of sorted) {
      if (d.kind === 'disable-line') this.addLines(d.line, d.endLine, d.ids)
      else if (d.kind === 'disable-next-line') this.addLines(d.endLine + 1, d.endLine + 1, d.ids)
      else if (d.kind === 'disable') {
        for (const id of d.ids.length ? d.ids : ['']) if (!open.has(id)) open.set(id, d.end)
      } else {
        const ids = d.ids.length ? d.ids : [...open.keys()]
        for (const id of ids) {
          const from = open.get(id)
          if (from !== undefined) {
            this.ranges.push({ids: id ? [id] : [], from, to: d.start})
            open.delete(id)
          }
        }
      }
    }
    for (const [id, from] of open) this.ranges.push({ids: id ? [id] : [], from, to: lines.text.length})
  }

  private addLines(from: number, to: number, ids: string[]) {
    for (let line = from; line <= to; line++) {
      const list = this.lineRules.get(line) ?? []
      list.push(ids)
      this.lineRules.set(line, list)
    }
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0 && this.lineRules.size === 0
  }

  disables(ruleId: string, category: string, offset: number, line: number): boolean {
    const covers = (ids: string[]) => ids.length === 0 || ids.includes(ruleId) || ids.includes(category)
    for (const r of this.ranges) if (offset >= r.from && offset < r.to && covers(r.ids)) return true
    const onLine = this.lineRules.get(line)
    return onLine !== undefined && onLine.some(covers)
  }
}
