// The forms one base word matches (src/core/match/forms.ts): the inflections rules and word classes rely on.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {wordForms} from '../src/core/match/forms.js'

const forms = (w: string) => wordForms(w).map((f) => f.form)

test('a verb ending in a consonant and "o" takes -es in the third person ("goes off the rails")', () => {
  assert.ok(forms('go').includes('goes'))
  assert.ok(forms('go').includes('went'))
  assert.ok(forms('veto').includes('vetoes'))
  assert.ok(forms('photo').includes('photos'))
})

test('regular and irregular forms are all there', () => {
  assert.deepEqual(['ends', 'ended', 'ending'].filter((f) => forms('end').includes(f)), ['ends', 'ended', 'ending'])
  assert.ok(forms('fall').includes('fell') && forms('fall').includes('fallen'))
})

test('a verb ending like a noun ("document", "implement") takes -ed and -ing when it is known to be a verb', () => {
  assert.ok(!forms('document').includes('documented'))
  assert.ok(wordForms('document', true).some((f) => f.form === 'documented'))
  assert.ok(wordForms('implement', true).some((f) => f.form === 'implementing'))
})
