/**
 * How many findings a document's diagnostics carry. The engine stops at 20 000
 * findings a document (MAX_FINDINGS, then its notice), here as in the CLI, so the
 * server never holds more; publishing them all would send megabytes on every
 * edit for a list VS Code cuts at 1 000 anyway. So the first findings in document
 * order are published and one more diagnostic says how many were held back and
 * where they start (hovers and fix-all still see every finding held).
 */
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver'
import {MAX_FINDINGS, type Finding} from '../core/index.js'
import {SOURCE} from './protocol.js'

export const MAX_PUBLISHED = 1000

/** The diagnostics to publish for `findings`: all of them, or the first ones and a summary. */
export function publishable(findings: Finding[], toDiagnostic: (f: Finding) => Diagnostic, max = MAX_PUBLISHED): Diagnostic[] {
  if (findings.length <= max) return findings.map(toDiagnostic)
  const shown = max - 1
  const first = findings[shown]
  const held = findings.length - shown
  const summary: Diagnostic = {
    range: {start: {line: first.line - 1, character: first.column - 1}, end: {line: first.line - 1, character: first.column - 1}},
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'review-limit',
    message:
      // Past the engine's limit its last finding is the notice saying so.
      findings.length > MAX_FINDINGS
        ? `Findings from here on are not listed (more than ${MAX_FINDINGS} in this document; the first ${shown} are shown). The command line lists the first ${MAX_FINDINGS}: npx recovery-lint FILE.`
        : `${held} more finding${held === 1 ? '' : 's'} from here on are not listed (${findings.length} in this document; the first ${shown} are shown). The command line lists them all: npx recovery-lint FILE.`
  }
  return [...findings.slice(0, shown).map(toDiagnostic), summary]
}
