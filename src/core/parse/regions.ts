/**
 * Regions: a Markdown document cut, by a line scan and without parsing, at
 * points where a new top-level block certainly starts and nothing before it
 * changes how the rest parses. Each region can then be parsed on its own (or
 * skipped, or read as a plain paragraph) and the findings are exactly those of
 * a whole-document parse.
 *
 * A cut point is a line that starts with a letter or `#` in column 0 right
 * after a blank line, or a bullet list item in column 0, outside front matter,
 * a fenced code block and an HTML comment block: after a blank line an
 * unindented letter can only open a new paragraph or heading (list items,
 * quotes, tables, indented code and footnotes all end there), and a bullet item
 * closes every open container. Cutting a list between two items changes
 * nothing the rules see: items are separate paragraphs of prose either way. The scan gives up (returns undefined) wherever it
 * could not be sure: link or footnote definitions (document-wide), HTML blocks
 * other than comments, a fence indented by one to three spaces (it may belong
 * to a list item), a lone CR, front matter without a closing fence.
 *
 * Pure: no editor API, no node API.
 */

export interface Region {
  start: number
  end: number
  /**
   * The region is one paragraph of plain text (then blank lines): no markup,
   * no leading or trailing spaces on its lines, so its mdast is a paragraph
   * with one text node equal to the source.
   */
  plain: boolean
}

/** A text in which a definition might occur: definitions change how text elsewhere parses. */
const MAY_DEFINE = /\]:/
/** An HTML block start other than a comment (types 1, 3–7), or an autolink, at a line start. */
const HTML_START = /^ {0,3}<(?!!--)[A-Za-z/?!]/
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/
const BLANK = /^[ \t]*$/
/** Characters and sequences that make a line more than plain text for micromark and GFM (which writes a NUL as U+FFFD). */
const MARKUP = /[\\`*_[\]<>&!~|@\0]|www\.|(?:https?|mailto|xmpp):/i
/** A line start that can interrupt a paragraph, underline it, or is not plain text. */
const NOT_CONTINUATION = /^(?:[ \t]|[#>+\-*=_`~<|]|\d{1,9}[.)])/
/** After a blank line, a letter (any script) or `#` in column 0 opens a cut point. */
const CUT_START = /^[\p{L}#]/u
/**
 * So does a bullet list item in column 0, after any line: it closes every open
 * container and interrupts a paragraph. It must have text (an empty item after a
 * paragraph line would underline it as a heading) and no pipe (`- | -` may be a
 * table's delimiter row). Ordered items are left out: one not starting at 1 can
 * be a paragraph's continuation.
 */
const BULLET_START = /^[-*+][ \t]+[^\s|][^|]*$/

export function markdownRegions(original: string): Region[] | undefined {
  // As in parseMarkdown: a byte-order mark reads as a space, offsets unchanged.
  const text = original.charCodeAt(0) === 0xfeff ? ' ' + original.slice(1) : original
  if (MAY_DEFINE.test(text)) return undefined
  if (/\r(?!\n)/.test(text)) return undefined
  const regions: Region[] = []
  let regionStart = 0
  let pos = 0
  let fence: {char: string; length: number} | undefined
  let comment = false
  let previousBlank = false

  // Front matter: no cut before its closing fence, which must be exact.
  if (text.startsWith('---') || text.startsWith('+++')) {
    const marker = text.slice(0, 3)
    const first = lineAt(text, 0)
    if (first.content !== marker) return undefined
    let p = first.next
    for (;;) {
      if (p >= text.length) return undefined
      const line = lineAt(text, p)
      p = line.next
      // The first line that starts like a fence must be exactly one: micromark's reading of "--- " is not ours to guess.
      if (line.content.startsWith(marker)) {
        if (line.content !== marker) return undefined
        break
      }
    }
    pos = p
  }

  while (pos < text.length) {
    const line = lineAt(text, pos)
    const content = line.content
    if (fence) {
      const m = FENCE.exec(content)
      if (m && m[2][0] === fence.char && m[2].length >= fence.length && BLANK.test(m[3])) fence = undefined
      previousBlank = false
    } else if (comment) {
      if (content.includes('-->')) comment = false
      previousBlank = false
    } else {
      if (((previousBlank && CUT_START.test(content)) || BULLET_START.test(content)) && pos > regionStart) {
        regions.push({start: regionStart, end: pos, plain: false})
        regionStart = pos
      }
      const m = FENCE.exec(content)
      if (m) {
        // An indented fence may sit in a list item, which a later line can close.
        if (m[1].length > 0) return undefined
        if (m[2][0] === '`' && m[3].includes('`')) {
          // Not a fence: inline code in a paragraph.
        } else {
          fence = {char: m[2][0], length: m[2].length}
        }
      } else if (HTML_START.test(content)) {
        return undefined
      } else if (/^ {0,3}<!--/.test(content) && !content.slice(content.indexOf('<!--') + 4).includes('-->')) {
        // An HTML comment block runs to the first line holding -->; an indented one may sit in a
        // list item; whether `<!-->` or `<!--->` closes itself is left to the parser.
        if (content[0] === ' ' || content.slice(2).includes('-->')) return undefined
        comment = true
      }
      previousBlank = BLANK.test(content)
    }
    pos = line.next
  }
  if (regionStart < text.length || regions.length === 0) regions.push({start: regionStart, end: text.length, plain: false})
  for (const region of regions) region.plain = isPlainParagraph(text, region)
  return regions
}

/** One line: its content without the line ending, and where the next line starts. */
function lineAt(text: string, pos: number): {content: string; next: number} {
  const nl = text.indexOf('\n', pos)
  const end = nl === -1 ? text.length : nl
  const contentEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end
  return {content: text.slice(pos, contentEnd), next: nl === -1 ? text.length : nl + 1}
}

/**
 * Whether a region is a single plain paragraph: it starts with a letter, its
 * lines have no markup and no surrounding spaces, and no line could start
 * another block; only blank lines follow it.
 */
function isPlainParagraph(text: string, region: Region): boolean {
  if (!/^\p{L}/u.test(text.slice(region.start, region.start + 2))) return false
  const body = paragraphEnd(text, region)
  const source = text.slice(region.start, body)
  if (MARKUP.test(source)) return false
  if (!/^[ \t\r\n]*$/.test(text.slice(body, region.end))) return false
  // micromark keeps a CRLF inside a paragraph's text as written, so CRLF is plain too.
  const lines = source.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.length === 0 || /[ \t]$/.test(line)) return false
    if (i > 0 && NOT_CONTINUATION.test(line)) return false
  }
  return true
}

/** Where the first paragraph of a region ends: before the line ending of its last non-blank line. */
export function paragraphEnd(text: string, region: Region): number {
  let pos = region.start
  let end = region.start
  while (pos < region.end) {
    const line = lineAt(text, pos)
    if (BLANK.test(line.content)) break
    end = pos + line.content.length
    pos = line.next
  }
  return end
}
