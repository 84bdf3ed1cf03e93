/**
 * The rule catalogue as a reading place: every `recovery-lint-rule:/<page>` address
 * (the links in Problems, in the hover, between pages) opens in a read-only webview
 * (a custom editor for the scheme), never as a text document, so no one, this
 * extension included, reviews or edits it. The language server makes the pages from
 * the rules it has (an organisation's own included), as HTML.
 */
import * as vscode from 'vscode'
import {CATALOGUE_PAGE, RULE_PAGE_SCHEME, type RulePageResult} from '../server/protocol.js'

export const RULE_PAGE_VIEW = 'recoveryLint.rulePage'
/** What the generated pages call the catalogue in their links (`index.md#deficit`). */
const INDEX = 'index'

/** Asks the server for a page; undefined when the server is not there. */
export type FetchPage = (page: string) => Promise<RulePageResult | null | undefined>

/** The address of a page (a rule id, or the catalogue), with a section of it. */
export function pageUri(page: string, section?: string): vscode.Uri {
  return vscode.Uri.from({scheme: RULE_PAGE_SCHEME, path: `/${page}`, ...(section ? {fragment: section} : {})})
}

const pageName = (uri: vscode.Uri) => uri.path.replace(/^\/+/, '').replace(/\.md$/, '')

/** A link inside a page (`role-model.md`, `index.md#deficit`) as an address of the catalogue, or undefined when it leads outside it. */
export function linkTarget(href: string): vscode.Uri | undefined {
  const m = /^([a-z0-9-]+)\.md(?:#([a-z0-9-]+))?$/.exec(href)
  if (!m) return undefined
  return pageUri(m[1] === INDEX ? CATALOGUE_PAGE : m[1], m[2])
}

function nonce(): string {
  let s = ''
  for (let i = 0; i < 24; i++) s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(Math.random() * 62)]
  return s
}

const STYLE = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);line-height:1.55;max-width:52rem;margin:0 auto;padding:0.5rem 1.5rem 3rem}
a{color:var(--vscode-textLink-foreground)}a:hover{color:var(--vscode-textLink-activeForeground)}
a:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:2px}
code{font-family:var(--vscode-editor-font-family);font-size:0.95em;background:var(--vscode-textCodeBlock-background);padding:0.05em 0.3em;border-radius:3px}
table{border-collapse:collapse;margin:0.8rem 0;width:100%}th,td{border:1px solid var(--vscode-panel-border,#8884);padding:0.3rem 0.55rem;text-align:left;vertical-align:top}
thead th:empty{display:none}h1{font-size:1.6em;margin:0.8rem 0 0.4rem}h2{font-size:1.25em;margin-top:1.6rem;border-bottom:1px solid var(--vscode-panel-border,#8884);padding-bottom:0.2rem}
nav{font-size:0.9em;padding:0.4rem 0;border-bottom:1px solid var(--vscode-panel-border,#8884);margin-bottom:0.6rem}
.note{color:var(--vscode-descriptionForeground);font-size:0.9em}`

/** Links inside a page: the extension follows them (a webview cannot open an editor itself). */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href]');
  if (!a) return;
  const href = a.getAttribute('href');
  if (href.startsWith('#')) return;
  e.preventDefault();
  vscode.postMessage({open: href});
});
const section = document.body.dataset.section;
if (section) { const el = document.getElementById(section); if (el) el.scrollIntoView(); }`

export class Catalogue implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly fetchPage: FetchPage) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return {uri, dispose: () => {}}
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = pageName(document.uri)
    const safeName = name.replace(/[<>&"]/g, '')
    const found = await this.fetchPage(name).catch(() => undefined)
    const body =
      found?.html ??
      (found === null
        ? `<h1>Not found</h1><p>Recovery Language Review has no page called <code>${safeName}</code>. See <a href="index.md">the rule catalogue</a>.</p>`
        : '<h1>Not available</h1><p>The rule pages come from the language server, which is not running. See the output channel “Recovery Language Review”.</p>')
    const n = nonce()
    panel.title = found?.title ?? `Rule: ${safeName}`
    panel.webview.options = {enableScripts: true, localResourceRoots: []}
    const isIndex = name === CATALOGUE_PAGE
    const nav = isIndex ? '<span class="note">Recovery Language Review · read only</span>' : '<a href="index.md">← Rule catalogue</a> <span class="note">· Recovery Language Review · read only</span>'
    const section = (document.uri.fragment || document.uri.query).replace(/[^a-z0-9-]/g, '')
    panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${n}">${STYLE}</style><title>${panel.title}</title></head>
<body data-page="${safeName}" data-section="${section}"><nav>${nav}</nav><main>${body}</main><script nonce="${n}">${SCRIPT}</script></body></html>`
    panel.webview.onDidReceiveMessage((message: {open?: unknown}) => {
      if (typeof message.open !== 'string') return
      const target = linkTarget(message.open)
      if (target) void this.follow(target, document.uri, panel)
      else if (/^https?:\/\//.test(message.open)) void vscode.env.openExternal(vscode.Uri.parse(message.open))
    })
  }

  /**
   * A link between pages: the reading tab goes to the page, as a browser's does. Not by opening in preview
   * mode: that replaces whatever preview tab the group has, often the writer's document (one click in the
   * Explorer opens it so), and its findings with it.
   */
  private async follow(target: vscode.Uri, current: vscode.Uri, panel: vscode.WebviewPanel): Promise<void> {
    if (target.toString() === current.toString()) return
    await vscode.commands.executeCommand('vscode.openWith', target, RULE_PAGE_VIEW, {viewColumn: panel.viewColumn, preview: false})
    panel.dispose()
  }

  /** Open a page (the catalogue by default) in the reading view, in a tab of its own (never in place of the writer's document). */
  async show(page: string = CATALOGUE_PAGE, section?: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', pageUri(page, section), RULE_PAGE_VIEW, {preview: false})
  }

  register(): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(RULE_PAGE_VIEW, this, {webviewOptions: {retainContextWhenHidden: false}, supportsMultipleEditorsPerDocument: false})
  }
}
