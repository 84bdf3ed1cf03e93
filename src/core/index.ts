/**
 * recovery-lint's engine, and the one door to it: the CLI, the language server,
 * the Node adapters, the bench and the tests import the engine from here. Pure:
 * no editor API and no file system; text, rules and configuration come in as
 * values (files through a FileHost), so a browser build shares it too.
 *
 * Reviewing a document: `new Reviewer(packs, config).review(text, format)`, or a
 * `DocumentSession` for a document that is edited (the same path, kept block by block).
 */
export {Reviewer} from './review.js'
export {DocumentSession, type TextChange, type UpdateStats, type SessionOptions} from './incremental.js'
export {parseRulePack, checkPacks, RulePackError, unpackRules} from './rules/load.js'
export {categoriesOf, type CategoryInfo} from './categories.js'
export {validateConfig, mergeConfigs, ruleSeverity, withOptIns, ConfigError, type ConfigFileData} from './config.js'
export {CONFIG_NAMES, findConfigFiles, readConfigFile, resolveConfig, type ResolvedConfig} from './config-files.js'
export {starterConfig, starterConfigText, type StarterOptions} from './starter-config.js'
export {dirname, joinPath, type FileHost} from './host.js'
export {applyEdits, applyFixes, fixEdit, fixRange, isFixable, replaceAllEdits, sameWording, selectFixes, type Edit, type FixOptions, type FixResult} from './fix.js'
export {alternativeLabel} from './grammar/shape.js'
export {catalogueIndex, describeFrame, rulePage, type PageLinks} from './rule-pages.js'
export {applyDirectives, directiveComment, parseDirectiveComments, DIRECTIVE_HELP, DIRECTIVE_KINDS, DIRECTIVE_PREFIX, type Directive, type DirectiveKind} from './directives.js'
export {disableFileEdit, disableLineEdit, eol, lineAfterFrontMatter, lineDirectiveEdit, type Insert} from './directive-edits.js'
export {DOCUMENT_FORMATS, extensionsOfLanguages, formatFor, isDocumentPath, kindOfPath, type DocumentFormat, type DocumentKind} from './formats.js'
export {LineIndex} from './positions.js'
export {DocxError, DEFAULT_DOCX_LIMITS, openDocx, paragraphAt, placeOf, reviewDocx, writeReviewedCopy, REVIEW_AUTHOR, REVIEW_INITIALS} from './docx/index.js'
export type {DocxLimits, DocxModel, DocxParagraph, DocxReview, Piece, Protection, ReviewedCopy, ReviewedCopyOptions} from './docx/index.js'
export {enableHtml} from './parse/html.js'
export {addFormat, readsFormat, type FormatReader} from './whole.js'
export {compiledPhrasesData, seedCompiledPhrases, type CompiledPhrasesData} from './match/phrase.js'
export {restoreKeys} from './match/packing.js'
export {classKeysOf, phraseKeysOf} from './rules/derived-keys.js'
export {compiledLexiconData, seedCompiledLexicon, type CompiledLexiconData} from './frames/lexicon.js'
export {textFeatures} from './model/features.js'
export {discussesWording} from './context/mention.js'
export {packModel, triggersOf, unpackModel} from './model/second-opinion.js'
export * from './limits.js'
export {REVIEW_LIMIT, REVIEW_LIMIT_RULE} from './notices.js'
export * from './types.js'
