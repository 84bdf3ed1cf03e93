/**
 * `--cache`: reviews of unchanged files are reused. An entry is keyed by the
 * file's content hash, the reviewer's identity (resolved configuration and
 * every rule's definition), the file's format and the tool's version, so a
 * changed document, config or rule pack is reviewed again. Stored as JSON in
 * .recoverylintcache.
 *
 * The cache is an optimisation that must never change a result: the file is
 * read only if it is a regular file of sane size; every entry is checked
 * (shape, and an HMAC of its key and review under a secret that is not in the
 * cache's folder, see cache-key.ts, so an entry edited or made by anyone
 * without the secret does not pass) and one that fails is ignored and
 * rewritten; a file that is not a cache of ours is never overwritten.
 */
import {createHash, createHmac, timingSafeEqual} from 'node:crypto'
import {renameSync, writeFileSync} from 'node:fs'
import type {Finding, Reviewer} from '../core/index.js'
import type {Reviewed} from './documents.js'
import {cacheSecret} from './cache-key.js'
import {readBytes} from './read-document.js'

/** 3: entries carry an HMAC (`mac`) where format 2 had a plain digest. */
const FORMAT = 3
/** A cache file larger than this is not read (and is rewritten). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024

interface Entry {
  key: string
  /** HMAC-SHA256 of the key and the review, as written, under the cache secret: an entry edited or made without it does not match. */
  mac: string
  reviewed: Reviewed
}

interface CacheData {
  format: number
  version: string
  entries: Record<string, Entry>
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

const macOf = (secret: Buffer, key: string, reviewed: Reviewed) => createHmac('sha256', secret).update(`${key}\n${JSON.stringify(reviewed)}`).digest()

export class ReviewCache {
  private data: CacheData
  private dirty = false
  /** The file exists but is not a cache of ours: never overwrite it. */
  private foreign?: string

  constructor(
    readonly file: string,
    readonly version: string,
    private readonly secret: Buffer = cacheSecret()
  ) {
    this.data = {format: FORMAT, version, entries: Object.create(null)}
    let text: string
    try {
      text = readBytes(file, file, MAX_CACHE_BYTES).toString('utf8')
    } catch (error) {
      // No cache yet, or one too large: start afresh. Something that is not a file is left alone.
      if (!/no such file|too large/.test((error as Error).message)) this.foreign = (error as Error).message.replace(`${file}: `, '')
      return
    }
    if (text.trim() === '') return
    let loaded: unknown
    try {
      loaded = JSON.parse(text)
    } catch {
      this.foreign = 'not a recovery-lint cache'
      return
    }
    const data = loaded as Partial<CacheData> | null
    if (!data || typeof data !== 'object' || typeof data.format !== 'number') {
      this.foreign = 'not a recovery-lint cache'
      return
    }
    // Another format or version: start afresh (the file is ours, so it is rewritten).
    if (data.format === FORMAT && data.version === version && data.entries && typeof data.entries === 'object' && !Array.isArray(data.entries)) {
      for (const [path, entry] of Object.entries(data.entries)) this.data.entries[path] = entry
    }
  }

  static key(content: Buffer | string, reviewer: Reviewer, kind: string, version = ''): string {
    return hashOf(`${hashOf(content)}\n${reviewerKey(reviewer)}\n${kind}\n${version}`)
  }

  get(path: string, key: string): Reviewed | undefined {
    const entry = this.data.entries[path] as Partial<Entry> | undefined
    if (!entry || entry.key !== key) return undefined
    // A malformed, edited or forged entry is a miss: the file is reviewed again and the entry rewritten.
    if (typeof entry.mac !== 'string' || !/^[0-9a-f]{64}$/.test(entry.mac) || !isReviewed(entry.reviewed)) return undefined
    if (!timingSafeEqual(macOf(this.secret, key, entry.reviewed), Buffer.from(entry.mac, 'hex'))) return undefined
    return entry.reviewed
  }

  set(path: string, key: string, reviewed: Reviewed) {
    this.data.entries[path] = {key, mac: macOf(this.secret, key, reviewed).toString('hex'), reviewed}
    this.dirty = true
  }

  /** Write the cache (atomically). Failing to write a cache is not a failed review. */
  save(): string | undefined {
    if (!this.dirty) return undefined
    if (this.foreign) return `not writing the cache ${this.file}: ${this.foreign}`
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

const KINDS = new Set(['markdown', 'text', 'html', 'docx'])
const SEVERITIES = new Set(['error', 'warning', 'info'])
const isInt = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0
const isString = (s: unknown) => typeof s === 'string'

/** Whether a value has the shape of a review, every finding and excerpt complete. */
function isReviewed(value: unknown): value is Reviewed {
  const r = value as Partial<Reviewed> | null
  if (!r || typeof r !== 'object' || !KINDS.has(r.kind as string)) return false
  if (!Array.isArray(r.findings) || !Array.isArray(r.excerpts) || r.findings.length !== r.excerpts.length) return false
  for (const f of r.findings as Array<Partial<Finding>>) {
    if (!f || typeof f !== 'object') return false
    if (!isString(f.ruleId) || !isString(f.category) || !SEVERITIES.has(f.severity as string) || !isString(f.text) || !isString(f.message)) return false
    if (!isInt(f.offset) || !isInt(f.endOffset) || !isInt(f.line) || !isInt(f.column) || !isInt(f.endLine) || !isInt(f.endColumn)) return false
    if (f.endOffset! < f.offset! || f.line! < 1 || f.column! < 1 || f.endLine! < f.line!) return false
    if (!Array.isArray(f.suggestions) || !f.suggestions.every(isString) || typeof f.safeFix !== 'boolean') return false
    if (!Array.isArray(f.advice) || !f.advice.every(isString) || !isString(f.group) || !Array.isArray(f.fixes)) return false
    for (const x of f.fixes) if (!x || typeof x !== 'object' || !isInt(x.before) || !isInt(x.after) || !isString(x.replacement) || !isInt(x.alternative)) return false
  }
  for (const e of r.excerpts) if (!e || typeof e !== 'object' || !isString(e.before) || !isString(e.text) || !isString(e.after)) return false
  return true
}
