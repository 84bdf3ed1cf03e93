/**
 * The second opinion: a small logistic model trained here (scripts/train-model.ts)
 * on the project's own labelled sentences and the rules' examples, shipped as data
 * (rules/model.json). Where no rule found anything in a sentence and the model is
 * confident the sentence uses clinical, hierarchical or deficit framing, it names
 * the likeliest category; a category-level rule (`framing-<category>`) explains the
 * finding in words. It never removes a rule's finding.
 */
import type {CategoryId, ModelData} from '../types.js'

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export class SecondOpinion {
  readonly threshold: number
  readonly triggers: Set<string>
  private readonly any = new Map<string, number>()
  private readonly categories: Array<[CategoryId, Map<string, number>]> = []

  constructor(data: ModelData) {
    this.threshold = data.threshold
    this.triggers = new Set(data.triggers)
    data.features.forEach((f, i) => {
      if (data.any[i] !== 0) this.any.set(f, data.any[i])
    })
    for (const [category, weights] of Object.entries(data.categories) as Array<[CategoryId, number[]]>) {
      const map = new Map<string, number>()
      data.features.forEach((f, i) => {
        if (weights[i] !== 0) map.set(f, weights[i])
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
