/**
 * Entry of dist/server-bundle.cjs, one file for both places the server runs:
 * - Node: over stdio (the VS Code client starts the process itself, with a
 *   warm-up hint; `node dist/server.cjs --stdio` for other editors and tests, an
 *   entry that runs this bundle with a code cache: src/node/bundle-loader.ts), a
 *   socket or a pipe, each read by a reader that survives malformed input (see
 *   src/node/transport.ts; `--node-ipc` is refused with one line), on Node's file
 *   system;
 * - a browser worker (VS Code for the Web: the client makes the worker from this
 *   file's text), over postMessage, with files asked of the editor.
 * Each side's modules are required only on that side, so nothing of Node is
 * touched in a browser: the top level of the bundle is pure.
 */
import type {Connection} from 'vscode-languageserver'
import type {ServerHost} from './host.js'
import {WARM_UP_ENV, type WarmUpHint} from './protocol.js'
import {startServer} from './server.js'

const onNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string'

/** The client's head start (see warm-up.ts), when it started this process itself. */
function warmUpHint(): WarmUpHint | undefined {
  try {
    const raw = process.env[WARM_UP_ENV]
    return raw ? (JSON.parse(raw) as WarmUpHint) : undefined
  } catch {
    return undefined
  }
}

if (onNode) {
  const {createNodeServerHost} = require('../node/server-host.js') as typeof import('../node/server-host.js')
  const {nodeConnection, TransportRefused} = require('../node/transport.js') as typeof import('../node/transport.js')
  let connection: Connection | undefined
  try {
    connection = nodeConnection()
  } catch (error) {
    if (!(error instanceof TransportRefused)) throw error
    process.stderr.write(`recovery-lint language server: ${error.message}\n`)
    process.exit(2)
  }
  startServer(connection, createNodeServerHost(), {warmUp: warmUpHint()})
} else {
  const browser = require('vscode-languageserver/browser') as typeof import('vscode-languageserver/browser')
  const {createEditorServerHost} = require('./editor-host.js') as typeof import('./editor-host.js')
  const scope = self as ConstructorParameters<typeof browser.BrowserMessageReader>[0]
  const connection: Connection = browser.createConnection(browser.ProposedFeatures.all, new browser.BrowserMessageReader(scope), new browser.BrowserMessageWriter(scope))
  const host: ServerHost = createEditorServerHost(connection)
  startServer(connection, host)
}
