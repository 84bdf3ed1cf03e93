// Bundles each process's entry with esbuild: the CLI, the language server and the
// VS Code client, then compiles the rule packs to dist/rules.json, then makes the
// offline review page (dist/review.html, scripts/lib/review-page.mjs). `vscode` stays
// external (the editor provides it). The server and the client bundles also run in
// a browser (VS Code for the Web): their top level touches nothing of Node, and
// each host's modules are required lazily (src/server/main.ts,
// src/client/web-extension.ts). The extension has an entry per host: the
// desktop's (dist/extension.cjs) is small and reads the language client library
// from the browser's (dist/web-extension.cjs) after activation. On Node the CLI and
// the server start from small entries (dist/cli.cjs, dist/server.cjs) that run their
// bundles (dist/cli-bundle.cjs, dist/server-bundle.cjs) with a V8 code cache.
//   --production   minified, no source maps (what the .vsix ships)
import {build} from 'esbuild'
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {dirname, join} from 'node:path'
import {buildReviewPage} from './lib/review-page.mjs'
import {COMMON_ENTITIES} from './lib/common-entities.mjs'
import {characterEntities} from 'character-entities'

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

/**
 * The `/node` and `/browser` entries of the language server packages: their exports
 * name only a `node` or a `browser` condition, and the bundles that run in both
 * places resolve with neither. Resolved from the importer (packages nest their
 * own versions of the protocol and jsonrpc).
 */
const hostSubpaths = {
  name: 'host-subpaths',
  setup(b) {
    b.onResolve({filter: /^vscode-(languageserver|languageclient|languageserver-protocol|jsonrpc)\/(node|browser)$/}, async (args) => {
      const [, pkgName, side] = /^(.*)\/(node|browser)$/.exec(args.path)
      const common = await b.resolve(pkgName, {kind: args.kind, resolveDir: args.resolveDir})
      if (common.errors.length > 0) return {errors: common.errors}
      return {path: common.path.replace(/lib[\\/]common[\\/]api\.js$/, join('lib', side, 'main.js'))}
    })
  }
}
/**
 * Every bundle decodes the named character references of scripts/lib/common-entities.mjs (HTML 4's and two more):
 * micromark's full table is about 11 KB of each bundle in the .vsix. One table for all, so the CLI and the editor
 * read a document alike.
 */
const commonEntities = {
  name: 'common-entities',
  setup(b) {
    b.onResolve({filter: /^character-entities$/}, () => ({path: 'character-entities', namespace: 'common-entities'}))
    b.onLoad({filter: /.*/, namespace: 'common-entities'}, () => ({
      contents: 'export const characterEntities = ' + JSON.stringify(Object.fromEntries(COMMON_ENTITIES.map((name) => [name, characterEntities[name]]))),
      loader: 'js'
    }))
  }
}
/**
 * vscode-languageserver requires Node's child_process at load, though it uses it only to find a global
 * module folder: compiling it is a few ms of a server's start (node's own modules are not in its code
 * cache). Required from the language server packages, it is a stand-in that requires the module when a
 * property is first read.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({filter: /^child_process$/}, (args) => (/[\\/]node_modules[\\/]vscode-/.test(args.importer) ? {path: args.path, namespace: 'lazy-builtin'} : undefined))
    b.onLoad({filter: /.*/, namespace: 'lazy-builtin'}, (args) => ({
      contents: `let m;module.exports=new Proxy({},{get:(_,k)=>(m??=require(${JSON.stringify('node:' + args.path)}))[k]})`,
      loader: 'js'
    }))
  }
}
/**
 * The language client's Node entry needs two functions of `semver` (parse VS Code's version, check a caret range):
 * src/client/semver-caret.ts has them, and the 20 KB package stays out of the extension's bundle.
 */
const caretSemver = {
  name: 'caret-semver',
  setup(b) {
    b.onResolve({filter: /^semver\/functions\/(parse|satisfies)$/}, (args) => ({path: args.path, namespace: 'caret-semver'}))
    b.onLoad({filter: /.*/, namespace: 'caret-semver'}, (args) => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'src/client/semver-caret.ts'))}).${args.path.split('/').pop()}`,
      loader: 'js',
      resolveDir: root
    }))
  }
}
const common = {
  bundle: true,
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning'
}
/**
 * The server and the extension run on Node and in a browser worker (VS Code for the
 * Web): packages resolve to their platform-neutral builds (yaml's and vfile's
 * `node` builds need Node at load time), Node's modules stay external and are
 * required only on Node (lazily, in src/server/main.ts and src/client/language-client.ts).
 */
const bothHosts = {
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['module'],
  external: ['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  plugins: [hostSubpaths, commonEntities]
}
/**
 * The first lines of the processes' bundles (the CLI, the language server on Node; not in a browser
 * worker, nor in the extension host): a start's work is short, and V8 spent about a fifth of a start's
 * CPU optimising code that would run only during it. With four times V8's budget of interpreted work
 * before a function is optimised (V8's default is 66 KB of it), code that stays hot, as in a long
 * review, is optimised all the same. Set before any of the bundle's code runs.
 */
const startUpFlags = "if (typeof process === 'object' && process.versions && process.versions.node) require('v8').setFlagsFromString('--interrupt-budget=270336');"
const entries = [
  // The processes' bundles, each run on Node by its entry (below); a browser worker runs the server's bundle itself.
  {in: 'src/cli/index.ts', out: 'dist/cli-bundle.cjs', banner: startUpFlags, options: {platform: 'node', external: ['vscode'], plugins: [commonEntities]}},
  {in: 'src/server/main.ts', out: 'dist/server-bundle.cjs', banner: startUpFlags, options: {...bothHosts, plugins: [hostSubpaths, commonEntities, lazyBuiltins]}},
  // The desktop's entry (small: no language client library) and the browser's (with the library, which the desktop's entry reads from it after activation; see src/client/language-client.ts).
  {in: 'src/client/extension.ts', out: 'dist/extension.cjs', options: {platform: 'node', external: ['vscode'], plugins: [commonEntities, caretSemver]}},
  {in: 'src/client/web-extension.ts', out: 'dist/web-extension.cjs', options: {...bothHosts, plugins: [...bothHosts.plugins, caretSemver]}}
]

/**
 * esbuild with each output written to a temporary file and renamed into place: a test suite (or a user's
 * CLI) that starts dist/cli.cjs while a build runs reads the old file or the new, never a half-written one
 * (an empty bundle ran as nothing and exited 0, which a CI run once reported as "no findings").
 */
async function buildAtomically(options) {
  const result = await build({...options, write: false})
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), {recursive: true})
    const temporary = `${file.path}.${process.pid}.tmp`
    writeFileSync(temporary, file.contents)
    renameSync(temporary, file.path)
  }
  return result
}

// The schema validators are generated from the schemas (committed, and checked by a test): refresh them first.
const validators = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--validators'], {cwd: root, stdio: 'inherit'})
if (validators.status !== 0) process.exit(1)
const buildId = fingerprint()

await Promise.all(
  entries.map((e) =>
    buildAtomically({
      ...common,
      ...e.options,
      entryPoints: [join(root, e.in)],
      outfile: join(root, e.out),
      // import.meta.url has no CommonJS equivalent: derive it from __filename (on Node; a browser has neither).
      banner: {
        js: (e.banner ? e.banner + '\n' : '') + "const __importMetaUrl = typeof __filename === 'string' ? require('url').pathToFileURL(__filename).href : undefined;"
      },
      define: {RECOVERY_LINT_VERSION: JSON.stringify(pkg.version), RECOVERY_LINT_BUILD: JSON.stringify(buildId), 'import.meta.url': '__importMetaUrl'}
    })
  )
)

// The processes' entries on Node (`recovery-lint`, `node dist/server.cjs --stdio`): each runs its bundle with a
// code cache named by the bundle's hash (src/node/bundle-loader.ts). The V8 flags come first: a code cache
// is kept only under the flags it was made with.
const loaders = [
  {bundle: 'cli-bundle.cjs', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node\n' + startUpFlags},
  {bundle: 'server-bundle.cjs', out: 'dist/server.cjs', banner: startUpFlags}
]
await Promise.all(
  loaders.map((l) =>
    buildAtomically({
      ...common,
      sourcemap: false,
      minify: true,
      platform: 'node',
      entryPoints: [join(root, 'src/node/bundle-loader.ts')],
      outfile: join(root, l.out),
      banner: {js: l.banner},
      define: {
        RECOVERY_LINT_BUNDLE: JSON.stringify(l.bundle),
        RECOVERY_LINT_BUNDLE_HASH: JSON.stringify(createHash('sha256').update(readFileSync(join(root, 'dist', l.bundle))).digest('hex').slice(0, 16))
      }
    })
  )
)

// The rule packs, validated and compiled to JSON, with their phrases compiled.
const rules = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-rules.ts'], {cwd: root, stdio: 'inherit', env: {...process.env, RECOVERY_LINT_BUILD: buildId}})
if (rules.status !== 0) process.exit(1)

// The offline review page (dist/review.html): the engine, the compiled rules and the rule pages in one file.
try {
  await buildReviewPage({root, buildId, version: pkg.version})
} catch (error) {
  console.error(`build: ${error.message}`)
  process.exit(1)
}
