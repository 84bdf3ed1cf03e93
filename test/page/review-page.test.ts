/**
 * The offline review page (dist/review.html, built by `npm run build`) in headless
 * Chromium, opened from file:// as someone would open it from an email or an
 * intranet folder: the same findings, fixes and reports as the CLI, a keyboard-only
 * flow, an axe-core scan, screenshots at 1280 and 320 px, and nothing fetched from
 * anywhere. Needs /usr/bin/chromium (npm test installs it: scripts/setup-vscode-test.sh
 * --browser-only); CHROMIUM_PATH names another. Screenshots go to test-results/.
 * Run alone: node --import tsx --test test/page/review-page.test.ts
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {Document, Footer, FootnoteReferenceRun, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun} from 'docx'
import {unzipSync, strFromU8} from 'fflate'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'

const ROOT = join(import.meta.dirname, '..', '..')
const PAGE = join(ROOT, 'dist', 'review.html')
const CLI = join(ROOT, 'dist', 'cli.cjs')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const SHOTS = join(ROOT, 'test-results')
// The flags of docs/testing-in-vscode.md: no sandbox (root in a container), no GPU, no background traffic.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface CliFinding {
  ruleId: string
  line: number
  column: number
  endLine: number
  endColumn: number
  text: string
  message: string
}

let browser: Browser
let context: BrowserContext
let work: string
/** Every request any page made: all must stay on file:// (or the page's own blob: and data: URLs). */
const requests: string[] = []

/** The CLI on a file in `work`, named as the page names it (its base name). */
function cli(name: string, ...flags: string[]): {stdout: string; status: number | null} {
  const r = spawnSync(process.execPath, [CLI, ...flags, name], {cwd: work, encoding: 'utf8'})
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed on ${name}: ${r.stderr}`)
  return r
}
const cliFindings = (name: string, ...flags: string[]): CliFinding[] => JSON.parse(cli(name, '--format', 'json', ...flags).stdout)[0].findings

async function openPage(width = 1280, height = 900): Promise<Page> {
  const page = await context.newPage()
  await page.setViewportSize({width, height})
  await page.goto(`file://${PAGE}`)
  await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Ready'), null, {timeout: 30000})
  return page
}

/** Open a file through the page's file input and wait for its review. */
async function review(page: Page, path: string): Promise<void> {
  const before = await page.evaluate(() => document.getElementById('status')!.textContent)
  await page.setInputFiles('#file', path)
  await page.waitForFunction((b) => /^Reviewed /.test(document.getElementById('status')!.textContent ?? '') && document.getElementById('status')!.textContent !== b, before, {timeout: 60000})
}

/** Click a download button and read what the page offers. */
async function download(page: Page, button: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent('download', {timeout: 30000}), page.click(button)])
  const path = await file.path()
  return {name: file.suggestedFilename(), bytes: readFileSync(path)}
}

async function axeViolations(page: Page): Promise<Array<{id: string; impact: string; nodes: number; help: string}>> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(source)
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(ctx: unknown, o: object): Promise<{violations: Array<{id: string; impact: string; nodes: unknown[]; help: string}>}>}}).axe
    const result = await axe.run(document, {resultTypes: ['violations']})
    return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}))
  })
}

async function policyDocx(): Promise<Buffer> {
  const doc = new Document({
    footnotes: {1: {children: [new Paragraph('The old policy called members non-compliant.')]}},
    sections: [
      {
        headers: {default: new Header({children: [new Paragraph('Draft: peer workers as role models')]})},
        footers: {default: new Footer({children: [new Paragraph('Page footer.')]})},
        children: [
          new Paragraph('Peer support worker: role description'),
          new Paragraph({children: [new TextRun('Our peer workers act as role models for the people who use the service.'), new FootnoteReferenceRun(1)]}),
          new Paragraph({children: [new TextRun('The aim is that every member leaves '), new TextRun({text: 'symptom-free', bold: true}), new TextRun('.')]}),
          new Table({rows: [new TableRow({children: [new TableCell({children: [new Paragraph('Caseload')]}), new TableCell({children: [new Paragraph('Each worker carries a caseload of twelve clients.')]})]})]}),
          new Paragraph('We meet people where they are.')
        ]
      }
    ]
  })
  return Packer.toBuffer(doc)
}

describe('the offline review page (dist/review.html) in Chromium', () => {
  before(async () => {
    assert.ok(existsSync(PAGE), `${PAGE} is missing: npm run build makes it`)
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: bash scripts/setup-vscode-test.sh --browser-only installs it (npm test does)`)
    work = mkdtempSync(join(tmpdir(), 'rl-page-'))
    writeFileSync(join(work, 'peer-support-policy.md'), readFileSync(join(ROOT, 'samples', 'peer-support-policy.md')))
    writeFileSync(join(work, 'policy.docx'), await policyDocx())
    writeFileSync(join(work, 'notes.md'), '# Notes\n\nThe schizophrenics on the ward and the mentally ill in the town.\nHe committed suicide last year. She suffers from depression.\n')
    mkdirSync(SHOTS, {recursive: true})
    browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: ARGS})
    context = await browser.newContext({acceptDownloads: true})
    context.on('request', (r) => requests.push(r.url()))
  })
  after(async () => {
    await browser?.close()
    if (work) rmSync(work, {recursive: true, force: true})
  })

  test('the page is one file under 1.5 MB that holds everything it needs', () => {
    const html = readFileSync(PAGE, 'utf8')
    assert.ok(Buffer.byteLength(html) <= 1.5 * 1024 * 1024, `${Buffer.byteLength(html)} bytes`)
    // No reference to anything outside itself: no src/href to another file or a server.
    assert.doesNotMatch(html, /\s(src|href)=["'](?!#|blob:|data:)[^"']+["']/)
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/)
  })

  test('the sample policy: the same findings as the CLI’s JSON, marked in the text', async () => {
    const page = await openPage()
    await review(page, join(work, 'peer-support-policy.md'))
    const expected = cliFindings('peer-support-policy.md')
    assert.ok(expected.length >= 5)
    const json = await download(page, '#dl-json')
    assert.equal(json.name, 'peer-support-policy.review.json')
    const [mine] = JSON.parse(json.bytes.toString('utf8'))
    assert.equal(mine.file, 'peer-support-policy.md')
    assert.deepEqual(mine.findings, expected)
    // Every finding is in the list, and every marked passage is part of a finding's wording.
    assert.equal(await page.locator('#list li').count(), expected.length)
    const marked = await page.$$eval('mark.finding', (ms) => ms.map((m) => m.textContent ?? ''))
    assert.ok(marked.length >= expected.length - 3)
    for (const m of marked) assert.ok(expected.some((f) => f.text.includes(m)), `“${m}” is marked but is no finding’s text`)
    await page.close()
  })

  test('a Word document: the same findings as the CLI’s JSON, and a reviewed copy with comments', async () => {
    const page = await openPage()
    await review(page, join(work, 'policy.docx'))
    const expected = cliFindings('policy.docx')
    assert.ok(expected.some((f) => f.ruleId === 'role-model') && expected.some((f) => f.ruleId === 'symptom-free'))
    const [mine] = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'))
    assert.deepEqual(mine.findings, expected)
    // Word documents are not rewritten here: their fixes go into the reviewed copy as tracked changes.
    assert.equal(await page.isDisabled('#fix-all'), true)
    const copy = await download(page, '#dl-docx')
    assert.equal(copy.name, 'policy.reviewed.docx')
    const parts = unzipSync(new Uint8Array(copy.bytes))
    const comments = strFromU8(parts['word/comments.xml'])
    assert.equal((comments.match(/<w:comment /g) ?? []).length, expected.length)
    assert.match(comments, /role model/)
    await page.close()
  })

  test('the HTML report equals `recovery-lint --format html`', async () => {
    const page = await openPage()
    await review(page, join(work, 'peer-support-policy.md'))
    const report = await download(page, '#dl-report')
    assert.equal(report.name, 'peer-support-policy.review.html')
    assert.equal(report.bytes.toString('utf8'), cli('peer-support-policy.md', '--format', 'html').stdout)
    await page.close()
  })

  test('fix all, then download: the document equals what `recovery-lint --fix` writes; undo brings it back', async () => {
    const page = await openPage()
    await review(page, join(work, 'notes.md'))
    assert.equal(await page.textContent('#fix-all'), 'Apply all safe fixes (2)')
    await page.click('#fix-all')
    await page.waitForFunction(() => /^Applied 2 safe fixes\./.test(document.getElementById('status')!.textContent ?? ''))
    const fixed = await download(page, '#dl-document')
    assert.equal(fixed.name, 'notes.md')
    writeFileSync(join(work, 'fixed.md'), readFileSync(join(work, 'notes.md')))
    spawnSync(process.execPath, [CLI, '--fix', 'fixed.md'], {cwd: work})
    const expected = readFileSync(join(work, 'fixed.md'), 'utf8')
    assert.notEqual(expected, readFileSync(join(work, 'notes.md'), 'utf8'))
    assert.equal(fixed.bytes.toString('utf8'), expected)
    await page.click('#undo')
    await page.waitForFunction(() => /^Undid/.test(document.getElementById('status')!.textContent ?? ''))
    assert.equal((await download(page, '#dl-document')).bytes.toString('utf8'), readFileSync(join(work, 'notes.md'), 'utf8'))
    await page.close()
  })

  test('the profile: clinical documents get the CLI’s --profile clinical findings', async () => {
    const page = await openPage()
    await review(page, join(work, 'peer-support-policy.md'))
    await page.selectOption('#profile', 'clinical')
    // The change says "Reviewing again…" at once; the result says "Reviewed".
    await page.waitForFunction(() => /^Reviewed /.test(document.getElementById('status')!.textContent ?? ''), null, {timeout: 30000})
    const [mine] = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'))
    assert.deepEqual(mine.findings, cliFindings('peer-support-policy.md', '--profile', 'clinical'))
    assert.notDeepEqual(mine.findings, cliFindings('peer-support-policy.md'))
    await page.close()
  })

  test('keyboard only: paste, review, Tab to a finding, read why, apply an alternative, Escape back', async () => {
    const page = await openPage()
    const tabTo = async (selector: string, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab')
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
      }
      assert.fail(`Tab never reached ${selector}`)
    }
    await tabTo('#paste')
    await page.keyboard.type('Our peers are treated as role models by the team.\n')
    await tabTo('#review-paste')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /^Reviewed pasted\.md/.test(document.getElementById('status')!.textContent ?? ''))
    await tabTo('mark.finding')
    // Focus alone says why: the panel shows the finding.
    assert.match((await page.textContent('#detail')) ?? '', /casts the peer worker/)
    const mark = await page.evaluate(() => document.activeElement!.textContent)
    assert.equal(mark, 'role models')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'detail-h')
    await page.keyboard.press('Escape')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'role models')
    await page.keyboard.press('Enter')
    await tabTo('button[data-fix="0"]')
    const label = await page.evaluate(() => document.activeElement!.textContent)
    assert.match(label ?? '', /^Replace with “(.+)”$/)
    const replacement = /“(.+)”/.exec(label!)![1]
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => /^Replaced /.test(document.getElementById('status')!.textContent ?? ''))
    assert.equal(await page.textContent('#doc'), `Our peers are treated as ${replacement} by the team.\n`)
    await page.close()
  })

  test('accessibility: axe-core finds nothing serious or critical, at 1280 px and at 320 px; screenshots kept', async () => {
    for (const width of [1280, 320]) {
      const page = await openPage(width, width === 320 ? 720 : 900)
      await review(page, join(work, 'peer-support-policy.md'))
      await page.focus('mark.finding')
      await page.keyboard.press('Enter')
      await page.click('details.rule summary')
      await page.waitForFunction(() => !/Loading/.test(document.querySelector('details.rule .rule-page')?.textContent ?? 'Loading'))
      const violations = await axeViolations(page)
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      assert.deepEqual(bad, [], `at ${width} px: ${JSON.stringify(bad)}`)
      // Usable at 320 px: nothing wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `at ${width} px the page scrolls sideways`)
      // What a reader sees with a finding chosen: the marked text and, beside it or below it, the reasons.
      await page.evaluate(() => {
        document.querySelector('details.rule')?.removeAttribute('open')
        document.querySelector('mark.finding.current')?.scrollIntoView({block: 'center'})
      })
      await page.screenshot({path: join(SHOTS, `review-page-${width}.png`)})
      await page.close()
    }
  })

  test('a long document is reviewed in slices in a worker: the page keeps answering and shows progress', async () => {
    const sample = readFileSync(join(work, 'peer-support-policy.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '')
    const long = Array.from({length: 120}, (_, i) => `## Part ${i + 1}\n\n${sample}`).join('\n')
    writeFileSync(join(work, 'handbook.md'), long)
    const page = await openPage()
    // Record what the page did while the engine worked: status lines, and whether a timer set meanwhile ran.
    // (A string: functions handed to the page must not carry the test compiler's helpers.)
    await page.evaluate(`(() => {
      const status = document.getElementById('status')
      window.seen = []
      window.ticks = 0
      new MutationObserver(() => window.seen.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true})
      const tick = () => {
        window.ticks++
        if (!/^Reviewed /.test(status.textContent)) setTimeout(tick, 10)
      }
      setTimeout(tick, 10)
    })()`)
    await review(page, join(work, 'handbook.md'))
    const {seen, ticks} = (await page.evaluate('({seen: window.seen, ticks: window.ticks})')) as {seen: string[]; ticks: number}
    assert.ok(seen.filter((s) => /^Reviewing… \d+%/.test(s)).length >= 2, `progress shown: ${JSON.stringify(seen.slice(0, 5))}`)
    assert.ok(ticks >= 2, 'the page ran its own timers while the document was reviewed')
    const [mine] = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'))
    assert.equal(mine.findings.length, cliFindings('handbook.md').length)
    await page.close()
  })

  test('HTML and plain text, dropped on the page: the same findings as the CLI’s JSON', async () => {
    writeFileSync(join(work, 'leaflet.html'), '<!doctype html><html><body><h1>Welcome</h1><p title="role model">Our peer workers act as <em>role models</em> for patients &amp; families.</p><!-- the old policy said: non-compliant --></body></html>\n')
    writeFileSync(join(work, 'notes.txt'), 'Staff record when a member is non-compliant.\nThe aim is to be symptom-free.\n')
    const page = await openPage()
    for (const name of ['leaflet.html', 'notes.txt']) {
      const before = await page.textContent('#status')
      // A drop, as from a file manager: a DataTransfer holding the file.
      await page.evaluate(
        ({name, text, type}) => {
          const data = new DataTransfer()
          data.items.add(new File([text], name, {type}))
          document.querySelector('main')!.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}))
        },
        {name, text: readFileSync(join(work, name), 'utf8'), type: name.endsWith('.html') ? 'text/html' : 'text/plain'}
      )
      await page.waitForFunction((b) => /^Reviewed /.test(document.getElementById('status')!.textContent ?? '') && document.getElementById('status')!.textContent !== b, before)
      const expected = cliFindings(name)
      assert.ok(expected.length >= 2, `${name}: ${JSON.stringify(expected)}`)
      const [mine] = JSON.parse((await download(page, '#dl-json')).bytes.toString('utf8'))
      assert.equal(mine.file, name)
      assert.deepEqual(mine.findings, expected)
    }
    await page.close()
  })

  test('what it cannot read is said in one line', async () => {
    const page = await openPage()
    writeFileSync(join(work, 'broken.docx'), 'not a zip at all')
    await page.setInputFiles('#file', join(work, 'broken.docx'))
    await page.waitForFunction(() => /Word|zip|docx/i.test(document.getElementById('status')!.textContent ?? ''))
    const said = (await page.textContent('#status')) ?? ''
    assert.doesNotMatch(said, /\n/)
    writeFileSync(join(work, 'picture.png'), 'x')
    await page.setInputFiles('#file', join(work, 'picture.png'))
    await page.waitForFunction(() => /not a document this page reads/.test(document.getElementById('status')!.textContent ?? ''))
    await page.close()
  })

  test('no request left file:// (the page and its own blob: worker only)', () => {
    assert.ok(requests.length > 0)
    const outside = requests.filter((u) => !/^(file|blob|data):/.test(u))
    assert.deepEqual(outside, [])
  })
})
