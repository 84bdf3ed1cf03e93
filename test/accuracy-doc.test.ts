import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {evaluate} from '../scripts/accuracy/evaluate.js'
import {currentSection, docSection, DOC_PATH} from '../scripts/accuracy/report.js'

// The figures in docs/accuracy.md are regenerated from test/corpus/ by `npm run accuracy -- --write-docs`.
// Here the engine runs in-process (the script checks that it gives the CLI's findings on every file), so
// this takes seconds. Only the comparison is reported: no figure, and never a held-out item.
test('docs/accuracy.md has current figures (npm run accuracy -- --write-docs)', async () => {
  const current = currentSection(readFileSync(DOC_PATH, 'utf8'))
  assert.ok(current !== undefined, `${DOC_PATH} has no generated section`)
  const fresh = docSection(await evaluate({cli: false}))
  assert.ok(current === fresh, `${DOC_PATH}: the figures are stale (rules or corpora changed): run npm run accuracy -- --write-docs`)
})
