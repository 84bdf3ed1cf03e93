/**
 * A role's description or advert speaks of the role in its duties (a peer role's here; a staff role's the same way): "Deliver structured peer interventions as
 * part of each service user's treatment plan", "Assist with observations when the ward is short-staffed". A list
 * item or table cell that starts with a verb has the role as its subject when no lead-in names one ("You will:"),
 * so the frames read "The peer worker will deliver …".
 */
import {namedPeers} from './named-peers.js'
import type {Token} from '../match/tokens.js'
import {afterLabel, labelEnd} from '../match/label.js'

const PEER_ROLE = /\b(?:peer (?:support |recovery )?(?:worker|specialist|supporter|mentor|navigator|coach|practitioner|facilitator|role|tutor|trainer|educator|moderator|ambassador|volunteer)s?|recovery coach|lived[ -]experience (?:worker|practitioner|role)s?)\b/i
/** What says the document is about a role: its kind, or the headings such documents have. */
const ROLE_DOCUMENT = /\b(?:(?:role|job|position) (?:description|profile|summary|purpose)|person specification|job advert|vacanc(?:y|ies)|we(?:'re| are) (?:recruiting|hiring|looking for)|(?:key|main) (?:duties|responsibilities|tasks)|duties of the (?:job|role|post)|about the role|responsibilities of the role|role pack|volunteer role|(?:performance|development|annual) review|appraisal|rating examples|competenc(?:y|ies) framework)\b/i
/** The title: a front matter `title:`, or the first heading. */
const TITLE = /^(?:title:\s*(.+)|#{1,2}\s+(.+))$/m
const LOOK = 4000

/** A staff role's title: its duties ("Decide when a patient is ready to be discharged") are a professional's. */
const STAFF_ROLE = /\b(?:practitioner|nurse|psychologist|psychiatrist|therapist|counsell?or|social worker|care co-?ordinator|key ?worker|case manager|support worker|link worker|clinician|mental health worker|team leader|ward manager)s?\b/i

/** A worker's note written in the first person ("Contact note: I've chosen her food bank days…"): its "I" is staff. */
export const WORKER_WRITER = 'The support worker'

/** A peer role's duties' subject; its "you" is the peer worker too. */
export const PEER_ROLE_SUBJECT = 'The peer worker'

/** The subject a role's duties have (a peer role's, or a staff role's), or undefined when the document is about no role. */
export function roleSubject(text: string): string | undefined {
  const head = text.slice(0, LOOK)
  const title = TITLE.exec(head)
  if (!title || !ROLE_DOCUMENT.test(head)) return undefined
  const named = title[1] ?? title[2]
  return PEER_ROLE.test(named) ? PEER_ROLE_SUBJECT : STAFF_ROLE.test(named) ? 'The practitioner' : undefined
}

/** How a document's peer workers are read (frames/lexicon.ts): a peer role's "you", and the names it introduced as its peers'. */
export function peerReading(text: string, role: string | undefined): {readerIsPeer: boolean, peerNames: ReadonlySet<string>} {
  return {readerIsPeer: role === PEER_ROLE_SUBJECT, peerNames: namedPeers(text)}
}

/** "Peer role: reinforce the prescriber's messages…", "Peer worker duties: …": a label naming a peer role makes its duties the peer's. */
export function labelSubject(tokens: Token[], text: string, tag?: (tokens: Token[]) => readonly {cls: string; start: number; end: number}[]): string | undefined {
  // "Crisis line volunteer brief: check whether…": a brief for a volunteer or mentor (a label of up to five words) tells them what to do.
  const brief = labelEnd(tokens, text, 5)
  if (brief >= 0 && BRIEF.test(tokens[brief].norm) && tokens.slice(0, brief).some((t) => VOLUNTEER.test(t.norm))) return PEER_ROLE_SUBJECT
  const end = labelEnd(tokens, text)
  if (end < 0) return undefined
  if (tokens[afterLabel(tokens, text, end)]?.norm === 'i' && WORKER_NOTE.test(tokens[end].norm) && !tokens.slice(0, end).some((t) => OWN_NOTE.test(t.norm))) return tokens[0].norm === 'peer' ? undefined : WORKER_WRITER
  // "Peer support worker: …", and a peer post's duties further in ("Court liaison peer role: rate the risk…").
  if (tokens[0].norm === 'peer' || (tokens[0].norm === 'lived' && tokens[1]?.norm === 'experience') || (BRIEF.test(tokens[end].norm) && tokens.slice(0, end).some((t) => t.norm === 'peer'))) return PEER_ROLE_SUBJECT
  // "Assessment summary: cannot cook, cannot budget…": a summary of someone has them as the subject of what it lists.
  // Not "Role summary:", "Job summary:": a job description's headings sum up the post.
  const words = tokens.slice(0, end).map((t) => t.norm)
  if (words.some((w) => POST_WORDS.test(w))) return undefined
  if (PERSON_VIEW.test(tokens[end].norm)) return 'The person'
  // "Supervisors: decide how often each participant is seen", "Care coordinator: agree the goals…": a label that names
  // staff or a peer (up to four words, ending in the role) is who does what its line lists.
  const role = end <= 3 && tag ? tag(tokens.slice(0, end + 1)).find((h) => (h.cls === 'staff' || h.cls === 'peer') && h.end === end + 1) : undefined
  return role ? text.slice(tokens[0].start, tokens[end].end) : undefined
}

/**
 * The last word of a label that sums up a person in a record: a summary, presentation, impression or formulation. Not
 * "Eligibility:" or "Criteria:": a test for anyone who applies ("unable to work for four days") is no verdict on one person.
 */
const PERSON_VIEW = /^(?:summary|presentation|impression|formulation)$/
/** A worker's record of their work with someone (not a diary, a reflective log or supervision, the writer's own). */
const WORKER_NOTE = /^(?:note|notes|update|entry|handover|record|log|memo)$/
// A person's own self-monitoring record: "Thought record: I…", "Mood log: I…".
const OWN_NOTE = /^(?:my|diary|personal|reflective|reflection|supervision|self|journal|thought|mood|sleep|food|activity|activities|wellness|wellbeing|recovery|symptom|pain|medication|drinking|gambling|craving|cravings|wrap|gratitude|feelings|progress)$/
const VOLUNTEER = /^(?:volunteer|volunteers|mentor|mentors|befriender|befrienders|buddy|buddies|companion|companions)$/
const BRIEF = /^(?:brief|briefing|role|duties|tasks|checklist|instructions|responsibilities)$/
/** Words that make a label a post's or a service's: "Role summary:", "Course summary:". */
const POST_WORDS = /^(?:role|job|post|position|duty|duties|policy|course|project|programme|program|training)$/
