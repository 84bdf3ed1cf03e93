/**
 * GFM and front matter for remark-parse, reading only: what remark-gfm and
 * remark-frontmatter register for parsing (the same micromark and mdast
 * extensions, so the same trees), without their Markdown writers, which nothing
 * here uses and which would only weigh on every bundle.
 *
 * GFM's parts are registered one by one, in `gfm()`'s order, so a text that
 * cannot hold a part's syntax is parsed without it (`gfmPartsFor`): the same tree,
 * for less work. The autolink literals cost most: micromark tries an e-mail
 * address at the start of every word.
 */
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {frontmatter, type Options as FrontmatterOptions} from 'micromark-extension-frontmatter'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

function extensions(processor: Processor) {
  const data = processor.data()
  return {micromark: (data.micromarkExtensions ??= []), fromMarkdown: (data.fromMarkdownExtensions ??= [])}
}

/**
 * GFM's parts in `gfm()`'s and `gfmFromMarkdown()`'s order (registered one by one,
 * they combine as `gfm()` combines them), each with a test that is true of every
 * text in which the part can make anything: its syntax needs these characters in
 * the source. Autolink literals are also found in text after character references
 * and escapes are decoded (`&#64;`, `www\.`), so `&` and `\` count too.
 */
const GFM_PARTS = [
  {micromark: gfmAutolinkLiteral, mdast: gfmAutolinkLiteralFromMarkdown, mayHold: (text: string) => /[@&\\]|www|http/i.test(text)},
  {micromark: gfmFootnote, mdast: gfmFootnoteFromMarkdown, mayHold: (text: string) => text.includes('^')},
  {micromark: gfmStrikethrough, mdast: gfmStrikethroughFromMarkdown, mayHold: (text: string) => text.includes('~')},
  {micromark: gfmTable, mdast: gfmTableFromMarkdown, mayHold: (text: string) => text.includes('|')},
  {micromark: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown, mayHold: (text: string) => text.includes('[')}
]

/** Every part of GFM. */
export const ALL_GFM_PARTS = (1 << GFM_PARTS.length) - 1

/** The GFM parts (a bit each, in GFM_PARTS' order) that may make something in `text`. */
export function gfmPartsFor(text: string): number {
  let parts = 0
  for (let i = 0; i < GFM_PARTS.length; i++) if (GFM_PARTS[i].mayHold(text)) parts |= 1 << i
  return parts
}

/** GFM's syntax, or the `parts` of it (see gfmPartsFor). */
export function gfmSyntax(this: Processor, parts: number = ALL_GFM_PARTS): void {
  const ext = extensions(this)
  for (let i = 0; i < GFM_PARTS.length; i++) {
    if ((parts & (1 << i)) === 0) continue
    ext.micromark.push(GFM_PARTS[i].micromark())
    ext.fromMarkdown.push(GFM_PARTS[i].mdast())
  }
}

export function frontmatterSyntax(this: Processor, options: FrontmatterOptions): void {
  const ext = extensions(this)
  ext.micromark.push(frontmatter(options))
  ext.fromMarkdown.push(frontmatterFromMarkdown(options))
}
