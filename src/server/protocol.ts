/**
 * The contract between the VS Code client and the language server, beyond LSP:
 * names of custom requests, notifications and commands, and the settings shape.
 * Pure (no vscode, no node): the client bundle imports it too.
 */

import type {Fix} from '../core/types.js'

export const SOURCE = 'recovery-lint'
export const FIX_ALL_KIND = 'source.fixAll.recoveryLint'

/** Client → server request: review one file from disk (or its open document) into Problems. */
export const REVIEW_FILE_REQUEST = 'recoveryLint/reviewFile'
export interface ReviewFileParams {
  uri: string
}
export interface ReviewFileResult {
  findings: number
  /** Why the file was not reviewed (too large, excluded, config error). */
  skipped?: string
}

/** Client → server request: review a Word document from disk, write NAME.reviewed.docx beside it, findings into Problems. */
export const REVIEW_DOCX_REQUEST = 'recoveryLint/reviewDocx'
export interface ReviewDocxParams {
  uri: string
}
export interface ReviewDocxResult {
  findings: number
  comments: number
  /** The reviewed copy's URI. */
  output?: string
  /** One line: why it could not be done. */
  problem?: string
}

/** Server → client notification: counts per category for one document (status bar). */
export const STATUS_NOTIFICATION = 'recoveryLint/status'
export interface StatusParams {
  uri: string
  counts: Record<string, number>
  /** 'ok' | 'disabled' | 'excluded' | 'too-large' | 'config-error' | 'error' */
  state: string
  detail?: string
}

/** Client → server notification: workspace trust was granted. */
export const TRUST_NOTIFICATION = 'recoveryLint/trusted'

/** Server-side command (workspace/executeCommand): allow a phrase in the workspace config file. */
export const ALLOW_PHRASE_COMMAND = 'recoveryLint.server.allowPhrase'

export interface InitializationOptions {
  /** Workspace trust: untrusted workspaces may not load rule files from the workspace. */
  trusted?: boolean
}


/** What each diagnostic carries in `data`, so code actions need no second review. */
export interface DiagnosticData {
  ruleId: string
  category: string
  /** The exact source text of the range. */
  text: string
  suggestions: string[]
  /** Every edit (drop-ins and rewrites of the words around the range), first the preferred one. */
  fixes?: Fix[]
  safeFix: boolean
}

/** The `recoveryLint.*` settings, as the server reads them (resource-scoped). */
export interface Settings {
  enable: boolean
  languages: string[]
  profile: 'peer' | 'service' | 'clinical' | ''
  run: 'onType' | 'onSave'
  debounceMs: number
  maxFileSizeKb: number
  exclude: string[]
  severity: Record<string, 'error' | 'warning' | 'info' | 'off'>
  infoAsHint: boolean
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  languages: ['markdown', 'plaintext'],
  profile: '',
  run: 'onType',
  debounceMs: 400,
  maxFileSizeKb: 8192,
  exclude: [],
  severity: {},
  infoAsHint: false
}
