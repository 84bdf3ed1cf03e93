/** Helpers for the CLI tests: the built CLI, temp folders, a tiny .docx writer. */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {strToU8, zipSync} from 'fflate'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CLI = join(ROOT, 'dist', 'cli.cjs')

let built = false

function newest(dir: string): number {
  let t = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return t
}

/**
 * Build dist/cli.cjs when it or dist/rules.json is missing or older than what the build reads (npm test
 * has just built it; rebuilding while another suite runs the CLI would race).
 */
export function buildCli() {
  if (built) return
  const bundle = statSync(CLI, {throwIfNoEntry: false})
  // What the build reads: the sources, the rule packs (dist/rules.json), the version and the build scripts.
  const inputs = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'rules')), newest(join(ROOT, 'scripts', 'lib')), ...['package.json', 'scripts/build.mjs'].map((f) => statSync(join(ROOT, f)).mtimeMs))
  const rules = statSync(join(ROOT, 'dist', 'rules.json'), {throwIfNoEntry: false})
  if (bundle && rules && Math.min(bundle.mtimeMs, rules.mtimeMs) >= inputs) {
    built = true
    return
  }
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: ROOT, encoding: 'utf8'})
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`)
  built = true
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export function cli(args: string[], cwd: string, input?: string | Buffer, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {cwd, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, maxBuffer: 1 << 26})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** A small rule pack that does not depend on the built-in vocabulary. */
export const FIXTURE_PACK = `category: role-model
rules:
  - id: zz-fixture-mentor
    severity: warning
    kind: noun
    phrases: [wise mentor]
    message: "“{{text}}” puts the peer worker above the people they support."
    rationale: Peer support is mutual. Nobody is the example for anyone else.
    alternatives: [fellow peer, peer colleague]
    safeFix: true
    principles: [mutual]
    sources: ["Repper 2013"]
    examples: {flag: [She is a wise mentor., Be a wise mentor.], pass: [A mentor is wise., Wisdom helps.]}
  - id: zz-fixture-glumster
    severity: error
    kind: noun
    phrases: [glumster]
    message: "“{{text}}” makes a low mood the person's identity."
    rationale: Person-first wording keeps the person in view.
    alternatives: [{singular: person going through a hard time, plural: people going through a hard time}]
    safeFix: true
    principles: [inclusive]
    sources: ["Fixture 2026"]
    examples: {flag: [He is a glumster., The glumsters wait.], pass: [Glum days., We add it.]}
  - id: zz-fixture-fodder
    severity: info
    kind: other
    phrases: [service fodder]
    message: "“{{text}}” treats people as material for the service."
    rationale: People are members, not material.
    alternatives: [members, people we support]
    principles: [mutual]
    sources: ["Fixture 2026"]
    examples: {flag: [They were service fodder., Service fodder came.], pass: [A service., Fodder for cattle.]}
`
export const FIXTURE_RULES = ['zz-fixture-mentor', 'zz-fixture-glumster', 'zz-fixture-fodder']
/** Arguments that keep a run to the fixture rules. */
export const ONLY_FIXTURES = FIXTURE_RULES.flatMap((id) => ['--rule', id])

/** A temp folder with the fixture pack and a root config using it, plus `files`. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-cli-'))
  writeFileSync(join(dir, 'fixture-pack.yml'), FIXTURE_PACK)
  writeFileSync(join(dir, '.recoverylintrc.json'), JSON.stringify({root: true, ruleFiles: ['fixture-pack.yml']}))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true})
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A minimal Word document: one <w:p> per paragraph. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.map((p) => (p ? `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>` : '<w:p/>')).join('')
  return makeDocxXml(body)
}

/** A minimal Word document around raw WordprocessingML body content. */
export async function makeDocxXml(body: string): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>'
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        body +
        '</w:body></w:document>'
    )
  }
  return Buffer.from(zipSync(files))
}
