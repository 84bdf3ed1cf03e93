/**
 * Where the language server runs, by extension host. The extension is one bundle
 * (dist/extension.cjs, both `main` and `browser` in package.json):
 * - in a Node extension host (desktop VS Code, a remote or code-server's server),
 *   dist/server.cjs runs as a Node process over IPC, on the file system;
 * - in a web worker extension host (vscode.dev, github.dev), the same file runs
 *   in a worker made from its text (a blob: URL: code-server refuses workers from
 *   remote extension URIs), and the built-in rules go with the initialize request;
 *   it asks this client for configuration files and writes through it
 *   (editor-files.ts).
 * Each side's client module is required only on that side, so a browser never
 * evaluates Node's.
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient, LanguageClientOptions} from 'vscode-languageclient'
import type {InitializationOptions} from '../server/protocol.js'

/** Whether this extension host is Node (desktop, remote) rather than a browser worker. */
export const onNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string'

/** Context key: Word documents can be reviewed here (the server writes NAME.reviewed.docx through Node). */
export const WORD_CONTEXT = 'recoveryLint.reviewsWord'

const ID = 'recoveryLint'
const NAME = 'Recovery Language Review'

/** Workers of the browser's clients, ended when their client stops (a worker outlives a stopped client otherwise). */
const workers = new Map<BaseLanguageClient, Set<Worker>>()

/** URI schemes of the documents to review: files, untitled documents and the workspace's own (vscode-vfs on github.dev). */
export function documentSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])]
}

export async function createLanguageClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): Promise<BaseLanguageClient> {
  if (onNode) {
    const {LanguageClient, TransportKind} = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node')
    const module = context.asAbsolutePath('dist/server.cjs')
    return new LanguageClient(
      ID,
      NAME,
      {
        run: {module, transport: TransportKind.ipc},
        debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6010']}}
      },
      clientOptions
    )
  }
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

/** Stop a client and end its server (the Node client kills its process itself; a worker is ended here). */
export async function stopLanguageClient(client: BaseLanguageClient): Promise<void> {
  try {
    await client.stop()
  } finally {
    for (const worker of workers.get(client) ?? []) worker.terminate()
    workers.delete(client)
  }
}
