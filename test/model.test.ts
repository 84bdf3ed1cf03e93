// The second opinion's model is data trained here: the shipped rules/model.json must be exactly what
// scripts/train-model.ts makes from the training sets, so no one can edit it by hand or forget to retrain.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'

test('rules/model.json is what training gives (npm run train-model)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-model.ts', '--check'], {encoding: 'utf8'})
  assert.equal(r.status, 0, r.stderr || r.stdout)
})

test('the model never reads a held-out set', () => {
  const model = JSON.parse(readFileSync('rules/model.json', 'utf8'))
  const files: string[] = model.trainedOn.corpora.map((c: {file: string}) => c.file)
  assert.ok(files.length >= 2, 'trained on the tuning corpora')
  assert.deepEqual(files.filter((f) => /heldout/.test(f)), [])
})
