/**
 * The file formats recovery-lint reads, in one table: the extensions the CLI
 * looks for in folders, the format the engine reviews a file or an editor
 * document as, and the editor languages a workspace review looks for.
 *
 * Pure data and lookups: the VS Code client imports this too (and nothing else
 * of the engine).
 */
import type {Format} from './types.js'

/** A kind of document: one of the engine's formats, or Word (read through a converter, Node only). */
export type DocumentKind = Format | 'docx'

export interface DocumentFormat {
  kind: DocumentKind
  /** Lower-case file extensions, with the dot. */
  extensions: readonly string[]
  /** Editor language ids (VS Code) reviewed as this format. */
  languageIds: readonly string[]
  /** Extensions read as this kind only when a file is named, not looked for in folders. */
  whenNamed?: readonly string[]
}

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = [
  // .mdx is Markdown with JSX: its prose is Markdown, and its JSX blocks are HTML blocks, which are not reviewed.
  {kind: 'markdown', extensions: ['.md', '.markdown', '.mdown', '.mkd', '.mdx'], languageIds: ['markdown']},
  {kind: 'text', extensions: ['.txt', '.text'], languageIds: ['plaintext']},
  {kind: 'html', extensions: ['.html', '.htm', '.xhtml'], languageIds: ['html']},
  // A .doc is read as Word so its owner hears what it is (an older format), not "binary file".
  {kind: 'docx', extensions: ['.docx'], languageIds: [], whenNamed: ['.doc']}
]

/** The kind a file name says, or undefined when it is none of ours; `named`: a file the user named (see `whenNamed`). */
export function kindOfPath(path: string, options: {named?: boolean} = {}): DocumentKind | undefined {
  const lower = path.toLowerCase()
  const has = (list: readonly string[] | undefined) => (list ?? []).some((ext) => lower.endsWith(ext))
  return DOCUMENT_FORMATS.find((f) => has(f.extensions) || (options.named === true && has(f.whenNamed)))?.kind
}

/** Whether a file name is one of the formats a folder review looks for. */
export const isDocumentPath = (path: string): boolean => kindOfPath(path) !== undefined

/**
 * The format to review an editor document as: its language when that is one of
 * ours (plain text aside), else its file name, else plain text.
 */
export function formatFor(languageId: string | undefined, path: string | undefined): Format {
  const byLanguage = DOCUMENT_FORMATS.find((f) => languageId !== undefined && f.languageIds.includes(languageId))?.kind
  if (byLanguage && byLanguage !== 'text' && byLanguage !== 'docx') return byLanguage
  const byPath = path ? kindOfPath(path) : undefined
  return byPath && byPath !== 'docx' ? byPath : 'text'
}

/** File extensions (without the dot) of documents in these editor languages: what a workspace review looks for. */
export function extensionsOfLanguages(languageIds: readonly string[]): string[] {
  return DOCUMENT_FORMATS.filter((f) => f.languageIds.some((l) => languageIds.includes(l))).flatMap((f) => f.extensions.map((e) => e.slice(1)))
}
