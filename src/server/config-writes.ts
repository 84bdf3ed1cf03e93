/**
 * Writing configuration files for the user: "allow this phrase" (added to the
 * nearest config file that applies, or a new one at the folder's root) and
 * "create a configuration file" (the engine's starter configuration, which
 * changes no finding). Files are read and written through the host (the
 * editor's file system in the browser, so they work on virtual file systems).
 */
import {parseDocument} from 'yaml'
import {CONFIG_NAMES, findConfigFiles, starterConfigText, type Profile} from '../core/index.js'
import type {ServerHost} from './host.js'
import type {CreateConfigResult} from './protocol.js'

/** Where a package install of recovery-lint keeps the configuration schema, relative to a folder. */
const INSTALLED_SCHEMA = 'node_modules/recovery-lint/schemas/recoverylintrc.schema.json'

function isConfigError(error: unknown): error is Error & {file: string; problem: string} {
  return error instanceof Error && typeof (error as {file?: unknown}).file === 'string' && typeof (error as {problem?: unknown}).problem === 'string'
}

/** A path the engine's host functions made (`/C:/x` on Windows) as the host's own (`C:/x`). */
const hostPath = (path: string) => path.replace(/^\/([A-Za-z]:)/, '$1')
const inside = (folder: string, path: string) => path.startsWith(folder.replace(/\/$/, '') + '/')

/**
 * Add `phrase` to `allow` in the config file whose keys win for the document (the
 * nearest, as the engine finds it) when it is inside the folder; otherwise in a
 * new one at the folder's root (`allow` lists add up, so that works too).
 * Returns the file written. Throws an Error with a one-line reason.
 */
export async function allowPhrase(host: ServerHost, folderPath: string, documentPath: string | undefined, phrase: string): Promise<string> {
  const root = folderPath.replace(/\/$/, '')
  let file = `${root}/${CONFIG_NAMES[0]}`
  try {
    const text = await host.withFiles(() => {
      const nearest = findConfigFiles(host.files, documentPath ?? `${root}/untitled.md`)[0]
      const inFolder = nearest !== undefined && inside(root, hostPath(nearest))
      file = inFolder ? hostPath(nearest) : `${root}/${CONFIG_NAMES[0]}`
      const before = inFolder ? host.files.readFile(nearest) : undefined
      return addAllowed(before, phrase, file.endsWith('.json') ? 'json' : 'yaml')
    })
    await host.writeFile(file, text)
  } catch (error) {
    throw new Error(isConfigError(error) ? `${error.file}: ${error.problem}` : `${file}: ${(error as Error).message}`)
  }
  return file
}

/**
 * Write the starter configuration at a folder's root, with the profile in effect
 * there, unless the folder has a config file already (then that one is the answer).
 */
export async function createConfig(host: ServerHost, folderPath: string, profile: Profile): Promise<CreateConfigResult> {
  const root = folderPath.replace(/\/$/, '')
  const {existing, schema} = await host.withFiles(() => ({
    existing: CONFIG_NAMES.map((name) => `${root}/${name}`).find((path) => host.files.readFile(path) !== undefined),
    // The schema of an installed package where there is one; the extension itself contributes it to every .recoverylintrc.json.
    schema: host.files.readFile(`${root}/${INSTALLED_SCHEMA}`) !== undefined ? `./${INSTALLED_SCHEMA}` : undefined
  }))
  if (existing) return {uri: host.pathToUri(existing), created: false}
  const file = `${root}/${CONFIG_NAMES[0]}`
  await host.writeFile(file, starterConfigText({profile, schema}))
  return {uri: host.pathToUri(file), created: true}
}

/**
 * A config file's new text with `phrase` in `allow` (created when missing), other
 * keys kept. `existing` undefined means a new file. JSON or YAML by `format`.
 */
export function addAllowed(existing: string | undefined, phrase: string, format: 'json' | 'yaml'): string {
  if (format === 'yaml') {
    const doc = parseDocument(existing ?? '')
    if (doc.errors.length > 0) throw new Error(`cannot parse: ${doc.errors[0].message.split('\n')[0]}`)
    if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as never
    const allow = doc.get('allow')
    const list = (doc.toJS()?.allow ?? []) as unknown
    if (allow !== undefined && !Array.isArray(list)) throw new Error('`allow` is not a list')
    if (Array.isArray(list) && list.some((p) => String(p).toLowerCase() === phrase.toLowerCase())) return doc.toString()
    if (allow === undefined) doc.set('allow', doc.createNode([phrase]))
    else doc.addIn(['allow'], phrase)
    return doc.toString()
  }
  let data: Record<string, unknown> = {}
  let indent = 2
  if (existing !== undefined && existing.trim() !== '') {
    try {
      data = JSON.parse(existing)
    } catch (error) {
      throw new Error(`cannot parse: ${(error as Error).message}`)
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('the top level is not an object')
    indent = /\n([ \t]+)"/.exec(existing)?.[1].length ?? 2
  }
  const allow = data.allow === undefined ? [] : data.allow
  if (!Array.isArray(allow)) throw new Error('`allow` is not a list')
  if (!allow.some((p) => String(p).toLowerCase() === phrase.toLowerCase())) allow.push(phrase)
  data.allow = allow
  return JSON.stringify(data, null, indent) + '\n'
}
