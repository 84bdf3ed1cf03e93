/**
 * When documents are reviewed: on open at once, while typing after a pause (or
 * on save, by setting), again when configuration changes; a review whose
 * document changed meanwhile is dropped. Files of a workspace review that are
 * not open are reviewed from disk, and again when they close.
 */
import type {Connection, TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {codeCacheReady} from './code-cache.js'
import type {Reviews} from './diagnostics.js'
import {quiet, type Notices} from './notices.js'
import {STATUS_NOTIFICATION, type ReviewFileResult, type StatusParams} from './protocol.js'
import type {SettingsStore} from './settings.js'

export class Scheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  /** Opened, with the open's own review still to come. */
  private readonly fresh = new Set<string>()
  /** Files a workspace review published diagnostics for. */
  private readonly scanned = new Set<string>()
  /** When the first document arrived (ms of the process) and whether its findings were logged: where a start goes, for the log. */
  private firstOpen: number | undefined
  private firstDone = false

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly reviews: Reviews,
    private readonly notices: Notices
  ) {
    documents.onDidOpen((e) => {
      this.firstOpen ??= performance.now()
      this.fresh.add(e.document.uri)
      this.schedule(e.document.uri, 0)
    })
    documents.onDidChangeContent((e) => {
      const uri = e.document.uri
      if (this.fresh.has(uri)) return // the open's own review is scheduled
      quiet(settings.get(uri).then((s) => s.run === 'onType' && this.schedule(uri, s.typingDelay)))
    })
    documents.onDidSave((e) => {
      quiet(settings.get(e.document.uri).then((s) => s.run === 'onSave' && this.schedule(e.document.uri, 0)))
    })
    documents.onDidClose((e) => this.closed(e.document.uri))
  }

  /** Review an open document now and publish, unless it changes meanwhile. */
  async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri)
    if (!doc) return
    const version = doc.version
    const settings = await this.settings.get(uri)
    const current = this.documents.get(uri)
    // A newer edit arrived while we waited: its own review will run.
    if (!current || current.version !== version) return
    const stillCurrent = () => this.documents.get(uri)?.version === version
    const started = performance.now()
    const outcome = await this.reviews.review(uri, current.getText(), current.languageId, settings, (partial) => {
      if (stillCurrent()) this.reviews.publish(uri, version, partial)
    })
    // A sliced first review of a large document yields: drop it if an edit came in meanwhile.
    if (stillCurrent()) this.reviews.publish(uri, version, outcome)
    if (!this.firstDone && outcome.state === 'ok' && this.firstOpen !== undefined) {
      this.firstDone = true
      // Where a start goes, for anyone reading the log (performance.now() counts from the process's start).
      const done = performance.now()
      this.notices.log(`first findings (${outcome.findings.length}) at ${Math.round(done)} ms of the server process: the document came at ${Math.round(this.firstOpen)} ms, its review took ${Math.round(done - started)} ms`)
      codeCacheReady()
    }
  }

  private schedule(uri: string, delay: number) {
    clearTimeout(this.timers.get(uri))
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri)
        this.fresh.delete(uri)
        this.validate(uri).catch((e) => this.notices.log(`validate failed: ${e}`))
      }, delay)
    )
  }

  /** A workspace review asks for one file: the open document's review, or the file on disk. */
  async reviewFile(uri: string): Promise<ReviewFileResult> {
    this.scanned.add(uri)
    if (this.documents.get(uri)) {
      await this.validate(uri)
      return {findings: this.reviews.last(uri)?.findings.length ?? 0}
    }
    return this.reviews.reviewFromDisk(uri)
  }

  /** Every open document and every reviewed file again (configuration or trust changed). */
  async revalidateAll(): Promise<void> {
    for (const doc of this.documents.all()) await this.validate(doc.uri)
    for (const uri of this.scanned) if (!this.documents.get(uri)) await this.reviews.reviewFromDisk(uri)
  }

  private closed(uri: string) {
    clearTimeout(this.timers.get(uri))
    this.timers.delete(uri)
    this.fresh.delete(uri)
    this.reviews.forget(uri)
    this.settings.forget(uri)
    if (this.scanned.has(uri)) quiet(this.reviews.reviewFromDisk(uri))
    else {
      quiet(this.connection.sendDiagnostics({uri, diagnostics: []}))
      quiet(this.connection.sendNotification(STATUS_NOTIFICATION, {uri, counts: {}, state: 'closed'} satisfies StatusParams))
    }
  }
}
