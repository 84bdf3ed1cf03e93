/** `recovery-lint --init`. */
import {existsSync, writeFileSync} from 'node:fs'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {CONFIG_NAMES, starterConfigText, type Profile} from '../core/index.js'
import {packageRoot} from '../node/builtin-rules.js'
import {Project} from '../node/project.js'

/**
 * Write the starter configuration here: the engine's one starter, with the
 * profile in effect here, so it changes no finding. Its $schema points at this
 * installation's schema only when that lies inside this folder (an install in
 * node_modules, or the repository itself); the editor extension contributes the
 * schema anyway.
 */
export function init(io: {cwd: string; stdout: (s: string) => void}, fail: (m: string) => number, profile: Profile | undefined): number {
  const existing = CONFIG_NAMES.find((name) => existsSync(resolve(io.cwd, name)))
  if (existing) return fail(`${existing} already exists here; not overwriting it`)
  const path = resolve(io.cwd, CONFIG_NAMES[0])
  let inEffect: Profile
  try {
    inEffect = profile ?? new Project().reviewerFor(resolve(io.cwd, 'document.md')).config.profile ?? 'peer'
  } catch (error) {
    return fail((error as Error).message)
  }
  const schemaFile = join(packageRoot(), 'schemas', 'recoverylintrc.schema.json')
  const fromHere = relative(io.cwd, schemaFile)
  const schema = existsSync(schemaFile) && fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? './' + fromHere.split(sep).join('/') : undefined
  try {
    writeFileSync(path, starterConfigText({profile: inEffect, schema}), {flag: 'wx'})
  } catch (error) {
    return fail(`${CONFIG_NAMES[0]}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  io.stdout(
    `Wrote ${CONFIG_NAMES[0]} (profile "${inEffect}"): it changes nothing yet. Edit it to set severities, allowed phrases and ignored files; ` +
      'add "root": true to stop reading configuration files in the folders above.\n'
  )
  return 0
}
