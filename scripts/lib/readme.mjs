// The user's README as the package carries it, and the images it shows (scripts/package.mjs, scripts/lib/check-vsix.mjs,
// test/readme.test.ts). docs/marketplace.md is written beside docs/, for GitHub; in the package it is the extension's
// README, beside images/.

/** docs/marketplace.md as the package's README: `../images/x.png` becomes `images/x.png`. */
export function packageReadme(markdown) {
  return markdown.replace(/(!\[[^\]]*\]\()\.\.\/images\//g, '$1images/').replace(/(<img\s[^>]*src=["'])\.\.\/images\//g, '$1images/')
}

/** The sources of the images a Markdown text shows: `![alt](src "title")` and `<img src="...">`, in order. */
export function imageSources(markdown) {
  const out = []
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g)) out.push(m[1])
  for (const m of markdown.matchAll(/<img\s[^>]*src=["']([^"']+)["']/g)) out.push(m[1])
  return out
}

/** Whether a source is a file of the package (not a web address or a data: URI). */
export const isLocal = (src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('#')
