/**
 * Train the second opinion (src/core/model/) and write rules/model.json.
 *
 *   npx tsx scripts/train-model.ts [--check] [--variant NAME] [--without SET,...] [--out PATH]
 *
 * Training data (scripts/model/data.ts): the tuning corpora (test/corpus/tune*.tsv and dev.tsv),
 * the tuning documents (test/corpus/docs/tune*) sentence by sentence, and every rule's examples.
 * The held-out sets (test/corpus/heldout*.tsv, test/corpus/docs/heldout) are never read here.
 * Training (scripts/model/train.ts) is deterministic, so the same data gives the same file.
 * `--check` trains and exits 1 when rules/model.json differs (the test suite runs it).
 * The options were chosen by cross-validation (scripts/model-cv.ts; docs/accuracy.md); `--variant`
 * trains one of scripts/model/variants.ts instead, to compare finalists on the validation set.
 */
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {ModelData} from '../src/core/index.js'
import {parseBuiltinPacks, packageRoot} from '../src/node/builtin-rules.js'
import {trainingData} from './model/data.js'
import {DEFAULTS, featurize, trainWeights} from './model/train.js'
import {VARIANTS} from './model/variants.js'

const root = packageRoot()
// `--out PATH`: write the model there instead (variants trained side by side).
const MODEL = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : join(root, 'rules', 'model.json')
const packs = parseBuiltinPacks(root)
// Sets the shipped model is not trained on (docs/accuracy.md, thirteenth round): trained on them too, it found 12
// fewer of the held-out sets' 934 flagged sentences for 4 fewer false alarms. They tune the rules, and stay in the check.
// The fourteenth, fifteenth and sixteenth rounds' sets join them: sets the model has not seen are what its threshold is chosen on (train.ts).
const NOT_TRAINED = [
  ...['tune-at', 'tune-au', 'tune-av', 'tune-aw', 'tune-ax', 'tune-ay', 'tune-az', 'tune-ba'],
  ...['docs/tune-y', 'docs/tune-z', 'docs/tune-aa', 'docs/tune-ab', 'docs/tune-ac', 'docs/tune-ad', 'docs/tune-ae', 'docs/tune-af'],
  ...['docs/tune-ag', 'docs/tune-ah', 'docs/tune-ai', 'docs/tune-aj', 'docs/tune-ak'],
  ...['tune-bb', 'tune-bc', 'docs/tune-al', 'docs/tune-am'],
  ...['tune-bd', 'tune-be', 'tune-bf', 'tune-bg', 'docs/tune-an', 'docs/tune-ao', 'docs/tune-ap', 'docs/tune-aq'],
  ...['tune-bh', 'tune-bi', 'docs/tune-ar', 'docs/tune-as'],
  ...['tune-bj', 'tune-bk', 'docs/tune-at', 'docs/tune-au'],
  ...['tune-bl', 'tune-bm', 'docs/tune-av', 'docs/tune-aw'],
  ...['tune-bn', 'tune-bo', 'docs/tune-ax', 'docs/tune-ay'],
  ...['tune-bp', 'tune-bq', 'docs/tune-az', 'docs/tune-ba', 'tune-br', 'tune-bs', 'docs/tune-bb', 'docs/tune-bc'],
  ...['tune-bt', 'docs/tune-be'],
  ...['tune-bv', 'docs/tune-bd', 'docs/tune-bf', 'tune-bw', 'tune-bx', 'tune-bu'],
  ...['tune-by', 'tune-bz', 'tune-ca', 'docs/tune-bg', 'docs/tune-bh'],
  ...['tune-cb', 'tune-cc', 'tune-cd', 'docs/tune-bi', 'docs/tune-bj'],
  ...['tune-ce', 'tune-cf', 'docs/tune-bk', 'docs/tune-bl'],
  ...['tune-cg', 'tune-ch', 'docs/tune-bm', 'docs/tune-bn'],
  ...['tune-ci', 'tune-cj', 'docs/tune-bo', 'docs/tune-bp'],
  ...['tune-ck', 'tune-cl', 'docs/tune-bq', 'docs/tune-br'],
  ...['tune-cm', 'tune-cn', 'docs/tune-bs', 'docs/tune-bt'],
  ...['tune-co', 'tune-cp', 'docs/tune-bu', 'docs/tune-bv', 'tune-cq'],
  ...['tune-cr', 'tune-cs', 'docs/tune-bw', 'tune-ct', 'docs/tune-bx'],
  ...['tune-cu', 'docs/tune-by', 'tune-cv'],
  ...['tune-cx', 'docs/tune-bz', 'tune-cw'],
  ...['tune-cy', 'tune-cz', 'docs/tune-ca'],
  ...['tune-da', 'tune-db', 'docs/tune-cb'],
  ...['tune-dc', 'tune-dd', 'docs/tune-cc'],
  ...['tune-de', 'tune-df', 'docs/tune-cd'],
  ...['tune-dg', 'tune-dh', 'docs/tune-ce', 'docs/tune-cf'],
  ...['tune-di', 'tune-dj', 'docs/tune-cg', 'docs/tune-ch'],
  ...['tune-dk', 'tune-dl', 'docs/tune-ci', 'docs/tune-cj', 'tune-dm', 'tune-dn', 'docs/tune-ck', 'docs/tune-cl'],
  ...['tune-do', 'tune-dp', 'tune-dq', 'tune-dr', 'docs/tune-cm', 'docs/tune-cn', 'docs/tune-co', 'docs/tune-cp'],
  ...['tune-ds', 'tune-dt', 'tune-du', 'tune-dv', 'docs/tune-cq', 'docs/tune-cr', 'docs/tune-cs', 'docs/tune-ct'],
  ...['tune-dw', 'tune-dx', 'tune-dy', 'tune-dz', 'docs/tune-cu', 'docs/tune-cv', 'docs/tune-cw', 'docs/tune-cx'],
  ...['tune-ea', 'tune-eb', 'tune-ec', 'tune-ed', 'docs/tune-cy', 'docs/tune-cz', 'docs/tune-da', 'docs/tune-db'],
  ...['tune-ee', 'tune-ef', 'tune-eg', 'tune-eh', 'docs/tune-dc', 'docs/tune-dd', 'docs/tune-de', 'docs/tune-df'],
  ...['tune-ei', 'tune-ej', 'tune-ek', 'tune-el', 'docs/tune-dg', 'docs/tune-dh', 'docs/tune-di', 'docs/tune-dj'],
  ...['tune-em', 'tune-en', 'tune-eo', 'tune-ep', 'docs/tune-dk', 'docs/tune-dl', 'docs/tune-dm', 'docs/tune-dn'],
  ...['tune-eq', 'tune-er', 'tune-es', 'tune-et', 'docs/tune-do', 'docs/tune-dp', 'docs/tune-dq', 'docs/tune-dr'],
  ...['tune-eu', 'tune-ev', 'tune-ew', 'tune-ex', 'docs/tune-ds', 'docs/tune-dt', 'docs/tune-du', 'docs/tune-dv'],
  ...['tune-ey', 'tune-ez', 'tune-fa', 'tune-fb', 'docs/tune-dw', 'docs/tune-dx', 'docs/tune-dy', 'docs/tune-dz']
]
// `--without tune-x,docs/tune-y`: a model that has not seen those sets either, to score new ones blind before they are trained on.
const without = new Set([...NOT_TRAINED, ...(process.argv.includes('--without') ? process.argv[process.argv.indexOf('--without') + 1].split(',') : [])])
const {items, corpusFiles} = trainingData(root, packs, without)
const variant = process.argv.includes('--variant') ? process.argv[process.argv.indexOf('--variant') + 1] : undefined
if (variant !== undefined && !VARIANTS[variant]) throw new Error(`no variant ${variant}: ${Object.keys(VARIANTS).join(', ')}`)
const options = {...DEFAULTS, ...(variant ? VARIANTS[variant] : {})}
const weights = trainWeights(featurize(packs, items), items, options)

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)
const model: ModelData = {
  version: 1,
  ...weights,
  trainedOn: {
    corpora: corpusFiles.map((f) => ({file: `test/corpus/${f}`, sha256: digest(join(root, 'test', 'corpus', f))})),
    ruleExamples: items.filter((i) => i.source === 'examples').length,
    documentSentences: items.filter((i) => i.source.startsWith('docs/')).length,
    items: items.length,
    epochs: options.epochs,
    rate: options.rate,
    l2: options.l2,
    runs: options.orders,
    bootstrap: options.bag,
    minCount: options.minCount
  }
}

const text = JSON.stringify(model) + '\n'
if (process.argv.includes('--check')) {
  const current = readFileSync(MODEL, 'utf8')
  if (current !== text) {
    console.error('rules/model.json is not what the training data gives: run `npm run train-model`')
    process.exit(1)
  }
  console.log('rules/model.json is current')
} else {
  writeFileSync(MODEL, text)
  console.log(`rules/model.json: ${weights.features.length} features, ${weights.triggers.length} trigger words, ${items.length} training sentences (${(text.length / 1024).toFixed(0)} KB)`)
}
