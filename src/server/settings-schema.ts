/**
 * The `recoveryLint.*` settings: names, types, defaults and descriptions, once.
 * `npm run generate` writes them into package.json (`contributes.configuration`),
 * a test fails when the two drift, and the server and the client take their
 * defaults from here. Pure data: both bundles import it.
 */

/** The `recoveryLint.*` settings, as the server reads them (resource-scoped). */
export interface Settings {
  enable: boolean
  profile: 'peer' | 'service' | 'clinical'
  region: 'auto' | 'us' | 'ca' | 'uk' | 'ie' | 'au' | 'nz'
  run: 'onType' | 'onSave'
  typingDelay: number
  languages: string[]
  exclude: string[]
  severity: Record<string, 'error' | 'warning' | 'info' | 'off'>
  infoAsHint: boolean
  statusBar: 'compact' | 'long'
  sizeLimit: number
}

/**
 * One setting as VS Code's configuration contribution describes it. The settings
 * editor makes a setting's label from its name ("typingDelay" → "Typing Delay"), so
 * the names are words a writer uses; the description says the rest.
 */
export interface SettingSpec {
  type: 'boolean' | 'string' | 'number' | 'array' | 'object'
  default: unknown
  scope: 'window' | 'resource'
  /** Where it stands in the settings editor. */
  order: number
  markdownDescription: string
  enum?: string[]
  enumItemLabels?: string[]
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
    order: 1,
    markdownDescription:
      'Review documents for recovery-oriented, peer-aligned language. The command *Recovery Language Review: Turn the Review On/Off* turns it off for this workspace without changing this setting.'
  },
  profile: {
    type: 'string',
    enum: ['peer', 'service', 'clinical'],
    enumItemLabels: ['Peer support', 'Service', 'Clinical'],
    enumDescriptions: [
      'Peer-support and lived-experience documents: the full review.',
      'General service documents: some peer-support wording is only information.',
      'Clinical governance documents: clinical vocabulary such as "patient" is only information; framings about who decides and what counts as recovery are still warnings.'
    ],
    default: 'peer',
    scope: 'resource',
    order: 2,
    markdownDescription:
      'The kind of document the review expects. A `profile` in a `.recoverylintrc` file wins over this setting, and a document can name its own in its front matter (`recovery-lint: {profile: clinical}`).'
  },
  region: {
    type: 'string',
    enum: ['auto', 'uk', 'ie', 'us', 'ca', 'au', 'nz'],
    enumItemLabels: ['From the document', 'United Kingdom', 'Ireland', 'United States', 'Canada', 'Australia', 'New Zealand'],
    enumDescriptions: [
      'Read from the places, laws and agencies a document names (when they all point to one region), else none.',
      'Services in the United Kingdom.',
      'Services in Ireland.',
      'Services in the United States: words their services use as their ordinary ones (such as "client") are not findings.',
      'Services in Canada: words their services use as their ordinary ones (such as "client") are not findings.',
      'Services in Australia.',
      'Services in New Zealand.'
    ],
    default: 'auto',
    scope: 'resource',
    order: 3,
    markdownDescription:
      'Where the services you write for are. A few words are the ordinary ones in some regions ("client" in Canada and the United States) and are not findings there. A `region` in a `.recoverylintrc` file wins over this setting, and a document can name its own in its front matter (`recovery-lint: {region: ca}`).'
  },
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    enumItemLabels: ['As you type', 'On save'],
    enumDescriptions: ['Review as you type, after a short pause (see Typing Delay).', 'Review when the document is opened or saved.'],
    default: 'onType',
    scope: 'resource',
    order: 4,
    markdownDescription: 'When to review a document.'
  },
  typingDelay: {
    type: 'number',
    default: 400,
    minimum: 0,
    maximum: 10000,
    scope: 'resource',
    order: 5,
    markdownDescription: 'Delay before reviewing while typing, in milliseconds (when *Run* is *As you type*).'
  },
  languages: {
    type: 'array',
    items: {type: 'string'},
    default: ['markdown', 'plaintext'],
    scope: 'window',
    order: 6,
    markdownDescription:
      'The kinds of document to review, by language id (saved and untitled documents). Markdown is reviewed as Markdown (its prose only); every other language as plain text.'
  },
  exclude: {
    type: 'array',
    items: {type: 'string'},
    default: [],
    scope: 'resource',
    order: 7,
    markdownDescription:
      'Documents not to review, as glob patterns relative to the workspace folder (for example `drafts/**`). A `.recoverylintrc` file can also list `ignore` patterns.'
  },
  severity: {
    type: 'object',
    default: {},
    scope: 'resource',
    order: 8,
    markdownDescription:
      'How to show findings of a rule or a whole category: `error`, `warning`, `info` or `off`, for example `{"deficit": "info", "patient": "off"}`. A name that is both a rule and a category means the category; write `rule:role-model` or `category:role-model` to say which. These win over `.recoverylintrc` files. Contested wording is never shown as an error.',
    propertyNames: {pattern: '^((rule|category):)?[a-z0-9]+(-[a-z0-9]+)*$'},
    additionalProperties: {type: 'string', enum: ['error', 'warning', 'info', 'off']}
  },
  infoAsHint: {
    type: 'boolean',
    default: false,
    scope: 'resource',
    order: 9,
    markdownDescription: 'Show `info` findings as hints: faint dots under the words, not listed in the Problems panel.'
  },
  statusBar: {
    type: 'string',
    enum: ['compact', 'long'],
    enumItemLabels: ['Compact', 'Long'],
    enumDescriptions: ['The number of findings in the document ("◉ 10"); the categories in its tooltip.', 'The findings per category ("Recovery language: Role model 1 · Deficit framing 2").'],
    default: 'compact',
    scope: 'window',
    order: 10,
    markdownDescription: 'How the status bar shows the findings of the active document.'
  },
  sizeLimit: {
    type: 'number',
    default: 8192,
    minimum: 1,
    scope: 'resource',
    order: 11,
    markdownDescription:
      'Documents larger than this many KB are not reviewed (you are told once per document). Below it, a long document (a 100 000-word handbook is about 600 KB) is reviewed in the background, so typing never waits for it.'
  }
} as const satisfies Record<keyof Settings, SettingSpec>

export const DEFAULT_SETTINGS = Object.fromEntries(Object.entries(SETTINGS).map(([name, spec]) => [name, structuredClone(spec.default)])) as unknown as Settings

/** The `contributes.configuration` block of package.json. */
export function contributedConfiguration(): {title: string; properties: Record<string, SettingSpec>} {
  const properties: Record<string, SettingSpec> = {}
  for (const [name, spec] of Object.entries(SETTINGS)) properties[`${SETTINGS_SECTION}.${name}`] = spec as SettingSpec
  return {title: SETTINGS_TITLE, properties}
}
