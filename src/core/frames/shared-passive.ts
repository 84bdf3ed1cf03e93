/**
 * A told-verb after "and" that shares the voice of a passive before it: "I was discharged from CAMHS at seventeen and
 * told I had recovered" is told, not telling (clause.ts reads it as passive, so "I" is no teller). Only for the writer's
 * own account ("I", "we"): "Peer workers are trained in March and told they must report…" keeps the peer workers as
 * those the told clause is about, which the frames read as their duty.
 */
import {BE, isAdverb, isToldForm} from './grammar.js'
// The clause reader as field-value.ts sees it: clause.ts imports this module, so not its class.
import type {Reader} from './field-value.js'

/** Subject pronouns that open a told clause: "and told I had recovered", "and told she could go home". */
const TOLD_CLAUSE = /^(i|he|she|they|we)$/
/** The writer as the passive's subject. */
const WRITER = /^(i|we)$/

export function toldPassive(reader: Reader, g: number, verbStart: number, verbEnd: number): boolean {
  if (!isToldForm(reader.norm(verbStart))) return false
  // "and told", "and then told" (the verb group may hold "then").
  for (let k = g; k < verbStart; k++) if (!isAdverb(reader.norm(k))) return false
  let and = g - 1
  if (reader.norm(and) === 'then') and--
  if (and < 2 || !/^(and|or)$/.test(reader.norm(and)) || !TOLD_CLAUSE.test(reader.norm(verbEnd))) return false
  for (let i = and - 1; i >= 1 && and - i <= 10; i--) {
    if (reader.tokens[i + 1].join === 'break' && /[.;:]/.test(reader.gap(i + 1))) return false
    if (!reader.hits.some((h) => h.participle && h.start === i) && !/(?:ed|en|wn)$/.test(reader.norm(i))) continue
    // "was discharged", "was eventually discharged", "got discharged": a passive group, its subject the writer.
    let b = i - 1
    while (b > 0 && isAdverb(reader.norm(b))) b--
    if ((BE.has(reader.norm(b)) || /^(got|get|gets)$/.test(reader.norm(b))) && WRITER.test(reader.norm(b - 1))) return true
  }
  return false
}
