/**
 * The secret that authenticates `--cache` entries (an HMAC over each entry's key
 * and review, see cache.ts). It never lives beside the cache: whoever can write
 * the cache file (a restored CI cache, a shared folder) cannot make an entry that
 * passes, so the cache can never change a result.
 *
 * - `RECOVERY_LINT_CACHE_KEY`, when set and not empty: for CI, where the cache is
 *   restored between runs and the key is a CI secret.
 * - Otherwise a per-user key file, `$XDG_CONFIG_HOME/recovery-lint/cache-key`
 *   (`~/.config/recovery-lint/cache-key`), made on first use with mode 0600 from
 *   32 random bytes. A key file another user could write, or one that cannot be
 *   read or made, is not used: the run gets a key of its own, so no earlier entry
 *   is reused (the reviews are simply done again).
 */
import {randomBytes} from 'node:crypto'
import {linkSync, lstatSync, mkdirSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'

export const CACHE_KEY_ENV = 'RECOVERY_LINT_CACHE_KEY'

/** Where the per-user key is kept. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config')
  return join(config, 'recovery-lint', 'cache-key')
}

/** The secret for the cache's MACs: the environment's, the user's key file's, or (failing both) one for this run only. */
export function cacheSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[CACHE_KEY_ENV]
  if (fromEnv) return Buffer.from(fromEnv, 'utf8')
  try {
    return userKey(cacheKeyFile(env))
  } catch {
    return randomBytes(32)
  }
}

function userKey(file: string): Buffer {
  const existing = readKey(file)
  if (existing) return existing
  mkdirSync(join(file, '..'), {recursive: true, mode: 0o700})
  // Written whole under another name, then linked into place: a reader never sees half a key, and of two
  // runs making it at once, the second finds the first's.
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', {mode: 0o600, flag: 'wx'})
  try {
    linkSync(tmp, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    unlinkSync(tmp)
  }
  const made = readKey(file)
  if (!made) throw new Error(`${file}: not a usable key`)
  return made
}

/** The key in `file`, if it is a regular file of this user's that no one else can read or write. */
function readKey(file: string): Buffer | undefined {
  let stat
  try {
    stat = lstatSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const uid = process.getuid?.()
  if (!stat.isFile() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0 || stat.size > 4096) throw new Error(`${file}: not a private key file`)
  const key = readFileSync(file, 'utf8').trim()
  if (key.length < 32) throw new Error(`${file}: too short`)
  return Buffer.from(key, 'utf8')
}
