/**
 * The adversarial suite at test scale (npm test): every case of cases.ts, its
 * outcome asserted, and for the document shapes its cost as a ratio to a normal
 * document of the same size (generous limits: a return to super-linear work
 * shows as ten times and more). `npm run stress` runs the same cases at the
 * issue's sizes and prints the figures.
 */
import assert from 'node:assert/strict'
import {before, describe, test} from 'node:test'
import {buildCli} from '../cli/helpers.js'
import {CASES} from './cases.js'
import {runCase} from './run-case.js'

before(() => buildCli())

for (const group of [...new Set(CASES.map((c) => c.group))]) {
  describe(`adversarial: ${group}`, () => {
    for (const c of CASES.filter((x) => x.group === group)) {
      test(`${c.name}: ${c.expect}`, (t) => {
        const r = runCase(c, 'test')
        if (r.skipped) return t.skip(r.skipped)
        assert.ok(r.ok, [r.error, ...r.limits].filter(Boolean).join('; '))
      })
    }
  })
}
