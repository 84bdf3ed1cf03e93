/**
 * The VS Code client: starts the language server (dist/server.cjs: a Node process
 * on the desktop, a worker in the browser; see language-client.ts) and adds what
 * only the editor can do: commands, the status bar, workspace trust. All reviewing
 * happens in the server. This bundle is both `main` and `browser`: import nothing
 * here that needs Node (language-client.ts requires each host's client lazily).
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient, DocumentSelector, LanguageClientOptions} from 'vscode-languageclient'
import {extensionsOfLanguages} from '../core/formats.js'
import {
  CREATE_CONFIG_COMMAND,
  REVIEW_DOCX_REQUEST,
  REVIEW_FILE_REQUEST,
  RULE_PAGE_SCHEME,
  SOURCE,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  type CreateConfigResult,
  type InitializationOptions,
  type RecoveryLintInitializeResult,
  type ReviewDocxResult,
  type ReviewFileResult,
  type StatusParams
} from '../server/protocol.js'
import {DEFAULT_SETTINGS, SETTINGS_SECTION} from '../server/settings-schema.js'
import {serveFiles} from './editor-files.js'
import {createLanguageClient, documentSchemes, onNode, stopLanguageClient, WORD_CONTEXT} from './language-client.js'

/** Category titles as the server's rule packs give them. */
function categoryTitle(id: string): string {
  const categories = (client?.initializeResult as Partial<RecoveryLintInitializeResult> | undefined)?.categories
  return categories?.find((c) => c.id === id)?.title ?? id
}

let client: BaseLanguageClient | undefined
let starting: Promise<void> | undefined
const statusByUri = new Map<string, StatusParams>()
let statusItem: vscode.StatusBarItem

function languages(): string[] {
  const list = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('languages')
  return Array.isArray(list) && list.length > 0 ? list : DEFAULT_SETTINGS.languages
}

function selector(): DocumentSelector {
  return languages().flatMap((language) => documentSchemes().map((scheme) => ({scheme, language})))
}

function matches(doc: vscode.TextDocument): boolean {
  return documentSchemes().includes(doc.uri.scheme) && languages().includes(doc.languageId)
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    synchronize: {fileEvents: fileWatchers(context)},
    initializationOptions: {trusted: vscode.workspace.isTrusted, rulePageBase: `${RULE_PAGE_SCHEME}:/`} satisfies InitializationOptions,
    diagnosticCollectionName: SOURCE
  }
  client = await createLanguageClient(context, clientOptions)
  context.subscriptions.push(
    ...serveFiles(client),
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
  if (old) await stopLanguageClient(old).catch(() => {})
  await ensureStarted(context)
}

function updateStatus() {
  const editor = vscode.window.activeTextEditor
  const enabled = vscode.workspace.getConfiguration(SETTINGS_SECTION, editor?.document.uri).get<boolean>('enable', true)
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
  } else if (!status || status.state === 'reviewing') {
    statusItem.text = '$(sync~spin) Recovery review'
    statusItem.tooltip = 'Reviewing…'
  } else if (status.state !== 'ok') {
    const word: Record<string, string> = {'too-large': 'too large', 'config-error': 'config error', excluded: 'excluded', disabled: 'off', error: 'error'}
    statusItem.text = `$(warning) Recovery review: ${word[status.state] ?? status.state}`
    statusItem.tooltip = status.detail ?? status.state
  } else {
    const parts = Object.entries(status.counts)
      .filter(([, n]) => n > 0)
      .map(([category, n]) => `${categoryTitle(category)} ${n}`)
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
  const exts = [...new Set(extensionsOfLanguages(languages()))]
  if (exts.length === 0) {
    void vscode.window.showInformationMessage('Recovery Language Review: recoveryLint.languages names no file types to look for.')
    return
  }
  const exclude = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('exclude') ?? []
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

/**
 * The rule pages, shipped as one file (dist/rule-pages.json, built from docs/rules)
 * and shown as read-only documents of their own scheme: never saved, never reviewed
 * (the review's document selector takes file and untitled documents only).
 */
class RulePages implements vscode.TextDocumentContentProvider {
  private pages: Promise<Record<string, string>> | undefined

  constructor(private readonly context: vscode.ExtensionContext) {}

  private load(): Promise<Record<string, string>> {
    this.pages ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'rule-pages.json'))).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>,
      () => ({})
    )
    return this.pages
  }

  async has(name: string): Promise<boolean> {
    return (await this.load())[name] !== undefined
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const name = uri.path.replace(/^\/+/, '').replace(/\.md$/, '')
    return (await this.load())[name] ?? `# Not found\n\nRecovery Language Review has no page called \`${name}\`. See [the rule catalogue](index.md).\n`
  }
}

let rulePages: RulePages

async function showRules() {
  if (!(await rulePages.has('index'))) {
    void vscode.window.showWarningMessage('Recovery Language Review: the rule catalogue (dist/rule-pages.json) is missing from this installation.')
    return
  }
  const index = vscode.Uri.parse(`${RULE_PAGE_SCHEME}:/index.md`)
  try {
    await vscode.commands.executeCommand('markdown.showPreview', index)
  } catch {
    await vscode.window.showTextDocument(index)
  }
}

/** The server writes the starter configuration (the same one as `recovery-lint --init`); the editor opens it. */
async function createConfig(context: vscode.ExtensionContext) {
  const folder =
    vscode.workspace.workspaceFolders?.length === 1
      ? vscode.workspace.workspaceFolders[0]
      : await vscode.window.showWorkspaceFolderPick({placeHolder: 'Where should the .recoverylintrc.json go?'})
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showInformationMessage('Recovery Language Review: open a folder first.')
    return
  }
  await ensureStarted(context)
  if (!client) return
  const result = (await client.sendRequest('workspace/executeCommand', {command: CREATE_CONFIG_COMMAND, arguments: [folder.uri.toString()]})) as CreateConfigResult | null
  if (result) await vscode.window.showTextDocument(vscode.Uri.parse(result.uri))
}

async function toggle() {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION)
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
    vscode.workspace.registerTextDocumentContentProvider(RULE_PAGE_SCHEME, (rulePages = new RulePages(context))),
    vscode.commands.registerCommand('recoveryLint.showRules', () => showRules()),
    vscode.commands.registerCommand('recoveryLint.createConfig', () => createConfig(context)),
    vscode.commands.registerCommand('recoveryLint.toggle', () => toggle()),
    vscode.commands.registerCommand('recoveryLint.reviewWordDocument', (uri?: vscode.Uri) => reviewWordDocument(context, uri)),
    vscode.window.onDidChangeActiveTextEditor(() => updateStatus()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TRUST_NOTIFICATION, {})
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) void restart(context)
      else if (e.affectsConfiguration(SETTINGS_SECTION)) updateStatus()
    }),
    // Start the server only once a document it reviews is open (or a command asks).
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (matches(doc)) void ensureStarted(context)
    })
  )
  if (vscode.workspace.textDocuments.some(matches)) void ensureStarted(context)
  void vscode.commands.executeCommand('setContext', WORD_CONTEXT, onNode)
  updateStatus()
  return {status: () => ({text: statusItem.text, tooltip: typeof statusItem.tooltip === 'string' ? statusItem.tooltip : (statusItem.tooltip?.value ?? ''), visible: statusVisible})}
}

export function deactivate(): Thenable<void> | undefined {
  return client && stopLanguageClient(client)
}
