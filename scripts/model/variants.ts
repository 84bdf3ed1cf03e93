/** Training variants compared by scripts/model-cv.ts (each overrides DEFAULTS in train.ts). */
import type {TrainOptions} from './train.js'

export const VARIANTS: Record<string, Partial<TrainOptions>> = {
  shipped: {},
  'min2': {minCount: 2},
  'min3': {minCount: 3},
  'no-bigrams': {drop: ['b']},
  'no-bigrams-min2': {drop: ['b'], minCount: 2},
  'orders10': {orders: 10},
  'bag10': {orders: 10, bag: true},
  'l2-1e-3': {l2: 1e-3},
  'neg2': {negativeWeight: 2}
}
