/**
 * The editor's directive grammar and snippets, checked without an editor: the
 * injection grammar is run by vscode-textmate (VS Code's own tokenizer) over a
 * stand-in Markdown grammar, and each snippet body, filled in, must be a
 * directive the engine reads.
 */
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {test} from 'node:test'
import oniguruma from 'vscode-oniguruma'
import textmate from 'vscode-textmate'
import {parseDirectiveComments} from '../src/core/directives.js'
import {LineIndex} from '../src/core/positions.js'

const require = createRequire(import.meta.url)
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')
const pkg = JSON.parse(read('package.json'))

const MARKDOWN = 'text.html.markdown'
/** Just enough of VS Code's Markdown grammar for the injection selector's exclusions. */
const markdownStandIn = {
  scopeName: MARKDOWN,
  patterns: [
    {name: 'markup.fenced_code.block.markdown', begin: '^```', end: '^```'},
    {name: 'markup.inline.raw.string.markdown', match: '`[^`]*`'}
  ]
}

async function tokenizer() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'))
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
  const contribution = pkg.contributes.grammars[0]
  const ours = JSON.parse(read(contribution.path))
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s)}),
    loadGrammar: async (scope: string) => (scope === MARKDOWN ? markdownStandIn : scope === contribution.scopeName ? ours : null) as never,
    getInjections: (scope: string) => (contribution.injectTo.includes(scope) ? [contribution.scopeName] : [])
  })
  const grammar = await registry.loadGrammar(MARKDOWN)
  assert.ok(grammar)
  /** Each token of each line as "text=scope scope …" (the scopes after the Markdown root). */
  return (text: string) => {
    let stack = textmate.INITIAL
    const out: string[] = []
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, stack)
      for (const t of r.tokens) out.push(`${line.slice(t.startIndex, t.endIndex)}=${t.scopes.slice(1).join(' ')}`)
      stack = r.ruleStack
    }
    return out
  }
}

test('the injection grammar marks directives in Markdown, not in code or ordinary comments', async () => {
  const tokens = await tokenizer()
  const directive = tokens('<!-- recovery-lint-disable-next-line role-model, patient -->')
  assert.ok(directive.includes('recovery-lint-disable-next-line=comment.block.html.directive.recoverylint keyword.control.directive.recoverylint'), directive.join('\n'))
  assert.ok(directive.includes('role-model=comment.block.html.directive.recoverylint variable.parameter.rule-id.recoverylint'))
  assert.ok(directive.includes('patient=comment.block.html.directive.recoverylint variable.parameter.rule-id.recoverylint'))
  assert.ok(directive.includes('-->=comment.block.html.directive.recoverylint punctuation.definition.comment.html'))
  for (const kind of ['disable', 'enable', 'disable-line']) {
    assert.ok(tokens(`Text <!-- recovery-lint-${kind} -->`).some((t) => t.startsWith(`recovery-lint-${kind}=`) && t.includes('keyword.control')), kind)
  }
  const notDirective = (text: string) => !tokens(text).some((t) => t.includes('recoverylint'))
  assert.ok(notDirective('<!-- an ordinary note -->'))
  assert.ok(notDirective('Inline `<!-- recovery-lint-disable -->` code.'))
  assert.ok(notDirective('```\n<!-- recovery-lint-disable -->\n```'))
})

test('every snippet, filled in, is a directive the engine reads', () => {
  const kinds = new Map<string, string[]>()
  for (const {language, path} of pkg.contributes.snippets) {
    assert.ok(['markdown', 'plaintext'].includes(language))
    for (const [name, snippet] of Object.entries<{body: string[]; prefix: string[]}>(JSON.parse(read(path)))) {
      const text = snippet.body.join('\n').replace(/\$\{\d+:[^}]*\}/g, 'role-model').replace(/\$\d+/g, 'Some text.')
      const found = parseDirectiveComments(text, 0, new LineIndex(text))
      assert.ok(found.length > 0, `${name}: ${text}`)
      for (const d of found) assert.deepEqual(d.ids, ['role-model'], name)
      kinds.set(name, found.map((d) => d.kind))
    }
  }
  assert.deepEqual([...new Set([...kinds.values()].flat())].sort(), ['disable', 'disable-line', 'disable-next-line', 'enable'])
  assert.deepEqual(kinds.get('recovery-lint: disable'), ['disable', 'enable'])
})
