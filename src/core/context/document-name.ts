/**
 * What a document calls itself and its parts: its front-matter `title` and its headings.
 * A document whose name or a section heading holds a contested, advisory-only term
 * ("Through the Gate Mentoring", "Client Handbook", "### Your peer mentor") is about a
 * scheme, role or audience of that name; the word is the relationship's name there, and
 * flagging each use would only repeat it.
 */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/
const TITLE_KEY = /^title:[ \t]*(.+)$/m
const HEADINGS = /^#{1,6}[ \t]+(.+?)[ \t#]*$/gm

/** How far into a document its name is looked for (a change past it cannot change the name). */
export const NAME_WINDOW = 20000

/** The document's name and headings as lower-case words (empty when it has none). */
export function documentName(text: string): string[] {
  const head = text.slice(0, NAME_WINDOW)
  const parts: string[] = []
  const fm = FRONT_MATTER.exec(head)
  if (fm) parts.push(TITLE_KEY.exec(fm[1])?.[1] ?? '')
  const body = fm ? head.slice(fm[0].length) : head
  for (const m of body.matchAll(HEADINGS)) parts.push(m[1])
  return parts.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []
}

/**
 * Whether a name holds one of the phrases: its words in order, the last allowed an
 * ending ("mentor" names "Mentoring", "client" names "Clients").
 */
export function nameHolds(name: string[], phrases: readonly string[]): boolean {
  for (const phrase of phrases) {
    const words = phrase.toLowerCase().split(/[\s-]+/)
    if (words.some((w) => !/^\p{L}+$/u.test(w))) continue
    for (let i = 0; i + words.length <= name.length; i++) {
      const last = words.length - 1
      if (words.slice(0, last).every((w, k) => name[i + k] === w) && name[i + last].startsWith(words[last])) return true
    }
  }
  return false
}

/** Words that may stand between "for" and the readers it names: "for all GPs", "for GPs and other referrers". */
const READER_LEAD = new Set(['the', 'all', 'our', 'and', 'other', 'local', 'new', 'practice', 'primary', 'care', 'assistant', 'public', 'senior', 'junior', 'trainee'])

/** Nouns naming a service before "for" ("a helpline for farmers", and "peer support for…"): what follows is whom it serves. Not "services for GPs". */
const SERVICE = new Set(['group', 'groups', 'helpline', 'network', 'programme', 'program', 'scheme', 'clinic', 'outreach', 'counselling', 'counseling', 'therapy', 'befriending', 'retreat'])

/** The document's title as lower-case words: its front-matter `title`, else its first heading (not every heading: "## Information for GPs" is one section's). */
function titleWords(text: string): string[] {
  if (text === lastTitled) return lastTitle
  lastTitled = text
  const head = text.slice(0, NAME_WINDOW)
  const fm = FRONT_MATTER.exec(head)
  const title = (fm ? TITLE_KEY.exec(fm[1])?.[1] : undefined) ?? /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(fm ? head.slice(fm[0].length) : head)?.[1] ?? ''
  return (lastTitle = title.toLowerCase().match(/\p{L}+/gu) ?? [])
}
// One document's title, read once however many rules ask about their readers.
let lastTitled: string | undefined
let lastTitle: string[] = []

/** Whether the document's title says it is written for one of `readers` ("… : a guide for GPs and referrers"). */
export function addressedTo(text: string, readers: readonly string[] | undefined): boolean {
  if (readers === undefined || text === '') return false
  const name = titleWords(text)
  const wanted = new Set(readers.map((r) => r.toLowerCase()))
  for (let i = 0; i < name.length; i++) {
    // "Peer support for lawyers", "a helpline for farmers": who a service is for are the people it supports, not its readers.
    if (name[i] !== 'for' || SERVICE.has(name[i - 1] ?? '') || (name[i - 1] === 'support' && name[i - 2] === 'peer')) continue
    for (let k = i + 1; k < name.length && k - i <= 4; k++) {
      if (wanted.has(name[k])) return true
      if (!READER_LEAD.has(name[k])) break
    }
  }
  return false
}
