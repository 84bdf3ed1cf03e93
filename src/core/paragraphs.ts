/** Walking the paragraphs of an nlcst tree, and the quotations within one. */
import type {Paragraph, Root as NlcstRoot} from 'nlcst'
import {quoteSpans} from './context/mention.js'
import {showsTwoSentences, type Setting} from './model/standalone.js'

/** Every paragraph of an nlcst tree, in order, without recursion (a tree can be deep). */
export function forEachParagraph(tree: NlcstRoot, fn: (paragraph: Paragraph) => void) {
  type Node = {type: string; children?: Node[]}
  const stack: Node[] = [tree as Node]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'ParagraphNode') fn(node as unknown as Paragraph)
    else if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
  }
}

export function paragraphQuotes(text: string, paragraph: Paragraph): Array<[number, number]> {
  const s = paragraph.position?.start.offset
  const e = paragraph.position?.end.offset
  if (s === undefined || e === undefined) return []
  return quoteSpans(text.slice(s, e), s)
}

/** A sentence that asks: its last word followed by "?" and any closing marks. */
const QUESTION_END = /\?["'\u2019\u201d)]*$/

/**
 * Whether a paragraph is running prose: two sentences or more, or text that shows two (model/standalone.ts). The parser
 * starts a paragraph at a line break after a sentence, so the lines either side in the same block are read with it. A
 * question and its one answer (an FAQ's entry) are not prose; standalone.ts reads raw lines the same way for the prefilter.
 */
export function isProse(text: string, paragraph: Paragraph): boolean {
  let sentences = 0
  let asks = false
  for (const c of paragraph.children) {
    if (c.type !== 'SentenceNode') continue
    if (++sentences > 2 || (sentences === 2 && !asks)) return true
    asks = QUESTION_END.test(text.slice(c.position?.start.offset ?? 0, c.position?.end.offset ?? 0))
  }
  const s = paragraph.position?.start.offset
  const e = paragraph.position?.end.offset
  if (s === undefined || e === undefined) return false
  // Whole lines, as the prefilter reads them (a table row's other cells, a list marker), and the line either side
  // where it continues the same paragraph (not blank, not a new list item, row, heading or quote).
  const lineStart = text.lastIndexOf('\n', s - 1) + 1
  const before = text.lastIndexOf('\n', lineStart - 2) + 1
  const lineEnd = endOfLine(text, e)
  const after = endOfLine(text, lineEnd + 1)
  const continues = (line: string) => line.trim() !== '' && !startsBlock(line)
  const from = lineStart > 0 && continues(text.slice(lineStart, endOfLine(text, lineStart))) && continues(text.slice(before, lineStart)) ? before : lineStart
  const to = lineEnd < text.length && continues(text.slice(lineEnd + 1, after)) ? after : lineEnd
  return showsTwoSentences(text.slice(from, to))
}

/** Where a paragraph stands, for the second opinion: running prose, a list item or a table's row, or a line alone. */
export function settingOf(text: string, paragraph: Paragraph): Setting {
  if (isProse(text, paragraph)) return 'prose'
  const s = paragraph.position?.start.offset
  if (s === undefined) return 'line'
  const lineStart = text.lastIndexOf('\n', s - 1) + 1
  const line = text.slice(lineStart, endOfLine(text, lineStart))
  return LIST_ITEM.test(line) ? 'item' : ROW.test(line) && inTable(text, lineStart) ? 'row' : 'line'
}

// A policy's numbered clause ("5.1 The clinician…") is an item of its list, though Markdown reads a paragraph.
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\d{1,3}(?:\.\d{1,3})+\.?)[ \t]/
const ROW = /^[ \t]*\|/
/** A table's delimiter row ("| --- | :--: |"): without one, lines starting with "|" are a paragraph. */
const DELIMITER = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?\r?$/

/** Whether the row starting at `lineStart` belongs to a table: a delimiter row among the rows around it. */
function inTable(text: string, lineStart: number): boolean {
  const next = endOfLine(text, lineStart) + 1
  if (next < text.length && DELIMITER.test(text.slice(next, endOfLine(text, next)))) return true
  for (let at = lineStart, n = 0; at > 0 && n < 200; n++) {
    const start = text.lastIndexOf('\n', at - 2) + 1
    const line = text.slice(start, at - 1)
    if (DELIMITER.test(line)) return true
    if (!ROW.test(line)) return false
    at = start
  }
  return false
}

/** A line that starts a block of its own: a list item, a table row, a heading, a quotation. */
const startsBlock = (line: string) => LIST_ITEM.test(line) || ROW.test(line) || HEADING_OR_QUOTE.test(line)
const HEADING_OR_QUOTE = /^[ \t]*(?:#{1,6}[ \t]|>)/

function endOfLine(text: string, at: number): number {
  const end = text.indexOf('\n', at)
  return end < 0 ? text.length : end
}
