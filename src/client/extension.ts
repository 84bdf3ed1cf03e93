/**
 * The entry of the VS Code extension, on the desktop and in the browser (this
 * bundle is both `main` and `browser`: nothing here or in what it imports touches
 * Node when loaded). language-client.ts starts the language server where this
 * host runs it (a Node process started the moment the extension activates, or a
 * worker); the findings kept from the last session are shown before it is ready.
 * Everything else is in activate.ts.
 */
import type * as vscode from 'vscode'
import {Extension, type RecoveryLintApi} from './activate.js'
import {createLanguageClient} from './language-client.js'

let extension: Extension | undefined
/** When this module finished loading: the log tells it from activation (see Extension). */
const loaded = Date.now()

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  extension = new Extension(context, createLanguageClient, loaded)
  return extension.activate()
}

export function deactivate(): Thenable<void> | undefined {
  return extension?.deactivate()
}
