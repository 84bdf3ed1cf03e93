// Bundles each process's entry with esbuild: the CLI, the language server and the
// VS Code client, then compiles the rule packs to dist/rules.json. `vscode` stays
// external (the editor provides it).
//   --production   minified, no source maps (what the .vsix ships)
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const root = new URL('..', import.meta.url).pathname
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const production = process.argv.includes('--production')

/** A fingerprint of everything the bundles and the compiled rules are made from: the bundles take compiled phrases only from rules of the same build. */
function fingerprint() {
  const hash = createHash('sha256')
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|js|json|ya?ml)$/.test(entry.name)) hash.update(path).update(readFileSync(join(root, path)))
    }
  }
  walk('src')
  walk('rules')
  return hash.update(pkg.version).digest('hex').slice(0, 16)
}
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning'
}
const entries = [
  {in: 'src/cli/index.ts', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node'},
  {in: 'src/server/main.ts', out: 'dist/server.cjs'},
  {in: 'src/client/extension.ts', out: 'dist/extension.cjs'}
]

// The schema validators are generated from the schemas (committed, and checked by a test): refresh them first.
const validators = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--validators'], {cwd: root, stdio: 'inherit'})
if (validators.status !== 0) process.exit(1)
const buildId = fingerprint()

await Promise.all(
  entries.map((e) =>
    build({
      ...common,
      entryPoints: [join(root, e.in)],
      outfile: join(root, e.out),
      // import.meta.url has no CommonJS equivalent: derive it from __filename.
      banner: {js: (e.banner ? e.banner + '\n' : '') + "const __importMetaUrl = require('url').pathToFileURL(__filename).href;"},
      define: {RECOVERY_LINT_VERSION: JSON.stringify(pkg.version), RECOVERY_LINT_BUILD: JSON.stringify(buildId), 'import.meta.url': '__importMetaUrl'}
    })
  )
)

// The rule pages (docs/rules, generated and checked current by a test) as one file: the .vsix ships this
// (one compressed entry instead of a file per rule), and the extension shows them as read-only documents.
const pages = Object.fromEntries(
  readdirSync(join(root, 'docs', 'rules'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f.replace(/\.md$/, ''), readFileSync(join(root, 'docs', 'rules', f), 'utf8')])
)
writeFileSync(join(root, 'dist', 'rule-pages.json'), JSON.stringify(pages))

// The rule packs, validated and compiled to JSON, with their phrases compiled.
const rules = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-rules.ts'], {cwd: root, stdio: 'inherit', env: {...process.env, RECOVERY_LINT_BUILD: buildId}})
if (rules.status !== 0) process.exit(1)
