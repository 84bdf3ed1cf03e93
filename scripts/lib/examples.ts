/**
 * Run a rule's own examples: each `flag` sentence must give a finding of that
 * rule, each `pass` sentence none. Build-time only (scripts/check-rules.ts).
 */
import {Reviewer, type SourcePack} from '../../src/core/index.js'

export interface ExampleFailure {
  ruleId: string
  origin: string
  kind: 'flag' | 'pass'
  sentence: string
  got: string[]
}

export function runExamples(packs: SourcePack[], reviewer = new Reviewer(packs, {})): ExampleFailure[] {
  const failures: ExampleFailure[] = []
  for (const pack of packs) {
    for (const rule of pack.rules) {
      for (const kind of ['flag', 'pass'] as const) {
        for (const sentence of rule.examples[kind]) {
          const findings = reviewer.review(sentence, 'markdown')
          const own = findings.filter((f) => f.ruleId === rule.id)
          if ((kind === 'flag') !== own.length > 0) {
            failures.push({ruleId: rule.id, origin: pack.origin, kind, sentence, got: findings.map((f) => `${f.ruleId} "${f.text}"`)})
          }
        }
      }
    }
  }
  return failures
}
