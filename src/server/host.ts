/**
 * What the language server needs from where it runs: files, the built-in rules,
 * reviewers per configuration, rule pages. The server's modules reach Node only
 * through this interface (src/node/server-host.ts implements it over the file
 * system), so a browser build can run them with a host that asks the editor.
 */
import type {Config, FileHost, Finding, Reviewer, RulePack} from '../core/index.js'

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
  /** Configuration files and rule packs, read fresh each time (paths with forward slashes). */
  files: FileHost
  /** The built-in rule packs, compiled. */
  builtinPacks(): RulePack[]
  createProject(settings: ProjectSettings): ReviewerProject
  /** A `file:` URI's path with forward slashes (`C:/x` on Windows), or undefined for other schemes. */
  uriToPath(uri: string): string | undefined
  pathToUri(path: string): string
  /** A document's size in bytes, or undefined when it cannot be read. */
  fileSize(path: string): number | undefined
  /** What a path is when it exists and is not a regular file ("a device", "a named pipe", "a socket", "a directory"), else undefined. */
  specialFile?(path: string): string | undefined
  /** A document's text. Throws an Error with a one-line reason (binary, unreadable, too large). */
  readDocument(path: string): string
  writeFile(path: string, text: string): void
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
