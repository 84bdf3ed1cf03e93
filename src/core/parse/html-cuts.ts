/**
 * Cut points for reading a long HTML document in pieces (whole.ts), found by a
 * light scan of its tags: before a block-level start tag, outside comments, raw
 * text and the elements whose meaning reaches their whole content (code, pre,
 * quotes, tables and the rest parse/html.ts treats specially). Where a window has
 * no such point, the cut falls before any tag and the still open special
 * elements' start tags are parsed in front of the next piece. And the text with
 * its tags blanked, for HTML nested deeper than a tree can be walked. Linear.
 *
 * Pure: no editor API, no node API.
 */

/** Elements whose content parse/html.ts reads in context: a cut inside one would change it. */
const SPECIAL = new Set(['script', 'style', 'template', 'svg', 'math', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'noscript', 'del', 'iframe', 'object', 'blockquote', 'table', 'q', 'title', 'head'])
/** Elements whose content is raw text (no tags inside). */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript'])
/** Start tags a piece may begin with. */
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'hr', 'br', 'details', 'address', 'form', 'fieldset'])
/** More special elements open than this at a forced cut: none are carried over (the notice covers it). */
const MAX_CARRIED = 64

export interface HtmlCut {
  /** Where the piece starts. */
  at: number
  /** Start tags of special elements still open there, parsed in front of the piece. */
  prefix: string
  /** The cut cannot change the reading. */
  clean: boolean
}

/** Cut points (the first at 0) for pieces of about `pieceChars`. */
export function htmlCuts(text: string, pieceChars: number): HtmlCut[] {
  const cuts: HtmlCut[] = [{at: 0, prefix: '', clean: true}]
  const open: Array<{name: string; tag: string}> = []
  let safe = -1
  let pos = 0
  const piece = () => cuts[cuts.length - 1].at
  while (pos < text.length) {
    const lt = text.indexOf('<', pos)
    if (lt === -1) break
    if (lt - piece() >= pieceChars) {
      if (safe > piece() + pieceChars / 4) cuts.push({at: safe, prefix: '', clean: true})
      else if (lt - piece() >= 2 * pieceChars) {
        cuts.push({at: lt, prefix: open.length <= MAX_CARRIED ? open.map((o) => o.tag).join('') : '', clean: false})
      }
    }
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4)
      if (close === -1) break // the rest is one comment: no more cuts
      pos = close + 3
      continue
    }
    const closing = text[lt + 1] === '/'
    const nameStart = lt + (closing ? 2 : 1)
    let nameEnd = nameStart
    while (nameEnd < text.length && /[A-Za-z0-9-]/.test(text[nameEnd])) nameEnd++
    if (nameEnd === nameStart || !/[A-Za-z]/.test(text[nameStart])) {
      pos = lt + 1
      continue
    }
    const name = text.slice(nameStart, nameEnd).toLowerCase()
    const end = tagEnd(text, nameEnd)
    if (end === -1) break
    pos = end + 1
    if (closing) {
      if (SPECIAL.has(name)) {
        let k = open.length - 1
        while (k >= 0 && open[k].name !== name) k--
        if (k !== -1) open.length = k
      }
      continue
    }
    if (BLOCK.has(name) && open.length === 0) safe = lt
    if (text[end - 1] === '/') continue
    if (SPECIAL.has(name)) open.push({name, tag: text.slice(lt, end + 1)})
    if (RAW.has(name)) {
      const re = new RegExp(`</${name}[\\s/>]`, 'gi')
      re.lastIndex = pos
      const m = re.exec(text)
      if (!m) break
      pos = m.index
    }
  }
  return cuts
}

/** The `>` closing a tag whose name ends at `from`, outside quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote = ''
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i
  }
  return -1
}

/** Tags and comments replaced by spaces (line breaks kept), in one pass. */
export function blankTags(text: string): string {
  const out: string[] = []
  let last = 0
  let pos = 0
  while (pos < text.length) {
    const lt = text.indexOf('<', pos)
    if (lt === -1) break
    let end: number
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4)
      end = close === -1 ? text.length : close + 3
    } else if (/[A-Za-z/!?]/.test(text[lt + 1] ?? '')) {
      const close = tagEnd(text, lt + 1)
      end = close === -1 ? text.length : close + 1
    } else {
      pos = lt + 1
      continue
    }
    out.push(text.slice(last, lt), text.slice(lt, end).replace(/[^\r\n]/g, ' '))
    last = pos = end
  }
  out.push(text.slice(last))
  return out.join('')
}
