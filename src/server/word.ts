/**
 * Explorer › Review Word document: the findings go into Problems by paragraph
 * (the line is the paragraph's number, the message names the place), and the
 * host writes NAME.reviewed.docx beside the file.
 */
import type {Connection} from 'vscode-languageserver'
import type {Reviews} from './diagnostics.js'
import type {ServerHost} from './host.js'
import {quiet} from './notices.js'
import type {ReviewDocxParams, ReviewDocxResult} from './protocol.js'
import type {Reviewers} from './reviewers.js'
import type {SettingsStore} from './settings.js'

export async function reviewWordDocument(
  params: ReviewDocxParams,
  deps: {connection: Connection; host: ServerHost; settings: SettingsStore; reviewers: Reviewers; reviews: Reviews}
): Promise<ReviewDocxResult> {
  const {connection, host} = deps
  const path = host.uriToPath(params.uri)
  if (!path) return {findings: 0, comments: 0, problem: 'not a file on disk'}
  const settings = await deps.settings.get(params.uri)
  try {
    const reviewer = await host.withFiles(() => deps.reviewers.reviewerFor(params.uri, path, settings))
    const word = await host.reviewWordFile(path, reviewer)
    const diagnostics = word.findings.map((f, i) => ({...deps.reviews.toDiagnostic(f, settings), message: `${word.places[i]}: ${f.message}`}))
    quiet(connection.sendDiagnostics({uri: params.uri, diagnostics}))
    return {findings: word.findings.length, comments: word.comments, output: host.pathToUri(word.output)}
  } catch (error) {
    return {findings: 0, comments: 0, problem: (error as Error).message.split('\n')[0]}
  }
}
