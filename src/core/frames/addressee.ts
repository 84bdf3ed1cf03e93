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
  // A role, not "Peer support:" (a service the reader may use) or "I".
  const role = hits.find((h) => h.cls === ADDRESSEE_CLASS && h.start === 0 && !h.addressed && (h.end > 1 ? tokens[1].norm !== 'support' : !/^(i|peer)$/.test(tokens[0].norm)))
  if (!role) return false
  for (let i = role.end; i < tokens.length && i <= 10; i++) {
    if (YOU.has(tokens[i].norm)) return tokens.slice(role.end, i + 1).some((t) => t.join === 'break')
  }
  return false
}
