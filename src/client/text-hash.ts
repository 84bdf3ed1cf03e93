/** FNV-1a over the UTF-16 code units, with the length: cheap, and enough to tell an edited text. */
export function textHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return `${text.length.toString(36)}.${(h >>> 0).toString(36)}`
}
