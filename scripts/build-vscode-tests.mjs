// Bundles the in-VS-Code test suite (test/vscode/suite/*.ts) to CommonJS for the extension host:
//   test/vscode/suite/index.ts     -> out/test/vscode/index.cjs       (mocha runner, run(): Promise<void>)
//   test/vscode/suite/*.test.ts    -> out/test/vscode/*.test.cjs      (one bundle per test file)
// `vscode` (provided by the extension host) and `mocha` (one shared instance, resolved from node_modules)
// stay external; everything else (including ESM-only packages and src/ code a test imports) is bundled.
// Usage: node scripts/build-vscode-tests.mjs
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test/vscode/suite');
const outDir = path.join(root, 'out/test/vscode');

const entries = fs.readdirSync(srcDir).filter(f => f === 'index.ts' || /\.test\.ts$/.test(f)).sort();
if (!entries.includes('index.ts')) throw new Error(`missing ${srcDir}/index.ts`);

fs.rmSync(outDir, { recursive: true, force: true });
const t0 = Date.now();
await esbuild.build({
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
});
const built = fs.readdirSync(outDir).filter(f => f.endsWith('.cjs'));
console.log(`build-vscode-tests: ${built.length} files -> ${path.relative(root, outDir)}/ (${built.join(', ')}) in ${Date.now() - t0} ms`);
