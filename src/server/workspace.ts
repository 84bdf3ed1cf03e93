/** The editor's workspace as the server sees it: its folders and whether it is trusted. */
import type {WorkspaceFolder} from 'vscode-languageserver'

export class Workspace {
  folders: WorkspaceFolder[] = []
  /** Untrusted workspaces may not load rule files named by their config files. */
  trusted = true
  /** Where the client shows built-in rules' pages (InitializationOptions.rulePageBase). */
  rulePageBase: string | undefined

  /** The innermost workspace folder holding a document. */
  folderOf(uri: string): WorkspaceFolder | undefined {
    let best: WorkspaceFolder | undefined
    for (const f of this.folders) {
      const base = f.uri.endsWith('/') ? f.uri : f.uri + '/'
      if ((uri === f.uri || uri.startsWith(base)) && (!best || f.uri.length > best.uri.length)) best = f
    }
    return best
  }

  /** The folder a command about `uri` acts in: its own, or the only one open. */
  folderFor(uri: string): WorkspaceFolder | undefined {
    return this.folderOf(uri) ?? (this.folders.length === 1 ? this.folders[0] : undefined)
  }

  /** A document's path relative to its workspace folder, with forward slashes, when it is inside one. */
  relativePath(uri: string): string | undefined {
    const folder = this.folderOf(uri)
    if (!folder) return undefined
    const base = folder.uri.endsWith('/') ? folder.uri : folder.uri + '/'
    if (!uri.startsWith(base)) return undefined
    try {
      return decodeURIComponent(uri.slice(base.length))
    } catch {
      return undefined
    }
  }

  change(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    this.folders = [...this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)), ...added]
  }
}
