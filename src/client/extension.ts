/**
 * The VS Code client: finds the language server (dist/server.cjs), connects over IPC,
 * and adds what only the editor can do: commands, the status bar, workspace trust.
 * All reviewing happens in the server.
 */
import * as vscode from 'vscode'
import {LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'
import {
  REVIEW_DOCX_REQUEST,
  REVIEW_FILE_REQUEST,
  SOURCE,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  type InitializationOptions,
  type ReviewDocxResult,
  type ReviewFileResult,
  type StatusParams
} from '../server/protocol.js'

const CATEGORY_LABELS: Record<string, string> = {
  clinicalised: 'clinicalised',
  'expert-patient': 'expert/patient',
  'role-model': 'role model',
  deficit: 'deficit',
  labelling: 'labelling'
}

const LANGUAGE_GLOBS: Record<string, string[]> = {
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
  plaintext: ['txt', 'text']
}

let client: LanguageClient | undefined
let starting: Promise<void> | undefined
const statusByUri = new Map<string, StatusParams>()
let statusItem: vscode.StatusBarItem

function languages(): string[] {
  const list = vscode.workspace.getConfiguration('recoveryLint').get<string[]>('languages')
  return Array.isArray(list) && list.length > 0 ? list : ['markdown', 'plaintext']
}

function selector(): DocumentSelector {
  return languages().flatMap((language) => [
    {scheme: 'file', language},
    {scheme: 'untitled', language}
  ])
}

function matches(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && languages().includes(doc.languageId)
}

let watchers: vscode.FileSystemWatcher[] | undefined

/**
 * Config files, and rule packs (any YAML or JSON: the server re-reviews only for the
 * packs its configs name). Made once and kept across restarts of the client.
 */
function fileWatchers(context: vscode.ExtensionContext): vscode.FileSystemWatcher[] {
  if (!watchers) {
    watchers = [vscode.workspace.createFileSystemWatcher('**/.recoverylintrc.{json,yaml,yml}'), vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,json}')]
    context.subscriptions.push(...watchers)
  }
  return watchers
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.cjs')
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6010']}}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    synchronize: {fileEvents: fileWatchers(context)},
    initializationOptions: {trusted: vscode.workspace.isTrusted} satisfies InitializationOptions,
    diagnosticCollectionName: SOURCE
  }
  client = new LanguageClient('recoveryLint', 'Recovery Language Review', serverOptions, clientOptions)
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      if (params.state === 'closed') statusByUri.delete(params.uri)
      else statusByUri.set(params.uri, params)
      updateStatus()
    })
  )
  await client.start()
}

function ensureStarted(context: vscode.ExtensionContext): Promise<void> {
  starting ??= startClient(context).catch((error) => {
    starting = undefined
    void vscode.window.showErrorMessage(`Recovery Language Review could not start: ${(error as Error).message}`)
  })
  return starting
}

async function restart(context: vscode.ExtensionContext) {
  const old = client
  client = undefined
  starting = undefined
  statusByUri.clear()
  if (old) await old.stop().catch(() => {})
  await ensureStarted(context)
}

function updateStatus() {
  const editor = vscode.window.activeTextEditor
  const enabled = vscode.workspace.getConfiguration('recoveryLint', editor?.document.uri).get<boolean>('enable', true)
  if (!editor || !matches(editor.document)) {
    statusItem.hide()
    statusVisible = false
    return
  }
  const status = statusByUri.get(editor.document.uri.toString())
  statusItem.command = 'workbench.actions.view.problems'
  if (!enabled) {
    statusItem.text = '$(circle-slash) Recovery review off'
    statusItem.tooltip = 'Recovery Language Review is turned off (command: Recovery Language Review: Turn On/Off)'
  } else if (!status) {
    statusItem.text = '$(sync~spin) Recovery review'
    statusItem.tooltip = 'Reviewing…'
  } else if (status.state !== 'ok') {
    const word: Record<string, string> = {'too-large': 'too large', 'config-error': 'config error', excluded: 'excluded', disabled: 'off', error: 'error'}
    statusItem.text = `$(warning) Recovery review: ${word[status.state] ?? status.state}`
    statusItem.tooltip = status.detail ?? status.state
  } else {
    const parts = Object.entries(status.counts)
      .filter(([, n]) => n > 0)
      .map(([category, n]) => `${CATEGORY_LABELS[category] ?? category} ${n}`)
    const total = Object.values(status.counts).reduce((a, b) => a + b, 0)
    statusItem.text = total === 0 ? '$(check) Recovery language' : `$(book) ${parts.join(' · ')}`
    statusItem.tooltip = total === 0 ? 'Recovery Language Review: nothing to reconsider in this document' : `Recovery Language Review: ${total} to reconsider (${parts.join(', ')}). Click for the Problems panel.`
  }
  statusItem.show()
  statusVisible = true
}

async function reviewWorkspace(context: vscode.ExtensionContext) {
  await ensureStarted(context)
  if (!client) return
  const folders = vscode.workspace.workspaceFolders
  if (!folders || folders.length === 0) {
    void vscode.window.showInformationMessage('Recovery Language Review: open a folder to review its documents.')
    return
  }
  const exts = [...new Set(languages().flatMap((l) => LANGUAGE_GLOBS[l] ?? []))]
  if (exts.length === 0) {
    void vscode.window.showInformationMessage('Recovery Language Review: recoveryLint.languages names no file types to look for.')
    return
  }
  const exclude = vscode.workspace.getConfiguration('recoveryLint').get<string[]>('exclude') ?? []
  const excludeGlob = `{**/node_modules/**,**/.git/**${exclude.map((g) => ',' + g).join('')}}`
  const include = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`
  await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: 'Recovery Language Review: reviewing the workspace', cancellable: true},
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(include, excludeGlob, undefined, token)
      let done = 0
      let findings = 0
      let withFindings = 0
      for (const file of files) {
        if (token.isCancellationRequested) break
        progress.report({message: `${done + 1}/${files.length} ${vscode.workspace.asRelativePath(file)}`, increment: 100 / files.length})
        const result = (await client!.sendRequest(REVIEW_FILE_REQUEST, {uri: file.toString()}, token)) as ReviewFileResult
        findings += result.findings
        if (result.findings > 0) withFindings++
        done++
      }
      const what = `${findings} finding${findings === 1 ? '' : 's'} in ${withFindings} of ${done} file${done === 1 ? '' : 's'}`
      if (token.isCancellationRequested) void vscode.window.showInformationMessage(`Recovery Language Review: stopped after ${done} of ${files.length} files (${what}).`)
      else void vscode.window.showInformationMessage(`Recovery Language Review: ${what}. See the Problems panel.`)
      if (findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems')
    }
  )
}

/** Explorer › Review Word document: NAME.reviewed.docx beside it, findings in Problems by paragraph. */
async function reviewWordDocument(context: vscode.ExtensionContext, uri: vscode.Uri | undefined): Promise<ReviewDocxResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri
  if (!target || !/\.docx$/i.test(target.path)) {
    void vscode.window.showInformationMessage('Recovery Language Review: right-click a .docx file in the Explorer to review it.')
    return undefined
  }
  await ensureStarted(context)
  if (!client) return undefined
  const result = await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: `Recovery Language Review: reviewing ${vscode.workspace.asRelativePath(target)}`},
    () => client!.sendRequest(REVIEW_DOCX_REQUEST, {uri: target.toString()}) as Promise<ReviewDocxResult>
  )
  if (result.problem) void vscode.window.showErrorMessage(`Recovery Language Review: ${result.problem}`)
  else {
    const name = result.output ? vscode.workspace.asRelativePath(vscode.Uri.parse(result.output)) : ''
    void vscode.window.showInformationMessage(`Recovery Language Review: ${result.findings} finding${result.findings === 1 ? '' : 's'}; wrote ${name} with ${result.comments} comment${result.comments === 1 ? '' : 's'}.`)
    if (result.findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems')
  }
  return result
}

async function showRules(context: vscode.ExtensionContext) {
  const index = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', 'index.md')
  try {
    await vscode.workspace.fs.stat(index)
  } catch {
    void vscode.window.showWarningMessage('Recovery Language Review: the rule catalogue (docs/rules/index.md) is missing from this installation.')
    return
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', index)
  } catch {
    await vscode.window.showTextDocument(index)
  }
}

async function createConfig() {
  const folder =
    vscode.workspace.workspaceFolders?.length === 1
      ? vscode.workspace.workspaceFolders[0]
      : await vscode.window.showWorkspaceFolderPick({placeHolder: 'Where should the .recoverylintrc.json go?'})
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showInformationMessage('Recovery Language Review: open a folder first.')
    return
  }
  const target = vscode.Uri.joinPath(folder.uri, '.recoverylintrc.json')
  let exists = false
  try {
    await vscode.workspace.fs.stat(target)
    exists = true
  } catch {
    exists = false
  }
  if (!exists) {
    // $schema: the package's copy when recovery-lint is installed in the folder (CLI users);
    // otherwise none is needed, since the extension contributes the schema for every .recoverylintrc.json
    // (a URL nobody can reach would show a warning on line 1).
    const local = 'node_modules/recovery-lint/schemas/recoverylintrc.schema.json'
    let schema: string | undefined
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, local))
      schema = './' + local
    } catch {
      schema = undefined
    }
    const starter = {
      ...(schema ? {$schema: schema} : {}),
      root: true,
      profile: 'peer',
      categories: {clinicalised: 'warning', 'expert-patient': 'warning', 'role-model': 'warning', deficit: 'warning', labelling: 'warning'},
      rules: {},
      allow: [],
      ignore: ['node_modules/**']
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(starter, null, 2) + '\n'))
  }
  await vscode.window.showTextDocument(target)
}

async function toggle() {
  const config = vscode.workspace.getConfiguration('recoveryLint')
  const enabled = config.get<boolean>('enable', true)
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global
  await config.update('enable', !enabled, target)
  void vscode.window.setStatusBarMessage(`Recovery Language Review turned ${enabled ? 'off' : 'on'}`, 3000)
}

/** What the extension hands to other extensions and to its own tests: the status bar as shown. */
export interface RecoveryLintApi {
  status(): {text: string; tooltip: string; visible: boolean}
}

let statusVisible = false

export function activate(context: vscode.ExtensionContext): RecoveryLintApi {
  statusItem = vscode.window.createStatusBarItem('recoveryLint.status', vscode.StatusBarAlignment.Right, 100)
  statusItem.name = 'Recovery Language Review'
  context.subscriptions.push(
    statusItem,
    vscode.commands.registerCommand('recoveryLint.reviewWorkspace', () => reviewWorkspace(context)),
    vscode.commands.registerCommand('recoveryLint.showRules', () => showRules(context)),
    vscode.commands.registerCommand('recoveryLint.createConfig', () => createConfig()),
    vscode.commands.registerCommand('recoveryLint.toggle', () => toggle()),
    vscode.commands.registerCommand('recoveryLint.reviewWordDocument', (uri?: vscode.Uri) => reviewWordDocument(context, uri)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TRUST_NOTIFICATION, {})
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('recoveryLint.languages')) void restart(context)
      else if (e.affectsConfiguration('recoveryLint')) updateStatus()
    }),
    // Start the server only once a document it reviews is open (or a command asks).
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (matches(doc)) void ensureStarted(context)
    })
  )
  if (vscode.workspace.textDocuments.some(matches)) void ensureStarted(context)
  updateStatus()
  return {status: () => ({text: statusItem.text, tooltip: typeof statusItem.tooltip === 'string' ? statusItem.tooltip : (statusItem.tooltip?.value ?? ''), visible: statusVisible})}
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop()
}
