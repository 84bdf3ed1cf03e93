/**
 * People a document introduces as its peer workers: "## Declan, our peer support worker", "Aroha is our peer
 * mentor", "peer worker Sam". Later sentences name them alone ("Declan will show you exactly how he turned his
 * sentence around"), so there the name is read as a peer (frames/lexicon.ts), as "the peer worker" would be.
 */
const ROLE = String.raw`(?:peer (?:support |recovery |crisis )?(?:worker|specialist|supporter|mentor|navigator|coach|practitioner|lead|facilitator|volunteer)|recovery coach|lived[ -]experience (?:worker|practitioner|lead))`
const NAME = String.raw`([A-Z][a-z\u00C0-\u024F'-]{1,20})`
const DECLARED = [
  // "Declan, our peer support worker", "Tui, one of our peer mentors"
  new RegExp(String.raw`\b${NAME}(?: ([A-Z][a-z\u00C0-\u024F'-]+))?, (?:our|a|the|one of our|your) (?:[a-z-]+ ){0,2}${ROLE}`, 'g'),
  // "Aroha is our peer mentor", "Sam works as a peer support worker"
  new RegExp(String.raw`\b${NAME}(?: ([A-Z][a-z\u00C0-\u024F'-]+))? (?:is|was|has been|works as|joined us as|joins us as) (?:our|a|the|one of our|your) (?:[a-z-]+ ){0,2}${ROLE}`, 'g'),
  // "peer worker Sam", "Meet our peer coach, Lena"
  new RegExp(String.raw`\b${ROLE}s?,? ${NAME}\b`, 'gi')
]
/** Words a title puts after a role that are no one's name ("Peer Support Worker Job Description"). */
const NOT_NAMES = new Set('job role post scheme programme program service team training handbook description specification band network guide guidance policy agreement pack advert induction supervision review'.split(' '))
/** Words that open an introduction before the name: "Meet Dan, our peer worker". */
const INTRODUCING = new Set('meet introducing welcome hello hi say contact ask call'.split(' '))
/** How much of a document is looked at: introductions come early. */
const LOOK = 20000

let lastText: string | undefined
let lastNames: ReadonlySet<string> = new Set()

/** The lower-cased first names of the document's introduced peer workers. */
export function namedPeers(text: string): ReadonlySet<string> {
  if (text === lastText) return lastNames
  const head = text.slice(0, LOOK)
  const names = new Set<string>()
  for (const re of DECLARED) {
    re.lastIndex = 0
    for (const m of head.matchAll(re)) {
      const name = INTRODUCING.has(m[1].toLowerCase()) && m[2] ? m[2] : m[1]
      if (/^[A-Z]/.test(name) && !NOT_NAMES.has(name.toLowerCase()) && !INTRODUCING.has(name.toLowerCase())) names.add(name.toLowerCase())
    }
  }
  lastText = text
  lastNames = names
  return names
}

let lastPattern: [ReadonlySet<string>, RegExp] | undefined

/** `source` with the document's introduced peers' names read as "peer worker", for the prefilter (slices.ts); `source` itself when it names none. */
export function withPeersNamed(text: string, source: string): string {
  const names = namedPeers(text)
  if (names.size === 0) return source
  if (lastPattern?.[0] !== names) lastPattern = [names, new RegExp(String.raw`\b(?:${[...names].join('|')})\b`, 'gi')]
  const pattern = lastPattern[1]
  pattern.lastIndex = 0
  return source.replace(pattern, 'peer worker')
}
