/**
 * Files for a server that has no file system (the browser's, see
 * src/server/editor-host.ts): configuration files and rule packs read, and
 * configuration files written, through workspace.fs, which reaches whatever the
 * workspace is on (a disk, a remote, github.dev's virtual file system).
 */
import * as vscode from 'vscode'
import type {BaseLanguageClient} from 'vscode-languageclient'
import {READ_FILES_REQUEST, WRITE_FILE_REQUEST, type ReadFilesParams, type ReadFilesResult, type WriteFileParams} from '../server/protocol.js'

const absent = (error: unknown) => error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')

async function readOne(uri: string, sizeOnly: boolean): Promise<ReadFilesResult['files'][number]> {
  try {
    const target = vscode.Uri.parse(uri, true)
    if (sizeOnly) {
      const stat = await vscode.workspace.fs.stat(target)
      return stat.type & vscode.FileType.Directory ? {} : {size: stat.size}
    }
    return {text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target))}
  } catch (error) {
    return absent(error) ? {} : {error: (error as Error).message.split('\n')[0]}
  }
}

/** Answer the server's file requests. */
export function serveFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILES_REQUEST, async (params: ReadFilesParams): Promise<ReadFilesResult> => ({
      files: await Promise.all(params.uris.map((uri) => readOne(uri, params.sizeOnly === true)))
    })),
    client.onRequest(WRITE_FILE_REQUEST, async (params: WriteFileParams) => {
      await vscode.workspace.fs.writeFile(vscode.Uri.parse(params.uri, true), new TextEncoder().encode(params.text))
      return null
    })
  ]
}
