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

export function documentProfile(text: string): Profile | undefined {
  return frontMatterOption(text, 'profile', PROFILES)
}

/** The region a document names for itself (`recovery-lint: {region: ca}`). */
export function frontMatterRegion(text: string): Region | undefined {
  return frontMatterOption(text, 'region', REGIONS)
}

function frontMatterOption<T extends string>(text: string, key: string, allowed: readonly T[]): T | undefined {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return undefined
  const m = FRONT_MATTER.exec(text.slice(0, 20000))
  if (!m || !m[1].includes('recovery-lint')) return undefined
  let data: unknown
  try {
    data = parse(m[1], {maxAliasCount: 10})
  } catch {
    return undefined
  }
  const own = (data as {'recovery-lint'?: Record<string, unknown>} | null)?.['recovery-lint']
  const value = own && typeof own === 'object' ? own[key] : undefined
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}
