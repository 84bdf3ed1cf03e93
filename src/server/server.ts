/**
 * The language server: adapts the engine to LSP. No vscode import; the client is
 * only a thin vscode-languageclient. Diagnostics are pushed, debounced per document,
 * for saved, unsaved and untitled documents alike; code actions come from the data
 * each diagnostic carries, so they need no second review.
 */
import {existsSync, statSync, writeFileSync} from 'node:fs'
import {isAbsolute, join, relative, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import picomatch from 'picomatch'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type TextEdit,
  type WorkspaceFolder
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {CATEGORIES, DocumentSession, mergeConfigs, Reviewer, type Config, type Finding, type Format, type Rule} from '../core/index.js'
import {CONFIG_NAMES, findConfigFiles} from '../core/config-files.js'
import {selectFixes, fixEdit} from '../core/fix.js'
import {createNodeHost} from '../node/fs-host.js'
import {builtinPacks, packageRoot} from '../node/builtin-rules.js'
import {Project} from '../node/project.js'
import {readDocument} from '../node/read-document.js'
import {reviewWordFile} from './word.js'
import {addAllowed, disableFileEdit, disableLineEdit, leadingArticle, mayAddArticle, phraseToAllow, type Insert} from './edits.js'
import {
  ALLOW_PHRASE_COMMAND,
  DEFAULT_SETTINGS,
  FIX_ALL_KIND,
  REVIEW_DOCX_REQUEST,
  REVIEW_FILE_REQUEST,
  SOURCE,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  type DiagnosticData,
  type InitializationOptions,
  type ReviewDocxParams,
  type ReviewDocxResult,
  type ReviewFileParams,
  type ReviewFileResult,
  type Settings,
  type StatusParams
} from './protocol.js'

export interface ServerOptions {
  /** Where docs/rules/<id>.md live (default: the package root). */
  docsRoot?: string
}

interface Reviewed {
  version: number | undefined
  findings: Finding[]
  reviewer?: Reviewer
}

interface Outcome {
  diagnostics: Diagnostic[]
  findings: Finding[]
  reviewer?: Reviewer
  state: StatusParams['state']
  detail?: string
}

/** Above this many characters a document's first review runs in slices, yielding between them. */
const SLICED_FIRST_REVIEW = 200_000

const CONFIG_FILE = /(^|[\\/])\.recoverylintrc\.(json|ya?ml)$/

function matchesKind(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'))
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

function formatOf(languageId: string | undefined, path: string | undefined): Format {
  if (languageId === 'markdown') return 'markdown'
  if (languageId && languageId !== 'plaintext') return /\.(md|markdown|mdown|mkd|mdx)$/i.test(path ?? '') ? 'markdown' : 'text'
  return /\.(md|markdown|mdown|mkd|mdx)$/i.test(path ?? '') ? 'markdown' : 'text'
}

function isConfigError(error: unknown): error is Error & {file: string; problem: string} {
  return error instanceof Error && typeof (error as {file?: unknown}).file === 'string' && typeof (error as {problem?: unknown}).problem === 'string'
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument)
  const results = new Map<string, Reviewed>()
  /** Open documents' incremental reviews: an edit re-reviews only the blocks it touched. */
  const sessions = new Map<string, DocumentSession>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const fresh = new Set<string>()
  const scanned = new Set<string>()
  const settingsCache = new Map<string, Promise<Settings>>()
  const projects = new Map<string, Project>()
  /** A review failed on an invalid config or rule pack since the last reset. */
  let configBroken = false
  const toldOnce = new Set<string>()
  const docPages = new Map<string, string | undefined>()
  let folders: WorkspaceFolder[] = []
  let trusted = true
  let hasConfiguration = false
  let hasWorkspaceFolders = false
  let docsRoot = options.docsRoot

  /** Fire and forget: a message to a client that went away is not an error. */
  const quiet = (p: Promise<unknown> | void) => {
    if (p) p.catch(() => {})
  }
  const log = (message: string) => connection.console.log(`[recovery-lint] ${message}`)

  function tellOnce(key: string, message: string, kind: 'error' | 'info' = 'info') {
    if (toldOnce.has(key)) return
    toldOnce.add(key)
    if (kind === 'error') quiet(connection.window.showErrorMessage(message))
    else quiet(connection.window.showInformationMessage(message))
  }

  // ---- settings ---------------------------------------------------------------------------

  function normalise(raw: Partial<Settings> | null | undefined): Settings {
    const s = {...DEFAULT_SETTINGS, ...(raw ?? {})}
    return {
      enable: s.enable !== false,
      languages: Array.isArray(s.languages) ? s.languages : DEFAULT_SETTINGS.languages,
      profile: ['peer', 'service', 'clinical'].includes(s.profile) ? s.profile : '',
      run: s.run === 'onSave' ? 'onSave' : 'onType',
      debounceMs: Number.isFinite(s.debounceMs) && s.debounceMs >= 0 ? Math.min(s.debounceMs, 10000) : DEFAULT_SETTINGS.debounceMs,
      maxFileSizeKb: Number.isFinite(s.maxFileSizeKb) && s.maxFileSizeKb > 0 ? s.maxFileSizeKb : DEFAULT_SETTINGS.maxFileSizeKb,
      exclude: Array.isArray(s.exclude) ? s.exclude.filter((g) => typeof g === 'string' && g) : [],
      severity: s.severity && typeof s.severity === 'object' ? s.severity : {},
      infoAsHint: s.infoAsHint === true
    }
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!hasConfiguration) return Promise.resolve(normalise(undefined))
    let cached = settingsCache.get(uri)
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({scopeUri: uri, section: 'recoveryLint'})
        .then((raw: Partial<Settings>) => normalise(raw))
        .catch(() => normalise(undefined))
      settingsCache.set(uri, cached)
    }
    return cached
  }

  function projectFor(settings: Settings): {project: Project; defaults: Config; overrides: Config} {
    const defaults: Config = settings.profile ? {profile: settings.profile} : {}
    const overrides: Config = {}
    for (const [key, value] of Object.entries(settings.severity)) {
      if (!['error', 'warning', 'info', 'off'].includes(value)) continue
      // `rule:id` and `category:id` say which; a bare id is a category when one has that name (role-model is both).
      const [, kind, id] = /^(?:(rule|category):)?(.*)$/.exec(key) ?? []
      const isCategory = kind === 'category' || (kind === undefined && (CATEGORIES as readonly string[]).includes(id))
      if (isCategory) {
        if ((CATEGORIES as readonly string[]).includes(id)) (overrides.categories ??= {})[id as (typeof CATEGORIES)[number]] = value
      } else (overrides.rules ??= {})[id] = value
    }
    const key = JSON.stringify([defaults, overrides, trusted])
    let project = projects.get(key)
    if (!project) {
      project = new Project({defaults, overrides, trusted})
      projects.set(key, project)
    }
    return {project, defaults, overrides}
  }

  function folderOf(uri: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined
    for (const f of folders) {
      const base = f.uri.endsWith('/') ? f.uri : f.uri + '/'
      if ((uri === f.uri || uri.startsWith(base)) && (!best || f.uri.length > best.uri.length)) best = f
    }
    return best
  }

  function isExcluded(uri: string, path: string | undefined, settings: Settings): boolean {
    if (!path || settings.exclude.length === 0) return false
    const folder = folderOf(uri)
    const folderPath = folder ? uriToPath(folder.uri) : undefined
    const candidates = [path.split(sep).join('/')]
    if (folderPath) candidates.push(relative(folderPath, path).split(sep).join('/'))
    const isMatch = picomatch(settings.exclude, {dot: true})
    return candidates.some((c) => isMatch(c))
  }

  // ---- reviewing ----------------------------------------------------------------------------

  function docPage(ruleId: string): string | undefined {
    if (docPages.has(ruleId)) return docPages.get(ruleId)
    let href: string | undefined
    try {
      docsRoot ??= packageRoot()
      const file = join(docsRoot, 'docs', 'rules', `${ruleId}.md`)
      href = existsSync(file) ? pathToFileURL(file).href : undefined
    } catch {
      href = undefined
    }
    docPages.set(ruleId, href)
    return href
  }

  function toSeverity(finding: Finding, settings: Settings): DiagnosticSeverity {
    if (finding.severity === 'error') return DiagnosticSeverity.Error
    if (finding.severity === 'warning') return DiagnosticSeverity.Warning
    return settings.infoAsHint ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information
  }

  function toDiagnostic(finding: Finding, settings: Settings): Diagnostic {
    const data: DiagnosticData = {
      ruleId: finding.ruleId,
      category: finding.category,
      text: finding.text,
      suggestions: finding.suggestions,
      fixes: finding.fixes,
      safeFix: finding.safeFix
    }
    const href = docPage(finding.ruleId)
    return {
      range: {
        start: {line: finding.line - 1, character: finding.column - 1},
        end: {line: finding.endLine - 1, character: finding.endColumn - 1}
      },
      severity: toSeverity(finding, settings),
      source: SOURCE,
      code: finding.ruleId,
      ...(href ? {codeDescription: {href}} : {}),
      message: finding.message,
      data
    }
  }

  function reviewerFor(uri: string, path: string | undefined, settings: Settings): Reviewer {
    const {project, defaults, overrides} = projectFor(settings)
    if (path) return project.reviewerFor(path)
    // Untitled (or another scheme): the configuration of the workspace folder, if any.
    const folder = folderOf(uri) ?? folders[0]
    const folderPath = folder ? uriToPath(folder.uri) : undefined
    if (folderPath) return project.reviewerFor(join(folderPath, 'untitled.md'))
    return new Reviewer(builtinPacks(), mergeConfigs(defaults, overrides))
  }

  /** Findings for an open document through its incremental session (created or rebuilt as needed). */
  async function sessionFindings(uri: string, reviewer: Reviewer, text: string, format: Format): Promise<Finding[]> {
    const existing = sessions.get(uri)
    if (existing && existing.reviewer === reviewer && existing.format === format) return existing.update(text)
    const large = text.length > SLICED_FIRST_REVIEW
    const session = new DocumentSession(reviewer, text, format, {deferred: large})
    sessions.set(uri, session)
    if (!large) return session.findings
    return session.run(() => new Promise((resolve) => setImmediate(resolve)))
  }

  async function review(uri: string, text: string, languageId: string | undefined, settings: Settings, incremental = false): Promise<Outcome> {
    const path = uriToPath(uri)
    if (!settings.enable) return {diagnostics: [], findings: [], state: 'disabled'}
    if (isExcluded(uri, path, settings)) return {diagnostics: [], findings: [], state: 'excluded'}
    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes > settings.maxFileSizeKb * 1024) {
      const name = path ? path.split(sep).pop() : uri
      const detail = `${name} is ${Math.round(bytes / 1024)} KB, over recoveryLint.maxFileSizeKb (${settings.maxFileSizeKb} KB): not reviewed. Raise the setting to review it.`
      tellOnce(`size:${uri}`, `Recovery Language Review: ${detail}`)
      return {diagnostics: [], findings: [], state: 'too-large', detail}
    }
    try {
      if (path && projectFor(settings).project.isIgnored(path)) return {diagnostics: [], findings: [], state: 'excluded'}
      const reviewer = reviewerFor(uri, path, settings)
      const format = formatOf(languageId, path)
      const findings = incremental ? await sessionFindings(uri, reviewer, text, format) : reviewer.review(text, format)
      return {diagnostics: findings.map((f) => toDiagnostic(f, settings)), findings, reviewer, state: 'ok'}
    } catch (error) {
      if (isConfigError(error)) {
        configBroken = true
        const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
        const message = `Invalid recovery-lint configuration in ${error.file}: ${error.problem}`
        tellOnce(`config:${message}`, `Recovery Language Review: ${message}`, 'error')
        return {
          diagnostics: [
            {
              range: {start: {line: 0, character: 0}, end: {line: 0, character: firstLine.length}},
              severity: DiagnosticSeverity.Error,
              source: SOURCE,
              code: 'invalid-config',
              message
            }
          ],
          findings: [],
          state: 'config-error',
          detail: message
        }
      }
      const message = error instanceof Error ? error.message : String(error)
      log(`review of ${uri} failed: ${error instanceof Error ? error.stack : message}`)
      tellOnce(`error:${message}`, `Recovery Language Review could not review ${uri}: ${message}`, 'error')
      return {diagnostics: [], findings: [], state: 'error', detail: message}
    }
  }

  function publish(uri: string, version: number | undefined, outcome: Outcome) {
    results.set(uri, {version, findings: outcome.findings, reviewer: outcome.reviewer})
    const counts: Record<string, number> = {}
    for (const f of outcome.findings) counts[f.category] = (counts[f.category] ?? 0) + 1
    quiet(connection.sendNotification(STATUS_NOTIFICATION, {uri, counts, state: outcome.state, detail: outcome.detail} satisfies StatusParams))
    quiet(connection.sendDiagnostics({uri, version, diagnostics: outcome.diagnostics}))
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri)
    if (!doc) return
    const version = doc.version
    const settings = await settingsFor(uri)
    const current = documents.get(uri)
    // A newer edit arrived while we waited: its own review will run.
    if (!current || current.version !== version) return
    const outcome = await review(uri, current.getText(), current.languageId, settings, true)
    // A sliced first review of a large document yields: drop it if an edit came in meanwhile.
    if (documents.get(uri)?.version !== version) return
    publish(uri, version, outcome)
  }

  function schedule(uri: string, delay: number) {
    clearTimeout(timers.get(uri))
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        fresh.delete(uri)
        validate(uri).catch((e) => log(`validate failed: ${e}`))
      }, delay)
    )
  }

  /** Current findings for an open document (reviewing now if the last review is stale). */
  async function findingsFor(doc: TextDocument): Promise<Reviewed> {
    const cached = results.get(doc.uri)
    if (cached && cached.version === doc.version) return cached
    const settings = await settingsFor(doc.uri)
    const outcome = await review(doc.uri, doc.getText(), doc.languageId, settings)
    return {version: doc.version, findings: outcome.findings, reviewer: outcome.reviewer}
  }

  async function reviewFromDisk(uri: string): Promise<ReviewFileResult> {
    const path = uriToPath(uri)
    if (!path) return {findings: 0, skipped: 'not a file'}
    const settings = await settingsFor(uri)
    if (!settings.enable) return {findings: 0, skipped: 'disabled'}
    if (isExcluded(uri, path, settings)) return {findings: 0, skipped: 'excluded'}
    let size = 0
    try {
      size = statSync(path).size
    } catch {
      return {findings: 0, skipped: 'cannot read'}
    }
    if (size > settings.maxFileSizeKb * 1024) {
      quiet(connection.sendDiagnostics({uri, diagnostics: []}))
      return {findings: 0, skipped: `too large (${Math.round(size / 1024)} KB)`}
    }
    let text: string
    try {
      text = readDocument(path)
    } catch (error) {
      return {findings: 0, skipped: (error as Error).message}
    }
    const outcome = await review(uri, text, undefined, settings)
    publish(uri, undefined, outcome)
    return {findings: outcome.findings.length, ...(outcome.state === 'ok' ? {} : {skipped: outcome.detail ?? outcome.state})}
  }

  function reset() {
    configBroken = false
    projects.clear()
    sessions.clear()
    toldOnce.clear()
  }

  async function revalidateAll() {
    for (const doc of documents.all()) await validate(doc.uri)
    for (const uri of scanned) if (!documents.get(uri)) await reviewFromDisk(uri)
  }

  // ---- code actions -------------------------------------------------------------------------

  function insertEdit(insert: Insert): TextEdit {
    const at = {line: insert.line, character: insert.character}
    return {range: {start: at, end: at}, newText: insert.text}
  }

  /** Fix all: the engine's own choice of safe fixes (as `--fix` makes it), as LSP edits. */
  function fixAllEdits(doc: TextDocument, findings: Finding[]): TextEdit[] {
    // Each finding's first fix, which may reach past its range ("who are non-compliant" → "who choose not to take it").
    return selectFixes(doc.getText(), findings).map((f) => {
      const e = fixEdit(f)!
      return {range: {start: doc.positionAt(e.offset), end: doc.positionAt(e.endOffset)}, newText: e.newText}
    })
  }

  // ---- hover --------------------------------------------------------------------------------

  function hoverText(finding: Finding, rule: Rule | undefined): string {
    const out: string[] = []
    const href = docPage(finding.ruleId)
    out.push(`**Recovery Language Review** · \`${finding.ruleId}\` (${finding.category}, ${finding.severity})`)
    out.push(finding.message)
    if (rule?.rationale) out.push(rule.rationale.trim())
    if (finding.fixes.length) out.push('**Instead, try:**\n' + finding.fixes.map((f) => `- ${f.replacement}`).join('\n'))
    if (finding.advice.length) out.push('**Consider:**\n' + finding.advice.map((a) => `- ${a}`).join('\n'))
    const meta: string[] = []
    if (rule?.principles?.length) meta.push(`**Principles:** ${rule.principles.join(', ')}`)
    if (rule?.sources?.length) meta.push(`**Sources:** ${rule.sources.join('; ')}`)
    if (rule?.contested) meta.push('_This wording is contested: people with lived experience disagree about it._')
    if (meta.length) out.push(meta.join('  \n'))
    out.push(
      `**To silence it:** put \`<!-- recovery-lint-disable-next-line ${finding.ruleId} -->\` on the line above, ` +
        `or set \`"rules": {"${finding.ruleId}": "off"}\` in \`.recoverylintrc.json\`, or use the quick fix “Allow …” to accept this phrase in the workspace.`
    )
    if (href) out.push(`[About this rule](${href})`)
    return out.join('\n\n')
  }

  // ---- wiring -------------------------------------------------------------------------------

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities
    hasConfiguration = caps.workspace?.configuration === true
    hasWorkspaceFolders = caps.workspace?.workspaceFolders === true
    folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: 'root'}] : [])
    const init = (params.initializationOptions ?? {}) as InitializationOptions
    trusted = init.trusted !== false
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false},
        executeCommandProvider: {commands: [ALLOW_PHRASE_COMMAND]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'recovery-lint'}
    }
  })

  connection.onInitialized(() => {
    if (hasConfiguration) quiet(connection.client.register(DidChangeConfigurationNotification.type, {section: 'recoveryLint'}))
    if (hasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added]
        settingsCache.clear()
        quiet(revalidateAll())
      })
    }
  })

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear()
    reset()
    quiet(revalidateAll())
  })

  connection.onDidChangeWatchedFiles((params) => {
    // A config file anywhere (it may now apply), or a rule pack a config file named; while a
    // configuration is broken, any pack-like file (the fix may be a pack that failed to load).
    const used = (uri: string) => {
      if (configBroken && /\.(ya?ml|json)$/i.test(uri)) return true
      const path = uriToPath(uri)
      return path !== undefined && [...projects.values()].some((p) => p.uses(path))
    }
    if (!params.changes.some((c) => CONFIG_FILE.test(c.uri) || used(c.uri))) return
    reset()
    quiet(revalidateAll())
  })

  connection.onNotification(TRUST_NOTIFICATION, () => {
    trusted = true
    reset()
    quiet(revalidateAll())
  })

  documents.onDidOpen((e) => {
    fresh.add(e.document.uri)
    schedule(e.document.uri, 0)
  })

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri
    if (fresh.has(uri)) return // the open's own review is scheduled
    quiet(
      settingsFor(uri).then((settings) => {
        if (settings.run === 'onType') schedule(uri, settings.debounceMs)
      })
    )
  })

  documents.onDidSave((e) => {
    quiet(
      settingsFor(e.document.uri).then((settings) => {
        if (settings.run === 'onSave') schedule(e.document.uri, 0)
      })
    )
  })

  documents.onDidClose((e) => {
    const uri = e.document.uri
    clearTimeout(timers.get(uri))
    timers.delete(uri)
    fresh.delete(uri)
    results.delete(uri)
    sessions.delete(uri)
    settingsCache.delete(uri)
    if (scanned.has(uri)) quiet(reviewFromDisk(uri))
    else {
      quiet(connection.sendDiagnostics({uri, diagnostics: []}))
      quiet(connection.sendNotification(STATUS_NOTIFICATION, {uri, counts: {}, state: 'closed'} satisfies StatusParams))
    }
  })

  connection.onRequest(REVIEW_FILE_REQUEST, async (params: ReviewFileParams): Promise<ReviewFileResult> => {
    scanned.add(params.uri)
    const doc = documents.get(params.uri)
    if (doc) {
      await validate(params.uri)
      return {findings: results.get(params.uri)?.findings.length ?? 0}
    }
    return reviewFromDisk(params.uri)
  })

  connection.onRequest(REVIEW_DOCX_REQUEST, async (params: ReviewDocxParams): Promise<ReviewDocxResult> => {
    const path = uriToPath(params.uri)
    if (!path) return {findings: 0, comments: 0, problem: 'not a file on disk'}
    const settings = await settingsFor(params.uri)
    try {
      const word = await reviewWordFile(path, path.replace(/^.*[\\/]/, ''), reviewerFor(params.uri, path, settings))
      // Problems by paragraph: the line is the paragraph's number, the message names the place.
      const diagnostics = word.findings.map((f, i) => ({...toDiagnostic(f, settings), message: `${word.places[i]}: ${f.message}`}))
      quiet(connection.sendDiagnostics({uri: params.uri, diagnostics}))
      return {findings: word.findings.length, comments: word.comments, output: pathToFileURL(word.output).toString()}
    } catch (error) {
      return {findings: 0, comments: 0, problem: (error as Error).message.split('\n')[0]}
    }
  })

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return null
    const {findings, reviewer} = await findingsFor(doc)
    const offset = doc.offsetAt(params.position)
    const hits = findings.filter((f) => f.offset <= offset && offset <= f.endOffset)
    if (hits.length === 0) return null
    return {
      contents: {kind: MarkupKind.Markdown, value: hits.map((f) => hoverText(f, reviewer?.rule(f.ruleId))).join('\n\n---\n\n')},
      range: {start: doc.positionAt(hits[0].offset), end: doc.positionAt(hits[0].endOffset)}
    }
  })

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri)
    if (!doc) return []
    const uri = doc.uri
    const only = params.context.only
    const actions: CodeAction[] = []
    if (matchesKind(CodeActionKind.QuickFix, only)) {
      const text = doc.getText()
      const markdown = formatOf(doc.languageId, uriToPath(uri)) === 'markdown'
      let reviewer: Reviewer | undefined
      for (const d of params.context.diagnostics) {
        if (d.source !== SOURCE || !d.data) continue
        const data = d.data as DiagnosticData
        const current = doc.getText(d.range)
        // Did the engine put an "a"/"an" before the rule's phrase into the range? Then the allow
        // leaves it out; an article of the phrase itself ("the mentally ill", "an inspiration") stays.
        const article = leadingArticle(data.text)
        if (article && !reviewer) reviewer = (await findingsFor(doc)).reviewer
        const articleAdded = article !== '' && mayAddArticle(reviewer?.rule(data.ruleId))
        if (current === data.text) {
          // One action per fix; a rewrite reaches past the range ("who are non-compliant" → "who choose not to take it").
          const from = doc.offsetAt(d.range.start)
          const to = doc.offsetAt(d.range.end)
          const fixes = data.fixes ?? data.suggestions.map((replacement, alternative) => ({before: 0, after: 0, replacement, alternative}))
          fixes.forEach((f, i) => {
            const range = f.before === 0 && f.after === 0 ? d.range : {start: doc.positionAt(from - f.before), end: doc.positionAt(to + f.after)}
            actions.push({
              title: f.before === 0 && f.after === 0 ? `Replace with “${f.replacement}”` : `Replace “${doc.getText(range)}” with “${f.replacement}”`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: i === 0 && data.safeFix,
              edit: {changes: {[uri]: [{range, newText: f.replacement}]}}
            })
          })
        }
        actions.push({
          title: `Disable recovery-lint rule ${data.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: {changes: {[uri]: [insertEdit(disableLineEdit(text, d.range.start.line, data.ruleId, markdown))]}}
        })
        actions.push({
          title: `Disable recovery-lint rule ${data.ruleId} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: {changes: {[uri]: [insertEdit(disableFileEdit(text, data.ruleId))]}}
        })
        const phrase = phraseToAllow(data.text, articleAdded)
        actions.push({
          title: `Allow “${phrase}” in this workspace`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: {title: `Allow “${phrase}” in this workspace`, command: ALLOW_PHRASE_COMMAND, arguments: [uri, phrase]}
        })
      }
    }
    if (matchesKind(FIX_ALL_KIND, only) && (only !== undefined || actions.length > 0)) {
      const {findings} = await findingsFor(doc)
      const edits = fixAllEdits(doc, findings)
      if (edits.length > 0) {
        actions.push({
          title: `Fix all safe recovery-lint findings (${edits.length})`,
          kind: FIX_ALL_KIND,
          edit: {changes: {[uri]: edits}}
        })
      }
    }
    return actions
  })

  connection.onExecuteCommand(async (params) => {
    if (params.command !== ALLOW_PHRASE_COMMAND) return null
    const [uri, phrase] = (params.arguments ?? []) as [string, string]
    if (typeof uri !== 'string' || typeof phrase !== 'string' || !phrase.trim()) return null
    const folder = folderOf(uri) ?? (folders.length === 1 ? folders[0] : undefined)
    const folderPath = folder ? uriToPath(folder.uri) : undefined
    if (!folderPath) {
      quiet(connection.window.showWarningMessage('Recovery Language Review: open a folder to allow a phrase in its .recoverylintrc.json.'))
      return null
    }
    // The nearest config file that applies to the document (the one whose keys win),
    // as the engine finds it; only when there is none, a new one at the folder's root.
    const host = createNodeHost()
    const documentPath = uriToPath(uri) ?? join(folderPath, 'untitled.md')
    let file = join(folderPath, CONFIG_NAMES[0])
    try {
      const nearest = findConfigFiles(host, documentPath.split(sep).join('/'))[0]
      const nearestPath = nearest?.replace(/^\/([A-Za-z]:)/, '$1').split('/').join(sep)
      // Never a file outside the folder: `allow` lists add up, so a new one at its root works too.
      const fromFolder = nearestPath === undefined ? undefined : relative(folderPath, nearestPath)
      const inFolder = fromFolder !== undefined && !fromFolder.startsWith('..') && !isAbsolute(fromFolder)
      if (inFolder) file = nearestPath
      const before = inFolder && nearest !== undefined ? host.readFile(nearest) : undefined
      writeFileSync(file, addAllowed(before, phrase, file.endsWith('.json') ? 'json' : 'yaml'))
    } catch (error) {
      const problem = isConfigError(error) ? `${error.file}: ${error.problem}` : `${file}: ${(error as Error).message}`
      quiet(connection.window.showErrorMessage(`Recovery Language Review: cannot update ${problem}`))
      return null
    }
    log(`allowed “${phrase}” in ${file}`)
    reset()
    await revalidateAll()
    return {file}
  })

  documents.listen(connection)
  connection.listen()
}
