/**
 * The second opinion: a small logistic model trained here (scripts/train-model.ts)
 * on the project's own labelled sentences and the rules' examples, shipped as data
 * (rules/model.json). Where no rule found anything in a sentence and the model is
 * confident the sentence uses clinical, hierarchical or deficit framing, it names
 * the likeliest category; a category-level rule (`framing-<category>`) explains the
 * finding in words. It never removes a rule's finding.
 */
import {frontCode, frontDecode} from '../match/packing.js'
import type {CategoryId, ModelData} from '../types.js'

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/**
 * The model as the compiled rules store it: its weights as integers over `scale` when
 * every weight has at most three decimals (as the trainer writes them: k / 1000 is the
 * double nearest to the decimal, so the same numbers), its features sorted and
 * front-coded (packing.ts) and the weights feature by feature in `rows` (any, then
 * each of `columns`): fewer bytes in the package. Unchanged otherwise.
 */
export function packModel(model: ModelData): ModelData {
  if (model.scale !== undefined || model.rows) return model
  const scale = 1000
  const columns = Object.keys(model.categories) as CategoryId[]
  const weights = [model.any, ...columns.map((c) => model.categories[c]!)]
  if (!weights.every((ws) => ws.every((w) => Math.round(w * scale) / scale === w))) return model
  const order = model.features.map((_, i) => i).sort((a, b) => (model.features[a] < model.features[b] ? -1 : model.features[a] > model.features[b] ? 1 : 0))
  const rows = order.flatMap((i) => weights.map((ws) => Math.round(ws[i] * scale)))
  return {...model, scale, features: frontCode(order.map((i) => model.features[i])), any: [], categories: {}, columns, rows}
}

/** Undo packModel's layout (the weights stay over `scale`). */
export function unpackModel(model: ModelData): ModelData {
  if (!model.rows || !model.columns) return model
  const {rows, columns, ...rest} = model
  const features = frontDecode(model.features)
  const width = columns.length + 1
  const column = (j: number) => features.map((_, i) => rows[i * width + j])
  return {...rest, features, any: column(0), categories: Object.fromEntries(columns.map((c, j) => [c, column(j + 1)]))}
}

export class SecondOpinion {
  readonly threshold: number
  readonly triggers: Set<string>
  private readonly any = new Map<string, number>()
  private readonly categories: Array<[CategoryId, Map<string, number>]> = []

  constructor(packed: ModelData) {
    const data = unpackModel(packed)
    this.threshold = data.threshold
    this.triggers = new Set(data.triggers)
    const scale = data.scale ?? 1
    data.features.forEach((f, i) => {
      if (data.any[i] !== 0) this.any.set(f, data.any[i] / scale)
    })
    for (const [category, weights] of Object.entries(data.categories) as Array<[CategoryId, number[]]>) {
      const map = new Map<string, number>()
      data.features.forEach((f, i) => {
        if (weights[i] !== 0) map.set(f, weights[i] / scale)
      })
      this.categories.push([category, map])
    }
  }

  /** The probability that the sentence uses the framing the categories describe. */
  probability(features: string[]): number {
    let z = 0
    for (const f of features) z += this.any.get(f) ?? 0
    return sigmoid(z)
  }

  /** The likeliest category among those allowed, or undefined when none is. */
  category(features: string[], allowed: (c: CategoryId) => boolean): CategoryId | undefined {
    let best: CategoryId | undefined
    let bestScore = -Infinity
    for (const [category, weights] of this.categories) {
      if (!allowed(category)) continue
      let z = 0
      for (const f of features) z += weights.get(f) ?? 0
      if (z > bestScore) {
        bestScore = z
        best = category
      }
    }
    return best
  }
}
