/**
 * "Our peer workers act as role models for the people who use the service" → "share their own experience
 * with the people…", not "act as peers for…": when the noun alternative would only repeat the subject
 * ("peer workers act as peers"), a rule's verb shape replaces "act / serve as …" and takes "with" for "for"/"to"; without one, the noun is advice only.
 */
import {inflectVerb, type VerbForm} from './grammar/inflect.js'
import type {Shapes} from './grammar/shape.js'
import {isFunctionWord} from './match/forms.js'
import type {Token} from './match/tokens.js'
import {matchCase, PRAISE, words, type FitContext, type Proposal} from './fit-context.js'

const ACT: Record<string, VerbForm> = {act: 'base', acts: 's', acted: 'past', acting: 'ing', serve: 'base', serves: 's', served: 'past', serving: 'ing'}

export function actAsVerb(shapes: Shapes, ctx: FitContext): Proposal | undefined {
  const {tokens, text} = ctx
  const noun = shapes.noun
  if (!noun) return undefined
  let as = ctx.start - 1
  if (PRAISE.test(tokens[as]?.norm ?? '')) as--
  const act = tokens[as - 1]
  const form = act && ACT[act.norm]
  if (tokens[as]?.norm !== 'as' || form === undefined) return undefined
  // The subject, a few words before the verb, already names what the noun alternative would say.
  const subject = new Set(tokens.slice(Math.max(0, as - 9), as - 1).map((t) => t.norm))
  const repeats = words(noun.singular.toLowerCase()).some((w) => w.length > 2 && !isFunctionWord(w) && (subject.has(w) || subject.has(`${w}s`)))
  if (!repeats) return undefined
  if (!shapes.verb) return {advice: noun.singular}
  const [head, ...rest] = words(shapes.verb)
  const verb = [inflectVerb(head, form), ...rest].join(' ')
  const next = tokens[ctx.end]
  const recipient = next !== undefined && /^(for|to)$/.test(next.norm) && /^\s+$/.test(text.slice(ctx.to, next.start)) && tokens[ctx.end + 1] !== undefined
  const end = recipient ? next.end : ctx.to
  return {edit: {start: act.start, end, replacement: matchCase(text.slice(act.start, act.end), recipient ? `${verb} with` : verb)}}
}
