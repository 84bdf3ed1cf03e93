// Every built-in rule's examples run as tests: `flag` sentences must give a finding
// of that rule and `pass` sentences none. Plus the catalogue's own invariants.
import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {Reviewer} from '../src/core/review.js'
import {parseRulePack, checkPacks, RulePackError} from '../src/core/rules/load.js'
import {CATEGORIES} from '../src/core/types.js'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {withOptIns} from '../src/core/config.js'

const packs = parseBuiltinPacks()
// Opt-in rules are on here, so their examples run too.
const reviewer = new Reviewer(packs, withOptIns(packs))
const rules = packs.flatMap((p) => p.rules)

test('one pack per category, each rule in its pack category', () => {
  assert.deepEqual(packs.map((p) => p.category).sort(), [...CATEGORIES].sort())
  for (const p of packs) assert.ok(p.origin.endsWith(`${p.category}.yml`), p.origin)
})

test('at least 90 rules with unique kebab-case ids', () => {
  assert.ok(rules.length >= 90, `only ${rules.length} rules`)
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length)
})

test('contested wording is never an error, in any profile', () => {
  for (const r of rules.filter((r) => r.contested)) {
    assert.notEqual(r.severity, 'error', r.id)
    for (const s of Object.values(r.profiles ?? {})) assert.notEqual(s, 'error', r.id)
  }
})

test('every rule has a one-sentence message and a short rationale', () => {
  for (const r of rules) {
    assert.ok(!/[.!?]\s+[A-Z]/.test(r.message.trim()), `${r.id}: message should be one sentence`)
    assert.ok(r.rationale.split(/(?<=[.!?])\s+(?=[A-Z])/).length <= 3, `${r.id}: rationale over three sentences`)
  }
})

for (const pack of packs) {
  describe(`${pack.category} examples`, () => {
    for (const rule of pack.rules) {
      test(rule.id, () => {
        for (const sentence of rule.examples.flag) {
          const got = reviewer.review(sentence).filter((f) => f.ruleId === rule.id)
          assert.ok(got.length > 0, `should flag: ${sentence}`)
          for (const f of got) assert.equal(sentence.slice(f.offset, f.endOffset), f.text)
        }
        for (const sentence of rule.examples.pass) {
          const got = reviewer.review(sentence).filter((f) => f.ruleId === rule.id)
          assert.deepEqual(got.map((f) => f.text), [], `should not flag: ${sentence}`)
        }
      })
    }
  })
}

describe('a broken pack is one error naming the file, the rule and the problem', () => {
  const base = (rule: string) => `category: deficit\nrules:\n${rule}`
  const good = `  - id: x-rule\n    severity: warning\n    phrases: [hopeless]\n    message: This is a message.\n    rationale: This is a rationale that is long enough.\n    alternatives: [hopeful]\n    principles: [safe]\n    sources: [src]\n    examples: {flag: [a, b], pass: [c, d]}\n`
  const cases: Array<[string, string, RegExp]> = [
    ['YAML syntax', 'category: [', /^org\/pack\.yml: cannot parse: /],
    ['unknown category', 'category: nope\nrules: []', /^org\/pack\.yml: `category` must be one of "clinicalised"/],
    ['bad severity', base(good.replace('severity: warning', 'severity: loud')), /^org\/pack\.yml: rule `x-rule`: `rules\.0\.severity` must be one of "error", "warning", "info"$/],
    ['missing examples', base(good.replace(/    examples.*\n/, '')), /^org\/pack\.yml: rule `x-rule`: `rules\.0`: missing `examples`$/],
    ['contested error', base(good.replace('severity: warning', 'severity: error\n    contested: true')), /^org\/pack\.yml: rule `x-rule`: a contested rule cannot be an error$/],
  ]
  test('unknown word class', () => {
    const pack = parseRulePack('org/pack.yml', base(good + '    unlessBefore: ["@verb"]\n'))
    assert.throws(() => checkPacks([...packs, pack]), /^RulePackError: org\/pack\.yml: rule `x-rule`: unknown word class `@verb` \(known: @be, .*@staff/)
  })
  for (const [name, text, expected] of cases) {
    test(name, () => {
      assert.throws(() => parseRulePack('org/pack.yml', text), (error: unknown) => {
        assert.ok(error instanceof RulePackError)
        assert.match(error.message, expected)
        assert.ok(!error.message.includes('\n'), 'one line')
        return true
      })
    })
  }
  test('duplicate id across packs', () => {
    const a = parseRulePack('a.yml', base(good))
    const b = parseRulePack('b.yml', base(good))
    assert.throws(() => checkPacks([a, b]), /^Error|b\.yml: rule `x-rule` is already defined in a\.yml$/)
  })
})
