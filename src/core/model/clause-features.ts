/**
 * Second-opinion features that generalise across wording: which slots of which frames partly
 * matched (the frames' own slot classes, "peer-teaches-path/objectClause"), and the roles the
 * clause reader (frames/clause.ts) gives each verb of the vocabulary: who does it, to what,
 * in the passive, negated or limited ("rarely", "struggle to"). "staff set the goals" and "the
 * goals are set by the consultant" both give `ag:staff>decide` and `pt:decide>plan`.
 * Computed once per sentence and shared by features.ts (strings) and feature-rows.ts (rows).
 */
import type {Token} from '../match/tokens.js'
import type {Hit} from '../frames/hits.js'
import {SentenceReader, type Np} from '../frames/clause.js'
import {PRONOUNS} from '../frames/grammar.js'
import type {WordClassSpec} from '../types.js'

/** Feature families this module makes (each the prefix before `:`); a model without any of them skips the work. */
export const CLAUSE_FAMILIES = ['o', 'k', 'ag', 'pt', 'pv', 'nv', 'lv', 'ob'] as const

/** The sentence's source and the reader that knows the vocabulary's verbs and nouns. */
export interface ClauseContext {
  readonly text: string
  readonly reader: ClauseRoles
}

export class ClauseRoles {
  private readonly verbs = new Set<string>()
  private readonly reader: SentenceReader

  /** `classes`: the packs' word classes, merged (reviewer-parts.ts mergeClasses). */
  constructor(classes: Record<string, WordClassSpec>) {
    const nouns = new Set<string>()
    for (const [name, spec] of Object.entries(classes)) (spec.kind === 'verb' ? this.verbs : nouns).add(name)
    this.reader = new SentenceReader(nouns)
  }

  /** The features, in a fixed order (hits in sentence order, then each verb's roles); may repeat. */
  features(tokens: Token[], text: string, hits: readonly Hit[]): string[] {
    const out: string[] = []
    for (const h of hits) {
      const slash = h.cls.indexOf('/')
      if (slash === -1) continue
      out.push('o:' + h.cls, 'k:' + h.cls.slice(slash + 1))
    }
    let reader: SentenceReader | undefined
    let lastStart = -1
    let lastEnd = -1
    let verbsHere: string[] = []
    const flush = () => {
      if (verbsHere.length === 0) return
      reader ??= this.reader.reset(tokens, text, hits)
      const c = reader.read(lastStart, lastEnd, hits.some((h) => h.start === lastStart && h.end === lastEnd && h.participle), verbsHere.includes('copula'))
      const agents = c.passive ? c.obliques.filter((o) => o.prep === 'by').map((o) => o.np) : c.left
      const patients = c.passive ? c.left : c.right
      const agentNames = this.names(reader, agents)
      const patientNames = this.names(reader, patients)
      for (const v of verbsHere) {
        for (const a of agentNames) out.push('ag:' + a + '>' + v)
        for (const p of patientNames) out.push('pt:' + v + '>' + p)
        if (c.passive) out.push('pv:' + v)
        if (c.negated) out.push('nv:' + v)
        if (c.limited) out.push('lv:' + v)
        for (const o of c.obliques) if (!(c.passive && o.prep === 'by')) for (const n of this.names(reader, [o.np])) out.push('ob:' + v + '>' + o.prep + '>' + n)
      }
      verbsHere = []
    }
    for (const h of hits) {
      if (!this.verbs.has(h.cls)) continue
      if (h.start !== lastStart || h.end !== lastEnd) {
        flush()
        lastStart = h.start
        lastEnd = h.end
      }
      verbsHere.push(h.cls)
    }
    flush()
    return out
  }

  /** A noun phrase's classes (its head's for a headed phrase), or its pronoun ("=you"). */
  private names(reader: SentenceReader, nps: readonly Np[]): string[] {
    const out: string[] = []
    for (const np of nps) {
      const classes = reader.classesOf(np, np.head !== undefined)
      for (const c of classes) out.push(c)
      if (classes.size === 0 && np.head !== undefined && PRONOUNS.has(reader.norm(np.head))) out.push('=' + reader.norm(np.head))
    }
    return out
  }
}
