/**
 * Turning command-line paths into documents: files, folders (recursively, the
 * formats we read), and globs. node_modules and dot-folders are skipped, and so
 * is whatever .gitignore and .recoverylintignore files exclude (those in the
 * walked folders, and those above them up to the repository root or the working
 * folder). A file named on the command line is always reviewed.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import picomatch from 'picomatch'
import {isDocumentPath} from '../core/index.js'
import {readBytes, readProblem} from './read-document.js'

export const IGNORE_FILES = ['.gitignore', '.recoverylintignore']
/** An ignore file larger than this is not read. */
const MAX_IGNORE_FILE_BYTES = 4 * 1024 * 1024

interface IgnoreLevel {
  base: string
  ig: Ignore
}

function readIgnoreLevel(dir: string): IgnoreLevel | undefined {
  let ig: Ignore | undefined
  for (const name of IGNORE_FILES) {
    let text: string
    try {
      // Only a regular file of sane size (a FIFO named .gitignore would block the walk).
      text = readBytes(join(dir, name), name, MAX_IGNORE_FILE_BYTES).toString('utf8')
    } catch {
      continue
    }
    ig ??= ignore()
    ig.add(text)
  }
  return ig && {base: dir, ig}
}

function isIgnoredBy(levels: IgnoreLevel[], path: string, isDir: boolean): boolean {
  for (const {base, ig} of levels) {
    const rel = relative(base, path).split(sep).join('/')
    if (!rel || rel.startsWith('..')) continue
    if (ig.ignores(isDir ? rel + '/' : rel)) return true
  }
  return false
}

/** Ignore files above `dir`: up to the repository root (a folder with .git), else up to `cwd`. */
function ancestorLevels(dir: string, cwd: string): IgnoreLevel[] {
  const chain: string[] = []
  let d = dirname(dir)
  let gitRoot: string | undefined
  for (let probe = dir; ; probe = dirname(probe)) {
    if (existsSync(join(probe, '.git'))) {
      gitRoot = probe
      break
    }
    if (dirname(probe) === probe) break
  }
  const stop = gitRoot ?? (relative(cwd, dir).startsWith('..') ? dir : cwd)
  if (dir === stop) return []
  for (;;) {
    chain.push(d)
    if (d === stop || dirname(d) === d) break
    d = dirname(d)
  }
  return chain
    .reverse()
    .map(readIgnoreLevel)
    .filter((l): l is IgnoreLevel => l !== undefined)
}
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn'])

export interface Expanded {
  files: string[]
  /** Paths that matched nothing: each a one-line reason. */
  problems: string[]
}

function walk(dir: string, out: string[], filter: (path: string) => boolean, levels: IgnoreLevel[] | undefined) {
  let entries
  try {
    entries = readdirSync(dir, {withFileTypes: true})
  } catch {
    return
  }
  if (levels) {
    const here = readIgnoreLevel(dir)
    if (here) levels = [...levels, here]
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue
      if (levels && isIgnoredBy(levels, path, true)) continue
      walk(path, out, filter, levels)
    } else if (entry.isFile() && filter(path) && !entry.name.startsWith('~$')) {
      if (levels && isIgnoredBy(levels, path, false)) continue
      out.push(path)
    }
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

export interface ExpandOptions {
  /** Respect .gitignore / .recoverylintignore when walking folders (default true). */
  ignoreFiles?: boolean
}

export function expandPaths(paths: string[], cwd = process.cwd(), options: ExpandOptions = {}): Expanded {
  const useIgnore = options.ignoreFiles !== false
  const levelsFor = (dir: string) => (useIgnore ? ancestorLevels(dir, cwd) : undefined)
  const files: string[] = []
  const problems: string[] = []
  for (const p of paths) {
    const abs = resolve(cwd, p)
    let stat
    let problem: string | undefined
    try {
      stat = statSync(abs)
    } catch (error) {
      stat = undefined
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') problem = readProblem(error as NodeJS.ErrnoException)
    }
    if (stat?.isFile()) files.push(abs)
    else if (stat?.isDirectory()) walk(abs, files, isDocumentPath, levelsFor(abs))
    else if (stat) problems.push(`${p}: not a regular file (${stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device'})`)
    else if (problem) problems.push(`${p}: cannot read: ${problem}`)
    else if (/[*?[\]{}]/.test(p)) {
      const base = resolve(cwd, globBase(p))
      const isMatch = picomatch(p.split(sep).join('/'), {dot: false})
      const before = files.length
      walk(base, files, (path) => isMatch(relative(cwd, path).split(sep).join('/')) || isMatch(path.split(sep).join('/')), levelsFor(base))
      if (files.length === before) problems.push(`${p}: no files match this pattern`)
    } else problems.push(`${p}: no such file or directory`)
  }
  return {files: [...new Set(files)], problems}
}
