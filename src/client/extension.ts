/**
 * The desktop's entry of the VS Code extension (`main` in package.json; any Node
 * extension host): small, so it activates, starts the server process and shows the
 * kept findings before the language client library is even read (node-client.ts).
 * The browser's entry is web-extension.ts. Everything else is in activate.ts.
 */
import type * as vscode from 'vscode'
import {Extension, type RecoveryLintApi} from './activate.js'
import {createNodeClient} from './node-client.js'

let extension: Extension | undefined
/** When this module finished loading: the log tells it from activation (see Extension). */
const loaded = Date.now()

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  extension = new Extension(context, createNodeClient, loaded)
  return extension.activate()
}

export function deactivate(): Thenable<void> | undefined {
  return extension?.deactivate()
}
