/**
 * What a file that should be a .docx really is, from its first bytes: a zip (go
 * on), an OLE compound file (a Word 97–2003 .doc, or a password-protected .docx,
 * which Word stores as an encrypted package inside OLE), or something else.
 */
import {DocxError} from './errors.js'

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Throws a DocxError saying what the file is when it is not a zip archive. */
export function checkZipSignature(bytes: Uint8Array): void {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return
  if (bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b)) {
    // Stream names in an OLE directory are UTF-16LE.
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
      throw new DocxError('password-protected (encrypted) Word document: remove the password in Word (File › Info › Protect Document) and save again to review it')
    }
    if (hasUtf16(bytes, 'WordDocument')) throw new DocxError('a Word 97–2003 document (.doc), not a .docx: save it as .docx to review it')
    throw new DocxError('an OLE compound file (an older Office format), not a .docx')
  }
  if (bytes.length === 0) throw new DocxError('empty file, not a Word document')
  throw new DocxError('corrupt or not a Word document (not a zip archive)')
}

function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2)
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i)
  const first = pattern[0]
  const last = bytes.length - pattern.length
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer
    return true
  }
  return false
}
