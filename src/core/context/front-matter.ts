/**
 * A document may say which profile it is written for, in its front matter:
 *
 *     ---
 *     recovery-lint: {profile: clinical}
 *     ---
 *
 * so a clinical governance report kept beside peer-support documents is read as
 * one. The document's own word wins over configuration files and settings.
 */
import {parse} from 'yaml'
import {PROFILES, REGIONS, type Profile, type Region} from '../types.js'

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** What a document's front matter says of itself: its profile, and its region (`recovery-lint: {region: ca}`). */
export function documentSettings(text: string): {profile?: Profile; region?: Region} {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return {}
  const m = FRONT_MATTER.exec(text.slice(0, 20000))
  if (!m || !m[1].includes('recovery-lint')) return {}
  let data: unknown
  try {
    data = parse(m[1], {maxAliasCount: 10})
  } catch {
    return {}
  }
  const own = (data as {'recovery-lint'?: Record<string, unknown>} | null)?.['recovery-lint']
  const one = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const value = own && typeof own === 'object' ? own[key] : undefined
    return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
  }
  return {profile: one('profile', PROFILES), region: one('region', REGIONS)}
}
