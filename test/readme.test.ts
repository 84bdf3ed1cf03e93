// The user's README as the .vsix carries it (scripts/package.mjs): every picture it shows is a file of the package,
// named by a path relative to the extension's folder (no web address: a local install has no web to fetch from).
// The package check (scripts/lib/check-vsix.mjs) asks the same of the packaged file in npm test's VS Code step.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {posix} from 'node:path'
import test from 'node:test'
import picomatch from 'picomatch'
import {imageSources, isLocal, packageReadme} from '../scripts/lib/readme.mjs'

/** Whether .vscodeignore lets a file into the package: the last pattern that matches it decides (`!` lets it in). */
function shipped(file: string): boolean {
  let inside = true
  for (const line of readFileSync('.vscodeignore', 'utf8').split('\n')) {
    const pattern = line.trim()
    if (!pattern || pattern.startsWith('#')) continue
    const negated = pattern.startsWith('!')
    if (picomatch(negated ? pattern.slice(1) : pattern, {dot: true})(file)) inside = negated
  }
  return inside
}

test('the README in the package shows a picture, a file the package carries', () => {
  const source = readFileSync('docs/marketplace.md', 'utf8')
  const readme = packageReadme(source)
  const pictures = imageSources(readme)
  // The hover; the Problems picture is the repository README's (the package is at its 600 KB budget).
  assert.ok(pictures.includes('images/review-hover.png'), `the README shows the hover (${pictures.join(', ')})`)
  for (const src of pictures) {
    assert.ok(isLocal(src), `${src}: a web address; the package's README shows its own files`)
    assert.ok(existsSync(src), `${src}: no such file (run node scripts/vscode-tests.mjs --update-screenshots)`)
    assert.ok(shipped(src), `${src}: .vscodeignore leaves it out of the package`)
    // Small pictures (scripts/readme-images.mjs): the .vsix has a 600 KB budget.
    assert.ok(statSync(src).size < 40 * 1024, `${src}: ${statSync(src).size} bytes; make it with scripts/readme-images.mjs`)
  }
  // Written for GitHub beside docs/: the same pictures, one folder up.
  assert.deepEqual(imageSources(source), pictures.map((p) => `../${p}`))
})

test('the walkthrough shows the same pictures, from the package (its Markdown is read beside walkthrough/)', () => {
  const pictures = readdirSync('walkthrough')
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => imageSources(readFileSync(`walkthrough/${f}`, 'utf8')))
  assert.ok(pictures.length > 0, 'a step shows a picture of the editor')
  for (const src of pictures) {
    const path = posix.normalize(`walkthrough/${src}`)
    assert.ok(isLocal(src) && existsSync(path) && shipped(path), `${src}: a file of the package`)
  }
})

test('the README check catches what it is for', () => {
  const readme = packageReadme('![a](../images/missing.png)\n![b](https://example.invalid/b.png)\n<img src="../images/c.png">')
  assert.deepEqual(imageSources(readme), ['images/missing.png', 'https://example.invalid/b.png', 'images/c.png'])
  assert.equal(existsSync('images/missing.png'), false)
  assert.equal(isLocal('https://example.invalid/b.png'), false)
  assert.equal(isLocal('data:image/png;base64,AAAA'), false)
  assert.equal(shipped('images/missing.png'), false, 'only the README\'s picture is let in')
  assert.equal(shipped('src/core/review.ts'), false)
  assert.equal(shipped('dist/rules.json'), true)
})
