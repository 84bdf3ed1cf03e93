// The extension inside a real VS Code extension host (code-server; or desktop VS Code via run-electron.mjs).
// Workspace: test/vscode/workspace (a temp copy). team/ uses a test rule pack so the assertions do not depend
// on the built-in packs; policy.md uses the built-in rules.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {zipSync} from 'fflate';

const SOURCE = 'recovery-lint';
const FIX_ALL = 'source.fixAll.recoveryLint';
const EXTENSION_ID = 'recovery-lint.recovery-lint';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder must be open');
  return f.uri;
}
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined | false;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const codes = (uri: vscode.Uri) => ours(uri).map(codeOf);

/** Waits until the diagnostics' codes equal `expected` (in order). */
async function expectCodes(uri: vscode.Uri, expected: Array<string | number>, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  await waitFor(`${what}: ${JSON.stringify(expected)} on ${uri.path}`, () => JSON.stringify(codes(uri)) === JSON.stringify(expected));
  return ours(uri);
}

async function writeText(uri: vscode.Uri, text: string) {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Every file under a folder, as paths relative to it. */
async function listFiles(dir: vscode.Uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (type === vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(dir, name), `${prefix}${name}/`)));
    else out.push(prefix + name);
  }
  return out;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A fresh file in the workspace copy, opened in an editor. */
async function openFresh(rel: string[], text: string): Promise<vscode.TextEditor> {
  const uri = file(...rel);
  await writeText(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Code actions at a range; retried, since markers reach the renderer asynchronously. */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string, want = (a: vscode.CodeAction[]) => a.length > 0): Promise<vscode.CodeAction[]> {
  return waitFor(`code actions at ${uri.path}:${range.start.line}`, async () => {
    const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    const mine = all.filter(a => a.edit || a.command?.command?.startsWith('recoveryLint'));
    return want(mine) && mine;
  });
}

/** The tab showing a catalogue page in the extension's read-only view. */
function pageTab(page: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap(g => g.tabs)
    .find(t => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'recoveryLint.rulePage' && t.input.uri.path === `/${page}`);
}

async function apply(action: vscode.CodeAction) {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for ${action.title}`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Close every editor without a save dialog: the test edits are thrown away. */
async function closeAll() {
  for (let i = 0; i < 30 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('recovery-lint extension', function () {
  this.timeout(60000);

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await ext.activate();
  });

  teardown(closeAll);

  test('untrusted workspace: rule files from the workspace are not loaded, built-in rules still run', async function () {
    // Runs only in the pass with Workspace Trust on (scripts/vscode-tests.mjs: --workspace-trust --grep untrusted).
    if (vscode.workspace.isTrusted) this.skip();
    const uri = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const policy = file('policy.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    await waitFor('built-in findings on policy.md', () => ours(policy).some(d => codeOf(d) === 'symptom-free'));
    assert.deepStrictEqual(codes(uri), [], 'team.yml (a workspace rule file) must not load');
  });

  test('diagnostics: right ranges, codes, source and severity on a Markdown document', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const uri = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case']);
    const [gloomy, sad] = diags;
    assert.deepStrictEqual([gloomy.range.start.line, gloomy.range.start.character, gloomy.range.end.line, gloomy.range.end.character], [5, 10, 5, 24]);
    assert.deepStrictEqual([sad.range.start.line, sad.range.start.character, sad.range.end.character], [6, 8, 18]);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.getText(gloomy.range), 'gloomy outlook');
    assert.strictEqual(doc.getText(sad.range), 'a sad case');
    assert.strictEqual(gloomy.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(sad.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(gloomy.message, '“gloomy outlook” is a test rule.');
  });

  test('status bar: counts per category for the active document, a tick when clean, hidden for other files', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = vscode.extensions.getExtension<{status(): {text: string; tooltip: string; visible: boolean}}>(EXTENSION_ID)?.exports;
    assert.ok(api && typeof api.status === 'function', 'activate returns the status API');
    const uri = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case']);
    // Compact: the count; the categories (both team rules are deficit framing) in the tooltip.
    const shown = await waitFor('status with counts', () => api.status().text === '◉ 2' && api.status());
    assert.strictEqual(shown.visible, true);
    assert.match(shown.tooltip, /2 to reconsider in this document/);
    assert.match(shown.tooltip, /- Deficit framing: 2/);
    // The long form, by setting.
    const config = vscode.workspace.getConfiguration('recoveryLint');
    await config.update('statusBar', 'long', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the long form', () => api.status().text === '◉ Recovery language: Deficit framing 2');
    } finally {
      await config.update('statusBar', undefined, vscode.ConfigurationTarget.Global);
    }
    await openFresh(['team', 'clean.md'], 'We walk and talk together.\n');
    await waitFor('zero for a clean document', () => api.status().text === '◉ 0' && /nothing to reconsider/.test(api.status().tooltip));
    await openFresh(['team', 'data.json'], '{"a": 1}\n');
    await waitFor('hidden for a JSON file', () => !api.status().visible);
  });

  test('the catalogue is a reading place: Problems links and page links open the read-only view, and nothing there is reviewed', async () => {
    const uri = file('policy.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await waitFor('symptom-free on policy.md', () => ours(uri).some(d => codeOf(d) === 'symptom-free') && ours(uri));
    const d = diags.find(x => codeOf(x) === 'symptom-free')!;
    assert.strictEqual(d.range.start.line, 4);
    assert.ok(typeof d.code === 'object', 'the code carries a link');
    const target = (d.code as {target: vscode.Uri}).target;
    assert.strictEqual(target.toString(), 'recovery-lint-rule:/symptom-free');
    // The catalogue, then two links: the one in Problems (opened as the Problems panel opens it) and one between pages.
    await vscode.commands.executeCommand('recoveryLint.showRules');
    await waitFor('the catalogue in its view', () => pageTab('catalogue'));
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor('the rule page from the Problems link', () => pageTab('symptom-free'));
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse('recovery-lint-rule:/role-model#why'));
    await waitFor('a page linked from another', () => pageTab('role-model'));
    await new Promise(r => setTimeout(r, 1500));
    // No page became a text document, and nothing from the pages or the extension's own files is in Problems.
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter(t => t.uri.scheme === 'recovery-lint-rule').map(t => t.uri.toString()), []);
    const own = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.path;
    const polluted = vscode.languages.getDiagnostics().filter(([u, ds]) => ds.length > 0 && (u.scheme === 'recovery-lint-rule' || u.path.startsWith(own + '/')));
    assert.deepStrictEqual(polluted.map(([u]) => u.toString()), []);
  });

  test('kept findings (shown at once after a reload) hold only for the same text, settings and configuration files', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const api = vscode.extensions.getExtension<{kept(doc: vscode.TextDocument): Promise<number | undefined>}>(EXTENSION_ID)!.exports;
    const config = vscode.workspace.getConfiguration('recoveryLint');
    const keptIs = (what: string, want: number | undefined) => waitFor(what, async () => ((await api.kept(doc)) === want ? 'yes' : false));
    // Reviewed on save only, so an edit is not reviewed: what is kept then was made for another text.
    await config.update('run', 'onSave', vscode.ConfigurationTarget.Global);
    const editor = await openFresh(['kept', 'role.md'], 'Our peer workers act as role models for the people who use the service.\n');
    const doc = editor.document;
    try {
      await waitFor('findings on kept/role.md', () => ours(doc.uri).length > 0);
      const n = ours(doc.uri).length;
      await keptIs('the findings kept for a reload', n);
      await editor.edit(e => e.insert(new vscode.Position(0, 0), 'Draft. '));
      await keptIs('nothing kept for an edited text', undefined);
      await vscode.commands.executeCommand('undo');
      await keptIs('kept again for the same text', n);
      // A configuration file the server would read (it walks up to the root), where its file watcher does not look:
      // the findings may differ, so none are shown.
      const parent = vscode.Uri.joinPath(folder(), '..');
      const above = vscode.Uri.joinPath(parent, '.recoverylintrc.json');
      // (Not where the workspace is the root of a virtual file system, as in VS Code for the Web.)
      if (parent.path !== folder().path) {
        await writeText(above, '{}\n');
        try {
          await keptIs('nothing kept under a configuration file added since', undefined);
        } finally {
          await vscode.workspace.fs.delete(above);
        }
        await keptIs('kept again without it', n);
      }
    } finally {
      await config.update('run', undefined, vscode.ConfigurationTarget.Global);
    }
    // A configuration that names rule files: the findings depend on files the client does not read, so nothing is kept.
    const team = await vscode.workspace.openTextDocument(file('team', 'notes.md'));
    await vscode.window.showTextDocument(team);
    await expectCodes(team.uri, ['team-gloomy-outlook', 'team-sad-case']);
    await new Promise(r => setTimeout(r, 1500));
    assert.strictEqual(await api.kept(team), undefined);
  });

  test('the extension never reviews its own files', async function () {
    // docs/rules/role-model.md quotes the wording it explains; it sits in the extension's folder.
    const page = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs', 'rules', 'role-model.md');
    if (!(await exists(page))) this.skip();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    // A document of the workspace opened after it is reviewed, so the extension had its chance.
    const uri = file('policy.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('policy.md reviewed', () => ours(uri).length > 0);
    assert.deepStrictEqual(ours(page).map(codeOf), []);
  });

  test('typing: an unsaved edit is reviewed (debounced), untitled documents too', async () => {
    const editor = await openFresh(['team', 'typing.md'], 'Nothing here.\n');
    const uri = editor.document.uri;
    await expectCodes(uri, []);
    await editor.edit(b => b.insert(new vscode.Position(1, 0), 'Now a gloomy outlook.\n'));
    const [d] = await expectCodes(uri, ['team-gloomy-outlook']);
    assert.strictEqual(d.range.start.line, 1);
    assert.ok(editor.document.isDirty, 'the edit is unsaved');
    const untitled = await vscode.workspace.openTextDocument({language: 'markdown', content: 'Our peer workers act as role models.\n'});
    await vscode.window.showTextDocument(untitled);
    await waitFor('a finding on the untitled document', () => ours(untitled.uri).length > 0);
  });

  test('hover: short, the message once, the best alternative first and marked safe, the reason, category and rule once, links', async () => {
    const uri = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case']);
    const hovers = await waitFor('hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(5, 14));
      return h && h.length > 0 && h;
    });
    const contents = hovers.flatMap(h => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && /team-gloomy-outlook/.test(c.value));
    assert.strictEqual(contents.length, 1);
    const text = contents[0].value;
    assert.ok(text.split('\n').length <= 15, text);
    // The message once: VS Code shows the diagnostic's, right above this part.
    assert.doesNotMatch(text, /is a test rule/);
    assert.ok(text.startsWith('**Try:**'), text);
    assert.match(text, /\*\*Try:\*\* hopeful outlook — ✓ \*safe to apply\*/);
    assert.match(text, /\*\*Or:\*\* an open outlook/);
    assert.match(text, /Test rationale sentence/);
    // An organisation's own rule has its page too, by links a hover renders (command links: a
    // recovery-lint-rule: link would be inert text there).
    const link = (args: unknown[]) => `command:recoveryLint.showRulePage?${encodeURIComponent(JSON.stringify(args))}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(text, new RegExp(`Deficit framing · \`team-gloomy-outlook\` · \\[Why\\]\\(${link(['team-gloomy-outlook', 'why'])}\\) · \\[Rule page\\]\\(${link(['team-gloomy-outlook'])}\\) · \\[Silence…\\]\\(command:recoveryLint\\.silence\\?`));
    // The only commands the hover may run: the silence quick pick and the rule pages.
    const trusted = contents[0].isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.join() === 'recoveryLint.silence,recoveryLint.showRulePage', JSON.stringify(trusted));
    // "Rule page" leads to the reading view.
    await vscode.commands.executeCommand('recoveryLint.showRulePage', 'team-gloomy-outlook', 'why');
    await waitFor('the page from the hover link', () => pageTab('team-gloomy-outlook'));
    await closeAll();
  });

  test('quick fix: each alternative replaces the finding', async () => {
    const editor = await openFresh(['team', 'replace.md'], 'We keep a gloomy outlook on the week.\n');
    const uri = editor.document.uri;
    const [d] = await expectCodes(uri, ['team-gloomy-outlook']);
    const actions = await actionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map(a => a.title);
    for (const t of ['Replace with “hopeful outlook”', 'Replace “a gloomy outlook” with “an open outlook”', 'Disable rule team-gloomy-outlook for this line', 'Disable rule team-gloomy-outlook in this file', 'Allow “gloomy outlook” in this workspace']) {
      assert.ok(titles.includes(t), `missing action "${t}" in ${JSON.stringify(titles)}`);
    }
    // The second alternative needs "an": its quick fix takes in the article.
    await apply(actions.find(a => a.title === 'Replace “a gloomy outlook” with “an open outlook”')!);
    assert.strictEqual(editor.document.getText(), 'We keep an open outlook on the week.\n');
    await expectCodes(uri, []);
  });

  test('quick fix: disable for this line inside a list item ends the line with disable-line (the list stays whole), and silences it', async () => {
    const editor = await openFresh(['team', 'line.md'], '- item\n  He is a sad case.\n  Another sad case.\n');
    const uri = editor.document.uri;
    const [first] = await expectCodes(uri, ['team-sad-case', 'team-sad-case']);
    const actions = await actionsAt(uri, first.range, vscode.CodeActionKind.QuickFix.value);
    await apply(actions.find(a => a.title === 'Disable rule team-sad-case for this line')!);
    assert.strictEqual(editor.document.getText(), '- item\n  He is a sad case. <!-- recovery-lint-disable-line team-sad-case -->\n  Another sad case.\n');
    const [left] = await expectCodes(uri, ['team-sad-case']);
    assert.strictEqual(left.range.start.line, 2);
  });

  test('quick fix: disable in this file inserts after the front matter', async () => {
    const editor = await openFresh(['team', 'file.md'], '---\ntitle: x\n---\nA gloomy outlook.\n\nAnother gloomy outlook.\nA sad case.\n');
    const uri = editor.document.uri;
    const [first] = await expectCodes(uri, ['team-gloomy-outlook', 'team-gloomy-outlook', 'team-sad-case']);
    const actions = await actionsAt(uri, first.range, vscode.CodeActionKind.QuickFix.value);
    await apply(actions.find(a => a.title === 'Disable rule team-gloomy-outlook in this file')!);
    assert.strictEqual(editor.document.getText().split('\n')[3], '<!-- recovery-lint-disable team-gloomy-outlook -->');
    assert.strictEqual(editor.document.getText().split('\n')[0], '---');
    await expectCodes(uri, ['team-sad-case']);
  });

  test('a directive in the document silences a finding', async () => {
    const uri = file('team', 'directives.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [d] = await expectCodes(uri, ['team-gloomy-outlook']);
    assert.strictEqual(d.range.start.line, 4, 'only the line without a directive above it');
  });

  test('fix-all: source.fixAll.recoveryLint applies each safe finding’s first alternative', async () => {
    const editor = await openFresh(['team', 'fixall.md'], 'A gloomy outlook.\nHe is a sad case.\nAnother gloomy outlook here.\n');
    const uri = editor.document.uri;
    await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case', 'team-gloomy-outlook']);
    // Where the writer looks for it: the quick-fix menu of a finding.
    const menu = await actionsAt(uri, new vscode.Range(1, 6, 1, 16), vscode.CodeActionKind.QuickFix.value, a => a.some(x => x.title.startsWith('Fix all')));
    assert.ok(menu.some(a => a.title === 'Fix all safe findings in this document (2)'), JSON.stringify(menu.map(a => a.title)));
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const [fixAll] = await actionsAt(uri, whole, FIX_ALL);
    assert.strictEqual(fixAll.kind?.value, FIX_ALL);
    await apply(fixAll);
    assert.strictEqual(editor.document.getText(), 'A hopeful outlook.\nHe is a sad case.\nAnother hopeful outlook here.\n');
    await expectCodes(uri, ['team-sad-case']);
  });

  test('repeated wording: linked in Problems, and one quick fix replaces every use with the form its sentence needs', async () => {
    const editor = await openFresh(['team', 'repeat.md'], 'We keep a gloomy outlook.\n\nGloomy outlook is common.\n\nSuch a gloomy outlook.\n');
    const uri = editor.document.uri;
    const diags = await expectCodes(uri, ['team-gloomy-outlook', 'team-gloomy-outlook', 'team-gloomy-outlook']);
    assert.deepStrictEqual(diags[0].relatedInformation?.map(r => r.location.range.start.line), [2, 4]);
    assert.deepStrictEqual(diags[2].relatedInformation?.map(r => r.location.range.start.line), [0]);
    const actions = await actionsAt(uri, diags[0].range, vscode.CodeActionKind.QuickFix.value, a => a.some(x => x.title.startsWith('Replace all')));
    await apply(actions.find(a => a.title === 'Replace all 3 in this document with “hopeful outlook”')!);
    assert.strictEqual(editor.document.getText(), 'We keep a hopeful outlook.\n\nHopeful outlook is common.\n\nSuch a hopeful outlook.\n');
    await expectCodes(uri, []);
  });

  test('fix-all on save through editor.codeActionsOnSave', async () => {
    const config = vscode.workspace.getConfiguration('editor', {languageId: 'markdown'});
    // User settings (a throw-away profile in every driver): test-web's virtual folder cannot hold .vscode/settings.json.
    const target = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'vscode-test-web' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
    await config.update('codeActionsOnSave', {[FIX_ALL]: 'explicit'}, target, true);
    try {
      const editor = await openFresh(['team', 'onsave.md'], 'Start.\n');
      await editor.edit(b => b.insert(new vscode.Position(1, 0), 'A gloomy outlook.\n'));
      await expectCodes(editor.document.uri, ['team-gloomy-outlook']);
      await editor.document.save();
      await waitFor('the text fixed on save', () => editor.document.getText() === 'Start.\nA hopeful outlook.\n');
    } finally {
      await config.update('codeActionsOnSave', undefined, target, true);
    }
  });

  test('editing team/.recoverylintrc.json re-reviews open documents', async () => {
    const uri = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case']);
    const configUri = file('team', '.recoverylintrc.json');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
    const edited = {...JSON.parse(original), rules: {'team-sad-case': 'off'}};
    try {
      // Edit it as a user would: in an editor, then save.
      const configEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(configUri));
      await configEditor.edit(b => b.replace(new vscode.Range(0, 0, configEditor.document.lineCount, 0), JSON.stringify(edited, null, 2) + '\n'));
      await configEditor.document.save();
      await expectCodes(uri, ['team-gloomy-outlook'], 'after the config edit');
      // An invalid value: one error at line 1 naming the file and the key.
      await writeText(configUri, JSON.stringify({...edited, profile: 'nonsense'}));
      const [err] = await expectCodes(uri, ['invalid-config'], 'after an invalid config');
      assert.strictEqual(err.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(err.range.start.line, 0);
      assert.match(err.message, /\.recoverylintrc\.json/);
      assert.match(err.message, /profile/);
    } finally {
      await writeText(configUri, original);
    }
    await expectCodes(uri, ['team-gloomy-outlook', 'team-sad-case'], 'after restoring the config');
  });

  test('allow phrase writes .recoverylintrc.json at the workspace root (not settings.json) and re-reviews', async () => {
    const editor = await openFresh(['allow.md'], 'The aim is that every member leaves symptom-free.\n');
    const uri = editor.document.uri;
    const d = await waitFor('symptom-free', () => ours(uri).find(x => codeOf(x) === 'symptom-free'));
    const rc = file('.recoverylintrc.json');
    assert.ok(!(await exists(rc)), 'no root config to start with');
    try {
      const actions = await actionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const allow = actions.find(a => a.title.startsWith('Allow “symptom-free”'));
      assert.ok(allow, `no allow action in ${JSON.stringify(actions.map(a => a.title))}`);
      await apply(allow);
      await waitFor('the config file', () => exists(rc));
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(rc)));
      assert.deepStrictEqual(written.allow, ['symptom-free']);
      await waitFor('symptom-free allowed', () => !ours(uri).some(x => codeOf(x) === 'symptom-free'));
      assert.ok(!(await exists(file('.vscode', 'settings.json'))) || !new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.vscode', 'settings.json'))).includes('symptom-free'));
    } finally {
      if (await exists(rc)) await vscode.workspace.fs.delete(rc);
    }
  });

  test('commands: review workspace puts unopened files into Problems; create config; toggle', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['recoveryLint.reviewWorkspace', 'recoveryLint.showRules', 'recoveryLint.createConfig', 'recoveryLint.toggle']) assert.ok(all.includes(c), `${c} registered`);

    await vscode.commands.executeCommand('recoveryLint.showRules');
    await waitFor('the rule catalogue in its view', () => pageTab('catalogue'));
    await closeAll();

    const unopened = file('team', 'unopened.md');
    assert.strictEqual(codes(unopened).length, 0);
    await vscode.commands.executeCommand('recoveryLint.reviewWorkspace');
    const [d] = await expectCodes(unopened, ['team-gloomy-outlook'], 'workspace review');
    assert.strictEqual(d.range.start.line, 0);

    const rc = file('.recoverylintrc.json');
    if (await exists(rc)) await vscode.workspace.fs.delete(rc);
    // The starter configuration changes no finding: the sample policy's diagnostics are the same before and after.
    const policy = file('policy.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(policy));
    const brief = (ds: vscode.Diagnostic[]) => ds.map(x => `${x.range.start.line}:${x.range.start.character} ${codeOf(x)} ${x.severity}`).sort();
    /** The diagnostics once they have not changed for a second (earlier tests' config changes settle first). */
    const settled = async () => {
      let last = '';
      let since = Date.now();
      return waitFor('settled diagnostics', () => {
        const now = JSON.stringify(brief(ours(policy)));
        if (now !== last) [last, since] = [now, Date.now()];
        return ours(policy).length > 0 && Date.now() - since > 1000 && brief(ours(policy));
      });
    };
    const before = await settled();
    await vscode.commands.executeCommand('recoveryLint.createConfig');
    await waitFor('created config', () => exists(rc));
    const starter = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(rc)));
    assert.strictEqual(starter.profile, 'peer');
    assert.deepStrictEqual([starter.rules, starter.categories, starter.allow], [{}, {}, []]);
    await new Promise(r => setTimeout(r, 1000)); // the watcher's re-review
    assert.deepStrictEqual(await settled(), before);
    await closeAll();
    await vscode.workspace.fs.delete(rc);

    // Off means off: every finding this extension published goes (the open document's and the workspace review's),
    // and no file is written into the writer's folder.
    const notes = file('team', 'notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await expectCodes(notes, ['team-gloomy-outlook', 'team-sad-case']);
    assert.ok(codes(unopened).length > 0, 'the workspace review is still in Problems');
    const listing = async () => (await listFiles(folder())).sort();
    const filesBefore = await listing();
    const api = vscode.extensions.getExtension<{status(): {text: string}}>(EXTENSION_ID)!.exports;
    await vscode.commands.executeCommand('recoveryLint.toggle');
    try {
      await waitFor('no diagnostics from the extension anywhere', () => vscode.languages.getDiagnostics().every(([, ds]) => ds.every(x => x.source !== SOURCE)));
      await waitFor('the status bar says off', () => api.status().text === '◉ off');
      // Still off after an edit, a new document and a configuration change.
      const typed = await openFresh(['team', 'while-off.md'], 'A gloomy outlook.\n');
      await typed.edit(b => b.insert(new vscode.Position(1, 0), 'He is a sad case.\n'));
      await new Promise(r => setTimeout(r, 1500));
      assert.deepStrictEqual(vscode.languages.getDiagnostics().filter(([, ds]) => ds.some(x => x.source === SOURCE)).map(([u]) => u.toString()), []);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(file('team', 'while-off.md'));
      assert.deepStrictEqual(await listing(), filesBefore, 'no file written by turning the review off');
      const settingsJson = file('.vscode', 'settings.json');
      if (await exists(settingsJson)) assert.doesNotMatch(new TextDecoder().decode(await vscode.workspace.fs.readFile(settingsJson)), /recoveryLint/);
    } finally {
      await vscode.commands.executeCommand('recoveryLint.toggle');
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await expectCodes(notes, ['team-gloomy-outlook', 'team-sad-case'], 'after turning on');
    await expectCodes(unopened, ['team-gloomy-outlook'], 'the workspace review back after turning on');
    assert.deepStrictEqual(await listing(), filesBefore, 'no file written by turning the review on');
  });
  test('Explorer › Review Word Document writes NAME.reviewed.docx beside it and reports by paragraph', async () => {
    if (RECOVERY_LINT_TEST_HOST === 'web') {
      // No Node in the web worker host: the menu is hidden there (package.json `when`), and the command says why.
      const docx = file('team', 'web.docx');
      await vscode.workspace.fs.writeFile(docx, zipSync({'word/document.xml': new TextEncoder().encode('<w:document/>')}));
      const result = (await vscode.commands.executeCommand('recoveryLint.reviewWordDocument', docx)) as {findings: number; problem?: string};
      assert.strictEqual(result.findings, 0);
      assert.match(result.problem ?? '', /desktop/);
      assert.ok(!(await exists(file('team', 'web.reviewed.docx'))));
      return;
    }
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = (s: string) => new TextEncoder().encode(s);
    const bytes = zipSync({
      '[Content_Types].xml': xml('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': xml('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': xml(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Notes</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">We keep a gloomy outlook on the week.</w:t></w:r></w:p></w:body></w:document>`)
    });
    const docx = file('team', 'word.docx');
    await vscode.workspace.fs.writeFile(docx, bytes);
    const result = (await vscode.commands.executeCommand('recoveryLint.reviewWordDocument', docx)) as {findings: number; comments: number; output?: string; problem?: string};
    assert.strictEqual(result.problem, undefined);
    assert.strictEqual(result.findings, 1);
    assert.strictEqual(result.comments, 1);
    const copy = await vscode.workspace.fs.readFile(file('team', 'word.reviewed.docx'));
    assert.ok(copy.length > bytes.length);
    const diags = await expectCodes(docx, ['team-gloomy-outlook'], 'Word findings');
    assert.strictEqual(diags[0].range.start.line, 1);
    assert.match(diags[0].message, /^body ¶2: /);
    assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(docx))], [...bytes]);
  });
});
