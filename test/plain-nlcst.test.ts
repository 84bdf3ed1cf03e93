/**
 * Plain paragraphs go straight to nlcst (parse/plain-nlcst.ts): the tree must be
 * exactly the one remark-retext with retext-english's parser makes from their
 * mdast (one text node a paragraph), positions and all, on real documents and on
 * generated paragraphs with the characters the tokenizer treats specially.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import type {Root, RootContent} from 'mdast'
import {ParseEnglish} from 'parse-english'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {markdownRegions, paragraphEnd} from '../src/core/parse/regions.js'
import {plainToNlcst} from '../src/core/parse/plain-nlcst.js'
import {LineIndex} from '../src/core/positions.js'
import {prng} from './support/prng.mjs'

const bridge = unified().use(remarkRetext, ParseEnglish)

/** The reference: the paragraphs as mdast, through the bridge. */
function throughBridge(text: string, spans: Array<[number, number]>): unknown {
  const lines = new LineIndex(text)
  const children = spans.map(([start, end]): RootContent => {
    const position = {start: lines.point(start), end: lines.point(end)}
    return {type: 'paragraph', children: [{type: 'text', value: text.slice(start, end), position}], position}
  })
  const root: Root = {type: 'root', children, position: {start: lines.point(0), end: lines.point(text.length)}}
  return bridge.runSync(root as never, new VFile(text))
}

function same(text: string, spans: Array<[number, number]>, what: string) {
  const direct = plainToNlcst(text, spans, new LineIndex(text))
  assert.deepEqual(direct, throughBridge(text, spans), what)
  // Key order too (nothing should depend on it, but the trees are meant to be the same).
  assert.equal(JSON.stringify(direct), JSON.stringify(throughBridge(text, spans)), what)
}

test('plain paragraphs of real documents make the bridge’s tree', () => {
  const files = [new URL('../samples/peer-support-policy.md', import.meta.url)]
  for (const dir of ['corpus/docs/tune/', 'corpus/docs/tune-b/', '../bench/paragraphs/']) {
    const root = new URL(dir, import.meta.url)
    for (const f of readdirSync(root).filter((f) => f.endsWith('.md'))) files.push(new URL(f, root))
  }
  let runs = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const regions = markdownRegions(text) ?? []
    for (let i = 0; i < regions.length; i++) {
      let j = i
      while (j < regions.length && regions[j].plain) j++
      if (j === i) continue
      const start = regions[i].start
      const spans = regions.slice(i, j).map((r): [number, number] => [r.start - start, paragraphEnd(text, r) - start])
      same(text.slice(start, regions[j - 1].end), spans, `${file.pathname}: ${text.slice(start, start + 60)}`)
      runs++
      i = j - 1
    }
  }
  assert.ok(runs > 100, `only ${runs} runs of plain paragraphs`)
})

test('generated plain paragraphs with abbreviations, symbols, surrogates and CRLF make the bridge’s tree', () => {
  const rand = prng(11)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
  const words = 'peer support worker the person recovery plan team staff goals choose decide care coordinator patient client'.split(' ')
  const extras = ['e.g.', 'Dr.', 'Mr. Smith', '!!!', '...', '…', '?!', '😀', '👩‍⚕️', '\u00a0', '\t', '—', '–', '‘quoted’', '“q”', 'U.S.A.', '3.5', '10,000', '(a)', 'co-op', "don't", 'it’s', 'and/or', '%', '¿Qué?', 'naïve', 'İstanbul', '\u200b', '\ud800', 'a.m.', 'No. 5', 'etc.', 'i.e.', 'well-being.', '5th', '#1', '$10', 'x:y', '.']
  for (let k = 0; k < 400; k++) {
    const eol = rand() < 0.25 ? '\r\n' : '\n'
    const separator = rand() < 0.25 ? eol + eol + eol : eol + eol
    let text = ''
    const spans: Array<[number, number]> = []
    const count = 1 + Math.floor(rand() * 3)
    for (let p = 0; p < count; p++) {
      const tokens: string[] = [pick(['The', 'Our', 'A', 'Each'])]
      const length = 3 + Math.floor(rand() * 30)
      for (let w = 0; w < length; w++) {
        tokens.push(rand() < 0.3 ? pick(extras) : pick(words))
        if (rand() < 0.1) tokens.push(pick(['.', '?', '!']) + (rand() < 0.5 ? ' ' + pick(['Then', 'and', '3', 'it']) : ''))
      }
      let body = ''
      for (const t of tokens) body += (body ? (rand() < 0.08 ? eol : ' ') : '') + t
      body = body.replace(/^\s+|\s+$/g, '') || 'x'
      if (text) text += separator
      spans.push([text.length, text.length + body.length])
      text += body
    }
    text += eol
    same(text, spans, JSON.stringify(text))
  }
})
