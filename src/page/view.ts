/**
 * What the review page shows of a review: the text with its findings marked, the
 * list of findings, and the panel with the chosen finding's reasons, alternatives
 * and rule page. Marks are buttons in the reading order: Tab reaches each one.
 */
import type {CategoryId, FindingCategory} from '../core/index.js'
import type {PageFinding, Response} from './protocol.js'

export type Reviewed = Extract<Response, {type: 'reviewed'}>

const $ = (id: string) => document.getElementById(id) as HTMLElement
const docView = $('doc')
const detailHeading = $('detail-h')
const detailBody = $('detail-body')
const list = $('list')

export const SEVERITY: Record<string, string> = {error: 'Error', warning: 'Warning', info: 'Info'}

/** The review shown, each finding's own mark, and the finding whose panel is open. */
export const state: {last?: Reviewed; marks: HTMLElement[]; current?: number} = {marks: []}

export function esc(s: string) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function categoryTitle(id: FindingCategory): string {
  return state.last?.categories.find((c) => c.id === id)?.title ?? id
}

export function renderReview(r: Reviewed) {
  state.last = r
  state.current = undefined
  renderDocument(r)
  renderList(r)
  clearDetail()
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
  const marks: HTMLElement[] = (state.marks = [])
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
  const all = Array.from(docView.querySelectorAll<HTMLElement>('mark.finding'))
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

export function clearDetail() {
  detailHeading.textContent = 'Choose a marked passage'
  detailBody.innerHTML = '<p>Click a marked passage, or Tab to it, to see why it was marked and what to write instead.</p>'
}

/** The findings under a mark, in the side panel: why, what instead, and the rule's page. */
export function showDetail(indexes: number[]) {
  if (!state.last) return
  const r = state.last
  state.current = indexes[0]
  docView.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'))
  state.marks[indexes[0]]?.classList.add('current')
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

export function focusFinding(i: number) {
  const mark = state.marks[i]
  if (!mark) return
  mark.focus()
  mark.scrollIntoView({block: 'nearest'})
}

export function indexesOf(mark: HTMLElement): number[] {
  return (mark.dataset.findings ?? '').split(' ').filter(Boolean).map(Number)
}

