/**
 * The second opinion: a small logistic model trained here (scripts/train-model.ts)
 * on the project's own labelled sentences and the rules' examples, shipped as data
 * (rules/model.json). Where no rule found anything in a sentence and the model is
 * confident the sentence uses clinical, hierarchical or deficit framing, it names
 * the likeliest category; a category-level rule (`framing-<category>`) explains the
 * finding in words. It never removes a rule's finding.
 */
import {frontCode, frontDecode} from '../match/packing.js'
import type {CategoryId, ModelData, WordClassSpec} from '../types.js'
import {CLAUSE_FAMILIES, ClauseRoles} from './clause-features.js'
import {featureIndex, featureRows, modelWord, PAIR_WINDOW, type FeatureIndex} from './feature-rows.js'
import {sentenceFeatures} from './features.js'
import {abuserControls, decidesOwn, permissionWaived, personDecides, personHasTheSay, personIsExpert, staffDecidesThing, staffFollowPersonsLead, staffBiography, thingPermits, staffOnlySupport, peopleVote, staffAreTold, atPersonsRequest, regulatoryCompliance, fragileThing, chanceAllocates, staffAdminMatter, helpsOwnChoice, staffPermitted, writerNarrates, withoutPossessorsOfThings} from './verdict-checks.js'
import {TriggerGate, type Setting} from './standalone.js'
import {personJudgesOwn, recoveryDefinitionDenied} from './own-judgement.js'
import {practiceDropped, ruleWithdrawn} from '../context/practice-left.js'
import {personLeads} from './person-leads.js'
import type {Token} from '../match/tokens.js'
import {isFunctionWord, isNegator} from '../frames/grammar.js'
import type {Hit} from '../frames/lexicon.js'

const DETERMINER = /^(a|an|the|their|your|his|her|our|my)$/
/** "with their therapist", "with the parent peer worker": the word heads a with-phrase (a determiner, then at most two modifiers). */
function withWhom(tokens: Token[], start: number): boolean {
  let k = start - 1
  const det = (i: number) => DETERMINER.test(tokens[i]?.norm ?? '')
  // Back over the modifiers, only when a determiner opens the phrase within two words.
  if (det(k - 1) || det(k - 2)) while (k > start - 3 && !isFunctionWord(tokens[k].norm)) k--
  if (det(k)) k--
  return tokens[k]?.norm === 'with'
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/**
 * The model as the compiled rules store it: its weights as integers over `scale`, the
 * smallest of 1, 10, 100 and 1000 that holds every weight exactly (the trainer writes
 * at most three decimals, now two: k / 100 is the double nearest to the decimal, so the
 * same numbers, and a digit less per weight), its features sorted and
 * front-coded (packing.ts) and the weights feature by feature in `rows` (any, then
 * each of `columns`): fewer bytes in the package. Unchanged otherwise.
 */
export function packModel(model: ModelData): ModelData {
  if (model.scale !== undefined || model.rows) return model
  // The trigger words are the vocabulary's words whose weight reaches triggerWeight: found again on loading.
  if (model.triggerWeight !== undefined && model.triggers) {
    const again = triggersOf(model.features, model.any, model.triggerWeight)
    if (again.length === model.triggers.length && again.every((w, i) => w === model.triggers![i])) model = {...model, triggers: undefined}
  }
  const columns = Object.keys(model.categories) as CategoryId[]
  const weights = [model.any, ...columns.map((c) => model.categories[c]!)]
  const scale = [1, 10, 100, 1000].find((k) => weights.every((ws) => ws.every((w) => Math.round(w * k) / k === w)))
  if (scale === undefined) return model
  const order = model.features.map((_, i) => i).sort((a, b) => (model.features[a] < model.features[b] ? -1 : model.features[a] > model.features[b] ? 1 : 0))
  const rows = order.flatMap((i) => weights.map((ws) => Math.round(ws[i] * scale)))
  // What it was trained on is provenance for rules/model.json, not something review reads: not shipped.
  return {...model, trainedOn: undefined, scale, features: frontCode(order.map((i) => model.features[i])), any: [], categories: {}, columns, rows}
}

/** Undo packModel's layout (the weights stay over `scale`). */
export function unpackModel(model: ModelData): ModelData {
  if (!model.rows || !model.columns) return model
  const {rows, columns, ...rest} = model
  const features = frontDecode(model.features)
  const width = columns.length + 1
  const column = (j: number) => features.map((_, i) => rows[i * width + j])
  return {...rest, features, any: column(0), categories: Object.fromEntries(columns.map((c, j) => [c, column(j + 1)]))}
}

/** The trigger words: the words among the features whose weight towards framing at all reaches `weight` (the trainer chooses them so). */
export function triggersOf(features: readonly string[], any: readonly number[], weight: number): string[] {
  return features.filter((f, i) => f.startsWith('w:') && any[i] >= weight).map((f) => f.slice(2))
}

export class SecondOpinion {
  readonly threshold: number
  /** The threshold in running prose, or undefined when the model keeps out of it (`proseThreshold: null`, standalone.ts). */
  readonly proseThreshold: number | undefined
  /** The threshold on a list item (standalone.ts `Setting`). */
  readonly itemThreshold: number
  /** The threshold on a table row, whose cells are fragments (standalone.ts `Setting`). */
  readonly rowThreshold: number
  readonly triggers: Set<string>
  /** Each feature's row in `weights` (its weight towards framing at all, then towards each of `categories`), made when a string is first looked up. */
  private rows: Map<string, number> | undefined
  private readonly features: string[]
  private readonly width: number
  private readonly weights: Float64Array
  private readonly categories: CategoryId[]

  /** The clause reader for the frame-slot and clause-role features, when the model has any (clause-features.ts). */
  private readonly roles: ClauseRoles | undefined
  /** The clause reader for the checks on a verdict (verdict-checks.ts), made when first needed. */
  private checker: ClauseRoles | undefined
  private readonly classes: Record<string, WordClassSpec>

  /** `classes`: the packs' word classes, merged; the clause-role features need their kinds. */
  constructor(data: ModelData, classes: Record<string, WordClassSpec> = {}) {
    this.threshold = data.threshold
    this.proseThreshold = data.proseThreshold === null ? undefined : (data.proseThreshold ?? data.threshold)
    this.itemThreshold = data.itemThreshold ?? data.threshold
    this.rowThreshold = data.rowThreshold ?? this.itemThreshold
    this.classes = classes
    this.triggers = new Set(data.triggers ?? [])
    const scale = data.scale ?? 1
    const packed = data.rows !== undefined && data.columns !== undefined
    const features = packed ? frontDecode(data.features) : data.features
    this.categories = packed ? data.columns! : (Object.keys(data.categories) as CategoryId[])
    const width = this.categories.length + 1
    this.weights = new Float64Array(features.length * width)
    if (packed) data.rows!.forEach((w, k) => (this.weights[k] = w / scale))
    else
      features.forEach((_, i) => {
        this.weights[i * width] = data.any[i] / scale
        this.categories.forEach((c, j) => (this.weights[i * width + 1 + j] = data.categories[c]![i] / scale))
      })
    if (data.triggers === undefined && data.triggerWeight !== undefined) {
      const any = features.map((_, i) => this.weights[i * width])
      for (const w of triggersOf(features, any, data.triggerWeight)) this.triggers.add(w)
    }
    // The trainer writes each feature once.
    this.features = features
    this.width = width
    this.index = featureIndex(features, width)
    const families = new Set<string>(CLAUSE_FAMILIES)
    if (features.some((f) => families.has(f.slice(0, f.indexOf(':'))))) this.roles = new ClauseRoles(classes)
  }

  private gate: TriggerGate | undefined

  /** False only when the model cannot be asked anywhere in `text`: none of its trigger words, or (when it keeps out of prose) none outside running prose. */
  mayJudge(text: string): boolean {
    return (this.gate ??= new TriggerGate(this.triggers, this.proseThreshold !== undefined)).mayJudge(text)
  }

  private row(): Map<string, number> {
    return (this.rows ??= new Map(this.features.map((f, i) => [f, i * this.width])))
  }

  /** Where a sentence with no frame verb is marked: its weightiest trigger word and two words either side. */
  triggerSpan(tokens: Token[]): [number, number] | undefined {
    let at = -1
    let best = -Infinity
    tokens.forEach((t, i) => {
      const row = this.triggers.has(t.norm) ? this.index.words.get(t.norm) : undefined
      if (row !== undefined && this.weights[row] > best) [at, best] = [i, this.weights[row]]
    })
    return at < 0 ? undefined : [Math.max(0, at - 2), Math.min(tokens.length, at + 3)]
  }

  /**
   * The words that weigh most towards the verdict: each word's share of the weights (towards framing at all
   * and towards `category`) of the word, word-pair and class features it is part of, and the run of at most
   * `longest` words whose shares sum highest. Where the model's finding is marked, so the words a reader
   * sees are the ones that made it.
   */
  evidenceSpan(tokens: Token[], hits: readonly Hit[], category: CategoryId, longest = 8): [number, number] | undefined {
    const j = this.categories.indexOf(category)
    const {words, bigrams, classes, pairs} = this.index
    const weigh = (at: number | undefined) => (at === undefined ? 0 : this.weights[at] + (j < 0 ? 0 : this.weights[at + 1 + j]))
    const share = new Float64Array(tokens.length)
    for (let i = 0; i < tokens.length; i++) {
      share[i] += weigh(words.get(modelWord(tokens[i].norm)))
      if (i > 0) {
        const w = weigh(bigrams.get(modelWord(tokens[i - 1].norm))?.get(modelWord(tokens[i].norm))) / 2
        share[i - 1] += w
        share[i] += w
      }
    }
    const own = hits.filter((h) => !h.cls.includes('/'))
    for (const h of own) {
      const w = weigh(classes.get(h.cls)) / (h.end - h.start)
      for (let i = h.start; i < h.end; i++) share[i] += w
    }
    for (const a of own)
      for (const b of own) {
        if (b.end - 1 <= a.end - 1 || b.end - 1 >= a.end - 1 + PAIR_WINDOW) continue
        const w = weigh(pairs.get(a.cls)?.get(b.cls)) / 2
        share[a.end - 1] += w
        share[b.end - 1] += w
      }
    let best: [number, number] | undefined
    let bestSum = 0
    for (let s = 0; s < tokens.length; s++) {
      let sum = 0
      for (let e = s; e < Math.min(tokens.length, s + longest); e++) {
        sum += share[e]
        if (sum > bestSum) [best, bestSum] = [[s, e + 1], sum]
      }
    }
    if (!best) return undefined
    // A run that ends on "the", "to" or "so", or starts on "and", reads as cut off.
    let [s, e] = best
    while (e - s > 1 && isFunctionWord(tokens[e - 1].norm)) e--
    while (e - s > 1 && isFunctionWord(tokens[s].norm) && !isNegator(tokens[s].norm)) s++
    return [s, e]
  }

  /** The rows by the features' parts (feature-rows.ts reads a sentence's rows without making its feature strings). */
  private readonly index: FeatureIndex

  /**
   * The category a sentence no rule matched is framed in, among those allowed, or undefined when the
   * model is not confident: `probability` then `category` of its features, read as rows where it can.
   * `text`: the source the tokens' offsets point into (the clause reader reads its punctuation). `setting`: where the
   * sentence stands; in running prose, a list item or a table row the model must be surer (`proseThreshold`, `itemThreshold`, `rowThreshold`).
   */
  judge(tokens: Token[], hits: readonly Hit[], allowed: (c: CategoryId) => boolean, text = '', setting: Setting = 'line'): CategoryId | undefined {
    const clause = this.roles && {text, reader: this.roles}
    const threshold = setting === 'prose' ? this.proseThreshold : setting === 'item' ? this.itemThreshold : setting === 'row' ? this.rowThreshold : this.threshold
    if (threshold === undefined) return undefined
    const rows = featureRows(tokens, hits, this.index, clause)
    if (rows) return this.probabilityOfRows(rows) < threshold ? undefined : this.categoryOfRows(rows, allowed)
    const {all} = sentenceFeatures(tokens, hits, [], clause)
    return this.probability(all) < threshold ? undefined : this.category(all, allowed)
  }

  /**
   * Whether a verdict is set aside by what its words alone cannot tell the model (verdict-checks.ts): staff follow the
   * person's lead (any verdict but deficit); a staff member is introduced by their post (any but role-model); a clinicalised sentence measures by the person's own terms; the person has
   * the say, an abuser controls them, needs no one's permission, is let by a rule, not staff, the people vote, only staff are told, or it is done at the person's request or by chance (expert-patient); and, from the clause reader's roles, the person, not staff,
   * decides or is the expert (expert-patient), or staff decide about a thing in a sentence naming no person and nothing
   * of theirs (any verdict but role-model and deficit). The sentence's roles are read once for the last two. Whatever the
   * category, a rule or scheme the sentence takes back or a practice a service gave up (practice-left.ts); but for deficit,
   * a named person who opens the sentence and acts for themselves (person-leads.ts).
   */
  setsAside(category: CategoryId, tokens: Token[], hits: readonly Hit[], text: string): boolean {
    if ((category !== 'deficit' && staffFollowPersonsLead(tokens, hits)) || (category !== 'role-model' && staffBiography(tokens, hits)) || recoveryDefinitionDenied(tokens, hits) || (category !== 'role-model' && regulatoryCompliance(tokens)) || staffAdminMatter(tokens, hits) || ruleWithdrawn(tokens) || practiceDropped(tokens) || (category !== 'deficit' && helpsOwnChoice(tokens))) return true
    if (category !== 'role-model' && (writerNarrates(tokens, hits) || staffPermitted(tokens, hits))) return true
    // "Eligibility: unable to work for four days" is a test for anyone who applies; "a heavy burden on the charity" is said of
    // a body, not a person (no deficit verdict on anyone).
    if (category === 'deficit') return (/^(eligibility|criteria)$/.test(tokens[0]?.norm ?? '') && text.slice(tokens[0].end, tokens[0].end + 1) === ':') || burdenOnBody(tokens) || fragileThing(tokens, hits)
    if (personLeads(tokens, hits, text, category === 'role-model')) return true
    if (category === 'role-model') return false
    // "…leaves living well on their own terms": recovery by the person's own measure is what the rules suggest, not clinical framing.
    if (category === 'clinicalised' && (hits.some((h) => h.cls === 'own-terms') || personJudgesOwn(tokens, hits))) return true
    // "Whether to stop is Lena's decision", "What recovery means is for each member to say": the person has the say.
    if (personHasTheSay(tokens, hits, text) || (category === 'expert-patient' && (abuserControls(hits) || permissionWaived(tokens, hits) || thingPermits(tokens, hits) || peopleVote(tokens, hits) || staffAreTold(tokens, hits) || atPersonsRequest(tokens) || chanceAllocates(tokens)))) return true
    this.checker ??= this.roles ?? new ClauseRoles(this.classes)
    const roles = this.checker.features(tokens, text, hits)
    const norms = tokens.map((t) => t.norm)
    if (category === 'expert-patient') {
      // Staff or a peer in a with-phrase are who the person works with ("set their own goals and review them with their therapist").
      const overseers = hits.filter((h) => !((h.cls === 'staff' || h.cls === 'peer') && withWhom(tokens, h.start))).map((h) => h.cls)
      if (personDecides(roles, overseers) || (staffOnlySupport(tokens, hits) && personDecides(roles, hits.filter((h) => !hits.some((st) => st.cls === 'staff' && st.start < h.end && h.start < st.end)).map((h) => h.cls))) || personIsExpert(norms, hits) || decidesOwn(tokens, hits)) return true
    }
    return staffDecidesThing(roles, withoutPossessorsOfThings(tokens, text, hits).map((h) => h.cls), norms, category === 'expert-patient')
  }

  /** As `probability`, from the rows of the sentence's features (featureRows), in their order. */
  probabilityOfRows(rows: readonly number[]): number {
    let z = 0
    for (const at of rows) z += this.weights[at]
    return sigmoid(z)
  }

  /** As `category`, from the rows of the sentence's features. */
  categoryOfRows(rows: readonly number[], allowed: (c: CategoryId) => boolean): CategoryId | undefined {
    let best: CategoryId | undefined
    let bestScore = -Infinity
    this.categories.forEach((category, j) => {
      if (!allowed(category)) return
      let z = 0
      for (const at of rows) z += this.weights[at + 1 + j]
      if (z > bestScore) {
        bestScore = z
        best = category
      }
    })
    return best
  }

  /** The probability that the sentence uses the framing the categories describe. */
  probability(features: string[]): number {
    let z = 0
    for (const f of features) {
      const at = this.row().get(f)
      if (at !== undefined) z += this.weights[at]
    }
    return sigmoid(z)
  }

  /** The likeliest category among those allowed, or undefined when none is. */
  category(features: string[], allowed: (c: CategoryId) => boolean): CategoryId | undefined {
    let best: CategoryId | undefined
    let bestScore = -Infinity
    this.categories.forEach((category, j) => {
      if (!allowed(category)) return
      let z = 0
      for (const f of features) {
        const at = this.row().get(f)
        if (at !== undefined) z += this.weights[at + 1 + j]
      }
      if (z > bestScore) {
        bestScore = z
        best = category
      }
    })
    return best
  }
}

/** "placed a heavy burden on the charity": a burden on an organisation or a budget. */
function burdenOnBody(tokens: Token[]): boolean {
  const k = tokens.findIndex((t) => /^burdens?$/.test(t.norm))
  if (k < 0 || tokens[k + 1]?.norm !== 'on') return false
  const n = /^(the|our|their|its|a|an)$/.test(tokens[k + 2]?.norm ?? '') ? k + 3 : k + 2
  return /^(charity|charities|service|services|nhs|budget|budgets|organisation|organization|system|council|trust|economy|taxpayers?|state|funders?|finances)$/.test(tokens[n]?.norm ?? '')
}
