/**
 * The second opinion's training data (scripts/train-model.ts, scripts/model-cv.ts): the open
 * sentence sets (test/corpus/dev.tsv and tune*.tsv), the tuning documents (test/corpus/docs/tune*)
 * read sentence by sentence, and every rule's examples (flag → its category, pass → none). Each
 * item is tagged with where it came from, so cross-validation can leave one set out. Held-out
 * sets (heldout*.tsv, docs/heldout) are never read here: their names are not matched.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {discussesWording, type RulePack} from '../../src/core/index.js'

export interface TrainingItem {
  text: string
  categories: string[]
  /** `tune-c`, `docs/tune-b`, `dev`, or `examples` (the rules' examples). */
  source: string
}

/** Only these sets are open to training: dev and the tuning sets. */
const OPEN_SET = /^(tune.*|dev)$/

export function readCorpus(path: string, source: string): TrainingItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const tab = line.indexOf('\t')
      const label = line.slice(0, tab).trim()
      return {text: line.slice(tab + 1).trim(), categories: label === '-' ? [] : label.split('|'), source}
    })
}

/**
 * A document set's sentences: a sentence holding a marked place is an example of its category,
 * one holding a place marked either way ("?") is left out, and every other sentence is clean. They
 * teach the model what ordinary document prose looks like (tables, headings, contact details).
 */
export function readDocuments(dir: string, source: string): TrainingItem[] {
  const out: TrainingItem[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const expected = readFileSync(join(dir, file.replace(/\.md$/, '.expected.tsv')), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t'))
      .map(([line, categories, text]) => ({line: Number(line), categories, text}))
    const lines = readFileSync(join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (m) => '\n'.repeat(m.split('\n').length - 1)).split('\n')
    lines.forEach((raw, i) => {
      if (/^\s*(```|~~~|<!--|\|?[\s:|-]+\|?$)/.test(raw)) return
      const plain = raw.replace(/^\s*(#+|[-*+]|\d+[.)]|>)\s+/, '').replace(/\*\*|__|`/g, '')
      for (const cell of plain.split('|')) {
        for (const sentence of cell.split(/(?<=[.!?])\s+(?=[A-Z"\u201c])/)) {
          const text = sentence.trim()
          if (!/\p{L}/u.test(text)) continue
          const marks = expected.filter((e) => e.line === i + 1 && text.includes(e.text.replace(/\*\*|__|`/g, '')))
          if (marks.some((m) => m.categories.startsWith('?'))) continue
          out.push({text, categories: [...new Set(marks.flatMap((m) => m.categories.split('|')))], source})
        }
      }
    })
  }
  return out
}

export interface TrainingData {
  items: TrainingItem[]
  /** The sentence files read, in order (for the model's `trainedOn`). */
  corpusFiles: string[]
}

const QUOTED = /["\u201c\u2018][^"\u201d\u2019]{2,80}["\u201d\u2019]/
/** A clean sentence that quotes or sets out wording for discussion: the engine's context checks decide it, never the model. */
function discussed(text: string): boolean {
  return discussesWording(text) || QUOTED.test(text)
}

/**
 * Every training item: sentence sets, then the rules' examples, then the documents (the order training visits from).
 * `without`: sets left out by name ("tune-x", "docs/tune-y"), to score a new set blind before it is trained on.
 */
export function trainingData(root: string, packs: RulePack[], without: ReadonlySet<string> = new Set()): TrainingData {
  const corpusDir = join(root, 'test', 'corpus')
  const corpusFiles = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.tsv') && OPEN_SET.test(f.slice(0, -4)) && !without.has(f.slice(0, -4)))
    .sort()
  const items: TrainingItem[] = [
    ...corpusFiles.flatMap((f) => readCorpus(join(corpusDir, f), f.slice(0, -4))),
    ...packs.flatMap((p) =>
      p.rules.flatMap((r) => [
        ...(r.examples?.flag ?? []).map((text) => ({text, categories: [r.category], source: 'examples'})),
        ...(r.examples?.pass ?? []).map((text) => ({text, categories: [], source: 'examples'}))
      ])
    )
  ]
  const documentsDir = join(corpusDir, 'docs')
  for (const d of readdirSync(documentsDir).filter((d) => d.startsWith('tune') && !without.has(`docs/${d}`)).sort()) items.push(...readDocuments(join(documentsDir, d), `docs/${d}`))
  // A clean sentence of a sentence set or a rule example that quotes or sets out wording for discussion is the
  // context checks' to decide (quotes, exercises, glossaries), never the model's: trained on, it teaches the model
  // that framing words are clean. Cross-validation (33 sets): 911 / 31 sentences and 28 / 12 document places at
  // 0.7, against 831 / 25 and 25 / 10 at 0.65 with them. Documents keep theirs: there such a sentence is prose.
  return {items: items.filter((i) => i.categories.length > 0 || i.source.startsWith('docs/') || !discussed(i.text)), corpusFiles}
}
