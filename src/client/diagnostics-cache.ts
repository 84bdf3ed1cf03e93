/**
 * Findings at once after a reload. Starting the language server and its first
 * review takes longer than a writer should wait for squiggles they saw a moment ago,
 * so the last findings of each open document are kept in the editor's workspace
 * state (not in the writer's folder) with a hash of the text they were made for.
 * When a document opens before the server has reviewed it and its text hashes the
 * same, they are shown from there; the server's own findings replace them as soon as
 * they come.
 */
import * as vscode from 'vscode'

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
  /** The extension's version: findings of another version are not shown. */
  version: string
  hash: string
  at: number
  diagnostics: StoredDiagnostic[]
}

/** FNV-1a over the UTF-16 code units, with the length: cheap, and enough to tell an edited text. */
export function textHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return `${text.length.toString(36)}.${(h >>> 0).toString(36)}`
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
    private readonly version: string,
    private readonly source: string
  ) {
    this.collection = vscode.languages.createDiagnosticCollection(`${source}-last`)
  }

  private entries(): Record<string, Entry> {
    return this.state.get<Record<string, Entry>>(KEY, {})
  }

  /** Show a document's last findings if the server has not reviewed it yet and its text is unchanged. Returns how many. */
  show(doc: vscode.TextDocument): number {
    const uri = doc.uri.toString()
    if (this.published.has(uri)) return 0
    const entry = this.entries()[uri]
    if (!entry || entry.version !== this.version || entry.hash !== textHash(doc.getText())) return 0
    this.collection.set(doc.uri, entry.diagnostics.map((d) => restore(d, this.source)))
    return entry.diagnostics.length
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
    if (diagnostics.length > MAX_DIAGNOSTICS) this.pending.set(key, undefined)
    else this.pending.set(key, {version: this.version, hash: textHash(doc.getText()), at: Date.now(), diagnostics: diagnostics.map(store)})
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
