/** The engine's FileHost over Node's file system, with a per-run cache. */
import {readFileSync, realpathSync, statSync} from 'node:fs'
import {MAX_PACK_CHARS, type FileHost} from '../core/index.js'
import {readProblem} from './read-document.js'

/**
 * Configuration files and rule packs: only regular files (a FIFO would block the
 * read, a device never end), at most the largest a pack may be, checked from
 * `stat` before reading.
 */
export function createNodeHost(): FileHost {
  const cache = new Map<string, string | undefined>()
  return {
    readFile(path) {
      if (cache.has(path)) return cache.get(path)
      let text: string | undefined
      try {
        const stat = statSync(path)
        if (stat.isDirectory()) throw new Error('is a directory')
        if (!stat.isFile()) throw new Error('not a regular file')
        if (stat.size > MAX_PACK_CHARS) throw new Error(`too large (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_PACK_CHARS / 1048576} MB)`)
        text = readFileSync(path, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'ENOTDIR') text = undefined
        else throw new Error(code ? readProblem(error as NodeJS.ErrnoException) : (error as Error).message)
      }
      cache.set(path, text)
      return text
    },
    realPath(path) {
      return realpathSync(path)
    }
  }
}
