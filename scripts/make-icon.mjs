// Writes images/icon.png (128x128 RGBA) without any image library: a rounded teal
// square with two overlapping circles (two peers, side by side, neither above).
// Usage: node scripts/make-icon.mjs
import {writeFileSync, mkdirSync} from 'node:fs'
import {deflateSync} from 'node:zlib'

const size = 128
const px = Buffer.alloc(size * size * 4)
const bg = [0x2f, 0x48, 0x58]
const a = [0x86, 0xbb, 0xd8]
const b = [0xf6, 0xae, 0x2d]
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), size - 1 - r)
  const cy = Math.min(Math.max(y, r), size - 1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4
    if (!inRounded(x, y, 22)) continue
    let c = bg
    const da = Math.hypot(x - 50, y - 64)
    const db = Math.hypot(x - 78, y - 64)
    if (da < 30 && db < 30) c = [0xf2, 0xf2, 0xf2]
    else if (da < 30) c = a
    else if (db < 30) c = b
    px.set([...c, 255], i)
  }
}
const raw = Buffer.alloc(size * (size * 4 + 1))
for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const c = Buffer.alloc(4)
  c.writeUInt32BE(crc(td))
  return Buffer.concat([len, td, c])
}
const ihdr = Buffer.alloc(13)
ihdr.writeUInt32BE(size, 0)
ihdr.writeUInt32BE(size, 4)
ihdr[8] = 8
ihdr[9] = 6
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
mkdirSync(new URL('../images/', import.meta.url), {recursive: true})
writeFileSync(new URL('../images/icon.png', import.meta.url), png)
console.log(`images/icon.png: ${png.length} bytes`)
