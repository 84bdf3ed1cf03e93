/**
 * `--cache`: reviews of unchanged files are reused. An entry is keyed by the
 * file's content hash and the reviewer's identity (resolved configuration and
 * every rule's definition) and the tool's version, so a changed document,
 * config or rule pack is reviewed again. Stored as JSON in .recoverylintcache.
 */
import {createHash} from 'node:crypto'
import {readFileSync, renameSync, writeFileSync} from 'node:fs'
import type {Reviewer} from '../core/index.js'
import type {Reviewed} from './documents.js'

const FORMAT = 1

interface CacheData {
  format: number
  version: string
  entries: Record<string, {key: string; reviewed: Reviewed}>
}

export const hashOf = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

const reviewerKeys = new WeakMap<Reviewer, string>()

export function reviewerKey(reviewer: Reviewer): string {
  let key = reviewerKeys.get(reviewer)
  if (!key) {
    key = hashOf(JSON.stringify({config: reviewer.config, rules: reviewer.rules.map(({origin: _origin, ...rule}) => rule)}))
    reviewerKeys.set(reviewer, key)
  }
  return key
}

export class ReviewCache {
  private data: CacheData
  private dirty = false
  private readonly used = new Set<string>()

  constructor(
    readonly file: string,
    readonly version: string
  ) {
    this.data = {format: FORMAT, version, entries: {}}
    try {
      const loaded = JSON.parse(readFileSync(file, 'utf8')) as CacheData
      if (loaded.format === FORMAT && loaded.version === version && loaded.entries && typeof loaded.entries === 'object') this.data = loaded
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  static key(content: Buffer | string, reviewer: Reviewer, kind: string): string {
    return hashOf(`${hashOf(content)}\n${reviewerKey(reviewer)}\n${kind}`)
  }

  get(path: string, key: string): Reviewed | undefined {
    const entry = this.data.entries[path]
    if (entry && entry.key === key) {
      this.used.add(path)
      return entry.reviewed
    }
    return undefined
  }

  set(path: string, key: string, reviewed: Reviewed) {
    this.data.entries[path] = {key, reviewed}
    this.used.add(path)
    this.dirty = true
  }

  /** Write the cache (atomically). Failing to write a cache is not a failed review. */
  save(): string | undefined {
    if (!this.dirty) return undefined
    try {
      const tmp = `${this.file}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify(this.data))
      renameSync(tmp, this.file)
      return undefined
    } catch (error) {
      return `cannot write the cache ${this.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    }
  }
}
