/**
 * What a document's findings depend on besides its text, as one string: kept findings
 * (diagnostics-cache.ts) are shown only while it is the same. The extension's build
 * (its version and its compiled rules), the workspace's trust, the document's settings
 * as the server would get them (on or off included), and every configuration file that
 * could apply: each `.recoverylintrc.*` from the document's folder up to the root, with
 * its text, so one added, changed or removed since is a change. A configuration that
 * names rule files (`ruleFiles`) makes the findings depend on files this cannot list
 * without reading the configuration as the server does: then nothing is kept (undefined).
 */
import * as vscode from 'vscode'
import {onNode} from './language-client.js'
import {textHash} from './text-hash.js'

const CONFIG_NAMES = ['.recoverylintrc.json', '.recoverylintrc.yaml', '.recoverylintrc.yml']
/** Folders walked up at most (a document deeper than this is not kept). */
const MAX_DEPTH = 32

/**
 * Node's file system for file: URIs on the desktop. Kept findings are wanted while the window is still busy
 * starting; the editor's file system API answers through the window, so a dozen reads took seconds there.
 */
const nodeFs = onNode
  ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node's, required only on Node
    (require('node:fs') as typeof import('node:fs'))
  : undefined

async function readIfThere(uri: vscode.Uri): Promise<string | undefined> {
  if (nodeFs && uri.scheme === 'file') {
    try {
      return nodeFs.readFileSync(uri.fsPath, 'utf8')
    } catch {
      return undefined
    }
  }
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))
  } catch {
    return undefined
  }
}

async function stamp(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const s = nodeFs && uri.scheme === 'file' ? nodeFs.statSync(uri.fsPath) : undefined
    if (s) return `${s.size}:${s.mtimeMs}`
    const v = await vscode.workspace.fs.stat(uri)
    return `${v.size}:${v.mtime}`
  } catch {
    return undefined
  }
}

/** The folder a document's configuration is looked up from: its own, or the workspace's for an untitled one. */
function startFolder(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri
  return uri.path.includes('/') ? vscode.Uri.joinPath(uri, '..') : undefined
}

export class FindingsInputs {
  private build: Promise<string> | undefined

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly version: string,
    private readonly settingsOf: (uri: vscode.Uri) => unknown
  ) {}

  /** The compiled rules' size and time: a rebuild under development changes the findings without a new version. */
  private buildStamp(): Promise<string> {
    this.build ??= stamp(vscode.Uri.joinPath(this.extensionUri, 'dist/rules.json')).then((s) => `${this.version}:${s ?? ''}`)
    return this.build
  }

  async of(uri: vscode.Uri): Promise<string | undefined> {
    const parts = [await this.buildStamp(), String(vscode.workspace.isTrusted), JSON.stringify(this.settingsOf(uri) ?? null)]
    let folder = startFolder(uri)
    for (let depth = 0; folder && depth < MAX_DEPTH; depth++) {
      const here = folder
      const texts = await Promise.all(CONFIG_NAMES.map((name) => readIfThere(vscode.Uri.joinPath(here, name))))
      for (const [i, text] of texts.entries()) {
        if (text === undefined) continue
        if (/ruleFiles/.test(text)) return undefined
        parts.push(`${folder.path}/${CONFIG_NAMES[i]}:${textHash(text)}`)
      }
      const parent = vscode.Uri.joinPath(folder, '..')
      if (parent.path === folder.path) break
      folder = parent
    }
    return textHash(parts.join('\n'))
  }
}
