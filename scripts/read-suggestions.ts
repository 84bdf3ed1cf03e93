/**
 * Suggestions as a user sees them on whole documents, for reading by eye: every
 * finding's sentence, then that sentence with each edit it offers put in (the
 * first is what a quick fix offers first and `--fix` applies when SAFE), then its
 * advice. Defaults to the tuning documents and samples/; the held-out documents
 * are the project's final test and are refused.
 *
 *   npx tsx scripts/read-suggestions.ts [file.md …]
 *   npx tsx scripts/read-suggestions.ts --examples [rule-id]
 *
 * `--examples` reads every rule's own flag examples instead: each sentence with
 * the rule's FIRST edit put in exactly as a quick fix or `--fix` applies it (or
 * "advice: …" when the finding offers no edit), marked SAFE when `--fix` would
 * apply it unasked.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {fixRange, Reviewer, withOptIns} from '../src/core/index.js'
import {builtinPacks, parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {ruleExamples} from '../test/support/oracle.js'

if (process.argv[2] === '--examples') {
  const only = process.argv[3]
  const packs = parseBuiltinPacks()
  const reviewer = new Reviewer(packs, withOptIns(packs))
  let n = 0
  for (const {ruleId, sentence} of ruleExamples(packs)) {
    if (only && ruleId !== only) continue
    const own = reviewer.review(sentence, 'text').filter((f) => f.ruleId === ruleId)
    if (own.length === 0) console.log(`#${++n} ${ruleId} NOT FLAGGED: ${sentence}`)
    for (const f of own) {
      const head = `#${++n} ${ruleId}${f.safeFix ? ' SAFE' : ''} [${f.text}]`
      const fix = f.fixes[0]
      if (!fix) {
        console.log(`${head} advice: ${f.advice[0] ?? '(none)'}\n     ${sentence}`)
        continue
      }
      const {offset, endOffset} = fixRange(f, fix)
      console.log(`${head}\n     ${sentence.slice(0, offset)}«${fix.replacement}»${sentence.slice(endOffset)}`)
    }
  }
  process.exit(0)
}

const root = new URL('../', import.meta.url)
const defaults = ['test/corpus/docs/tune', 'test/corpus/docs/tune-b', 'samples'].flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => new URL(`${dir}/${f}`, root).pathname)
)
const files = process.argv.length > 2 ? process.argv.slice(2) : defaults
if (files.some((f) => /heldout/.test(f))) {
  console.error('read-suggestions: the held-out documents are the final test; read them only there')
  process.exit(2)
}
const reviewer = new Reviewer(builtinPacks(), {})
const flat = (s: string) => s.replace(/\s+/g, ' ').trim()
let n = 0
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  for (const f of reviewer.review(text)) {
    if (f.fixes.length === 0 && f.advice.length === 0) continue
    const {start, end} = f.sentence
    console.log(`#${++n} ${file.split('/').slice(-2).join('/')} ${f.ruleId} [${flat(f.text)}]${f.safeFix ? ' SAFE' : ''}`)
    console.log(`     ${flat(text.slice(start, end))}`)
    for (const fix of f.fixes) {
      const {offset, endOffset} = fixRange(f, fix)
      const rewrite = fix.before || fix.after ? 'r' : ' '
      console.log(`  ${fix.alternative}${rewrite}> ${flat(`${text.slice(start, offset)}«${fix.replacement}»${text.slice(endOffset, end)}`)}`)
    }
    for (const a of f.advice) console.log(`  adv: ${a}`)
  }
}
