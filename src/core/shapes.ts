/**
 * One instance of each class a review makes afresh (line indexes, quotation and range covers,
 * the discussion reader, sessions…), made at load and kept while the engine is loaded.
 *
 * V8 gives a class's instances a hidden class that lives only while one of them does. A full
 * collection between two reviews (an editor idle between edits, a server between documents, the
 * bench's forced GC before each run) frees the last instance, and V8 then throws away every
 * optimised function that embedded that hidden class ("weak objects"), the review's sentence loop
 * among them (about 0.25 s to compile), and compiles them again during the next review: about a
 * sixth of a warm review's CPU on the bench handbook. An object literal's shape is kept by the code
 * that makes it; a class's is kept by an instance, so each keeps one here. Empty inputs: nothing of
 * a document is held.
 *
 * Pure: no editor API, no node API.
 */
const kept: object[] = []

/** Keep `instance` (and so its class's hidden class) while the engine is loaded; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance)
  return instance
}
