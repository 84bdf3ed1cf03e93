/**
 * The LSP base protocol read so that no input can stop the server answering.
 * vscode-jsonrpc's stream reader trusts the client: after a header without a
 * valid Content-Length it never resynchronises, a huge Content-Length makes it
 * wait (and buffer) for ever, and garbage is kept in memory. Here a malformed
 * message is dropped with one log line and reading resumes at the next header:
 *
 * - bytes before a `Content-Length:` header are skipped (only a few are kept, in
 *   case a header is split between chunks);
 * - a header block without a usable Content-Length, or longer than 8 KB, is
 *   dropped;
 * - a body whose bytes hold a header (`Content-Length: N` and a raw CR LF) was
 *   given too large a length: that cannot be JSON (a raw CR cannot be inside a
 *   string, and the name cannot be outside one), so the next message starts
 *   there and the short body is read as far as it goes;
 * - a body that is not a JSON object (invalid UTF-8 or JSON, a number, an array)
 *   is dropped;
 * - a body over `maxMessageBytes` is skipped without being kept.
 *
 * No Node API: the caller adapts its stream (see main.ts).
 */
import {AbstractMessageReader, Disposable, type DataCallback, type Message} from 'vscode-languageserver'

export interface ByteSource {
  onData(listener: (chunk: Uint8Array) => void): void
  onEnd(listener: () => void): void
  onError(listener: (error: Error) => void): void
}

/** Larger than any document the size guard lets through (20 MB, as JSON), smaller than memory. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024
const MAX_HEADER_BYTES = 8192
/** Lines logged for dropped messages before the rest are only counted. */
const MAX_LOGGED = 10

const encode = (s: string) => new TextEncoder().encode(s)
const HEADER_NAME = encode('content-length:')
const CRLF2 = encode('\r\n\r\n')
/** Enough bytes after a header name to see its value end in CR LF. */
const HEADER_PEEK = HEADER_NAME.length + 24

export class RobustMessageReader extends AbstractMessageReader {
  private readonly bytes = new ByteQueue()
  /** Body bytes expected (-1: reading headers), and how far the body was searched for a header. */
  private bodyLength = -1
  private searched = 0
  /** An oversized body: its bytes are counted off, not kept, until the next header. */
  private skipping = 0
  private callback: DataCallback | undefined
  private dropped = 0
  /** A `shutdown` request came: ending the input now is a clean exit. */
  sawShutdown = false
  private readonly decoder = new TextDecoder('utf-8', {fatal: true})
  /** Where to report dropped messages (the connection's console once it exists). */
  log: (message: string) => void = () => {}

  constructor(
    private readonly source: ByteSource,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES
  ) {
    super()
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback
    this.source.onData((chunk) => this.onData(chunk))
    this.source.onEnd(() => this.fireClose())
    this.source.onError((error) => this.fireError(error))
    return Disposable.create(() => {
      this.callback = undefined
    })
  }

  /** Messages dropped so far. */
  get droppedCount(): number {
    return this.dropped
  }

  private drop(why: string): void {
    this.dropped++
    if (this.dropped <= MAX_LOGGED) this.log(`dropped a malformed message from the editor: ${why}`)
    if (this.dropped === MAX_LOGGED) this.log('further malformed messages are dropped without a line each')
  }

  private onData(chunk: Uint8Array): void {
    this.bytes.push(chunk)
    while (this.step()) {
      // each step consumes bytes, so this ends
    }
  }

  /** One message or one piece of garbage handled; false when more bytes are needed. */
  private step(): boolean {
    const buf = this.bytes.view()
    if (this.skipping > 0) return this.skip(buf)
    if (this.bodyLength < 0) return this.header(buf)
    // A header inside the expected body: the length was a lie; the body ends there.
    const early = headerWithin(buf.subarray(0, Math.min(buf.length, this.bodyLength + HEADER_PEEK)), Math.max(0, this.searched - HEADER_PEEK))
    this.searched = Math.min(buf.length, this.bodyLength)
    if (early >= 0 && early < this.bodyLength) {
      this.bodyLength = -1
      this.deliver(buf.subarray(0, early), 'its Content-Length runs past the next header')
      this.bytes.consume(early)
      return true
    }
    if (buf.length < this.bodyLength) return false
    const body = buf.slice(0, this.bodyLength)
    this.bytes.consume(this.bodyLength)
    this.bodyLength = -1
    this.deliver(body)
    return true
  }

  private header(buf: Uint8Array): boolean {
    const start = indexOfIgnoreCase(buf, HEADER_NAME, 0)
    if (start < 0) {
      // Garbage: keep only a tail that may be the start of a header.
      if (buf.length >= HEADER_NAME.length) this.garbage(buf, buf.length - HEADER_NAME.length + 1)
      return false
    }
    if (start > 0 && !onlyHeaderLines(buf, start)) {
      this.garbage(buf, start)
      return true
    }
    const end = indexOf(buf, CRLF2, start, start + MAX_HEADER_BYTES)
    if (end < 0) {
      if (buf.length - start <= MAX_HEADER_BYTES) return false
      this.drop(`a header of more than ${MAX_HEADER_BYTES} bytes`)
      this.bytes.consume(start + HEADER_NAME.length)
      return true
    }
    // Text that only looked like a header (a dropped body's remains): the real one is the last.
    const last = lastIndexOfIgnoreCase(buf.subarray(0, end), HEADER_NAME)
    if (last > start && !onlyHeaderLines(buf.subarray(start), last - start)) {
      this.garbage(buf, last)
      return true
    }
    const header = latin1(buf.subarray(0, end))
    const value = /(?:^|\r\n)content-length:[ \t]*(\S*)[ \t]*(?:\r\n|$)/i.exec(header)?.[1] ?? ''
    this.bytes.consume(end + CRLF2.length)
    if (!/^\d{1,15}$/.test(value)) {
      this.drop(`Content-Length "${value.slice(0, 40)}" is not a number of bytes`)
      return true
    }
    const length = Number(value)
    if (length > this.maxMessageBytes) {
      this.drop(`a message of ${length} bytes, over the limit of ${this.maxMessageBytes}`)
      this.skipping = length
      return this.bytes.length > 0
    }
    this.bodyLength = length
    this.searched = 0
    return true
  }

  /** Count off an oversized body, keeping only a tail where the next header may start (a lying length ends there). */
  private skip(buf: Uint8Array): boolean {
    const early = headerWithin(buf, 0)
    if (early >= 0 && early < this.skipping) {
      this.skipping = 0
      this.bytes.consume(early)
      return true
    }
    const n = Math.min(this.skipping, Math.max(0, buf.length - HEADER_PEEK))
    this.skipping -= n
    this.bytes.consume(n)
    return this.skipping === 0 && this.bytes.length > 0
  }

  private garbage(buf: Uint8Array, upTo: number): void {
    let blank = true
    for (let i = 0; i < upTo && blank; i++) blank = buf[i] === 0x0d || buf[i] === 0x0a || buf[i] === 0x20
    // Blank lines between messages are harmless; anything else is worth a line.
    if (!blank) this.drop(`${upTo} bytes that are not a message`)
    this.bytes.consume(upTo)
  }

  private deliver(body: Uint8Array, short?: string): void {
    let message: unknown
    try {
      message = JSON.parse(this.decoder.decode(body))
    } catch {
      this.drop(short ?? `a body of ${body.length} bytes that is not valid JSON`)
      return
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.drop(`a body that is not a JSON-RPC message (${Array.isArray(message) ? 'an array' : message === null ? 'null' : typeof message})`)
      return
    }
    if ((message as {method?: unknown}).method === 'shutdown') this.sawShutdown = true
    try {
      this.callback?.(message as Message)
    } catch (error) {
      this.drop(`a message the connection could not take (${(error as Error).message})`)
    }
  }
}

/** Bytes received and not yet read: appended at the end, consumed from the front, amortised linear. */
class ByteQueue {
  private store = new Uint8Array(64 * 1024)
  private start = 0
  private end = 0

  get length(): number {
    return this.end - this.start
  }

  view(): Uint8Array {
    return this.store.subarray(this.start, this.end)
  }

  push(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.store.length) {
      const live = this.length
      if (live + chunk.length <= this.store.length / 2) this.store.copyWithin(0, this.start, this.end)
      else {
        const next = new Uint8Array(Math.max(this.store.length * 2, live + chunk.length))
        next.set(this.view(), 0)
        this.store = next
      }
      this.start = 0
      this.end = live
    }
    this.store.set(chunk, this.end)
    this.end += chunk.length
  }

  consume(n: number): void {
    this.start += n
    if (this.start === this.end) {
      this.start = this.end = 0
      // A large message passed: give its memory back.
      if (this.store.length > 1 << 20) this.store = new Uint8Array(64 * 1024)
    }
  }
}

/** Whether the bytes before a header name are other header lines of the same block (Content-Type first). */
function onlyHeaderLines(buf: Uint8Array, end: number): boolean {
  if (end > MAX_HEADER_BYTES) return false
  return /^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r\n)+$/.test(latin1(buf.subarray(0, end)))
}

function latin1(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return s
}

function indexOf(buf: Uint8Array, needle: Uint8Array, from: number, to = buf.length): number {
  outer: for (let i = from; i <= Math.min(to, buf.length) - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (buf[i + k] !== needle[k]) continue outer
    return i
  }
  return -1
}

/** `needle` is lower case ASCII. */
function indexOfIgnoreCase(buf: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= buf.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) {
      const c = buf[i + k]
      if ((c >= 0x41 && c <= 0x5a ? c + 32 : c) !== needle[k]) continue outer
    }
    return i
  }
  return -1
}

function lastIndexOfIgnoreCase(buf: Uint8Array, needle: Uint8Array): number {
  let at = -1
  for (let i = indexOfIgnoreCase(buf, needle, 0); i >= 0; i = indexOfIgnoreCase(buf, needle, i + 1)) at = i
  return at
}

/** Where a `Content-Length: N` CR LF header starts in `buf` from `from`, or -1 (one cut short at the end is not seen yet). */
function headerWithin(buf: Uint8Array, from: number): number {
  for (let i = indexOfIgnoreCase(buf, HEADER_NAME, from); i >= 0; i = indexOfIgnoreCase(buf, HEADER_NAME, i + 1)) {
    let k = i + HEADER_NAME.length
    while (k < buf.length && (buf[k] === 0x20 || buf[k] === 0x09)) k++
    const digits = k
    while (k < buf.length && buf[k] >= 0x30 && buf[k] <= 0x39) k++
    if (k > digits && buf[k] === 0x0d && buf[k + 1] === 0x0a) return i
  }
  return -1
}
