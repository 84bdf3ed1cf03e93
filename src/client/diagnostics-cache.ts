/**
 * Findings at once after a reload. Starting the language server and its first
 * review takes longer than a writer should wait for squiggles they saw a moment ago,
 * so the last findings of each open document are kept in the editor's workspace
 * state (not in the writer's folder) with a hash of the text they were made for and
 * of everything else they depend on (findings-inputs.ts: the build, trust, settings,
 * configuration files). When a document opens before the server has reviewed it and
 * both hashes are the same, they are shown from there; the server's own findings
 * replace them as soon as they come. Kept findings carry no quick fixes (the server
 * offers those from its own review, which the diagnostics it publishes point to).
 */
import * as vscode from 'vscode'
import type {FindingsInputs} from './findings-inputs.js'
import {textHash} from './text-hash.js'

const KEY = 'recoveryLint.lastFindings'
/** Documents kept (the most recently reviewed). */
const MAX_DOCUMENTS = 40
/** Larger reviews are not kept (the state is for a quick first look, not an archive). */
const MAX_DIAGNOSTICS = 500

interface StoredDiagnostic {
  range: [number, number, number, number]
  message: string
  severity: vscode.DiagnosticSeverity
  code?: string
  target?: string
  related?: Array<{uri: string; range: [number, number, number, number]; message: string}>
}

interface Entry {
  /** The text's hash. */
  hash: string
  /** What else the findings depend on (FindingsInputs). */
  inputs: string
  at: number
  diagnostics: StoredDiagnostic[]
}

const rangeOf = (r: vscode.Range): [number, number, number, number] => [r.start.line, r.start.character, r.end.line, r.end.character]
const toRange = ([a, b, c, d]: [number, number, number, number]) => new vscode.Range(a, b, c, d)

function store(d: vscode.Diagnostic): StoredDiagnostic {
  const code = typeof d.code === 'object' ? d.code : d.code === undefined ? undefined : {value: d.code, target: undefined}
  return {
    range: rangeOf(d.range),
    message: d.message,
    severity: d.severity,
    ...(code ? {code: String(code.value)} : {}),
    ...(code?.target ? {target: code.target.toString()} : {}),
    ...(d.relatedInformation?.length ? {related: d.relatedInformation.map((r) => ({uri: r.location.uri.toString(), range: rangeOf(r.location.range), message: r.message}))} : {})
  }
}

function restore(s: StoredDiagnostic, source: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(s.range), s.message, s.severity)
  d.source = source
  if (s.code !== undefined) d.code = s.target ? {value: s.code, target: vscode.Uri.parse(s.target)} : s.code
  if (s.related) d.relatedInformation = s.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)), r.message))
  return d
}

export class DiagnosticsCache implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection
  /** Documents the server has published for in this session: the cache has nothing more to say about them. */
  private readonly published = new Set<string>()
  private pending = new Map<string, Entry | undefined>()
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly state: vscode.Memento,
    private readonly inputs: FindingsInputs,
    private readonly source: string
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(`${source}-last`)
  }

  private entries(): Record<string, Entry> {
    return this.state.get<Record<string, Entry>>(KEY, {})
  }

  /** A document's kept findings if they were made for its text as it is and for the same inputs. */
  async kept(doc: vscode.TextDocument): Promise<vscode.Diagnostic[] | undefined> {
    const entry = this.entries()[doc.uri.toString()]
    if (!entry || entry.hash !== textHash(doc.getText())) return undefined
    const inputs = await this.inputs.of(doc.uri)
    if (inputs === undefined || inputs !== entry.inputs || entry.hash !== textHash(doc.getText())) return undefined
    return entry.diagnostics.map((d) => restore(d, this.source))
  }

  /** Show a document's kept findings if the server has not reviewed it yet. Returns how many. */
  async show(doc: vscode.TextDocument): Promise<number> {
    if (this.published.has(doc.uri.toString())) return 0
    const kept = await this.kept(doc)
    // The server may have published while the inputs were read: its findings win.
    if (!kept || this.published.has(doc.uri.toString())) return 0
    this.collection.set(doc.uri, kept)
    return kept.length
  }

  /**
   * The server published a document's findings: they replace the kept ones, and are kept
   * for next time when they are a finished review of the text the editor holds now.
   */
  fromServer(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[], doc: vscode.TextDocument | undefined, finished: boolean): void {
    const key = uri.toString()
    this.published.add(key)
    this.collection.delete(uri)
    if (!doc || !finished) return
    if (diagnostics.length > MAX_DIAGNOSTICS) {
      this.pending.set(key, undefined)
      this.schedule()
      return
    }
    const hash = textHash(doc.getText())
    const stored = diagnostics.map(store)
    void this.inputs.of(uri).then((inputs) => {
      // Kept only for what the review was made under: no inputs (rule files), or the text moved on meanwhile, keeps nothing.
      this.pending.set(key, inputs !== undefined && hash === textHash(doc.getText()) ? {hash, inputs, at: Date.now(), diagnostics: stored} : undefined)
      this.schedule()
    })
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), 1000)
  }

  /** Write what changed to the workspace state (batched: a second after the last review at most). */
  async flush(): Promise<void> {
    this.timer = undefined
    if (this.pending.size === 0) return
    const entries = {...this.entries()}
    for (const [uri, entry] of this.pending) {
      if (entry) entries[uri] = entry
      else delete entries[uri]
    }
    this.pending.clear()
    const kept = Object.entries(entries)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_DOCUMENTS)
    await this.state.update(KEY, Object.fromEntries(kept))
  }

  /** The review was turned off: nothing kept is shown, and nothing is kept. */
  async clear(): Promise<void> {
    this.collection.clear()
    this.pending.clear()
    await this.state.update(KEY, undefined)
  }

  dispose(): void {
    clearTimeout(this.timer)
    void this.flush()
    this.collection.dispose()
  }
}
