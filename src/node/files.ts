/**
 * Turning command-line paths into documents: files, folders (recursively, the
 * formats we read), and globs. node_modules and dot-folders are skipped.
 */
import {readdirSync, statSync} from 'node:fs'
import {join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'

export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.txt', '.text']
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

export interface Expanded {
  files: string[]
  /** Paths that matched nothing: each a one-line reason. */
  problems: string[]
}

function isDocument(path: string): boolean {
  const lower = path.toLowerCase()
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext))
}

function walk(dir: string, out: string[], filter: (path: string) => boolean) {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path, out, filter)
    } else if (entry.isFile() && filter(path)) out.push(path)
  }
}

/** The folder a glob starts from: its path up to the first segment with glob syntax. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/)
  const base: string[] = []
  for (const part of parts) {
    if (/[*?[\]{}()!]/.test(part)) break
    base.push(part)
  }
  return base.join('/') || '.'
}

export function expandPaths(paths: string[], cwd = process.cwd()): Expanded {
  const files: string[] = []
  const problems: string[] = []
  for (const p of paths) {
    const abs = resolve(cwd, p)
    let stat
    try {
      stat = statSync(abs)
    } catch {
      stat = undefined
    }
    if (stat?.isFile()) files.push(abs)
    else if (stat?.isDirectory()) walk(abs, files, isDocument)
    else if (/[*?[\]{}]/.test(p)) {
      const base = resolve(cwd, globBase(p))
      const isMatch = picomatch(p.split(sep).join('/'), {dot: false})
      const before = files.length
      walk(base, files, (path) => isMatch(relative(cwd, path).split(sep).join('/')) || isMatch(path.split(sep).join('/')))
      if (files.length === before) problems.push(`${p}: no files match this pattern`)
    } else problems.push(`${p}: no such file or directory`)
  }
  return {files: [...new Set(files)], problems}
}
