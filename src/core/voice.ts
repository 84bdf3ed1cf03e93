/**
 * Whose voice and whose person an alternative speaks of: "I" only in a sentence in the
 * first person, "their" fitted to the subject ("you are in recovery in your own way"),
 * "the person" to the one the sentence names ("what he needs"), and no substitute for
 * a name that the sentence reports someone using ("kids called him a psycho").
 */
import type {FitContext} from './fit-context.js'
import type {Token} from './match/tokens.js'

/** Whether a sentence speaks in the first person singular, read once per sentence (a long one has many findings). */
const spokenByI = new WeakMap<Token[], boolean>()
export function firstPerson(tokens: Token[]): boolean {
  let known = spokenByI.get(tokens)
  if (known === undefined) spokenByI.set(tokens, (known = tokens.some((t) => /^(i|my|me|myself|mine)$/.test(t.norm))))
  return known
}

const OWNER: Record<string, {their: string; themselves: string}> = {
  you: {their: 'your', themselves: 'yourself'},
  we: {their: 'our', themselves: 'ourselves'},
  us: {their: 'our', themselves: 'ourselves'},
  i: {their: 'my', themselves: 'myself'},
  me: {their: 'my', themselves: 'myself'},
  he: {their: 'his', themselves: 'himself'},
  him: {their: 'his', themselves: 'himself'},
  she: {their: 'her', themselves: 'herself'},
  her: {their: 'her', themselves: 'herself'}
}

/**
 * "you are fully recovered" → "you are in recovery in your own way", not "in their own way": a predicate's
 * "their" is its subject's; after "describes him as" it is the object's ("not yet aware of his own abilities").
 */
export function ownedBySubject(replacement: string, ctx: FitContext): string {
  const {slot, tokens} = ctx
  const who =
    slot.kind === 'predicate' && !slot.passive && slot.be !== undefined && tokens[slot.be - 1]?.norm !== 'her'
      ? tokens[slot.be - 1]
      : slot.kind === 'complement' && slot.afterAs
        ? tokens[ctx.start - 2]
        : undefined
  // "lead by example: keep your space tidy" → "share your experience": an imperative in a sentence to "you" is the reader's.
  const owner = OWNER[who?.norm ?? (imperativeToYou(ctx) ? 'you' : '')]
  if (!owner) return replacement
  return replacement.replace(/\btheir\b/g, owner.their).replace(/\bthemselves\b/g, owner.themselves)
}


/** A verb that opens its clause (the sentence's start, or after a comma or colon) in a sentence that speaks to "you". */
function imperativeToYou(ctx: FitContext): boolean {
  const {slot, tokens, text} = ctx
  if (slot.kind !== 'verb' || !tokens.some((t) => /^(you|your|yourself)$/.test(t.norm))) return false
  return ctx.start === 0 || /[,:;]/.test(text.slice(tokens[ctx.start - 1].end, tokens[ctx.start].start))
}

/** "As a role model, you will…": the subject after the opening "As" phrase owns its "their". */
function subjectAfterAs(ctx: FitContext): Token | undefined {
  const {tokens, text} = ctx
  if (tokens[0]?.norm !== 'as' || ctx.start > 4) return undefined
  for (let k = ctx.end; k < tokens.length && k < ctx.end + 4; k++) if (text.slice(tokens[k - 1].end, tokens[k].start).includes(',')) return tokens[k]
  return undefined
}

/** "As a peer who shares their own experience, you will…": the opening phrase speaks of a third person and its subject is "you", "we" or "I". */
export function otherPersonAfterAs(replacement: string, ctx: FitContext): boolean {
  return /\b(their|themselves)\b/.test(replacement) && /^(you|we|i)$/.test(subjectAfterAs(ctx)?.norm ?? '')
}

/** Verbs of naming: what follows them is the name someone used, not wording to improve. */
const NAMING = /^(call|calls|called|calling|nickname|nicknamed|label|labels|labelled|labeled|brand|branded|dub|dubbed)$/

/**
 * "Local kids called him a psycho" → not "called him a person in distress": the sentence reports the name
 * someone used, and a kinder word would put words in their mouth.
 */
export function reportedNaming(tokens: Token[], start: number): boolean {
  let i = start - 1
  if (/^(a|an|the)$/.test(tokens[i]?.norm ?? '')) i--
  if (NAMING.test(tokens[i]?.norm ?? '')) return true
  // "called him a psycho", "still call the new unit an asylum": the one named, then the name.
  for (let k = i; k >= 0 && k > i - 4; k--) {
    if (NAMING.test(tokens[k].norm)) return k < i
    if (!/^[a-z'-]+$/.test(tokens[k].norm) || /^(is|are|was|were|be|been|and|or|but|that|which|who|to|of|in|on|for|with)$/.test(tokens[k].norm)) return false
  }
  return false
}

/** He or she, when the sentence speaks of one person by one of them and of nobody as "they". */
function onePerson(tokens: Token[]): {subject: string; object: string; possessive: string} | undefined {
  const he = tokens.some((t) => /^(he|him|his|himself)$/.test(t.norm))
  const she = tokens.some((t) => /^(she|her|hers|herself)$/.test(t.norm))
  if (he === she || tokens.some((t) => /^(they|them|their|themselves)$/.test(t.norm))) return undefined
  return he ? {subject: 'he', object: 'him', possessive: 'his'} : {subject: 'she', object: 'her', possessive: 'her'}
}

/** "considered what the person needs as a reason for his visits" → "what he needs": the sentence names the person already. */
export function namedPerson(replacement: string, tokens: Token[]): string {
  if (!/\bthe person\b/i.test(replacement)) return replacement
  const p = onePerson(tokens)
  if (!p) return replacement
  return replacement
    .replace(/\bthe person's/gi, p.possessive)
    .replace(/\b(what|who|how|when|where|whether|that|if) the person\b/gi, `$1 ${p.subject}`)
    .replace(/\b(with|for|to|about|from|by|of|ask|tell|help|support) the person\b/gi, `$1 ${p.object}`)
}
