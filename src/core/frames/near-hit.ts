/**
 * A frame's near-words (`near`, `unlessNear`): the first word of the classes in the clause (or, with
 * `nearSentence`, the sentence). Not a participle describing a noun where the frame wants something done
 * ("notify tenants of any planned works"), and not a word set aside (", not by a score", "not what they
 * say": set-against.ts), though a person set aside (", not the tenant") is still who the clause is about.
 */
import type {Clause, SentenceReader} from './clause.js'
import {CONDITIONS, isAdverb} from './grammar.js'
import {firstHit, firstHitOf, hitsIn, type Hit} from './hits.js'
import {PERSON_CLASSES} from './phrases.js'
import {setAgainst} from './set-against.js'
import {recoveryField} from './field-value.js'

export function nearHit(reader: SentenceReader, clause: Clause, classes: Set<string>, done: boolean, sentence: boolean): Hit | undefined {
  const all = done ? reader.hits.filter((h) => h.participle && !(reader.tokens[h.end]?.join === 'space' && reader.isHeadable(h.end) && !isAdverb(reader.tokens[h.end].norm))) : reader.hits
  // A subordinator that opens the clause just after ("…as recovered, once their score…") still belongs to this one's conditions.
  const end = CONDITIONS.has(reader.norm(clause.end)) ? clause.end + 1 : clause.end
  const first = (hits: readonly Hit[]) => {
    const hit = sentence ? firstHitOf(hits, classes) : firstHit(hitsIn(hits, clause.start, end), classes)
    return hit?.addressed ? firstHit(hits.filter((h) => !h.addressed && (sentence || (h.start >= clause.start && h.end <= end))), classes) : hit
  }
  // The set-aside check only where the first word found is set aside: filtering every hit would make a long sentence quadratic.
  const hit = first(all)
  if (!hit && classes.has('definer')) return fieldDefines(reader, clause.start, end)
  // A first-person word of its own is no heading: only a label that speaks as "I" (ownVoiceLabel) is.
  if (hit?.cls === 'own-voice' && hit.end - hit.start === 1) return first(all.filter((h) => h.cls !== 'own-voice' || h.end - h.start > 1)) ?? ownVoiceLabel(reader)
  return hit && !PERSON_CLASSES.includes(hit.cls) && setAgainst(reader, hit.start) ? first(all.filter((h) => PERSON_CLASSES.includes(h.cls) || !setAgainst(reader, h.start))) : hit
}

/**
 * A hit of more words than the clause's verb that holds it: a near phrase is other words than the verb's, so "got you through"
 * is no near-word of "get" ("Describe a thing that got you through"). Guards (`unlessNear`) may hold the verb ("decides for herself").
 */
export const wraps = (h: Hit, clause: Clause) => h.start <= clause.verbStart && clause.verbEnd <= h.end && h.end - h.start > clause.verbEnd - clause.verbStart

/** "Recovered: no admissions in 12 months", "| Fully recovered | No sickness absence… |": the field's colon or cell is what defines. */
function fieldDefines(reader: SentenceReader, start: number, end: number): Hit | undefined {
  for (let i = start + 1; i < end && i <= start + 8; i++) if (recoveryField(reader, i)) return {cls: 'definer', start: i - 1, end: i, participle: false, ing: false, plural: false}
  return undefined
}

/**
 * "Signs I am becoming unwell: your care team will fill in this box…": a label that opens the sentence and speaks as "I"
 * names a part of a form for the person's own words, as the class's headings do.
 */
function ownVoiceLabel(reader: SentenceReader): Hit | undefined {
  for (let c = 1; c < reader.tokens.length && c <= 10; c++) {
    if (!reader.gap(c).includes(':')) continue
    for (let i = 0; i < c; i++) if (/^(i|me|my|mine)$/.test(reader.norm(i))) return {cls: 'own-voice', start: 0, end: c, participle: false, ing: false, plural: false}
    return undefined
  }
  return undefined
}
