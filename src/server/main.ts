/**
 * Entry of dist/server.cjs: the language server over IPC (from the VS Code client)
 * or stdio (`node dist/server.cjs --stdio`, for other editors and tests, read by a
 * reader that survives malformed input), on Node's file system.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {createNodeServerHost} from '../node/server-host.js'
import {stdioConnection} from '../node/stdio.js'
import {startServer} from './server.js'

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all), createNodeServerHost())
