/**
 * Just enough of the zip format for a .docx: read the central directory, inflate
 * the parts we need under limits, and write a new archive in which every entry we
 * did not change is copied as it was (local header, compressed data, central
 * record), byte for byte. fflate does the (de)compression; it cannot copy an
 * entry without inflating it, hence the directory handling here.
 */
import {deflateSync, Inflate} from 'fflate'
import {DEFAULT_DOCX_LIMITS, DocxError, mb, type DocxLimits} from './errors.js'

export interface ZipEntry {
  name: string
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
  /** Offset of the local header. */
  localOffset: number
  /** The central directory record, as found. */
  central: Uint8Array
  /** Where the entry's raw bytes (local header .. next entry) end. */
  rawEnd: number
}

export class ZipArchive {
  readonly entries: ZipEntry[]
  private readonly byName = new Map<string, ZipEntry>()
  private readBytes = 0
  private readonly comment: Uint8Array

  constructor(
    readonly bytes: Uint8Array,
    readonly limits: DocxLimits = DEFAULT_DOCX_LIMITS
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const eocd = findEndRecord(bytes, view)
    const count = view.getUint16(eocd + 10, true)
    const cdSize = view.getUint32(eocd + 12, true)
    const cdOffset = view.getUint32(eocd + 16, true)
    const commentLength = view.getUint16(eocd + 20, true)
    this.comment = bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + commentLength))
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new DocxError('a ZIP64 archive, which a Word document never needs')
    if (count > limits.maxEntries) throw new DocxError(`too many entries in the archive (${count}; the limit is ${limits.maxEntries})`)
    if (cdOffset + cdSize > eocd) throw new DocxError('corrupt: the zip directory lies outside the file')
    const entries: ZipEntry[] = []
    let at = cdOffset
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new DocxError('corrupt: a broken zip directory record')
      const nameLength = view.getUint16(at + 28, true)
      const extraLength = view.getUint16(at + 30, true)
      const commentLen = view.getUint16(at + 32, true)
      const end = at + 46 + nameLength + extraLength + commentLen
      if (end > bytes.length) throw new DocxError('corrupt: a broken zip directory record')
      const entry: ZipEntry = {
        name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        crc: view.getUint32(at + 16, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localOffset: view.getUint32(at + 42, true),
        central: bytes.subarray(at, end),
        rawEnd: 0
      }
      if (entry.localOffset === 0xffffffff || entry.size === 0xffffffff) throw new DocxError('a ZIP64 archive, which a Word document never needs')
      entries.push(entry)
      if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry)
      at = end
    }
    // An entry's raw bytes run to the next entry (or the directory): data descriptors come along.
    const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset)
    sorted.forEach((e, i) => {
      e.rawEnd = i + 1 < sorted.length ? sorted[i + 1].localOffset : cdOffset
      if (e.localOffset + 30 > e.rawEnd || view.getUint32(e.localOffset, true) !== 0x04034b50) throw new DocxError(`corrupt: the entry ${e.name} is not where the zip directory says`)
    })
    this.entries = entries
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  /** An entry's expanded bytes, under the limits. Throws DocxError. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name)
    if (!entry) throw new DocxError(`corrupt: the part ${name} is missing`)
    const {limits} = this
    if (entry.flags & 1) throw new DocxError(`the part ${name} is encrypted`)
    if (entry.size > limits.maxPartBytes) throw new DocxError(`the part ${name} expands to ${mb(entry.size)} (the limit is ${mb(limits.maxPartBytes)})`)
    if (entry.size > 1048576 && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) throw bomb(name, entry.size, entry.compressedSize)
    if (this.readBytes + entry.size > limits.maxTotalBytes) throw new DocxError(`the parts to review expand to more than ${mb(limits.maxTotalBytes)}`)
    const data = this.compressed(entry)
    let out: Uint8Array
    if (entry.method === 0) out = data.slice(0, entry.size)
    else if (entry.method === 8) out = inflateLimited(name, data, Math.min(entry.size, limits.maxPartBytes))
    else throw new DocxError(`the part ${name} uses an unknown compression method (${entry.method})`)
    if (out.length !== entry.size || crc32(out) !== entry.crc) throw new DocxError(`corrupt: the part ${name} does not match its checksum`)
    this.readBytes += out.length
    return out
  }

  readText(name: string): string {
    // ignoreBOM keeps a byte-order mark in the string, so writing it back changes nothing.
    return new TextDecoder('utf-8', {ignoreBOM: true}).decode(this.read(name))
  }

  private compressed(entry: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)
    const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true)
    if (start + entry.compressedSize > this.bytes.length) throw new DocxError(`corrupt: the part ${entry.name} is cut short`)
    return this.bytes.subarray(start, start + entry.compressedSize)
  }

  /**
   * A new archive: entries in `changed` get new contents (deflated), names only in
   * `added` are appended, every other entry is copied as it was.
   */
  write(changed: Map<string, Uint8Array>, added: Map<string, Uint8Array> = new Map(), date = new Date()): Uint8Array {
    const locals: Uint8Array[] = []
    const centrals: Uint8Array[] = []
    let offset = 0
    const push = (local: Uint8Array, central: Uint8Array) => {
      const c = central.slice()
      new DataView(c.buffer).setUint32(42, offset, true)
      locals.push(local)
      centrals.push(c)
      offset += local.length
    }
    const seen = new Set<string>()
    for (const entry of [...this.entries].sort((a, b) => a.localOffset - b.localOffset)) {
      const data = changed.get(entry.name)
      if (data && !seen.has(entry.name)) {
        const dos = new DataView(this.bytes.buffer, this.bytes.byteOffset + entry.localOffset)
        push(...newEntry(entry.name, data, dos.getUint16(10, true), dos.getUint16(12, true), entry.central))
      } else push(this.bytes.subarray(entry.localOffset, entry.rawEnd), entry.central)
      seen.add(entry.name)
    }
    const [time, day] = dosDateTime(date)
    for (const [name, data] of added) if (!this.byName.has(name)) push(...newEntry(name, data, time, day))
    const cdSize = centrals.reduce((n, c) => n + c.length, 0)
    const end = new Uint8Array(22 + this.comment.length)
    const v = new DataView(end.buffer)
    v.setUint32(0, 0x06054b50, true)
    v.setUint16(8, centrals.length, true)
    v.setUint16(10, centrals.length, true)
    v.setUint32(12, cdSize, true)
    v.setUint32(16, offset, true)
    v.setUint16(20, this.comment.length, true)
    end.set(this.comment, 22)
    return concat([...locals, ...centrals, end])
  }
}

function bomb(name: string, size: number, compressed: number): DocxError {
  return new DocxError(`the part ${name} expands ${Math.round(size / Math.max(1, compressed))} times (${mb(size)}): a zip bomb, not a Word document`)
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let i = bytes.length - 22; i >= stop; i--) if (view.getUint32(i, true) === 0x06054b50) return i
  throw new DocxError('corrupt: not a zip archive (no zip directory found)')
}

/** Inflate, counting as it goes: a lying directory still cannot make us hold more than `max`. */
function inflateLimited(name: string, data: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  const inflate = new Inflate((chunk) => {
    total += chunk.length
    if (total > max) throw new DocxError(`the part ${name} expands to more than its zip directory says: a zip bomb or a corrupt archive`)
    chunks.push(chunk)
  })
  const STEP = 16384
  try {
    if (data.length === 0) inflate.push(data, true)
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length)
  } catch (error) {
    if (error instanceof DocxError) throw error
    throw new DocxError(`corrupt: the part ${name} cannot be inflated (${(error as Error).message})`)
  }
  return concat(chunks)
}

function newEntry(name: string, data: Uint8Array, time: number, day: number, original?: Uint8Array): [Uint8Array, Uint8Array] {
  const nameBytes = new TextEncoder().encode(name)
  const packed = deflateSync(data, {level: 6})
  const crc = crc32(data)
  const local = new Uint8Array(30 + nameBytes.length + packed.length)
  const l = new DataView(local.buffer)
  l.setUint32(0, 0x04034b50, true)
  l.setUint16(4, 20, true)
  l.setUint16(6, 0x0800, true) // UTF-8 names
  l.setUint16(8, 8, true)
  l.setUint16(10, time, true)
  l.setUint16(12, day, true)
  l.setUint32(14, crc, true)
  l.setUint32(18, packed.length, true)
  l.setUint32(22, data.length, true)
  l.setUint16(26, nameBytes.length, true)
  local.set(nameBytes, 30)
  local.set(packed, 30 + nameBytes.length)
  const central = new Uint8Array(46 + nameBytes.length)
  const c = new DataView(central.buffer)
  c.setUint32(0, 0x02014b50, true)
  c.setUint16(4, original ? new DataView(original.buffer, original.byteOffset).getUint16(4, true) : 20, true)
  c.setUint16(6, 20, true)
  c.setUint16(8, 0x0800, true)
  c.setUint16(10, 8, true)
  c.setUint16(12, time, true)
  c.setUint16(14, day, true)
  c.setUint32(16, crc, true)
  c.setUint32(20, packed.length, true)
  c.setUint32(24, data.length, true)
  c.setUint16(28, nameBytes.length, true)
  if (original) c.setUint32(38, new DataView(original.buffer, original.byteOffset).getUint32(38, true), true)
  central.set(nameBytes, 46)
  return [local, central]
}

function dosDateTime(d: Date): [number, number] {
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1)
  const day = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  return [time, day]
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

let table: Uint32Array | undefined

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
