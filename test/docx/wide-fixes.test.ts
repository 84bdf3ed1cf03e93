/**
 * Fixes that rewrite more than the flagged words: "a hard-to-reach group" → "an
 * underserved group" (the article changes too), "are non-compliant with" → "choose
 * not to take". With --track-changes the change covers what --fix rewrites (so
 * accepting every change gives the --fix text) while the comment stays on exactly the
 * flagged words; and the comment offers such rewrites and the rule's advice as
 * alternatives, as the editor's hover does.
 */
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {parseRulePack} from '../../src/core/rules/load.js'
import {Reviewer} from '../../src/core/review.js'
import {openDocx, reviewDocx, writeReviewedCopy} from '../../src/core/docx/index.js'
import {ZipArchive} from '../../src/core/docx/zip.js'
import {fixDocument} from '../../src/node/documents.js'
import {rawDocx} from './fixtures.js'
import {acceptedBody, anchorText, commentsOf, untouchedEqual} from './inspect.js'

const PACK = `category: clinicalised
rules:
  - id: zz-wide-reach
    severity: warning
    kind: adjective
    phrases: [hard to reach]
    message: "“{{text}}” blames people for the barriers in their way."
    rationale: The label moves the problem from the service to the people.
    alternatives: [underserved]
    safeFix: true
    principles: [inclusive]
    sources: ["Fixture 2026"]
    examples: {flag: [We run a hard-to-reach group., A hard to reach group.], pass: [The shelf is high., We reach it.]}
  - id: zz-wide-obey
    severity: warning
    kind: adjective
    person: true
    phrases: [non compliant]
    message: "“{{text}}” frames a choice as disobeying."
    rationale: Say what the person chose.
    alternatives:
      - {verb: choose not to take it}
      - {verb: take it on some days only}
    principles: [non-directive]
    sources: ["Fixture 2026"]
    examples: {flag: [Residents who are non-compliant with their medication may lose their room., He is non-compliant with the plan.], pass: [The form is fine., We comply.]}
`
const reviewer = new Reviewer([parseRulePack('wide.yml', PACK)])
const DATE = new Date('2026-02-01T09:00:00Z')
const r = (t: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`
const LINES = ['We run a hard-to-reach group.', 'A hard-to-reach group meets here.', 'Residents who are non-compliant with their medication may lose their room.']
const input = () =>
  new Uint8Array(rawDocx(`<w:p>${r('We run a ')}${r('hard-to-reach', '<w:rPr><w:b/></w:rPr>')}${r(' group.')}</w:p><w:p>${r(LINES[1])}</w:p><w:p>${r(LINES[2])}</w:p>`))

/** Every w:del's content: a comment's reference run must never be in one (accepting it would delete the comment). */
const deletions = (xml: string) => [...xml.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => m[1])

test('a safe fix that also rewrites the words around the finding is one tracked change; the comment stays on the flagged words', () => {
  const bytes = input()
  const model = openDocx(bytes)
  const review = reviewDocx(reviewer, model)
  assert.deepEqual(
    review.findings.map((f) => [f.text, f.fixes[0].before, f.fixes[0].after]),
    [
      ['hard-to-reach', 2, 0],
      ['hard-to-reach', 2, 0],
      ['non-compliant', 4, 5]
    ]
  )
  const copy = writeReviewedCopy(model, review, {trackChanges: true, date: DATE, rule: (id) => reviewer.rule(id)})
  assert.equal(copy.changes, 2)
  assert.equal(copy.notChanged, 0)
  // Accepting every change gives exactly what --fix gives.
  const fixed = fixDocument(reviewer, {kind: 'text', text: LINES.join('\n\n') + '\n', bom: false, lossless: true}).text
  assert.deepEqual(acceptedBody(copy.bytes), fixed.trimEnd().split('\n\n'))
  assert.deepEqual(acceptedBody(copy.bytes).slice(0, 2), ['We run an underserved group.', 'An underserved group meets here.'])
  const xml = new ZipArchive(copy.bytes).readText('word/document.xml')
  // The deletion holds the article too; the insertion keeps the flagged words' formatting (bold), not the article's.
  assert.match(xml, /<w:del [^>]*><w:r><w:delText xml:space="preserve">a <\/w:delText><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:rPr><w:b\/><\/w:rPr><w:delText xml:space="preserve">hard-to-reach<\/w:delText><\/w:r><\/w:del>/)
  assert.match(xml, /<w:ins [^>]*><w:r><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">an underserved<\/w:t><\/w:r><\/w:ins>/)
  for (const d of deletions(xml)) assert.doesNotMatch(d, /commentReference/)
  const anchors = commentsOf(copy.bytes).map((c) => anchorText(copy.bytes, 'word/document.xml', c.id))
  assert.deepEqual(anchors, ['hard-to-reach', 'hard-to-reach', 'non-compliant'])
  assert.deepEqual(untouchedEqual(bytes, copy.bytes, copy.parts), [])
})

test('a change that reaches past the words’ end: the comment ends on the words, its reference after the insertion', () => {
  const bytes = input()
  const model = openDocx(bytes)
  const review = reviewDocx(reviewer, model)
  // "a hard-to-reach group" → "an underserved team": a fix reaching both ways (no built-in rule makes one today).
  const first = review.findings[0]
  review.findings[0] = {...first, fixes: [{...first.fixes[0], before: 2, after: 6, replacement: 'an underserved team'}]}
  const copy = writeReviewedCopy(model, review, {trackChanges: true, date: DATE, rule: (id) => reviewer.rule(id)})
  assert.equal(acceptedBody(copy.bytes)[0], 'We run an underserved team.')
  const xml = new ZipArchive(copy.bytes).readText('word/document.xml')
  for (const d of deletions(xml)) assert.doesNotMatch(d, /commentReference/)
  const id = commentsOf(copy.bytes)[0].id
  assert.equal(anchorText(copy.bytes, 'word/document.xml', id), 'hard-to-reach')
  assert.match(xml, new RegExp(`</w:del><w:ins [^>]*><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">an underserved team</w:t></w:r></w:ins><w:r><w:commentReference w:id="${id}"/></w:r>`))
})

test('a comment offers rewrites that reach past the words, and the advice, when the words alone have no replacement', () => {
  const model = openDocx(input())
  const copy = writeReviewedCopy(model, reviewDocx(reviewer, model), {date: DATE, rule: (id) => reviewer.rule(id), rulePage: (id) => id})
  const texts = commentsOf(copy.bytes).map((c) => c.text)
  const obey = texts.find((t) => t.startsWith('“non-compliant”'))!
  assert.equal(
    obey,
    [
      '“non-compliant” frames a choice as disobeying.',
      'Why: Say what the person chose.',
      'Instead of “are non-compliant with”: choose not to take.',
      'Consider: take it on some days only.',
      'Rule: zz-wide-obey'
    ].join('\n')
  )
  // The first place's full comment and the other place's short one both say what to write.
  assert.ok(texts.some((t) => t.startsWith('“hard-to-reach”') && t.includes('\nInstead of “a hard-to-reach”: an underserved.\n')), JSON.stringify(texts))
  assert.ok(texts.some((t) => t.startsWith('Same wording as the comment at body ¶1 (2 of 2)') && t.endsWith('\nInstead of “A hard-to-reach”: An underserved.')), JSON.stringify(texts))
})
