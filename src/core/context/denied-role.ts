/**
 * A task or role denied: "It is not our job to fix students", "A peer who counts someone's tablets is no longer doing peer
 * work". The words name what is not done (context/negation.ts asks these among the other ways of turning wording down).
 */
import type {Token} from '../match/tokens.js'
import {isNegator, RELATIVES} from '../frames/grammar.js'

/**
 * "It is not our job to fix students", "it isn't the peer worker's place to correct anyone", and with the doing as the
 * subject: "mending fishers is not our job": a task denied.
 */
export function notTheirJob(tokens: Token[], start: number, end = start + 1): boolean {
  if (/ing$/.test(tokens[start]?.norm ?? '') && /^(is|isn't|was|wasn't)$/.test(tokens[end]?.norm ?? '')) {
    let k = end + 1
    if (isNegator(tokens[k]?.norm ?? '') || tokens[end].norm.endsWith("n't")) {
      if (isNegator(tokens[k]?.norm ?? '')) k++
      if (/^(our|the|their|a|my|your|any|his|her|its)$/.test(tokens[k]?.norm ?? '')) k++
      if (/^(job|place|role|task|business|remit|responsibility|work)$/.test(tokens[k]?.norm ?? '')) return true
    }
  }
  const to = tokens[start - 1]?.norm === 'to' ? start - 1 : tokens[start - 2]?.norm === 'to' ? start - 2 : -1
  if (to < 1 || !/^(job|place|role|task|business|remit|responsibility)$/.test(tokens[to - 1].norm)) return false
  for (let i = to - 2; i >= 0 && to - i <= 6; i--) if (isNegator(tokens[i].norm)) return true
  return false
}

/**
 * "A peer who counts someone's tablets is no longer doing peer work", "Workers who monitor medication are not doing peer
 * support": the words are the subject's relative clause, and the main clause denies that doing it is peer work.
 */
export function notPeerWork(tokens: Token[], start: number, end: number): boolean {
  if (!tokens.slice(Math.max(0, start - 4), end).some((t) => RELATIVES.has(t.norm))) return false
  for (let k = end; k + 2 < tokens.length && k - end <= 8; k++) {
    if (!/^(is|are|was|were)$/.test(tokens[k].norm)) continue
    let n = k + 1
    if (tokens[n].norm === 'no' && tokens[n + 1]?.norm === 'longer') n += 2
    else if (isNegator(tokens[n].norm)) n++
    else return false
    while (n < tokens.length && /^(doing|really|truly|part|of|offering|giving|providing)$/.test(tokens[n].norm)) n++
    return tokens[n]?.norm === 'peer' && /^(work|support|supporting)$/.test(tokens[n + 1]?.norm ?? '')
  }
  return false
}
