// Word classes found in a sentence (src/core/frames/lexicon.ts): the hits at each word come in the
// order of the entries that can start there, whichever way tag finds them, since frames, the second
// opinion's features and its sums read them in that order.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Lexicon} from '../src/core/frames/lexicon.js'
import {sentenceTokens} from '../src/core/match/tokens.js'
import {parseText} from '../src/core/parse/text.js'

const tokensOf = (text: string) => {
  const sentences: never[] = []
  const walk = (node: {type: string; children?: unknown[]}) => (node.type === 'SentenceNode' ? sentences.push(node as never) : (node.children ?? []).forEach((c) => walk(c as never)))
  walk(parseText(text).tree as never)
  return sentenceTokens(sentences[0])
}

test('a word class lexicon tags one-word and longer entries in the order they were written', () => {
  const lexicon = new Lexicon({
    one: {kind: 'other', words: ['the']},
    long: {kind: 'noun', words: ['the care team', 'the care']},
    short: {kind: 'noun', words: ['the team', 'care']},
    last: {kind: 'other', words: ['the']}
  })
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}${h.plural ? '+' : ''}`)
  assert.deepEqual(hits('Ask the care teams.'), ['one:1-2', 'long:1-4+', 'long:1-3', 'last:1-2', 'short:2-3'])
  assert.deepEqual(hits('Ask the team now.'), ['one:1-2', 'short:1-3', 'last:1-2'])
  // A longer entry does not reach over a sentence break inside the tokens, nor past the last word.
  assert.deepEqual(hits('Ask the'), ['one:1-2', 'last:1-2'])
})

test('a phrasal verb split by a pronoun is tagged on its verb word; a noun or a comma does not split it', () => {
  const lexicon = new Lexicon({control: {kind: 'verb', words: ['pull back', 'take over']}})
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}${h.ing ? '~' : ''}`)
  assert.deepEqual(hits('The illness pulled him back.'), ['control:2-3'])
  assert.deepEqual(hits('It keeps pulling them back.'), ['control:2-3~'])
  assert.deepEqual(hits('The voices took her over.'), ['control:2-3'])
  assert.deepEqual(hits('The tide pulled back.'), ['control:2-4'])
  assert.deepEqual(hits('Staff pulled the door back.'), [])
  assert.deepEqual(hits('Staff pulled him, back then.'), [])
  assert.deepEqual(hits('Staff pulled him forward.'), [])
})

test('a word before an entry can give it another sense (unlessAfter): "data recovery" is not recovery', () => {
  const lexicon = new Lexicon({recovery: {kind: 'noun', words: ['recovery'], unlessAfter: ['data', 'cost']}})
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}`)
  assert.deepEqual(hits('We tested data recovery.'), [])
  assert.deepEqual(hits('Cost recovery is slow.'), [])
  assert.deepEqual(hits('Her recovery is her own.'), ['recovery:1-2'])
  assert.deepEqual(hits('We back up data; recovery takes time.'), ['recovery:4-5'])
})

test('a verb phrase reads past one adverb after its first word ("gone completely off the rails"); a noun phrase does not', () => {
  const lexicon = new Lexicon({decline: {kind: 'verb', words: ['go off the rails']}, team: {kind: 'noun', words: ['care team']}})
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}`)
  assert.deepEqual(hits('His life went completely off the rails.'), ['decline:2-7'])
  assert.deepEqual(hits('His life went off the rails.'), ['decline:2-6'])
  assert.deepEqual(hits('His life went completely, off the rails.'), [])
  assert.deepEqual(hits('The care really team met.'), [])
})

test('a word that gives an entry another sense does so on the adverb path too', () => {
  const lexicon = new Lexicon({decline: {kind: 'verb', words: ['go off the rails'], unlessAfter: ['train']}})
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}`)
  assert.deepEqual(hits('The old train went completely off the rails.'), [])
  assert.deepEqual(hits('The old train went off the rails.'), [])
  assert.deepEqual(hits('His life went completely off the rails.'), ['decline:2-7'])
})

test('a name inside a sentence is a person, and a title makes a doctor staff; places, bodies and capitalised runs are not names', () => {
  const lexicon = new Lexicon({people: {kind: 'noun', words: ['patient', 'mr']}, staff: {kind: 'noun', words: ['dr', 'ward', 'staff']}})
  const people = (text: string) => {
    const tokens = tokensOf(text)
    return lexicon.tag(tokens).map((h) => `${h.cls}:${tokens.slice(h.start, h.end).map((t) => t.raw).join(' ')}`)
  }
  assert.deepEqual(people('The illness has got hold of Tui.'), ['people:Tui'])
  assert.deepEqual(people('Staff will tell Priya Sharma on Friday.'), ['staff:Staff', 'people:Priya Sharma'])
  assert.deepEqual(people('Dear Aroha, your plan is ready.'), ['people:Aroha'])
  assert.deepEqual(people('Dr Okafor decides with Mr Hale.'), ['staff:Dr Okafor', 'staff:Dr', 'people:Mr Hale', 'people:Mr'])
  // A sentence's first word, a run of three capitals, a word after an article or a place word, a month.
  assert.deepEqual(people('Seamus moved to supported housing.'), [])
  assert.deepEqual(people('She has leave under the Mental Health Act.'), [])
  assert.deepEqual(people('Minutes go to the Trust in Ennis in March.'), [])
  assert.deepEqual(people('Patients on Larch Ward choose their groups.'), ['people:Patients', 'staff:Ward'])
})

test('a name is a person: inside a sentence, or first when an auxiliary follows and it has no noun\'s ending', () => {
  const lexicon = new Lexicon({people: {kind: 'noun', words: ['person']}, staff: {kind: 'noun', words: ['staff']}})
  const people = (text: string) => lexicon.tag(tokensOf(text)).filter((h) => h.cls === 'people').map((h) => `${h.start}-${h.end}`)
  assert.deepEqual(people('Ask Tui about the group.'), ['1-2'])
  assert.deepEqual(people('Farah has overcome her own depression.'), ['0-1'])
  assert.deepEqual(people("Mereana can't be trusted with keys."), ['0-1'])
  // Not a name: no auxiliary after it, a plural, a compound, a noun's ending, a word every sentence may start with, a class word.
  assert.deepEqual(people('Farah overcame her depression.'), [])
  assert.deepEqual(people('Toddlers can be demanding.'), [])
  assert.deepEqual(people('Paperwork is a burden for small groups.'), [])
  assert.deepEqual(people('Funding is fragile this year.'), [])
  assert.deepEqual(people('Today is the last session.'), [])
  assert.deepEqual(people('Staff are on site.'), [])
  assert.deepEqual(people('Please can you call us back.'), [])
  // A final s is a name's when the verb agrees with one person ("Ines is", "Agnes keeps"), not a plural's or a noun's.
  assert.deepEqual(people('Ines is all over the place.'), ['0-1'])
  assert.deepEqual(people('Agnes keeps missing groups.'), ['0-1'])
  assert.deepEqual(people('Toddlers can be demanding.'), [])
  assert.deepEqual(people('Stress is a burden.'), [])
  assert.deepEqual(people('Genetics is a factor.'), [])
})

test('a verb phrase reads past a determiner before its noun ("manage their money", "make a single decision"), not before a particle', () => {
  const lexicon = new Lexicon({cope: {kind: 'verb', words: ['manage money', 'make decision', 'take over']}})
  const hits = (text: string) => lexicon.tag(tokensOf(text)).map((h) => `${h.cls}:${h.start}-${h.end}`)
  assert.deepEqual(hits("He can't manage their money."), ['cope:2-5'])
  assert.deepEqual(hits('She cannot make a single decision.'), ['cope:2-6'])
  assert.deepEqual(hits('They make decisions.'), [])
  // "her" before a particle is the object pronoun splitting a phrasal verb, read on the verb word alone.
  assert.deepEqual(hits('The voices took her over.'), ['cope:2-3'])
  assert.deepEqual(hits('Staff manage the building.'), [])
})

test('hits come in start order when a name or a title stands mid-sentence (clause look-ups halve the list by start)', () => {
  const lexicon = new Lexicon({people: {kind: 'noun', words: ['person']}, staff: {kind: 'noun', words: ['doctor']}, verb: {kind: 'verb', words: ['pass on']}})
  const starts = (text: string) => lexicon.tag(tokensOf(text)).map((h) => h.start)
  for (const text of ['The person can pass on what helped, said Bob.', 'The doctor and Dr Osei pass on the notes to Priya.']) {
    const s = starts(text)
    assert.deepEqual(s, [...s].sort((a, b) => a - b), text)
  }
})

test('a number with thousands separators is one word, with its offsets; a list of numbers is not', () => {
  const text = 'Our team delivered 4,212 sessions and 1,200,000 leaflets in rooms 4,5 and 6.'
  const tokens = tokensOf(text)
  const raw = tokens.map((t) => t.raw)
  assert.deepEqual(raw.slice(3, 7), ['4,212', 'sessions', 'and', '1,200,000'])
  const big = tokens[6]
  assert.equal(text.slice(big.start, big.end), '1,200,000')
  assert.equal(tokens[4].join, 'space', 'the number and its noun are one phrase')
  assert.deepEqual(raw.slice(-4), ['4', '5', 'and', '6'])
})
