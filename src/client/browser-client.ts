/**
 * The browser's language client (a web worker extension host: vscode.dev,
 * github.dev): the same server file runs in a worker made from its text (a blob:
 * URL: code-server refuses workers from remote extension URIs), and the built-in
 * rules go with the initialize request; the server asks this client for
 * configuration files and writes through it (editor-files.ts). Its library is
 * required on call: the desktop loads this bundle too, for the Node flavour of the
 * library (see web-extension.ts), and never evaluates the browser's.
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient, LanguageClientOptions} from 'vscode-languageclient'
import type {InitializationOptions} from '../server/protocol.js'
import {CLIENT_ID, CLIENT_NAME, workers} from './language-client.js'

export async function createBrowserClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): Promise<BaseLanguageClient> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the browser's, required only in a browser
  const {LanguageClient, BrowserMessageReader, BrowserMessageWriter} = require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser')
  const read = async (path: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', path)))
  const [server, rules] = await Promise.all([read('server-bundle.cjs'), read('rules.json')])
  const init = (clientOptions.initializationOptions ?? {}) as InitializationOptions
  clientOptions.initializationOptions = {...init, compiledRules: rules} satisfies InitializationOptions
  const script = URL.createObjectURL(new Blob([server], {type: 'text/javascript'}))
  context.subscriptions.push({dispose: () => URL.revokeObjectURL(script)})
  const started = new Set<Worker>()
  // A function, not a Worker: after a crash the client asks again and gets a fresh worker. It returns the
  // reader and writer rather than the worker: the extension host wraps `Worker`, so the client's own
  // `instanceof Worker` test fails on what the wrapper makes.
  const client = new LanguageClient(
    CLIENT_ID,
    CLIENT_NAME,
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
