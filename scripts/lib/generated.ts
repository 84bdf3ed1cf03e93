/**
 * Every file generated from a single source, with its content: the rule pages
 * (from the packs), the settings in package.json (from
 * src/server/settings-schema.ts), and the directive snippets and editor grammar
 * (from src/core/directives.ts), and the schema validators (from the two JSON
 * Schemas, compiled by Ajv's standalone code generation: no schema is compiled
 * at run time, and no `new Function`, so they run in a browser too).
 * `npm run generate` writes them; a test fails when one is out of date.
 */
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'
import {DIRECTIVE_HELP, DIRECTIVE_KINDS, DIRECTIVE_PREFIX, directiveComment, type SourcePack} from '../../src/core/index.js'
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

export const VALIDATORS = 'src/core/generated/validators.js'

/** A schema without its descriptions and titles: they are for people and editors, not for validating (smaller code). */
function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations)
  if (schema === null || typeof schema !== 'object') return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'description' || key === 'title') && typeof value === 'string') continue
    // Maps of names to schemas: the names stay (a property may well be called "title").
    if (key === 'properties' || key === 'definitions' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, withoutAnnotations(sub)]))
    } else out[key] = withoutAnnotations(value)
  }
  return out
}

/**
 * The configuration and rule-pack validators as one ES module. Ajv's runtime
 * helpers (string length in code points, deep equality) are imported, since the
 * generated `require` calls would not run in an ES module.
 */
export function validatorsModule(root: string): string {
  const ajv = new Ajv({allErrors: true, strict: false, code: {source: true, esm: true, lines: true}})
  const bare = (path: string) => withoutAnnotations(JSON.parse(readFileSync(`${root}/${path}`, 'utf8'))) as Record<string, unknown>
  ajv.addSchema(bare('schemas/recoverylintrc.schema.json'), 'config')
  ajv.addSchema(bare('rules/rule-pack.schema.json'), 'rulePack')
  const imports: string[] = []
  const code = (standaloneCode as unknown as (ajv: Ajv, refs: Record<string, string>) => string)(ajv, {validateConfig: 'config', validateRulePack: 'rulePack'}).replace(
    /require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/g,
    (_, path: string) => {
      const name = `runtime_${path.split('/').pop()}`
      if (!imports.some((i) => i.includes(` ${name} `))) imports.push(`import ${name} from '${path}.js'`)
      return `(${name}.default ?? ${name})`
    }
  )
  return `// Generated by scripts/generate.ts from schemas/recoverylintrc.schema.json and rules/rule-pack.schema.json. Do not edit.\n${imports.join('\n')}\n${code.replace(/^"use strict";/, '')}\n`
}

/** Path (relative to the project root) → content, for every generated file. */
export function generatedFiles(packs: SourcePack[], root: string): Map<string, string> {
  const out = new Map(generatedDocs(packs))
  out.set('package.json', packageJson(readFileSync(`${root}/package.json`, 'utf8')))
  out.set('snippets/directives.code-snippets', directiveSnippets())
  out.set('syntaxes/recoverylint-directives.tmLanguage.json', directiveGrammar())
  out.set(VALIDATORS, validatorsModule(root))
  return out
}
