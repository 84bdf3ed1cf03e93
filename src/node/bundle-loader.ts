/**
 * The entry of the CLI and of the language server on Node (dist/cli.cjs, dist/server.cjs): it runs the
 * bundle beside it (dist/cli-bundle.cjs, dist/server-bundle.cjs) with a V8 code cache, so a start does
 * not compile again the functions an earlier start compiled (node 20 has no compile cache of its own).
 * The cache is written once, after the first run has done its work (at exit; the server after its warm-up
 * or its first findings: src/server/code-cache.ts), in the user's cache folder, named by the bundle's hash
 * (from the build), node's version and the architecture; an older bundle's cache for the same node is
 * removed then. It is skipped without a word when it cannot be read or written, or with RECOVERY_LINT_NO_CODE_CACHE=1.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import {join} from 'node:path'
import {Script} from 'node:vm'
import {CODE_CACHE_WRITE} from '../server/code-cache.js'

/** Defined by the build (scripts/build.mjs): the bundle's file name beside this one, and its hash. */
declare const RECOVERY_LINT_BUNDLE: string
declare const RECOVERY_LINT_BUNDLE_HASH: string

function cacheFolder(): string | undefined {
  if (process.env.RECOVERY_LINT_NO_CODE_CACHE) return undefined
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return base ? join(base, 'recovery-lint') : undefined
}

const bundle = join(__dirname, RECOVERY_LINT_BUNDLE)
const stem = RECOVERY_LINT_BUNDLE.replace(/\.cjs$/, '')
const folder = cacheFolder()
const suffix = `-${process.version}-${process.arch}.cache`
const name = `${stem}-${RECOVERY_LINT_BUNDLE_HASH}${suffix}`
let cachedData: Buffer | undefined
try {
  if (folder) cachedData = readFileSync(join(folder, name))
} catch {
  // no cache yet
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {filename: bundle, cachedData})
if (folder && (cachedData === undefined || script.cachedDataRejected === true)) {
  let written = false
  const write = () => {
    if (written) return
    written = true
    try {
      mkdirSync(folder, {recursive: true, mode: 0o700})
      const temporary = join(folder, `${name}.${process.pid}`)
      writeFileSync(temporary, script.createCachedData())
      renameSync(temporary, join(folder, name))
      // An older build's cache for this node (and a write cut short); another node's (an editor's own) stays.
      for (const old of readdirSync(folder)) if (old.startsWith(`${stem}-`) && old.includes(suffix) && old !== name) rmSync(join(folder, old), {force: true})
    } catch {
      // an unwritable cache folder: the next start compiles as this one did
    }
  }
  ;(globalThis as Record<symbol, unknown>)[CODE_CACHE_WRITE] = write
  process.once('exit', write)
}
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void
const own = {exports: {}}
run(own.exports, createRequire(bundle), own, bundle, __dirname)
