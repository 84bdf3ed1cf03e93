/**
 * The language server: wires LSP requests and notifications to the modules that
 * answer them (settings, diagnostics, hover, code actions, configuration writes).
 * No vscode import, and no Node API: files, rules and pages come through a
 * ServerHost (src/node/server-host.ts over the file system). Diagnostics are
 * pushed, debounced per document, for saved, unsaved and untitled documents
 * alike; code actions come from the data each diagnostic carries.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult
} from 'vscode-languageserver'
import {categoriesOf, PROFILES, type Profile} from '../core/index.js'
import {fixAll, quickFixes, wantsFixAll, wantsQuickFixes} from './code-actions.js'
import {allowPhrase, createConfig} from './config-writes.js'
import {Reviews} from './diagnostics.js'
import {CheckedDocuments} from './documents.js'
import type {ServerHost} from './host.js'
import {hoverAt} from './hover.js'
import {Notices, quiet} from './notices.js'
import {
  ALLOW_PHRASE_COMMAND,
  CREATE_CONFIG_COMMAND,
  FIX_ALL_KIND,
  REVIEW_DOCX_REQUEST,
  REVIEW_FILE_REQUEST,
  TRUST_NOTIFICATION,
  type InitializationOptions,
  type RecoveryLintInitializeResult,
  type ReviewDocxParams,
  type ReviewFileParams
} from './protocol.js'
import {Reviewers} from './reviewers.js'
import {Scheduler} from './scheduler.js'
import {SettingsStore} from './settings.js'
import {SETTINGS_SECTION} from './settings-schema.js'
import {reviewWordDocument} from './word.js'
import {Workspace} from './workspace.js'

const CONFIG_FILE = /(^|[\\/])\.recoverylintrc\.(json|ya?ml)$/

export function startServer(connection: Connection, host: ServerHost): void {
  const notices = new Notices(connection)
  // Open documents kept equal to the editor's text, or set aside (see documents.ts).
  const documents = new CheckedDocuments(connection, host, notices)
  const workspace = new Workspace()
  const settings = new SettingsStore(connection)
  const reviewers = new Reviewers(host, workspace)
  const reviews = new Reviews(connection, host, workspace, settings, reviewers, notices)
  const scheduler = new Scheduler(connection, documents, settings, reviews, notices)
  documents.onResynced((uri) => quiet(scheduler.validate(uri)))
  let watchesFolders = false

  /** Configuration files, rule packs or trust changed: every reviewer is rebuilt and every document reviewed again. */
  const reviewAgain = () => {
    reviewers.reset()
    reviews.reset()
    notices.reset()
    return scheduler.revalidateAll()
  }

  connection.onInitialize((params): InitializeResult & RecoveryLintInitializeResult => {
    host.initialize?.(params)
    const caps = params.capabilities
    settings.supported = caps.workspace?.configuration === true
    watchesFolders = caps.workspace?.workspaceFolders === true
    workspace.folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: 'root'}] : [])
    const init = (params.initializationOptions ?? {}) as InitializationOptions
    workspace.trusted = init.trusted !== false
    workspace.rulePageBase = typeof init.rulePageBase === 'string' ? init.rulePageBase : undefined
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false},
        executeCommandProvider: {commands: [ALLOW_PHRASE_COMMAND, CREATE_CONFIG_COMMAND]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'recovery-lint'},
      categories: categoriesOf(host.builtinPacks()).map(({id, title}) => ({id, title}))
    }
  })

  connection.onInitialized(() => {
    if (settings.supported) quiet(connection.client.register(DidChangeConfigurationNotification.type, {section: SETTINGS_SECTION}))
    if (watchesFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        workspace.change(e.added, e.removed)
        settings.clear()
        quiet(scheduler.revalidateAll())
      })
    }
  })

  connection.onDidChangeConfiguration(() => {
    settings.clear()
    quiet(reviewAgain())
  })

  connection.onDidChangeWatchedFiles((params) => {
    host.filesChanged?.(params.changes.map((c) => c.uri))
    // A config file anywhere (it may now apply), or a rule pack a config file named.
    if (params.changes.some((c) => CONFIG_FILE.test(c.uri) || reviewers.uses(c.uri))) quiet(reviewAgain())
  })

  connection.onNotification(TRUST_NOTIFICATION, () => {
    workspace.trusted = true
    quiet(reviewAgain())
  })

  connection.onRequest(REVIEW_FILE_REQUEST, (params: ReviewFileParams) => scheduler.reviewFile(params.uri))
  connection.onRequest(REVIEW_DOCX_REQUEST, (params: ReviewDocxParams) => reviewWordDocument(params, {connection, host, settings, reviewers, reviews}))

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    return doc ? hoverAt(doc, params.position, await reviews.findingsFor(doc), (id) => reviews.rulePage(id)) : null
  })

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const actions = wantsQuickFixes(params) ? quickFixes(doc, reviews.formatOf(doc.languageId, host.uriToPath(doc.uri)), params.context.diagnostics) : []
    if (wantsFixAll(params, actions.length)) actions.push(...fixAll(doc, (await reviews.findingsFor(doc)).findings))
    return actions
  })

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? []
    if (params.command === ALLOW_PHRASE_COMMAND) {
      const [uri, phrase] = args as [unknown, unknown]
      if (typeof uri !== 'string' || typeof phrase !== 'string' || !phrase.trim()) return null
      const folder = workspace.folderFor(uri)
      const folderPath = folder ? host.uriToPath(folder.uri) : undefined
      if (!folderPath) {
        notices.show('Recovery Language Review: open a folder to allow a phrase in its .recoverylintrc.json.', 'warning')
        return null
      }
      let file: string
      try {
        file = await allowPhrase(host, folderPath, host.uriToPath(uri), phrase)
      } catch (error) {
        notices.show(`Recovery Language Review: cannot update ${(error as Error).message}`, 'error')
        return null
      }
      notices.log(`allowed “${phrase}” in ${file}`)
      await reviewAgain()
      return {file}
    }
    if (params.command === CREATE_CONFIG_COMMAND) {
      const [folderUri] = args as [unknown]
      const folderPath = typeof folderUri === 'string' ? host.uriToPath(folderUri) : undefined
      if (!folderPath || typeof folderUri !== 'string') return null
      try {
        // The profile in effect there now (settings and any parent config), so the new file changes nothing.
        const folderSettings = await settings.get(folderUri)
        const reviewer = await host.withFiles(() => reviewers.reviewerFor(folderUri, `${folderPath.replace(/\/$/, '')}/untitled.md`, folderSettings))
        const profile: Profile = PROFILES.includes(reviewer.config.profile as Profile) ? (reviewer.config.profile as Profile) : 'peer'
        return await createConfig(host, folderPath, profile)
      } catch (error) {
        notices.show(`Recovery Language Review: cannot create a configuration file: ${(error as Error).message}`, 'error')
        return null
      }
    }
    return null
  })

  documents.listen(connection)
  connection.listen()
}
