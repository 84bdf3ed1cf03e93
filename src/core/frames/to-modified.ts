/**
 * "Her request to bring her partner was turned down", "Mr Lee's wish to go home was overruled": a request's
 * to-infinitive modifies it, so the passive's subject is the request, not the last noun of the infinitive's object.
 */
import type {Np} from './phrases.js'

/** Nouns for what a person asks for (rules/classes.yml `request`). */
const REQUEST = /^(request|requests|wish|wishes|preference|preferences)$/

/** Whether `first` is a request followed by its to-infinitive ("request to move"). */
export function requestToDo(reader: {norm(i: number): string}, first: Np): boolean {
  return first.head !== undefined && REQUEST.test(reader.norm(first.head)) && reader.norm(first.end) === 'to' && /^[a-z]+$/.test(reader.norm(first.end + 1)) && !/^(the|a|an|his|her|their|your|my|our|this|that|these|those)$/.test(reader.norm(first.end + 1))
}
