/**
 * Who "you" is. A peer job advert or an induction pack speaks to the worker: "your own
 * recovery will show the people you support the way". A sentence that names the people
 * the reader supports as others (a people word that is not itself "you") is addressed to
 * the worker, so there "you" and "your" are also read as the peer; so is an opening "As a peer
 * worker, you…".
 */
import type {Token} from '../match/tokens.js'
import type {Hit} from './hits.js'

/** The class "you" joins, and the words that join it. */
export const ADDRESSEE_CLASS = 'peer'
export const ADDRESSEE_WORDS: readonly string[] = ['you', 'your', 'yourself', 'yours']
const YOU = new Set(ADDRESSEE_WORDS)
const PEOPLE = 'people'
/** Pronouns in the people class: they can be the reader's own people ("they", "them"), not others named. */
const PRONOUN = new Set(['you', 'your', 'they', 'them', 'he', 'she', 'him', 'her', 'someone', 'anyone', 'everyone', 'those', 'i', 'we'])

/** The hits with "you" added to the peer class where the sentence names other people; sorted by start. */
export function withAddressee(tokens: Token[], hits: Hit[], peerReader = false): Hit[] {
  let you = false
  for (const t of tokens) if (YOU.has(t.norm)) you = true
  if (!you) return hits
  if (!peerReader && !namesOthers(tokens, hits) && !asPeer(tokens, hits) && !peerLabel(tokens, hits)) return hits
  const added: Hit[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (YOU.has(tokens[i].norm)) added.push({cls: ADDRESSEE_CLASS, start: i, end: i + 1, participle: false, ing: false, plural: tokens[i].norm === 'you', addressed: true})
  }
  return [...hits, ...added].sort((a, b) => a.start - b.start)
}

/** The sentence names people the reader supports: a people word that is not a pronoun; "a member of staff" is no one the reader supports. */
export function namesOthers(tokens: Token[], hits: readonly Hit[]): boolean {
  return hits.some((h) => h.cls === PEOPLE && !(h.end - h.start === 1 && PRONOUN.has(tokens[h.start].norm)) && !(tokens[h.end]?.norm === 'of' && hits.some((s) => s.cls === 'staff' && s.start > h.end && s.start <= h.end + 2)))
}

/** "As a peer worker, you…": an opening as-phrase names the reader's role. */
function asPeer(tokens: Token[], hits: Hit[]): boolean {
  if (tokens[0]?.norm !== 'as') return false
  const comma = tokens.findIndex((t, i) => i > 0 && i <= 6 && t.join === 'break')
  return comma > 1 && hits.some((h) => h.cls === ADDRESSEE_CLASS && h.end <= comma)
}

/** "Peer mentor advert, prison leavers' scheme: you will…": a line that opens by naming a peer role speaks to it after the break. */
function peerLabel(tokens: Token[], hits: Hit[]): boolean {
  // The longest role at the start, not "Peer support:" alone (a service the reader may use) or "I".
  const role = hits.filter((h) => h.cls === ADDRESSEE_CLASS && h.start === 0 && !h.addressed).sort((a, b) => b.end - a.end)[0]
  if (!role || (role.end === 1 && /^(i|peer)$/.test(tokens[0].norm)) || (role.end === 2 && tokens[1].norm === 'support')) return false
  for (let i = role.end; i < tokens.length && i <= 10; i++) {
    // "Peer worker visit, 12 June: you told the nurse…": a record written to the person, whose "you" is the person.
    if (RECORD.has(tokens[i].norm)) return false
    if (YOU.has(tokens[i].norm)) return tokens.slice(role.end, i + 1).some((t) => t.join === 'break')
  }
  return false
}

/** Words of a label that make the line a record written to the person, not a post advertised to a worker. */
const RECORD = new Set(['visit', 'session', 'note', 'notes', 'summary', 'letter', 'minutes', 'record', 'log', 'contact', 'feedback'])
