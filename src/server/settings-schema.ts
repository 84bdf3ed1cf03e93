/**
 * The `recoveryLint.*` settings: names, types, defaults and descriptions, once.
 * `npm run generate` writes them into package.json (`contributes.configuration`),
 * a test fails when the two drift, and the server and the client take their
 * defaults from here. Pure data: both bundles import it.
 */

/** The `recoveryLint.*` settings, as the server reads them (resource-scoped). */
export interface Settings {
  enable: boolean
  languages: string[]
  profile: 'peer' | 'service' | 'clinical' | ''
  run: 'onType' | 'onSave'
  debounceMs: number
  maxFileSizeKb: number
  exclude: string[]
  severity: Record<string, 'error' | 'warning' | 'info' | 'off'>
  infoAsHint: boolean
}

/** One setting as VS Code's configuration contribution describes it. */
export interface SettingSpec {
  type: 'boolean' | 'string' | 'number' | 'array' | 'object'
  default: unknown
  scope: 'window' | 'resource'
  markdownDescription: string
  enum?: string[]
  enumDescriptions?: string[]
  items?: {type: string}
  minimum?: number
  maximum?: number
  propertyNames?: {pattern: string}
  additionalProperties?: {type: string; enum: string[]}
}

export const SETTINGS_SECTION = 'recoveryLint'
export const SETTINGS_TITLE = 'Recovery Language Review'

export const SETTINGS = {
  enable: {
    type: 'boolean',
    default: true,
    scope: 'resource',
    markdownDescription: 'Review documents for recovery-oriented, peer-aligned language.'
  },
  languages: {
    type: 'array',
    items: {type: 'string'},
    default: ['markdown', 'plaintext'],
    scope: 'window',
    markdownDescription:
      'Language ids to review (saved and untitled documents). Markdown is reviewed as Markdown (prose only); every other language as plain text.'
  },
  profile: {
    type: 'string',
    enum: ['', 'peer', 'service', 'clinical'],
    enumDescriptions: [
      "Use the configuration file's profile (default: peer)",
      'Peer-support and lived-experience documents',
      'General service documents',
      'Clinical governance documents (e.g. "patient" is only info)'
    ],
    default: '',
    scope: 'resource',
    markdownDescription: 'Default profile. A `profile` in a `.recoverylintrc` file wins over this setting.'
  },
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    enumDescriptions: ['Review as you type (debounced)', 'Review when the document is opened or saved'],
    default: 'onType',
    scope: 'resource',
    markdownDescription: 'When to review.'
  },
  debounceMs: {
    type: 'number',
    default: 400,
    minimum: 0,
    maximum: 10000,
    scope: 'resource',
    markdownDescription: 'Milliseconds to wait after the last keystroke before reviewing (with `#recoveryLint.run#` = `onType`).'
  },
  maxFileSizeKb: {
    type: 'number',
    default: 8192,
    minimum: 1,
    scope: 'resource',
    markdownDescription:
      'Documents larger than this (in KB) are not reviewed; you are told once per document. Below it, a long document (a 100 000-word handbook is about 600 KB) is reviewed in slices in the background, so typing never waits for it.'
  },
  exclude: {
    type: 'array',
    items: {type: 'string'},
    default: [],
    scope: 'resource',
    markdownDescription:
      'Glob patterns (relative to the workspace folder, e.g. `drafts/**`) of documents not to review. A `.recoverylintrc` file can also list `ignore` globs.'
  },
  severity: {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription:
      'Severity overrides by rule id or category id, e.g. `{"deficit": "info", "patient": "off"}`. A bare id names a category when one has that name; write `rule:role-model` or `category:role-model` to say which. These win over `.recoverylintrc` files. Contested wording is never shown as an error.',
    propertyNames: {pattern: '^((rule|category):)?[a-z0-9]+(-[a-z0-9]+)*$'},
    additionalProperties: {type: 'string', enum: ['error', 'warning', 'info', 'off']}
  },
  infoAsHint: {
    type: 'boolean',
    default: false,
    scope: 'resource',
    markdownDescription: 'Show `info` findings as hints (faint dots, not in the Problems panel) instead of information.'
  }
} as const satisfies Record<keyof Settings, SettingSpec>

export const DEFAULT_SETTINGS = Object.fromEntries(Object.entries(SETTINGS).map(([name, spec]) => [name, structuredClone(spec.default)])) as unknown as Settings

/** The `contributes.configuration` block of package.json. */
export function contributedConfiguration(): {title: string; properties: Record<string, SettingSpec>} {
  const properties: Record<string, SettingSpec> = {}
  for (const [name, spec] of Object.entries(SETTINGS)) properties[`${SETTINGS_SECTION}.${name}`] = spec as SettingSpec
  return {title: SETTINGS_TITLE, properties}
}
