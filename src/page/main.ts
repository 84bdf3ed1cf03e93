/**
 * The review page people see (dist/review.html, one file that works from disk):
 * open, drop or paste a document, see its findings marked in the text, read why
 * and what to write instead, apply fixes, download the result and a report.
 * The engine (engine.ts) runs in a worker made from the page's own copy of it.
 */
import type {CategoryId, Profile} from '../core/types.js'
import type {Kind, PageFinding, Request, Response} from './protocol.js'

type Reviewed = Extract<Response, {type: 'reviewed'}>
type RequestBody = Request extends infer R ? (R extends {id: number} ? Omit<R, 'id'> : never) : never

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const status = $('status')
const progress = $<HTMLProgressElement>('progress')
const results = $('results')
const docView = $('doc')
const detailHeading = $('detail-h')
const detailBody = $('detail-body')
const list = $('list')
const profile = $<HTMLSelectElement>('profile')
const dialog = $<HTMLDialogElement>('page-dialog')

const SEVERITY: Record<string, string> = {error: 'Error', warning: 'Warning', info: 'Info'}
const KINDS: Array<[RegExp, Kind]> = [
  [/\.(md|markdown|mdown|mkd)$/i, 'markdown'],
  [/\.(html?|xhtml)$/i, 'html'],
  [/\.docx$/i, 'docx'],
  [/\.(txt|text)$/i, 'text']
]
/** Past this a document is refused (as the CLI does): a browser tab would struggle with it anyway. */
const MAX_BYTES = 20 * 1024 * 1024

let last: Reviewed | undefined
/** Marks by finding index; a mark covers overlapping findings together. */
let marks: HTMLElement[] = []
let current: number | undefined
let nextId = 1
/** The newest request that ends in a review: older reviews are not shown. */
let latestReview = 0
let engine: {post(request: Request, transfer?: Transferable[]): void} | undefined
const pending = new Map<number, string>()

function say(message: string) {
  status.textContent = message
}

function esc(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

// ---- the engine -------------------------------------------------------------------------------

/**
 * The engine from the page's own copy of it: a worker from a blob: URL, so reviewing
 * never blocks the page. Where a browser refuses workers from a page opened from disk,
 * the same script runs on the page's thread against a stand-in for the worker's scope.
 */
function startEngine(onMessage: (r: Response) => void): {post(request: Request, transfer?: Transferable[]): void} {
  const source = $('engine').textContent ?? ''
  const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}))
  try {
    const worker = new Worker(url, {name: 'recovery-lint engine'})
    worker.onmessage = (e: MessageEvent<Response>) => onMessage(e.data)
    worker.onerror = (e) => say(`The reviewer stopped: ${e.message}`)
    return {post: (request, transfer) => worker.postMessage(request, transfer ?? [])}
  } catch {
    const scope: {onmessage: ((e: {data: Request}) => void) | null; postMessage(m: Response): void} = {
      onmessage: null,
      postMessage: (m) => setTimeout(() => onMessage(m), 0)
    }
    ;(window as unknown as {__recoveryLintEngineScope: unknown}).__recoveryLintEngineScope = scope
    const script = document.createElement('script')
    script.src = url
    document.body.append(script)
    return {post: (request) => setTimeout(() => scope.onmessage?.({data: request}), 0)}
  }
}

function send(body: RequestBody, what: string, transfer?: Transferable[]) {
  if (!engine) return
  const id = nextId++
  pending.set(id, what)
  if (what === 'review') latestReview = id
  engine.post({...body, id} as Request, transfer)
}

function onEngine(message: Response) {
  switch (message.type) {
    case 'ready':
      say('Ready. Open, drop or paste a document.')
      return
    case 'progress':
      progress.hidden = false
      progress.value = message.done
      say(`Reviewing… ${Math.round(message.done * 100)}%`)
      return
    case 'reviewed':
      if (message.id !== latestReview) return // a newer review is on its way
      progress.hidden = true
      pending.delete(message.id)
      show(message)
      return
    case 'download':
      pending.delete(message.id)
      save(message.name, message.mime, message.data)
      say(`Downloaded ${message.name}.`)
      return
    case 'rule-page':
      pending.delete(message.id)
      showRulePage(message.ruleId, message.html)
      return
    case 'error':
      pending.delete(message.id)
      progress.hidden = true
      say(message.message)
      return
  }
}

// ---- opening documents ----------------------------------------------------------------------

function kindOf(name: string): Kind | undefined {
  return KINDS.find(([re]) => re.test(name))?.[1]
}

async function openFile(file: File) {
  const kind = kindOf(file.name)
  if (!kind) {
    say(`${file.name}: not a document this page reads (use .md, .txt, .html or .docx).`)
    return
  }
  if (file.size > MAX_BYTES) {
    say(`${file.name}: too large to review here (${(file.size / 1048576).toFixed(1)} MB; the limit is 20 MB).`)
    return
  }
  say(`Reviewing ${file.name}…`)
  if (kind === 'docx') {
    const bytes = new Uint8Array(await file.arrayBuffer())
    send({type: 'open', name: file.name, kind, bytes, profile: profile.value as Profile}, 'review', [bytes.buffer])
  } else {
    send({type: 'open', name: file.name, kind, text: await file.text(), profile: profile.value as Profile}, 'review')
  }
}

function reviewPasted() {
  const text = $<HTMLTextAreaElement>('paste').value
  if (!text.trim()) {
    say('Paste some text first.')
    $('paste').focus()
    return
  }
  const kind = $<HTMLSelectElement>('paste-kind').value as Kind
  const name = kind === 'markdown' ? 'pasted.md' : kind === 'html' ? 'pasted.html' : 'pasted.txt'
  say('Reviewing the pasted text…')
  send({type: 'open', name, kind, text, profile: profile.value as Profile}, 'review')
}

// ---- showing a review -----------------------------------------------------------------------

function categoryTitle(id: CategoryId): string {
  return last?.categories.find((c) => c.id === id)?.title ?? id
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function show(r: Reviewed) {
  const focusedAt = current !== undefined && last ? last.findings[current]?.offset : undefined
  const opened = r.said === undefined
  last = r
  current = undefined
  results.hidden = false
  $('doc-name').textContent = r.name
  const counts = {error: 0, warning: 0, info: 0}
  const perCategory = new Map<CategoryId, number>()
  for (const f of r.findings) {
    counts[f.severity]++
    perCategory.set(f.category, (perCategory.get(f.category) ?? 0) + 1)
  }
  const parts = [...perCategory].map(([c, n]) => `${categoryTitle(c)} ${n}`)
  $('summary').textContent =
    r.findings.length === 0
      ? 'Nothing to reconsider: no wording in this document was marked.'
      : `${plural(r.findings.length, 'passage')} to reconsider: ${counts.error} ${counts.error === 1 ? 'error' : 'errors'}, ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}, ${counts.info} info (${parts.join(', ')}).`
  const fixAll = $<HTMLButtonElement>('fix-all')
  fixAll.textContent = r.kind === 'docx' ? 'Apply all safe fixes' : `Apply all safe fixes (${r.safeFixes})`
  fixAll.disabled = r.kind === 'docx' || r.safeFixes === 0
  $<HTMLButtonElement>('undo').disabled = r.undo === 0
  $('dl-docx').hidden = r.kind !== 'docx'
  $('dl-document').textContent = r.kind === 'docx' ? 'Download the text (.txt)' : `Download the document (${r.name})`
  renderDocument(r)
  renderList(r)
  clearDetail()
  say(r.said ? `${r.said} ${$('summary').textContent}` : `Reviewed ${r.name}. ${$('summary').textContent}`)
  // A document just opened: bring its review into view (focus stays where it was).
  if (opened) $('results-h').scrollIntoView({block: 'start'})
  // After a fix, carry on from where the reader was.
  if (focusedAt !== undefined && r.findings.length > 0) {
    const next = r.findings.findIndex((f) => f.offset >= focusedAt)
    focusFinding(next >= 0 ? next : r.findings.length - 1)
  }
}

/**
 * The text with each finding marked. Where findings overlap (a frame across a
 * sentence, a word inside it), the text is cut where any of them starts or ends:
 * each piece is one mark for the findings over it, the narrowest first, so a word
 * inside a longer finding stays a place of its own.
 */
function renderDocument(r: Reviewed) {
  const fragment = document.createDocumentFragment()
  const findings = r.findings
  const cuts = [...new Set(findings.flatMap((f) => [f.offset, f.endOffset]))].sort((a, b) => a - b)
  const order = ['error', 'warning', 'info']
  marks = []
  let at = 0
  let previous: HTMLElement | undefined
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [start, end] = [cuts[k], cuts[k + 1]]
    const over = findings
      .map((f, i) => ({f, i}))
      .filter(({f}) => f.offset <= start && f.endOffset >= end)
      .sort((a, b) => a.f.endOffset - a.f.offset - (b.f.endOffset - b.f.offset) || a.i - b.i)
      .map(({i}) => i)
    if (over.length === 0) continue
    if (start > at) fragment.append(r.text.slice(at, start))
    const key = over.join(' ')
    if (previous && previous.dataset.findings === key && at === start) {
      previous.textContent += r.text.slice(start, end) // the same findings go on: one mark
    } else {
      const worst = over.map((i) => findings[i].severity).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]
      const mark = document.createElement('mark')
      mark.className = `finding sev-${worst}${over.length > 1 ? ' layered' : ''}`
      mark.tabIndex = 0
      mark.setAttribute('role', 'button')
      mark.dataset.findings = key
      mark.title = findings[over[0]].message
      mark.textContent = r.text.slice(start, end)
      fragment.append(mark)
      previous = mark
    }
    at = end
  }
  fragment.append(r.text.slice(at))
  docView.replaceChildren(fragment)
  // Each finding's own mark: the first where it is the narrowest, else the first it covers.
  const all = [...docView.querySelectorAll<HTMLElement>('mark.finding')]
  const own = (m: HTMLElement | undefined, i: number) => m !== undefined && indexesOf(m)[0] === i
  for (const mark of all) {
    indexesOf(mark).forEach((i, k) => {
      if (k === 0 && !own(marks[i], i)) marks[i] = mark
      else marks[i] ??= mark
    })
  }
  // Names for screen readers, once each mark has all its text.
  for (const mark of all) {
    const over = indexesOf(mark)
    const f = findings[over[0]]
    const others = over.length > 1 ? ` (and ${plural(over.length - 1, 'wider finding')})` : ''
    mark.setAttribute('aria-label', `${SEVERITY[f.severity]}: “${mark.textContent}”, ${categoryTitle(f.category)}${others}`)
  }
}

function renderList(r: Reviewed) {
  list.replaceChildren(
    ...r.findings.map((f, i) => {
      const li = document.createElement('li')
      const button = document.createElement('button')
      button.type = 'button'
      button.dataset.finding = String(i)
      button.textContent = `${where(f)} · ${SEVERITY[f.severity]} · “${f.text}”: ${f.message}`
      li.append(button)
      return li
    })
  )
}

function where(f: PageFinding): string {
  return f.place ? `${f.place}, character ${f.column}` : `Line ${f.line}, column ${f.column}`
}

function clearDetail() {
  detailHeading.textContent = 'Choose a marked passage'
  detailBody.innerHTML = '<p>Click a marked passage, or Tab to it, to see why it was marked and what to write instead.</p>'
}

/** The findings under a mark, in the side panel: why, what instead, and the rule's page. */
function showDetail(indexes: number[]) {
  if (!last) return
  const r = last
  current = indexes[0]
  docView.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'))
  marks[indexes[0]]?.classList.add('current')
  detailHeading.textContent = `“${r.findings[indexes[0]].text}”`
  detailBody.innerHTML = indexes
    .map((i) => {
      const f = r.findings[i]
      const fixes = f.fixes
        .map(
          (x, j) =>
            `<li><button type="button" data-finding="${i}" data-fix="${j}">${esc(x.label)}</button>${j === 0 && f.safeFix ? '<span class="safe">safe to apply</span>' : ''}</li>`
        )
        .join('')
      const advice = f.advice.map((a) => `<li>Consider: ${esc(a)}</li>`).join('')
      const none = !fixes && !advice ? `<li>${r.kind === 'docx' ? 'Word documents: download the reviewed Word copy, where safe fixes are tracked changes to accept or reject.' : 'No alternative fits this sentence as it is: rephrase it in your own words.'}</li>` : ''
      const wordHint = r.kind === 'docx' && f.suggestions.length ? `<li>Alternatives: ${f.suggestions.map((s) => `“${esc(s)}”`).join(', ')}</li>` : ''
      return `<div class="finding-block">
<p class="meta"><span class="badge ${f.severity}">${SEVERITY[f.severity]}</span> ${esc(categoryTitle(f.category))} · rule <code>${esc(f.ruleId)}</code> · ${esc(where(f))}</p>
<p>${esc(f.message)}</p>
<h4>What to write instead</h4>
<ul class="alternatives">${fixes}${advice}${wordHint}${none}</ul>
<details class="rule" data-rule="${esc(f.ruleId)}"><summary>The rule page: why this matters, sources and examples</summary><div class="rule-page">Loading…</div></details>
</div>`
    })
    .join('')
}

function focusFinding(i: number) {
  const mark = marks[i]
  if (!mark) return
  mark.focus()
  mark.scrollIntoView({block: 'nearest'})
}

function indexesOf(mark: HTMLElement): number[] {
  return (mark.dataset.findings ?? '').split(' ').filter(Boolean).map(Number)
}

// ---- rule pages -----------------------------------------------------------------------------

let dialogAnchor: string | undefined

function showRulePage(ruleId: string, html: string) {
  const inline = detailBody.querySelector<HTMLElement>(`details.rule[data-rule="${CSS.escape(ruleId)}"] .rule-page`)
  if (inline && !dialog.open && pageWanted === 'inline') {
    inline.innerHTML = html
    return
  }
  $('page-title').textContent = ruleId === 'index' ? 'Rule catalogue' : `Rule ${ruleId}`
  $('page-body').innerHTML = html
  if (!dialog.open) dialog.showModal()
  const target = dialogAnchor ? dialog.querySelector<HTMLElement>(`[data-anchor-target="${CSS.escape(dialogAnchor)}"]`) : undefined
  ;(target?.closest('p') ?? $('page-body')).scrollIntoView({block: 'start'})
  $('page-close').focus()
}

let pageWanted: 'inline' | 'dialog' = 'inline'

function openPage(ruleId: string, anchor?: string) {
  pageWanted = 'dialog'
  dialogAnchor = anchor
  send({type: 'rule-page', ruleId}, 'page')
}

// ---- downloads ------------------------------------------------------------------------------

function save(name: string, mime: string, data: string | Uint8Array) {
  const blob = new Blob([data as BlobPart], {type: mime})
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60000)
}

// ---- wiring ---------------------------------------------------------------------------------

$('open').addEventListener('click', () => $<HTMLInputElement>('file').click())
$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0]
  if (file) void openFile(file)
  ;(e.target as HTMLInputElement).value = ''
})
$('review-paste').addEventListener('click', reviewPasted)
profile.addEventListener('change', () => {
  if (last) {
    say(`Reviewing again as a ${profile.selectedOptions[0]?.textContent?.toLowerCase() ?? profile.value} document…`)
    send({type: 'profile', profile: profile.value as Profile}, 'review')
  }
})
$('fix-all').addEventListener('click', () => send({type: 'fix-all'}, 'review'))
$('undo').addEventListener('click', () => send({type: 'undo'}, 'review'))
$('dl-document').addEventListener('click', () => send({type: 'download', what: 'document'}, 'download'))
$('dl-docx').addEventListener('click', () => send({type: 'download', what: 'reviewed-docx'}, 'download'))
$('dl-report').addEventListener('click', () => send({type: 'download', what: 'report'}, 'download'))
$('dl-json').addEventListener('click', () => send({type: 'download', what: 'json'}, 'download'))
$('catalogue').addEventListener('click', () => openPage('index'))
$('page-close').addEventListener('click', () => dialog.close())

// A marked passage: focus shows why (the panel is announced politely); Enter or a click goes to the alternatives.
docView.addEventListener('focusin', (e) => {
  const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.finding')
  if (mark) showDetail(indexesOf(mark))
})
docView.addEventListener('click', (e) => {
  const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.finding')
  if (!mark) return
  showDetail(indexesOf(mark))
  detailHeading.focus()
})
docView.addEventListener('keydown', (e) => {
  const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.finding')
  if (mark && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault()
    showDetail(indexesOf(mark))
    detailHeading.focus()
  }
})
$('detail').addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && current !== undefined) {
    e.preventDefault()
    focusFinding(current)
  }
})
$('detail').addEventListener('click', (e) => {
  const target = e.target as HTMLElement
  const fix = target.closest<HTMLButtonElement>('button[data-fix]')
  if (fix) {
    say('Applying the fix…')
    send({type: 'fix', finding: Number(fix.dataset.finding), fix: Number(fix.dataset.fix)}, 'review')
    return
  }
  const link = target.closest<HTMLAnchorElement>('a[data-page]')
  if (link) {
    e.preventDefault()
    openPage(link.dataset.page!, link.dataset.anchor)
  }
})
$('detail').addEventListener(
  'toggle',
  (e) => {
    const details = e.target as HTMLDetailsElement
    if (details.matches('details.rule') && details.open && details.dataset.rule) {
      pageWanted = 'inline'
      send({type: 'rule-page', ruleId: details.dataset.rule}, 'page')
    }
  },
  true
)
dialog.addEventListener('click', (e) => {
  const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]')
  if (link) {
    e.preventDefault()
    openPage(link.dataset.page!, link.dataset.anchor)
  }
})
list.addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-finding]')
  if (!button) return
  const i = Number(button.dataset.finding)
  focusFinding(i)
})

// Drop a file anywhere on the page.
document.addEventListener('dragover', (e) => {
  if (e.dataTransfer?.types.includes('Files')) {
    e.preventDefault()
    document.body.classList.add('dragging')
  }
})
document.addEventListener('dragleave', (e) => {
  if (e.target === document.documentElement || !e.relatedTarget) document.body.classList.remove('dragging')
})
document.addEventListener('drop', (e) => {
  document.body.classList.remove('dragging')
  const file = e.dataTransfer?.files?.[0]
  if (!file) return
  e.preventDefault()
  void openFile(file)
})

engine = startEngine(onEngine)
