/**
 * Cross-validation of the second opinion on the tuning data only: for each tuning set (tune.tsv,
 * tune-b.tsv, …, docs/tune, docs/tune-b, …) a model is trained without that set (scripts/model/),
 * and the engine reviews the set with that model and without any, exactly as scripts/accuracy.ts
 * reviews it (sentence sets one Markdown file, documents as they are). What is measured is what
 * the model adds on top of the rules: sentences it rightly flags that the rules missed, clean
 * sentences it flags, marked places in documents it finds, false alarms it adds there.
 *
 *   npx tsx scripts/model-cv.ts [--variant NAME]... [--thresholds 0.8,0.85,0.9] [--fold SET]... [--without SET,...] [--perturb N] [--show] [--json FILE]
 *
 * `--perturb N` also measures stability: N times, a seeded 5% of the rules' examples is left out of
 * training (as a retrain after new examples would shift the data), and the items whose outcome then
 * changes on each held-out set are counted. Held-out sets (heldout*.tsv, docs/heldout) are never read.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {Reviewer, type ModelData, type SourcePack} from '../src/core/index.js'
import {loadDocument, reviewDocument} from '../src/node/documents.js'
import {parseBuiltinPacks, packageRoot} from '../src/node/builtin-rules.js'
import {documentSets, sentenceSets} from './accuracy/corpus.js'
import {scoreDocument, scoreSentences, sentenceDocument} from './accuracy/score.js'
import type {Flag} from './accuracy/systems.js'
import {trainingData, type TrainingItem} from './model/data.js'
import {DEFAULTS, featurize, trainWeights, type TrainOptions} from './model/train.js'
import {VARIANTS} from './model/variants.js'

const {values} = parseArgs({
  options: {
    variant: {type: 'string', multiple: true, default: ['shipped']},
    thresholds: {type: 'string', default: '0.85'},
    perturb: {type: 'string', default: '0'},
    json: {type: 'string'},
    show: {type: 'boolean', default: false},
    fold: {type: 'string', multiple: true},
    without: {type: 'string', default: ''}
  }
})
const root = packageRoot()
const packs = parseBuiltinPacks(root)
// `--without`: sets kept for a blind score (neither a fold nor training data).
const leftOut = new Set(values.without.split(',').filter(Boolean))
const {items} = trainingData(root, packs, leftOut)
const thresholds = values.thresholds.split(',').map(Number)

// Every open set is a fold; held-out sets are not even listed (accuracy/corpus.ts marks them).
const tmp = mkdtempSync(join(tmpdir(), 'model-cv-'))
interface Fold {
  name: string
  files: string[]
  items?: string[]
  score: (flags: Flag[][]) => {gain: number; falseAlarms: number; wrongCategory: number; outcomes: string[]}
}
const folds: Fold[] = []
for (const set of sentenceSets(root).filter((s) => !s.heldOut && s.name !== 'dev' && !leftOut.has(s.name))) {
  const path = join(tmp, `${set.name}.md`)
  writeFileSync(path, sentenceDocument(set.items))
  folds.push({
    name: set.name,
    files: [path],
    items: set.items.map((i) => `${i.expect.join('|') || '-'}\t${i.text}`),
    score: ([flags]) => {
      const r = scoreSentences(set.items, flags, true)
      return {gain: r.score.tp, falseAlarms: r.score.fp, wrongCategory: r.score.tp - (r.score.rightCategory ?? 0), outcomes: r.outcomes.map((o) => o.outcome)}
    }
  })
}
for (const set of documentSets(root).filter((s) => !s.heldOut && !leftOut.has(`docs/${s.name}`))) {
  folds.push({
    name: `docs/${set.name}`,
    files: set.documents.map((d) => join(root, d.path)),
    score: (flags) => {
      const details = set.documents.map((d, i) => scoreDocument(d, flags[i], true))
      return {
        gain: details.reduce((n, d) => n + d.document.places.filter((p) => !p.optional).length - d.missed.length, 0),
        falseAlarms: details.reduce((n, d) => n + d.falseAlarms.length, 0),
        wrongCategory: details.reduce((n, d) => n + d.wrongCategory.length, 0),
        outcomes: details.flatMap((d) => [...d.missed.map((p) => `${d.document.name} missed ${p.line}:${p.start}`), ...d.falseAlarms.map((f) => `${d.document.name} alarm ${f.line}:${f.column} ${f.ruleId} ${JSON.stringify(f.text)} in ${JSON.stringify(d.document.text.split('\n')[f.line - 1])}`)])
      }
    }
  })
}

async function review(model: ModelData | undefined, fold: Fold): Promise<Flag[][]> {
  const withModel: SourcePack[] = packs.map((p, i) => (i === 0 ? {...p, model} : p))
  const reviewer = new Reviewer(withModel, {})
  const out: Flag[][] = []
  for (const path of fold.files) out.push(reviewDocument(reviewer, await loadDocument(path, path)).findings as unknown as Flag[])
  return out
}

console.error('featurizing…')
const features = featurize(packs, items)
const without = (drop: (item: TrainingItem, i: number) => boolean) => {
  const keep = items.map((item, i) => !drop(item, i))
  return {features: features.filter((_, i) => keep[i]), items: items.filter((_, i) => keep[i])}
}
const modelOf = (weights: ReturnType<typeof trainWeights>, threshold: number): ModelData => ({version: 1, ...weights, threshold})

const report: Record<string, unknown> = {}
const base = new Map<string, ReturnType<Fold['score']>>()
for (const fold of folds.filter((f) => !values.fold || values.fold.includes(f.name))) base.set(fold.name, fold.score(await review(undefined, fold)))

for (const name of values.variant) {
  const options: TrainOptions = {...DEFAULTS, ...VARIANTS[name]}
  if (!VARIANTS[name]) throw new Error(`no variant ${name}: ${Object.keys(VARIANTS).join(', ')}`)
  const rows: Array<Record<string, number | string>> = []
  const totals = new Map<number, {sentGain: number; sentFa: number; docGain: number; docFa: number; wrong: number}>(thresholds.map((t) => [t, {sentGain: 0, sentFa: 0, docGain: 0, docFa: 0, wrong: 0}]))
  let flips = 0
  const flipsPerRun: number[] = []
  const sizes: string[] = []
  const started = Date.now()
  for (const fold of folds.filter((f) => !values.fold || values.fold.includes(f.name))) {
    const data = without((item) => item.source === fold.name)
    const weights = trainWeights(data.features, data.items, options)
    const before = base.get(fold.name)!
    sizes.push(`${weights.features.length}/${weights.triggers.length}`)
    let outcomes85: string[] | undefined
    for (const t of thresholds) {
      const after = fold.score(await review(modelOf(weights, t), fold))
      if (t === options.threshold) outcomes85 = after.outcomes
      if (values.show && t === options.threshold) {
        // Tuning sets only (folds are never held out): what the model changed, item by item.
        const was = new Set(before.outcomes.map((o, i) => (fold.name.startsWith('docs/') ? o : `${i}\t${o}`)))
        after.outcomes.forEach((o, i) => {
          const key = fold.name.startsWith('docs/') ? o : `${i}\t${o}`
          if (!was.has(key) && !o.includes('missed')) console.log(`  [${fold.name}] ${fold.name.startsWith('docs/') ? o : `${o}: ${fold.items?.[i]}`}`)
        })
      }
      const row = {fold: fold.name, threshold: t, gain: after.gain - before.gain, falseAlarms: after.falseAlarms - before.falseAlarms, wrongCategory: after.wrongCategory - before.wrongCategory}
      rows.push(row)
      const total = totals.get(t)!
      if (fold.name.startsWith('docs/')) {
        total.docGain += row.gain
        total.docFa += row.falseAlarms
      } else {
        total.sentGain += row.gain
        total.sentFa += row.falseAlarms
        total.wrong += row.wrongCategory
      }
    }
    for (let k = 0; k < Number(values.perturb); k++) {
      // A seeded 5% of the rule examples left out: how much does the opinion's output move?
      const drop = (item: TrainingItem, i: number) => item.source === fold.name || (item.source === 'examples' && ((i * 2654435761 + k * 97) >>> 0) % 20 === 0)
      const d = without(drop)
      const after = fold.score(await review(modelOf(trainWeights(d.features, d.items, options), options.threshold), fold))
      // Sentences: items whose outcome changed. Documents: places missed or false alarms present in one run only.
      const docs = fold.name.startsWith('docs/')
      const a = new Set(after.outcomes.map((o, i) => (docs ? o : `${i}:${o}`)))
      const b = new Set((outcomes85 ?? []).map((o, i) => (docs ? o : `${i}:${o}`)))
      const changed = docs ? [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length : [...a].filter((x) => !b.has(x)).length
      flips += changed
      flipsPerRun.push(changed)
    }
  }
  console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(0)} s) ${JSON.stringify(VARIANTS[name])}`)
  for (const r of rows) console.log(`  ${String(r.fold).padEnd(12)} t=${r.threshold}  +${r.gain} found, +${r.falseAlarms} false alarms, +${r.wrongCategory} wrong category`)
  for (const [t, s] of totals) console.log(`  TOTAL t=${t}: sentences +${s.sentGain} hits / +${s.sentFa} false alarms (${s.wrong} wrong cat.); documents +${s.docGain} places / +${s.docFa} false alarms`)
  console.log(`  features/trigger words per fold: ${sizes.join(' ')}`)
  if (Number(values.perturb) > 0) console.log(`  stability: ${flips} outcome changes over ${Number(values.perturb)} perturbed retrains per fold (${flipsPerRun.join(' ')})`)
  report[name] = {options: VARIANTS[name], rows, totals: Object.fromEntries(totals), flips}
}
if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n')
rmSync(tmp, {recursive: true, force: true})
