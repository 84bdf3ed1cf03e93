/**
 * The review page people see (dist/review.html, one file that works from disk):
 * open, drop or paste a document, see its findings marked in the text, read why
 * and what to write instead, apply fixes, download the result and a report.
 * The engine (engine.ts) runs in a worker made from the page's own copy of it
 * (engine-link.ts); view.ts draws a review.
 */
import type {CategoryId, FindingCategory, Profile} from '../core/index.js'
import {connectEngine, type RequestBody} from './engine-link.js'
import type {Kind, Response} from './protocol.js'
import {categoryTitle, focusFinding, indexesOf, plural, renderReview, showDetail, state, type Reviewed} from './view.js'

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const status = $('status')
const progress = $<HTMLProgressElement>('progress')
const docView = $('doc')
const detailHeading = $('detail-h')
const detailBody = $('detail-body')
const profile = $<HTMLSelectElement>('profile')
const dialog = $<HTMLDialogElement>('page-dialog')

const KINDS: Array<[RegExp, Kind]> = [
  [/\.(md|markdown|mdown|mkd)$/i, 'markdown'],
  [/\.(html?|xhtml)$/i, 'html'],
  [/\.docx$/i, 'docx'],
  [/\.(txt|text)$/i, 'text']
]
/** Past this a document is refused (as the CLI does): a browser tab would struggle with it anyway. */
const MAX_BYTES = 20 * 1024 * 1024

function say(message: string) {
  status.textContent = message
}

const engine = connectEngine($('engine').textContent ?? '', onEngine, (message) => say(`The reviewer stopped: ${message}`))
const send = (body: RequestBody, review = false, transfer?: Transferable[]) => engine.send(body, review, transfer)

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
      if (!engine.isLatestReview(message.id)) return // a newer review is on its way
      progress.hidden = true
      show(message)
      return
    case 'download':
      save(message.name, message.mime, message.data)
      say(`Downloaded ${message.name}.`)
      return
    case 'rule-page':
      showRulePage(message.ruleId, message.html)
      return
    case 'error':
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
    send({type: 'open', name: file.name, kind, bytes, profile: profile.value as Profile}, true, [bytes.buffer])
  } else {
    send({type: 'open', name: file.name, kind, text: await file.text(), profile: profile.value as Profile}, true)
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
  send({type: 'open', name, kind, text, profile: profile.value as Profile}, true)
}

// ---- showing a review -----------------------------------------------------------------------

function show(r: Reviewed) {
  const {last, current} = state
  const focusedAt = current !== undefined && last ? last.findings[current]?.offset : undefined
  const opened = r.said === undefined
  state.last = r
  $('results').hidden = false
  $('doc-name').textContent = r.name
  const counts = {error: 0, warning: 0, info: 0}
  const perCategory = new Map<FindingCategory, number>()
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
  renderReview(r)
  say(r.said ? `${r.said} ${$('summary').textContent}` : `Reviewed ${r.name}. ${$('summary').textContent}`)
  // A document just opened: bring its review into view (focus stays where it was).
  if (opened) $('results-h').scrollIntoView({block: 'start'})
  // After a fix, carry on from where the reader was.
  if (focusedAt !== undefined && r.findings.length > 0) {
    const next = r.findings.findIndex((f) => f.offset >= focusedAt)
    focusFinding(next >= 0 ? next : r.findings.length - 1)
  }
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
  send({type: 'rule-page', ruleId})
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
  if (state.last) {
    say(`Reviewing again as a ${profile.selectedOptions[0]?.textContent?.toLowerCase() ?? profile.value} document…`)
    send({type: 'profile', profile: profile.value as Profile}, true)
  }
})
$('fix-all').addEventListener('click', () => send({type: 'fix-all'}, true))
$('undo').addEventListener('click', () => send({type: 'undo'}, true))
$('dl-document').addEventListener('click', () => send({type: 'download', what: 'document'}))
$('dl-docx').addEventListener('click', () => send({type: 'download', what: 'reviewed-docx'}))
$('dl-report').addEventListener('click', () => send({type: 'download', what: 'report'}))
$('dl-json').addEventListener('click', () => send({type: 'download', what: 'json'}))
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
  if (e.key === 'Escape' && state.current !== undefined) {
    e.preventDefault()
    focusFinding(state.current)
  }
})
$('detail').addEventListener('click', (e) => {
  const target = e.target as HTMLElement
  const fix = target.closest<HTMLButtonElement>('button[data-fix]')
  if (fix) {
    say('Applying the fix…')
    send({type: 'fix', finding: Number(fix.dataset.finding), fix: Number(fix.dataset.fix)}, true)
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
      send({type: 'rule-page', ruleId: details.dataset.rule})
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
$('list').addEventListener('click', (e) => {
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

