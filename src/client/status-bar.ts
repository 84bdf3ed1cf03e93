/**
 * The status bar item: compact by default ("◉ 10"), the findings per category in its
 * tooltip, the long form ("Recovery language: Role model 1 · Deficit framing 2") by
 * setting. Shown for the documents the review reads; click for the Problems panel
 * (or, when the review is off, to turn it on).
 */
import * as vscode from 'vscode'
import type {StatusParams} from '../server/protocol.js'
import {SETTINGS_SECTION} from '../server/settings-schema.js'
import type {ReviewSwitch} from './review-switch.js'

const MARK = '◉'

/** What the status bar shows now: its text, tooltip and whether it is visible (the tests read it). */
export interface StatusView {
  text: string
  tooltip: string
  visible: boolean
}

const STATES: Record<string, string> = {'too-large': 'too large to review', 'config-error': 'configuration error', excluded: 'excluded', disabled: 'off here', error: 'could not review'}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('recoveryLint.status', vscode.StatusBarAlignment.Right, 100)
  private readonly byUri = new Map<string, StatusParams>()
  private visible = false

  constructor(
    private readonly reviewed: (doc: vscode.TextDocument) => boolean,
    private readonly categoryTitle: (id: string) => string,
    private readonly review: ReviewSwitch
  ) {
    this.item.name = 'Recovery Language Review'
  }

  set(params: StatusParams): void {
    if (params.state === 'closed') this.byUri.delete(params.uri)
    else this.byUri.set(params.uri, params)
    this.update()
  }

  clear(): void {
    this.byUri.clear()
    this.update()
  }

  get(uri: string): StatusParams | undefined {
    return this.byUri.get(uri)
  }

  view(): StatusView {
    const tooltip = this.item.tooltip
    return {text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), visible: this.visible}
  }

  update(): void {
    const editor = vscode.window.activeTextEditor
    if (!editor || !this.reviewed(editor.document)) {
      this.item.hide()
      this.visible = false
      return
    }
    const long = vscode.workspace.getConfiguration(SETTINGS_SECTION, editor.document.uri).get<string>('statusBar') === 'long'
    const status = this.byUri.get(editor.document.uri.toString())
    this.item.command = 'workbench.actions.view.problems'
    if (!this.review.isOn(editor.document.uri)) {
      this.item.text = long ? `${MARK} Recovery review off` : `${MARK} off`
      this.item.tooltip = 'Recovery Language Review is off here. Click to turn it on.'
      this.item.command = 'recoveryLint.toggle'
    } else if (!status || status.state === 'reviewing') {
      this.item.text = long ? `${MARK} Recovery review…` : `${MARK} …`
      this.item.tooltip = 'Recovery Language Review: reviewing…'
    } else if (status.state !== 'ok') {
      const state = STATES[status.state] ?? status.state
      this.item.text = long ? `${MARK} Recovery review: ${state}` : `${MARK} !`
      this.item.tooltip = `Recovery Language Review: ${state}.${status.detail ? ` ${status.detail}` : ''}`
    } else {
      const counts = Object.entries(status.counts).filter(([, n]) => n > 0)
      const total = counts.reduce((a, [, n]) => a + n, 0)
      const parts = counts.map(([category, n]) => `${this.categoryTitle(category)} ${n}`)
      this.item.text = long ? (total === 0 ? `${MARK} Recovery language: nothing to reconsider` : `${MARK} Recovery language: ${parts.join(' · ')}`) : `${MARK} ${total}`
      const tooltip = new vscode.MarkdownString(
        total === 0
          ? '**Recovery Language Review**: nothing to reconsider in this document.'
          : `**Recovery Language Review**: ${total} to reconsider in this document\n\n${counts.map(([c, n]) => `- ${this.categoryTitle(c)}: ${n}`).join('\n')}\n\nClick for the Problems panel.`
      )
      this.item.tooltip = tooltip
    }
    this.item.show()
    this.visible = true
  }

  dispose(): void {
    this.item.dispose()
  }
}
