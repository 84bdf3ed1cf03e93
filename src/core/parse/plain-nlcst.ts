/**
 * Plain paragraphs straight to nlcst. A plain paragraph's mdast is one text node
 * equal to its source (see regions.ts), so what mdast-util-to-nlcst makes of it is
 * known in advance: retext-english's tokens of the text, placed at their source
 * offsets, paragraphs joined by a line-break node, then the parser's sentence,
 * paragraph and root plugins over the whole run. This builds the same tree without
 * the mdast, the bridge's generic walk or the tokenizer's own positions (which the
 * bridge throws away): the tokens are read with the parser's character classes and
 * placed once. The plugins are the parser's own, run in the bridge's order.
 *
 * Pure: no editor API, no node API.
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Point as UnistPoint} from 'unist'
import {LineIndex, type Point} from '../positions.js'
import {keepShape} from '../shapes.js'

const parser = new ParseEnglish()

// The bridge's own splitting expressions (mdast-util-to-nlcst, ported from parse-latin).
const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const TERMINAL_MARKER = /^([!.?\u2026\u203D]+)$/

const WHITE_SPACE = 1
const PUNCTUATION = 2
const WORD = 3
const SYMBOL = 4
const TYPES = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const

/** Each UTF-16 unit's class as the parser's tokenizer gives it (0: not asked yet). */
const classes = new Uint8Array(0x10000)

function classOf(code: number): number {
  let c = classes[code]
  if (c === 0) {
    // The parser's tokenizer classes one character at a time: asking it about the character alone is exact.
    const type = parser.tokenize(String.fromCharCode(code))[0]?.type
    c = classes[code] = type === 'WhiteSpaceNode' ? WHITE_SPACE : type === 'PunctuationNode' ? PUNCTUATION : type === 'WordNode' ? WORD : SYMBOL
  }
  return c
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff

/**
 * The nlcst root of `text` whose paragraphs are the plain spans [start, end) (in order,
 * separated by blank lines), exactly as remark-retext with retext-english's parser makes
 * it from their mdast.
 */
export function plainToNlcst(text: string, spans: ReadonlyArray<readonly [number, number]>, lines: LineIndex): Root {
  const points = new Points(text, lines)
  const place = (node: {position?: unknown}, start: number, end: number) => {
    const s = points.at(start)
    const e = points.at(end)
    node.position = s && e ? {start: s, end: e} : undefined
  }
  const nodes: SentenceContent[] = []
  let previousEnd = -1
  for (const [start, end] of spans) {
    if (previousEnd >= 0) {
      // The bridge's break between blocks: as many line breaks as lines between them, placed there, at least two.
      const breaks = lines.point(start).line - lines.point(previousEnd).line
      if (breaks !== 0) {
        const lineEnding = {type: 'WhiteSpaceNode', value: '\n'.repeat(breaks)} as SentenceContent
        place(lineEnding, previousEnd, previousEnd + breaks)
        if (breaks < 2) (lineEnding as {value: string}).value = '\n\n'
        nodes.push(lineEnding)
      }
    }
    tokenize(text, start, end, nodes, place)
    previousEnd = end
  }
  return sentenceContentToRoot(nodes)
}

/**
 * Points of offsets as vfile-location gives them (undefined past the end), for offsets
 * asked mostly in order: the line is followed from the one before, not searched for.
 */
class Points {
  private line = 0
  private lineStart = 0
  private nextStart: number

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex
  ) {
    this.nextStart = lines.lineStart(2)
  }

  /** The point made last: a token's end is the next token's start, and nothing changes a point once made. */
  private last: Point | undefined

  at(offset: number): Point | undefined {
    if (offset < 0 || offset > this.text.length) return undefined
    if (this.last !== undefined && this.last.offset === offset) return this.last
    if (offset < this.lineStart) {
      this.line = this.lines.lineOf(offset)
      this.lineStart = this.lines.lineStart(this.line + 1)
      this.nextStart = this.lines.lineStart(this.line + 2)
    }
    while (offset >= this.nextStart && this.line + 1 < this.lines.lineCount) {
      this.line++
      this.lineStart = this.nextStart
      this.nextStart = this.lines.lineStart(this.line + 2)
    }
    return (this.last = {line: this.line + 1, column: offset - this.lineStart + 1, offset})
  }
}
keepShape(new Points('', new LineIndex('')))

/** retext-english's tokens of text[from, to), placed in `text` (parse-latin's tokenize, then the bridge's patch). */
function tokenize(text: string, from: number, to: number, out: SentenceContent[], place: (node: {position?: unknown}, start: number, end: number) => void) {
  let start = from
  let previousType = 0
  let previous = -1
  for (let index = from; index < to; index++) {
    const current = text.charCodeAt(index)
    const type = classOf(current)
    if (start < index && !(previousType === type && (type === WORD || type === WHITE_SPACE || current === previous || isSurrogate(current)))) {
      out.push(token(text, previousType, start, index, place))
      start = index
    }
    previousType = type
    previous = current
  }
  if (start < to) out.push(token(text, previousType, start, to, place))
}

function token(text: string, type: number, start: number, end: number, place: (node: {position?: unknown}, start: number, end: number) => void): SentenceContent {
  const value = text.slice(start, end)
  if (type === WORD) {
    const child = {type: 'TextNode', value, position: undefined as {start: Point; end: Point} | undefined}
    place(child, start, end)
    // The word's own position object, with the same (never changed) points as its text's.
    const word = {type: 'WordNode', children: [child], position: child.position && {start: child.position.start, end: child.position.end}}
    return word as SentenceContent
  }
  const node = {type: TYPES[type], value, position: undefined}
  place(node, start, end)
  return node as SentenceContent
}

const copy = (p: UnistPoint): UnistPoint => ({line: p.line, column: p.column, offset: p.offset})

/** mdast-util-to-nlcst's sentenceContentToRoot: one sentence of everything, split into paragraphs, then into blocks. */
function sentenceContentToRoot(nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const first = nodes[0].position?.start
  const last = nodes[nodes.length - 1].position?.end
  const start = first && copy(first)
  const end = last && copy(last)
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start && end) sentence.position = {start, end}
  for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', TERMINAL_MARKER)}
  if (start && end) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph)
  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', NEW_LINE)}
  if (start && end) root.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeRootPlugins) plugin(root)
  return root
}

/** Split a parent's children after each child of `childType` whose text matches `expression` (and after the last). */
function splitNode<T extends Sentence | Paragraph>(node: T, childType: string, expression: RegExp): T[] {
  const result: T[] = []
  const children = node.children as RootContent[]
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const token = children[index]
    if (index === children.length - 1 || (token.type === childType && expression.test((token as {value: string}).value))) {
      const parent = {type: node.type, children: children.slice(start, index + 1)} as T
      const first = children[start]
      if (first.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}
