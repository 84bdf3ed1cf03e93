/**
 * The rule pages (docs/rules, generated from the rule data) as HTML for the review
 * page, from the Markdown parser the engine already carries. Everything is escaped;
 * links to other pages become in-page links (`data-page`), other links plain text
 * with their address, so the page never navigates or fetches anything.
 */
import type {Nodes, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const parser = unified().use(remarkParse).use(remarkGfm)

/** `headingOffset` shifts heading levels (a page's `#` title under the panel's own heading). */
export function markdownToHtml(markdown: string, headingOffset = 2): string {
  return render(parser.parse(markdown) as Root, headingOffset)
}

function children(node: {children?: Nodes[]}, offset: number): string {
  return (node.children ?? []).map((c) => render(c, offset)).join('')
}

function render(node: Nodes, offset: number): string {
  switch (node.type) {
    case 'root':
      return children(node, offset)
    case 'heading': {
      const level = Math.min(6, node.depth + offset)
      return `<h${level}>${children(node, offset)}</h${level}>`
    }
    case 'paragraph':
      return `<p>${children(node, offset)}</p>`
    case 'text':
      return esc(node.value)
    case 'strong':
      return `<strong>${children(node, offset)}</strong>`
    case 'emphasis':
      return `<em>${children(node, offset)}</em>`
    case 'delete':
      return `<del>${children(node, offset)}</del>`
    case 'inlineCode':
      return `<code>${esc(node.value)}</code>`
    case 'code':
      return `<pre><code>${esc(node.value)}</code></pre>`
    case 'break':
      return '<br>'
    case 'thematicBreak':
      return '<hr>'
    case 'blockquote':
      return `<blockquote>${children(node, offset)}</blockquote>`
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul'
      return `<${tag}>${children(node, offset)}</${tag}>`
    }
    case 'listItem':
      // Tight list items hold one paragraph: no <p> inside, as a browser renders Markdown lists.
      return `<li>${(node.children ?? []).map((c) => (c.type === 'paragraph' && !node.spread ? children(c, offset) : render(c, offset))).join('')}</li>`
    case 'table': {
      const [head, ...body] = node.children
      const row = (r: (typeof node.children)[number], cell: 'th' | 'td') => `<tr>${r.children.map((c) => `<${cell}>${children(c, offset)}</${cell}>`).join('')}</tr>`
      const heading = head && head.children.some((c) => c.children.length > 0) ? `<thead>${row(head, 'th')}</thead>` : ''
      return `<table>${heading}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`
    }
    case 'link': {
      const page = /^(?:\.\/)?([\w-]+)\.md(?:#([\w-]+))?$/.exec(node.url)
      if (page) return `<a href="#" data-page="${esc(page[1])}"${page[2] ? ` data-anchor="${esc(page[2])}"` : ''}>${children(node, offset)}</a>`
      return `${children(node, offset)} (${esc(node.url)})`
    }
    case 'html': {
      // The catalogue's anchors (<a id="role-model"></a>) stay as targets; comments and other markup go.
      const anchor = /^<a id="([\w-]+)"><\/a>$/.exec(node.value)
      return anchor ? `<span data-anchor-target="${esc(anchor[1])}"></span>` : ''
    }
    default:
      return 'children' in node ? children(node as {children: Nodes[]}, offset) : 'value' in node ? esc(String((node as {value: unknown}).value)) : ''
  }
}
