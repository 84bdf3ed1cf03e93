// Mocha runner for the web worker extension host (VS Code for the Web; code-server with
// ["extensionDevelopmentKind","web"]): no Node, no file system. Bundled with every test file by
// scripts/build-vscode-tests.mjs into out/test/vscode-web/index.cjs, whose run() calls runSuites().
// The summary goes to the console as `MOCHA_SUMMARY {json}` (the driver reads the workbench log).
import * as vscode from 'vscode';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): { stats?: { passes: number; tests: number; pending: number; duration?: number } };
}

/** Whether Node's `process` existed before anything of the test bundle ran (mocha brings no global one, but be sure). */
export const hadProcess = typeof process !== 'undefined';

/** What the driver wrote into the workspace copy (run-in-code-server.mjs): here, the --grep. */
async function driverOptions(): Promise<{ grep?: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return {};
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.vscode-test', 'driver.json'))));
  } catch {
    return {};
  }
}

export async function runSuites(loadTests: () => void): Promise<void> {
  const { grep } = await driverOptions();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mocha = require('mocha/mocha.js') as BrowserMocha;
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 20000, ...(grep ? { grep: new RegExp(grep) } : {}) });
  return new Promise<void>((resolve, reject) => {
    const summary = (s: Record<string, unknown>) => console.log('MOCHA_SUMMARY ' + JSON.stringify(s));
    try {
      loadTests();
      const runner = mocha.run(failures => {
        const s = runner.stats;
        summary({ passes: s?.passes ?? 0, failures, tests: s?.tests ?? 0, pending: s?.pending ?? 0, duration: s?.duration });
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (e) {
      const error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      console.error(error);
      summary({ passes: 0, failures: 1, tests: 0, pending: 0, error: error.split('\n')[0] });
      reject(e instanceof Error ? e : new Error(error));
    }
  });
}
