/**
 * Words that name a claim and words that reject one, shared by the two readers of
 * rejection: negation.ts ("we reject the idea that…" close before the words) and
 * rejection.ts (the claim's that-clause further back, "a proposal from the working
 * group that…").
 */
const set = (words: string) => new Set(words.split(' '))

/** Verbs that reject a claim: "rejected the idea that…", "we challenge the view that…". */
export const REJECTING_VERBS = set(
  'reject rejects rejected rejecting challenge challenges challenged challenging dispel dispels dispelled refute refutes refuted debunk debunks debunked counter counters countered dismiss dismisses dismissed oppose opposes opposed dispute disputes disputed resist resists resisted abandon abandons abandoned scrap scraps scrapped veto vetoes vetoed overrule overrules overruled block blocks blocked drop drops dropped critique critiques critiqued critiquing criticise criticises criticised criticize criticizes criticized unpick unpicks unpicked'
)
/** Nouns that name a claim, whose that-clause is the claim: "the idea that staff know best". */
export const CLAIM_NOUNS = set(
  'idea ideas notion notions view views belief beliefs assumption assumptions myth myths claim claims suggestion suggestions stereotype stereotypes misconception misconceptions proposal proposals argument arguments'
)
/** Nouns for a practice put forward ("rejected a proposal to count recovery by…"): the claim nouns of that kind, and plans, moves and bids. */
export const PROPOSALS = set('proposal proposals suggestion suggestions idea ideas plan plans move moves call calls bid bids attempt attempts pressure request requests')
/** Words that call a claim false in themselves: "it is a myth that…". */
export const FALSE_CLAIM = set('myth myths misconception misconceptions stereotype stereotypes untrue false')
