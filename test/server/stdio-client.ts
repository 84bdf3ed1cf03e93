/**
 * The real language server process (`node dist/server.cjs --stdio`) driven over
 * raw bytes, so tests can send what a broken or hostile client sends (bad
 * headers, garbage, lying lengths) and see what the server answers. Messages from
 * the server are parsed strictly: a server that writes anything but the protocol
 * to stdout fails the test.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Writable} from 'node:stream'
import {pathToFileURL} from 'node:url'
import {ROOT} from '../cli/helpers.js'

export const SERVER = join(ROOT, 'dist', 'server.cjs')

export interface ServerMessage {
  id?: number | string | null
  method?: string
  params?: any
  result?: any
  error?: {code: number; message: string}
}

export class StdioServer {
  readonly proc: ChildProcessWithoutNullStreams
  readonly received: ServerMessage[] = []
  stderr = ''
  exitCode: number | null | undefined
  /** What the server gets for workspace/configuration (the recoveryLint section). */
  settings: object = {}
  private pending = Buffer.alloc(0)
  private waiters: Array<{match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void}> = []
  private nextId = 1
  /** What the server answered to initialize. */
  capabilities: any
  /** Set when stdout carried something that is not a well-formed message. */
  protocolError: string | undefined

  /** Where messages to the server go: its stdin, or the socket it connected to. */
  private out: Writable

  constructor(env: Record<string, string> = {}, args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER, ...args], {env: {...process.env, ...env}, stdio: 'pipe'})
    this.out = this.proc.stdin
    if (args.includes('--stdio')) this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk))
    else this.proc.stdout.on('data', (chunk: Buffer) => (this.protocolError ??= `stdout written beside a socket: ${chunk.toString().slice(0, 200)}`))
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    this.proc.on('exit', (code) => (this.exitCode = code))
    this.proc.stdin.on('error', () => {})
  }

  /**
   * The server over a TCP port (`--socket=PORT`) or a Unix socket path (`--pipe=NAME`):
   * this side listens, as an editor does, and the server connects to it.
   */
  static async connected(kind: 'socket' | 'pipe', env: Record<string, string> = {}): Promise<StdioServer> {
    const listener = createServer()
    const dir = kind === 'pipe' ? mkdtempSync(join(tmpdir(), 'rl-pipe-')) : undefined
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject)
      if (dir) listener.listen(join(dir, 'server.sock'), resolve)
      else listener.listen(0, '127.0.0.1', resolve)
    })
    const address = listener.address()
    const arg = typeof address === 'string' ? `--pipe=${address}` : `--socket=${address?.port}`
    const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve))
    const server = new StdioServer(env, [arg])
    const exited = new Promise<never>((_, reject) => server.proc.once('exit', (code) => reject(new Error(`the server exited (${code}) before connecting: ${server.stderr}`))))
    try {
      const socket = await Promise.race([accepted, exited])
      socket.on('data', (chunk: Buffer) => server.onData(chunk))
      socket.on('error', () => {})
      server.out = socket
      return server
    } finally {
      listener.close()
      if (dir) rmSync(dir, {recursive: true, force: true})
    }
  }

  private onData(chunk: Buffer) {
    this.pending = Buffer.concat([this.pending, chunk])
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n')
      if (end < 0) return
      const length = /^Content-Length: (\d+)$/im.exec(this.pending.subarray(0, end).toString('latin1'))
      if (!length) {
        this.protocolError = `not a header: ${JSON.stringify(this.pending.subarray(0, 200).toString())}`
        return
      }
      const n = Number(length[1])
      if (this.pending.length < end + 4 + n) return
      const message = JSON.parse(this.pending.subarray(end + 4, end + 4 + n).toString('utf8')) as ServerMessage
      this.pending = this.pending.subarray(end + 4 + n)
      this.onMessage(message)
    }
  }

  private onMessage(message: ServerMessage) {
    // The server asks for settings and registrations: answer as an editor would.
    if (message.method === 'workspace/configuration') this.respond(message.id!, message.params.items.map(() => this.settings))
    else if (message.method && message.id !== undefined) this.respond(message.id!, null)
    this.received.push(message)
    for (const w of [...this.waiters]) {
      if (w.match(message)) {
        this.waiters.splice(this.waiters.indexOf(w), 1)
        w.resolve(message)
      }
    }
  }

  /** Raw bytes to the server's stdin. */
  raw(bytes: string | Buffer): void {
    this.out.write(bytes)
  }

  /** A well-formed message. */
  send(message: object): void {
    const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}), 'utf8')
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]))
  }

  respond(id: number | string, result: unknown): void {
    this.send({id, result})
  }

  notify(method: string, params: unknown): void {
    this.send({method, params})
  }

  async request(method: string, params: unknown, timeoutMs = 20_000): Promise<ServerMessage> {
    const id = this.nextId++
    const answer = this.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `an answer to ${method}`)
    this.send({id, method, params})
    return answer
  }

  /** The first message from now on (or already received, if `past`) that matches. */
  waitFor(match: (m: ServerMessage) => boolean, timeoutMs = 20_000, what = 'a message', past = false): Promise<ServerMessage> {
    if (past) {
      const seen = this.received.find(match)
      if (seen) return Promise.resolve(seen)
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done)
        reject(new Error(`no ${what} within ${timeoutMs} ms (exit ${this.exitCode}; stderr: ${this.stderr.slice(0, 300)})`))
      }, timeoutMs)
      const done = (m: ServerMessage) => {
        clearTimeout(timer)
        resolve(m)
      }
      this.waiters.push({match, resolve: done})
    })
  }

  /** The next finished review of `uri` (its status, then its diagnostics). */
  async diagnostics(uri: string, timeoutMs = 30_000): Promise<any[]> {
    for (;;) {
      const m = await this.waitFor((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri, timeoutMs, `diagnostics for ${uri}`)
      const status = [...this.received].reverse().find((x) => x.method === 'recoveryLint/status' && x.params.uri === uri)
      if (!status || status.params.state !== 'reviewing') return m.params.diagnostics
    }
  }

  async initialize(folder?: string, settings: object = {}): Promise<void> {
    const folderUri = folder ? pathToFileURL(folder).href : null
    const answer = await this.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      capabilities: {workspace: {configuration: true}},
      workspaceFolders: folder ? [{uri: folderUri, name: 'ws'}] : null,
      initializationOptions: {trusted: true}
    })
    if (answer.error) throw new Error(`initialize failed: ${answer.error.message}`)
    this.capabilities = answer.result.capabilities
    this.settings = settings
    this.notify('initialized', {})
  }

  /** A save as VS Code's client sends it: with the document's text as it is now when the server asked for it (includeText). */
  saved(uri: string, text: string): void {
    const withText = this.capabilities?.textDocumentSync?.save?.includeText === true
    this.notify('textDocument/didSave', {textDocument: {uri}, ...(withText ? {text} : {})})
  }

  /** Messages the server showed or logged whose text matches. */
  shown(pattern: RegExp): string[] {
    return this.received.filter((m) => (m.method === 'window/showMessage' || m.method === 'window/showMessageRequest' || m.method === 'window/logMessage') && pattern.test(m.params.message)).map((m) => m.params.message)
  }

  /** Peak resident memory of the server process in MB (Linux), or undefined. */
  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8')
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)
      return kb ? Number(kb[1]) / 1024 : undefined
    } catch {
      return undefined
    }
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return
    const exited = new Promise<void>((resolve) => this.proc.on('exit', () => resolve()))
    try {
      await this.request('shutdown', null, 5000)
      this.notify('exit', null)
    } catch {
      // already unresponsive: killed below
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
}
