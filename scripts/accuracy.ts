/**
 * How accurate is recovery-lint, and against what? One run scores every labelled
 * corpus under test/corpus/ for recovery-lint as shipped (the built CLI), the same
 * engine with its frame rules removed (the phrase-only baseline) and alex.
 *
 *   npm run accuracy                      build, score, print, write test-results/accuracy.json
 *   npm run accuracy -- --verbose         also list the tuning sets' misses item by item
 *   npm run accuracy -- --write-docs      also rewrite the figures in docs/accuracy.md
 *   npm run accuracy -- --check-docs      exit 1 when docs/accuracy.md's figures are stale
 *   options: --json FILE (default test-results/accuracy.json), --rules N (rows of the per-rule table),
 *            --no-cli (in-process engine only: faster, no CLI check), --no-scorer-check
 *
 * Held-out sets (every set not named dev or tune*) are reported in aggregate only:
 * never a sentence, a document line or a per-item miss, in any output.
 * Exit codes: 0 done; 1 a check failed (the CLI and the in-process engine differ, the
 * shared scorer disagrees, or --check-docs found stale figures); 2 it could not run.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {SHARED_DEV} from './accuracy/corpus.js'
import {evaluate} from './accuracy/evaluate.js'
import {currentSection, docSection, DOC_PATH, jsonResults, scoreCorpusLines, textReport, withSection, type ScorerCheck} from './accuracy/report.js'

const SCORER = join('..', 'shared', 'tools', 'score-corpus.mjs')

async function main(): Promise<number> {
  let values
  try {
    ;({values} = parseArgs({
      options: {
        verbose: {type: 'boolean', default: false},
        'write-docs': {type: 'boolean', default: false},
        'check-docs': {type: 'boolean', default: false},
        json: {type: 'string', default: join('test-results', 'accuracy.json')},
        rules: {type: 'string'},
        'no-cli': {type: 'boolean', default: false},
        'no-scorer-check': {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    }))
  } catch (error) {
    console.error(`accuracy: ${(error as Error).message.split('\n')[0]}`)
    return 2
  }
  if (values.help) {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0].replace(/^\/\*\*?|^ \* ?/gm, ''))
    return 0
  }
  const root = process.cwd()
  const rulesShown = values.rules === undefined ? 30 : Number(values.rules)
  if (!Number.isInteger(rulesShown) || rulesShown < 0) {
    console.error(`accuracy: --rules takes a whole number, not "${values.rules}"`)
    return 2
  }
  const cli = !values['no-cli']
  if (cli && !existsSync(join(root, 'dist', 'cli.cjs'))) {
    console.error('accuracy: dist/cli.cjs is missing: build first (npm run build), or use npm run accuracy, which builds')
    return 2
  }
  const sharedDev = join(root, SHARED_DEV)
  const ownDev = join(root, 'test', 'corpus', 'dev.tsv')
  if (existsSync(sharedDev) && existsSync(ownDev) && readFileSync(sharedDev, 'utf8') !== readFileSync(ownDev, 'utf8')) {
    console.error(`accuracy: note: test/corpus/dev.tsv differs from ${SHARED_DEV}; the copy in test/corpus is scored`)
  }

  const evaluation = await evaluate({root, cli})

  // The shared scorer on the same sentence files: its three summary lines must be ours.
  let scorer: ScorerCheck[] | undefined
  if (cli && !values['no-scorer-check']) {
    scorer = []
    if (existsSync(join(root, SCORER))) {
      for (const {set, results} of evaluation.sentences) {
        const theirs = execFileSync(process.execPath, [join(root, SCORER), set.path], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 28}).trim()
        const ours = scoreCorpusLines(results.shipped.score)
        scorer.push({set: set.name, theirs, ours, agrees: theirs === ours})
      }
    }
  }

  process.stdout.write(textReport(evaluation, {verbose: values.verbose, scorer, rules: rulesShown}))

  const jsonPath = resolve(root, values.json)
  mkdirSync(dirname(jsonPath), {recursive: true})
  writeFileSync(jsonPath, JSON.stringify(jsonResults(evaluation, {verbose: values.verbose, scorer}), null, 2) + '\n')
  console.log(`\nwrote ${values.json}`)

  const checksOk = (evaluation.agreement?.ok ?? true) && (scorer ?? []).every((c) => c.agrees)
  for (const c of (scorer ?? []).filter((c) => !c.agrees)) console.error(`accuracy: ${c.set}: score-corpus.mjs says\n${c.theirs}\nbut this script computed\n${c.ours}`)

  const section = docSection(evaluation)
  const doc = existsSync(join(root, DOC_PATH)) ? readFileSync(join(root, DOC_PATH), 'utf8') : undefined
  if (values['write-docs']) {
    if (!checksOk) {
      console.error(`accuracy: a check failed, so ${DOC_PATH} was not rewritten`)
      return 1
    }
    if (doc === undefined) {
      console.error(`accuracy: ${DOC_PATH} is missing`)
      return 2
    }
    const next = withSection(doc, section)
    if (next !== doc) writeFileSync(join(root, DOC_PATH), next)
    console.log(next === doc ? `${DOC_PATH}: figures already current` : `${DOC_PATH}: figures rewritten`)
  } else if (values['check-docs']) {
    const current = doc === undefined ? undefined : currentSection(doc)
    if (current !== section) {
      console.error(`accuracy: ${DOC_PATH}'s figures are stale: run npm run accuracy -- --write-docs`)
      return 1
    }
    console.log(`${DOC_PATH}: figures current`)
  }
  return checksOk ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`accuracy: ${(error as Error)?.message ?? error}`)
    process.exit(2)
  }
)
