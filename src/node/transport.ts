/**
 * How the language server talks to its editor on Node, chosen by the command line
 * as vscode-languageserver does, but every byte stream is read by
 * RobustMessageReader, so that a malformed message or garbage is dropped with a
 * log line and the server keeps answering (vscode-jsonrpc's own stream reader
 * stops answering after one bad header):
 *
 * - `--stdio`: standard input and output (what the VS Code client starts);
 * - `--socket=PORT` (or `--socket PORT`): a TCP connection to the editor on
 *   127.0.0.1;
 * - `--pipe=NAME` (or `--pipe NAME`): a connection to the editor's named pipe
 *   (a Unix socket path).
 *
 * `--node-ipc` is refused with one line: Node parses its IPC channel itself, and
 * one line that is not JSON throws from inside Node, out of any reader's reach
 * (the process ends, or the rest of that read is lost), so the channel cannot be
 * made to survive a malformed message. No transport at all is refused the same way.
 */
import {createConnection as netConnection, type Socket} from 'node:net'
import {format} from 'node:util'
import {createConnection, ProposedFeatures, StreamMessageWriter, type Connection} from 'vscode-languageserver/node'
import {RobustMessageReader, type ByteSource} from '../server/message-reader.js'

/** A transport the server cannot use, with the one line that says why. */
export class TransportRefused extends Error {}

export type Transport = {kind: 'stdio'} | {kind: 'socket'; port: number} | {kind: 'pipe'; name: string}

const USAGE = 'start it with --stdio (or --socket=PORT or --pipe=NAME)'

/** The transport the command line asks for (the first one named, as vscode-languageserver reads it). */
export function transportFrom(argv: readonly string[]): Transport {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2)
    const value = () => (inline !== undefined ? inline : (argv[i + 1] ?? ''))
    if (flag === '--stdio') return {kind: 'stdio'}
    if (flag === '--node-ipc') {
      throw new TransportRefused(`--node-ipc is not supported: Node's IPC channel cannot survive a malformed message; ${USAGE}`)
    }
    if (flag === '--socket') {
      const port = value()
      if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new TransportRefused(`--socket needs a port number from 1 to 65535, not "${port.slice(0, 40)}"`)
      return {kind: 'socket', port: Number(port)}
    }
    if (flag === '--pipe') {
      const name = value()
      if (name === '' || name.startsWith('--')) throw new TransportRefused('--pipe needs the name of the pipe to connect to')
      return {kind: 'pipe', name}
    }
  }
  throw new TransportRefused(`no transport given: ${USAGE}`)
}

function streamSource(stream: NodeJS.ReadableStream): ByteSource {
  return {
    onData: (listener) => stream.on('data', (chunk: Buffer) => listener(chunk)),
    onEnd: (listener) => {
      stream.on('end', listener)
      stream.on('close', listener)
    },
    onError: (listener) => stream.on('error', listener)
  }
}

function connectionOver(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const reader = new RobustMessageReader(streamSource(input))
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(output))
  reader.log = (message) => connection.console.warn(`[recovery-lint] ${message}`)
  // As vscode-languageserver does for --stdio: the end of input ends the server (0 after a shutdown request).
  reader.onClose(() => process.exit(reader.sawShutdown ? 0 : 1))
  return connection
}

/** The connection the command line asks for; throws TransportRefused (one line) for one the server does not use. */
export function nodeConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  const transport = transportFrom(argv)
  if (transport.kind === 'stdio') {
    const connection = connectionOver(process.stdin, process.stdout)
    // Standard output carries the protocol: anything printed goes to standard error instead.
    console.log = console.info = console.debug = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n')
    return connection
  }
  const socket: Socket = transport.kind === 'socket' ? netConnection(transport.port, '127.0.0.1') : netConnection(transport.name)
  // Cannot connect: one line, not a stack trace (an error later ends the input, which ends the server).
  let connected = false
  socket.once('connect', () => (connected = true))
  socket.once('error', (error) => {
    if (!connected) {
      process.stderr.write(`recovery-lint language server: cannot connect to ${transport.kind === 'socket' ? `port ${transport.port}` : transport.name}: ${error.message}\n`)
      process.exit(2)
    }
  })
  return connectionOver(socket, socket)
}
