/**
 * The language server's side of the code cache that its Node entry keeps (src/node/bundle-loader.ts): once
 * the warm-up or the first review is done, the code a start needs is compiled, and the entry may write it
 * for the next start (once; later calls do nothing). Nothing happens in a browser worker or when the
 * bundle runs without that entry.
 */
export const CODE_CACHE_WRITE = Symbol.for('recovery-lint.code-cache.write')

export function codeCacheReady(): void {
  const write = (globalThis as Record<symbol, unknown>)[CODE_CACHE_WRITE]
  if (typeof write === 'function') setTimeout(write, 0)
}
