/**
 * On and off. "Turn the review off" pauses it for this workspace in the editor's own
 * workspace state, so no file is written into the writer's folder; the
 * `recoveryLint.enable` setting stays the writer's to set in the scope they choose,
 * and turning the review back on clears a `false` there, in the scope that holds it.
 * The server reads "off" through the settings it asks for (see `settingsFor`).
 */
import * as vscode from 'vscode'
import {SETTINGS_SECTION} from '../server/settings-schema.js'

const PAUSED = 'recoveryLint.paused'

export class ReviewSwitch {
  private readonly changed = new vscode.EventEmitter<boolean>()
  /** Fires with the new state when the review is turned on or off. */
  readonly onDidChange = this.changed.event

  constructor(private readonly state: vscode.Memento) {}

  /** Turned off for this workspace with the toggle. */
  get paused(): boolean {
    return this.state.get<boolean>(PAUSED, false)
  }

  /** Whether documents here are reviewed: the setting, unless the review is paused. */
  isOn(scope?: vscode.Uri): boolean {
    return !this.paused && vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<boolean>('enable', true)
  }

  /** A document's settings as the server should see them: `enable` is false while paused. */
  settingsFor<T>(settings: T): T {
    if (!this.paused || settings === null || typeof settings !== 'object') return settings
    return {...settings, enable: false}
  }

  /** Turn the review off (a pause) or on (no pause, and no `enable: false` setting in the way). Returns the new state. */
  async toggle(scope?: vscode.Uri): Promise<boolean> {
    if (this.isOn(scope)) {
      await this.state.update(PAUSED, true)
      this.changed.fire(false)
      return false
    }
    await this.state.update(PAUSED, undefined)
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope)
    const inspected = config.inspect<boolean>('enable')
    // The writer turned it off in a settings file: clear that value where it is, rather than add another.
    const scopes: Array<[boolean | undefined, vscode.ConfigurationTarget]> = [
      [inspected?.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder],
      [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
      [inspected?.globalValue, vscode.ConfigurationTarget.Global]
    ]
    for (const [value, target] of scopes) if (value === false) await config.update('enable', undefined, target)
    this.changed.fire(true)
    return true
  }
}
