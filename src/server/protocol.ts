/**
 * The contract between the VS Code client and the language server, beyond LSP:
 * names of custom requests, notifications and commands, and what diagnostics
 * carry. The settings are in settings-schema.ts. Pure (no vscode, no node): the
 * client bundle imports it too.
 */
export {DEFAULT_SETTINGS, type Settings} from './settings-schema.js'

import type {Fix} from '../core/index.js'

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

/**
 * Server → client request, from a server without a file system (the browser's):
 * read files through the editor (workspace.fs, so virtual file systems work). With
 * `sizeOnly`, only their sizes.
 */
export const READ_FILES_REQUEST = 'recoveryLint/readFiles'
export interface ReadFilesParams {
  uris: string[]
  sizeOnly?: boolean
}
export interface ReadFilesResult {
  /** One per URI: neither `text` nor `error` means there is no such file. */
  files: Array<{text?: string; size?: number; error?: string}>
}

/** Server → client request, from a server without a file system: write a configuration file through the editor. */
export const WRITE_FILE_REQUEST = 'recoveryLint/writeFile'
export interface WriteFileParams {
  uri: string
  text: string
}

/** Server → client notification: counts per category for one document (status bar). */
export const STATUS_NOTIFICATION = 'recoveryLint/status'
export interface StatusParams {
  uri: string
  counts: Record<string, number>
  /** 'ok' | 'reviewing' (a long document's first slices: counts so far) | 'disabled' | 'excluded' | 'too-large' | 'config-error' | 'error' | 'closed' */
  state: string
  detail?: string
}

/** Client → server notification: workspace trust was granted. */
export const TRUST_NOTIFICATION = 'recoveryLint/trusted'

/** Server-side command (workspace/executeCommand): allow a phrase in the workspace config file. Arguments: [documentUri, phrase]. */
export const ALLOW_PHRASE_COMMAND = 'recoveryLint.server.allowPhrase'

/**
 * Server-side command: write the starter configuration into a folder unless it has
 * one. Arguments: [folderUri]. Returns CreateConfigResult (or null when it could not).
 */
export const CREATE_CONFIG_COMMAND = 'recoveryLint.server.createConfig'
export interface CreateConfigResult {
  /** The configuration file's URI (new or existing). */
  uri: string
  created: boolean
}

/** What the server adds to its initialize result: the categories as people read them. */
export interface RecoveryLintInitializeResult {
  categories: Array<{id: string; title: string}>
}

export interface InitializationOptions {
  /** Workspace trust: untrusted workspaces may not load rule files from the workspace. */
  trusted?: boolean
  /**
   * Where the client shows the built-in rules' pages: links become `<base><rule-id>.md`
   * (VS Code: read-only documents of the RULE_PAGE_SCHEME). Without it, the pages on
   * disk (docs/rules of an install from the repository), when there are any.
   */
  rulePageBase?: string
  /** dist/rules.json as text, for a server that cannot read it itself (the browser's). */
  compiledRules?: string
}

/** The URI scheme of the rule pages the VS Code client shows (read-only, never reviewed). */
export const RULE_PAGE_SCHEME = 'recovery-lint-rule'

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
  /** The wording "allow this phrase" adds (Finding.phrase). */
  phrase: string
  /** Where "disable for this line" goes (Finding.lineDirective). */
  lineDirective: 'above' | 'inline'
}
