/**
 * Reviewing a document into diagnostics: every open document has a
 * DocumentSession (an edit re-reviews only the blocks it touched), a long
 * document's first review runs in slices with its first findings published
 * early, and the last result of each document is kept for hovers and code
 * actions. Files of a workspace review are read through the host.
 */
import {DiagnosticSeverity, type Connection, type Diagnostic} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {DocumentSession, formatFor, MAX_FINDINGS, readsFormat, type Finding, type Format, type Reviewer, type Rule} from '../core/index.js'
import type {ServerHost} from './host.js'
import {quiet, type Notices} from './notices.js'
import {publishable} from './publication.js'
import {SOURCE, STATUS_NOTIFICATION, type DiagnosticData, type ReviewFileResult, type StatusParams} from './protocol.js'
import type {Reviewers} from './reviewers.js'
import {isExcluded, type SettingsStore} from './settings.js'
import type {Settings} from './settings-schema.js'
import type {Workspace} from './workspace.js'

/** A document's last review, for hovers and code actions. */
export interface Reviewed {
  version: number | undefined
  findings: Finding[]
  reviewer?: Reviewer
}

export interface Outcome {
  diagnostics: Diagnostic[]
  findings: Finding[]
  reviewer?: Reviewer
  state: StatusParams['state']
  detail?: string
}

/** How many other uses of the same wording the first one lists. */
const MAX_RELATED = 20

/** Above this many characters a document's first review runs in slices, yielding between them. */
const SLICED_FIRST_REVIEW = 200_000

const none = (state: StatusParams['state'], detail?: string): Outcome => ({diagnostics: [], findings: [], state, detail})

function isConfigError(error: unknown): error is Error & {file: string; problem: string} {
  return error instanceof Error && typeof (error as {file?: unknown}).file === 'string' && typeof (error as {problem?: unknown}).problem === 'string'
}

/** UTF-8 length of a text without encoding it (the size limit is in bytes, as on disk). */
function utf8Bytes(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1
  }
  return bytes
}

export class Reviews {
  private readonly results = new Map<string, Reviewed>()
  private readonly sessions = new Map<string, DocumentSession>()

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
    private readonly reviewers: Reviewers,
    private readonly notices: Notices
  ) {}

  /** A document's findings as diagnostics, or why there are none. `partial` receives a long document's first findings. */
  async review(uri: string, text: string, languageId: string | undefined, settings: Settings, partial?: (o: Outcome) => void): Promise<Outcome> {
    const path = this.host.uriToPath(uri)
    if (!settings.enable) return none('disabled')
    if (isExcluded(settings, [path, this.workspace.relativePath(uri)])) return none('excluded')
    const bytes = utf8Bytes(text)
    if (bytes > settings.sizeLimit * 1024) {
      const name = path ? path.split('/').pop() : uri
      const detail = `${name} is ${Math.round(bytes / 1024)} KB, over the size limit (recoveryLint.sizeLimit, ${settings.sizeLimit} KB): not reviewed. Raise the setting to review it.`
      this.notices.once(`size:${uri}`, `Recovery Language Review: ${detail}`)
      return none('too-large', detail)
    }
    try {
      const reviewer = await this.host.withFiles(() => (path && this.reviewers.project(settings).isIgnored(path) ? undefined : this.reviewers.reviewerFor(uri, path, settings)))
      if (!reviewer) return none('excluded')
      const shape = (findings: Finding[], state: StatusParams['state'] = 'ok'): Outcome => ({
        diagnostics: this.toDiagnostics(uri, findings, settings),
        findings,
        reviewer,
        state
      })
      const findings = await this.sessionFindings(uri, reviewer, text, this.formatOf(languageId, path), partial && ((f) => partial(shape(f, 'reviewing'))))
      return shape(findings)
    } catch (error) {
      return this.failed(uri, text, error)
    }
  }

  private failed(uri: string, text: string, error: unknown): Outcome {
    if (isConfigError(error)) {
      this.reviewers.broken = true
      const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
      const message = `Invalid recovery-lint configuration in ${error.file}: ${error.problem}`
      this.notices.once(`config:${message}`, `Recovery Language Review: ${message}`, 'error')
      const diagnostic: Diagnostic = {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: firstLine.length}},
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'invalid-config',
        message
      }
      return {diagnostics: [diagnostic], findings: [], state: 'config-error', detail: message}
    }
    const message = error instanceof Error ? error.message : String(error)
    this.notices.log(`review of ${uri} failed: ${error instanceof Error ? error.stack : message}`)
    this.notices.once(`error:${message}`, `Recovery Language Review could not review ${uri}: ${message}`, 'error')
    return none('error', message)
  }

  /** The format a document is reviewed as; one this build does not read (HTML: see enableHtml) as plain text. */
  formatOf(languageId: string | undefined, path: string | undefined): Format {
    const format = formatFor(languageId, path)
    return readsFormat(format) ? format : 'text'
  }

  /** Findings through the document's session (created or rebuilt as needed). */
  private async sessionFindings(uri: string, reviewer: Reviewer, text: string, format: Format, partial?: (findings: Finding[]) => void): Promise<Finding[]> {
    const existing = this.sessions.get(uri)
    // Past the findings limit a session cannot patch an edit in: a new one, in slices when long, so the server keeps answering.
    if (existing && existing.reviewer === reviewer && existing.format === format && existing.patchable) return existing.update(text)
    const large = text.length > SLICED_FIRST_REVIEW
    // At most the engine's findings per document are held (as the CLI reports them): a document of nothing but findings stays small here.
    const session = new DocumentSession(reviewer, text, format, {deferred: large, maxFindings: MAX_FINDINGS})
    this.sessions.set(uri, session)
    if (!large) return session.findings
    // A long document: the first slice's findings go out at once, the rest between other messages.
    if (!session.step(20) && partial) partial(session.findingsSoFar)
    while (!session.step(20)) await this.host.pause()
    return session.findings
  }

  /**
   * The link to a rule's page: in the client's reading view (every rule, an organisation's
   * own too: the server renders the pages, see rule-pages.ts), else the host's (pages on disk).
   */
  rulePage(ruleId: string): string | undefined {
    const base = this.workspace.rulePageBase
    return base === undefined ? this.host.rulePage(ruleId) : `${base}${ruleId}`
  }

  /** Every rule of the reviewers behind the documents' last reviews (an organisation's own among them). */
  *knownRules(): Iterable<Rule> {
    const seen = new Set<Reviewer>()
    for (const {reviewer} of this.results.values()) {
      if (!reviewer || seen.has(reviewer)) continue
      seen.add(reviewer)
      yield* reviewer.rules
    }
  }

  /**
   * A document's findings as diagnostics. The same wording used several times is one
   * decision for its author: the first use lists the others (relatedInformation), and
   * each of the others points back at it.
   */
  toDiagnostics(uri: string, findings: Finding[], settings: Settings): Diagnostic[] {
    // The first findings (and a summary past the limit: see publication.ts); the uses of a wording linked among those.
    const diagnostics = publishable(findings, (f) => this.toDiagnostic(f, settings))
    const listed = diagnostics.length === findings.length ? findings.length : diagnostics.length - 1
    const groups = new Map<string, number[]>()
    findings.slice(0, listed).forEach((f, i) => groups.set(f.group, [...(groups.get(f.group) ?? []), i]))
    for (const members of groups.values()) {
      if (members.length < 2) continue
      const n = members.length
      const [first, ...others] = members
      const at = (i: number) => ({uri, range: diagnostics[i].range})
      diagnostics[first].relatedInformation = others
        .slice(0, MAX_RELATED)
        .map((i, k) => ({location: at(i), message: `Same wording, ${k + 2} of ${n} in this document`}))
      for (const i of others) diagnostics[i].relatedInformation = [{location: at(first), message: `First of ${n} uses of this wording in this document`}]
    }
    return diagnostics
  }

  toDiagnostic(finding: Finding, settings: Settings): Diagnostic {
    const data: DiagnosticData = {
      ruleId: finding.ruleId,
      category: finding.category,
      text: finding.text,
      suggestions: finding.suggestions,
      fixes: finding.fixes,
      safeFix: finding.safeFix,
      phrase: finding.phrase,
      lineDirective: finding.lineDirective,
      group: finding.group
    }
    const href = this.rulePage(finding.ruleId)
    const severity =
      finding.severity === 'error'
        ? DiagnosticSeverity.Error
        : finding.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : settings.infoAsHint
            ? DiagnosticSeverity.Hint
            : DiagnosticSeverity.Information
    return {
      range: {
        start: {line: finding.line - 1, character: finding.column - 1},
        end: {line: finding.endLine - 1, character: finding.endColumn - 1}
      },
      severity,
      source: SOURCE,
      code: finding.ruleId,
      ...(href ? {codeDescription: {href}} : {}),
      message: finding.message,
      data
    }
  }

  publish(uri: string, version: number | undefined, outcome: Outcome): void {
    if (outcome.state !== 'reviewing') this.results.set(uri, {version, findings: outcome.findings, reviewer: outcome.reviewer})
    const counts: Record<string, number> = {}
    for (const f of outcome.findings) counts[f.category] = (counts[f.category] ?? 0) + 1
    quiet(this.connection.sendNotification(STATUS_NOTIFICATION, {uri, version, counts, state: outcome.state, detail: outcome.detail} satisfies StatusParams))
    quiet(this.connection.sendDiagnostics({uri, version, diagnostics: outcome.diagnostics}))
  }

  /** The last published result of a document. */
  last(uri: string): Reviewed | undefined {
    return this.results.get(uri)
  }

  /** Current findings for an open document (reviewing now, through its session, if the last review is stale). */
  async findingsFor(doc: TextDocument): Promise<Reviewed> {
    const cached = this.results.get(doc.uri)
    if (cached && cached.version === doc.version) return cached
    const outcome = await this.review(doc.uri, doc.getText(), doc.languageId, await this.settings.get(doc.uri))
    return {version: doc.version, findings: outcome.findings, reviewer: outcome.reviewer}
  }

  /** Review a file from disk into Problems (a workspace review of a document that is not open). */
  async reviewFromDisk(uri: string): Promise<ReviewFileResult> {
    const path = this.host.uriToPath(uri)
    if (!path) return {findings: 0, skipped: 'not a file'}
    const settings = await this.settings.get(uri)
    // Off or excluded now: what an earlier workspace review published for the file goes too.
    const skip = (skipped: string): ReviewFileResult => {
      quiet(this.connection.sendDiagnostics({uri, diagnostics: []}))
      return {findings: 0, skipped}
    }
    if (!settings.enable) return skip('disabled')
    if (isExcluded(settings, [path, this.workspace.relativePath(uri)])) return skip('excluded')
    const size = await this.host.fileSize(path)
    if (size === undefined) return {findings: 0, skipped: 'cannot read'}
    if (size > settings.sizeLimit * 1024) {
      quiet(this.connection.sendDiagnostics({uri, diagnostics: []}))
      return {findings: 0, skipped: `too large (${Math.round(size / 1024)} KB)`}
    }
    let text: string
    try {
      text = await this.host.readDocument(path)
    } catch (error) {
      this.notices.once(`unreadable:${uri}`, `Recovery Language Review: ${(error as Error).message.split('\n')[0]}`)
      return {findings: 0, skipped: (error as Error).message}
    }
    // Not kept as a session: the document is not open, and a file on disk is not edited here.
    this.sessions.delete(uri)
    const outcome = await this.review(uri, text, undefined, settings)
    this.sessions.delete(uri)
    this.publish(uri, undefined, outcome)
    return {findings: outcome.findings.length, ...(outcome.state === 'ok' ? {} : {skipped: outcome.detail ?? outcome.state})}
  }

  forget(uri: string): void {
    this.results.delete(uri)
    this.sessions.delete(uri)
  }

  /** Configurations changed: every session is rebuilt on its next review. */
  reset(): void {
    this.sessions.clear()
  }
}
