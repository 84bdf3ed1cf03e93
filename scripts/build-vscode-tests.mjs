// Bundles the in-VS-Code test suite (test/vscode/suite/*.ts) to CommonJS for the extension host:
//   test/vscode/suite/index.ts     -> out/test/vscode/index.cjs       (mocha runner, run(): Promise<void>)
//   test/vscode/suite/*.test.ts    -> out/test/vscode/*.test.cjs      (one bundle per test file)
// `vscode` (provided by the extension host) and `mocha` (one shared instance, resolved from node_modules)
// stay external; everything else (including ESM-only packages and src/ code a test imports) is bundled.
// The same suite for the web worker extension host (no Node, and only `vscode` can be required there):
//   test/vscode/web/runner.ts + every *.test.ts -> out/test/vscode-web/index.cjs (one browser bundle with
//   mocha's browser build; `node:assert` -> test/vscode/web/assert.ts)
// RECOVERY_LINT_TEST_HOST is "node" in the first, "web" in the second.
// Usage: node scripts/build-vscode-tests.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test/vscode/suite');
const outDir = path.join(root, 'out/test/vscode');
const webOutDir = path.join(root, 'out/test/vscode-web');

const entries = fs.readdirSync(srcDir).filter(f => f === 'index.ts' || /\.test\.ts$/.test(f)).sort();
if (!entries.includes('index.ts')) throw new Error(`missing ${srcDir}/index.ts`);

fs.rmSync(outDir, { recursive: true, force: true });
fs.rmSync(webOutDir, { recursive: true, force: true });
const t0 = Date.now();
const tests = entries.filter(f => f !== 'index.ts');
await Promise.all([esbuild.build({
  absWorkingDir: root,
  entryPoints: entries.map(f => path.join(srcDir, f)),
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { RECOVERY_LINT_TEST_HOST: '"node"' },
}), esbuild.build({
  absWorkingDir: root,
  // The test files are required after mocha.setup() has defined suite() and test().
  stdin: {
    contents: `import {runSuites} from './test/vscode/web/runner.ts';\nexport function run() {\n  return runSuites(() => {\n${tests.map(f => `    require('./test/vscode/suite/${f}');`).join('\n')}\n  });\n}\n`,
    resolveDir: root,
    sourcefile: 'web-index.ts',
    loader: 'ts',
  },
  outfile: path.join(webOutDir, 'index.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  external: ['vscode'],
  alias: { 'node:assert': './test/vscode/web/assert.ts' },
  sourcemap: 'inline',
  logLevel: 'warning',
  define: { RECOVERY_LINT_TEST_HOST: '"web"' },
})]);
const built = fs.readdirSync(outDir).filter(f => f.endsWith('.cjs'));
console.log(`build-vscode-tests: ${built.length} files -> ${path.relative(root, outDir)}/ (${built.join(', ')}), and ${path.relative(root, webOutDir)}/index.cjs, in ${Date.now() - t0} ms`);
