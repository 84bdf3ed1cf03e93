import type {Finding} from '../core/types.js'

/** The review of one file, as reported. */
export interface FileResult {
  /** As the user named it (relative to the working folder where possible). */
  file: string
  findings: Finding[]
}
