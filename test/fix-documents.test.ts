/**
 * --fix on real-looking documents (a policy, a job advert, a course page): the
 * output in test/fixtures/documents/fixed/ was read sentence by sentence and reads
 * as a careful editor would have written it. The engine must give exactly that
 * text again, and a second pass must change nothing.
 */
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {test} from 'node:test'
import {applyFixes} from '../src/core/fix.js'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'

const dir = new URL('./fixtures/documents/', import.meta.url)
const reviewer = new Reviewer(builtinPacks(), {})

for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  test(`--fix on ${name} gives the reviewed text`, () => {
    const text = readFileSync(new URL(name, dir), 'utf8')
    const fixed = applyFixes(text, reviewer.review(text)).text
    assert.equal(fixed, readFileSync(new URL(`fixed/${name}`, dir), 'utf8'))
    assert.notEqual(fixed, text)
    assert.equal(applyFixes(fixed, reviewer.review(fixed)).text, fixed, 'a second pass changes nothing')
  })
}
