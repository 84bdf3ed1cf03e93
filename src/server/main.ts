/**
 * Entry of dist/server.cjs: the language server over IPC (from the VS Code client)
 * or stdio (`node dist/server.cjs --stdio`, for other editors and tests), on
 * Node's file system.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {createNodeServerHost} from '../node/server-host.js'
import {WARM_UP_ENV, type WarmUpHint} from './protocol.js'
import {startServer} from './server.js'

/** The client's head start (see warm-up.ts), when it started this process itself. */
function warmUpHint(): WarmUpHint | undefined {
  try {
    const raw = process.env[WARM_UP_ENV]
    return raw ? (JSON.parse(raw) as WarmUpHint) : undefined
  } catch {
    return undefined
  }
}

startServer(createConnection(ProposedFeatures.all), createNodeServerHost(), {warmUp: warmUpHint()})
