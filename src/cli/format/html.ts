/**
 * `--format html`: one self-contained page for people who do not read CI logs.
 * No scripts, no fonts, no remote anything: inline CSS and an inline SVG chart,
 * so it opens offline and can be mailed around. Every finding shows its sentence
 * with the wording marked, the reason (message and rationale) and the alternatives.
 */
import {CATEGORIES, type CategoryId, type FindingCategory, type Severity} from '../../core/index.js'
import type {FileResult, ReportContext} from '../results.js'

/** Marks the page as a report, so a later run over the folder leaves it out. */
export const GENERATOR = 'recovery-lint report'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const CATEGORY_COLOUR: Record<CategoryId, string> = {
  clinicalised: '#1f6f8b',
  'expert-patient': '#8a4f7d',
  'role-model': '#b3541e',
  deficit: '#5b7c2b',
  labelling: '#6a5acd'
}
const SEVERITY_LABEL: Record<Severity, string> = {error: 'Error', warning: 'Warning', info: 'Info'}

const CSS = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#555;--line:#d8d8d8;--bg:#fff;--soft:#f5f5f2}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h1{font-size:1.8rem;margin:.2rem 0 .3rem}h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.8rem 0 .6rem;word-break:break-all}
.lede{color:var(--muted);margin:0 0 1rem}
.totals{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.totals li{background:var(--soft);border:1px solid var(--line);border-radius:.4rem;padding:.5rem .9rem;min-width:7.5rem}
.totals b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid var(--line)}
th{background:var(--soft)}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.finding{border:1px solid var(--line);border-left:5px solid #999;border-radius:.35rem;padding:.7rem 1rem;margin:.8rem 0;background:#fff}
.finding.error{border-left-color:#b00020}.finding.warning{border-left-color:#b36b00}.finding.info{border-left-color:#2b6cb0}
.meta{font-size:.9rem;color:var(--muted);margin:0 0 .4rem}
.sev{font-weight:700;text-transform:uppercase;font-size:.78rem;letter-spacing:.03em;padding:.05rem .4rem;border-radius:.25rem;color:#fff;background:#666}
.sev.error{background:#b00020}.sev.warning{background:#8a5200}.sev.info{background:#2b6cb0}
blockquote{margin:.3rem 0 .6rem;padding:.4rem .8rem;background:var(--soft);border-left:3px solid var(--line)}
mark{background:#ffe08a;color:inherit;padding:0 .1em;border-radius:.15em;font-weight:600}
.why{margin:.3rem 0}.alts{margin:.2rem 0 0}.alts li{margin:.1rem 0}
code{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
.problems{background:#fff4f4;border:1px solid #e3b4b4;padding:.6rem 1rem;border-radius:.35rem}
svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1b1b1b}
@media print{.finding{break-inside:avoid}}
`

function chart(counts: Map<FindingCategory, number>, title: (c: CategoryId) => string): string {
  const max = Math.max(1, ...counts.values())
  const rowH = 34
  const labelW = 190
  const barW = 420
  const height = CATEGORIES.length * rowH + 10
  const bars = CATEGORIES.map((c, i) => {
    const n = counts.get(c) ?? 0
    const w = Math.round((n / max) * barW)
    const y = 5 + i * rowH
    return (
      `<g><text x="${labelW - 8}" y="${y + 20}" text-anchor="end">${esc(title(c))}</text>` +
      `<rect x="${labelW}" y="${y + 5}" width="${Math.max(w, n > 0 ? 2 : 0)}" height="22" rx="3" fill="${CATEGORY_COLOUR[c]}"></rect>` +
      `<text x="${labelW + Math.max(w, 0) + 6}" y="${y + 21}">${n}</text></g>`
    )
  }).join('')
  const desc = CATEGORIES.map((c) => `${title(c)}: ${counts.get(c) ?? 0}`).join('; ')
  return (
    `<svg role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${labelW + barW + 60} ${height}" width="100%" style="max-width:${labelW + barW + 60}px">` +
    `<title id="chart-title">Findings per category</title><desc id="chart-desc">${esc(desc)}</desc>${bars}</svg>`
  )
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function formatHtml(results: FileResult[], context: ReportContext, now = new Date()): string {
  const all = results.flatMap((r) => r.findings)
  const bySeverity = (s: Severity) => all.filter((f) => f.severity === s).length
  const perCategory = new Map<FindingCategory, number>()
  for (const f of all) perCategory.set(f.category, (perCategory.get(f.category) ?? 0) + 1)
  const withFindings = results.filter((r) => r.findings.length > 0)
  // Notices of the review's limits (category `review`) are not a category of wording.
  const title = (c: FindingCategory) => context.categories.find((info) => info.id === c)?.title ?? (c === 'review' ? 'Review limit' : c)

  const out: string[] = []
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">', `<meta name="generator" content="${GENERATOR}">`)
  out.push(`<title>Recovery language review: ${plural(all.length, 'finding')} in ${plural(results.length, 'document')}</title>`)
  out.push(`<style>${CSS}</style>`, '</head>', '<body>', '<main>')
  out.push('<h1>Recovery language review</h1>')
  out.push(`<p class="lede">${plural(results.length, 'document')} reviewed by recovery-lint ${esc(context.version)} on ${esc(now.toISOString().slice(0, 10))}.</p>`)
  out.push('<ul class="totals" aria-label="Totals">')
  out.push(`<li><b>${all.length}</b>${all.length === 1 ? 'finding' : 'findings'}</li>`)
  out.push(`<li><b>${bySeverity('error')}</b>${bySeverity('error') === 1 ? 'error' : 'errors'}</li>`)
  out.push(`<li><b>${bySeverity('warning')}</b>${bySeverity('warning') === 1 ? 'warning' : 'warnings'}</li>`)
  out.push(`<li><b>${bySeverity('info')}</b>info</li>`)
  out.push(`<li><b>${withFindings.length}</b>of ${plural(results.length, 'document')} with findings</li>`)
  out.push('</ul>')
  if (context.problems.length) {
    out.push('<section class="problems" aria-labelledby="problems"><h2 id="problems">Documents that could not be reviewed</h2><ul>')
    for (const p of context.problems) out.push(`<li>${esc(p)}</li>`)
    out.push('</ul></section>')
  }

  out.push('<section aria-labelledby="by-category"><h2 id="by-category">Findings by category</h2>', chart(perCategory, title))
  out.push('<table><caption class="lede" style="text-align:left">Counts per category</caption><thead><tr><th scope="col">Category</th><th scope="col" class="n">Findings</th></tr></thead><tbody>')
  for (const c of CATEGORIES) out.push(`<tr><th scope="row">${esc(title(c))} <code>${c}</code></th><td class="n">${perCategory.get(c) ?? 0}</td></tr>`)
  out.push('</tbody></table></section>')

  out.push('<section aria-labelledby="by-file"><h2 id="by-file">Findings by document</h2>')
  out.push('<table><thead><tr><th scope="col">Document</th><th scope="col" class="n">Errors</th><th scope="col" class="n">Warnings</th><th scope="col" class="n">Info</th><th scope="col" class="n">Total</th></tr></thead><tbody>')
  results.forEach((r, i) => {
    const n = (s: Severity) => r.findings.filter((f) => f.severity === s).length
    const name = r.findings.length ? `<a href="#file-${i}">${esc(r.file)}</a>` : esc(r.file)
    out.push(`<tr><th scope="row">${name}</th><td class="n">${n('error')}</td><td class="n">${n('warning')}</td><td class="n">${n('info')}</td><td class="n">${r.findings.length}</td></tr>`)
  })
  out.push('</tbody></table></section>')

  out.push('<section aria-labelledby="findings"><h2 id="findings">Every finding</h2>')
  if (all.length === 0) out.push('<p>No findings: nothing to change.</p>')
  results.forEach((r, i) => {
    if (r.findings.length === 0) return
    out.push(`<h3 id="file-${i}">${esc(r.file)} <span class="lede">(${plural(r.findings.length, 'finding')})</span></h3>`)
    r.findings.forEach((f, j) => {
      const rule = context.rules.get(f.ruleId)
      const ex = r.excerpts?.[j] ?? {before: '', text: f.text, after: ''}
      const where = r.kind === 'docx' ? `${r.places?.[j] ?? `¶${f.line}`}, character ${f.column}` : `line ${f.line}, column ${f.column}`
      out.push(`<article class="finding ${f.severity}" aria-label="${esc(`${SEVERITY_LABEL[f.severity]}: ${f.text}, ${where}`)}">`)
      out.push(
        `<p class="meta"><span class="sev ${f.severity}">${SEVERITY_LABEL[f.severity]}</span> ${esc(where)} · ${esc(title(f.category))} · rule <code>${esc(f.ruleId)}</code></p>`
      )
      out.push(`<blockquote>${esc(ex.before)}<mark>${esc(ex.text)}</mark>${esc(ex.after)}</blockquote>`)
      out.push(`<p class="why"><strong>Why:</strong> ${esc(f.message)}${rule?.rationale ? ' ' + esc(rule.rationale) : ''}</p>`)
      if (f.suggestions.length) {
        out.push('<p class="alts"><strong>Try instead:</strong></p><ul class="alts">')
        for (const s of f.suggestions) out.push(`<li>${esc(s)}</li>`)
        out.push('</ul>')
      }
      out.push('</article>')
    })
  })
  out.push('</section>', '</main>', '</body>', '</html>')
  return out.join('\n') + '\n'
}
