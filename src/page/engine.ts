/**
 * The review page's engine: the document, its review, fixes and downloads. It runs
 * in a worker the page makes from a blob: URL (so typing and scrolling never wait
 * for a review), or on the page's thread where a browser refuses that; either way
 * it talks through a worker-like scope.
 *
 * It is the CLI's engine and the CLI's own functions (reviewDocument and
 * fixDocument from src/node/documents.ts, which are pure; the JSON and HTML
 * reports): the same findings, fixes and reports as `recovery-lint`. The built-in
 * rules come in the page, compressed (dist/rules.json, read by the build); a rule's
 * page is made from its rule, as docs/rules and the editor's reading view are.
 */
import {inflateSync, strFromU8} from 'fflate'
import {
  applyEdits,
  categoriesOf,
  DocumentSession,
  enableHtml,
  MAX_FINDINGS,
  fixEdit,
  openDocx,
  reviewDocx,
  Reviewer,
  rulePage as rulePageMarkdown,
  seedCompiledPhrases,
  selectFixes,
  unpackRules,
  writeReviewedCopy,
  type CompiledPhrasesData,
  type DocxModel,
  type Finding,
  type Profile,
  type Rule,
  type RulePack
} from '../core/index.js'
import {formatHtml} from '../cli/format/html.js'
import {formatJson} from '../cli/format/json.js'
import {fixDocument, reviewDocument, type LoadedDocument} from '../node/documents.js'
import {markdownToHtml} from './markdown-html.js'
import type {Kind, PageFinding, Request, Response} from './protocol.js'
import {COMPILED_RULES} from 'virtual:page-data'

declare const RECOVERY_LINT_VERSION: string
declare const RECOVERY_LINT_BUILD: string

/** What the engine talks through: a worker's global scope, or the page's stand-in for one (main.ts). */
interface Scope {
  postMessage(message: Response, transfer?: Transferable[]): void
  onmessage: ((event: {data: Request}) => void) | null
}
const scope: Scope = (globalThis as {__recoveryLintEngineScope?: Scope}).__recoveryLintEngineScope ?? (globalThis as unknown as Scope)

/** Milliseconds of reviewing between two looks at the message queue. */
const SLICE_MS = 40

const unpack = <T>(base64: string): T => {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return JSON.parse(strFromU8(inflateSync(bytes))) as T
}

enableHtml()
const compiled = unpack<{build: string; packs: RulePack[]; phrases: CompiledPhrasesData}>(COMPILED_RULES)
const packs = unpackRules(compiled.packs)
if (compiled.build === RECOVERY_LINT_BUILD) seedCompiledPhrases(compiled.phrases, packs)
const categories = categoriesOf(packs)
const rules = new Map<string, Rule>(packs.flatMap((p) => p.rules.map((r): [string, Rule] => [r.id, r])))

const reviewers = new Map<Profile, Reviewer>()
const reviewerFor = (profile: Profile) => {
  let r = reviewers.get(profile)
  if (!r) reviewers.set(profile, (r = new Reviewer(packs, {profile})))
  return r
}

interface Doc {
  name: string
  kind: Kind
  text: string
  model?: DocxModel
}

let doc: Doc | undefined
let profile: Profile = 'peer'
let findings: Finding[] = []
let places: string[] = []
const history: string[] = []
/** The newest request: an older review stops at its next slice. */
let latest = 0

const post = (message: Response, transfer?: Transferable[]) => scope.postMessage(message, transfer)
const loaded = (d: Doc): LoadedDocument => ({kind: d.kind, text: d.text, bom: false, lossless: true, docx: d.model})
const encodeFor = (kind: Kind) => (kind === 'html' ? (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : undefined)
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0))

function pageFinding(f: Finding, text: string, place: string | undefined, docx: boolean): PageFinding {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    offset: f.offset,
    endOffset: f.endOffset,
    text: f.text,
    message: f.message,
    suggestions: f.suggestions,
    advice: f.advice,
    // A Word document is not rewritten here: its reviewed copy carries the fixes as tracked changes.
    fixes: docx
      ? []
      : f.fixes.map((x) => ({
          label: x.before === 0 && x.after === 0 ? `Replace with “${x.replacement}”` : `Replace “${text.slice(f.offset - x.before, f.endOffset + x.after)}” with “${x.replacement}”`,
          replacement: x.replacement
        })),
    safeFix: f.safeFix,
    ...(place ? {place} : {})
  }
}

async function review(id: number, said?: string): Promise<void> {
  if (!doc) return
  latest = id
  const reviewer = reviewerFor(profile)
  if (doc.kind === 'docx') {
    const r = reviewDocx(reviewer, doc.model!)
    findings = r.findings
    places = r.places
  } else {
    // Long documents in slices, with the progress shown and newer requests let in between; the CLI's findings limit.
    const session = new DocumentSession(reviewer, doc.text, doc.kind, {deferred: true, maxFindings: MAX_FINDINGS, once: true})
    while (!session.step(SLICE_MS)) {
      post({id, type: 'progress', done: session.progress})
      await yieldToMessages()
      if (latest !== id) return
    }
    findings = [...session.findings].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
    places = []
  }
  const text = doc.text
  const docx = doc.kind === 'docx'
  post({
    id,
    type: 'reviewed',
    name: doc.name,
    kind: doc.kind,
    text,
    findings: findings.map((f, i) => pageFinding(f, text, places[i], docx)),
    categories: categories.map(({id: c, title}) => ({id: c, title})),
    safeFixes: docx ? 0 : selectFixes(text, findings, {encode: encodeFor(doc.kind)}).length,
    undo: history.length,
    ...(said ? {said} : {})
  })
}

function open(request: Extract<Request, {type: 'open'}>): Doc {
  if (request.kind === 'docx') {
    const model = openDocx(request.bytes ?? new Uint8Array())
    return {name: request.name, kind: 'docx', text: model.text, model}
  }
  let text = request.text ?? ''
  if (text.slice(0, 8192).includes('\0')) throw new Error(`${request.name}: a binary file, not a text document`)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return {name: request.name, kind: request.kind, text}
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '') || 'document'

function download(id: number, what: Extract<Request, {type: 'download'}>['what']): void {
  if (!doc) return
  const reviewer = reviewerFor(profile)
  const file = doc.name
  if (what === 'json') {
    post({id, type: 'download', name: `${stem(file)}.review.json`, mime: 'application/json', data: formatJson([{file, findings, kind: doc.kind, places}])})
  } else if (what === 'report') {
    const r = reviewDocument(reviewer, loaded(doc))
    const context = {rules, categories, version: RECOVERY_LINT_VERSION, cwd: '', problems: []}
    post({id, type: 'download', name: `${stem(file)}.review.html`, mime: 'text/html', data: formatHtml([{file, findings: r.findings, kind: r.kind, excerpts: r.excerpts, places: r.places}], context)})
  } else if (what === 'reviewed-docx') {
    if (!doc.model) throw new Error('only a Word document has a reviewed Word copy')
    const copy = writeReviewedCopy(
      doc.model,
      {findings, places, paragraphs: findings.map((f) => f.line - 1)},
      {trackChanges: true, rule: (ruleId) => reviewer.rule(ruleId), rulePage: (ruleId) => (rules.has(ruleId) ? `${ruleId} (recovery-lint rule page docs/rules/${ruleId}.md)` : ruleId)}
    )
    post({id, type: 'download', name: `${stem(file)}.reviewed.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: copy.bytes}, [copy.bytes.buffer])
  } else {
    const mime = doc.kind === 'html' ? 'text/html' : doc.kind === 'markdown' ? 'text/markdown' : 'text/plain'
    // A Word document's text as plain text; the others as they came, with the fixes applied.
    post({id, type: 'download', name: doc.kind === 'docx' ? `${stem(file)}.txt` : file, mime: `${mime};charset=utf-8`, data: doc.text})
  }
}

/** A rule's page, made from the rule by the generator of docs/rules (as the editor's reading view makes it). */
function rulePage(id: number, ruleId: string): void {
  const rule = rules.get(ruleId)
  const html = rule ? markdownToHtml(rulePageMarkdown(rule, categories, 'view')) : `<p>No page for <code>${ruleId.replace(/[<&>"]/g, '')}</code>.</p>`
  post({id, type: 'rule-page', ruleId, html})
}

async function handle(request: Request): Promise<void> {
  const {id} = request
  switch (request.type) {
    case 'open':
      latest = id
      doc = open(request)
      profile = request.profile
      history.length = 0
      return review(id)
    case 'profile':
      profile = request.profile
      return review(id)
    case 'fix': {
      if (!doc || doc.kind === 'docx') return
      const f = findings[request.finding]
      const fix = f?.fixes[request.fix]
      const edit = f && fix ? fixEdit(f, fix, {encode: encodeFor(doc.kind)}) : undefined
      if (!edit || doc.text.slice(f.offset, f.endOffset) !== f.text) throw new Error('That finding has changed: review again and choose once more.')
      const before = doc.text
      history.push(before)
      doc.text = applyEdits(before, [edit])
      return review(id, `Replaced “${before.slice(edit.offset, edit.endOffset)}” with “${edit.newText}”.`)
    }
    case 'fix-all': {
      if (!doc || doc.kind === 'docx') return
      const before = doc.text
      const {text, applied} = fixDocument(reviewerFor(profile), loaded(doc))
      if (applied > 0) {
        history.push(before)
        doc.text = text
      }
      return review(id, applied > 0 ? `Applied ${applied} safe ${applied === 1 ? 'fix' : 'fixes'}.` : 'No finding has a fix that is safe to apply without reading it.')
    }
    case 'undo': {
      if (!doc || history.length === 0) return
      doc.text = history.pop()!
      return review(id, 'Undid the last change.')
    }
    case 'download':
      return download(id, request.what)
    case 'rule-page':
      return rulePage(id, request.ruleId)
  }
}

scope.onmessage = (event) => {
  const request = event.data
  handle(request).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    post({id: request.id, type: 'error', message: message.split('\n')[0]})
  })
}
post({id: 0, type: 'ready'})
