// Mocha runner loaded INSIDE the VS Code extension host (code-server or Electron VS Code).
// Same contract as @vscode/test-electron's --extensionTestsPath: export run(): Promise<void>, reject on failure.
// Bundled to CommonJS by scripts/build-vscode-tests.mjs -> out/test/vscode/index.cjs; it loads every
// *.test.cjs / *.test.js file beside it (each built from test/vscode/suite/*.test.ts).
// Env (from the driver's extensionEnvironment / extensionTestsEnv):
//   VSCODE_TEST_RESULT_FILE  write {passes, failures, tests, pending, duration[, error]} as JSON there
//   VSCODE_TEST_GREP         only run tests whose full title matches this regular expression
//   VSCODE_TEST_TIMEOUT      per-test timeout in ms (default 20000)
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Summary { passes: number; failures: number; tests: number; pending: number; duration?: number; error?: string }

function writeSummary(summary: Summary): void {
  console.log('MOCHA_SUMMARY ' + JSON.stringify(summary));
  const file = process.env.VSCODE_TEST_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false, // output goes through the workbench log / a pipe, not a TTY
    reporter: 'spec',
    timeout: Number(process.env.VSCODE_TEST_TIMEOUT) || 20000,
  });
  if (process.env.VSCODE_TEST_GREP) mocha.grep(new RegExp(process.env.VSCODE_TEST_GREP));
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter(f => /\.test\.c?js$/.test(f)).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      const error = `no *.test.cjs files in ${dir}`;
      writeSummary({ passes: 0, failures: 1, tests: 0, pending: 0, error });
      reject(new Error(error));
      return;
    }
    try {
      const runner = mocha.run(failures => {
        const s = runner.stats;
        writeSummary({ passes: s?.passes ?? 0, failures, tests: s?.tests ?? 0, pending: s?.pending ?? 0, duration: s?.duration });
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (e) {
      // a test file that fails to load (syntax error, missing module) throws here
      const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      console.error(error);
      writeSummary({ passes: 0, failures: 1, tests: 0, pending: 0, error: error.split('\n')[0] });
      reject(e instanceof Error ? e : new Error(error));
    }
  });
}
