/**
 * The browser's entry of the VS Code extension (`browser` in package.json: a web
 * worker extension host, vscode.dev, github.dev): the extension with the browser's
 * language client (browser-client.ts). Nothing here or in what it imports touches
 * Node when loaded.
 *
 * This bundle is also where the desktop's entry (extension.ts, kept small) finds the
 * language client library after activation: `nodeLanguageClient` evaluates the Node
 * flavour only when called, so the package carries the library's common code once.
 */
import type * as vscode from 'vscode'
import type {LanguageClient} from 'vscode-languageclient/node'
import {Extension, type RecoveryLintApi} from './activate.js'
import {createBrowserClient} from './browser-client.js'

let extension: Extension | undefined
const loaded = Date.now()

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  extension = new Extension(context, createBrowserClient, loaded)
  return extension.activate()
}

export function deactivate(): Thenable<void> | undefined {
  return extension?.deactivate()
}

/** The Node language client (for the desktop's entry): required on call, so a browser never evaluates Node's modules. */
export function nodeLanguageClient(): typeof LanguageClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's flavour, evaluated only on Node
  return (require('vscode-languageclient/node') as typeof import('vscode-languageclient/node')).LanguageClient
}
