/**
 * Every file generated from a single source, with its content: the rule pages
 * (from the packs), the settings in package.json (from
 * src/server/settings-schema.ts), and the directive snippets and editor grammar
 * (from src/core/directives.ts). `npm run generate` writes them; a test fails
 * when one is out of date.
 */
import {readFileSync} from 'node:fs'
import {DIRECTIVE_HELP, DIRECTIVE_KINDS, DIRECTIVE_PREFIX, directiveComment, type RulePack} from '../../src/core/index.js'
import {contributedConfiguration} from '../../src/server/settings-schema.js'
import {generatedDocs} from './rule-pages.js'

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'

/** package.json with `contributes.configuration` from the settings' one source. */
export function packageJson(current: string): string {
  const pkg = JSON.parse(current)
  pkg.contributes.configuration = contributedConfiguration()
  return json(pkg)
}

/** Snippets for the four directives, in the order a writer reaches for them. */
export function directiveSnippets(): string {
  const order = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const
  const names = {'disable-next-line': 'disable next line', 'disable-line': 'disable this line', disable: 'disable', enable: 'enable'}
  const snippets: Record<string, unknown> = {}
  for (const kind of order) {
    const placeholder = ['${1:rule-id}']
    const body = kind === 'disable' ? [directiveComment('disable', placeholder), '$0', directiveComment('enable', placeholder)] : [directiveComment(kind, placeholder)]
    snippets[`recovery-lint: ${names[kind]}`] = {prefix: [`${DIRECTIVE_PREFIX}${kind}`, `rl-${kind}`], body, description: DIRECTIVE_HELP[kind]}
  }
  return json(snippets)
}

/** The TextMate injection grammar that colours directives in Markdown. */
export function directiveGrammar(): string {
  return json({
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'recovery-lint directives',
    scopeName: 'comment.directive.recoverylint.injection',
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw',
    patterns: [{include: '#directive'}],
    repository: {
      directive: {
        name: 'comment.block.html.directive.recoverylint',
        begin: `(<!--)\\s*(${DIRECTIVE_PREFIX}(?:${DIRECTIVE_KINDS.join('|')}))\\b`,
        beginCaptures: {'1': {name: 'punctuation.definition.comment.html'}, '2': {name: 'keyword.control.directive.recoverylint'}},
        end: '-->',
        endCaptures: {'0': {name: 'punctuation.definition.comment.html'}},
        patterns: [
          {name: 'variable.parameter.rule-id.recoverylint', match: '[a-z0-9]+(?:-[a-z0-9]+)*'},
          {name: 'punctuation.separator.recoverylint', match: ','}
        ]
      }
    }
  })
}

/** Path (relative to the project root) → content, for every generated file. */
export function generatedFiles(packs: RulePack[], root: string): Map<string, string> {
  const out = new Map(generatedDocs(packs))
  out.set('package.json', packageJson(readFileSync(`${root}/package.json`, 'utf8')))
  out.set('snippets/directives.code-snippets', directiveSnippets())
  out.set('syntaxes/recoverylint-directives.tmLanguage.json', directiveGrammar())
  return out
}
