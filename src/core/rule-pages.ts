/**
 * A rule's page and the catalogue, in Markdown, from the rule data: what it finds,
 * why, what to write instead, its principles, sources and examples. The docs
 * (docs/rules, written by scripts/generate.ts and checked current by a test) and
 * the editor's reading view (the language server renders these to HTML, for the
 * built-in rules and an organisation's own alike) say the same thing.
 */
import {categoriesOf, type CategoryInfo} from './categories.js'
import {directiveComment} from './directives.js'
import {alternativeLabel} from './grammar/shape.js'
import type {Alternative, FrameSpec, Region, Rule, RulePack} from './types.js'

/**
 * Where a page's links lead: `docs`, files of the repository (docs/rules, rules/classes.yml);
 * `view`, the reading view (other pages only; a word class is named, not linked).
 */
export type PageLinks = 'docs' | 'view'

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

const label = (a: Alternative) => (typeof a !== 'string' && a.plural && (a.singular ?? a.noun) !== a.plural ? `${a.singular ?? a.noun} / ${a.plural}` : alternativeLabel(a))
const quote = (phrases: string[]) => phrases.map((p) => `“${p}”`).join(', ')
/** Where an alternative is offered, when not everywhere the rule matches: "for “helpless”", "not for “madhouse”". */
function where(a: Alternative, phrases: string[]): string {
  if (typeof a === 'string') return ''
  const only = a.phrases ?? []
  const others = phrases.filter((p) => !only.includes(p))
  const forPhrases = only.length === 0 ? '' : others.length < only.length ? `not for ${quote(others)}` : `for ${quote(only)}`
  return [forPhrases, a.describes ? `of a ${a.describes}` : ''].filter(Boolean).join(', ')
}
const alt = (phrases: string[]) => (a: Alternative) => (where(a, phrases) ? `${label(a)} (${where(a, phrases)})` : label(a))
/** The alternative a reader meets first: the first one offered for every phrase. */
const firstAlternative = (alternatives: Alternative[]) => alternatives.find((a) => typeof a === 'string' || !a.phrases) ?? alternatives[0]
const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n')

const classLink = (links: PageLinks) => (v: string) => (links === 'docs' ? `[${v}](../../rules/classes.yml)` : `\`${v}\``)

/** A frame in words: which verb, who does it, to what; see docs/rule-format.md. */
export function describeFrame(frame: FrameSpec, links: PageLinks = 'docs'): string {
  const link = classLink(links)
  const slot = (values: string[] | undefined) => (values ?? []).map((v) => (v.startsWith('@') ? link(v) : `“${v}”`)).join(' or ')
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
  return parts.join(', ') + voice + negation + (frame.unlessShared ? '; not when done with the person' : '') + (frame.overridesPerson ? "; only when the person's own wishes are set aside" : '') + (frame.answers === 'choice' ? '; only in an answer to the person asking whether they may choose' : '')
}

function examples(rule: Rule): string {
  if (!rule.examples || (rule.examples.flag.length === 0 && rule.examples.pass.length === 0)) return ''
  return `## Examples

Flagged:

${list(rule.examples.flag.map((s) => `❌ ${s}`))}

Not flagged:

${list(rule.examples.pass.map((s) => `✅ ${s}`))}

`
}

const REGION_NAMES: Record<Region, string> = {us: 'the US', ca: 'Canada', uk: 'the UK', ie: 'Ireland', au: 'Australia', nz: 'New Zealand'}

export function rulePage(rule: Rule, categories: CategoryInfo[], links: PageLinks = 'docs'): string {
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
${rule.reclaimedIn ? `| Off in documents that reclaim it | those that speak of ${rule.reclaimedIn.map((p) => `“${p}”`).join(', ')} (a community's own word there) |\n` : ''}${rule.usualFor ? `| Off in documents for | ${rule.usualFor.join(', ')} (their own word; a document is for them when its title or a heading says so: “a guide for GPs”) |\n` : ''}${rule.usualIn ? `| Off in documents from | ${rule.usualIn.map((r) => REGION_NAMES[r]).join(', ')} (their services' ordinary word; a document's region is its configuration's or front matter's \`region\`, else the places and agencies it names) |\n` : ''}| Finds | ${rule.frame ? describeFrame(rule.frame, links) : `${rule.phrases.map((p) => `“${p}”`).join(', ')} (with their other forms)`} |
| Safe to fix automatically | ${rule.safeFix ? 'yes' : 'no'} |

## Why

${rule.rationale.trim()}

## Instead

${list(rule.alternatives.map(alt(rule.phrases)))}

## Principles

${list(rule.principles.map((p) => `**${p}**: ${PRINCIPLES[p] ?? ''}`))}

## Sources

${list(rule.sources)}

${examples(rule)}## Silencing it

- For one line: \`${directiveComment('disable-next-line', [rule.id])}\` on the line before.
- For a stretch: \`${directiveComment('disable', [rule.id])}\` … \`${directiveComment('enable', [rule.id])}\`.
- For a project: \`"rules": {"${rule.id}": "off"}\` in \`.recoverylintrc.json\`, or allow one phrase with \`"allow": ["…"]\`.
`
}

/** The catalogue: every rule of the packs, by category (an organisation's own rules beside the built-in ones). */
export function catalogueIndex(packs: readonly RulePack[], categories: CategoryInfo[] = categoriesOf(packs)): string {
  const total = packs.reduce((n, p) => n + p.rules.length, 0)
  const byCategory = new Map<string, Rule[]>()
  for (const pack of packs) byCategory.set(pack.category, [...(byCategory.get(pack.category) ?? []), ...pack.rules])
  const sections = [...byCategory].map(([id, rules]) => {
    const category = categories.find((c) => c.id === id)
    const rows = rules.map(
      (r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity}${r.contested ? ' (contested)' : ''} | ${r.phrases.slice(0, 4).join(', ')}${r.phrases.length > 4 ? ', …' : ''} | ${label(firstAlternative(r.alternatives))} |`
    )
    return `## ${category?.title ?? id}

<a id="${id}"></a>${category?.description ? category.description + '\n' : ''}${category?.principles.length ? `Serves: ${category.principles.map((p) => `*${p}*`).join(', ')}.\n` : ''}
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
