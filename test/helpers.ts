import {readFileSync} from 'node:fs'
import {parseRulePack} from '../src/core/rules/load.js'
import {Reviewer} from '../src/core/review.js'
import type {Config, Finding, Format} from '../src/core/types.js'

export const testPack = () => parseRulePack('test/fixtures/pack.yml', readFileSync(new URL('./fixtures/pack.yml', import.meta.url), 'utf8'))

export function review(text: string, config: Config = {}, format: Format = 'markdown'): Finding[] {
  return new Reviewer([testPack()], config).review(text, format)
}

/** Compact "line:col-endLine:endCol rule text" strings. */
export const brief = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.text}`)
