/**
 * One evaluation run: every sentence set and document set under test/corpus/,
 * reviewed by each system, scored. Pure of printing; scripts/accuracy.ts reports it.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {builtinPacks} from '../../src/node/builtin-rules.js'
import {documentSets, sentenceSets, type DocumentSet, type SentenceSet} from './corpus.js'
import {scoreDocument, scoreSentences, sentenceDocument, sumDocuments, type DocumentDetail, type DocumentScore, type RuleTally, type SentenceResult} from './score.js'
import {alexReview, cliReview, engineReview, phraseOnly, sameFlags, SYSTEMS, type Flag, type Review, type SystemId} from './systems.js'

export interface EvaluateOptions {
  root?: string
  /** Score "as shipped" through the built CLI (and check the in-process engine against it); otherwise in-process only. */
  cli?: boolean
}

export interface Agreement {
  /** Per set: how many files (sentence sets: one) the CLI and the in-process engine reviewed differently. */
  sets: Array<{name: string; files: number; differing: number}>
  ok: boolean
}

export interface Evaluation {
  engine: {version: string; rules: number; frameRules: number}
  alexVersion: string
  sentences: Array<{set: SentenceSet; results: Record<SystemId, SentenceResult>}>
  documents: Array<{set: DocumentSet; details: Record<SystemId, DocumentDetail[]>; scores: Record<SystemId, DocumentScore>}>
  /** Present when the CLI was run. */
  agreement?: Agreement
}

const hasCategories = (s: SystemId) => s !== 'alex'

export async function evaluate(options: EvaluateOptions = {}): Promise<Evaluation> {
  const root = resolve(options.root ?? '.')
  const sentenceSetsFound = sentenceSets(root)
  const documentSetsFound = documentSets(root)

  // Each sentence set becomes the one Markdown file score-corpus.mjs would write.
  const tmp = mkdtempSync(join(tmpdir(), 'accuracy-'))
  try {
    const sentenceFiles = sentenceSetsFound.map((set) => {
      const path = join(tmp, `${set.name}.md`)
      writeFileSync(path, sentenceDocument(set.items))
      return path
    })
    const documentFiles = documentSetsFound.map((set) => set.documents.map((d) => join(root, d.path)))
    const all = [...sentenceFiles, ...documentFiles.flat()]

    const inProcess = engineReview(root)
    const reviews: Record<SystemId, Review> = {shipped: options.cli ? cliReview(root) : inProcess, baseline: engineReview(root, phraseOnly), alex: alexReview()}
    const flags = {} as Record<SystemId, Map<string, Flag[]>>
    for (const system of SYSTEMS) flags[system] = await reviews[system](all)

    let agreement: Agreement | undefined
    if (options.cli) {
      const engine = await inProcess(all)
      const differing = (paths: string[]) => paths.filter((p) => !sameFlags(engine.get(p) ?? [], flags.shipped.get(p) ?? [])).length
      const sets = [
        ...sentenceSetsFound.map((set, i) => ({name: set.name, files: 1, differing: differing([sentenceFiles[i]])})),
        ...documentSetsFound.map((set, i) => ({name: `docs/${set.name}`, files: documentFiles[i].length, differing: differing(documentFiles[i])}))
      ]
      agreement = {sets, ok: sets.every((s) => s.differing === 0)}
    }

    const sentences = sentenceSetsFound.map((set, i) => {
      const results = {} as Record<SystemId, SentenceResult>
      for (const system of SYSTEMS) results[system] = scoreSentences(set.items, flags[system].get(sentenceFiles[i]) ?? [], hasCategories(system))
      return {set, results}
    })
    const documents = documentSetsFound.map((set, i) => {
      const details = {} as Record<SystemId, DocumentDetail[]>
      const scores = {} as Record<SystemId, DocumentScore>
      for (const system of SYSTEMS) {
        const of = (j: number) => flags[system].get(documentFiles[i][j]) ?? []
        details[system] = set.documents.map((d, j) => scoreDocument(d, of(j), hasCategories(system)))
        scores[system] = sumDocuments(details[system], (d) => of(set.documents.indexOf(d.document)), hasCategories(system))
      }
      return {set, details, scores}
    })

    const rules = builtinPacks().flatMap((p) => p.rules)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}
    const alexPkg = JSON.parse(readFileSync(join(root, 'node_modules', 'alex', 'package.json'), 'utf8')) as {version: string}
    return {
      engine: {version: pkg.version, rules: rules.length, frameRules: rules.filter((r) => r.frame).length},
      alexVersion: alexPkg.version,
      sentences,
      documents,
      agreement
    }
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** Per rule, over the open tuning sets (tune*.tsv, docs/tune*) only, for the shipped engine. */
export function ruleTallies(evaluation: Evaluation): RuleTally[] {
  const rules = new Map(builtinPacks().flatMap((p) => p.rules).map((r) => [r.id, r]))
  const tallies = new Map<string, RuleTally>()
  const tally = (id: string) => {
    let t = tallies.get(id)
    if (!t) {
      const rule = rules.get(id)
      t = {ruleId: id, category: rule?.category ?? '?', frame: rule?.frame !== undefined, sentenceHits: 0, sentenceWrongCategory: 0, sentenceFalseAlarms: 0, documentHits: 0, documentIgnored: 0, documentFalseAlarms: 0, only: 0}
      tallies.set(id, t)
    }
    return t
  }
  for (const {set, results} of evaluation.sentences) {
    if (!isTuning(set.name)) continue
    for (const {item, flags, outcome} of results.shipped.outcomes) {
      const ids = [...new Set(flags.map((f) => f.ruleId))]
      for (const id of ids) {
        const t = tally(id)
        if (outcome === 'false-alarm') t.sentenceFalseAlarms++
        else if (outcome === 'hit' || outcome === 'wrong-category') {
          t.sentenceHits++
          if (!flags.some((f) => f.ruleId === id && f.category !== null && item.expect.includes(f.category))) t.sentenceWrongCategory++
        }
      }
      if (ids.length === 1 && (outcome === 'hit' || outcome === 'wrong-category')) tally(ids[0]).only++
    }
  }
  for (const {set, details} of evaluation.documents) {
    if (!isTuning(set.name)) continue
    for (const d of details.shipped) {
      for (const {flag, kind} of d.flagged) {
        const t = tally(flag.ruleId)
        if (kind === 'hit') t.documentHits++
        else if (kind === 'ignored') t.documentIgnored++
        else t.documentFalseAlarms++
      }
    }
  }
  const falseAlarms = (t: RuleTally) => t.sentenceFalseAlarms + t.documentFalseAlarms
  const hits = (t: RuleTally) => t.sentenceHits + t.documentHits
  return [...tallies.values()].sort((a, b) => falseAlarms(b) - falseAlarms(a) || hits(b) - hits(a) || a.ruleId.localeCompare(b.ruleId))
}

export const isTuning = (name: string) => name.startsWith('tune')

export interface GroupRow {
  group: string
  items: number
  toFlag: number
  clean: number
  missed: Record<'shipped' | 'baseline', number>
  falseAlarms: Record<'shipped' | 'baseline', number>
  wrongCategory: number
}

/** Where the tuning sentences' misses and false alarms are, by source group (tuning sets only). */
export function tuningGroups(evaluation: Evaluation): GroupRow[] {
  const rows = new Map<string, GroupRow>()
  for (const {set, results} of evaluation.sentences) {
    if (!isTuning(set.name)) continue
    results.shipped.outcomes.forEach(({item, outcome}, i) => {
      const group = item.group ?? '(no group)'
      let row = rows.get(group)
      if (!row) rows.set(group, (row = {group, items: 0, toFlag: 0, clean: 0, missed: {shipped: 0, baseline: 0}, falseAlarms: {shipped: 0, baseline: 0}, wrongCategory: 0}))
      row.items++
      if (item.expect.length > 0) row.toFlag++
      else row.clean++
      const base = results.baseline.outcomes[i].outcome
      if (outcome === 'missed') row.missed.shipped++
      if (base === 'missed') row.missed.baseline++
      if (outcome === 'false-alarm') row.falseAlarms.shipped++
      if (base === 'false-alarm') row.falseAlarms.baseline++
      if (outcome === 'wrong-category') row.wrongCategory++
    })
  }
  return [...rows.values()].sort((a, b) => b.toFlag - a.toFlag || a.group.localeCompare(b.group))
}

export interface CategoryRow {
  category: string
  places: number
  missed: Record<'shipped' | 'baseline', number>
  wrongCategory: number
}

/** The tuning documents' marked places by (first) expected category: how many each system missed. */
export function tuningDocumentCategories(evaluation: Evaluation): CategoryRow[] {
  const rows = new Map<string, CategoryRow>()
  for (const {set, details} of evaluation.documents) {
    if (!isTuning(set.name)) continue
    details.shipped.forEach((d, j) => {
      const base = details.baseline[j]
      for (const place of d.document.places) {
        if (place.optional) continue
        const category = place.categories[0]
        let row = rows.get(category)
        if (!row) rows.set(category, (row = {category, places: 0, missed: {shipped: 0, baseline: 0}, wrongCategory: 0}))
        row.places++
        if (d.missed.includes(place)) row.missed.shipped++
        if (base.missed.includes(place)) row.missed.baseline++
        if (d.wrongCategory.some((w) => w.place === place)) row.wrongCategory++
      }
    })
  }
  return [...rows.values()].sort((a, b) => b.places - a.places || a.category.localeCompare(b.category))
}
