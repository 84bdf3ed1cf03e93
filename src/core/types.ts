/** The five fixed category ids (PRODUCT.md). */
export const CATEGORIES = ['clinicalised', 'expert-patient', 'role-model', 'deficit', 'labelling'] as const
export type CategoryId = (typeof CATEGORIES)[number]
/**
 * The category of the review's own notices (the pseudo-rule `review-limit`, see
 * notices.ts): not a category of wording, and not one a config can set.
 */
export const NOTICE_CATEGORY = 'review'
export type FindingCategory = CategoryId | typeof NOTICE_CATEGORY

export type Severity = 'error' | 'warning' | 'info'
export type SeverityOrOff = Severity | 'off'
export type Profile = 'peer' | 'service' | 'clinical'
export const PROFILES: readonly Profile[] = ['peer', 'service', 'clinical']

export type Alternative = string | {singular: string; plural: string}

/** A rule as written in a pack (rules/<category>.yml). */
export interface Rule {
  id: string
  /** A pack's category; `review` only for the engine's own pseudo-rule of notices. */
  category: FindingCategory
  severity: Severity
  contested?: boolean
  profiles?: Partial<Record<Profile, SeverityOrOff>>
  phrases: string[]
  exact?: boolean
  kind?: 'noun' | 'verb' | 'adjective' | 'other'
  person?: boolean
  adjectiveSense?: boolean
  unlessBefore?: string[]
  unlessAfter?: string[]
  onlyBefore?: string[]
  onlyAfter?: string[]
  unlessNear?: string[]
  onlyNear?: string[]
  message: string
  rationale: string
  alternatives: Alternative[]
  safeFix?: boolean
  principles: string[]
  sources: string[]
  note?: string
  examples: {flag: string[]; pass: string[]}
  /** Where the rule came from (a pack's path), for error messages and docs. */
  origin?: string
}

export interface RulePack {
  category: CategoryId
  description?: string
  rules: Rule[]
  origin: string
}

export type Format = 'markdown' | 'text'

/** One finding, with both offsets (for edits) and 1-based positions (for output). */
export interface Finding {
  ruleId: string
  category: FindingCategory
  severity: Severity
  /** UTF-16 offsets into the source; `end` is exclusive. */
  offset: number
  endOffset: number
  line: number
  column: number
  endLine: number
  /** Exclusive, 1-based, UTF-16 code units. */
  endColumn: number
  /** The exact source text of the range. */
  text: string
  message: string
  /** Replacements for `text`, fitted to the sentence (case, article, number). */
  suggestions: string[]
  /** The first suggestion can be applied without judgement. */
  safeFix: boolean
}

/** Severity setting in a config: a severity, 'off', or a boolean (true = rule default). */
export type RuleSetting = SeverityOrOff | boolean

/** A resolved configuration (after files and flags are merged). */
export interface Config {
  profile?: Profile
  rules?: Record<string, RuleSetting>
  categories?: Partial<Record<CategoryId, RuleSetting>>
  /** Phrases that are never findings in these documents. */
  allow?: string[]
}
