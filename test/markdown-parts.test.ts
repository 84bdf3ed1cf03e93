/**
 * Markdown is parsed without the GFM parts a text cannot hold (parse/syntax.ts),
 * and headings and plain tables without micromark (parse/simple-markdown.ts):
 * the tree must be exactly remark-gfm's, positions and all, on real documents
 * and on generated Markdown full of near-misses (addresses after character
 * references and escapes, pipes, tildes, carets, brackets).
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {markdownRegions} from '../src/core/parse/regions.js'
import {ALL_GFM_PARTS, gfmPartsFor, gfmSyntax} from '../src/core/parse/syntax.js'
import {simpleMarkdown} from '../src/core/parse/simple-markdown.js'
import {LineIndex} from '../src/core/positions.js'
import {prng} from './support/prng.mjs'

const reference = unified().use(remarkParse).use(remarkGfm)
const parsers = new Map<number, ReturnType<typeof parserOf>>()
const parserOf = (parts: number) => unified().use(remarkParse).use(gfmSyntax, parts)
const parser = (parts: number) => parsers.get(parts) ?? parsers.set(parts, parserOf(parts)).get(parts)!

function same(text: string) {
  const expected = reference.runSync(reference.parse(text))
  const lean = parser(gfmPartsFor(text))
  assert.deepEqual(lean.runSync(lean.parse(text)), expected, JSON.stringify(text.slice(0, 200)))
}

test('GFM parts left out only where they cannot make anything', () => {
  assert.equal(gfmPartsFor('| a | b |'), 0b1000)
  assert.equal(gfmPartsFor('Plain words only.'), 0)
  assert.equal(gfmPartsFor('a&#64;b.org'), 0b0001)
  assert.equal(gfmPartsFor('www\\.example.com'), 0b0001)
  assert.equal(gfmPartsFor('~~a~~ [^1] - [ ] x | @'), ALL_GFM_PARTS)
  // Every part registered gives remark-gfm's tree too.
  const all = parser(ALL_GFM_PARTS)
  const text = 'a | b\n--|--\nwww.x.org ~~c~~[^1]\n\n- [x] done\n\n[^1]: note'
  assert.deepEqual(all.runSync(all.parse(text)), reference.runSync(reference.parse(text)))
})

test('real documents and their regions parse as with all of GFM', () => {
  const files = [new URL('../samples/peer-support-policy.md', import.meta.url), new URL('../README.md', import.meta.url)]
  for (const dir of ['corpus/docs/tune/', '../bench/paragraphs/', '../docs/']) {
    const root = new URL(dir, import.meta.url)
    for (const f of readdirSync(root).filter((f) => f.endsWith('.md'))) files.push(new URL(f, root))
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    same(text)
    for (const r of markdownRegions(text) ?? []) same(text.slice(r.start, r.end))
  }
})

test('generated Markdown parses as with all of GFM', () => {
  const rand = prng(3)
  const bits = ['foo@bar.com', 'a&#64;b.org', '&commat;', 'www.example.com', 'WWW.Example.com', 'www\\.x.com', 'http://x.org/a', 'HTTPS://X.ORG', 'h&#116;tp://x', 'mailto:a@b.co', 'xmpp:a@b.co/c', '~~gone~~', '~one~', '[^1]', '[^note]: text', '- [ ] task', '- [x] done', '| a | b |\n| - | - |\n| c | d |', 'a | b\n--|--\nc | d', '&amp;', '&#x40;', '\\@', '**bold**', '_em_', '`code`', '[link](http://a.b)', '<http://a.b>', '<a@b.c>', 'peer', 'support', 'worker', '.', ',', 'www', 'http', '@', '^', '~', '|', '[', ']', '\\', '&', '\n', '\n\n', '> ', '# ', '1. ', '* ', '-\n']
  for (let k = 0; k < 3000; k++) {
    let text = ''
    const count = 1 + Math.floor(rand() * 12)
    for (let i = 0; i < count; i++) text += bits[Math.floor(rand() * bits.length)] + (rand() < 0.7 ? ' ' : '')
    same(text)
  }
})

test('headings and plain tables read without micromark make remark-gfm’s tree', () => {
  const rand = prng(9)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
  const plain = ['Peer', 'support worker', 'One-to-one sessions, groups', '37.5 a week', 'Team, board (anonymised)', 'Listening; not judging', 'x', '-', '--', ':', '1.', '+', '=', 'naïve', 'é', '😀', 'Support  people', '.', '"quoted"', "it's"]
  const nearMisses = ['', '> no', 'a | b', 'a\\|b', '**b**', 'http://a.b', 'a@b.co', '&amp;', '#', '\u00a0', '\u00a0x', '  two  spaces ', '`c`', '~', '_x_', '[x]', 'a\tb']
  const cell = () => (rand() < 0.97 ? pick(plain) : pick(nearMisses))
  const row = (n: number) => '|' + Array.from({length: n}, () => pick([' ', ' ', '', '  ']) + cell() + pick([' ', ' ', '', '  '])).join('|') + '|' + (rand() < 0.02 ? ' ' : '')
  const delimiter = (n: number) => (rand() < 0.5 ? '|' : '') + Array.from({length: n}, () => pick([' ', '']) + pick([':', '']) + '-'.repeat(1 + Math.floor(rand() * 4)) + pick([':', '']) + pick([' ', ''])).join('|') + (rand() < 0.9 ? '|' : '')
  const heading = () => '#'.repeat(1 + Math.floor(rand() * (rand() < 0.03 ? 7 : 6))) + pick([' ', ' ', ' ', ' ', ' ', '  ', '']) + pick(['Who does what', 'Training calendar', 'Summary of measures', 'x', 'Who  does what', 'Notes #1', 'A *b*', 'Closing #']) + pick(['', '', '', '', '', ' '])
  const lines = (text: string) => new LineIndex(text)
  let simple = 0
  for (let k = 0; k < 3000; k++) {
    const blocks: string[] = []
    const count = 1 + Math.floor(rand() * 3)
    for (let b = 0; b < count; b++) {
      if (rand() < 0.4) blocks.push(heading())
      else {
        const n = 1 + Math.floor(rand() * 4)
        const body = Math.floor(rand() * 4)
        const rows = [row(n), delimiter(rand() < 0.03 ? n + 1 : n)]
        for (let r = 0; r < body; r++) rows.push(row(rand() < 0.03 ? n + 1 : n))
        if (rand() < 0.03) rows.push(pick(['text after', '', '- item']))
        blocks.push(rows.join('\n'))
      }
    }
    const text = blocks.join(pick(['\n\n', '\n\n', '\n\n', '\n', '\n\n\n'])) + pick(['\n', '', '\n\n'])
    const tree = simpleMarkdown(text, lines(text))
    if (tree === undefined) continue
    simple++
    assert.deepEqual(tree, reference.runSync(reference.parse(text)), JSON.stringify(text))
  }
  assert.ok(simple > 300, `only ${simple} texts were simple`)
})

test('paragraphs, fenced code, lists and quotes read without micromark make remark-gfm’s tree', () => {
  const rand = prng(11)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
  const words = ['Peer support', 'We meet on Tuesdays', 'naïve é 😀', "it's", '"quoted"', '(aside)', 'x', 'Éire', '37.5 a week', 'One, two; three: four']
  const nearMisses = ['', ' ', '  ', '\t', '- ', '-', '* x', '+ x', '1. x', '2) x', '> x', '# x', '=', '===', '---', '```', '~~~', '    code', '| a |', 'a | b', '*em*', '_x_', '`c`', '[x]', '[ ] task', '[x] done', '&amp;', 'a@b.co', 'www.x.org', 'http://x', '\\x', '<b>', 'x  ', 'x ', '\u00a0x', '1.5']
  const bold = ['**Grade:** Band 4', '**Walking group**, Thursday', '**Mutuality.** Both', '**x**', '**x**y', '**x.**y', '**x**)', '**x.**)', '** x**', '**x **', '**x*', '**x**_y', '**a** **b**', '**a**b**', '**é** x', '***x***', '**1.** x', '**(a)** b', '**a** b; c']
  const text = () => (rand() < 0.75 ? pick(words) : rand() < 0.6 ? pick(bold) : pick(nearMisses))
  const line = () => text() + (rand() < 0.1 ? ' ' + text() : '')
  const paragraph = () => Array.from({length: 1 + Math.floor(rand() * 3)}, (_, i) => (i === 0 || rand() < 0.9 ? line() : pick(nearMisses))).join('\n')
  const listBlock = () => Array.from({length: 1 + Math.floor(rand() * 4)}, () => (rand() < 0.92 ? '- ' : pick(['-  ', '* ', '+ ', '1. ', '-', '  - '])) + line()).join('\n')
  const orderedBlock = () => {
    let n = pick([1, 1, 1, 2, 9, 10, 0, 123456789])
    return Array.from({length: 1 + Math.floor(rand() * 4)}, () => (rand() < 0.92 ? `${n++}. ` : pick(['1) ', '1.  ', '- ', '01. ', '1.', '  2. '])) + line()).join('\n')
  }
  const quoteBlock = () => Array.from({length: 1 + Math.floor(rand() * 3)}, () => (rand() < 0.92 ? '> ' : pick(['>', '>  ', '', ' > ', '> > '])) + line()).join('\n')
  const codeBlock = () => {
    const fence = pick(['```', '```', '~~~', '````'])
    const info = pick(['', '', 'text', 'yaml', 'c++', 'a b', 'x`y', ' text', 'text '])
    const body = Array.from({length: Math.floor(rand() * 4)}, () => (rand() < 0.85 ? pick([...words, 'key: value', '', '  indented', 'drop_in: [a, b]']) : pick(['```', '~~~', '````', '  ```', '``` x', '```x', '~~', '    ```']))).join('\n')
    const close = rand() < 0.9 ? fence : pick(['', '```', '~~~', '  ' + fence, fence + ' ', fence + 'x', '`````'])
    return `${fence}${info}\n${body}${body ? '\n' : ''}${close}`
  }
  const heading = () => '## ' + pick(words)
  const lines = (t: string) => new LineIndex(t)
  let simple = 0
  for (let k = 0; k < 8000; k++) {
    const blocks: string[] = []
    const count = 1 + Math.floor(rand() * 4)
    for (let b = 0; b < count; b++) blocks.push(pick([paragraph, paragraph, listBlock, orderedBlock, quoteBlock, codeBlock, heading])())
    const t = blocks.join(pick(['\n\n', '\n\n', '\n\n', '\n', '\n\n\n'])) + pick(['\n', '', '\n\n'])
    const tree = simpleMarkdown(t, lines(t))
    if (tree === undefined) continue
    simple++
    assert.deepEqual(tree, reference.runSync(reference.parse(t)), JSON.stringify(t))
  }
  assert.ok(simple > 600, `only ${simple} texts were simple`)
})

test('regions of real documents read without micromark make remark-gfm’s tree', () => {
  const files = [new URL('../samples/peer-support-policy.md', import.meta.url)]
  for (const dir of ['corpus/docs/tune/', '../bench/paragraphs/']) {
    const root = new URL(dir, import.meta.url)
    for (const f of readdirSync(root).filter((f) => f.endsWith('.md'))) files.push(new URL(f, root))
  }
  let simple = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const regions = markdownRegions(text) ?? []
    // Each region, and runs of up to four regions (the review parses runs of them in one call).
    for (let i = 0; i < regions.length; i++) {
      for (let j = i; j < Math.min(regions.length, i + 4); j++) {
        const t = text.slice(regions[i].start, regions[j].end)
        const tree = simpleMarkdown(t, new LineIndex(t))
        if (tree === undefined) continue
        simple++
        assert.deepEqual(tree, reference.runSync(reference.parse(t)), JSON.stringify(t.slice(0, 200)))
      }
    }
  }
  assert.ok(simple > 100, `only ${simple} texts were simple`)
})
