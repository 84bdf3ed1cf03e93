/**
 * Writing files without losing one: through a temporary file in the same folder
 * and a rename, so a crash or a full disk leaves the old file whole; the mode
 * (and, where allowed, the owner) of the file replaced is kept, and a symbolic
 * link is written through, not replaced. `--output` also refuses to write over a
 * document the same run reads.
 */
import {chownSync, closeSync, fchmodSync, fsyncSync, openSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'

/** Marks an HTML report of ours: the only document `--output` may replace. */
export const REPORT_MARK = '<meta name="generator" content="recovery-lint report">'

/** The path a write would land on: links resolved (the file itself need not exist yet). */
export function canonicalPath(path: string): string {
  const abs = resolve(path)
  try {
    return realpathSync(abs)
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs))
    } catch {
      return abs
    }
  }
}

/** Whether a file starts like one of our HTML reports (so a re-run may replace it). */
export function isOwnReport(path: string): boolean {
  let fd: number | undefined
  try {
    if (!statSync(path).isFile()) return false
    fd = openSync(path, 'r')
    const head = Buffer.alloc(4096)
    const n = readSync(fd, head, 0, head.length, 0)
    return head.subarray(0, n).toString('utf8').includes(REPORT_MARK)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Why `output` must not be written, or undefined: it is one of `inputs` (files the
 * run reads, compared with links resolved) and not an HTML report of ours.
 */
export function outputConflict(output: string, inputs: Iterable<string>): string | undefined {
  const target = canonicalPath(output)
  for (const input of inputs) {
    if (canonicalPath(input) !== target) continue
    if (isOwnReport(target)) return undefined
    return 'is also a document this run reviews; not overwriting it (write the report somewhere else)'
  }
  try {
    if (statSync(target).isDirectory()) return 'is a directory'
  } catch {
    // Does not exist yet: fine.
  }
  return undefined
}

/** Write `data` to `path` through a temporary file and a rename. Throws the fs error. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const target = canonicalPath(path)
  let mode = 0o666
  let owner: {uid: number; gid: number} | undefined
  try {
    const stat = statSync(target)
    if (!stat.isFile()) {
      // /dev/null, /dev/stdout, a pipe: written as asked, never replaced by a file.
      writeFileSync(target, data)
      return
    }
    mode = stat.mode & 0o7777
    owner = {uid: stat.uid, gid: stat.gid}
  } catch {
    // A new file: the default mode, less the umask.
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`)
  const fd = openSync(tmp, 'wx', mode)
  try {
    try {
      // The mode the replaced file had, whatever the umask.
      if (owner) fchmodSync(fd, mode)
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let written = 0
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    if (owner) {
      try {
        chownSync(tmp, owner.uid, owner.gid)
      } catch {
        // Only the owner's own files: keeping the owner is best effort.
      }
    }
    renameSync(tmp, target)
  } catch (error) {
    try {
      unlinkSync(tmp)
    } catch {
      // Already gone.
    }
    throw error
  }
}
