/**
 * The VS Code client, whatever carries its messages: it starts the language server
 * (through the `connect` it is given: a Node process on the desktop, a worker in the
 * browser; see language-client.ts), answers a browser server's file requests, and adds what
 * only the editor can do: commands, the status bar, the rule catalogue's reading
 * view, on and off, and the last findings shown at once after a reload. All
 * reviewing happens in the server.
 */
import * as vscode from 'vscode'
// Types only: the language client's library loads after activation (see language-client.ts), not with this module.
import type {BaseLanguageClient, DocumentSelector, LanguageClientOptions} from 'vscode-languageclient'
import {
  RULE_PAGE_COMMAND,
  RULE_PAGE_REQUEST,
  RULE_PAGE_SCHEME,
  SILENCE_COMMAND,
  SOURCE,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  type InitializationOptions,
  type RecoveryLintInitializeResult,
  type StatusParams,
  type WarmUpHint
} from '../server/protocol.js'
import {DEFAULT_SETTINGS, SETTINGS, SETTINGS_SECTION} from '../server/settings-schema.js'
import {Catalogue} from './catalogue.js'
import * as commands from './commands.js'
import {DiagnosticsCache} from './diagnostics-cache.js'
import {FindingsInputs} from './findings-inputs.js'
import {serveFiles} from './editor-files.js'
import {documentSchemes, onNode, stopLanguageClient, WORD_CONTEXT} from './language-client.js'
import {ReviewSwitch} from './review-switch.js'
import {StatusBar, type StatusView} from './status-bar.js'

/**
 * Makes the language client: the transport is the caller's (a Node process on the
 * desktop, a worker in a browser). `hint` lets a server started at once get ready for
 * the first document while the client library loads.
 */
export type ConnectClient = (context: vscode.ExtensionContext, options: LanguageClientOptions, hint: WarmUpHint | undefined) => Promise<BaseLanguageClient>

/** What the extension hands to other extensions and to its own tests. */
export interface RecoveryLintApi {
  /** The status bar as shown. */
  status(): StatusView
  /** When the extension started, the server answered and each document first got findings (ms after activation). */
  timings(): Record<string, number>
  /** How many kept findings a reload would show at once for this document as it is now (undefined: none would be), after writing what is pending. */
  kept(doc: vscode.TextDocument): Promise<number | undefined>
}

function languages(): string[] {
  const list = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('languages')
  return Array.isArray(list) && list.length > 0 ? list : DEFAULT_SETTINGS.languages
}

export class Extension {
  private client: BaseLanguageClient | undefined
  private starting: Promise<BaseLanguageClient | undefined> | undefined
  private readonly started = Date.now()
  private readonly marks: Record<string, number> = {}
  private readonly log = vscode.window.createOutputChannel('Recovery Language Review', {log: true})
  private readonly review: ReviewSwitch
  private readonly cache: DiagnosticsCache
  private readonly statusBar: StatusBar
  readonly catalogue: Catalogue

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connect: ConnectClient,
    loaded?: number
  ) {
    this.review = new ReviewSwitch(context.workspaceState)
    const inputs = new FindingsInputs(context.extensionUri, String(context.extension.packageJSON.version ?? ''), (uri) => this.settingsOf(uri))
    this.cache = new DiagnosticsCache(context.workspaceState, inputs, SOURCE)
    this.statusBar = new StatusBar((doc) => this.reviews(doc), (id) => this.categoryTitle(id), this.review)
    this.catalogue = new Catalogue(async (page) => (await this.ensureStarted())?.sendRequest(RULE_PAGE_REQUEST, {page}))
    context.subscriptions.push(this.log, this.cache, this.statusBar)
    const clock = (t: number) => new Date(t).toISOString().slice(11, 23)
    this.log.info(`activated (${clock(this.started)}${loaded ? `; module loaded ${clock(loaded)}` : ''})`)
  }

  private mark(name: string): void {
    if (name in this.marks) return
    const now = Date.now()
    this.marks[name] = now - this.started
    this.log.info(`${name}: ${this.marks[name]} ms after activation (${new Date(now).toISOString().slice(11, 23)})`)
  }

  /** Documents the review reads: of the chosen languages, saved (on disk or the workspace's file system) or untitled, and not the extension's own files. */
  reviews(doc: vscode.TextDocument): boolean {
    return documentSchemes().includes(doc.uri.scheme) && languages().includes(doc.languageId) && !this.isOwnFile(doc.uri)
  }

  /** A file of the installed extension (its docs quote the wording they explain). Under development, the folder is the developer's working copy. */
  private isOwnFile(uri: vscode.Uri): boolean {
    if (this.context.extensionMode === vscode.ExtensionMode.Development) return false
    const own = this.context.extensionUri
    return uri.scheme === own.scheme && (uri.path + '/').startsWith(own.path.replace(/\/?$/, '/'))
  }

  private categoryTitle(id: string): string {
    const categories = (this.client?.initializeResult as Partial<RecoveryLintInitializeResult> | undefined)?.categories
    return categories?.find((c) => c.id === id)?.title ?? id
  }

  /** A document's settings as workspace/configuration answers them (with "off" while paused). */
  private settingsOf(uri: vscode.Uri): unknown {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri)
    return this.review.settingsFor(Object.fromEntries(Object.keys(SETTINGS).map((key) => [key, config.get(key)])))
  }

  private selector(): DocumentSelector {
    return languages().flatMap((language) => documentSchemes().map((scheme) => ({scheme, language})))
  }

  private watchers: vscode.FileSystemWatcher[] | undefined

  /** Config files, and rule packs (the server re-reviews only for the packs its configs name). Kept across restarts. */
  private fileWatchers(): vscode.FileSystemWatcher[] {
    if (!this.watchers) {
      this.watchers = [vscode.workspace.createFileSystemWatcher('**/.recoverylintrc.{json,yaml,yml}'), vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,json}')]
      this.context.subscriptions.push(...this.watchers)
    }
    return this.watchers
  }

  /** The document the server should get ready for first: the active one, else any open one the review reads. */
  private firstDocument(): vscode.TextDocument | undefined {
    return [vscode.window.activeTextEditor?.document, ...vscode.workspace.textDocuments].find((d): d is vscode.TextDocument => !!d && this.reviews(d))
  }

  private warmUpHint(): WarmUpHint | undefined {
    const first = this.firstDocument()
    if (first) return {uri: first.uri.toString(), settings: this.settingsOf(first.uri), trusted: vscode.workspace.isTrusted}
    const folder = vscode.workspace.workspaceFolders?.[0]
    return folder ? {uri: folder.uri.toString(), trusted: vscode.workspace.isTrusted} : undefined
  }

  private options(): LanguageClientOptions {
    const first = this.firstDocument()
    const initializationOptions: InitializationOptions = {
      trusted: vscode.workspace.isTrusted,
      rulePageBase: `${RULE_PAGE_SCHEME}:/`,
      clientCommands: [SILENCE_COMMAND, RULE_PAGE_COMMAND],
      ...(first ? {firstDocument: {uri: first.uri.toString(), settings: this.settingsOf(first.uri)}} : {})
    }
    return {
      documentSelector: this.selector(),
      synchronize: {fileEvents: this.fileWatchers()},
      initializationOptions,
      diagnosticCollectionName: SOURCE,
      outputChannel: this.log,
      // The hover's "Silence…", "Why" and "Rule page" links run these commands, and only these.
      markdown: {isTrusted: {enabledCommands: [SILENCE_COMMAND, RULE_PAGE_COMMAND]}},
      middleware: {
        didOpen: (doc, next) => (this.isOwnFile(doc.uri) ? Promise.resolve() : next(doc)),
        handleDiagnostics: (uri, diagnostics, next) => {
          // Off means off: nothing the server still had in flight reaches Problems.
          if (!this.review.isOn(uri) && diagnostics.length > 0) return next(uri, [])
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
          const status = this.statusBar.get(uri.toString())
          this.cache.fromServer(uri, diagnostics, doc, !!doc && status?.state === 'ok' && status.version === doc.version)
          if (doc) this.mark(`first findings for ${vscode.workspace.asRelativePath(doc.uri)}`)
          next(uri, diagnostics)
        },
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token)
            if (!Array.isArray(result)) return result
            return result.map((value, i) => (params.items[i]?.section === SETTINGS_SECTION ? this.review.settingsFor(value) : value))
          }
        }
      }
    }
  }

  private async start(): Promise<BaseLanguageClient | undefined> {
    const client = await this.connect(this.context, this.options(), this.warmUpHint())
    this.client = client
    this.context.subscriptions.push(
      ...serveFiles(client),
      client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => this.statusBar.set(params))
    )
    this.mark('server starting')
    await client.start()
    this.mark('server ready')
    return client
  }

  /** The running client, started on the first call. */
  ensureStarted(): Promise<BaseLanguageClient | undefined> {
    this.starting ??= this.start().catch((error) => {
      this.starting = undefined
      this.client = undefined
      void vscode.window.showErrorMessage(`Recovery Language Review could not start: ${(error as Error).message}`)
      return undefined
    })
    return this.starting
  }

  private async restart(): Promise<void> {
    const old = this.client
    this.client = undefined
    this.starting = undefined
    this.statusBar.clear()
    if (old) await stopLanguageClient(old).catch(() => {})
    await this.ensureStarted()
  }

  /** A document's findings from the last session, until the server's own come. */
  private async showKept(doc: vscode.TextDocument): Promise<void> {
    if (!this.reviews(doc) || !this.review.isOn(doc.uri)) return
    const n = await this.cache.show(doc)
    if (n > 0) this.mark(`kept findings (${n}) shown for ${vscode.workspace.asRelativePath(doc.uri)}`)
  }

  private async toggle(): Promise<void> {
    const on = await this.review.toggle(vscode.window.activeTextEditor?.document.uri)
    if (!on) {
      // Everything this extension published: open documents, a workspace review, a Word review, the kept findings.
      this.client?.diagnostics?.clear()
      await this.cache.clear()
    }
    this.statusBar.update()
    // The server asks for every document's settings again (and so hears "off"), and reviews again.
    if (this.client) void this.client.sendNotification('workspace/didChangeConfiguration', {settings: null})
    void vscode.window.setStatusBarMessage(`Recovery Language Review turned ${on ? 'on' : 'off'} in this workspace`, 3000)
  }

  activate(): RecoveryLintApi {
    const ctx = this.context
    const client = () => this.ensureStarted()
    ctx.subscriptions.push(
      this.catalogue.register(),
      vscode.commands.registerCommand('recoveryLint.reviewWorkspace', () => commands.reviewWorkspace(client, languages())),
      vscode.commands.registerCommand('recoveryLint.showRules', () => this.catalogue.show()),
      vscode.commands.registerCommand(RULE_PAGE_COMMAND, (page?: unknown, section?: unknown) =>
        this.catalogue.show(typeof page === 'string' ? page : undefined, typeof section === 'string' ? section : undefined)
      ),
      vscode.commands.registerCommand('recoveryLint.createConfig', () => commands.createConfig(client)),
      vscode.commands.registerCommand('recoveryLint.toggle', () => this.toggle()),
      vscode.commands.registerCommand('recoveryLint.fixAll', () => commands.fixAll(client)),
      vscode.commands.registerCommand(SILENCE_COMMAND, (uri: unknown, range: unknown) => commands.silence(uri, range)),
      vscode.commands.registerCommand('recoveryLint.reviewWordDocument', (uri?: vscode.Uri) => commands.reviewWordDocument(client, uri)),
      vscode.window.onDidChangeActiveTextEditor(() => this.statusBar.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.client?.sendNotification(TRUST_NOTIFICATION, {})),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) void this.restart()
        else if (e.affectsConfiguration(SETTINGS_SECTION)) this.statusBar.update()
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => void this.showKept(doc))
    )
    for (const doc of vscode.workspace.textDocuments) void this.showKept(doc)
    // The activation events are the documents the review reads (or a configuration file, or a command): start now.
    void this.ensureStarted()
    void vscode.commands.executeCommand('setContext', WORD_CONTEXT, onNode)
    this.statusBar.update()
    const kept = async (doc: vscode.TextDocument) => {
      await this.cache.flush()
      return (await this.cache.kept(doc))?.length
    }
    return {status: () => this.statusBar.view(), timings: () => ({...this.marks}), kept}
  }

  deactivate(): Thenable<void> | undefined {
    return this.client && stopLanguageClient(this.client)
  }
}
