/**
 * The engine reaches files only through this interface, so the same code serves
 * Node (CLI, language server) and a browser build. Paths use forward slashes.
 */
export interface FileHost {
  /** The file's text, or `undefined` when there is no such file. Throws when it exists but cannot be read. */
  readFile(path: string): string | undefined
  /** The file's canonical path (links resolved), where the host knows it: a pack named twice is loaded once. */
  realPath?(path: string): string
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

export function joinPath(dir: string, name: string): string {
  if (name.startsWith('/')) return name
  const parts = (dir.endsWith('/') ? dir : dir + '/').concat(name).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return '/' + out.join('/')
}
