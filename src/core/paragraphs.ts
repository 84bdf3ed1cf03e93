/** Walking the paragraphs of an nlcst tree, and the quotations within one. */
import type {Paragraph, Root as NlcstRoot} from 'nlcst'
import {quoteSpans} from './context/mention.js'

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
