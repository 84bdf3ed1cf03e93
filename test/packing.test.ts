// The compact layouts of dist/rules.json (src/core/match/packing.ts) read back exactly.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {frontCode, frontDecode, packForms, restoreKeys, storeKeys, unpackForms} from '../src/core/match/packing.js'

test('word forms packed as suffixes of the first read back as they were', () => {
  for (const forms of [['moving', 'movings', 'movinged'], ['go', 'went', 'gone', 'goes'], [], [''], ['a', 'a', 'ab'], ["don't", "don'ts"]]) {
    assert.deepEqual(unpackForms(packForms(forms)), forms)
  }
  assert.deepEqual(packForms(['moved', 'moveds', 'mov']), ['moved', '-s', 'mov'])
  assert.throws(() => packForms(['x', '-y']), /starts with "-"/)
})

test('front-coded lists read back, shared prefixes longer than nine included', () => {
  const list = ['', 'noun\u0000care coordinator', 'noun\u0000care coordinators', 'noun\u0000care co-ordinator', 'verb\u0000be', '9lives', '9lives2']
  assert.deepEqual(frontDecode(frontCode(list)), list)
})

test('keys stored beside the derivable ones come back sorted, with the missing ones left out', () => {
  const keys = ['~b', '=a', '~c', '~z']
  const derivable = ['~b', '~c', '~y', '~b']
  const stored = storeKeys(keys, derivable)
  assert.deepEqual(frontDecode(stored.extra), ['=a', '~z'])
  assert.deepEqual(frontDecode(stored.missing), ['~y'])
  assert.deepEqual(restoreKeys(stored, derivable), [...keys].sort())
})

test('the compiled phrases and class entries of dist/rules.json, read back, are what the build wrote', async () => {
  const {readFileSync} = await import('node:fs')
  const {isDeepStrictEqual} = await import('node:util')
  const {compiledLexiconData, compiledPhrasesData, seedCompiledLexicon, seedCompiledPhrases} = await import('../src/core/index.js')
  const data = JSON.parse(readFileSync(new URL('../dist/rules.json', import.meta.url), 'utf8'))
  // This process has compiled nothing yet: what is there after seeding is what the file holds.
  seedCompiledPhrases(data.phrases, data.packs)
  seedCompiledLexicon(data.lexicon, data.packs)
  assert.ok(data.phrases.variants.length > 1000 && data.lexicon.entries.length > 1000)
  assert.ok(isDeepStrictEqual(compiledPhrasesData(data.packs), data.phrases), 'phrases')
  assert.ok(isDeepStrictEqual(compiledLexiconData(data.packs), data.lexicon), 'class entries')
})
