/**
 * recovery-lint's engine. Pure: no editor API and no file system; text, rules and
 * configuration come in as values, so the CLI, the language server and a browser
 * build share it.
 */
export {Reviewer, applyDirectives, type Candidate} from './review.js'
export {DocumentSession, type TextChange, type UpdateStats, type SessionOptions} from './incremental.js'
export {parseRulePack, checkPacks, RulePackError} from './rules/load.js'
export {validateConfig, mergeConfigs, ruleSeverity, withOptIns, ConfigError, type ConfigFileData} from './config.js'
export {LineIndex} from './positions.js'
export * from './types.js'
