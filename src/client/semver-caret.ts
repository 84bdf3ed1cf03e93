/**
 * What the language client's Node entry asks of `semver` (vscode-languageclient/lib/node/main.js): parse VS Code's
 * version and check it against the client's caret range ("^1.91.0"). The package is 20 KB of the extension's bundle
 * for those two calls; scripts/build.mjs resolves `semver/functions/parse` and `…/satisfies` to these instead, and
 * test/semver-caret.test.ts checks them against semver itself.
 */
export interface SemVer {
  major: number
  minor: number
  patch: number
  prerelease: string[]
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

/** A version's parts, or null when it is not one (as semver's `parse`). */
export function parse(version: string | SemVer): SemVer | null {
  if (typeof version !== 'string') return version
  const m = VERSION.exec(version.trim())
  return m ? {major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ? m[4].split('.') : []} : null
}

/** Whether a version is in a caret range ("^1.91.0"): any other range is not understood and fails, as a pre-release does. */
export function satisfies(version: string | SemVer, range: string): boolean {
  const v = parse(version)
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim())
  if (!v || !r || v.prerelease.length > 0) return false
  const [major, minor, patch] = [Number(r[1]), Number(r[2]), Number(r[3])]
  const at = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
  if (at([v.major, v.minor, v.patch], [major, minor, patch]) < 0) return false
  // The caret allows changes that do not touch the left-most non-zero part.
  if (major > 0) return v.major === major
  if (minor > 0) return v.major === 0 && v.minor === minor
  return v.major === 0 && v.minor === 0 && v.patch === patch
}
