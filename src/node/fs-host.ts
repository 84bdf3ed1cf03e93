/** The engine's FileHost over Node's file system, with a per-run cache. */
import {readFileSync, statSync} from 'node:fs'
import type {FileHost} from '../core/index.js'

export function createNodeHost(): FileHost {
  const cache = new Map<string, string | undefined>()
  return {
    readFile(path) {
      if (cache.has(path)) return cache.get(path)
      let text: string | undefined
      try {
        if (!statSync(path).isFile()) text = undefined
        else text = readFileSync(path, 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
        text = undefined
      }
      cache.set(path, text)
      return text
    }
  }
}
