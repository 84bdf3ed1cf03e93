/** `--format json`: the PRODUCT.md contract, exactly. */
import type {Finding} from '../../core/index.js'
import type {FileResult} from '../results.js'

/** The edits of a finding that replace more than its `text`, with their own range. */
function rewrites(f: Finding) {
  return f.fixes
    .filter((x) => x.before > 0 || x.after > 0)
    .map((x) => {
      const start = f.column - x.before
      return {
        // A rewrite stays inside the finding's sentence; on one line the columns move by the widening.
        ...(f.line === f.endLine && start >= 1 ? {line: f.line, column: start, endLine: f.endLine, endColumn: f.endColumn + x.after} : {}),
        before: x.before,
        after: x.after,
        replacement: x.replacement
      }
    })
}

export function formatJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        findings: r.findings.map((f, i) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          text: f.text,
          message: f.message,
          suggestions: f.suggestions,
          // Beyond the contract, only when there is something to say: alternatives that fit no edit
          // here, and edits that reach past `text` ("who are non-compliant" → "who choose not to take it").
          ...(f.advice.length ? {advice: f.advice} : {}),
          ...(rewrites(f).length ? {rewrites: rewrites(f)} : {}),
          // A Word document has no lines (`line` is the paragraph's number in reading order): the place in words.
          ...(r.kind === 'docx' && r.places?.[i] ? {place: r.places[i]} : {})
        }))
      })),
      null,
      2
    ) + '\n'
  )
}
