/**
 * Code actions, from what each diagnostic carries and the document's last review (no
 * second review): replace with an alternative, replace every use of the same wording,
 * fix all safe findings, and the ways to silence a finding (disable the rule for the
 * line or the file where the format has comments for it, allow the phrase, turn the
 * rule off in the configuration file).
 */
import {CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {disableFileEdit, fixEdit, lineDirectiveEdit, replaceAllEdits, sameWording, selectFixes, type Edit, type Finding, type Format, type Insert} from '../core/index.js'
import {ALLOW_PHRASE_COMMAND, DISABLE_RULE_COMMAND, FIX_ALL_KIND, SILENCE_KIND, SOURCE, TELL_COMMAND, type DiagnosticData} from './protocol.js'

/** The trigger kind of a request the writer made (Ctrl+., "Fix All"), as opposed to one made on save or by the light bulb. */
const INVOKED = 1

function matchesKind(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'))
}

function insertEdit(insert: Insert): TextEdit {
  const at = {line: insert.line, character: insert.character}
  return {range: {start: at, end: at}, newText: insert.text}
}

const textEdit = (doc: TextDocument, e: Edit): TextEdit => ({range: {start: doc.positionAt(e.offset), end: doc.positionAt(e.endOffset)}, newText: e.newText})

/** Whether the client asked for quick fixes, or some of them (the ways to silence). */
export const wantsQuickFixes = (params: CodeActionParams) =>
  matchesKind(CodeActionKind.QuickFix, params.context.only) || !!params.context.only?.some((o) => o.startsWith(CodeActionKind.QuickFix + '.'))

/** Whether the client asked for fix-all: explicitly, or alongside quick fixes that exist. */
export const wantsFixAll = (params: CodeActionParams, quickFixes: number) =>
  matchesKind(FIX_ALL_KIND, params.context.only) && (params.context.only !== undefined || quickFixes > 0)

/** Whether the writer asked (rather than a save or the light bulb): then an empty fix-all says why. */
export const invoked = (params: CodeActionParams) => params.context.triggerKind === INVOKED

/** Only the ways to silence (the "Silence…" link asks for these): then every one of them, the rule's off switch included. */
const onlySilence = (params: CodeActionParams) => params.context.only?.length === 1 && params.context.only[0] === SILENCE_KIND

/** The edits `--fix` would make in this text: each safe finding's first fix, by the engine's choice. */
export function fixAllEdits(doc: TextDocument, findings: Finding[]): TextEdit[] {
  return selectFixes(doc.getText(), findings).map((f) => textEdit(doc, fixEdit(f)!))
}

/** Why fix-all has nothing to do, in the writer's words. */
export function fixAllReason(findings: Finding[]): string {
  const n = findings.length
  if (n === 0) return 'Recovery Language Review: nothing to fix, this document has no findings.'
  const choices = findings.filter((f) => f.fixes.length > 0).length
  const none = n === 1 ? 'The one finding has' : `None of the ${n} findings has`
  return (
    `Recovery Language Review: ${none} a replacement that is safe to apply without reading the sentence` +
    `${choices > 0 ? ` (${choices === n ? (n === 1 ? 'it has' : 'all have') : `${choices} have`} alternatives to choose from)` : ''}. ` +
    'Use the quick fixes one by one (Ctrl+.).'
  )
}

const lineList = (doc: TextDocument, findings: Finding[]) => {
  const lines = findings.map((f) => doc.positionAt(f.offset).line + 1)
  return lines.length <= 8 ? lines.join(', ') : `${lines.slice(0, 8).join(', ')} and ${lines.length - 8} more`
}

/**
 * "Replace all N in this document with X": every use of the wording, each with the fix
 * its own sentence takes from the same rule alternative; the places it cannot fit are
 * left for the writer, and the action says where.
 */
function replaceAll(doc: TextDocument, d: Diagnostic, finding: Finding, findings: Finding[]): CodeAction | undefined {
  const group = sameWording(finding, findings)
  const fix = finding.fixes[0]
  if (group.length < 2 || !fix) return undefined
  const {edits, skipped} = replaceAllEdits(doc.getText(), findings, finding.group, fix.alternative)
  if (edits.length < 2) return undefined
  const left = skipped.length > 0 ? ` (${skipped.length} left for you)` : ''
  const title = `Replace all ${group.length} in this document with “${fix.replacement}”${left}`
  const action: CodeAction = {title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: {changes: {[doc.uri]: edits.map((e) => textEdit(doc, e))}}}
  if (skipped.length > 0) {
    const message = `Recovery Language Review: replaced ${edits.length} of ${group.length}; “${fix.replacement}” does not fit the sentence at line ${lineList(doc, skipped)}, so ${skipped.length === 1 ? 'that one is' : 'those are'} left for you.`
    action.command = {title: 'Tell where', command: TELL_COMMAND, arguments: [message]}
  }
  return action
}

/** The ways to silence a finding: directives where the format has comments for them, the phrase, the rule. */
function silencers(doc: TextDocument, format: Format, d: Diagnostic, data: DiagnosticData, everything: boolean): CodeAction[] {
  const uri = doc.uri
  const actions: CodeAction[] = []
  // Plain text has no comments: a directive there would be text the reader sees.
  if (format !== 'text') {
    // HTML has no blocks to keep whole: the directive goes on a line of its own.
    const place = format === 'markdown' ? data.lineDirective : 'above'
    actions.push({
      title: `Disable rule ${data.ruleId} for this line`,
      kind: SILENCE_KIND,
      diagnostics: [d],
      edit: {changes: {[uri]: [insertEdit(lineDirectiveEdit(doc.getText(), d.range.start.line, place, data.ruleId))]}}
    })
    actions.push({
      title: `Disable rule ${data.ruleId} in this file`,
      kind: SILENCE_KIND,
      diagnostics: [d],
      edit: {changes: {[uri]: [insertEdit(disableFileEdit(doc.getText(), data.ruleId, format))]}}
    })
  }
  const allow = `Allow “${data.phrase}” in this workspace`
  actions.push({title: allow, kind: SILENCE_KIND, diagnostics: [d], command: {title: allow, command: ALLOW_PHRASE_COMMAND, arguments: [uri, data.phrase]}})
  if (everything || format === 'text') {
    const off = `Turn rule ${data.ruleId} off in this workspace's configuration file`
    actions.push({title: off, kind: SILENCE_KIND, diagnostics: [d], command: {title: off, command: DISABLE_RULE_COMMAND, arguments: [uri, data.ruleId]}})
  }
  return actions
}

/** The finding a diagnostic stands for, in the document's last review. */
function findingOf(doc: TextDocument, d: Diagnostic, data: DiagnosticData, findings: Finding[]): Finding | undefined {
  const offset = doc.offsetAt(d.range.start)
  return findings.find((f) => f.offset === offset && f.ruleId === data.ruleId)
}

/** The quick fixes (and ways to silence) for the diagnostics in a code action request. */
export function quickFixes(doc: TextDocument, format: Format, params: CodeActionParams, findings: Finding[]): CodeAction[] {
  const uri = doc.uri
  const actions: CodeAction[] = []
  const silenceOnly = onlySilence(params)
  let ours = 0
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE || !d.data) continue
    ours++
    const data = d.data as DiagnosticData
    if (!silenceOnly && doc.getText(d.range) === data.text) {
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
      const finding = findingOf(doc, d, data, findings)
      const all = finding && replaceAll(doc, d, finding, findings)
      if (all) actions.push(all)
    }
    actions.push(...silencers(doc, format, d, data, silenceOnly))
  }
  // Fix all, where the writer looks for it: in the quick-fix menu of any finding.
  if (ours > 0 && !silenceOnly) {
    const edits = fixAllEdits(doc, findings)
    if (edits.length > 0) actions.push({title: `Fix all safe findings in this document (${edits.length})`, kind: CodeActionKind.QuickFix, edit: {changes: {[uri]: edits}}})
  }
  return actions
}

/**
 * Fix all (`source.fixAll.recoveryLint`, also on save): the engine's choice of safe fixes,
 * as `--fix` makes it. With nothing to fix, a request the writer made gets the reason instead.
 */
export function fixAll(doc: TextDocument, findings: Finding[], explain: boolean): CodeAction[] {
  const edits = fixAllEdits(doc, findings)
  if (edits.length > 0) return [{title: `Fix all safe findings in this document (${edits.length})`, kind: FIX_ALL_KIND, edit: {changes: {[doc.uri]: edits}}}]
  if (!explain) return []
  const reason = fixAllReason(findings)
  return [{title: 'Why nothing can be fixed automatically', kind: FIX_ALL_KIND, command: {title: 'Why nothing can be fixed', command: TELL_COMMAND, arguments: [reason]}}]
}
