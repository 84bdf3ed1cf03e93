/**
 * The hover over a finding, short enough to read at a glance (about ten lines): the
 * message once (VS Code shows it already, from the diagnostic, right above this part:
 * then only the words are named, and only when more than one finding is there), the
 * best alternative first (marked when it is safe to apply without
 * reading the sentence), the other alternatives, advice, the reason in two lines,
 * then the category, the rule and links: "Why" and "Rule page" (the extension's
 * reading view) and "Silence…" (the ways to silence it, as a quick pick). The rest
 * (principles, sources, examples) is on the rule page.
 */
import {MarkupKind, type Hover, type Position, type Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {CONFIG_NAMES, type Finding, type Rule} from '../core/index.js'
import type {Reviewed} from './diagnostics.js'
import {SILENCE_COMMAND} from './protocol.js'

/** About two lines of hover text. */
const REASON_CHARS = 220

/** The rationale's first sentences, up to about two lines. */
export function shortReason(rationale: string): {text: string; cut: boolean} {
  const flat = rationale.trim().replace(/\s+/g, ' ')
  if (flat.length <= REASON_CHARS) return {text: flat, cut: false}
  const sentences = flat.match(/[^.!?]+[.!?]+(?:\s|$)/g) ?? [flat]
  let text = ''
  for (const s of sentences) {
    if (text && (text + s).length > REASON_CHARS) break
    text += s
  }
  if (text.length > REASON_CHARS) text = text.slice(0, REASON_CHARS).replace(/\s+\S*$/, '') + '…'
  return {text: text.trim(), cut: true}
}

/** Markdown-safe text (the hover is Markdown; wording may hold * or _). */
const md = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1')

export interface HoverLinks {
  /** The rule's page, when there is one. */
  page?: string
  /** Its "why" section. */
  why?: string
  /** The command link that offers the ways to silence this finding. */
  silence?: string
  /** The editor shows the diagnostic's message in the same hover (VS Code does): then it is not said again. */
  messageShown?: boolean
  /** Other findings share the hover: then a part whose message is not said names its words. */
  shared?: boolean
}

export function hoverText(finding: Finding, rule: Rule | undefined, category: string, links: HoverLinks): string {
  // A message that ends with its advice ("… Consider: “x”.") says it once: the advice is listed below.
  const consider = finding.advice.length > 0 ? ` Consider: “${finding.advice[0]}”.` : undefined
  const message = consider && finding.message.endsWith(consider) ? finding.message.slice(0, -consider.length) : finding.message
  const out: string[] = links.messageShown ? (links.shared ? [`**“${md(finding.text)}”**`] : []) : [md(message)]
  const [best, ...others] = finding.fixes
  const alternatives: string[] = []
  if (best) alternatives.push(`**Try:** ${md(best.replacement)}${finding.safeFix ? ' — ✓ *safe to apply* (Fix all applies it)' : ''}`)
  if (others.length) alternatives.push(`**Or:** ${others.map((f) => md(f.replacement)).join(' · ')}`)
  if (finding.advice.length) alternatives.push(`**Consider:** ${finding.advice.map(md).join(' · ')}`)
  if (alternatives.length) out.push(alternatives.join('  \n'))
  if (rule?.rationale) {
    const reason = shortReason(rule.rationale)
    out.push(`*${md(reason.text)}*${rule.contested ? '  \n*Contested: people with lived experience disagree about this wording.*' : ''}`)
  }
  const footer = [`${md(category)} · \`${finding.ruleId}\``]
  if (links.page) footer.push(`[Why](${links.why ?? `${links.page}#why`})`, `[Rule page](${links.page})`)
  if (links.silence) footer.push(`[Silence…](${links.silence})`)
  out.push(footer.join(' · '))
  // An editor without the extension's quick pick: say how, in one line.
  if (!links.silence) out.push(`To silence it: \`"rules": {"${finding.ruleId}": "off"}\` in \`${CONFIG_NAMES[0]}\`, or add the phrase to \`"allow"\` there.`)
  return out.join('\n\n')
}

/** A command link that runs the client's "silence" quick pick for a finding. */
export function silenceLink(uri: string, range: Range, ruleId: string): string {
  return `command:${SILENCE_COMMAND}?${encodeURIComponent(JSON.stringify([uri, range, ruleId]))}`
}

/** The hover at a position of a document, from its current review. */
export function hoverAt(
  doc: TextDocument,
  position: Position,
  reviewed: Reviewed,
  rulePage: (ruleId: string, section?: string) => string | undefined,
  categoryTitle: (id: string) => string,
  /** The client is the extension: it offers the silence quick pick, and VS Code shows the message above the hover. */
  ours: boolean
): Hover | null {
  const offset = doc.offsetAt(position)
  // The narrowest first: the words under the pointer before a clause around them.
  const hits = reviewed.findings.filter((f) => f.offset <= offset && offset <= f.endOffset).sort((a, b) => a.endOffset - a.offset - (b.endOffset - b.offset))
  if (hits.length === 0) return null
  const value = hits
    .map((f) => {
      const range = {start: doc.positionAt(f.offset), end: doc.positionAt(f.endOffset)}
      return hoverText(f, reviewed.reviewer?.rule(f.ruleId), categoryTitle(f.category), {
        page: rulePage(f.ruleId),
        why: rulePage(f.ruleId, 'why'),
        silence: ours ? silenceLink(doc.uri, range, f.ruleId) : undefined,
        messageShown: ours,
        shared: hits.length > 1
      })
    })
    .join('\n\n---\n\n')
  return {contents: {kind: MarkupKind.Markdown, value}, range: {start: doc.positionAt(hits[0].offset), end: doc.positionAt(hits[0].endOffset)}}
}
