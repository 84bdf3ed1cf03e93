// The offline review page, dist/review.html: one self-contained file (no network, works from file://)
// for people without VS Code. Called by scripts/build.mjs after the rules are compiled.
//   src/page/engine.ts -> the engine (the CLI's engine, rules and reports), kept in the page as text and
//                         started as a worker from a blob: URL; the compiled rules go in deflated and
//                         base64-encoded (they are data: a third of the size), and each rule's page is made from them
//   src/page/main.ts   -> the page's script;  src/page/index.html + page.css -> the page
import {build} from 'esbuild'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {deflateRawSync} from 'node:zlib'

/** The page must stay small enough to email and to put on an intranet (issue 15: at most 1.5 MB). */
export const PAGE_LIMIT_BYTES = 1.5 * 1024 * 1024

const packed = (bytes) => deflateRawSync(bytes, {level: 9}).toString('base64')

/**
 * The compiled rules, whole: the engine reviews with them and the page makes each rule's page from them (examples,
 * sources and principles included), as the editor's reading view does, rather than carrying docs/rules a second time.
 */
function pageRules(root) {
  return Buffer.from(readFileSync(join(root, 'dist', 'rules.json'), 'utf8'))
}

/**
 * The engine reuses the CLI's pure functions from src/node/documents.ts, whose module also imports
 * Node's file system for the CLI: the page has none, so those imports resolve to nothing (never called).
 */
const noNode = {
  name: 'no-node',
  setup(b) {
    b.onResolve({filter: /^node:/}, (args) => ({path: args.path, namespace: 'no-node'}))
    b.onLoad({filter: /.*/, namespace: 'no-node'}, () => ({contents: 'module.exports = {}', loader: 'js'}))
  }
}

/** In a <script> element, "</script" ends it and "<!--" can confuse the parser: neither may appear. */
function forScriptElement(js, what) {
  const safe = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--')
  if (/<\/script|<!--/i.test(safe)) throw new Error(`review page: ${what} still holds </script or <!-- after escaping`)
  return safe
}

export async function buildReviewPage({root, buildId, version}) {
  const data = {
    name: 'page-data',
    setup(b) {
      b.onResolve({filter: /^virtual:page-data$/}, () => ({path: 'page-data', namespace: 'page-data'}))
      b.onLoad({filter: /.*/, namespace: 'page-data'}, () => ({
        contents: `export const COMPILED_RULES = ${JSON.stringify(packed(pageRules(root)))}\n`,
        loader: 'js'
      }))
    }
  }
  const common = {bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning'}
  const define = {RECOVERY_LINT_VERSION: JSON.stringify(version), RECOVERY_LINT_BUILD: JSON.stringify(buildId)}
  const [engine, app] = await Promise.all([
    // `worker`: packages with a DOM build (decode-named-character-reference) give their worker build (no document there).
    build({...common, entryPoints: [join(root, 'src/page/engine.ts')], conditions: ['worker'], plugins: [data, noNode], define}),
    build({...common, entryPoints: [join(root, 'src/page/main.ts')], define})
  ])
  // The page travels alone (email, intranet): it carries the licence and the notices the package ships beside it.
  const escHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const fill = {
    VERSION: version,
    NOTICES: escHtml(['LICENSE', 'THIRD_PARTY_NOTICES.md'].map((f) => readFileSync(join(root, f), 'utf8').trim()).join('\n\n')),
    STYLE: readFileSync(join(root, 'src/page/page.css'), 'utf8'),
    ENGINE: forScriptElement(engine.outputFiles[0].text, 'the engine'),
    APP: forScriptElement(app.outputFiles[0].text, 'the page script')
  }
  const html = readFileSync(join(root, 'src/page/index.html'), 'utf8').replace(/\{\{(\w+)\}\}/g, (m, key) => (key in fill ? fill[key] : m))
  const out = join(root, 'dist', 'review.html')
  writeFileSync(out, html)
  const bytes = Buffer.byteLength(html)
  if (bytes > PAGE_LIMIT_BYTES) throw new Error(`review page: dist/review.html is ${(bytes / 1048576).toFixed(2)} MB, over the 1.5 MB limit`)
  return {path: out, bytes}
}
