/**
 * What the language server needs from where it runs: files, the built-in rules,
 * reviewers per configuration, rule pages. The server's modules reach Node only
 * through this interface: src/node/server-host.ts implements it over the file
 * system, src/server/editor-host.ts (the browser) by asking the editor for files.
 */
import type {InitializeParams} from 'vscode-languageserver'
import type {Config, FileHost, Finding, Reviewer, RulePack} from '../core/index.js'

/** Node answers at once; a host that asks the editor answers later. */
export type Awaitable<T> = T | Promise<T>

/** Reviewers for documents by path, each with the configuration files its folder resolves to. */
export interface ReviewerProject {
  /** Throws ConfigError / RulePackError for an invalid configuration or rule pack. */
  reviewerFor(path: string): Reviewer
  /** Whether a config file's `ignore` globs exclude this document. */
  isIgnored(path: string): boolean
  /** Whether a file is one this project read (a config file or a rule pack it names). */
  uses(path: string): boolean
}

export interface ProjectSettings {
  /** Below every config file (the editor's profile). */
  defaults: Config
  /** Above every config file (the editor's severity settings). */
  overrides: Config
  /** Whether rule files named by config files may be loaded (workspace trust). */
  trusted: boolean
}

export interface ServerHost {
  /** Told the client's initialize parameters first (the browser host takes the compiled rules from them). */
  initialize?(params: InitializeParams): void
  /**
   * Configuration files and rule packs (paths with forward slashes). Read them inside
   * `withFiles`: a host that fetches files from the editor has only those it fetched.
   */
  files: FileHost
  /**
   * Run a step that reads `files`. Node runs it once; the browser's host notes the
   * files the step asked for and did not have, fetches them from the editor, and
   * runs the step again until nothing is missing (a config's folders, then the
   * packs it names: a few rounds at most).
   */
  withFiles<T>(step: () => T): Promise<T>
  /** Watched files changed: a host that keeps copies of files drops these. */
  filesChanged?(uris: string[]): void
  /** The built-in rule packs, compiled. */
  builtinPacks(): RulePack[]
  createProject(settings: ProjectSettings): ReviewerProject
  /** A `file:` URI's path with forward slashes (`C:/x` on Windows), or undefined for other schemes. */
  uriToPath(uri: string): string | undefined
  pathToUri(path: string): string
  /** A document's size in bytes, or undefined when it cannot be read. */
  fileSize(path: string): Awaitable<number | undefined>
  /** What a path is when it exists and is not a regular file ("a device", "a named pipe", "a socket", "a directory"), else undefined. */
  specialFile?(path: string): string | undefined
  /** A document's text. Throws an Error with a one-line reason (binary, unreadable, too large). */
  readDocument(path: string): Awaitable<string>
  /** Write a configuration file (through the editor's file system in the browser). */
  writeFile(path: string, text: string): Awaitable<void>
  /** The link to a rule's page, if the installation has one. */
  rulePage(ruleId: string): string | undefined
  /** Let other messages in between slices of a long review. */
  pause(): Promise<void>
  /**
   * Review a Word document on disk and write NAME.reviewed.docx beside it. Throws an
   * Error with a one-line reason naming the file.
   */
  reviewWordFile(path: string, reviewer: Reviewer): Promise<{findings: Finding[]; places: string[]; output: string; comments: number}>
}
