/**
 * The review page's messages between the page (main.ts: what people see) and its
 * engine (engine.ts: in a worker made from a blob: URL, or on the page's own
 * thread where a browser refuses that). Every request carries an id; the engine
 * answers with that id, and a newer request makes an older review stop at its
 * next slice.
 */
import type {CategoryId, FindingCategory, Profile, Severity} from '../core/index.js'

export type Kind = 'markdown' | 'text' | 'html' | 'docx'

export type Request =
  | {id: number; type: 'open'; name: string; kind: Kind; text?: string; bytes?: Uint8Array; profile: Profile}
  | {id: number; type: 'profile'; profile: Profile}
  /** Apply fix number `fix` of finding number `finding` (indexes into the last `reviewed`). */
  | {id: number; type: 'fix'; finding: number; fix: number}
  | {id: number; type: 'fix-all'}
  | {id: number; type: 'undo'}
  | {id: number; type: 'download'; what: 'document' | 'report' | 'json' | 'reviewed-docx'}
  | {id: number; type: 'rule-page'; ruleId: string}

export interface PageFix {
  /** What the button says: "Replace with “peers”", or for a rewrite "Replace “a role model” with “a peer”". */
  label: string
  replacement: string
}

export interface PageFinding {
  ruleId: string
  category: FindingCategory
  severity: Severity
  line: number
  column: number
  endLine: number
  endColumn: number
  /** UTF-16 offsets into the shown text. */
  offset: number
  endOffset: number
  text: string
  message: string
  suggestions: string[]
  /** Alternatives that fit no edit here: shown as advice. */
  advice: string[]
  fixes: PageFix[]
  safeFix: boolean
  /** Word: where the paragraph is ("body ¶12"). */
  place?: string
}

export type Response =
  | {id: number; type: 'progress'; done: number}
  | {
      id: number
      type: 'reviewed'
      name: string
      kind: Kind
      /** The text shown (Word: its paragraphs, one a line). */
      text: string
      findings: PageFinding[]
      /** Category titles as the rule packs give them. */
      categories: Array<{id: CategoryId; title: string}>
      /** Safe fixes that "fix all" would apply now. */
      safeFixes: number
      /** Changes that can be undone. */
      undo: number
      /** What the last request changed, in words ("Replaced “role models” with “peers”."). */
      said?: string
    }
  | {id: number; type: 'download'; name: string; mime: string; data: string | Uint8Array}
  | {id: number; type: 'rule-page'; ruleId: string; html: string}
  /** One line: what went wrong (an unreadable file, a broken Word document). */
  | {id: number; type: 'error'; message: string}
  | {id: number; type: 'ready'}
