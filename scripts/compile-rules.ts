/**
 * Validate the built-in packs and write them as dist/rules.json, which the CLI and
 * the language server load at start-up instead of parsing YAML. Run by the build.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {COMPILED_RULES, parseBuiltinPacks} from '../src/node/builtin-rules.js'

try {
  const packs = parseBuiltinPacks()
  mkdirSync('dist', {recursive: true})
  writeFileSync(COMPILED_RULES, JSON.stringify(packs))
} catch (error) {
  console.error(`rules: ${(error as Error).message}`)
  process.exit(1)
}
