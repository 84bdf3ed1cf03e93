/**
 * The open documents, held equal to the editor's text or not used at all. An edit
 * that does not fit the text held here (a line past the end, a range that ends
 * before it starts or is not two positions, a `rangeLength` that disagrees, a
 * change without text) means the two texts differ: a review of it would put
 * findings in the wrong places and a quick fix would edit the wrong words. So the
 * document is set aside (no review, no hover, no code action; its diagnostics
 * cleared; one notice) until the editor sends its whole text again: on save, on
 * reopening, or a change without a range. A document opened
 * from a special file (a device such as /dev/zero, a FIFO, a socket) is not kept
 * or reviewed: one notice names it.
 *
 * Edits in one notification are applied in order, each to the result of the one
 * before (as the protocol says), so edits whose ranges overlap are not an error.
 *
 * A save carries the editor's text (the server asks for it: includeText), which is
 * the text after every change sent before the save. The file on disk is not: a
 * word typed while the file was written reaches the server before the save does
 * and is not in the file, so a document read back from disk would miss it and
 * every later edit would land in the wrong place. The disk is read only for a
 * client that sends no text with its saves. A save whose text differs from a
 * document held in step also puts the text here right (it cannot happen with a
 * correct client; reviewing the wrong text would).
 */
import {Emitter, TextDocuments, type Connection, type Disposable, type Event, type Position, type TextDocumentChangeEvent} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {ServerHost} from './host.js'
import {quiet, type Notices} from './notices.js'
import {STATUS_NOTIFICATION, type StatusParams} from './protocol.js'

const isPosition = (p: unknown): p is Position =>
  typeof p === 'object' && p !== null && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character) && (p as Position).line >= 0 && (p as Position).character >= 0

/** Why a change cannot be applied to `doc` as it is here, or undefined when it can. */
export function misfit(doc: TextDocument, change: unknown): string | undefined {
  if (typeof change !== 'object' || change === null) return 'a change that is not an object'
  const c = change as {range?: {start?: unknown; end?: unknown}; rangeLength?: unknown; text?: unknown}
  if (typeof c.text !== 'string') return 'a change without its text'
  if (c.range === undefined) return undefined
  const {start, end} = c.range ?? {}
  if (!isPosition(start) || !isPosition(end)) return 'a range that is not two positions'
  const last = Math.max(start.line, end.line)
  if (last >= doc.lineCount) return `an edit at line ${last + 1} of a document of ${doc.lineCount} line${doc.lineCount === 1 ? '' : 's'}`
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return 'a range that ends before it starts'
  if (typeof c.rangeLength === 'number') {
    const held = doc.offsetAt(end) - doc.offsetAt(start)
    if (c.rangeLength !== held) return `an edit replacing ${c.rangeLength} characters where the text here has ${held}`
  }
  return undefined
}

export class CheckedDocuments extends TextDocuments<TextDocument> {
  /** Documents whose text here may differ from the editor's, with why. */
  private readonly unsynced = new Map<string, string>()
  /** Documents opened from special files, never reviewed. */
  private readonly special = new Set<string>()
  private readonly resynced = new Emitter<string>()
  private readonly saves = new Emitter<TextDocumentChangeEvent<TextDocument>>()
  private connection!: Connection
  private host!: ServerHost
  private notices!: Notices

  constructor(connection: Connection, host: ServerHost, notices: Notices) {
    let self: CheckedDocuments | undefined
    super({
      create: (uri, languageId, version, text) => self!.create(uri, languageId, version, text),
      update: (doc, changes, version) => self!.apply(doc, changes, version)
    })
    self = this
    this.connection = connection
    this.host = host
    this.notices = notices
    this.onDidClose((e) => {
      this.unsynced.delete(e.document.uri)
      this.special.delete(e.document.uri)
    })
  }

  /** Saved, with the text held here already the editor's (see takeSave). */
  override get onDidSave(): Event<TextDocumentChangeEvent<TextDocument>> {
    return this.saves.event
  }

  override listen(connection: Connection): Disposable {
    const listening = super.listen(connection)
    // In place of TextDocuments' own handler (one per method): the save's text is taken before anyone hears of the save.
    connection.onDidSaveTextDocument((params) => {
      const doc = super.get(params.textDocument.uri)
      if (!doc) return
      this.takeSave(doc, (params as {text?: unknown}).text)
      this.saves.fire(Object.freeze({document: doc}))
    })
    return listening
  }

  /** A document set aside came back in step with the editor, or its text here was put right: review it again. */
  get onResynced(): Event<string> {
    return this.resynced.event
  }

  /** The document, unless it is set aside (its text here may be wrong) or not a regular file. */
  override get(uri: string): TextDocument | undefined {
    return this.unsynced.has(uri) || this.special.has(uri) ? undefined : super.get(uri)
  }

  override all(): TextDocument[] {
    return super.all().filter((d) => !this.unsynced.has(d.uri) && !this.special.has(d.uri))
  }

  private create(uri: string, languageId: string, version: number, text: unknown): TextDocument {
    this.unsynced.delete(uri)
    this.special.delete(uri)
    const path = this.host.uriToPath(uri)
    const kind = path === undefined ? undefined : this.host.specialFile?.(path)
    if (kind) {
      this.special.add(uri)
      const detail = `${path}: not a regular file (${kind}): not reviewed.`
      this.notices.once(`special:${uri}`, `Recovery Language Review: ${detail}`)
      this.setAside(uri, 'not-a-file', detail)
      // Nothing of it is kept: a device's text could be anything, and is never reviewed.
      return TextDocument.create(uri, languageId, version, '')
    }
    if (typeof text !== 'string') {
      const doc = TextDocument.create(uri, languageId, version, '')
      this.outOfStep(doc, 'it was opened without its text')
      return doc
    }
    return TextDocument.create(uri, languageId, version, text)
  }

  private apply(doc: TextDocument, changes: unknown, version: number): TextDocument {
    const list: unknown[] = Array.isArray(changes) ? changes : []
    if (!Array.isArray(changes)) this.outOfStep(doc, 'a change notification without a list of changes')
    let from = 0
    if (this.unsynced.has(doc.uri) || this.special.has(doc.uri)) {
      // Only a whole text brings it back in step; edits before it are to a text we do not have.
      from = lastWholeText(list)
      if (from < 0 || this.special.has(doc.uri)) return TextDocument.update(doc, [], version)
      this.unsynced.delete(doc.uri)
      // Reviewed again through the change event that follows, like any edit.
      this.notices.forget(`unsynced:${doc.uri}`)
    }
    for (let i = from; i < list.length; i++) {
      const problem = misfit(doc, list[i])
      if (problem) {
        this.outOfStep(doc, problem)
        return TextDocument.update(doc, [], version)
      }
      TextDocument.update(doc, [list[i] as {text: string}], version)
    }
    return TextDocument.update(doc, [], version)
  }

  private outOfStep(doc: TextDocument, problem: string): void {
    if (this.unsynced.has(doc.uri)) return
    this.unsynced.set(doc.uri, problem)
    const name = this.host.uriToPath(doc.uri) ?? doc.uri
    const detail = `${name}: the editor sent ${problem}, so the text held for review no longer matches; its review is paused and no fix is offered until it is saved or reopened. Nothing in the editor was changed.`
    this.notices.log(detail)
    this.notices.once(`unsynced:${doc.uri}`, `Recovery Language Review: ${detail}`, 'info')
    this.setAside(doc.uri, 'out-of-sync', detail)
  }

  private setAside(uri: string, state: string, detail: string): void {
    // Status first, as Reviews.publish does: a client reads the diagnostics with the state before them.
    quiet(this.connection.sendNotification(STATUS_NOTIFICATION, {uri, counts: {}, state, detail} satisfies StatusParams))
    quiet(this.connection.sendDiagnostics({uri, diagnostics: []}))
  }

  /** Saved with the editor's text (or without, by a client that does not send it: see readBack). */
  private takeSave(doc: TextDocument, text: unknown): void {
    if (this.special.has(doc.uri)) return
    if (typeof text !== 'string') {
      void this.readBack(doc).catch(() => {})
      return
    }
    const name = this.host.uriToPath(doc.uri) ?? doc.uri
    if (this.unsynced.has(doc.uri)) this.notices.log(`${name}: in step with the editor again (its text came with the save)`)
    else if (doc.getText() !== text) this.notices.log(`${name}: the text held for review was not the editor's: the saved text replaces it`)
    else return
    this.inStep(doc, text)
  }

  private inStep(doc: TextDocument, text: string): void {
    TextDocument.update(doc, [{text}], doc.version)
    this.unsynced.delete(doc.uri)
    this.notices.forget(`unsynced:${doc.uri}`)
    this.resynced.fire(doc.uri)
  }

  /** Saved without its text: a document set aside is read back from the file (which misses a word typed while it was written). */
  private async readBack(doc: TextDocument): Promise<void> {
    if (!this.unsynced.has(doc.uri)) return
    const path = this.host.uriToPath(doc.uri)
    if (!path) return
    const version = doc.version
    let text: string
    try {
      text = await this.host.readDocument(path)
    } catch (error) {
      this.notices.log(`could not read ${path} back after saving: ${(error as Error).message}`)
      return
    }
    // A host that reads asynchronously (the editor's file system): an edit that came meanwhile is not in the file.
    if (doc.version !== version || !this.unsynced.has(doc.uri)) return
    this.notices.log(`${path}: in step with the editor again (read back after saving)`)
    this.inStep(doc, text)
  }
}

/** Index of the last change without a range (the whole text), or -1. */
function lastWholeText(changes: unknown[]): number {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i] as {range?: unknown; text?: unknown} | null
    if (c && typeof c === 'object' && c.range === undefined && typeof c.text === 'string') return i
  }
  return -1
}
