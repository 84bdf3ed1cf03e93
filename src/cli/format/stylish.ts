/** `--format stylish` (default): grouped by file, readable, colour only on a terminal. */
import type {FileResult} from '../results.js'

export interface Paint {
  underline(s: string): string
  red(s: string): string
  yellow(s: string): string
  blue(s: string): string
  dim(s: string): string
  bold(s: string): string
}

const code = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`
export const colours: Paint = {underline: code(4, 24), red: code(31, 39), yellow: code(33, 39), blue: code(34, 39), dim: code(2, 22), bold: code(1, 22)}
const id = (s: string) => s
export const plain: Paint = {underline: id, red: id, yellow: id, blue: id, dim: id, bold: id}

export function formatStylish(results: FileResult[], paint: Paint): string {
  const out: string[] = []
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const result of results) {
    if (result.findings.length === 0) continue
    out.push(paint.underline(result.file))
    const docx = result.kind === 'docx'
    const rows = result.findings.map((f, i) => {
      const sev = f.severity === 'error' ? paint.red('error') : f.severity === 'warning' ? paint.yellow('warning') : paint.blue('info')
      if (f.severity === 'error') errors++
      else if (f.severity === 'warning') warnings++
      else infos++
      const hint = f.suggestions.length ? paint.dim(` Try: ${f.suggestions.slice(0, 3).join('; ')}.`) : ''
      // Word has no line numbers: the position is the place (section ¶paragraph):column, and the paragraph is quoted.
      const ex = result.excerpts?.[i]
      const quote = docx && ex ? quoteParagraph(ex.before, ex.text, ex.after, paint) : undefined
      return {pos: docx ? `${result.places?.[i] ?? `¶${f.line}`}:${f.column}` : `${f.line}:${f.column}`, sev, plainSev: f.severity, message: f.message + hint, rule: paint.dim(f.ruleId), quote}
    })
    const posWidth = Math.max(...rows.map((r) => r.pos.length))
    // The same wording many times is one decision for its author: the first place in full, the others listed under it.
    const repeats = repeatsOf(result.findings.map((f) => f.group ?? `${f.ruleId}:${f.text.toLowerCase()}`))
    rows.forEach((r, i) => {
      const later = repeats.get(i)
      if (later === undefined) return
      out.push(`  ${paint.dim(r.pos.padEnd(posWidth))}  ${r.sev}${' '.repeat(7 - r.plainSev.length)}  ${r.message}  ${r.rule}`)
      if (r.quote) out.push(`  ${' '.repeat(posWidth)}  ${r.quote}`)
      if (later.length > 0) out.push(`  ${' '.repeat(posWidth)}  ${paint.dim(`and ${later.length} more in this file: ${later.map((k) => rows[k].pos).join(', ')}`)}`)
    })
    out.push('')
  }
  const total = errors + warnings + infos
  if (total === 0) return ''
  const summary = `${total} finding${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`
  out.push(paint.bold(errors > 0 ? paint.red(`✖ ${summary}`) : warnings > 0 ? paint.yellow(`⚠ ${summary}`) : `ℹ ${summary}`))
  return out.join('\n') + '\n'
}

/**
 * For each finding that opens a group of the same wording, the indexes of the rest of the group; the
 * rest are left out of the map (their place is listed under the first).
 */
function repeatsOf(keys: string[]): Map<number, number[]> {
  const first = new Map<string, number>()
  const out = new Map<number, number[]>()
  keys.forEach((key, i) => {
    const at = first.get(key)
    if (at === undefined) {
      first.set(key, i)
      out.set(i, [])
    } else out.get(at)!.push(i)
  })
  return out
}

const QUOTE_SIDE = 70

function quoteParagraph(before: string, text: string, after: string, paint: Paint): string {
  const b = before.length > QUOTE_SIDE ? '…' + before.slice(-QUOTE_SIDE).replace(/^\S*\s/, '') : before
  const a = after.length > QUOTE_SIDE ? after.slice(0, QUOTE_SIDE).replace(/\s\S*$/, '') + '…' : after
  return paint.dim('“' + b) + paint.bold(text) + paint.dim(a + '”')
}
