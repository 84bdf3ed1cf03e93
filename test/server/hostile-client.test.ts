/**
 * Issue 12, the language server's side: the real server process over stdio, fed
 * what a broken or hostile client sends. Malformed messages and garbage are
 * dropped with a log line and the server keeps answering.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {before, describe, test} from 'node:test'
import {buildCli} from '../cli/helpers.js'
import {makeWorkspace} from './harness.js'
import {SERVER, StdioServer} from './stdio-client.js'

before(() => buildCli())

const header = (length: number | string) => `Content-Length: ${length}\r\n\r\n`
const message = (o: object) => JSON.stringify({jsonrpc: '2.0', ...o})

const start = (transport: 'stdio' | 'socket' | 'pipe') => (transport === 'stdio' ? Promise.resolve(new StdioServer()) : StdioServer.connected(transport))

describe('language server over stdio, a socket or a pipe: malformed input', () => {
  for (const transport of ['stdio', 'socket', 'pipe'] as const)
  test(`${transport}: garbage, bad headers, lying lengths and bodies that are not messages are dropped; every later request is answered`, async () => {
    const ws = makeWorkspace({'.recoverylintrc.json': '{"root": true}'})
    const server = await start(transport)
    try {
      // Before initialize: text, a header without a length, a length that is not a number, binary noise.
      server.raw('hello, this is not the protocol\r\n\r\n')
      server.raw('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0","id":500,"method":"x"}')
      server.raw(`${header('abc')}{}`)
      server.raw(`${header(-12)}{}`)
      server.raw(randomBytes(200_000))
      await server.initialize(ws.dir)

      const ping = async (label: string) => {
        const answer = await server.request('recoveryLint/no-such-request', {}, 10_000).catch((e) => assert.fail(`${label}: ${e.message}`))
        assert.equal(answer.error?.code, -32601, `${label}: ${JSON.stringify(answer)}`)
      }
      await ping('after garbage before initialize')

      // A length too short: the body is cut (invalid JSON), its rest is garbage.
      const cut = message({id: 901, method: 'recoveryLint/no-such-request'})
      server.raw(header(5) + cut)
      await ping('after a short length')

      // A length too long: the next header inside the body shows where it really ended, so even
      // this request is answered.
      server.raw(header(5000) + message({id: 902, method: 'recoveryLint/no-such-request'}) + '\r\n')
      const lying = server.waitFor((m) => m.id === 902, 10_000, 'an answer to the request with a lying length')
      await ping('after a long length')
      assert.equal((await lying).error?.code, -32601)

      // A length beyond any message the server keeps: counted off, not kept, up to the next header.
      server.raw(header(999_999_999_999) + '{"jsonrpc":"2.0", "params": "' + 'x'.repeat(100_000))
      await ping('after a huge length')

      // Bodies that are not JSON-RPC messages.
      for (const body of ['null', '[1, 2]', '42', '"text"', '{"jsonrpc": "2.0", "id": {"nested": true}}', '{"foo": 1}', '{not json']) server.raw(header(Buffer.byteLength(body)) + body)
      const invalidUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
      server.raw(Buffer.concat([Buffer.from(header(invalidUtf8.length)), invalidUtf8]))
      await ping('after bodies that are not messages')

      // A header split across writes still works.
      const whole = message({id: 903, method: 'recoveryLint/no-such-request'})
      const split = header(Buffer.byteLength(whole)) + whole
      const answer = server.waitFor((m) => m.id === 903, 10_000, 'an answer to a message split into pieces')
      for (let i = 0; i < split.length; i += 7) server.raw(split.slice(i, i + 7))
      assert.equal((await answer).error?.code, -32601)

      // The server still reviews.
      const uri = ws.uri('a.md')
      server.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text: 'We are role models.\n'}})
      const diagnostics = await server.diagnostics(uri)
      assert.ok(diagnostics.some((d) => d.code === 'role-model'), JSON.stringify(diagnostics))

      const logged = server.shown(/dropped a malformed message/)
      assert.ok(logged.length >= 5, `each drop logged (up to a limit): ${logged.join(' | ')}`)
      assert.ok(logged.length <= 10, 'logging is bounded')
      assert.ok(logged.every((l) => !l.includes('\n')), 'one line each')
      assert.equal(server.protocolError, undefined, 'stdout carries only the protocol')
      assert.equal(server.exitCode, undefined, 'the server is still running')
    } finally {
      await server.stop()
      ws.cleanup()
    }
  })

  test('--node-ipc (whose channel Node parses itself: one bad line ends the process) and no transport at all are refused with one line', () => {
    for (const args of [['--node-ipc'], [], ['--socket=http'], ['--pipe']]) {
      const r = spawnSync(process.execPath, [SERVER, ...args], {encoding: 'utf8', timeout: 20_000, input: ''})
      assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}, stderr ${r.stderr}`)
      assert.match(r.stderr, /^recovery-lint language server: .*\n$/, args.join(' '))
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${args.join(' ')}: ${r.stderr}`)
      assert.equal(r.stdout, '')
    }
  })

  test('a megabyte of garbage costs no memory to speak of, and a shutdown ends the process with 0', async () => {
    const server = new StdioServer()
    try {
      await server.initialize()
      const before = server.peakRssMb()
      for (let i = 0; i < 16; i++) server.raw(randomBytes(64 * 1024))
      const answer = await server.request('recoveryLint/no-such-request', {})
      assert.equal(answer.error?.code, -32601)
      const after = server.peakRssMb()
      if (before !== undefined && after !== undefined) assert.ok(after - before < 64, `garbage kept: ${before} → ${after} MB`)
    } finally {
      await server.stop()
    }
    assert.equal(server.exitCode, 0)
  })
})
