// Smoke test for the test infrastructure itself: runs in the real extension host with the real `vscode` API.
// Workspace: test/vscode/fixtures/workspace (a temp copy when run by the drivers).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
// Bundled at build time: the suite also runs where there is no file system to read it from (the web worker host).
import pkg from '../../../package.json';

const FIXTURE = 'smoke.md';

suite('smoke: real VS Code extension host', () => {
  test('vscode.version is a semver string', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, `vscode.version = ${vscode.version}`);
    assert.ok(vscode.env.appName.length > 0, "vscode.env.appName is empty");
  });

  test('the extension under development is registered', () => {
    const id = `${pkg.publisher}.${pkg.name}`;
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `extension ${id} not found among ${vscode.extensions.all.length} extensions`);
  });

  test('a workspace fixture file can be opened and read', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder must be open');
    const uri = vscode.Uri.joinPath(folder.uri, FIXTURE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(doc.lineAt(0).text, '# Smoke fixture');
    // the document and the file on disk agree (read through the workspace file system)
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.strictEqual(doc.getText(), onDisk);
    assert.ok(doc.lineCount >= 3, `lineCount = ${doc.lineCount}`);
  });
});
