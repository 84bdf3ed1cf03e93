/** `--format json`: the PRODUCT.md contract, exactly. */
import type {FileResult} from '../results.js'

export function formatJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        findings: r.findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          text: f.text,
          message: f.message,
          suggestions: f.suggestions
        }))
      })),
      null,
      2
    ) + '\n'
  )
}
