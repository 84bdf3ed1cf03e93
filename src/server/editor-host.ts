/**
 * The language server's host where it has no file system: a browser worker, in
 * VS Code for the Web (vscode.dev, github.dev, code-server's web worker host).
 * Configuration files and rule packs are asked of the editor, which reads them
 * with workspace.fs (so virtual file systems work); they are kept until a watcher
 * says they changed. Writes go back through the editor. The built-in rules come
 * with the initialize request (the client reads dist/rules.json, the same file
 * the Node server reads).
 *
 * Paths are the URIs' paths: the workspace's scheme and authority (e.g.
 * `vscode-vfs://github`) are noted from the first folder and put back on the way
 * out. Documents of another origin are reviewed as untitled ones are.
 */
import type {Connection, InitializeParams} from 'vscode-languageserver'
import {seedCompiledLexicon, seedCompiledPhrases, unpackRules, type CompiledLexiconData, type CompiledPhrasesData, type RulePack} from '../core/index.js'
import {FileProject} from './file-project.js'
import type {ServerHost} from './host.js'
import {READ_FILES_REQUEST, WRITE_FILE_REQUEST, type InitializationOptions, type ReadFilesParams, type ReadFilesResult, type WriteFileParams} from './protocol.js'

/** The build's fingerprint, defined in the bundles (scripts/build.mjs); undefined when running from source. */
declare const RECOVERY_LINT_BUILD: string | undefined

/** Rounds of fetching a step may need: a config's folders, the packs it names, and slack for nested roots. */
const MAX_ROUNDS = 8
const SPLIT_URI = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/

type Entry = {text?: string; error?: string}

/** dist/rules.json, as the build writes it (src/node/builtin-rules.ts reads the same file on Node). */
interface CompiledRules {
  build: string
  packs: RulePack[]
  phrases: CompiledPhrasesData
  lexicon: CompiledLexiconData
}

export interface EditorServerHostOptions {
  /** The compiled rules when they do not come with initialize (tests). */
  compiledRules?: string
}

export function createEditorServerHost(connection: Connection, options: EditorServerHostOptions = {}): ServerHost {
  let origin: string | undefined
  let compiled: string | undefined = options.compiledRules
  let packs: RulePack[] | undefined
  /** Files the editor answered for: text, a one-line error, or neither (no such file). */
  const known = new Map<string, Entry>()
  const inflight = new Map<string, Promise<void>>()
  /** Paths a step asked for that are not known yet. */
  const wanted = new Set<string>()

  const uriToPath = (uri: string): string | undefined => {
    const m = SPLIT_URI.exec(uri)
    if (!m || m[1] === 'untitled') return undefined
    const from = `${m[1]}://${m[2]}`
    origin ??= from
    if (from !== origin) return undefined
    try {
      return decodeURIComponent(m[3] || '/')
    } catch {
      return undefined
    }
  }
  const pathToUri = (path: string) => `${origin ?? 'file://'}${path.split('/').map(encodeURIComponent).join('/')}`

  async function ask(paths: string[], sizeOnly = false): Promise<ReadFilesResult['files']> {
    const result = (await connection.sendRequest(READ_FILES_REQUEST, {uris: paths.map(pathToUri), sizeOnly} satisfies ReadFilesParams)) as ReadFilesResult
    return paths.map((_, i) => result?.files?.[i] ?? {error: 'the editor did not answer'})
  }

  /** Fetch the files not known yet (each at most once at a time). */
  async function fetchFiles(paths: string[]): Promise<void> {
    const fresh = paths.filter((p) => !known.has(p) && !inflight.has(p))
    if (fresh.length > 0) {
      const done = ask(fresh).then(
        (files) => files.forEach((f, i) => known.set(fresh[i], f.error !== undefined ? {error: f.error} : {text: f.text})),
        (error) => fresh.forEach((p) => known.set(p, {error: (error as Error).message}))
      )
      const settled = done.finally(() => fresh.forEach((p) => inflight.delete(p)))
      for (const p of fresh) inflight.set(p, settled)
    }
    await Promise.all(paths.map((p) => inflight.get(p)))
  }

  function builtinPacks(): RulePack[] {
    if (packs) return packs
    if (compiled === undefined) throw new Error('recovery-lint: the built-in rules did not come with the initialize request')
    const data = JSON.parse(compiled) as CompiledRules
    unpackRules(data.packs)
    // Phrases compiled by the build of this very bundle (as on Node); otherwise they are compiled here.
    if (typeof RECOVERY_LINT_BUILD === 'string' && data.build === RECOVERY_LINT_BUILD) {
      seedCompiledPhrases(data.phrases, data.packs)
      seedCompiledLexicon(data.lexicon, data.packs)
    }
    compiled = undefined
    return (packs = data.packs)
  }

  const host: ServerHost = {
    initialize(params: InitializeParams) {
      const init = (params.initializationOptions ?? {}) as InitializationOptions
      if (typeof init.compiledRules === 'string') compiled = init.compiledRules
      const first = params.workspaceFolders?.[0]?.uri ?? params.rootUri
      if (first) uriToPath(first)
    },
    files: {
      readFile(path) {
        const entry = known.get(path)
        if (!entry) {
          wanted.add(path)
          return undefined
        }
        if (entry.error !== undefined) throw new Error(entry.error)
        return entry.text
      }
    },
    async withFiles(step) {
      for (let round = 1; ; round++) {
        wanted.clear()
        let result: ReturnType<typeof step> | undefined
        let failure: {error: unknown} | undefined
        try {
          result = step()
        } catch (error) {
          failure = {error}
        }
        const missing = [...wanted]
        if (missing.length === 0 || round === MAX_ROUNDS) {
          if (failure) throw failure.error
          return result as ReturnType<typeof step>
        }
        await fetchFiles(missing)
      }
    },
    filesChanged(uris) {
      for (const uri of uris) {
        const path = uriToPath(uri)
        if (path !== undefined) known.delete(path)
      }
    },
    builtinPacks,
    createProject: (settings) => new FileProject(host.files, builtinPacks, settings),
    uriToPath,
    pathToUri,
    async fileSize(path) {
      const [file] = await ask([path], true)
      return file.error === undefined ? file.size : undefined
    },
    async readDocument(path) {
      const [file] = await ask([path])
      const name = path.split('/').pop() ?? path
      if (file.error !== undefined) throw new Error(`${name}: cannot read: ${file.error}`)
      if (file.text === undefined) throw new Error(`${name}: cannot read: no such file`)
      if (file.text.slice(0, 8192).includes('\0')) throw new Error(`${name}: binary file, not a text document`)
      return file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text
    },
    async writeFile(path, text) {
      await connection.sendRequest(WRITE_FILE_REQUEST, {uri: pathToUri(path), text} satisfies WriteFileParams)
      known.set(path, {text})
    },
    // The editor links built-in rules to its own pages (InitializationOptions.rulePageBase).
    rulePage: () => undefined,
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    async reviewWordFile() {
      throw new Error('Word documents are reviewed in VS Code on the desktop (Explorer › Review Word Document), or on the review page (dist/review.html).')
    }
  }
  return host
}
