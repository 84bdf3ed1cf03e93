/** Messages to the user and the log: a message that would repeat is shown once until the next reset. */
import type {Connection} from 'vscode-languageserver'

/** Fire and forget: a message to a client that went away is not an error. */
export function quiet(p: Promise<unknown> | void): void {
  if (p) p.catch(() => {})
}

export class Notices {
  private readonly told = new Set<string>()

  constructor(private readonly connection: Connection) {}

  log(message: string): void {
    this.connection.console.log(`[recovery-lint] ${message}`)
  }

  once(key: string, message: string, kind: 'error' | 'info' = 'info'): void {
    if (this.told.has(key)) return
    this.told.add(key)
    this.show(message, kind)
  }

  show(message: string, kind: 'error' | 'warning' | 'info'): void {
    const window = this.connection.window
    quiet(kind === 'error' ? window.showErrorMessage(message) : kind === 'warning' ? window.showWarningMessage(message) : window.showInformationMessage(message))
  }

  /** A message that may be shown again (what it told of is over). */
  forget(key: string): void {
    this.told.delete(key)
  }

  reset(): void {
    this.told.clear()
  }
}
