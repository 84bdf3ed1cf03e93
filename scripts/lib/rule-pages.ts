/**
 * Rule documentation generated from the rule data: one page per rule and a
 * catalogue index. Build-time only: scripts/generate.ts writes them and a test
 * checks they are current.
 */
import {alternativeLabel, categoriesOf, directiveComment, type Alternative, type CategoryInfo, type FrameSpec, type SourceRule, type SourcePack} from '../../src/core/index.js'

const PRINCIPLES: Record<string, string> = {
  mutual: 'both people learn from each other',
  reciprocal: 'support flows both ways',
  'non-directive': 'the person leads; no one prescribes',
  'recovery-focused': 'recovery as the person defines it',
  'strengths-based': 'start from what is strong, not what is wrong',
  inclusive: 'nobody is defined by a diagnosis or a label',
  progressive: 'hope and growth, not standing still',
  safe: 'language that does not shame, blame or frighten'
}

const alt = (a: Alternative) => (typeof a !== 'string' && a.plural && (a.singular ?? a.noun) !== a.plural ? `${a.singular ?? a.noun} / ${a.plural}` : alternativeLabel(a))
const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n')

const slot = (values: string[] | undefined) => (values ?? []).map((v) => (v.startsWith('@') ? `[${v}](../../rules/classes.yml)` : `“${v}”`)).join(' or ')

/** A frame in words: which verb, who does it, to what; see docs/rule-format.md. */
export function describeFrame(frame: FrameSpec): string {
  const parts = [`a clause with the verb ${slot(frame.verb)}`]
  if (frame.agent) parts.push(`done by ${slot(frame.agent)}`)
  if (frame.object) parts.push(`to ${slot(frame.object)}`)
  if (frame.by) parts.push(`by or as ${slot(frame.by)}`)
  if (frame.for) parts.push(`for ${slot(frame.for)}`)
  for (const [prep, values] of Object.entries(frame.prep ?? {})) parts.push(`${prep} ${slot(values)}`)
  const near = (frame.near ?? []).length > 0 ? (Array.isArray(frame.near![0]) ? (frame.near as string[][]) : [frame.near as string[]]) : []
  for (const group of near) parts.push(`with ${slot(group)} in the clause`)
  const voice = frame.voice ? ` (${frame.voice} voice)` : ' (active or passive)'
  const negation = frame.negated === 'only' ? '; only when negated' : frame.negated ? '' : '; not when the clause is negated'
  return parts.join(', ') + voice + negation + (frame.unlessShared ? '; not when done with the person' : '')
}

export function rulePage(rule: SourceRule, categories: CategoryInfo[]): string {
  const title = categories.find((c) => c.id === rule.category)?.title ?? rule.category
  const profiles = Object.entries(rule.profiles ?? {})
    .map(([p, s]) => `${p}: ${s}`)
    .join(', ')
  return `<!-- Generated from ${rule.origin} by scripts/generate.ts. Edit the rule data, not this page. -->
# \`${rule.id}\`

${rule.message.replace(/\{\{\s*text\s*\}\}/g, rule.frame ? 'this wording' : rule.phrases[0])}

| | |
|---|---|
| Category | [${title}](index.md#${rule.category}) (\`${rule.category}\`) |
| Severity | ${rule.severity}${profiles ? ` (${profiles})` : ''}${rule.contested ? ' — contested: sources disagree, so never an error' : ''} |
| Finds | ${rule.frame ? describeFrame(rule.frame) : `${rule.phrases.map((p) => `“${p}”`).join(', ')} (with their other forms)`} |
| Safe to fix automatically | ${rule.safeFix ? 'yes' : 'no'} |

## Why

${rule.rationale.trim()}

## Instead

${list(rule.alternatives.map(alt))}

## Principles

${list(rule.principles.map((p) => `**${p}**: ${PRINCIPLES[p] ?? ''}`))}

## Sources

${list(rule.sources)}

## Examples

Flagged:

${list(rule.examples.flag.map((s) => `❌ ${s}`))}

Not flagged:

${list(rule.examples.pass.map((s) => `✅ ${s}`))}

## Silencing it

- For one line: \`${directiveComment('disable-next-line', [rule.id])}\` on the line before.
- For a stretch: \`${directiveComment('disable', [rule.id])}\` … \`${directiveComment('enable', [rule.id])}\`.
- For a project: \`"rules": {"${rule.id}": "off"}\` in \`.recoverylintrc.json\`, or allow one phrase with \`"allow": ["…"]\`.
`
}

export function catalogueIndex(packs: SourcePack[], categories: CategoryInfo[]): string {
  const total = packs.reduce((n, p) => n + p.rules.length, 0)
  const sections = packs.map((pack) => {
    const category = categories.find((c) => c.id === pack.category)
    const rows = pack.rules.map(
      (r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity}${r.contested ? ' (contested)' : ''} | ${r.phrases.slice(0, 4).join(', ')}${r.phrases.length > 4 ? ', …' : ''} | ${alt(r.alternatives[0])} |`
    )
    return `## ${category?.title ?? pack.category}

<a id="${pack.category}"></a>${category?.description ? category.description + '\n' : ''}${category?.principles.length ? `Serves: ${category.principles.map((p) => `*${p}*`).join(', ')}.\n` : ''}
| Rule | Severity | Finds | Instead, for example |
|---|---|---|---|
${rows.join('\n')}
`
  })
  return `<!-- Generated from rules/*.yml by scripts/generate.ts. -->
# Rule catalogue

${total} rules in five categories. Each page says what the rule finds, why it matters,
what to write instead, the principles it serves and its sources.

${sections.join('\n')}`
}

/** Every generated file: path (relative to the project root) → content. */
export function generatedDocs(packs: SourcePack[]): Map<string, string> {
  const out = new Map<string, string>()
  const categories = categoriesOf(packs)
  out.set('docs/rules/index.md', catalogueIndex(packs, categories))
  for (const rule of packs.flatMap((p) => p.rules)) out.set(`docs/rules/${rule.id}.md`, rulePage(rule, categories))
  return out
}
