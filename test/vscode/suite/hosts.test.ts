// The extension host the suite runs in, and the same findings in each. The suite is built twice
// (scripts/build-vscode-tests.mjs): for the Node extension host and for the web worker extension host
// (code-server with ["extensionDevelopmentKind","web"], as in vscode.dev). scripts/vscode-tests.mjs puts
// the CLI's JSON for sample.md and constructs.md into .vscode-test/expected.json in the workspace copy, and
// the driver (test/vscode/run-in-code-server.mjs) writes .vscode-test/driver.json when it takes screenshots.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const SOURCE = 'recovery-lint';
const EXTENSION_ID = 'recovery-lint.recovery-lint';
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

interface CliFinding { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder must be open');
  return f.uri;
};
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

async function readJson<T>(uri: vscode.Uri): Promise<T | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
  } catch {
    return undefined;
  }
}

async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined | false;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** One line per finding: where (1-based, end column exclusive, as the CLI says it), rule, severity and message. */
const brief = (line: number, column: number, endLine: number, endColumn: number, rule: string, severity: vscode.DiagnosticSeverity | undefined, message: string) =>
  `${line}:${column}-${endLine}:${endColumn} ${rule} ${severity} ${message}`;

function diagnosticsBrief(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE).map(d => {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return brief(d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, String(code), d.severity, d.message);
  }).sort();
}

suite('extension host', function () {
  this.timeout(90000);

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await ext.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test(`runs in the ${RECOVERY_LINT_TEST_HOST === 'web' ? 'web worker' : 'Node'} extension host`, () => {
    if (RECOVERY_LINT_TEST_HOST === 'web') {
      assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
      assert.strictEqual(typeof process, 'undefined', 'no Node in a web worker extension host');
      assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
    } else {
      assert.strictEqual(typeof process?.versions?.node, 'string');
    }
  });

  test('findings on the sample and on a document with every construct equal the CLI’s: rule, range, severity and message', async function () {
    const expected = await readJson<Array<{ file: string; findings: CliFinding[] }>>(file('.vscode-test', 'expected.json'));
    if (!expected) this.skip(); // a run without scripts/vscode-tests.mjs's prepared workspace
    const seen: Record<string, string[]> = {};
    for (const { file: name, findings } of expected!) {
      const uri = file(name);
      const want = findings.map(f => brief(f.line, f.column, f.endLine, f.endColumn, f.ruleId, SEVERITY[f.severity], f.message)).sort();
      assert.ok(want.length > 0, `the CLI found nothing in ${name}: not a useful comparison`);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      try {
        seen[name] = await waitFor(`the CLI's findings on ${name}`, () => {
          const got = diagnosticsBrief(uri);
          return JSON.stringify(got) === JSON.stringify(want) && got;
        });
      } catch {
        assert.deepStrictEqual(diagnosticsBrief(uri), want, `${name} in the ${RECOVERY_LINT_TEST_HOST} host`);
      }
    }
    // For the cross-host check in scripts/vscode-tests.mjs (the driver saves this line).
    console.log(`RECOVERY_LINT_FINDINGS ${JSON.stringify({ host: RECOVERY_LINT_TEST_HOST, files: seen })}`);
  });

  test('a document with squiggles and the status bar counts, kept as a screenshot', async function () {
    const driver = await readJson<{ screenshots?: boolean }>(file('.vscode-test', 'driver.json'));
    if (!driver?.screenshots) this.skip();
    const uri = file('sample.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor('diagnostics on sample.md', () => diagnosticsBrief(uri).length > 0);
    const api = vscode.extensions.getExtension<{ status(): { text: string; visible: boolean } }>(EXTENSION_ID)?.exports;
    await waitFor('status bar counts', () => api?.status().visible && /\d/.test(api.status().text));
    await vscode.commands.executeCommand('notifications.clearAll'); // earlier tests' messages would cover the Problems panel
    await new Promise(r => setTimeout(r, 1500)); // squiggles render after the markers arrive
    // node-editor, web-editor (code-server's web worker host) or test-web-editor (VS Code for the Web on a virtual folder).
    const name = folder().scheme === 'vscode-test-web' ? 'test-web-editor' : `${RECOVERY_LINT_TEST_HOST}-editor`;
    console.log(`RECOVERY_LINT_SCREENSHOT ${name}`);
    // The driver writes .vscode-test/<name>.done once it has the picture. A virtual file system (test-web's) may not
    // show a file made behind its back: then carry on after a while; the driver itself checks it took the picture.
    await waitFor('the driver’s screenshot', async () => (await readJson(file('.vscode-test', `${name}.done`))) !== undefined, 10000)
      .catch(() => new Promise(r => setTimeout(r, 2000)));
  });
});
