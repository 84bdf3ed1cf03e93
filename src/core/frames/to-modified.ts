/**
 * "Her request to bring her partner was turned down", "Mr Lee's wish to go home was overruled": a request's
 * to-infinitive modifies it, so the passive's subject is the request, not the last noun of the infinitive's object.
 */
import type {Np} from './phrases.js'

/** Nouns for what a person asks for (rules/classes.yml `request`). */
const REQUEST = /^(request|requests|wish|wishes|preference|preferences)$/

/** Whether `first` is a request followed by its to-infinitive ("request to move"), not a to-phrase naming whom it went to ("request to HR", "to Mr Ahmed"). */
export function requestToDo(reader: {norm(i: number): string; readonly tokens: {raw: string}[]}, first: Np): boolean {
  const next = reader.tokens[first.end + 1]
  return first.head !== undefined && REQUEST.test(reader.norm(first.head)) && reader.norm(first.end) === 'to' && next !== undefined && /^[a-z]+$/.test(next.raw) && !/^(the|a|an|his|her|their|your|my|our|this|that|these|those)$/.test(next.raw)
}
