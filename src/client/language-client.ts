/**
 * What the extension needs to know of its host, whichever language client runs:
 * the extension has an entry per host (package.json), each with its own client:
 * - `main`, the desktop's (and any Node extension host's: a remote, code-server):
 *   extension.ts with node-client.ts, the server as a Node process;
 * - `browser`, a web worker extension host's (vscode.dev, github.dev):
 *   web-extension.ts with browser-client.ts, the server in a worker.
 * The language client library is in the browser's bundle only; the desktop's entry
 * stays small and reads the library from that bundle after activation (see
 * node-client.ts), so the package carries it once.
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient} from 'vscode-languageclient'

/** Whether this extension host is Node (desktop, remote) rather than a browser worker. */
export const onNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string'

/** Context key: Word documents can be reviewed here (the server writes NAME.reviewed.docx through Node). */
export const WORD_CONTEXT = 'recoveryLint.reviewsWord'

export const CLIENT_ID = 'recoveryLint'
export const CLIENT_NAME = 'Recovery Language Review'

/** Workers of the browser's clients, ended when their client stops (a worker outlives a stopped client otherwise). */
export const workers = new Map<BaseLanguageClient, Set<Worker>>()

/** URI schemes of the documents to review: files, untitled documents and the workspace's own (vscode-vfs on github.dev). */
export function documentSchemes(): string[] {
  return [...new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])]
}

/** Stop a client and end its server (the Node client kills its process itself; a worker is ended here). */
export async function stopLanguageClient(client: BaseLanguageClient): Promise<void> {
  try {
    await client.stop()
  } finally {
    for (const worker of workers.get(client) ?? []) worker.terminate()
    workers.delete(client)
  }
}
