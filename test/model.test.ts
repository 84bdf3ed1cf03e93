// The second opinion's model is data trained here: the shipped rules/model.json must be exactly what
// scripts/train-model.ts makes from the training sets, so no one can edit it by hand or forget to retrain.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {packModel, unpackModel, type CategoryId, type ModelData} from '../src/core/index.js'

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

test('the compiled rules store the weights as integers over the smallest power of ten that holds them: exactly the same numbers', () => {
  const model = JSON.parse(readFileSync('rules/model.json', 'utf8')) as ModelData
  const packed = packModel(model)
  // The trainer writes two decimals.
  assert.equal(packed.scale, 100)
  assert.ok(packed.rows!.every(Number.isInteger))
  // Read back, each feature has exactly its weights (the order of features is the build's).
  const unpacked = unpackModel(packed)
  const weights = (m: ModelData, scale: number) =>
    new Map(m.features.map((f, i) => [f, [m.any[i], ...Object.keys(model.categories).map((c) => m.categories[c as CategoryId]![i])].map((w) => w / scale)]))
  assert.deepEqual(weights(unpacked, 100), weights(model, 1))
  assert.deepEqual(Object.keys(unpacked.categories), Object.keys(model.categories))
  // A third decimal takes 1000; more decimals than that are left as they are.
  assert.equal(packModel({...model, any: [0.001, ...model.any.slice(1)]}).scale, 1000)
  const odd = {...model, any: [0.0001, ...model.any.slice(1)]}
  assert.equal(packModel(odd).scale, undefined)
})
