/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other
 * viewers read it. Regions are 1-based lines and columns, endColumn exclusive,
 * columns in UTF-16 code units (the run's columnKind, SARIF's default too).
 * Artifact URIs are relative to %SRCROOT% (the working folder).
 */
import {isAbsolute, relative, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import {alternativeLabel, isFixable, type Rule, type Severity} from '../../core/index.js'
import type {FileResult, ReportContext} from '../results.js'

const HOME = 'https://github.com/recovery-lint/recovery-lint'

const level = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note')

function alternativeText(alt: Rule['alternatives'][number]): string {
  return alternativeLabel(alt)
}

function ruleDescriptor(rule: Rule) {
  const example = rule.phrases[0] ?? rule.id
  const short = rule.message.replace(/\{\{\s*text\s*\}\}/g, example)
  const alternatives = rule.alternatives.map(alternativeText)
  const sources = rule.sources.length ? `\n\nSources: ${rule.sources.join('; ')}.` : ''
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: {text: short},
    fullDescription: {text: rule.rationale},
    help: {
      text: `${rule.rationale}\n\nAlternatives: ${alternatives.join('; ')}.${sources}`,
      markdown:
        `${rule.rationale}\n\n**Flags:** ${rule.phrases.map((p) => `“${p}”`).join(', ')}\n\n**Alternatives:**\n\n` +
        alternatives.map((a) => `- ${a}`).join('\n') +
        (rule.principles.length ? `\n\n**Principles:** ${rule.principles.join(', ')}` : '') +
        sources.replace('Sources:', '**Sources:**')
    },
    // Built-in rules have a page each (docs/rules/<id>.md); an organisation's own rules do not.
    ...(rule.origin?.startsWith('rules/') ? {helpUri: `${HOME}/blob/main/docs/rules/${rule.id}.md`} : {}),
    defaultConfiguration: {level: level(rule.severity)},
    properties: {category: rule.category, tags: ['recovery-language', rule.category, ...rule.principles], ...(rule.contested ? {contested: true} : {})}
  }
}

function artifactLocation(file: string, cwd: string): {uri: string; uriBaseId?: string} {
  const abs = isAbsolute(file)
  const rel = abs ? relative(cwd, file) : file
  if (!abs || (rel && !rel.startsWith('..') && !isAbsolute(rel))) {
    return {uri: rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
  }
  return {uri: pathToFileURL(file).href}
}

export function formatSarif(results: FileResult[], context: ReportContext): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))
  // Every rule that could report (so viewers can show what ran), used ones guaranteed.
  const rules = [...context.rules.values()]
  for (const id of used) if (!context.rules.has(id)) throw new Error(`unknown rule ${id}`)
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const sarifResults = results.flatMap((r) => {
    const location = artifactLocation(r.file, context.cwd)
    return r.findings.map((f, i) => {
      const region = {startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, snippet: {text: f.text}}
      const hint = f.suggestions.length ? ` Try: ${f.suggestions.slice(0, 3).join('; ')}.` : ''
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        kind: 'fail',
        level: level(f.severity),
        // Word has no lines: the region's line is the paragraph number, and the message names the place.
        message: {text: (r.kind === 'docx' ? `${r.places?.[i] ?? `Paragraph ${f.line}`}: ` : '') + f.message + hint},
        locations: [{physicalLocation: {artifactLocation: location, region}}],
        partialFingerprints: {'recoveryLint/v1': `${f.ruleId}:${f.text.toLowerCase()}:${f.line}`},
        properties: {category: f.category, suggestions: f.suggestions}
      }
      if (isFixable(f) && r.kind !== 'docx') {
        result.fixes = [
          {
            description: {text: `Replace “${f.text}” with “${f.suggestions[0]}”`},
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: [{deletedRegion: {startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn}, insertedContent: {text: f.suggestions[0]}}]
              }
            ]
          }
        ]
      }
      return result
    })
  })
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'recovery-lint',
            fullName: 'recovery-lint (Recovery Language Review)',
            version: context.version,
            semanticVersion: context.version,
            informationUri: HOME,
            rules: rules.map(ruleDescriptor)
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href}},
        invocations: [
          {
            executionSuccessful: context.problems.length === 0,
            toolExecutionNotifications: context.problems.map((p) => ({level: 'error', message: {text: p}}))
          }
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
