/**
 * The first review without the wait. Building a reviewer (compiling the rules for a
 * configuration) and the first review's cold code paths cost more than reviewing a
 * page; right after initialize, while the editor finishes starting and sends the
 * document, the server builds the reviewer of the first open document (or of the
 * workspace folder) and reviews a few sentences, so the document's own review finds
 * everything ready.
 */
import type {TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {ServerHost} from './host.js'
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
}

/** Seed the first document's settings (as the client read them) and warm its reviewer up, after the current message. */
export function warmUp(deps: WarmUpDeps, first: {uri: string; settings: unknown} | undefined): void {
  if (first && typeof first.uri === 'string') deps.settings.seed(first.uri, normaliseSettings(first.settings as never))
  setTimeout(() => {
    // A document already arrived: its own review does the same work.
    if (deps.documents.all().length > 0) return
    const uri = first?.uri ?? deps.workspace.folders[0]?.uri
    const settings = normaliseSettings(first?.settings as never)
    if (!uri || !settings.enable) return
    try {
      deps.reviewers.reviewerFor(uri, first ? deps.host.uriToPath(uri) : undefined, settings).review(WARM_UP_TEXT, 'markdown')
    } catch {
      // An invalid configuration: the document's own review reports it.
    }
  }, 0)
}
