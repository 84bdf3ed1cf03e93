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
import {categoriesOf} from '../core/index.js'
import {fixAll, invoked, quickFixes, wantsFixAll, wantsQuickFixes} from './code-actions.js'
import {executeCommand, SERVER_COMMANDS} from './commands.js'
import {Reviews} from './diagnostics.js'
import {CheckedDocuments} from './documents.js'
import type {ServerHost} from './host.js'
import {hoverAt} from './hover.js'
import {Notices, quiet} from './notices.js'
import {
  FIX_ALL_KIND,
  REVIEW_DOCX_REQUEST,
  RULE_PAGE_COMMAND,
  SILENCE_COMMAND,
  SILENCE_KIND,
  REVIEW_FILE_REQUEST,
  RULE_PAGE_REQUEST,
  SOURCE,
  TRUST_NOTIFICATION,
  type InitializationOptions,
  type RecoveryLintInitializeResult,
  type WarmUpHint,
  type ReviewDocxParams,
  type ReviewFileParams,
  type RulePageParams
} from './protocol.js'
import {Reviewers} from './reviewers.js'
import {renderPage} from './rule-pages.js'
import {Scheduler} from './scheduler.js'
import {SettingsStore} from './settings.js'
import {SETTINGS_SECTION} from './settings-schema.js'
import {WarmUp} from './warm-up.js'
import {reviewWordDocument} from './word.js'
import {Workspace} from './workspace.js'

const CONFIG_FILE = /(^|[\\/])\.recoverylintrc\.(json|ya?ml)$/

export interface ServerOptions {
  /** Get ready for this document (or folder) at once, before initialize (see warm-up.ts). */
  warmUp?: WarmUpHint
}

export function startServer(connection: Connection, host: ServerHost, options: ServerOptions = {}): void {
  const notices = new Notices(connection)
  // Open documents kept equal to the editor's text, or set aside (see documents.ts).
  const documents = new CheckedDocuments(connection, host, notices)
  const workspace = new Workspace()
  const settings = new SettingsStore(connection)
  const reviewers = new Reviewers(host, workspace)
  const reviews = new Reviews(connection, host, workspace, settings, reviewers, notices)
  const scheduler = new Scheduler(connection, documents, settings, reviews, notices)
  documents.onResynced((uri) => {
    // Its text changed under the same version: a result kept for that version is not of this text.
    reviews.forget(uri)
    quiet(scheduler.validate(uri))
  })
  let watchesFolders = false
  let initializeAt = 0
  const warmUp = new WarmUp({documents, host, workspace, settings, reviewers, log: (m) => notices.log(m)})
  warmUp.fromHint(options.warmUp)

  /** Configuration files, rule packs or trust changed: every reviewer is rebuilt and every document reviewed again. */
  const reviewAgain = () => {
    reviewers.reset()
    reviews.reset()
    notices.reset()
    return scheduler.revalidateAll()
  }

  connection.onInitialize((params): InitializeResult & RecoveryLintInitializeResult => {
    initializeAt = Math.round(performance.now())
    host.initialize?.(params)
    const caps = params.capabilities
    settings.supported = caps.workspace?.configuration === true
    watchesFolders = caps.workspace?.workspaceFolders === true
    workspace.folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: 'root'}] : [])
    const init = (params.initializationOptions ?? {}) as InitializationOptions
    workspace.trusted = init.trusted !== false
    workspace.rulePageBase = typeof init.rulePageBase === 'string' ? init.rulePageBase : undefined
    workspace.clientCommands = Array.isArray(init.clientCommands) ? init.clientCommands.filter((c) => typeof c === 'string') : []
    warmUp.afterInitialize(init.firstDocument)
    return {
      capabilities: {
        // A save's text puts a document set aside back in step (see documents.ts).
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: true}},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, SILENCE_KIND, FIX_ALL_KIND], resolveProvider: false},
        executeCommandProvider: {commands: SERVER_COMMANDS},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'recovery-lint'},
      categories: categoriesOf(host.builtinPacks()).map(({id, title}) => ({id, title}))
    }
  })

  connection.onInitialized(() => {
    notices.log(`initialize came at ${initializeAt} ms of the server process`)
    warmUp.initialized()
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
  connection.onRequest(RULE_PAGE_REQUEST, (params: RulePageParams) =>
    typeof params?.page === 'string' ? renderPage(params.page, host.builtinPacks(), reviews.knownRules()) : null
  )
  connection.onRequest(REVIEW_DOCX_REQUEST, (params: ReviewDocxParams) => reviewWordDocument(params, {connection, host, settings, reviewers, reviews}))

  const categories = new Map<string, string>()
  const categoryTitle = (id: string) => {
    if (categories.size === 0) for (const c of categoriesOf(host.builtinPacks())) categories.set(c.id, c.title)
    return categories.get(id) ?? id
  }

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return null
    const viaCommand = workspace.clientCommands.includes(RULE_PAGE_COMMAND)
    const page = (id: string, section?: string) => {
      if (viaCommand) return `command:${RULE_PAGE_COMMAND}?${encodeURIComponent(JSON.stringify(section ? [id, section] : [id]))}`
      const link = reviews.rulePage(id)
      return link && section ? `${link}#${section}` : link
    }
    return hoverAt(doc, params.position, await reviews.findingsFor(doc), page, categoryTitle, workspace.clientCommands.includes(SILENCE_COMMAND))
  })

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const ours = params.context.diagnostics.some((d) => d.source === SOURCE)
    const findings = ours || wantsFixAll(params, 0) ? (await reviews.findingsFor(doc)).findings : []
    const actions = wantsQuickFixes(params) && ours ? quickFixes(doc, reviews.formatOf(doc.languageId, host.uriToPath(doc.uri)), params, findings) : []
    if (wantsFixAll(params, actions.length)) actions.push(...fixAll(doc, findings, invoked(params)))
    return actions
  })

  connection.onExecuteCommand((params) =>
    executeCommand(params.command, params.arguments ?? [], {connection, documents, host, workspace, settings, reviewers, reviews, notices, reviewAgain})
  )

  documents.listen(connection)
  connection.listen()
}
