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

/** Server → client notification: counts per category for one document (status bar). Sent just before its diagnostics. */
export const STATUS_NOTIFICATION = 'recoveryLint/status'
export interface StatusParams {
  uri: string
  /** The version of the open document the counts and the diagnostics that follow are for. */
  version?: number
  counts: Record<string, number>
  /** 'ok' | 'reviewing' (a long document's first slices: counts so far) | 'disabled' | 'excluded' | 'too-large' | 'config-error' | 'error' | 'closed' */
  state: string
  detail?: string
}

/** Client → server request: a page of the rule catalogue as HTML (its reading view). Params: {page: 'catalogue' | rule id}. */
export const RULE_PAGE_REQUEST = 'recoveryLint/rulePage'
export interface RulePageParams {
  page: string
}
/** null: no such page. */
export interface RulePageResult {
  title: string
  html: string
}

/** Client → server notification: workspace trust was granted. */
export const TRUST_NOTIFICATION = 'recoveryLint/trusted'

/** Server-side command (workspace/executeCommand): allow a phrase in the workspace config file. Arguments: [documentUri, phrase]. */
export const ALLOW_PHRASE_COMMAND = 'recoveryLint.server.allowPhrase'

/** Server-side command: turn a rule off in the configuration file that applies to a document. Arguments: [documentUri, ruleId]. */
export const DISABLE_RULE_COMMAND = 'recoveryLint.server.disableRule'

/**
 * Server-side command: fix every safe finding of a document (what `--fix` does), or say why
 * nothing can be. Arguments: [documentUri]. Returns FixAllResult.
 */
export const FIX_ALL_COMMAND = 'recoveryLint.server.fixAll'
export interface FixAllResult {
  fixed: number
  /** Why nothing was fixed, in a sentence (when fixed is 0). */
  reason?: string
}

/**
 * Client-side command (VS Code): offer the ways to silence one finding as a quick pick.
 * Arguments: [documentUri, range, ruleId]. The hover links to it when the client says
 * it has it (InitializationOptions.clientCommands).
 */
export const SILENCE_COMMAND = 'recoveryLint.silence'
/**
 * Client-side command (VS Code): open a rule's page in the reading view. Arguments:
 * [ruleId, section?]. The hover links to pages through it when the client has it: a
 * hover renders links of the http, https, file and command schemes only, so a
 * `recovery-lint-rule:` link there would be text that does nothing.
 */
export const RULE_PAGE_COMMAND = 'recoveryLint.showRulePage'
/** The code action kind of the ways to silence a finding (a quick fix, so the light bulb lists them too). */
export const SILENCE_KIND = 'quickfix.recoveryLint.silence'

/** Server-side command: tell the writer which places a "replace all" left for them. Arguments: [message]. */
export const TELL_COMMAND = 'recoveryLint.server.tell'

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

/**
 * A head start for a server process started with its client (the desktop client
 * passes it in the environment variable WARM_UP_ENV): the document to get ready
 * for (or the workspace folder), its settings and the workspace trust, so the
 * server builds its reviewer while the editor is still loading the client.
 */
export const WARM_UP_ENV = 'RECOVERY_LINT_WARM_UP'
export interface WarmUpHint {
  /** A document open in the editor, or a workspace folder (then `settings` is absent). */
  uri: string
  settings?: unknown
  trusted: boolean
}

/** What the server adds to its initialize result: the categories as people read them. */
export interface RecoveryLintInitializeResult {
  categories: Array<{id: string; title: string}>
}

export interface InitializationOptions {
  /** Workspace trust: untrusted workspaces may not load rule files from the workspace. */
  trusted?: boolean
  /**
   * A document open when the server starts, with its settings as workspace/configuration
   * would answer: the server builds that document's reviewer while the editor finishes
   * starting, so the first review does not wait for it.
   */
  firstDocument?: {uri: string; settings: unknown}
  /** Client-side commands the server may link to (SILENCE_COMMAND). */
  clientCommands?: string[]
  /**
   * Where the client shows the built-in rules' pages: links become `<base><rule-id>`
   * (VS Code: its reading view for the RULE_PAGE_SCHEME, never a document). Without it, the pages on
   * disk (docs/rules of an install from the repository), when there are any.
   */
  rulePageBase?: string
  /** dist/rules.json as text, for a server that cannot read it itself (the browser's). */
  compiledRules?: string
}

/** The URI scheme of the rule pages the VS Code client shows in its reading view (never a document, never reviewed). */
export const RULE_PAGE_SCHEME = 'recovery-lint-rule'
/** The catalogue's index page under RULE_PAGE_SCHEME. */
export const CATALOGUE_PAGE = 'catalogue'

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
  /** Findings of one rule on the same wording share it (Finding.group): "replace all N". */
  group?: string
}
