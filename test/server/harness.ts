/**
 * Drives the language server in-process over a pair of streams, as an editor would:
 * initialize, open/change/close documents, answer workspace/configuration, and
 * collect the diagnostics and status notifications it pushes.
 */
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {PassThrough} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import {createConnection} from 'vscode-languageserver/node'
import type {CodeAction, Diagnostic, Hover, Position, Range, TextEdit} from 'vscode-languageserver/node'
import {startServer} from '../../src/server/server.js'
import {createNodeServerHost} from '../../src/node/server-host.js'
import {builtinPacks} from '../../src/node/builtin-rules.js'
import {createEditorServerHost} from '../../src/server/editor-host.js'
import type {ReadFilesParams, ReadFilesResult, Settings, StatusParams, WriteFileParams} from '../../src/server/protocol.js'

export const TEAM_PACK = `category: deficit
rules:
  - id: team-gloomy-outlook
    severity: warning
    kind: adjective
    safeFix: true
    phrases: [gloomy outlook]
    message: "“{{text}}” is a test rule."
    rationale: Test rationale sentence, long enough for the schema.
    alternatives: [hopeful outlook, open outlook]
    principles: [strengths-based]
    sources: ["Test source 2024"]
    examples: {flag: [A gloomy outlook., Such a gloomy outlook.], pass: [A hopeful outlook., An open mind.]}
  - id: team-sad-case
    severity: info
    kind: noun
    phrases: [sad case]
    message: "“{{text}}” is another test rule."
    rationale: Another rationale, long enough for the schema.
    alternatives: [person]
    principles: [inclusive]
    sources: ["Test source 2024"]
    examples: {flag: [He is a sad case., She was a sad case.], pass: [A person., In case of fire.]}
`

/** A config that uses only the test pack (built-in categories other than its own are off). */
export const TEAM_CONFIG = {
  root: true,
  ruleFiles: ['team.yml'],
  categories: {clinicalised: 'off', 'expert-patient': 'off', 'role-model': 'off', labelling: 'off'}
}

export function makeWorkspace(files: Record<string, string>): {dir: string; uri: (rel: string) => string; cleanup: () => void} {
  const dir = mkdtempSync(join(tmpdir(), 'rl-server-'))
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), {recursive: true})
    writeFileSync(join(dir, rel), text)
  }
  return {dir, uri: (rel) => pathToFileURL(join(dir, rel)).href, cleanup: () => rmSync(dir, {recursive: true, force: true})}
}

export interface TestClient {
  rpc: MessageConnection
  settings: Partial<Settings>
  messages: Array<{type: number; message: string}>
  status: Map<string, StatusParams>
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>
  change(uri: string, text: string): void
  close(uri: string): void
  save(uri: string): void
  /** The first diagnostics after `after` that are a finished review (a long document's first slices come before). */
  settled(uri: string, after?: () => void, timeoutMs?: number): Promise<Diagnostic[]>
  /** The next diagnostics published for uri (after `after` runs), or the latest if `after` is omitted and some exist. */
  nextDiagnostics(uri: string, after?: () => void, timeoutMs?: number): Promise<Diagnostic[]>
  latest(uri: string): Diagnostic[] | undefined
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>
  hover(uri: string, position: Position): Promise<Hover | null>
  executeCommand(command: string, args: unknown[]): Promise<unknown>
  request<R>(method: string, params: unknown): Promise<R>
  configChanged(): void
  filesChanged(uris: string[]): void
  dispose(): Promise<void>
}

/** A workspace with `files` and a server on it, both torn down afterwards, whatever happens. */
export async function withServer<T>(
  files: Record<string, string>,
  opts: {settings?: Partial<Settings>; trusted?: boolean; rulePageBase?: string},
  fn: (client: TestClient, ws: ReturnType<typeof makeWorkspace>) => Promise<T>
): Promise<T> {
  const ws = makeWorkspace(files)
  try {
    const client = await startTestServer({...opts, folder: ws.dir})
    try {
      return await fn(client, ws)
    } finally {
      await client.dispose()
    }
  } finally {
    ws.cleanup()
  }
}

/**
 * The editor's file system for a server that has none (the browser's host): files by
 * URI, answering the server's read and write requests, with a log of what it asked.
 */
export interface EditorFiles {
  files: Map<string, string | Uint8Array>
  /** Each read request's URIs, in order. */
  reads: string[][]
  writes: WriteFileParams[]
}

export function editorFiles(files: Record<string, string | Uint8Array>): EditorFiles {
  return {files: new Map(Object.entries(files)), reads: [], writes: []}
}

export async function startTestServer(
  opts: {folder?: string; folderUri?: string; settings?: Partial<Settings>; trusted?: boolean; rulePageBase?: string; editor?: EditorFiles} = {}
): Promise<TestClient> {
  const toServer = new PassThrough()
  const toClient = new PassThrough()
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient))
  startServer(serverConnection, opts.editor ? createEditorServerHost(serverConnection) : createNodeServerHost())
  const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer))
  const published = new Map<string, Diagnostic[]>()
  /** Whether the last diagnostics published for a document were a finished review (its status comes just before). */
  const finished = new Map<string, boolean>()
  const waiters: Array<{uri: string; resolve: (d: Diagnostic[]) => void}> = []
  const versions = new Map<string, number>()
  const client: TestClient = {
    rpc,
    settings: {...opts.settings},
    messages: [],
    status: new Map(),
    async open(uri, text, languageId = 'markdown') {
      versions.set(uri, 1)
      return client.nextDiagnostics(uri, () => {
        void rpc.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
      })
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1
      versions.set(uri, version)
      void rpc.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{text}]})
    },
    close(uri) {
      void rpc.sendNotification('textDocument/didClose', {textDocument: {uri}})
    },
    save(uri) {
      void rpc.sendNotification('textDocument/didSave', {textDocument: {uri}})
    },
    nextDiagnostics(uri, after, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs)
        waiters.push({
          uri,
          resolve: (d) => {
            clearTimeout(timer)
            resolve(d)
          }
        })
        after?.()
      })
    },
    async settled(uri, after, timeoutMs) {
      let diagnostics = after || !finished.has(uri) ? await client.nextDiagnostics(uri, after, timeoutMs) : published.get(uri)!
      while (!finished.get(uri)) diagnostics = await client.nextDiagnostics(uri, undefined, timeoutMs)
      return diagnostics
    },
    latest: (uri) => published.get(uri),
    codeActions: (uri, range, diagnostics, only) =>
      rpc.sendRequest('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics, ...(only ? {only} : {})}}),
    hover: (uri, position) => rpc.sendRequest('textDocument/hover', {textDocument: {uri}, position}),
    executeCommand: (command, args) => rpc.sendRequest('workspace/executeCommand', {command, arguments: args}),
    request: (method, params) => rpc.sendRequest(method, params),
    configChanged() {
      void rpc.sendNotification('workspace/didChangeConfiguration', {settings: null})
    },
    filesChanged(uris) {
      void rpc.sendNotification('workspace/didChangeWatchedFiles', {changes: uris.map((uri) => ({uri, type: 2}))})
    },
    async dispose() {
      try {
        await rpc.sendRequest('shutdown')
      } catch {
        // already gone
      }
      rpc.dispose()
      serverConnection.dispose()
      toServer.destroy()
      toClient.destroy()
    }
  }
  rpc.onNotification('textDocument/publishDiagnostics', (p: {uri: string; diagnostics: Diagnostic[]}) => {
    published.set(p.uri, p.diagnostics)
    finished.set(p.uri, client.status.get(p.uri)?.state !== 'reviewing')
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].uri === p.uri) {
        waiters[i].resolve(p.diagnostics)
        waiters.splice(i, 1)
      }
    }
  })
  rpc.onNotification('recoveryLint/status', (p: StatusParams) => {
    client.status.set(p.uri, p)
  })
  rpc.onNotification('window/showMessage', (p: {type: number; message: string}) => {
    client.messages.push(p)
  })
  rpc.onNotification('window/logMessage', () => {})
  rpc.onRequest('workspace/configuration', (p: {items: unknown[]}) => p.items.map(() => client.settings))
  rpc.onRequest('client/registerCapability', () => null)
  rpc.onRequest('window/showMessageRequest', (p: {type: number; message: string}) => {
    client.messages.push(p)
    return null
  })
  if (opts.editor) {
    const editor = opts.editor
    rpc.onRequest('recoveryLint/readFiles', (p: ReadFilesParams): ReadFilesResult => {
      editor.reads.push(p.uris)
      return {
        files: p.uris.map((uri) => {
          const content = editor.files.get(uri)
          if (content === undefined) return {}
          const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
          return p.sizeOnly ? {size: typeof content === 'string' ? Buffer.byteLength(content) : content.length} : {text}
        })
      }
    })
    rpc.onRequest('recoveryLint/writeFile', (p: WriteFileParams) => {
      editor.writes.push(p)
      editor.files.set(p.uri, p.text)
      return null
    })
  }
  rpc.listen()
  const folderUri = opts.folderUri ?? (opts.folder ? pathToFileURL(opts.folder).href : undefined)
  await rpc.sendRequest('initialize', {
    processId: null, // a number makes the server poll that process forever
    rootUri: folderUri ?? null,
    workspaceFolders: folderUri ? [{uri: folderUri, name: 'ws'}] : null,
    capabilities: {workspace: {configuration: true, workspaceFolders: true}},
    initializationOptions: {
      trusted: opts.trusted !== false,
      ...(opts.rulePageBase ? {rulePageBase: opts.rulePageBase} : {}),
      // What the browser's client sends: the compiled rules (here from the source packs).
      ...(opts.editor ? {compiledRules: JSON.stringify({build: 'source', packs: builtinPacks(), phrases: {}})} : {})
    }
  })
  void rpc.sendNotification('initialized', {})
  return client
}

/** Apply LSP text edits to a string (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  const offset = (p: Position) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length)
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
  let out = text
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end))
  return out
}

export function editsFor(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? []
}
