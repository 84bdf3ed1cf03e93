import type {CategoryInfo, Finding, Rule} from '../core/index.js'
import type {DocumentKind, Excerpt} from '../node/documents.js'

/** The review of one file, as reported. */
export interface FileResult {
  /** As the user named it (relative to the working folder where possible). */
  file: string
  findings: Finding[]
  /** The format the file was read as (docx: line = paragraph number). */
  kind?: DocumentKind
  /** Per finding (same order): its sentence, or for docx its paragraph. */
  excerpts?: Excerpt[]
  /** Word, per finding: its section and paragraph ("body ¶12", "footnote 3 ¶1"). */
  places?: string[]
}

/** What every report format may use besides the results. */
export interface ReportContext {
  /** Every rule that could have reported, by id. */
  rules: Map<string, Rule>
  /** The categories as the rule packs describe them. */
  categories: CategoryInfo[]
  version: string
  /** The working folder (SARIF's %SRCROOT%). */
  cwd: string
  /** One-line problems (unreadable files) to mention in the report. */
  problems: string[]
}
