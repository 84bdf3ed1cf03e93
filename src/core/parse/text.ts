/** Plain text → prose: retext-english, with directives found anywhere in the text. */
import type {Root as NlcstRoot} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {parseDirectiveComments} from '../directives.js'
import {LineIndex} from '../positions.js'
import type {Prose} from './markdown.js'

const english = unified().use(retextEnglish)

export function parseText(original: string): Prose {
  const text = original.charCodeAt(0) === 0xfeff ? ' ' + original.slice(1) : original
  const lines = new LineIndex(text)
  const tree = english.parse(text) as NlcstRoot
  return {tree, lines, mentions: [], directives: parseDirectiveComments(text, 0, lines)}
}
