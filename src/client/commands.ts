/**
 * The extension's commands, each a few calls to the server: review the workspace,
 * review a Word document, create a configuration file, fix all safe findings of a
 * document, and silence one finding (the hover's "Silence…").
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient} from 'vscode-languageclient'
import {extensionsOfLanguages} from '../core/formats.js'
import {
  CREATE_CONFIG_COMMAND,
  FIX_ALL_COMMAND,
  REVIEW_DOCX_REQUEST,
  REVIEW_FILE_REQUEST,
  SILENCE_KIND,
  type CreateConfigResult,
  type FixAllResult,
  type ReviewDocxResult,
  type ReviewFileResult
} from '../server/protocol.js'
import {SETTINGS_SECTION} from '../server/settings-schema.js'

const NAME = 'Recovery Language Review'

/** The running client, started on demand (undefined when it could not start). */
export type ClientGetter = () => Promise<BaseLanguageClient | undefined>

export async function reviewWorkspace(getClient: ClientGetter, languages: string[]): Promise<void> {
  const client = await getClient()
  if (!client) return
  const folders = vscode.workspace.workspaceFolders
  if (!folders || folders.length === 0) {
    void vscode.window.showInformationMessage(`${NAME}: open a folder to review its documents.`)
    return
  }
  const exts = [...new Set(extensionsOfLanguages(languages))]
  if (exts.length === 0) {
    void vscode.window.showInformationMessage(`${NAME}: recoveryLint.languages names no file types to look for.`)
    return
  }
  const exclude = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('exclude') ?? []
  const excludeGlob = `{**/node_modules/**,**/.git/**${exclude.map((g) => ',' + g).join('')}}`
  const include = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`
  await vscode.window.withProgress({location: vscode.ProgressLocation.Notification, title: `${NAME}: reviewing the workspace`, cancellable: true}, async (progress, token) => {
    const files = await vscode.workspace.findFiles(include, excludeGlob, undefined, token)
    let done = 0
    let findings = 0
    let withFindings = 0
    for (const file of files) {
      if (token.isCancellationRequested) break
      progress.report({message: `${done + 1}/${files.length} ${vscode.workspace.asRelativePath(file)}`, increment: 100 / files.length})
      const result = (await client.sendRequest(REVIEW_FILE_REQUEST, {uri: file.toString()}, token)) as ReviewFileResult
      findings += result.findings
      if (result.findings > 0) withFindings++
      done++
    }
    const what = `${findings} finding${findings === 1 ? '' : 's'} in ${withFindings} of ${done} file${done === 1 ? '' : 's'}`
    if (token.isCancellationRequested) void vscode.window.showInformationMessage(`${NAME}: stopped after ${done} of ${files.length} files (${what}).`)
    else void vscode.window.showInformationMessage(`${NAME}: ${what}. See the Problems panel.`)
    if (findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems')
  })
}

/** Explorer › Review Word document: NAME.reviewed.docx beside it, findings in Problems by paragraph. */
export async function reviewWordDocument(getClient: ClientGetter, uri: vscode.Uri | undefined): Promise<ReviewDocxResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri
  if (!target || !/\.docx$/i.test(target.path)) {
    void vscode.window.showInformationMessage(`${NAME}: right-click a .docx file in the Explorer to review it.`)
    return undefined
  }
  const client = await getClient()
  if (!client) return undefined
  const result = await vscode.window.withProgress(
    {location: vscode.ProgressLocation.Notification, title: `${NAME}: reviewing ${vscode.workspace.asRelativePath(target)}`},
    () => client.sendRequest(REVIEW_DOCX_REQUEST, {uri: target.toString()}) as Promise<ReviewDocxResult>
  )
  if (result.problem) void vscode.window.showErrorMessage(`${NAME}: ${result.problem}`)
  else {
    const name = result.output ? vscode.workspace.asRelativePath(vscode.Uri.parse(result.output)) : ''
    void vscode.window.showInformationMessage(`${NAME}: ${result.findings} finding${result.findings === 1 ? '' : 's'}; wrote ${name} with ${result.comments} comment${result.comments === 1 ? '' : 's'}.`)
    if (result.findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems')
  }
  return result
}

/** The server writes the starter configuration (the same one as `recovery-lint --init`); the editor opens it. */
export async function createConfig(getClient: ClientGetter): Promise<void> {
  const folder =
    vscode.workspace.workspaceFolders?.length === 1
      ? vscode.workspace.workspaceFolders[0]
      : await vscode.window.showWorkspaceFolderPick({placeHolder: 'Where should the .recoverylintrc.json go?'})
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showInformationMessage(`${NAME}: open a folder first.`)
    return
  }
  const client = await getClient()
  if (!client) return
  const result = (await client.sendRequest('workspace/executeCommand', {command: CREATE_CONFIG_COMMAND, arguments: [folder.uri.toString()]})) as CreateConfigResult | null
  if (result) await vscode.window.showTextDocument(vscode.Uri.parse(result.uri))
}

/** Fix all safe findings of the active document, or hear why none can be fixed. */
export async function fixAll(getClient: ClientGetter): Promise<FixAllResult | undefined> {
  const doc = vscode.window.activeTextEditor?.document
  if (!doc) {
    void vscode.window.showInformationMessage(`${NAME}: open a document to fix.`)
    return undefined
  }
  const client = await getClient()
  if (!client) return undefined
  return (await client.sendRequest('workspace/executeCommand', {command: FIX_ALL_COMMAND, arguments: [doc.uri.toString()]})) as FixAllResult | undefined
}

/** The hover's "Silence…": the ways to silence one finding, as a quick pick. */
export async function silence(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || !range || typeof range !== 'object') return
  const r = range as {start: {line: number; character: number}; end: {line: number; character: number}}
  const target = vscode.Uri.parse(uri)
  const at = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, at, SILENCE_KIND)) ?? []
  const ours = actions.filter((a) => a.kind?.value === SILENCE_KIND)
  if (ours.length === 0) {
    void vscode.window.showInformationMessage(`${NAME}: nothing to silence here any more.`)
    return
  }
  const picked = await vscode.window.showQuickPick(
    ours.map((action) => ({label: action.title, action})),
    {placeHolder: 'Silence this finding'}
  )
  if (!picked) return
  if (picked.action.edit) await vscode.workspace.applyEdit(picked.action.edit)
  if (picked.action.command) await vscode.commands.executeCommand(picked.action.command.command, ...(picked.action.command.arguments ?? []))
}
