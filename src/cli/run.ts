/**
 * The command line: argv → documents → review → report → exit code.
 *   0  no finding of severity warning or error
 *   1  at least one
 *   2  it could not do its job (bad arguments, unreadable file, invalid config)
 */
import {writeFileSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {PROFILES, type Profile} from '../core/types.js'
import {builtinPacks} from '../node/builtin-rules.js'
import {expandPaths} from '../node/files.js'
import {Project} from '../node/project.js'
import {decodeDocument, formatFor, readDocument} from '../node/read-document.js'
import {formatJson} from './format/json.js'
import {colours, formatStylish, plain} from './format/stylish.js'
import type {FileResult} from './results.js'

export interface Io {
  stdout: (s: string) => void
  stderr: (s: string) => void
  readStdin: () => Promise<Buffer>
  isTty: boolean
  cwd: string
  env: Record<string, string | undefined>
}

const FORMATS = ['stylish', 'json'] as const
type OutputFormat = (typeof FORMATS)[number]

export const HELP = `Usage: recovery-lint [options] [paths...]

Reviews documents for recovery-oriented, peer-aligned language.
Paths are files, folders (Markdown and text files inside) or globs; "-" reads stdin.

Options:
  -f, --format <name>        stylish (default) or json
  -c, --config <file>        use this config file only (no search up the folders)
      --profile <name>       peer (default), service or clinical
      --stdin-filename <p>   name for stdin input (picks the format and config)
      --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
  -o, --output <file>        write the report to a file
      --list-rules           list every rule and exit
      --color / --no-color   force colour on or off
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no warnings or errors, 1 findings, 2 could not do its job.
`

export async function run(argv: string[], io: Io, version = '0.0.0'): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f', default: 'stylish'},
        config: {type: 'string', short: 'c'},
        profile: {type: 'string'},
        'stdin-filename': {type: 'string'},
        quiet: {type: 'boolean', default: false},
        'max-warnings': {type: 'string'},
        output: {type: 'string', short: 'o'},
        'list-rules': {type: 'boolean', default: false},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    io.stderr(`recovery-lint: ${(error as Error).message.split('\n')[0]} (see --help)\n`)
    return 2
  }
  const {values, positionals} = args
  if (values.help) {
    io.stdout(HELP)
    return 0
  }
  if (values.version) {
    io.stdout(version + '\n')
    return 0
  }
  const fail = (message: string) => {
    io.stderr(`recovery-lint: ${message}\n`)
    return 2
  }
  if (!FORMATS.includes(values.format as OutputFormat)) return fail(`unknown format "${values.format}" (use ${FORMATS.join(' or ')})`)
  if (values.profile !== undefined && !PROFILES.includes(values.profile as Profile)) {
    return fail(`unknown profile "${values.profile}" (use ${PROFILES.join(', ')})`)
  }
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return fail(`--max-warnings takes a whole number, not "${values['max-warnings']}"`)
  }

  try {
    builtinPacks()
  } catch (error) {
    return fail((error as Error).message)
  }
  if (values['list-rules']) {
    for (const pack of builtinPacks()) for (const r of pack.rules) io.stdout(`${r.id}\t${r.category}\t${r.severity}\t${r.phrases.join(', ')}\n`)
    return 0
  }
  if (positionals.length === 0) return fail('no paths given (try "recovery-lint docs/" or see --help)')

  const project = new Project({
    configFile: values.config ? resolve(io.cwd, values.config) : undefined,
    overrides: values.profile ? {profile: values.profile as Profile} : undefined
  })
  if (values.config) {
    try {
      project.configFor(resolve(io.cwd, values.config))
    } catch (error) {
      return fail((error as Error).message)
    }
  }

  const results: FileResult[] = []
  let broken = false
  const problem = (message: string) => {
    broken = true
    io.stderr(`recovery-lint: ${message}\n`)
  }
  const review = (name: string, path: string, text: string) => {
    const reviewer = project.reviewerFor(path)
    let findings = reviewer.review(text, formatFor(path))
    if (values.quiet) findings = findings.filter((f) => f.severity === 'error')
    results.push({file: name, findings})
  }

  const paths = positionals.filter((p) => p !== '-')
  if (positionals.includes('-')) {
    const name = values['stdin-filename'] ?? '<stdin>'
    const path = resolve(io.cwd, values['stdin-filename'] ?? 'stdin.md')
    try {
      review(name, path, decodeDocument(name, await io.readStdin()))
    } catch (error) {
      problem((error as Error).message)
    }
  }
  const expanded = expandPaths(paths, io.cwd)
  for (const p of expanded.problems) problem(p)
  for (const file of expanded.files) {
    const name = displayName(file, io.cwd)
    try {
      if (project.isIgnored(file)) continue
      review(name, file, readDocument(file, name))
    } catch (error) {
      problem((error as Error).message)
    }
  }

  const useColour = values['no-color'] ? false : (values.color ?? (io.isTty && !values.output && !io.env.NO_COLOR))
  const report = values.format === 'json' ? formatJson(results) : formatStylish(results, useColour ? colours : plain)
  if (values.output) {
    try {
      writeFileSync(resolve(io.cwd, values.output), report)
    } catch (error) {
      return fail(`${values.output}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  } else io.stdout(report)

  if (broken) return 2
  const all = results.flatMap((r) => r.findings)
  const warnings = all.filter((f) => f.severity === 'warning').length
  if (all.some((f) => f.severity === 'error')) return 1
  if (maxWarnings !== undefined) return warnings > maxWarnings ? 1 : 0
  return warnings > 0 ? 1 : 0
}

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file)
  return rel && !rel.startsWith('..') ? rel : file
}

