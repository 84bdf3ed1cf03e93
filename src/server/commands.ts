/**
 * The server's commands (workspace/executeCommand): write to the configuration file
 * (allow a phrase, turn a rule off, create the starter), fix all safe findings of a
 * document or say why none can be, and tell the writer something a code action found.
 */
import type {Connection, TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {PROFILES, type Profile} from '../core/index.js'
import {fixAllEdits, fixAllReason} from './code-actions.js'
import {allowPhrase, createConfig, disableRule} from './config-writes.js'
import type {Reviews} from './diagnostics.js'
import type {ServerHost} from './host.js'
import type {Notices} from './notices.js'
import {ALLOW_PHRASE_COMMAND, CREATE_CONFIG_COMMAND, DISABLE_RULE_COMMAND, FIX_ALL_COMMAND, TELL_COMMAND, type FixAllResult} from './protocol.js'
import type {Reviewers} from './reviewers.js'
import type {SettingsStore} from './settings.js'
import type {Workspace} from './workspace.js'

export const SERVER_COMMANDS = [ALLOW_PHRASE_COMMAND, DISABLE_RULE_COMMAND, CREATE_CONFIG_COMMAND, FIX_ALL_COMMAND, TELL_COMMAND]

export interface CommandDeps {
  connection: Connection
  documents: TextDocuments<TextDocument>
  host: ServerHost
  workspace: Workspace
  settings: SettingsStore
  reviewers: Reviewers
  reviews: Reviews
  notices: Notices
  /** Configuration changed: rebuild the reviewers and review every document again. */
  reviewAgain: () => Promise<void>
}

/** Write to the configuration file that applies to a document (in its workspace folder), then review again. */
async function writeConfig(deps: CommandDeps, uri: unknown, what: string, write: (folderPath: string, documentPath: string | undefined) => Promise<string>): Promise<{file: string} | null> {
  if (typeof uri !== 'string') return null
  const folder = deps.workspace.folderFor(uri)
  const folderPath = folder ? deps.host.uriToPath(folder.uri) : undefined
  if (!folderPath) {
    deps.notices.show(`Recovery Language Review: open a folder to ${what} in its .recoverylintrc.json.`, 'warning')
    return null
  }
  let file: string
  try {
    file = await write(folderPath, deps.host.uriToPath(uri))
  } catch (error) {
    deps.notices.show(`Recovery Language Review: cannot update ${(error as Error).message}`, 'error')
    return null
  }
  deps.notices.log(`${what}: wrote ${file}`)
  await deps.reviewAgain()
  return {file}
}

export async function executeCommand(command: string, args: unknown[], deps: CommandDeps): Promise<unknown> {
  const {host, notices} = deps
  switch (command) {
    case ALLOW_PHRASE_COMMAND: {
      const [uri, phrase] = args
      if (typeof phrase !== 'string' || !phrase.trim()) return null
      return writeConfig(deps, uri, `allow “${phrase}”`, (folder, doc) => allowPhrase(host, folder, doc, phrase))
    }
    case DISABLE_RULE_COMMAND: {
      const [uri, ruleId] = args
      if (typeof ruleId !== 'string' || !ruleId) return null
      return writeConfig(deps, uri, `turn rule ${ruleId} off`, (folder, doc) => disableRule(host, folder, doc, ruleId))
    }
    case CREATE_CONFIG_COMMAND: {
      const [folderUri] = args
      const folderPath = typeof folderUri === 'string' ? host.uriToPath(folderUri) : undefined
      if (!folderPath || typeof folderUri !== 'string') return null
      try {
        // The profile in effect there now (settings and any parent config), so the new file changes nothing.
        const folderSettings = await deps.settings.get(folderUri)
        const reviewer = await host.withFiles(() => deps.reviewers.reviewerFor(folderUri, `${folderPath.replace(/\/$/, '')}/untitled.md`, folderSettings))
        const profile: Profile = PROFILES.includes(reviewer.config.profile as Profile) ? (reviewer.config.profile as Profile) : 'peer'
        return await createConfig(host, folderPath, profile)
      } catch (error) {
        notices.show(`Recovery Language Review: cannot create a configuration file: ${(error as Error).message}`, 'error')
        return null
      }
    }
    case FIX_ALL_COMMAND: {
      const [uri] = args
      const doc = typeof uri === 'string' ? deps.documents.get(uri) : undefined
      if (!doc) return null
      const findings = (await deps.reviews.findingsFor(doc)).findings
      const edits = fixAllEdits(doc, findings)
      if (edits.length === 0) {
        const reason = fixAllReason(findings)
        notices.show(reason, 'info')
        return {fixed: 0, reason} satisfies FixAllResult
      }
      const applied = await deps.connection.workspace.applyEdit({label: 'Fix all safe findings', edit: {documentChanges: [{textDocument: {uri: doc.uri, version: doc.version}, edits}]}})
      return {fixed: applied.applied ? edits.length : 0, ...(applied.applied ? {} : {reason: applied.failureReason ?? 'the document changed'})} satisfies FixAllResult
    }
    case TELL_COMMAND: {
      const [message] = args
      if (typeof message === 'string' && message) notices.show(message, 'info')
      return null
    }
  }
  return null
}
