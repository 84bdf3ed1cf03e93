/** The language server's host over Node's file system (see src/server/host.ts). */
import {existsSync, statSync, writeFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {ServerHost} from '../server/host.js'
import {builtinPacks, packageRoot} from './builtin-rules.js'
import {createNodeHost} from './fs-host.js'
import {Project} from './project.js'
import {fileType, readDocument} from './read-document.js'
import {reviewWordFile} from './word.js'

export interface NodeServerHostOptions {
  /** Where docs/rules/<id>.md live (default: the package root). */
  docsRoot?: string
}

export function createNodeServerHost(options: NodeServerHostOptions = {}): ServerHost {
  const pages = new Map<string, string | undefined>()
  let docsRoot = options.docsRoot
  return {
    files: {readFile: (path) => createNodeHost().readFile(path)},
    withFiles: async (step) => step(),
    builtinPacks,
    createProject: (settings) => new Project(settings),
    uriToPath(uri) {
      if (!uri.startsWith('file:')) return undefined
      try {
        return fileURLToPath(uri).split(sep).join('/')
      } catch {
        return undefined
      }
    },
    pathToUri: (path) => pathToFileURL(path).href,
    fileSize(path) {
      try {
        return statSync(path).size
      } catch {
        return undefined
      }
    },
    specialFile(path) {
      try {
        const stat = statSync(path)
        return stat.isFile() ? undefined : stat.isDirectory() ? 'a directory' : fileType(stat)
      } catch {
        return undefined
      }
    },
    readDocument: (path) => readDocument(path),
    writeFile: (path, text) => writeFileSync(path, text),
    rulePage(ruleId) {
      if (pages.has(ruleId)) return pages.get(ruleId)
      let href: string | undefined
      try {
        docsRoot ??= packageRoot()
        const file = join(docsRoot, 'docs', 'rules', `${ruleId}.md`)
        href = existsSync(file) ? pathToFileURL(file).href : undefined
      } catch {
        href = undefined
      }
      pages.set(ruleId, href)
      return href
    },
    pause: () => new Promise((resolve) => setImmediate(resolve)),
    reviewWordFile: (path, reviewer) => reviewWordFile(path, path.replace(/^.*[\\/]/, ''), reviewer)
  }
}
