#!/usr/bin/env node
// Runs the same in-VS-Code suite (out/test/vscode/index.cjs) in desktop VS Code (Electron) through
// @vscode/test-electron, for contributors whose machine can download VS Code (or has one: VSCODE_EXECUTABLE).
// On CI / these machines there is no such download: use test/vscode/run-in-code-server.mjs instead.
// Build first: node scripts/build-vscode-tests.mjs. On a Linux box without a display run it under xvfb-run.
//
// Usage: node test/vscode/run-electron.mjs [--extension-path DIR] [--tests-path FILE] [--workspace DIR]
//                                          [--result FILE] [--workspace-trust] [--grep REGEXP] [--keep]
//   (same meaning as in run-in-code-server.mjs; the workspace is copied to a temp dir first)
// Env: VSCODE_VERSION      VS Code version to download (default: stable)
//      VSCODE_EXECUTABLE   use this VS Code executable, no download
// Exit: 0 all passed, 1 test failures, 2 infrastructure error (download failed, VS Code did not start, ...).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InfraError, ROOT, copyWorkspace, cliOptions } from './lib/code-server.mjs';

const SPEC = {
  'extension-path': { default: ROOT },
  'tests-path': { default: path.join(ROOT, 'out/test/vscode/index.cjs') },
  workspace: { default: path.join(ROOT, 'test/vscode/fixtures/workspace') },
  result: { default: undefined },
  'workspace-trust': { flag: true, default: false },
  grep: { default: undefined },
  keep: { flag: true, default: false },
};

function writeResult(file, summary) {
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
}

async function main(opts) {
  const extPath = path.resolve(opts['extension-path']);
  const testsPath = path.resolve(opts['tests-path']);
  if (!fs.existsSync(testsPath)) throw new InfraError(`--tests-path ${testsPath} not found (run: node scripts/build-vscode-tests.mjs)`);

  // runTests always adds --disable-workspace-trust; --workspace-trust cannot undo that here
  if (opts['workspace-trust']) console.warn('run-electron: --workspace-trust is ignored (@vscode/test-electron forces --disable-workspace-trust)');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({
        version: process.env.VSCODE_VERSION || 'stable',
        cachePath: path.join(process.env.VSCODE_TEST_CACHE || path.join(ROOT, '.cache'), 'vscode-electron'),
        timeout: 30000,
      });
    } catch (e) {
      throw new InfraError(`cannot download VS Code (${String(e?.message || e).split('\n')[0]}); `
        + 'set VSCODE_EXECUTABLE or use test/vscode/run-in-code-server.mjs');
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-electron-'));
  const resultFile = path.join(tmp, 'mocha-result.json');
  try {
    const workspace = copyWorkspace(opts.workspace, tmp);
    const launchArgs = [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the run
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.join(tmp, 'extensions'),
    ];
    let code;
    try {
      code = await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: extPath,
        extensionTestsPath: testsPath,
        launchArgs,
        extensionTestsEnv: {
          VSCODE_TEST_RESULT_FILE: resultFile,
          ...(opts.grep ? { VSCODE_TEST_GREP: opts.grep } : {}),
        },
      });
    } catch (e) {
      code = typeof e?.code === 'number' ? e.code : -1;
    }
    let summary;
    try { summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { summary = undefined; }
    if (!summary) throw new InfraError(`VS Code exited with ${code} and the test runner wrote no result`);
    return { summary, exitCode: code === 0 && summary.failures === 0 ? 0 : 1 };
  } finally {
    if (opts.keep) console.log(`run-electron: kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const opts = cliOptions('run-electron', import.meta.url, SPEC);
main(opts).then(({ summary, exitCode }) => {
  const out = { passes: summary.passes, failures: summary.failures, tests: summary.tests, pending: summary.pending };
  writeResult(opts.result, out);
  console.log(`vscode: ${out.passes} passed, ${out.failures} failed, ${out.pending} skipped`);
  process.exit(exitCode);
}, e => {
  const reason = e instanceof InfraError ? e.message : String(e?.stack || e);
  writeResult(opts.result, { passes: 0, failures: 0, tests: 0, pending: 0, error: reason.split('\n')[0] });
  console.error(`run-electron: ${reason.split('\n')[0]}`);
  process.exit(2);
});
