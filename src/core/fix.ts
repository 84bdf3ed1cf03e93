/**
 * Applying safe fixes: the first suggestion of every `safeFix` finding replaces
 * its range. Pure, so the CLI (`--fix`) and the language server (fix all) share it.
 * Edits go right to left and never overlap; text outside the edited ranges stays
 * byte for byte as it was (line endings, trailing newline).
 */
import type {Finding} from './types.js'

export interface FixResult {
  text: string
  /** The findings whose fix was applied, in document order. */
  applied: Finding[]
}

export interface FixOptions {
  /** Turns a suggestion into source text (e.g. escaping for HTML). Default: as is. */
  encode?: (replacement: string) => string
}

/** Whether a finding carries a fix that can be applied without judgement. */
export function isFixable(finding: Finding): boolean {
  return finding.safeFix && finding.suggestions.length > 0 && finding.endOffset > finding.offset
}

/**
 * The findings whose fix would be applied to `text`, in document order: fixable,
 * not stale (the range still holds what the finding saw), not overlapping an
 * earlier one (the first wins) and not a no-op. The CLI and the editor's fix-all share it.
 */
export function selectFixes(text: string, findings: readonly Finding[], options: FixOptions = {}): Finding[] {
  const encode = options.encode ?? ((s: string) => s)
  const candidates = findings
    .filter(isFixable)
    // The range must still hold what the finding saw (a stale finding is skipped).
    .filter((f) => f.endOffset <= text.length && text.slice(f.offset, f.endOffset) === f.text)
    .sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  const chosen: Finding[] = []
  let lastEnd = -1
  for (const f of candidates) {
    if (f.offset < lastEnd) continue // overlaps the one before: keep the first
    const replacement = encode(f.suggestions[0])
    if (replacement === f.text) continue
    chosen.push(f)
    lastEnd = f.endOffset
  }
  return chosen
}

export function applyFixes(text: string, findings: readonly Finding[], options: FixOptions = {}): FixResult {
  const encode = options.encode ?? ((s: string) => s)
  const chosen = selectFixes(text, findings, options)
  let out = text
  for (let i = chosen.length - 1; i >= 0; i--) {
    const f = chosen[i]
    out = out.slice(0, f.offset) + encode(f.suggestions[0]) + out.slice(f.endOffset)
  }
  return {text: out, applied: chosen}
}
