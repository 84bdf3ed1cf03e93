/**
 * The desktop entry of the VS Code extension: the language server runs as a Node
 * process (dist/server.cjs) over IPC. Everything else is in activate.ts, shared with
 * other transports.
 */
import type * as vscode from 'vscode'
import {LanguageClient, TransportKind, type ServerOptions} from 'vscode-languageclient/node'
import {Extension, type ConnectClient, type RecoveryLintApi} from './activate.js'

const connect: ConnectClient = (context, options) => {
  const module = context.asAbsolutePath('dist/server.cjs')
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6010']}}
  }
  return new LanguageClient('recoveryLint', 'Recovery Language Review', serverOptions, options)
}

let extension: Extension | undefined

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  extension = new Extension(context, connect)
  return extension.activate()
}

export function deactivate(): Thenable<void> | undefined {
  return extension?.deactivate()
}
