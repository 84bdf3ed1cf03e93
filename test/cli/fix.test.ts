/** --fix and --fix-dry-run, and the pure applyFixes they share with the language server. */
import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {before, describe, test} from 'node:test'
import {applyFixes} from '../../src/core/fix.js'
import type {Finding} from '../../src/core/types.js'
import {buildCli, cli, makeDocx, ONLY_FIXTURES, project} from './helpers.js'

before(() => buildCli())

function finding(text: string, offset: number, source: string, suggestion: string, safeFix = true): Finding {
  assert.equal(source.slice(offset, offset + text.length), text)
  return {
    ruleId: 'x',
    category: 'role-model',
    severity: 'warning',
    offset,
    endOffset: offset + text.length,
    line: 1,
    column: offset + 1,
    endLine: 1,
    endColumn: offset + text.length + 1,
    text,
    message: '',
    suggestions: [suggestion],
    fixes: [{before: 0, after: 0, replacement: suggestion, alternative: 0}],
    advice: [],
    safeFix,
    group: `x:${text}`,
    phrase: text,
    sentence: {start: offset, end: offset + text.length},
    lineDirective: 'above'
  }
}

describe('applyFixes', () => {
  test('applies safe first suggestions right to left, skips unsafe, stale and overlapping ones', () => {
    const src = 'a role model and an addict\r\nand a role model.'
    const fs = [
      finding('a role model', 0, src, 'a peer'),
      finding('an addict', 17, src, 'a person who uses drugs'),
      finding('addict', 20, src, 'overlap'), // overlaps the one before
      finding('a role model', 32, src, 'a peer', false), // not safe
      {...finding('and', 13, src, 'or'), text: 'xyz'} // stale: the range no longer holds its text
    ]
    const {text, applied} = applyFixes(src, fs)
    assert.equal(text, 'a peer and a person who uses drugs\r\nand a role model.')
    assert.deepEqual(
      applied.map((f) => f.offset),
      [0, 17]
    )
    assert.equal(applyFixes(text, []).text, text)
  })
})

describe('--fix', () => {
  const source = '\ufeffShe is a wise mentor.\r\nLine two: a glumster.\r\n`a wise mentor` in code, "a wise mentor" in quotes.\r\n<!-- recovery-lint-disable -->\r\nA wise mentor, disabled.\r\n<!-- recovery-lint-enable -->\r\nLast line has a wise mentor'

  test('applies safe fixes in place; a second run changes nothing; bytes elsewhere identical (CRLF, BOM, no final newline)', () => {
    const dir = project({'doc.md': source})
    const file = join(dir, 'doc.md')
    const first = cli(['--fix', ...ONLY_FIXTURES, 'doc.md'], dir)
    assert.equal(first.code, 0, first.stdout + first.stderr)
    assert.match(first.stderr, /fixed 3 findings in 1 file/)
    const after = readFileSync(file)
    const expected = source
      .replace('She is a wise mentor.', 'She is a fellow peer.')
      .replace('a glumster.', 'a person going through a hard time.')
      .replace('Last line has a wise mentor', 'Last line has a fellow peer')
    assert.deepEqual(after, Buffer.from(expected, 'utf8'))
    assert.equal(after.subarray(0, 3).toString('hex'), 'efbbbf')

    const second = cli(['--fix', ...ONLY_FIXTURES, 'doc.md'], dir)
    assert.equal(second.code, 0)
    assert.equal(second.stderr, '')
    assert.deepEqual(readFileSync(file), after)
  })

  test('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = project({'doc.md': source})
    const file = join(dir, 'doc.md')
    const before = readFileSync(file)
    const r = cli(['--fix-dry-run', ...ONLY_FIXTURES, 'doc.md'], dir)
    assert.deepEqual(readFileSync(file), before)
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^--- a\/doc\.md\n\+\+\+ b\/doc\.md\n@@ /)
    assert.match(r.stdout, /^-She is a wise mentor\.\r$/m)
    assert.match(r.stdout, /^\+She is a fellow peer\.\r$/m)
    assert.doesNotMatch(r.stdout, /^[-+].*in quotes/m)
  })

  test('--fix-dry-run with nothing to fix says so', () => {
    const dir = project({'clean.md': 'Nothing to change here.\n', 'info.md': 'They were service fodder.\n'})
    const clean = cli(['--fix-dry-run', ...ONLY_FIXTURES, 'clean.md'], dir)
    assert.equal(clean.code, 0, clean.stderr)
    assert.equal(clean.stdout, '')
    assert.equal(clean.stderr, 'recovery-lint: nothing to fix in 1 file: no findings\n')
    // A finding without a safe fix: the diff is empty, and the message says why.
    const unsafe = cli(['--fix-dry-run', ...ONLY_FIXTURES, 'info.md'], dir)
    assert.equal(unsafe.stdout, '')
    assert.match(unsafe.stderr, /^recovery-lint: nothing to fix in 1 file: none of the 1 finding has a safe drop-in replacement \(run without --fix-dry-run to see it\)\n$/)
  })

  test('HTML: the replacement is escaped and markup is left alone', () => {
    const dir = project({'p.html': '<p>Each is a <b>wise mentor</b> &amp; a glumster.</p>\n'})
    const r = cli(['--fix', ...ONLY_FIXTURES, 'p.html'], dir)
    assert.equal(r.code, 0, r.stderr)
    assert.equal(readFileSync(join(dir, 'p.html'), 'utf8'), '<p>Each is a <b>fellow peer</b> &amp; a person going through a hard time.</p>\n')
  })

  test('Word documents are reported, never rewritten; --fix refuses stdin', async () => {
    const dir = project({'a.docx': await makeDocx(['She is a wise mentor.'])})
    const before = readFileSync(join(dir, 'a.docx'))
    const docx = cli(['--fix', ...ONLY_FIXTURES, 'a.docx'], dir)
    assert.equal(docx.code, 1)
    assert.match(docx.stdout, /¶1:8/)
    assert.deepEqual(readFileSync(join(dir, 'a.docx')), before)
    writeFileSync(join(dir, 'x.txt'), 'x')
    const r = cli(['--fix', '-'], dir, 'a wise mentor')
    assert.equal(r.code, 2)
    assert.match(r.stderr, /--fix cannot write to stdin/)
  })
})
