#!/usr/bin/env node
// The README's pictures (images/review-*.png, shipped in the .vsix) from the e2e run's own captures
// (test-results/readme/*.png, written by test/vscode/e2e-ui.mjs --readme-shots): reduced to a 24- or 32-colour palette
// without dithering (pngquant), then recompressed (optipng, and advpng's zopfli when present), so the two pictures
// cost about 32 KB of the .vsix's 600 KB. Run by `node scripts/vscode-tests.mjs --update-screenshots`, or alone
// after an e2e run. Needs Debian's pngquant and optipng (scripts/setup-vscode-test.sh installs them).
// Usage: node scripts/readme-images.mjs [--from DIR]     exit 1 when a capture or a tool is missing
import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const fromArg = args.indexOf('--from')
const from = fromArg >= 0 ? args[fromArg + 1] : join(root, 'test-results/readme')
/**
 * Capture → the picture docs/marketplace.md shows, and its colours: 16 keep the squiggles' colours (error, warning)
 * apart in the overview and the hover's text reads the same (32 and 24 cost 4 KB more of the .vsix's budget). The
 * e2e also crops the Quick Fix menu (quick-fix.png): more than the budget has room for now.
 */
const README_IMAGES = {'problems.png': ['review-problems.png', 16], 'hover.png': ['review-hover.png', 16]}

const fail = (msg) => {
  console.error(`readme-images: ${msg}`)
  process.exit(1)
}
const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, {encoding: 'utf8'})
  if (r.error) fail(`${cmd} not found (apt-get install ${cmd === 'advpng' ? 'advancecomp' : cmd}, or bash scripts/setup-vscode-test.sh)`)
  if (r.status !== 0) fail(`${cmd} ${argv.join(' ')} exited ${r.status}: ${(r.stderr || '').trim()}`)
}
const missing = Object.keys(README_IMAGES).filter((f) => !existsSync(join(from, f)))
if (missing.length) fail(`no capture ${missing.map((f) => join(from, f)).join(', ')}: run the e2e with --readme-shots first`)
const tmp = mkdtempSync(join(tmpdir(), 'rl-readme-'))
try {
  for (const [capture, [picture, colours]] of Object.entries(README_IMAGES)) {
    const out = join(tmp, picture)
    run('pngquant', ['--force', '--speed', '1', '--nofs', '--strip', '--output', out, String(colours), join(from, capture)])
    run('optipng', ['-quiet', '-o5', out])
    if (spawnSync('advpng', ['-z', '-4', '-q', out]).error) console.log('readme-images: advpng not found, kept optipng\'s result')
    copyFileSync(out, join(root, 'images', picture))
    console.log(`readme-images: images/${picture} ${(statSync(out).size / 1024).toFixed(1)} KB (capture ${(statSync(join(from, capture)).size / 1024).toFixed(1)} KB)`)
  }
} finally {
  rmSync(tmp, {recursive: true, force: true})
}
