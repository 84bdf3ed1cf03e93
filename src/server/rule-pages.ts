/**
 * The pages of the editor's reading view: a rule's page and the catalogue, made from
 * the rules the server has (the built-in ones, and an organisation's own from the
 * configurations it has read) by the same generator as docs/rules, and rendered to
 * HTML here. The client shows them read-only; links between pages stay `<id>.md`.
 */
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {catalogueIndex, categoriesOf, CATEGORIES, rulePage, type CategoryId, type Rule, type RulePack} from '../core/index.js'
import {CATALOGUE_PAGE, type RulePageResult} from './protocol.js'

const slug = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** Markdown (ours, so its HTML may pass) as HTML, headings given ids for links to a section (`#why`). */
export function pageHtml(markdown: string): string {
  const html = micromark(markdown.replace(/<!--[\s\S]*?-->\n?/g, ''), {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]})
  return html.replace(/<h([23])>(.*?)<\/h\1>/g, (_, level: string, inner: string) => `<h${level} id="${slug(inner)}">${inner}</h${level}>`)
}

/**
 * A page by name: `catalogue`, or a rule id. `builtin` are the built-in packs;
 * `others` every rule the server's reviewers know (an organisation's own among them).
 */
export function renderPage(name: string, builtin: readonly RulePack[], others: Iterable<Rule>): RulePageResult | null {
  const categories = categoriesOf(builtin)
  const rules = new Map<string, Rule>()
  for (const rule of builtin.flatMap((p) => p.rules)) rules.set(rule.id, rule)
  for (const rule of others) if (!rules.has(rule.id)) rules.set(rule.id, rule)
  if (name === CATALOGUE_PAGE) {
    const byCategory = new Map<CategoryId, Rule[]>()
    // The categories of wording (the review's own notices are no rule a writer looks up).
    const ofWording = (c: string): c is CategoryId => (CATEGORIES as readonly string[]).includes(c)
    for (const rule of rules.values()) if (ofWording(rule.category)) byCategory.set(rule.category, [...(byCategory.get(rule.category) ?? []), rule])
    const packs = [...byCategory].map(([category, list]) => ({category, rules: list, origin: ''}))
    return {title: 'Rule catalogue', html: pageHtml(catalogueIndex(packs, categories))}
  }
  const rule = rules.get(name)
  return rule ? {title: `Rule: ${rule.id}`, html: pageHtml(rulePage(rule, categories, 'view'))} : null
}
