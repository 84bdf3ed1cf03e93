/**
 * The desktop's language client (any Node extension host): dist/server.cjs runs as a
 * Node process over stdio, started the moment the extension activates, with a hint of
 * the first document to get ready for. The client's library is read only after that,
 * from the browser's bundle (dist/web-extension.cjs, which holds it: see
 * web-extension.ts), so the server and the library load side by side and the desktop's
 * own module (dist/extension.cjs) stays a small fraction of it.
 */
import type {ChildProcess} from 'node:child_process'
import type * as vscode from 'vscode'
import type {BaseLanguageClient, LanguageClientOptions} from 'vscode-languageclient'
import type {ServerOptions} from 'vscode-languageclient/node'
import {WARM_UP_ENV, type WarmUpHint} from '../server/protocol.js'
import {CLIENT_ID, CLIENT_NAME} from './language-client.js'
import type {nodeLanguageClient} from './web-extension.js'

/** The bundle that holds the language client library (see web-extension.ts). */
const CLIENT_LIBRARY_BUNDLE = 'dist/web-extension.cjs'

function startServerProcess(module: string, hint: WarmUpHint | undefined): ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's, required only on Node
  const {fork} = require('node:child_process') as typeof import('node:child_process')
  const env = {...process.env, ...(hint ? {[WARM_UP_ENV]: JSON.stringify(hint)} : {})}
  return fork(module, ['--stdio'], {stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env, execArgv: []})
}

export async function createNodeClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions, hint: WarmUpHint | undefined): Promise<BaseLanguageClient> {
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
  // Read only now; a computed path, so esbuild leaves the library out of this bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late on purpose
  const library = require(context.asAbsolutePath(CLIENT_LIBRARY_BUNDLE)) as {nodeLanguageClient: typeof nodeLanguageClient}
  const LanguageClient = library.nodeLanguageClient()
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions)
}
