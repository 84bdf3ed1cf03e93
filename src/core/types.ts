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
/** Where a document is written: some words are a region's ordinary ones (context/region.ts). */
export type Region = 'us' | 'ca' | 'uk' | 'ie' | 'au' | 'nz'
export const REGIONS: readonly Region[] = ['us', 'ca', 'uk', 'ie', 'au', 'nz']

/**
 * One alternative wording. A string's shape follows the rule's kind; an object names its
 * shapes: `{singular, plural}` or `{noun, plural?, mass?}` (a noun phrase), `adjective`,
 * `verb` (base form, head verb first), `clause` (with its own subject), `prep`; or `advice`
 * (shown, never an edit). `phrases` and `describes` narrow where it is offered.
 */
export type Alternative =
  | string
  | {
      singular?: string
      noun?: string
      plural?: string
      mass?: boolean
      adjective?: string
      verb?: string
      clause?: string
      prep?: string
      advice?: string
      /** Offered only for matches of these of the rule's phrases ("follow our example", not "set an example"). */
      phrases?: string[]
      /** Offered only where the words describe a person, or a thing ("a negative sample", "members in recovery"); where the sentence does not say, offered. */
      describes?: 'person' | 'thing'
    }

/** What a rule's phrase is in a sentence: it decides which alternatives fit where it stands. */
export type RuleKind = 'noun' | 'verb' | 'adjective' | 'clause' | 'other'

/** A word class (rules/classes.yml): words a frame's slots are filled from. */
export interface WordClassSpec {
  /** How the words inflect: nouns take plurals, verbs every form. */
  kind: 'noun' | 'verb' | 'adjective' | 'other'
  words: string[]
  /** Words that, right before an entry, give it another sense ("data recovery", "cost recovery"). */
  unlessAfter?: string[]
  /** Words that give an entry another sense anywhere in a compound a determiner or possessive opens ("the fire safety plan"). */
  unlessInCompound?: string[]
}

/**
 * A frame: a relation inside a clause rather than a phrase. Each slot is a list
 * of word classes (`@staff`) or words; the clause reader finds the verb's
 * subject, object and preposition phrases in active and passive voice.
 */
export interface FrameSpec {
  /** The verb (or verb phrase, or copula) that anchors the frame. */
  verb: string[]
  /** Who does it: the subject in the active voice, the by-phrase in the passive. */
  agent?: string[]
  /** What it is done to: the object (or complement) in the active, the subject in the passive. */
  object?: string[]
  /** The object's noun phrase must also hold one of these ("poor" in "has poor coping skills"). */
  objectWith?: string[]
  /** The object's head word must be one of these (or a word the object slot matched): "the same path", not "the same rules". */
  objectHead?: string[]
  /** The object belongs to one of these ("follow my example", "break their patterns"). */
  owner?: string[]
  /** The clause opens with one of these words before its subject: a condition ("once her psychiatrist says", "until staff agree"). */
  introducedBy?: string[]
  /** Not a match when the object belongs to one of these ("need your young person's agreement": the person's own consent). */
  notOwner?: string[]
  /** One of these occurs anywhere in the clause; a list of lists needs one of each list. */
  near?: string[] | string[][]
  /** `near` looks at the whole sentence, not the clause ("if the peer could do it, so can they"). */
  nearSentence?: boolean
  /** `near`'s words must be past participles: something already done to the person ("told which group they have been allocated to"). */
  nearDone?: boolean
  /** The key span reaches `near`'s words ("discharged … once their score…"). */
  spanNear?: boolean
  /** Not a finding when one of these occurs in the clause. */
  unlessNear?: string[]
  /** The object may be a clause ("decides which groups you attend") naming one of these. */
  objectClause?: string[]
  /** Object classes that count only when the sentence ties the object to the person ("their goals", "goals for each resident"). */
  linked?: string[]
  /** Object classes that count only when the sentence names whose they are: a person's possessive, or a for-phrase or relative clause naming them ("choose a peer worker for you", "the modules you take"). */
  tied?: string[]
  /** Someone the object is given to: a second object ("give people goals"), or a to/for phrase. */
  recipient?: string[]
  /** A clause with no object counts too (when there is one, it must match). */
  objectOptional?: boolean
  /** A phrase with this preposition must name one of these ({as: ['@ready']}). */
  prep?: Record<string, string[]>
  /** Not a finding when a phrase with this preposition, after the verb and before the next comma, names one of these: work handed to staff ({'to|between': ['@staff']}). */
  unlessPrep?: Record<string, string[]>
  /** The verb group holds one of these words ("will work for you"). */
  modal?: string[]
  /** Prepositions whose phrase counts as the object too ("decide on", "a say over"). */
  objectPreps?: string[]
  /** A means or measure: a by/using/through/as/against/when/if… phrase of the clause. */
  by?: string[]
  /** Who it is done for: a for-phrase ("plans written for people"). */
  for?: string[]
  /** A to-infinitive follows the object ("allow people to choose"). */
  to?: boolean
  voice?: 'active' | 'passive'
  /** A passive with no by-phrase still counts (default: an agent, when required, must be named). */
  agentless?: boolean
  /** The clause makes something wait on a condition: "not … until", "only once/when/after/if" (a noun anchor may then stand anywhere). */
  gating?: boolean
  /** Also a finding when the clause is negated (default: a negated frame is a rejection); `only`: only then ("cannot cope"). */
  negated?: boolean | 'only'
  /** Not a finding when the subject is one of these. */
  notAgent?: string[]
  /** Not a finding when the clause says it is done with the person ("together", "with the person"). */
  unlessShared?: boolean
  /** Only when the sentence sets the person's own wishes aside ("whatever the person has asked for", "without asking them"). */
  overridesPerson?: boolean
  /** Only in an answer to the person's question about their own choice ("Can I choose my worker? Workers are allocated…"). */
  answers?: 'choice'
}

/** A rule as written in a pack (rules/<category>.yml). */
export interface Rule {
  id: string
  /** A pack's category; `review` only for the engine's own pseudo-rule of notices. */
  category: FindingCategory
  severity: Severity
  contested?: boolean
  /** A finding only in peer text: a document that speaks of peer work (context/peer-text.ts). */
  peerText?: boolean
  profiles?: Partial<Record<Profile, SeverityOrOff>>
  /** Regions whose services use the word as their ordinary one ("client" in Canada): off in their documents. */
  usualIn?: Region[]
  /** Readers whose own word it is ("GPs" for "patient"): off in a document whose name says it is for them. */
  usualFor?: string[]
  /** Phrases that show a document reclaiming the word ("Mad Pride" for "mad"): off in a document that holds one. */
  reclaimedIn?: string[]
  /** Phrases to match (empty for a frame rule). */
  phrases: string[]
  /** A category's second-opinion rule: it explains what the model (rules/model.json) finds; no phrases or frame. */
  secondOpinion?: boolean
  /** A frame rule matches a relation inside a clause instead of phrases. */
  frame?: FrameSpec
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
  /** Not a finding when one of these occurs in the same paragraph: a term set beside its counterpart ("clinical recovery" … "personal recovery") is explained, not used. */
  unlessInParagraph?: string[]
  /** Off unless a configuration turns it on (`rules: {id: "info"}`): regional or locally agreed wording. */
  optIn?: boolean
  /** When the match is the complement of a linking verb ("X is a role model"), X must be a person. */
  personSubject?: boolean
  /** A verb rule's object must be a person (or absent): "instruct residents", not "instruct the contractors". */
  personObject?: boolean
  /** Still a finding after a negator ("are not permitted to"); by default a negated match is a rejection. */
  negated?: boolean
  message: string
  rationale: string
  alternatives: Alternative[]
  safeFix?: boolean
  principles: string[]
  sources: string[]
  note?: string
  /** Sentences that must and must not be flagged: the tests run them, and the rule pages show them (the compiled rules keep them). */
  examples?: {flag: string[]; pass: string[]}
  /** Where the rule came from (a pack's path), for error messages and docs. */
  origin?: string
}

/** A rule as its pack's source states it: with its examples. */
export type SourceRule = Rule & {examples: {flag: string[]; pass: string[]}}

export interface RulePack {
  category: CategoryId
  /** The category's title, description and principles: set by the built-in pack of each category. */
  title?: string
  description?: string
  principles?: string[]
  rules: Rule[]
  /** Word classes this pack defines or adds words to. */
  classes?: Record<string, WordClassSpec>
  /** The second opinion's model (rules/model.json), carried by the first built-in pack. */
  model?: ModelData
  origin: string
}

/** The formats the engine reads (src/core/formats.ts maps file names and editor languages to them). */
export type Format = 'markdown' | 'text' | 'html'

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
  // What an editor needs besides (never part of the CLI's JSON output):
  /** The matched wording, without an article the engine took into the range: what "allow this phrase" adds. */
  phrase: string
  /** UTF-16 offsets of the sentence the finding sits in [start, end). */
  sentence: {start: number; end: number}
  /**
   * Where a "disable for this line" directive can go without changing the document:
   * on a line of its own `above` (a paragraph's first line, a heading, plain text),
   * or `inline` at the end of the line (inside a list, table or blockquote, or a
   * paragraph's later lines, where a comment line of its own would split the block).
   */
  lineDirective: 'above' | 'inline'
}

/**
 * A finding before directives are applied, with the offset and 1-based line that
 * directives judge it by (the match's first word, without a leading article).
 */
export interface Candidate {
  finding: Finding
  at: number
  atLine: number
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
  /** Where the documents are written; unset, each document's own signs decide (context/region.ts). */
  region?: Region
  rules?: Record<string, RuleSetting>
  categories?: Partial<Record<CategoryId, RuleSetting>>
  /** Phrases that are never findings in these documents. */
  allow?: string[]
}

/** A pack as read from its YAML or JSON source: every rule with its examples. */
export interface SourcePack extends RulePack {
  rules: SourceRule[]
}

/** The model as stored: one vocabulary, a weight per feature for "framing at all" and for each category. */
/** The second opinion's model (rules/model.json; see model/second-opinion.ts). */
export interface ModelData {
  version: number
  /** "framing at all" must reach this probability before a finding is made. */
  threshold: number
  /** The same for a sentence in running prose (a paragraph of two or more sentences); `threshold` when not set; null: never there (model/standalone.ts). */
  proseThreshold?: number | null
  /** The same for a list item (model/standalone.ts `Setting`); `threshold` when not set. */
  itemThreshold?: number
  /** The same for a table row; `itemThreshold` when not set. */
  rowThreshold?: number
  features: string[]
  any: number[]
  categories: Partial<Record<CategoryId, number[]>>
  /** Words whose presence lets a sentence be read at all (a cheap gate before the features). Left out of the compiled rules when `triggerWeight` says how to find them again. */
  triggers?: string[]
  /** The weight towards framing at all that makes a word of the features a trigger word. */
  triggerWeight?: number
  /** When set, the weights are integers to divide by it (the compiled rules store them so: shorter, and exactly the same numbers). */
  scale?: number
  /** The compiled rules' layout (packModel): features front-coded, weights feature by feature (any, then these categories) in `rows`; `any` and `categories` empty. */
  columns?: CategoryId[]
  rows?: number[]
  /** Where the model came from: files and their digests, figures from training. */
  trainedOn?: unknown
}
