/**
 * Validate the built-in packs and write dist/rules.json: the packs, and every
 * phrase and guard of theirs compiled, which the CLI and the language server
 * load at start-up instead of parsing YAML and compiling word forms. Run by the
 * build, with the fingerprint (RECOVERY_LINT_BUILD) it also gives the bundles.
 */
import {mkdirSync} from 'node:fs'
import {compiledLexiconData, compiledPhrasesData, packModel, PROFILES, Reviewer, type RulePack, type WordClassSpec} from '../src/core/index.js'
import {COMPILED_RULES, parseBuiltinPacks, type CompiledRules} from '../src/node/builtin-rules.js'
import {writeFileAtomic} from '../src/node/safe-write.js'

try {
  const packs = parseBuiltinPacks()
  // Every rule on, in every profile: each phrase and guard a reviewer could compile, and each word class entry, is compiled once here.
  const everyRule = {rules: Object.fromEntries(packs.flatMap((p) => p.rules).map((r) => [r.id, true] as const))}
  for (const profile of PROFILES) new Reviewer(packs, {...everyRule, profile})
  // What runs needs no authors' notes. The rule pages the editor shows keep one example that fires and one that
  // does not (the .vsix has a size budget, and the second opinion's weights read more with the room: docs/accuracy.md,
  // eighth round; docs/rules and the packs have every example, and the tests run them all from the packs). A rule's
  // category and origin are its pack's, and its sources are numbers in the pack's sourceTable: unpackRules puts them back on load.
  // Sources repeat across a pack's rules: each pack lists them once, and a rule names them by number.
  const shipped = packs.map((p) => {
    const sourceTable = [...new Set(p.rules.flatMap((r) => r.sources ?? []))]
    const rules = p.rules.map(({note: _note, category: _category, origin: _origin, ...rule}) => ({
      ...rule,
      ...(rule.sources ? {sources: rule.sources.map((source) => sourceTable.indexOf(source))} : {}),
      ...(rule.examples ? {examples: {flag: rule.examples.flag.slice(0, 1), pass: rule.examples.pass.slice(0, 1)}} : {})
    }))
    // A word class's description is for the packs' authors (docs/rule-format.md); matching reads its words.
    const classes = p.classes ? Object.fromEntries(Object.entries(p.classes).map(([name, {description: _description, ...spec}]: [string, WordClassSpec & {description?: string}]) => [name, spec])) : undefined
    return {...p, ...(p.model ? {model: packModel(p.model)} : {}), ...(classes ? {classes} : {}), sourceTable, rules}
  })
  const compiled: CompiledRules = {build: process.env.RECOVERY_LINT_BUILD ?? 'source', packs: shipped as unknown as RulePack[], phrases: compiledPhrasesData(packs), lexicon: compiledLexiconData(packs)}
  mkdirSync('dist', {recursive: true})
  // Renamed into place: a CLI started during a build reads the old rules or the new, never half of them.
  writeFileAtomic(COMPILED_RULES, JSON.stringify(compiled))
} catch (error) {
  console.error(`rules: ${(error as Error).message}`)
  process.exit(1)
}
