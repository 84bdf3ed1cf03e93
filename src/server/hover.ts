/** The hover over a finding: what the wording implies, why, what to write instead, and how to silence it. */
import {MarkupKind, type Hover, type Position} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {CONFIG_NAMES, directiveComment, type Finding, type Rule} from '../core/index.js'
import type {Reviewed} from './diagnostics.js'

export function hoverText(finding: Finding, rule: Rule | undefined, href: string | undefined): string {
  const out: string[] = []
  out.push(`**Recovery Language Review** · \`${finding.ruleId}\` (${finding.category}, ${finding.severity})`)
  out.push(finding.message)
  if (rule?.rationale) out.push(rule.rationale.trim())
  if (finding.fixes.length) out.push('**Instead, try:**\n' + finding.fixes.map((f) => `- ${f.replacement}`).join('\n'))
  if (finding.advice.length) out.push('**Consider:**\n' + finding.advice.map((a) => `- ${a}`).join('\n'))
  const meta: string[] = []
  if (rule?.principles?.length) meta.push(`**Principles:** ${rule.principles.join(', ')}`)
  if (rule?.sources?.length) meta.push(`**Sources:** ${rule.sources.join('; ')}`)
  if (rule?.contested) meta.push('_This wording is contested: people with lived experience disagree about it._')
  if (meta.length) out.push(meta.join('  \n'))
  out.push(
    `**To silence it:** put \`${directiveComment('disable-next-line', [finding.ruleId])}\` on the line above, ` +
      `or set \`"rules": {"${finding.ruleId}": "off"}\` in \`${CONFIG_NAMES[0]}\`, or use the quick fix “Allow …” to accept this phrase in the workspace.`
  )
  if (href) out.push(`[About this rule](${href})`)
  return out.join('\n\n')
}

/** The hover at a position of a document, from its current review. */
export function hoverAt(doc: TextDocument, position: Position, reviewed: Reviewed, rulePage: (ruleId: string) => string | undefined): Hover | null {
  const offset = doc.offsetAt(position)
  const hits = reviewed.findings.filter((f) => f.offset <= offset && offset <= f.endOffset)
  if (hits.length === 0) return null
  return {
    contents: {kind: MarkupKind.Markdown, value: hits.map((f) => hoverText(f, reviewed.reviewer?.rule(f.ruleId), rulePage(f.ruleId))).join('\n\n---\n\n')},
    range: {start: doc.positionAt(hits[0].offset), end: doc.positionAt(hits[0].endOffset)}
  }
}
