// What issue 15 asks of the packaged .vsix, checked on the file vsce made (called by scripts/vscode-tests.mjs):
// it stays small enough for the Marketplace's web install (at most 1 MB), it carries a `browser` entry beside
// `main` (VS Code for the Web loads only `browser`), both entries and the server are in it, and the compiled
// rules are one file that both hosts read (dist/rules.json), not a copy inlined into each bundle; and every picture
// the README shows is a file in the package (issue 13).
import {readFileSync, statSync} from 'node:fs'
import {strFromU8, unzipSync} from 'fflate'
import {imageSources, isLocal} from './readme.mjs'

export const VSIX_LIMIT_BYTES = 1024 * 1024

/** @returns {{name: string, ok: boolean, detail: string}[]} one entry per check */
export function checkVsix(path) {
  const checks = []
  const check = (name, ok, detail) => checks.push({name, ok: Boolean(ok), detail})
  const bytes = statSync(path).size
  check('at most 1 MB', bytes <= VSIX_LIMIT_BYTES, `${bytes} bytes`)

  const files = unzipSync(readFileSync(path))
  const text = (name) => (files[`extension/${name}`] ? strFromU8(files[`extension/${name}`]) : undefined)
  const manifest = JSON.parse(text('package.json') ?? '{}')
  const entry = (field) => (typeof manifest[field] === 'string' ? manifest[field].replace(/^\.\//, '') : undefined)
  for (const field of ['main', 'browser']) {
    const file = entry(field)
    check(`a ${field} entry that is in the package`, file && files[`extension/${file}`], `${field}: ${manifest[field]}`)
  }
  check('the language server is in the package', files['extension/dist/server.cjs'] && files['extension/dist/server-bundle.cjs'], 'dist/server.cjs, dist/server-bundle.cjs')
  // The desktop's entry stays small: it reads the language client library from the browser's entry after
  // activation (src/client/node-client.ts), so the package carries the library once.
  const library = 'Connection to server got closed'
  check("the browser's entry holds the language client library", text(entry('browser') ?? '')?.includes(library), `looked for: ${library}`)
  check("the desktop's entry does not carry the library", entry('main') !== entry('browser') && !(text(entry('main') ?? '') ?? library).includes(library), `main: ${manifest.main}`)

  const rules = text('dist/rules.json')
  check('the compiled rules are in the package', rules, 'dist/rules.json')
  if (rules) {
    // A long message from the rules (one a bundler would not escape): a bundle holding the rules would hold it.
    const packs = JSON.parse(rules).packs
    const messages = packs.flatMap((p) => p.rules).map((r) => r.message ?? '')
    const message = messages.filter((m) => !/['"\\\n]/.test(m)).sort((a, b) => b.length - a.length)[0]
    for (const bundle of new Set([entry('main'), entry('browser'), 'dist/server-bundle.cjs'].filter(Boolean))) {
      const js = text(bundle) ?? ''
      check(`${bundle} reads the rules file instead of carrying a copy`, message && js && !js.includes(message), `looked for: ${message?.slice(0, 60)}…`)
    }
  }

  // The README's pictures are files of the package: a local install has no web to fetch them from.
  const readme = Object.keys(files).find((f) => /^extension\/readme\.md$/i.test(f))
  const sources = readme ? imageSources(strFromU8(files[readme])) : []
  const missing = sources.filter((src) => !isLocal(src) || !files[`extension/${src.replace(/^\.\//, '')}`])
  check('the README shows pictures, and every one is in the package', readme && sources.length > 0 && missing.length === 0, missing.length ? `not in the package: ${missing.join(', ')}` : `${sources.length} pictures: ${sources.join(', ')}`)
  return checks
}
