/**
 * Where the language server runs, by extension host. The extension's own module
 * is one bundle (dist/extension.cjs, both `main` and `browser` in package.json):
 * - in a Node extension host (desktop VS Code, a remote or code-server's server),
 *   dist/server.cjs runs as a Node process over stdio, started at once with a hint
 *   of the first document to get ready for; the client's library (its own bundle,
 *   dist/node-client.cjs) is read only after that, so the two load side by side;
 * - in a web worker extension host (vscode.dev, github.dev), the same server file
 *   runs in a worker made from its text (a blob: URL: code-server refuses workers
 *   from remote extension URIs), and the built-in rules go with the initialize
 *   request; it asks this client for configuration files and writes through it
 *   (editor-files.ts).
 * Each side's modules are required only on that side, so a browser never
 * evaluates Node's.
 */
import type {ChildProcess} from 'node:child_process'
import * as vscode from 'vscode'
import type {BaseLanguageClient, LanguageClientOptions} from 'vscode-languageclient'
import type {ServerOptions} from 'vscode-languageclient/node'
import {WARM_UP_ENV, type InitializationOptions, type WarmUpHint} from '../server/protocol.js'

/** Whether this extension host is Node (desktop, remote) rather than a browser worker. */
export const onNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string'

/** Context key: Word documents can be reviewed here (the server writes NAME.reviewed.docx through Node). */
export const WORD_CONTEXT = 'recoveryLint.reviewsWord'

const ID = 'recoveryLint'
const NAME = 'Recovery Language Review'
const NODE_CLIENT_BUNDLE = 'dist/node-client.cjs'

/** Workers of the browser's clients, ended when their client stops (a worker outlives a stopped client otherwise). */
const workers = new Map<BaseLanguageClient, Set<Worker>>()

/** URI schemes of the documents to review: files, untitled documents and the workspace's own (vscode-vfs on github.dev). */
export function documentSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])]
}

function startServerProcess(module: string, hint: WarmUpHint | undefined): ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's, required only on Node
  const {fork} = require('node:child_process') as typeof import('node:child_process')
  const env = {...process.env, ...(hint ? {[WARM_UP_ENV]: JSON.stringify(hint)} : {})}
  return fork(module, ['--stdio'], {stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env, execArgv: []})
}

async function createNodeClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions, hint: WarmUpHint | undefined): Promise<BaseLanguageClient> {
  const module = context.asAbsolutePath('dist/server.cjs')
  let early: ChildProcess | undefined = startServerProcess(module, hint)
  // A restart after a crash starts a fresh process.
  const serverOptions: ServerOptions = () => {
    const child = early ?? startServerProcess(module, undefined)
    early = undefined
    return Promise.resolve(child)
  }
  // Let activation finish (and what it showed reach the window) before the library's load blocks this thread.
  await new Promise((resolve) => setTimeout(resolve, 0))
  // A bundle of its own, read only now (see node-client.ts); a computed path, so esbuild leaves it out of this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late on purpose
  const {LanguageClient} = require(context.asAbsolutePath(NODE_CLIENT_BUNDLE)) as typeof import('./node-client.js')
  return new LanguageClient(ID, NAME, serverOptions, clientOptions)
}

async function createBrowserClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): Promise<BaseLanguageClient> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the browser's, required only in a browser
  const {LanguageClient, BrowserMessageReader, BrowserMessageWriter} = require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser')
  const read = async (path: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', path)))
  const [server, rules] = await Promise.all([read('server.cjs'), read('rules.json')])
  const init = (clientOptions.initializationOptions ?? {}) as InitializationOptions
  clientOptions.initializationOptions = {...init, compiledRules: rules} satisfies InitializationOptions
  const script = URL.createObjectURL(new Blob([server], {type: 'text/javascript'}))
  context.subscriptions.push({dispose: () => URL.revokeObjectURL(script)})
  const started = new Set<Worker>()
  // A function, not a Worker: after a crash the client asks again and gets a fresh worker. It returns the
  // reader and writer rather than the worker: the extension host wraps `Worker`, so the client's own
  // `instanceof Worker` test fails on what the wrapper makes.
  const client = new LanguageClient(
    ID,
    NAME,
    async () => {
      const worker = new Worker(script, {name: 'recovery-lint server'})
      started.add(worker)
      return {reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker)}
    },
    clientOptions
  )
  workers.set(client, started)
  return client
}

/**
 * The language client for this host. `hint` lets a server started at once (on Node)
 * get ready for the first document while the client library loads.
 */
export function createLanguageClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions, hint: WarmUpHint | undefined): Promise<BaseLanguageClient> {
  return onNode ? createNodeClient(context, clientOptions, hint) : createBrowserClient(context, clientOptions)
}

/** Stop a client and end its server (the Node client kills its process itself; a worker is ended here). */
export async function stopLanguageClient(client: BaseLanguageClient): Promise<void> {
  try {
    await client.stop()
  } finally {
    for (const worker of workers.get(client) ?? []) worker.terminate()
    workers.delete(client)
  }
}
