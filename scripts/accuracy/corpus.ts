/**
 * The labelled corpora under test/corpus/: sentence sets (*.tsv) and document sets
 * (docs/<set>/*.md with *.expected.tsv). A set is open (tuning, or the shared dev
 * corpus the rules were written from) or held out; held-out sets are only ever
 * reported in aggregate.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {basename, join} from 'node:path'

export const CORPUS_DIR = join('test', 'corpus')
/** The shared dev corpus beside the project (copied into test/corpus/dev.tsv). */
export const SHARED_DEV = join('..', 'shared', 'corpus', 'dev.tsv')

export interface SentenceItem {
  /** Expected categories; empty: must not be flagged. */
  expect: string[]
  text: string
  /** The `# group:` the item sits under (tune.tsv, heldout.tsv), if any. */
  group?: string
}

export interface SentenceSet {
  name: string
  path: string
  heldOut: boolean
  items: SentenceItem[]
}

export interface ExpectedPlace {
  /** 1-based line over the whole file. */
  line: number
  categories: string[]
  /** `?`: defensible either way, neither a miss nor a false alarm. */
  optional: boolean
  text: string
  /** 0-based UTF-16 columns of `text` on its line; end exclusive. */
  start: number
  end: number
}

export interface MarkedDocument {
  name: string
  path: string
  text: string
  places: ExpectedPlace[]
}

export interface DocumentSet {
  name: string
  dir: string
  heldOut: boolean
  documents: MarkedDocument[]
}

/** Tuning sets and the dev corpus are open; every other set (heldout, heldout-b, …) is held out. */
export const isHeldOut = (name: string) => !(name === 'dev' || name.startsWith('tune'))

/**
 * Items as ../shared/tools/score-corpus.mjs reads them (same filter, same split),
 * plus the `# group:` each sits under.
 */
export function parseSentences(text: string): SentenceItem[] {
  const items: SentenceItem[] = []
  let group: string | undefined
  for (const line of text.split('\n')) {
    const g = /^# group:\s*(\S+)/.exec(line)
    if (g) group = g[1]
    if (!line.trim() || line.startsWith('#')) continue
    const tab = line.indexOf('\t')
    const label = line.slice(0, tab).trim()
    items.push({expect: label === '-' ? [] : label.split('|'), text: line.slice(tab + 1).trim(), ...(group ? {group} : {})})
  }
  return items
}

/** Every test/corpus/*.tsv (dev first, then tuning, then held-out sets), falling back to the shared dev corpus. */
export function sentenceSets(root = '.'): SentenceSet[] {
  const dir = join(root, CORPUS_DIR)
  const paths = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => join(CORPUS_DIR, f))
  if (!paths.some((p) => basename(p) === 'dev.tsv') && existsSync(join(root, SHARED_DEV))) paths.push(SHARED_DEV)
  return paths
    .map((path) => {
      const name = basename(path, '.tsv')
      return {name, path, heldOut: isHeldOut(name), items: parseSentences(readFileSync(join(root, path), 'utf8'))}
    })
    .sort(bySetOrder)
}

/** Every folder under test/corpus/docs/ holding marked documents. */
export function documentSets(root = '.'): DocumentSet[] {
  const base = join(root, CORPUS_DIR, 'docs')
  if (!existsSync(base)) return []
  return readdirSync(base, {withFileTypes: true})
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = join(CORPUS_DIR, 'docs', e.name)
      const documents = readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => readMarkedDocument(root, join(dir, f)))
      return {name: e.name, dir, heldOut: isHeldOut(e.name), documents}
    })
    .filter((s) => s.documents.length > 0)
    .sort(bySetOrder)
}

function bySetOrder(a: {name: string; heldOut: boolean}, b: {name: string; heldOut: boolean}): number {
  const rank = (s: {name: string; heldOut: boolean}) => (s.name === 'dev' ? 0 : s.heldOut ? 2 : 1)
  return rank(a) - rank(b) || a.name.localeCompare(b.name)
}

/** A document and its reviewer's marks, each located on its line. */
export function readMarkedDocument(root: string, path: string): MarkedDocument {
  const text = readFileSync(join(root, path), 'utf8')
  const expectedPath = path.replace(/\.md$/, '.expected.tsv')
  const rows = existsSync(join(root, expectedPath)) ? readFileSync(join(root, expectedPath), 'utf8').split('\n') : []
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  const seen = new Map<string, number>()
  const places: ExpectedPlace[] = []
  for (const row of rows) {
    if (!row.trim() || row.startsWith('#')) continue
    const [lineField, catField, marked] = row.split('\t')
    const line = Number(lineField)
    const optional = catField.startsWith('?')
    const lineText = lines[line - 1] ?? ''
    // The same marked text twice on a line is listed twice: the k-th row takes the k-th occurrence.
    const key = `${line}\t${marked}`
    const nth = seen.get(key) ?? 0
    seen.set(key, nth + 1)
    const start = nthIndexOf(lineText, marked, nth) ?? nthIndexOf(lineText.toLowerCase(), marked.toLowerCase(), nth)
    if (start === undefined) throw new Error(`${expectedPath}: "${marked}" is not on line ${line}`)
    places.push({line, categories: catField.replace(/^\?/, '').split('|'), optional, text: marked, start, end: start + marked.length})
  }
  return {name: basename(path, '.md'), path, text, places}
}

/** The start of the n-th (0-based) occurrence, or of the last one when there are fewer. */
function nthIndexOf(haystack: string, needle: string, n: number): number | undefined {
  let at = -1
  let found: number | undefined
  for (let i = 0; i <= n; i++) {
    at = haystack.indexOf(needle, at + 1)
    if (at === -1) break
    found = at
  }
  return found
}
