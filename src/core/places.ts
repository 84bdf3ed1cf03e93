/**
 * Where a finding sits: its sentence's source range, and whether a "disable for
 * this line" directive can go on a line of its own above it.
 */
import type {Token} from './match/tokens.js'
import type {Block, Prose} from './parse/markdown.js'
import type {Finding} from './types.js'
import {keepShape} from './shapes.js'

/** Top-level blocks in which a comment line of its own would end or split the block. */
const CONTAINERS = new Set(['list', 'blockquote', 'table', 'footnoteDefinition'])

/**
 * A sentence's source range: from its first word to its last, with the opening
 * quotes or brackets before and the closing punctuation after. Words, not the
 * sentence node's own edges: a slice and a whole-document parse can bridge the
 * white space and stray symbols around a paragraph differently.
 */
export function sentenceRange(text: string, tokens: Token[]): Finding['sentence'] {
  let start = tokens[0].start
  while (start > 0 && OPENING.test(text[start - 1])) start--
  let end = tokens[tokens.length - 1].end
  while (end < text.length && CLOSING.test(text[end])) end++
  return {start, end}
}
const OPENING = /["'\u2018\u201c(\[]/
const CLOSING = /[.!?\u2026"'\u2019\u201d)\]]/

/** The top-level block holding an offset (Markdown), to say where a line directive can go. */
export class BlockFinder {
  private readonly blocks: Block[]
  constructor(private readonly prose: Prose) {
    this.blocks = prose.blocks ?? []
  }

  lineDirective(offset: number, line: number): Finding['lineDirective'] {
    const blocks = this.blocks
    let lo = 0
    let hi = blocks.length - 1
    if (hi < 0) return 'above'
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (blocks[mid].start <= offset) lo = mid
      else hi = mid - 1
    }
    const block = blocks[lo]
    if (block.start > offset) return 'above'
    return CONTAINERS.has(block.type) || line > this.prose.lines.point(block.start).line ? 'inline' : 'above'
  }
}
keepShape(new BlockFinder({blocks: []} as unknown as Prose))
