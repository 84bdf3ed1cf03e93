/**
 * People may describe themselves in words a service should not use about them
 * ("I am an alcoholic in recovery"). A self-description is not a labelling finding.
 */
import type {Token} from '../match/tokens.js'

const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're", "i've", "we've", 'myself', 'ourselves'])
const SELF_LINK = new Set(
  "am 'm are 're was were be been being have has had also still once always a an proud recovering grateful former long-term call called identify identified as myself ourselves became become i'm we're i've we've".split(
    ' '
  )
)

export function isSelfDescription(tokens: Token[], start: number): boolean {
  // "I am (still) an alcoholic", "We are addicts in recovery", "I call myself mad".
  for (let i = start - 1; i >= Math.max(0, start - 6); i--) {
    const w = tokens[i].norm
    if (FIRST_PERSON.has(w)) return true
    if (!SELF_LINK.has(w)) break
  }
  // "As an alcoholic, I …", "As a former patient, I …"
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    if (tokens[i].norm !== 'as') continue
    return tokens.slice(start + 1, start + 6).some((t) => FIRST_PERSON.has(t.norm) || t.norm === 'my' || t.norm === 'me')
  }
  return false
}
