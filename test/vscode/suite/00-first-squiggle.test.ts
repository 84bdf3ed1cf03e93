// Runs first (files load in name order): the time from a document being shown to its first squiggle on the
// extension's first start in this window, as the writer meets it. The extension may already be active (the
// workspace has a .recoverylintrc.json, an activation event); the language server starts at activation.
// A reload is measured by the UI end-to-end test (test/vscode/e2e-ui.mjs), which can reload the window.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

/** The target (issue 13); VSCODE_TEST_FIRST_SQUIGGLE_MS may raise it on a machine known to be slow. */
const TARGET_MS = Number(process.env.VSCODE_TEST_FIRST_SQUIGGLE_MS) || 1000;

suite('first squiggle', function () {
  this.timeout(60000);

  test(`a document's first squiggle comes within ${TARGET_MS} ms of it being shown`, async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'policy.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const shown = Date.now();
    let first: vscode.Diagnostic[] = [];
    while (Date.now() - shown < 30000) {
      first = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'recovery-lint');
      if (first.length > 0) break;
      await new Promise(r => setTimeout(r, 5));
    }
    const ms = Date.now() - shown;
    const api = vscode.extensions.getExtension<{timings(): Record<string, number>}>('recovery-lint.recovery-lint')?.exports;
    console.log(`FIRST_SQUIGGLE_MS ${ms} ${JSON.stringify(api?.timings() ?? {})}`);
    assert.ok(first.length > 0, 'no squiggle within 30 s');
    assert.ok(ms <= TARGET_MS, `first squiggle after ${ms} ms (target ≤ ${TARGET_MS} ms)`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
