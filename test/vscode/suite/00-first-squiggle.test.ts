// Runs first (files load in name order): the time from a document being shown to its first squiggle on the
// extension's first start in this window, as the writer meets it. The extension may already be active (the
// workspace has a .recoverylintrc.json, an activation event); the language server starts at activation.
// A reload is measured by the UI end-to-end test (test/vscode/e2e-ui.mjs), which can reload the window.
// The target is the desktop's (the Node extension host): the web worker hosts skip it.
import * as assert from 'node:assert';
import type * as OS from 'node:os';
import * as vscode from 'vscode';

// Node's, so only in the Node host's build (the web build has no `node:os`, and this branch is dropped from it).
const os: typeof OS | undefined = RECOVERY_LINT_TEST_HOST === 'node' ? require('node:os') : undefined;

/** The target (issue 13). */
const TARGET_MS = 1000;

/**
 * The target holds on a machine that is not oversubscribed; on a busy one every process's wall clock
 * stretches with the run queue, so the bound is the target × (load average ÷ cores) when that is over 1.
 */
function bound(os: typeof OS): {ms: number; note: string} {
  const cores = os.cpus().length || 1;
  const load = os.loadavg()[0];
  const factor = Math.max(1, load / cores);
  return {ms: Math.round(TARGET_MS * factor), note: factor > 1 ? `; load average ${load.toFixed(1)} on ${cores} cores, so ≤ ${Math.round(TARGET_MS * factor)} ms here` : ''};
}

suite('first squiggle', function () {
  this.timeout(60000);

  test(`a document's first squiggle comes within ${TARGET_MS} ms of it being opened and shown (on a machine that is not oversubscribed)`, async function () {
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
    const limit = bound(os);
    console.log(`FIRST_SQUIGGLE ${JSON.stringify({afterShownMs: Date.now() - shown, afterOpenMs: ms, loadAverage: os.loadavg()[0], extension: api?.timings() ?? {}})}`);
    assert.ok(first.length > 0, 'no squiggle within 30 s');
    assert.ok(ms <= limit.ms, `first squiggle ${ms} ms after the document was opened (target ≤ ${TARGET_MS} ms after it is shown${limit.note})`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
