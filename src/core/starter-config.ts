/**
 * The starter configuration that `recovery-lint --init` and the editor's
 * "Create a configuration file" write. It reproduces the behaviour without it
 * exactly (the same profile, every other key empty), so creating it changes no
 * finding (a test checks both); `root` is left out, since stopping the walk up
 * the folders could drop a parent folder's settings.
 */
import type {Profile} from './types.js'

export interface StarterOptions {
  /** The profile in effect where the file goes (default peer). */
  profile?: Profile
  /** A path or URL of the configuration schema that exists for the reader; none when unknown. */
  schema?: string
}

export function starterConfig(options: StarterOptions = {}): Record<string, unknown> {
  return {
    ...(options.schema ? {$schema: options.schema} : {}),
    profile: options.profile ?? 'peer',
    categories: {},
    rules: {},
    allow: [],
    ignore: []
  }
}

/** The file's text. */
export const starterConfigText = (options: StarterOptions = {}): string => JSON.stringify(starterConfig(options), null, 2) + '\n'
