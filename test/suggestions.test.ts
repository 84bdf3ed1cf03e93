/**
 * The grammar oracle: every edit of every finding on every rule's flag examples and
 * on every corpus in test/corpus is put into its sentence, and harper.js lints the
 * result. A grammar lint that appears only after the substitution fails the test.
 * The first edit of a finding (what a quick fix prefers and --fix applies) has no
 * exceptions; any other is listed, with its reason, in test/suggestions/exceptions.yml.
 * Harper's WebAssembly starts once for the whole file.
 */
import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {corpusSentences, judge, readExceptions, ruleExamples, substitutions, type Substitution, type Verdict} from './support/oracle.js'
import {withOptIns} from '../src/core/config.js'

const packs = parseBuiltinPacks()
const reviewer = new Reviewer(packs, withOptIns(packs))
const exceptions = readExceptions()
const used = new Set<number>()

function excepted(v: Verdict): boolean {
  const i = exceptions.substitutions.findIndex((e) => e.ruleId === v.ruleId && e.replacement === v.replacement && (e.sentence === undefined || e.sentence === v.sentence))
  if (i !== -1) used.add(i)
  return i !== -1
}

const describeFailure = (v: Verdict) => `${v.ruleId}: “${v.result}” (${v.first ? 'first edit' : `alternative ${v.alternative}`}): ${v.added.map((l) => `${l.rule} “${l.problem}”: ${l.message}`).join('; ')}`

async function check(subs: Substitution[]) {
  const failures: string[] = []
  for (const s of subs) {
    const v = await judge(s, exceptions.falseLints)
    if (v.added.length === 0) continue
    if (!v.first && excepted(v)) continue
    failures.push(describeFailure(v))
  }
  return failures
}

describe('suggestions read right where they land (harper.js)', () => {
  test('every edit on every rule example', async () => {
    const subs = ruleExamples(packs).flatMap(({sentence}) => substitutions(reviewer, sentence))
    assert.ok(subs.length > 500, `only ${subs.length} substitutions`)
    assert.deepEqual(await check(subs), [])
  })

  test('every edit on every corpus sentence (test/corpus/*.tsv)', async () => {
    const sentences = corpusSentences()
    assert.ok(sentences.length >= 100, 'the dev corpus is in test/corpus')
    const subs = sentences.flatMap(({sentence}) => substitutions(reviewer, sentence))
    assert.deepEqual(await check(subs), [])
  })

  test('every exception is still needed, names a real rule and gives a reason', () => {
    const ids = new Set(packs.flatMap((p) => p.rules.map((r) => r.id)))
    exceptions.substitutions.forEach((e, i) => {
      assert.ok(ids.has(e.ruleId), `unknown rule ${e.ruleId}`)
      assert.ok(e.reason && e.reason.length > 10, `${e.ruleId}: give a reason`)
      assert.ok(used.has(i), `${e.ruleId} “${e.replacement}”: no longer needed; remove it from exceptions.yml`)
    })
    for (const f of exceptions.falseLints) assert.ok(f.reason && f.reason.length > 10, `${f.rule}: give a reason`)
  })
})

test('the oracle catches what it is for (harper.js sees the errors users saw)', async () => {
  const sub = (sentence: string, text: string, replacement: string): Substitution => {
    const offset = sentence.indexOf(text)
    return {ruleId: 'x', sentence, text, offset, endOffset: offset + text.length, replacement, result: sentence.slice(0, offset) + replacement + sentence.slice(offset + text.length), alternative: 0, first: true}
  }
  const bad = [
    sub('Residents who are non-compliant may lose their room.', 'non-compliant', 'chose not to take it'),
    sub('He made a deficit-based assessment.', 'deficit-based', 'asset-based'),
    sub('They refused to take part.', 'refused', 'chose not to'),
    sub('They chose to go.', 'chose', 'chosed')
  ]
  for (const s of bad) assert.ok((await judge(s, readExceptions().falseLints)).added.length > 0, s.result)
  assert.deepEqual((await judge(sub('They refused to take part.', 'refused', 'declined'), [])).added, [])
})
