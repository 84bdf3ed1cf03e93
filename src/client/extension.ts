/**
 * The desktop entry of the VS Code extension. The language server runs as a Node
 * process (dist/server.cjs) over stdio, started the moment the extension activates,
 * with a hint of the first document to get ready for; the language client's
 * library (a bundle of its own, nine tenths of the client's code) is loaded only after
 * that, so the two load side by side, and the findings kept from the last session are
 * shown before either is ready. Everything else is in activate.ts, shared with other transports.
 */
import {fork, type ChildProcess} from 'node:child_process'
import type * as vscode from 'vscode'
import type {ServerOptions} from 'vscode-languageclient/node'
import {WARM_UP_ENV, type WarmUpHint} from '../server/protocol.js'
import {Extension, type ConnectClient, type RecoveryLintApi} from './activate.js'

const LANGUAGE_CLIENT_BUNDLE = 'dist/language-client.cjs'

function startServerProcess(module: string, hint: WarmUpHint | undefined): ChildProcess {
  const env = {...process.env, ...(hint ? {[WARM_UP_ENV]: JSON.stringify(hint)} : {})}
  return fork(module, ['--stdio'], {stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env, execArgv: []})
}

const connect: ConnectClient = async (context, options, hint) => {
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
  // A bundle of its own, read only now (see language-client.ts); a computed path, so esbuild leaves it out of this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late on purpose
  const {LanguageClient} = require(context.asAbsolutePath(LANGUAGE_CLIENT_BUNDLE)) as typeof import('./language-client.js')
  return new LanguageClient('recoveryLint', 'Recovery Language Review', serverOptions, options)
}

let extension: Extension | undefined
/** When this module finished loading: the log tells it from activation (see Extension). */
const loaded = Date.now()

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  extension = new Extension(context, connect, loaded)
  return extension.activate()
}

export function deactivate(): Thenable<void> | undefined {
  return extension?.deactivate()
}
