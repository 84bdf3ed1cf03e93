// Runs first (files load in name order): the time from a document being shown to its first squiggle on the
// extension's first start in this window, as the writer meets it. The extension may already be active (the
// workspace has a .recoverylintrc.json, an activation event); the language server starts at activation.
// A reload is measured by the UI end-to-end test (test/vscode/e2e-ui.mjs), which can reload the window.
// The figure is the desktop's (the Node extension host): the web worker hosts skip it. It is printed as
// FIRST_SQUIGGLE for the log; the target is judged by `npm run bench`, which measures it beside a reference.
import * as assert from 'node:assert';
import type * as OS from 'node:os';
import * as vscode from 'vscode';

// Node's, so only in the Node host's build (the web build has no `node:os`, and this branch is dropped from it).
const os: typeof OS | undefined = RECOVERY_LINT_TEST_HOST === 'node' ? require('node:os') : undefined;

/** The target (issue 13), judged by `npm run bench` beside a reference extension, not here: a timed test fails on a busy machine and passes on a quiet one for the same code. */
const TARGET_MS = 1000;

suite('first squiggle', function () {
  this.timeout(60000);

  test(`a document opened on the extension's first start gets its squiggles, and the time is recorded (target ${TARGET_MS} ms, judged by npm run bench)`, async function () {
    if (!os) return this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'policy.md');
    const opened = Date.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const shown = Date.now();
    let first: vscode.Diagnostic[] = [];
    while (Date.now() - shown < 30000) {
      first = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'recovery-lint');
      if (first.length > 0) break;
      await new Promise(r => setTimeout(r, 5));
    }
    // From the open request, not from showTextDocument's answer: the document is synced to the server (and
    // reviewed) while openTextDocument resolves, so the squiggle is often there before "shown" is. The open is
    // before the document shows: a bound on shown → squiggle that cannot hide time.
    const ms = Date.now() - opened;
    const api = vscode.extensions.getExtension<{timings(): Record<string, number>}>('recovery-lint.recovery-lint')?.exports;
    console.log(`FIRST_SQUIGGLE ${JSON.stringify({afterShownMs: Date.now() - shown, afterOpenMs: ms, loadAverage: os.loadavg()[0], extension: api?.timings() ?? {}})}`);
    assert.ok(first.length > 0, 'no squiggle within 30 s');
    assert.ok(first.some(d => d.code !== undefined && d.range.start.line >= 0), 'the squiggles carry a rule code');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
