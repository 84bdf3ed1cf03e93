/**
 * The language server over standard input and output (`--stdio`), read with
 * RobustMessageReader so that a malformed message or garbage on stdin is dropped
 * with a log line and the server keeps answering (vscode-jsonrpc's own stream
 * reader stops answering after one bad header).
 */
import {format} from 'node:util'
import {createConnection, ProposedFeatures, StreamMessageWriter, type Connection} from 'vscode-languageserver/node'
import {RobustMessageReader} from '../server/message-reader.js'

export function stdioConnection(): Connection {
  const reader = new RobustMessageReader({
    onData: (listener) => process.stdin.on('data', (chunk: Buffer) => listener(chunk)),
    onEnd: (listener) => {
      process.stdin.on('end', listener)
      process.stdin.on('close', listener)
    },
    onError: (listener) => process.stdin.on('error', listener)
  })
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout))
  reader.log = (message) => connection.console.warn(`[recovery-lint] ${message}`)
  // As vscode-languageserver does for --stdio: the end of input ends the server (0 after a shutdown request).
  reader.onClose(() => process.exit(reader.sawShutdown ? 0 : 1))
  // Standard output carries the protocol: anything printed goes to standard error instead.
  console.log = console.info = console.debug = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n')
  return connection
}
