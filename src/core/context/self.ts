/**
 * People may describe themselves in words a service should not use about them
 * ("I am an alcoholic in recovery", "I was what they called a revolving-door
 * patient", "I was told I lacked insight"). A self-description, or a label someone
 * reports being given, is not a finding.
 */
import type {Token} from '../match/tokens.js'

const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're", "i've", "we've", 'myself', 'ourselves'])
const SELF_LINK = new Set(
  "am 'm are 're was were be been being have has had also still once always a an proud recovering grateful former long-term call called identify identified as myself ourselves became become i'm we're i've we've".split(
    ' '
  )
)
/** Verbs by which a label is put on someone: "I was called…", "they labelled me…". */
const LABELLING = new Set(
  'am was were been being became become felt feel called labelled labeled diagnosed described branded seen treated considered known told deemed classed classified written put'.split(' ')
)
const LABELLED_BY = new Set('called labelled labeled diagnosed described branded saw treated considered told made named deemed classed'.split(' '))
const BOUNDARY = new Set(['but', 'because', 'although', 'though', 'while', 'whereas', 'so', 'and'])

/** "I am (still) an alcoholic", "We are addicts in recovery", "As a former patient, I…". `we` counts only for `person` rules. */
export function isSelfDescription(tokens: Token[], start: number, includeWe = true, writerAsSubject = true): boolean {
  const first = (w: string) => (includeWe ? FIRST_PERSON.has(w) : w === 'i' || w === "i'm" || w === "i've" || w === 'myself')
  for (let i = start - 1; i >= Math.max(0, start - 6); i--) {
    const w = tokens[i].norm
    if (first(w)) return true
    if (!SELF_LINK.has(w)) break
  }
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    if (tokens[i].norm !== 'as') continue
    return tokens.slice(start + 1, start + 6).some((t) => first(t.norm) || t.norm === 'my' || t.norm === 'me')
  }
  return reportedLabel(tokens, start, (w) => w === 'i' || w === "i'm" || w === "i've", writerAsSubject)
}

/** The clause before the match puts the label on the writer: "I was what they called a…", "they told me I was…", "my relapse", "I spent years in a codependent relationship". */
function reportedLabel(tokens: Token[], start: number, first: (w: string) => boolean, writerAsSubject: boolean): boolean {
  if (start > 0 && tokens[start - 1].norm === 'my') return true
  // The writer is the subject of the clause: "I spent years in a…", "Back then I…".
  for (let i = start - 1; writerAsSubject && i >= 0 && start - i <= 8; i--) {
    const w = tokens[i].norm
    if (BOUNDARY.has(w) || w === 'that' || w === 'who' || w === 'you' || w === 'they' || w === 'he' || w === 'she' || w === 'we') break
    if (first(w) && (i === 0 || !/^(to|for|with|like|than)$/.test(tokens[i - 1].norm))) return true
  }
  for (let i = start - 1; i >= 0 && start - i <= 10; i--) {
    const w = tokens[i].norm
    if (BOUNDARY.has(w) && i < start - 1) return false
    if (LABELLED_BY.has(w) && tokens[i + 1]?.norm === 'me') return true
    if (!LABELLING.has(w)) continue
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      if (first(tokens[k].norm)) return true
      if (BOUNDARY.has(tokens[k].norm)) break
    }
  }
  return false
}
