/**
 * Applying fixes. `--fix` and the editor's fix-all apply the first fix of every
 * `safeFix` finding; "replace all" applies one alternative to every finding of a
 * group, each fitted to its own sentence. Pure, so the CLI and the language server
 * share it. Edits never overlap; text outside the edited ranges stays byte for byte
 * as it was (line endings, trailing newline).
 */
import type {Finding, Fix} from './types.js'

export interface FixResult {
  text: string
  /** The findings whose fix was applied, in document order. */
  applied: Finding[]
}

export interface FixOptions {
  /** Turns a suggestion into source text (e.g. escaping for HTML). Default: as is. */
  encode?: (replacement: string) => string
}

/** One text edit in source offsets. */
export interface Edit {
  offset: number
  endOffset: number
  newText: string
}

/** The source range a fix replaces. */
export function fixRange(finding: Finding, fix: Fix): {offset: number; endOffset: number} {
  return {offset: finding.offset - fix.before, endOffset: finding.endOffset + fix.after}
}

/** The edit of one fix, or of the finding's first fix. */
export function fixEdit(finding: Finding, fix: Fix | undefined = finding.fixes[0], options: FixOptions = {}): Edit | undefined {
  if (!fix) return undefined
  const encode = options.encode ?? ((s: string) => s)
  return {...fixRange(finding, fix), newText: encode(fix.replacement)}
}

/** Whether a finding carries a fix that can be applied without judgement. */
export function isFixable(finding: Finding): boolean {
  return finding.safeFix && finding.fixes.length > 0 && finding.endOffset > finding.offset
}

/** The fix's range still holds what the finding saw (a stale finding is skipped). */
function fresh(text: string, finding: Finding, edit: Edit): boolean {
  return (
    edit.offset >= 0 &&
    edit.endOffset <= text.length &&
    finding.endOffset <= text.length &&
    text.slice(finding.offset, finding.endOffset) === finding.text
  )
}

/** Non-overlapping, non-stale, non-empty edits in document order (the first of two overlapping wins). */
function choose(text: string, pairs: Array<{finding: Finding; edit: Edit}>): Array<{finding: Finding; edit: Edit}> {
  const sorted = pairs
    .filter((p) => fresh(text, p.finding, p.edit))
    .sort((a, b) => a.edit.offset - b.edit.offset || a.edit.endOffset - b.edit.endOffset)
  const chosen: Array<{finding: Finding; edit: Edit}> = []
  let lastEnd = -1
  for (const p of sorted) {
    if (p.edit.offset < lastEnd) continue
    if (text.slice(p.edit.offset, p.edit.endOffset) === p.edit.newText) continue
    chosen.push(p)
    lastEnd = p.edit.endOffset
  }
  return chosen
}

/**
 * The findings whose fix would be applied to `text`, in document order: fixable,
 * not stale (the range still holds what the finding saw), not overlapping an
 * earlier one (the first wins) and not a no-op. The CLI and the editor's fix-all share it;
 * `fixEdit(finding)` gives each one's edit.
 */
export function selectFixes(text: string, findings: readonly Finding[], options: FixOptions = {}): Finding[] {
  const pairs = findings.filter(isFixable).map((finding) => ({finding, edit: fixEdit(finding, finding.fixes[0], options)!}))
  return choose(text, pairs).map((p) => p.finding)
}

/** Apply edits that do not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.endOffset)
  return out
}

export function applyFixes(text: string, findings: readonly Finding[], options: FixOptions = {}): FixResult {
  const chosen = selectFixes(text, findings, options)
  return {text: applyEdits(text, chosen.map((f) => fixEdit(f, f.fixes[0], options)!)), applied: chosen}
}

/** The findings that share `finding`'s wording (its group), in document order. */
export function sameWording(finding: Finding, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.group === finding.group).sort((a, b) => a.offset - b.offset)
}

/**
 * "Replace all N in this document": for every finding of `group`, its fix from rule
 * alternative `alternative`, fitted to its own sentence. A finding where that
 * alternative is only advice is left out (`skipped`), so the editor can say so.
 */
export function replaceAllEdits(text: string, findings: readonly Finding[], group: string, alternative: number, options: FixOptions = {}): {edits: Edit[]; skipped: Finding[]} {
  const members = findings.filter((f) => f.group === group)
  const pairs: Array<{finding: Finding; edit: Edit}> = []
  const skipped: Finding[] = []
  for (const finding of members) {
    const fix = finding.fixes.find((x) => x.alternative === alternative)
    if (fix) pairs.push({finding, edit: fixEdit(finding, fix, options)!})
    else skipped.push(finding)
  }
  return {edits: choose(text, pairs).map((p) => p.edit), skipped}
}
