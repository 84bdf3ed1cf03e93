// The rule pages as HTML, for the extension's reading view (a webview): rendered once at build time from
// the generated Markdown (docs/rules), so the shipped extension carries no Markdown renderer.
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'

const slug = (text) =>
  text
    .replace(/<[^>]+>/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** One page: the generator's comment dropped, headings given ids (`#why`, `#instead`) for links to a section. */
export function pageHtml(markdown) {
  const html = micromark(markdown.replace(/<!--[\s\S]*?-->\n?/g, ''), {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]})
  return html.replace(/<h([23])>(.*?)<\/h\1>/g, (_, level, inner) => `<h${level} id="${slug(inner)}">${inner}</h${level}>`)
}
