/**
 * Documented limits (docs/limits.md). Each is far above what a real document,
 * configuration or rule pack needs (the built-in packs' largest figures are in
 * brackets), and each, when hit, is one line naming the file, or one `info`
 * finding in the document, never a hang or a silent drop.
 */

/** A rule pack file, in characters [61 000]. */
export const MAX_PACK_CHARS = 4 * 1024 * 1024
/** Rules in one pack [47]. */
export const MAX_RULES_PER_PACK = 2000
/** Packs named by `ruleFiles` in one configuration file. */
export const MAX_RULE_FILES = 100
/** Phrases of one rule [18]. */
export const MAX_PHRASES_PER_RULE = 200
/** Words in one phrase or guard phrase [8]. */
export const MAX_PHRASE_WORDS = 16
/** Characters in one phrase, guard phrase or allowed phrase [38]. */
export const MAX_PHRASE_CHARS = 200
/** `*` wildcards in one phrase [1]. */
export const MAX_WILDCARDS = 4
/** Guard phrases of one rule, all six lists together [185]. */
export const MAX_GUARDS_PER_RULE = 1000

/** A configuration file, in characters. */
export const MAX_CONFIG_CHARS = 1024 * 1024
/** Entries in one configuration file's `allow` list. */
export const MAX_ALLOW = 10_000
/** Globs in one configuration file's `ignore` list, and characters in one. */
export const MAX_IGNORE = 1000
export const MAX_GLOB_CHARS = 256
/** YAML aliases resolved in one file (the `yaml` package's guard against alias bombs). */
export const MAX_YAML_ALIASES = 100

/**
 * Container nesting (block quotes and list items) read as Markdown structure.
 * Deeper lines are reviewed as plain text of their lines, with one info finding:
 * micromark's cost per line grows with the nesting depth.
 */
export const MAX_NESTING = 32
/**
 * Findings reported per document; beyond it, one info finding says how many more
 * there were not shown. A document of nothing but one flagged word would
 * otherwise hold a finding object per word.
 */
export const MAX_FINDINGS = 20_000
