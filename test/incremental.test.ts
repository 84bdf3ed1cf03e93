/**
 * The incremental path gives exactly what a cold review gives: random edits (seeded)
 * over a realistic service document, compared with a cold review after each one.
 */
import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {test} from 'node:test'
import {isDeepStrictEqual} from 'node:util'
import {DocumentSession, type TextChange} from '../src/core/incremental.js'
import {Reviewer} from '../src/core/review.js'
import {parseMarkdown} from '../src/core/parse/markdown.js'
import {markdownRegions} from '../src/core/parse/regions.js'
import type {RulePack} from '../src/core/types.js'
import {builtinPacks} from '../src/node/builtin-rules.js'
import {testPack} from './helpers.js'
import {prng} from './support/prng.mjs'

function packs(): RulePack[] {
  try {
    return [testPack(), ...builtinPacks()]
  } catch {
    return [testPack()] // a built-in pack mid-edit must not break this test
  }
}


const DOC = `---
title: Peer support service policy
owner: Quality team
---

# Peer support service policy

This policy sets out how the service supports people. Every patient is offered a peer worker,
and the peer worker is not a role model but a person who shares their experience.

Setext heading about compliance
-------------------------------

We used to measure compliance with medication and talk about relapse prevention.
As one member said:

> I was told I had a lack of insight, that I was an addict and nothing more.
> — Sam, member

> The patient who fails treatment is treatment resistant, the report said.

## Roles

- Peer workers listen first. They never call anyone an addict.
- A case load is agreed with the team.
  - Nested: patients choose their goals; nobody is labelled psychotic.
  - Nested item two about stabilisation of mood.
- Last item: see [the guide][guide] and [^1].

1. Ordered item about the dual diagnosis service.
2. Second ordered item on adherence.

| Instead of | Try |
| --- | --- |
| addict | person who uses drugs |
| non-compliant | chose not to take |
| patient | person |

| Role | What they do |
|------|--------------|
| Peer worker | Supports each patient who asks, never a role model. |
| Lead | Keeps people stable and checks compliance. |

\`\`\`yaml
rule: patient
note: an addict in a code block is not prose
\`\`\`

<!-- recovery-lint-disable test-patient -->
In this paragraph the patient is not flagged, but an addict is.
<!-- recovery-lint-enable test-patient -->

<!-- recovery-lint-disable-next-line -->
The next patient on this line is switched off.
The patient on this line is not.

    indented code: patient addict

<div>
HTML block with a patient inside.
</div>

***

Words such as "addict" and "patient" are discussed here, not used. Avoid the term patient.
I am an addict in recovery, and proud of it.

[guide]: https://example.org/guide "Guide"
[^1]: A footnote about relapse and the patient.

Final paragraph: the role model and the case load, with a decompensation note.
`

const SNIPPETS = [
  'patient',
  ' patients ',
  'an addict',
  'role model',
  ' compliance ',
  'relapse',
  'lack of insight',
  'treatment resistant',
  '\n',
  '\n\n',
  '\r\n',
  '```\n',
  '~~~',
  '> ',
  '- ',
  '1. ',
  '# ',
  '---\n',
  '===\n',
  '| a | b |\n| - | - |\n',
  '|',
  '<!-- recovery-lint-disable -->',
  '<!-- recovery-lint-enable -->',
  '<!-- recovery-lint-disable-next-line -->\n',
  '<!--',
  '-->',
  '[guide]',
  '[other]: http://x\n',
  '[^2]: note\n',
  '“',
  '"',
  '    ',
  '— Jo\n',
  'As she said:\n',
  'The service will',
  '<div>\n',
  '*',
  '`'
]

/**
 * A random edit, anywhere: one between CR and LF leaves a lone CR, which is a line
 * break of its own (LSP clients other than VS Code can send such text).
 */
function randomEdit(rand: () => number, text: string): TextChange {
  const offset = Math.floor(rand() * (text.length + 1))
  const r = rand()
  const crlf = text.includes('\r\n')
  const snippet = () => {
    const s = SNIPPETS[Math.floor(rand() * SNIPPETS.length)]
    return crlf ? s.replace(/\r?\n/g, '\r\n') : s.replace(/\r\n/g, '\n')
  }
  if (r < 0.45) return {offset, deleteCount: 0, insert: snippet()}
  const deleteCount = Math.floor(rand() < 0.85 ? rand() * 12 : rand() * 300)
  if (r < 0.75) return {offset, deleteCount, insert: ''}
  return {offset, deleteCount, insert: snippet()}
}

/** The oracle: the whole document parsed in one piece (no slices, no regions, no prefilter). */
const reference = (reviewer: Reviewer, text: string) => reviewer.reviewWhole(text)

function apply(text: string, c: TextChange): string {
  const offset = Math.min(c.offset, text.length)
  return text.slice(0, offset) + c.insert + text.slice(offset + c.deleteCount)
}

function randomEdits(seed: number, start: string, count: number) {
  const reviewer = new Reviewer(packs())
  const rand = prng(seed)
  const session = new DocumentSession(reviewer, start)
  assert.deepEqual(session.findings, reference(reviewer, start))
  let text = start
  let incremental = 0
  for (let n = 0; n < count; n++) {
    // Drift back to the original now and then, so the document stays realistic.
    if (text.length < start.length / 3 || text.length > start.length * 2) {
      text = start
      assert.deepEqual(session.update(text), reference(reviewer, text), `reset at edit ${n}`)
      continue
    }
    const kind = rand()
    const before = text
    let got
    if (kind < 0.1) {
      const edit = randomEdit(rand, text)
      text = apply(text, edit)
      got = session.update(text) // the whole new text
    } else if (kind < 0.2) {
      const a = randomEdit(rand, text)
      const mid = apply(text, a)
      const b = randomEdit(rand, mid)
      text = apply(mid, b)
      got = session.update([a, b])
    } else {
      const edit = randomEdit(rand, text)
      text = apply(text, edit)
      got = session.update(edit)
    }
    if (session.stats.mode === 'incremental') incremental++
    assert.equal(session.text, text)
    const cold = reference(reviewer, text)
    // INCREMENTAL_DEBUG=file.json keeps a failing edit's text before and after, to replay.
    if (process.env.INCREMENTAL_DEBUG && !isDeepStrictEqual(got, cold)) writeFileSync(process.env.INCREMENTAL_DEBUG, JSON.stringify({before, after: text}))
    assert.deepEqual(got, cold, `edit ${n} (seed ${seed}, ${session.stats.mode} ${session.stats.reason ?? ''})`)
  }
  return incremental
}

/** DOC without its HTML block and definitions: the first review cuts it into regions and skips the quiet ones. */
const CUT = DOC.replace(/<div>[\s\S]*?<\/div>\n\n/, '')
  .replace(/\[guide\]: .*\n|\[\^1\]: .*\n/g, '')
  .replace('***\n', '***\n\nNothing to flag in this paragraph at all.\n\nNor here: we walk and talk.\n')

// INCREMENTAL_SEEDS=n runs n extra seeds of each variant (a longer shake-out).
const extraSeeds = Number(process.env.INCREMENTAL_SEEDS ?? 0)
for (let seed = 100; seed < 100 + extraSeeds; seed++) {
  test(`random edits, extra seed ${seed}`, () => {
    const plain = DOC.replace(/^---[\s\S]*?---\n/, '').replace(/\[guide\]: .*\n|\[\^1\]: .*\n/g, '')
    randomEdits(seed, seed % 2 ? DOC : plain, 300)
    randomEdits(seed + 1000, (seed % 2 ? plain : DOC).replace(/\n/g, '\r\n'), 300)
    randomEdits(seed + 2000, seed % 2 ? CUT : CUT.replace(/\n/g, '\r\n'), 300)
  })
}

test('random edits (LF): incremental findings equal a cold review', () => {
  const incremental = randomEdits(1, DOC, 300)
  assert.ok(incremental > 50, `most edits should be incremental, got ${incremental}`)
})

test('random edits (CRLF): incremental findings equal a cold review', () => {
  randomEdits(2, DOC.replace(/\n/g, '\r\n'), 200)
})

test('random edits without definitions or front matter', () => {
  const plain = DOC.replace(/^---[\s\S]*?---\n/, '').replace(/\[guide\]: .*\n|\[\^1\]: .*\n/g, '')
  const incremental = randomEdits(3, plain, 250)
  assert.ok(incremental > 150, `most edits should be incremental, got ${incremental}`)
})

test('random edits over a document cut into regions (skipped regions parsed on demand)', () => {
  assert.ok(markdownRegions(CUT), 'the document can be cut into regions')
  const incremental = randomEdits(4, CUT, 300)
  assert.ok(incremental > 100, `most edits should be incremental, got ${incremental}`)
  randomEdits(5, CUT.replace(/\n/g, '\r\n'), 150)
})

test('an edit after a blank first line keeps line numbers (a slice from offset 0)', () => {
  const reviewer = new Reviewer(packs())
  const text = '\n# Peer support service policy\n\nEvery patient is offered a peer worker.\n'
  const session = new DocumentSession(reviewer, text)
  const edit = {offset: 18, deleteCount: 0, insert: 'x\ny'}
  const after = apply(text, edit)
  assert.deepEqual(session.update(edit), reference(reviewer, after))
  assert.equal(session.findings[0]?.line, 5)
})

test('a paragraph edit in a long document re-parses only around it', () => {
  const reviewer = new Reviewer(packs())
  const body = DOC.replace(/^---[\s\S]*?---\n/, '').replace(/\[guide\]: .*\n|\[\^1\]: .*\n/g, '')
  const text = Array.from({length: 30}, () => body).join('\n')
  const session = new DocumentSession(reviewer, text)
  const at = text.indexOf('Final paragraph', text.length / 2)
  const edit = {offset: at, deleteCount: 5, insert: 'Closing'}
  const after = apply(text, edit)
  assert.deepEqual(session.update(edit), reviewer.review(after))
  assert.equal(session.stats.mode, 'incremental')
  assert.ok(session.stats.parsedChars < 1000, `parsed ${session.stats.parsedChars} characters`)
})

test('a large document reviewed in slices gives the cold review', async () => {
  const reviewer = new Reviewer(packs())
  const body = DOC.replace(/^---[\s\S]*?---\n/, '').replace(/\[guide\]: .*\n|\[\^1\]: .*\n/g, '')
  const text = '---\ntitle: x\n---\n' + Array.from({length: 20}, () => body).join('\n')
  const session = new DocumentSession(reviewer, text, 'markdown', {deferred: true, sliceChars: 2000})
  let steps = 0
  const findings = await session.run(async () => {
    steps++
    assert.ok(session.progress > 0 && session.progress < 1)
  }, 0)
  assert.ok(steps > 5, `took ${steps} slices`)
  assert.deepEqual(findings, reviewer.review(text))
  // Edits after a sliced first review stay exact.
  const rand = prng(9)
  let current = text
  for (let n = 0; n < 30; n++) {
    const edit = randomEdit(rand, current)
    current = apply(current, edit)
    assert.deepEqual(session.update(edit), reviewer.review(current), `edit ${n}`)
  }
})

test('plain text: updates give the cold review', () => {
  const reviewer = new Reviewer(packs())
  const text = 'The patient is here.\n\nAn addict, a role model.\n'
  const session = new DocumentSession(reviewer, text, 'text')
  assert.deepEqual(session.findings, reviewer.review(text, 'text'))
  const next = text + 'Another patient.\n'
  assert.deepEqual(session.update(next), reviewer.review(next, 'text'))
})

test('edge cases: empty document, deleting everything, no-op updates', () => {
  const reviewer = new Reviewer(packs())
  const session = new DocumentSession(reviewer, '')
  assert.deepEqual(session.findings, [])
  const steps = ['The patient.', 'The patient.\n\nAn addict.', '', '\n\n\n', '# patient\n\n- addict\n', '# patient\n\n- addict\n']
  for (const text of steps) assert.deepEqual(session.update(text), reviewer.review(text), JSON.stringify(text))
  assert.equal(session.stats.mode, 'unchanged')
  assert.deepEqual(session.update([]), reviewer.review(steps.at(-1)!))
  // An edit at the very end, and one past it (clamped).
  const end = session.text.length
  assert.deepEqual(session.update({offset: end, deleteCount: 0, insert: '\nA role model.'}), reviewer.review(session.text))
  assert.deepEqual(session.update({offset: end + 100, deleteCount: 5, insert: ' patient'}), reviewer.review(session.text))
})

test('a slice never starts at an indented block (it would parse as code)', async () => {
  const {DocumentSession} = await import('../src/core/incremental.js')
  const {Reviewer} = await import('../src/core/review.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const reviewer = new Reviewer(builtinPacks())
  const text = 'See [the guide][x].\n\n[x]: https://example.com\n    Our peer workers act as role models.\n\nAnother paragraph.\n'
  const session = new DocumentSession(reviewer, text, 'markdown')
  const next = text.replace('Another', 'One more')
  session.update(next)
  assert.deepEqual(session.findings, reviewer.review(next, 'markdown'))
})

test('an edit to a lead-in ("do **not**:" → "do") re-reads the list under it', () => {
  const reviewer = new Reviewer(builtinPacks())
  // A list far enough below its lead-in that a patch of the edited paragraph does not reach it.
  const text = readFileSync(new URL('./corpus/docs/tune-b/us-peer-specialist-scope.md', import.meta.url), 'utf8')
  const session = new DocumentSession(reviewer, text)
  const rules = (fs: {line: number; ruleId: string}[]) => fs.map((f) => `${f.line}:${f.ruleId}`)
  const before = rules(session.findings)
  const at = text.indexOf('do **not**:') + 3
  const edited = rules(session.update({offset: at, deleteCount: 8, insert: ''}))
  const cold = rules(new DocumentSession(reviewer, text.slice(0, at) + text.slice(at + 8)).findings)
  assert.deepEqual(edited, cold)
  assert.ok(cold.length > before.length, 'the list is the document\'s own wording once the lead-in no longer rejects it')
  // And back: the list is rejected again.
  assert.deepEqual(rules(session.update({offset: at, deleteCount: 0, insert: '**not**:'})), before)
})

test('a session with a findings limit: the first findings and one notice, exactly as a cold review, edits included', () => {
  const reviewer = new Reviewer(packs())
  const max = 40
  // The oracle: a cold review with the same limit, directives switching candidates off as they are met (as Reviewer.review).
  const cold = (text: string) => new DocumentSession(reviewer, text, 'markdown', {maxFindings: max, once: true}).findings
  const unlimited = (text: string) => new DocumentSession(reviewer, text).findings
  const para = 'We are role models. The patient is here.\n\n'
  const quiet = 'We walk and talk together.\n\n'
  // Over the limit and its slack (1000 more candidates), with directives that switch most of them off, and under it.
  const over = para.repeat(800)
  const silenced = '<!-- recovery-lint-disable role-model -->\n\n' + para.repeat(700) + '<!-- recovery-lint-enable role-model -->\n\n' + para.repeat(30)
  const under = quiet.repeat(50) + para.repeat(10)
  for (const [name, text] of Object.entries({over, silenced, under})) {
    const all = unlimited(text)
    const expected = cold(text)
    if (all.length > max) {
      assert.deepEqual(expected.slice(0, max), all.slice(0, max), name)
      assert.equal(expected.length, max + 1, name)
      assert.match(expected[max].message, new RegExp(`More than ${max} findings`), name)
    } else assert.deepEqual(expected, all, name)
    for (const deferred of [false, true]) {
      const session = new DocumentSession(reviewer, text, 'markdown', {maxFindings: max, deferred, sliceChars: 2000})
      assert.deepEqual(session.findings, expected, `${name}, deferred ${deferred}`)
      // Past the limit (or reviewed with directives switching candidates off) an edit cannot be patched in.
      assert.equal(session.patchable, name === 'under', `${name}: patchable`)
      // Edits: before the limit, past it, ones that remove most findings, and one that brings them back.
      let current = text
      const edits: TextChange[] = [
        // Most of what the first review read, but not the rest: the findings past the limit come into view.
        {offset: 0, deleteCount: para.length * 510, insert: ''},
        {offset: 0, deleteCount: 0, insert: 'The patient. '},
        {offset: Math.floor(current.length / 2), deleteCount: 0, insert: 'An addict.\n\n'},
        {offset: 300, deleteCount: current.length - 600, insert: ''},
        {offset: 300, deleteCount: 0, insert: para.repeat(900)},
        {offset: 0, deleteCount: 0, insert: '<!-- recovery-lint-disable -->\n\n'}
      ]
      for (const [n, edit] of edits.entries()) {
        current = apply(current, edit)
        assert.deepEqual(session.update(edit), cold(current), `${name}, deferred ${deferred}, edit ${n} (${session.stats.mode} ${session.stats.reason ?? ''})`)
      }
    }
  }
  // Under the limit a limited session stays incremental.
  const session = new DocumentSession(reviewer, under, 'markdown', {maxFindings: max})
  session.update({offset: under.length - 5, deleteCount: 0, insert: 'x'})
  assert.equal(session.stats.mode, 'incremental')
})

test('an edit far down that makes the document peer text brings back "patient" at its top (and taking it out clears it)', () => {
  const reviewer = new Reviewer(builtinPacks())
  const filler = Array.from({length: 400}, (_, i) => `Paragraph ${i} says when the practice is open and how to book.`).join('\n\n')
  const text = `# Our practice and its peer team\n\nOur patients can book a longer appointment.\n\n${filler}\n\nThe nurse runs a clinic on Fridays.\n`
  const session = new DocumentSession(reviewer, text)
  const rules = (fs: {line: number; ruleId: string}[]) => fs.map((f) => `${f.line}:${f.ruleId}`)
  assert.deepEqual(rules(session.findings).filter((r) => r.endsWith(':patient')), [])
  const at = text.indexOf('The nurse') + 4
  // Three mentions of peer work across the document make it one of its subjects (context/peer-text.ts).
  const inserted = 'peer worker, a peer mentor and a peer trainer'
  const once = rules(session.update({offset: at, deleteCount: 5, insert: 'peer worker'}))
  assert.deepEqual(once.filter((r) => r.endsWith(':patient')), [], 'two mentions of peer work leave it a clinic\'s text')
  const peer = rules(session.update({offset: at, deleteCount: 11, insert: inserted}))
  assert.ok(at > 20000, 'the edit is past the front of the document')
  assert.deepEqual(peer, rules(new DocumentSession(reviewer, session.text).findings))
  assert.ok(peer.includes('3:patient'), 'a document that speaks of peer work is peer text')
  assert.deepEqual(rules(session.update({offset: at, deleteCount: inserted.length, insert: 'nurse'})).filter((r) => r.endsWith(':patient')), [])
})

test('an edit far from any mention of peer work can still end its being the subject (the mentions no longer run through the text)', () => {
  const reviewer = new Reviewer(builtinPacks())
  const filler = (n: number) => Array.from({length: n}, (_, i) => `Paragraph ${i} says when the practice is open and how to book.`).join('\n\n')
  const text = `# Our practice and its peer team\n\nOur patients can book a longer appointment.\n\n${filler(400)}\n\nA peer mentor and a peer trainer join us on Fridays.\n`
  const session = new DocumentSession(reviewer, text)
  const rules = (fs: {line: number; ruleId: string}[]) => fs.map((f) => `${f.line}:${f.ruleId}`)
  assert.ok(rules(session.findings).includes('3:patient'))
  assert.ok(text.length > 20000, 'the edit is past the front of the document')
  // Four times as much text after the last mention: peer work is now one part of the document, not its subject.
  const grown = rules(session.update({offset: text.length, deleteCount: 0, insert: `\n${filler(1800)}\n`}))
  assert.deepEqual(grown.filter((r) => r.endsWith(':patient')), [])
  assert.deepEqual(grown, rules(new DocumentSession(reviewer, session.text).findings))
  const back = rules(session.update({offset: text.length, deleteCount: session.text.length - text.length, insert: ''}))
  assert.ok(back.includes('3:patient'))
})
