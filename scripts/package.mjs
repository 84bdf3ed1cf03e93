#!/usr/bin/env node
// Packages the .vsix from what scripts/build.mjs --production left in dist/ (`npm run package` runs both):
//  1. the user's README (docs/marketplace.md, written for GitHub beside docs/) with its images' paths made
//     relative to the extension's folder, where the package carries images/: .cache/package/README.md
//  2. vsce package --no-dependencies --readme-path that --no-rewrite-relative-links: the README keeps pointing at
//     the shipped images instead of a repository's web address (vsce's default rewrite; pass --baseImagesUrl
//     to vsce for a Marketplace listing, whose page needs https images)
//  3. advzip -z -4 (Debian's advancecomp: zopfli) recompresses the archive, about 6 % smaller; a missing advzip is
//     a note, not a failure (the bench then reports the larger package)
// Usage: node scripts/package.mjs [--out FILE]     (default: recovery-lint-<version>.vsix in the project folder)
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageReadme} from './lib/readme.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const args = process.argv.slice(2)
const outArg = args.indexOf('--out')
const out = resolve(outArg >= 0 ? args[outArg + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`))

const readme = join(root, '.cache/package/README.md')
mkdirSync(dirname(readme), {recursive: true})
writeFileSync(readme, packageReadme(readFileSync(join(root, 'docs/marketplace.md'), 'utf8')))

const vsce = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--readme-path', relative(root, readme), '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: 'inherit'
})
if (vsce.status !== 0) {
  console.error(`package: vsce exited ${vsce.status}`)
  process.exit(1)
}
const before = statSync(out).size
const advzip = spawnSync('advzip', ['-z', '-4', '-q', out], {encoding: 'utf8'})
if (advzip.error || advzip.status !== 0) {
  console.log(`package: ${out} ${(before / 1024).toFixed(1)} KB (not recompressed: ${advzip.error ? 'advzip not found; apt-get install advancecomp' : advzip.stderr.trim()})`)
} else {
  console.log(`package: ${out} ${(statSync(out).size / 1024).toFixed(1)} KB (vsce's ${(before / 1024).toFixed(1)} KB, recompressed by advzip)`)
}
