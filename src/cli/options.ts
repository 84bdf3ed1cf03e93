/** The command line's options and its --help text. */
import type {ParseArgsConfig} from 'node:util'
import {CATEGORIES} from '../core/index.js'

export const OPTIONS = {
  format: {type: 'string', short: 'f'},
  config: {type: 'string', short: 'c'},
  profile: {type: 'string'},
  region: {type: 'string'},
  'stdin-filename': {type: 'string'},
  quiet: {type: 'boolean', default: false},
  'max-warnings': {type: 'string'},
  output: {type: 'string', short: 'o'},
  'list-rules': {type: 'boolean', default: false},
  rule: {type: 'string', multiple: true},
  category: {type: 'string', multiple: true},
  'print-config': {type: 'string'},
  init: {type: 'boolean', default: false},
  fix: {type: 'boolean', default: false},
  'fix-dry-run': {type: 'boolean', default: false},
  'review-docx': {type: 'string'},
  'review-docx-dir': {type: 'string'},
  'track-changes': {type: 'boolean', default: false},
  'comments-in-notes': {type: 'boolean', default: false},
  cache: {type: 'boolean', default: false},
  'cache-location': {type: 'string'},
  workers: {type: 'string'},
  'no-ignore': {type: 'boolean', default: false},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  help: {type: 'boolean', short: 'h', default: false},
  version: {type: 'boolean', short: 'v', default: false}
} satisfies ParseArgsConfig['options']

export const HELP = `Usage: recovery-lint [options] [paths...]

Reviews documents for recovery-oriented, peer-aligned language.
Paths are files, folders or globs; "-" reads stdin. Folders are searched for
Markdown, text, HTML and Word (.docx) files; .gitignore and .recoverylintignore
are respected.

Output:
  -f, --format <name>        stylish (default), json, sarif, github or html
  -o, --output <file>        write the report to a file
      --quiet                report errors only
      --max-warnings <n>     exit 1 only when there are more than n warnings
      --rule <id>            only this rule (repeatable)
      --category <id>        only this category (repeatable): ${CATEGORIES.join(', ')}
      --color / --no-color   force colour on or off

Configuration:
  -c, --config <file>        use this config file only (no search up the folders)
      --profile <name>       peer (default), service or clinical
      --region <code>        us, ca, uk, ie, au or nz (default: each document's own signs)
      --stdin-filename <p>   name for stdin input (picks the format and config)
      --no-ignore            do not read .gitignore / .recoverylintignore
      --print-config <file>  print the configuration that applies to a file, and exit
      --init                 write a starter .recoverylintrc.json here, and exit
      --list-rules           list every rule (with --format json: as JSON), and exit

Fixing:
      --fix                  apply the safe alternatives in place
      --fix-dry-run          print the fixes as a unified diff; change nothing

Word documents (.docx):
      --review-docx <out>    write a reviewed copy of the one .docx given: a Word
                             comment on the words of each finding
      --review-docx-dir <d>  the same for every .docx reviewed, into folder d
                             (same relative paths; the originals are never changed)
      --track-changes        with either: also write each safe fix as a tracked change
      --comments-in-notes    with either: a footnote's or endnote's comment goes on its
                             words in the note (LibreOffice shows it there; Word
                             ignores comments in notes), not on the note's mark

Speed:
      --cache                reuse reviews of unchanged files (.recoverylintcache)
      --cache-location <f>   where the cache lives
      --workers <n>          worker processes for large batches (default: one per core; 1 = none)

  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no warnings or errors, 1 findings, 2 could not do its job.
Word documents: line numbers are paragraph numbers (body first, then text boxes,
headers, footers, footnotes, endnotes, comments); the reports name the place.
`
