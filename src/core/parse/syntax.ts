/**
 * GFM and front matter for remark-parse, reading only: what remark-gfm and
 * remark-frontmatter register for parsing (the same micromark and mdast
 * extensions, so the same trees), without their Markdown writers, which nothing
 * here uses and which would only weigh on every bundle.
 */
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {frontmatter, type Options as FrontmatterOptions} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import type {Processor} from 'unified'

function extensions(processor: Processor) {
  const data = processor.data()
  return {micromark: (data.micromarkExtensions ??= []), fromMarkdown: (data.fromMarkdownExtensions ??= [])}
}

export function gfmSyntax(this: Processor): void {
  const ext = extensions(this)
  ext.micromark.push(gfm())
  ext.fromMarkdown.push(gfmFromMarkdown())
}

export function frontmatterSyntax(this: Processor, options: FrontmatterOptions): void {
  const ext = extensions(this)
  ext.micromark.push(frontmatter(options))
  ext.fromMarkdown.push(frontmatterFromMarkdown(options))
}
