/** The five fixed category ids (PRODUCT.md). */
export const CATEGORIES = ['clinicalised', 'expert-patient', 'role-model', 'deficit', 'labelling'] as const
export type CategoryId = (typeof CATEGORIES)[number]

export type Severity = 'error' | 'warning' | 'info'
export type SeverityOrOff = Severity | 'off'
export type Profile = 'peer' | 'service' | 'clinical'
export const PROFILES: readonly Profile[] = ['peer', 'service', 'clinical']

/**
 * One alternative wording. A string's shape follows the rule's kind; an object names its
 * shapes: `{singular, plural}` or `{noun, plural?, mass?}` (a noun phrase), `adjective`,
 * `verb` (base form, head verb first), `clause` (with its own subject), `prep`.
 */
export type Alternative =
  | string
  | {singular?: string; noun?: string; plural?: string; mass?: boolean; adjective?: string; verb?: string; clause?: string; prep?: string}

/** What a rule's phrase is in a sentence: it decides which alternatives fit where it stands. */
export type RuleKind = 'noun' | 'verb' | 'adjective' | 'clause' | 'other'

/** A rule as written in a pack (rules/<category>.yml). */
export interface Rule {
  id: string
  category: CategoryId
  severity: Severity
  contested?: boolean
  profiles?: Partial<Record<Profile, SeverityOrOff>>
  phrases: string[]
  exact?: boolean
  kind?: RuleKind
  /** Phrases whose kind differs from the rule's `kind`. */
  kinds?: Partial<Record<RuleKind, string[]>>
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
  category: CategoryId
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
  /** Drop-in replacements for `text`, fitted to the sentence (case, article, number, verb form). */
  suggestions: string[]
  /**
   * Every edit the finding offers, in the rule's order of alternatives: the drop-ins, and
   * rewrites of the smallest phrase around `text` where an alternative fits only so
   * ("who are non-compliant" → "who choose not to take it"). `fixes[0]` is what a quick
   * fix prefers and `--fix` applies.
   */
  fixes: Fix[]
  /** Alternatives that fit no edit in this sentence: shown ("Consider: …"), never applied. */
  advice: string[]
  /** `fixes[0]` can be applied without judgement. */
  safeFix: boolean
  /** Findings of one rule on the same wording share it: "replace all N in this document". */
  group: string
}

/**
 * One edit: replace the finding's range, widened by `before` UTF-16 units to the left and
 * `after` to the right (0 and 0 for a drop-in), with `replacement`. Relative, so a finding
 * moved as a whole (slices, incremental review) keeps its edits right.
 */
export interface Fix {
  before: number
  after: number
  replacement: string
  /** Index of the rule alternative the edit comes from. */
  alternative: number
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
