/**
 * The first review without the wait. Building a reviewer (compiling the rules for a
 * configuration) and the first review's cold code paths cost more than reviewing a
 * page. So the server gets ready for the first document early: from a hint in its
 * environment as soon as the process starts (the desktop client starts the process
 * before it has loaded its own library), and again right after initialize from the
 * first document the client names; its reviewer is built and a few sentences
 * reviewed, so the document's own review finds everything ready.
 */
import type {TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {codeCacheReady} from './code-cache.js'
import type {ServerHost} from './host.js'
import type {WarmUpHint} from './protocol.js'
import type {Reviewers} from './reviewers.js'
import {normaliseSettings, type SettingsStore} from './settings.js'
import type {Workspace} from './workspace.js'

/** Sentences that take the phrase, frame and suggestion paths. */
const WARM_UP_TEXT = `# Peer support

Our peer workers act as role models for the patients on their caseload.
The team decides the goals for each person, and recovery means being symptom-free.
`

export interface WarmUpDeps {
  documents: TextDocuments<TextDocument>
  host: ServerHost
  workspace: Workspace
  settings: SettingsStore
  reviewers: Reviewers
  /** Where a start's timing goes (the server's log). */
  log: (message: string) => void
}

export class WarmUp {
  /** The reviewers already warmed (by document or folder, settings and trust). */
  private readonly done = new Set<string>()
  /** Log lines held until initialize is answered: the protocol lets a server speak only after that. */
  private held: string[] | undefined = []

  constructor(private readonly deps: WarmUpDeps) {}

  /** Right after the process starts, from the client's hint (before initialize: the trust comes from the hint). */
  fromHint(hint: WarmUpHint | undefined): void {
    if (!hint || typeof hint.uri !== 'string') return
    this.deps.workspace.trusted = hint.trusted !== false
    setTimeout(() => this.run(hint.uri, hint.settings, hint.settings !== undefined), 0)
  }

  /** After initialize: seed the first document's settings (as the client read them) and warm its reviewer up. */
  afterInitialize(first: {uri: string; settings: unknown} | undefined): void {
    if (first && typeof first.uri === 'string') this.deps.settings.seed(first.uri, normaliseSettings(first.settings as never))
    const uri = first?.uri ?? this.deps.workspace.folders[0]?.uri
    if (uri) setTimeout(() => this.run(uri, first?.settings, first !== undefined), 0)
  }

  /** Initialize was answered: what was held goes to the log, and from now on at once. */
  initialized(): void {
    for (const line of this.held ?? []) this.deps.log(line)
    this.held = undefined
  }

  private note(line: string): void {
    if (this.held) this.held.push(line)
    else this.deps.log(line)
  }

  private run(uri: string, raw: unknown, isDocument: boolean): void {
    // A document already arrived: its own review does the same work.
    if (this.deps.documents.all().length > 0) return
    const settings = normaliseSettings(raw as never)
    const key = JSON.stringify([uri, settings, this.deps.workspace.trusted])
    if (!settings.enable || this.done.has(key)) return
    this.done.add(key)
    const start = performance.now()
    // Through the host's files (a browser's host fetches the configuration files first; Node's runs it at once).
    void this.deps.host
      .withFiles(() => this.deps.reviewers.reviewerFor(uri, isDocument ? this.deps.host.uriToPath(uri) : undefined, settings))
      .then((reviewer) => {
        reviewer.review(WARM_UP_TEXT, 'markdown')
        // What a review runs is compiled now: kept for the next start while the editor catches up (code-cache.ts).
        codeCacheReady()
      })
      // An invalid configuration: the document's own review reports it.
      .catch(() => {})
      .then(() => this.note(`warmed up ${isDocument ? 'for the first document' : 'for the folder'} at ${Math.round(start)}–${Math.round(performance.now())} ms of the server process`))
  }
}
