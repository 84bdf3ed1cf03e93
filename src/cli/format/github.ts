/**
 * `--format github`: GitHub Actions workflow commands, one annotation a finding:
 *   ::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=15,title=recovery-lint(role-model)::message
 */
import type {FileResult} from '../results.js'

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

export function formatGithub(results: FileResult[]): string {
  const out: string[] = []
  for (const r of results) {
    r.findings.forEach((f, i) => {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice'
      const props = [
        `file=${escapeProperty(r.file.split('\\').join('/'))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`recovery-lint(${f.ruleId})`)}`
      ]
      const hint = f.suggestions.length ? ` Try: ${f.suggestions.slice(0, 3).join('; ')}.` : ''
      const where = r.kind === 'docx' ? `${r.places?.[i] ?? `¶${f.line}`}: ` : ''
      out.push(`::${command} ${props.join(',')}::${escapeData(where + f.message + hint)}`)
    })
  }
  return out.length ? out.join('\n') + '\n' : ''
}
