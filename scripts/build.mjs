// Bundles each process's entry with esbuild: the CLI, the language server and the
// VS Code client. `vscode` stays external (the editor provides it).
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
const production = process.argv.includes('--production')

const entries = [
  {in: 'src/cli/index.ts', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node'},
  {in: 'src/server/main.ts', out: 'dist/server.cjs'},
  {in: 'src/client/extension.ts', out: 'dist/extension.cjs'}
].filter((e) => existsSync(new URL('../' + e.in, import.meta.url)))

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: production,
      sourcemap: production ? false : 'linked',
      legalComments: 'none',
      // import.meta.url has no CommonJS equivalent: derive it from __filename.
      banner: {js: (e.banner ? e.banner + '\n' : '') + "const __importMetaUrl = require('url').pathToFileURL(__filename).href;"},
      define: {RECOVERY_LINT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl'},
      logLevel: 'warning'
    })
  )
)

// The rule packs, validated and compiled to JSON (parsing YAML is most of start-up).
const rules = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-rules.ts'], {stdio: 'inherit'})
if (rules.status !== 0) process.exit(1)
