/**
 * Measure suggestions with the grammar oracle: substitute every suggestion of
 * every finding on the rule examples and the test corpora, and count the
 * substitutions that add a grammar lint (harper.js).
 *
 *   npx tsx scripts/suggestion-oracle.ts            counts
 *   npx tsx scripts/suggestion-oracle.ts --list     also every substitution that adds a lint
 *   npx tsx scripts/suggestion-oracle.ts --raw      count harper's known false lints too
 *   npx tsx scripts/suggestion-oracle.ts --corpus dev.tsv   only that corpus file
 *   npx tsx scripts/suggestion-oracle.ts --firsts   every first suggestion in its sentence (for reading by eye)
 *   npx tsx scripts/suggestion-oracle.ts --all [rule-id]   every finding with every edit and advice
 */
import {fixRange, Reviewer, withOptIns} from '../src/core/index.js'
import {parseBuiltinPacks} from '../src/node/builtin-rules.js'
import {corpusSentences, judge, readExceptions, ruleExamples, substitutions, type Substitution} from '../test/support/oracle.js'

const packs = parseBuiltinPacks()
const reviewer = new Reviewer(packs, withOptIns(packs))
const list = process.argv.includes('--list')
const {falseLints} = process.argv.includes('--raw') ? {falseLints: []} : readExceptions()
const firsts = process.argv.includes('--firsts')

async function measure(name: string, subs: Substitution[]) {
  const t0 = performance.now()
  let bad = 0
  let badFirst = 0
  let first = 0
  for (const s of subs) {
    const v = await judge(s, falseLints)
    if (s.first) first++
    if (firsts && s.first) console.log(`${s.ruleId}\t${s.result}`)
    if (v.added.length === 0) continue
    bad++
    if (s.first) badFirst++
    if (list) console.log(`${s.first ? '*' : ' '} ${s.ruleId}: ${s.result}\n    ${v.added.map((l) => `${l.kind} “${l.problem}”: ${l.message}`).join('\n    ')}`)
  }
  console.log(`${name}: ${bad} of ${subs.length} substitutions add a grammar lint; first suggestions: ${badFirst} of ${first} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}

if (process.argv.includes('--all')) {
  const only = process.argv[process.argv.indexOf('--all') + 1]
  const sentences = [...ruleExamples(packs).map((e) => e.sentence), ...corpusSentences().map((c) => c.sentence)]
  for (const sentence of [...new Set(sentences)]) {
    for (const f of reviewer.review(sentence, 'text')) {
      if (only && f.ruleId !== only) continue
      console.log(`${f.ruleId} [${f.text}]${f.safeFix ? ' SAFE' : ''}: ${sentence}`)
      for (const fix of f.fixes) {
        const {offset, endOffset} = fixRange(f, fix)
        console.log(`  ${fix.alternative}${fix.before || fix.after ? ' rewrite' : ''}: ${sentence.slice(0, offset)}«${fix.replacement}»${sentence.slice(endOffset)}`)
      }
      for (const a of f.advice) console.log(`  advice: ${a}`)
    }
  }
  process.exit(0)
}

const t0 = performance.now()
const examples = ruleExamples(packs).flatMap(({sentence}) => substitutions(reviewer, sentence))
const only = process.argv.includes('--corpus') ? process.argv[process.argv.indexOf('--corpus') + 1] : undefined
const corpus = corpusSentences()
  .filter((c) => !only || c.file === only)
  .flatMap(({sentence}) => substitutions(reviewer, sentence))
await measure('rule examples', examples)
await measure('corpora', corpus)
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`)
