/**
 * Validate rule packs and run their examples.
 *   npx tsx scripts/check-rules.ts [rules/x.yml ...]   (default: every built-in pack)
 * Exit 0 when every example behaves, 1 when some do not, 2 when a pack is broken.
 */
import {readFileSync} from 'node:fs'
import {checkPacks, parseRulePack, Reviewer, withOptIns} from '../src/core/index.js'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {runExamples} from './lib/examples.js'

const files = process.argv.slice(2)
let packs
try {
  packs = files.length > 0 ? files.map((f) => parseRulePack(f, readFileSync(f, 'utf8'))) : parseBuiltinPacks()
  checkPacks(packs)
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
// Examples run against every built-in rule too, so a pass example shows other rules' findings as context.
const failures = runExamples(packs, new Reviewer(packs, withOptIns(packs)))
for (const f of failures) {
  console.log(`${f.origin} ${f.ruleId}: ${f.kind === 'flag' ? 'not flagged' : 'flagged'}: ${f.sentence}${f.got.length ? `  [got: ${f.got.join(', ')}]` : ''}`)
}
const total = packs.reduce((n, p) => n + p.rules.reduce((m, r) => m + r.examples.flag.length + r.examples.pass.length, 0), 0)
const rules = packs.reduce((n, p) => n + p.rules.length, 0)
console.log(`${rules} rules, ${total} examples, ${failures.length} failing`)
process.exit(failures.length > 0 ? 1 : 0)
