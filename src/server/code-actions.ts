/**
 * Code actions, from what each diagnostic carries (no second review): replace with
 * an alternative, disable the rule for the line or the file (where the engine
 * says the directive goes), allow the phrase, and fix all safe findings.
 */
import {CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {disableFileEdit, fixEdit, lineDirectiveEdit, selectFixes, type Finding, type Format, type Insert} from '../core/index.js'
import {ALLOW_PHRASE_COMMAND, FIX_ALL_KIND, SOURCE, type DiagnosticData} from './protocol.js'

function matchesKind(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'))
}

function insertEdit(insert: Insert): TextEdit {
  const at = {line: insert.line, character: insert.character}
  return {range: {start: at, end: at}, newText: insert.text}
}

/** Whether the client asked for quick fixes. */
export const wantsQuickFixes = (params: CodeActionParams) => matchesKind(CodeActionKind.QuickFix, params.context.only)

/** Whether the client asked for fix-all: explicitly, or alongside quick fixes that exist. */
export const wantsFixAll = (params: CodeActionParams, quickFixes: number) =>
  matchesKind(FIX_ALL_KIND, params.context.only) && (params.context.only !== undefined || quickFixes > 0)

/** The quick fixes for the diagnostics in a code action request. */
export function quickFixes(doc: TextDocument, format: Format, diagnostics: Diagnostic[]): CodeAction[] {
  const uri = doc.uri
  const text = doc.getText()
  const actions: CodeAction[] = []
  for (const d of diagnostics) {
    if (d.source !== SOURCE || !d.data) continue
    const data = d.data as DiagnosticData
    if (doc.getText(d.range) === data.text) {
      // One action per fix; a rewrite reaches past the range ("who are non-compliant" → "who choose not to take it").
      const from = doc.offsetAt(d.range.start)
      const to = doc.offsetAt(d.range.end)
      const fixes = data.fixes ?? data.suggestions.map((replacement, alternative) => ({before: 0, after: 0, replacement, alternative}))
      fixes.forEach((f, i) => {
        const dropIn = f.before === 0 && f.after === 0
        const range = dropIn ? d.range : {start: doc.positionAt(from - f.before), end: doc.positionAt(to + f.after)}
        actions.push({
          title: dropIn ? `Replace with “${f.replacement}”` : `Replace “${doc.getText(range)}” with “${f.replacement}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0 && data.safeFix,
          edit: {changes: {[uri]: [{range, newText: f.replacement}]}}
        })
      })
    }
    // Plain text and HTML have no blocks to keep whole: the directive goes on a line of its own.
    const place = format === 'markdown' ? data.lineDirective : 'above'
    actions.push({
      title: `Disable recovery-lint rule ${data.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: {changes: {[uri]: [insertEdit(lineDirectiveEdit(text, d.range.start.line, place, data.ruleId))]}}
    })
    actions.push({
      title: `Disable recovery-lint rule ${data.ruleId} in this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: {changes: {[uri]: [insertEdit(disableFileEdit(text, data.ruleId, format))]}}
    })
    const phrase = data.phrase
    actions.push({
      title: `Allow “${phrase}” in this workspace`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: {title: `Allow “${phrase}” in this workspace`, command: ALLOW_PHRASE_COMMAND, arguments: [uri, phrase]}
    })
  }
  return actions
}

/** Fix all: the engine's own choice of safe fixes (as `--fix` makes it), as one action; none when nothing applies. */
export function fixAll(doc: TextDocument, findings: Finding[]): CodeAction[] {
  // Each finding's first fix, which may reach past its range ("who are non-compliant" → "who choose not to take it").
  const edits: TextEdit[] = selectFixes(doc.getText(), findings).map((f) => {
    const e = fixEdit(f)!
    return {range: {start: doc.positionAt(e.offset), end: doc.positionAt(e.endOffset)}, newText: e.newText}
  })
  if (edits.length === 0) return []
  return [{title: `Fix all safe recovery-lint findings (${edits.length})`, kind: FIX_ALL_KIND, edit: {changes: {[doc.uri]: edits}}}]
}
