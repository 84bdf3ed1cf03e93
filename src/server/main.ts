/**
 * Entry of dist/server.cjs: the language server over IPC (from the VS Code client)
 * or stdio (`node dist/server.cjs --stdio`, for other editors and tests), on
 * Node's file system.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {createNodeServerHost} from '../node/server-host.js'
import {startServer} from './server.js'

startServer(createConnection(ProposedFeatures.all), createNodeServerHost())
