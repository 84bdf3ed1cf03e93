// The second opinion's model is data trained here: the shipped rules/model.json must be exactly what
// scripts/train-model.ts makes from the training sets, so no one can edit it by hand or forget to retrain.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {packModel, unpackModel, type CategoryId, type ModelData} from '../src/core/index.js'

test('rules/model.json is what training gives (npm run train-model)', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/train-model.ts', '--check'], {encoding: 'utf8'})
  assert.equal(r.status, 0, r.stderr || r.stdout)
})

test('the model never reads a held-out set', () => {
  const model = JSON.parse(readFileSync('rules/model.json', 'utf8'))
  const files: string[] = model.trainedOn.corpora.map((c: {file: string}) => c.file)
  assert.ok(files.length >= 2, 'trained on the tuning corpora')
  assert.deepEqual(files.filter((f) => /heldout/.test(f)), [])
})

test('the compiled rules store the weights as integers over the smallest power of ten that holds them: exactly the same numbers', () => {
  const model = JSON.parse(readFileSync('rules/model.json', 'utf8')) as ModelData
  const packed = packModel(model)
  // The trainer writes one decimal.
  assert.equal(packed.scale, 10)
  assert.ok(packed.rows!.every(Number.isInteger))
  // Read back, each feature has exactly its weights (the order of features is the build's).
  const unpacked = unpackModel(packed)
  const weights = (m: ModelData, scale: number) =>
    new Map(m.features.map((f, i) => [f, [m.any[i], ...Object.keys(model.categories).map((c) => m.categories[c as CategoryId]![i])].map((w) => w / scale)]))
  assert.deepEqual(weights(unpacked, 10), weights(model, 1))
  // A second decimal takes 100.
  assert.equal(packModel({...model, any: [0.01, ...model.any.slice(1)]}).scale, 100)
  assert.deepEqual(Object.keys(unpacked.categories), Object.keys(model.categories))
  // A third decimal takes 1000; more decimals than that are left as they are.
  assert.equal(packModel({...model, any: [0.001, ...model.any.slice(1)]}).scale, 1000)
  const odd = {...model, any: [0.0001, ...model.any.slice(1)]}
  assert.equal(packModel(odd).scale, undefined)
})

test('the compiled rules leave the trigger words out, and the second opinion finds the same ones again from the weights', async () => {
  const {SecondOpinion} = await import('../src/core/model/second-opinion.js')
  const model = JSON.parse(readFileSync('rules/model.json', 'utf8')) as ModelData
  assert.ok(model.triggers!.length > 100 && model.triggerWeight !== undefined)
  const packed = packModel(model)
  assert.equal(packed.triggers, undefined)
  assert.deepEqual([...new SecondOpinion(packed).triggers].sort(), [...model.triggers!].sort())
  // Triggers that the weights do not give (another trainer's) are kept as they are.
  const other = {...model, triggers: ['zebra']}
  assert.deepEqual(packModel(other).triggers, ['zebra'])
  assert.deepEqual([...new SecondOpinion(packModel(other)).triggers], ['zebra'])
})

test('the second opinion reads the same features as rows as it does as strings, in the same order', async () => {
  const {readdirSync} = await import('node:fs')
  const {parseBuiltinPacks} = await import('../src/node/builtin-rules.js')
  const {FrameMatcher} = await import('../src/core/frames/frames.js')
  const {mergeClasses} = await import('../src/core/reviewer-parts.js')
  const {sentenceFeatures} = await import('../src/core/model/features.js')
  const {featureIndex, featureRows} = await import('../src/core/model/feature-rows.js')
  const {sentenceTokens} = await import('../src/core/match/tokens.js')
  const {parseText} = await import('../src/core/parse/text.js')
  const {ClauseRoles} = await import('../src/core/model/clause-features.js')
  const packs = parseBuiltinPacks()
  const lexicon = new FrameMatcher(packs.flatMap((p) => p.rules), mergeClasses(packs)).lexicon
  const model = unpackModel(packs.find((p) => p.model)!.model!)
  const texts = readdirSync('bench/paragraphs').map((f) => readFileSync(`bench/paragraphs/${f}`, 'utf8'))
  texts.push('I decide my goals; staff set the targets the clinician writes for patients, not me.', 'Goals are set by the consultant and the person is rarely told.')
  const reader = new ClauseRoles(mergeClasses(packs))
  // The frame-slot and clause-role features (clause-features.ts) the texts give, whether or not the shipped model has them.
  const clauseFeatures = new Set<string>()
  const sentences: Array<{tokens: ReturnType<typeof sentenceTokens>; text: string}> = []
  const collect = (node: {type: string; children?: unknown[]}, text: string) => {
    if (node.type !== 'SentenceNode') return (node.children ?? []).forEach((c) => collect(c as never, text))
    const tokens = sentenceTokens(node as never)
    sentences.push({tokens, text})
    for (const f of reader.features(tokens, text, lexicon.tag(tokens))) clauseFeatures.add(f)
  }
  for (const text of texts) collect(parseText(text).tree as never, text)
  assert.ok([...clauseFeatures].some((f) => f.startsWith('ag:')) && [...clauseFeatures].some((f) => f.startsWith('o:')), 'the texts give clause features')
  // Ambiguous features (a word holding the separator) are left to the strings.
  const features = [...new Set([...model.features, ...clauseFeatures])].concat('b:self_care_plan')
  const values = new Map(features.map((f, i) => [f, i]))
  const index = featureIndex(features)
  let compared = 0
  let declined = 0
  for (const {tokens, text} of sentences) {
    const hits = lexicon.tag(tokens)
    const clause = {text, reader}
    const rows = featureRows(tokens, hits, index, clause)
    const strings = sentenceFeatures(tokens, hits, [], clause).all
    assert.ok(rows !== undefined)
    // A word holding a separator is left to the strings ("b:self_care_plan" could be either pair).
    if (tokens.length > 1 && declined === 0) {
      const odd = tokens.map((t, i) => (i === 1 ? {...t, norm: 'self_care'} : t))
      assert.equal(featureRows(odd, hits, index, clause), undefined)
      declined++
    }
    assert.deepEqual(rows, strings.map((f) => values.get(f)).filter((v) => v !== undefined))
    compared++
  }
  assert.ok(compared > 300, `${compared} sentences compared`)
  assert.equal(declined, 1)
})

test('training draws each item\'s bootstrap counts and visiting order from its text: one more example leaves every other item\'s draws as they were', async () => {
  const {stableDraws, DEFAULTS} = await import('../scripts/model/train.js')
  const items = Array.from({length: 200}, (_, i) => ({categories: i % 3 ? [] : ['deficit'], text: `sentence ${i}`}))
  const options = {...DEFAULTS, orders: 3, epochs: 4}
  const before = stableDraws(items, options)
  const after = stableDraws([...items.slice(0, 50), {categories: [], text: 'a new rule example'}, ...items.slice(50)], options)
  const byText = (draws: number[][][], list: Array<{text: string}>) => draws.map((run) => run.map((order) => order.map((i) => list[i].text)))
  const withNew = [...items.slice(0, 50), {categories: [], text: 'a new rule example'}, ...items.slice(50)]
  const old = byText(before, items)
  const now = byText(after, withNew).map((run) => run.map((order) => order.filter((t) => t !== 'a new rule example')))
  assert.deepEqual(now, old)
  // A bootstrap: some items drawn twice or more, some not at all, about as many draws as items.
  const counts = new Map<string, number>()
  for (const t of old[0][0]) counts.set(t, (counts.get(t) ?? 0) + 1)
  assert.ok([...counts.values()].some((n) => n >= 2) && counts.size < items.length && Math.abs(old[0][0].length - items.length) < 40)
  // Each epoch visits the same sample in another order.
  assert.notDeepEqual(old[0][0], old[0][1])
  assert.deepEqual([...old[0][0]].sort(), [...old[0][1]].sort())
})

test('the second opinion marks the run of words that weigh most towards its verdict, not cut off on "the" or "and"', async () => {
  const {SecondOpinion} = await import('../src/core/model/second-opinion.js')
  const {sentenceTokens} = await import('../src/core/match/tokens.js')
  const {parseText} = await import('../src/core/parse/text.js')
  const tokensOf = (text: string) => {
    let found: ReturnType<typeof sentenceTokens> | undefined
    const walk = (n: {type: string; children?: unknown[]}): void => void (n.type === 'SentenceNode' ? (found ??= sentenceTokens(n as never)) : (n.children ?? []).forEach((c) => walk(c as never)))
    walk(parseText(text).tree as never)
    return found!
  }
  // Words towards framing at all, then towards role-model; a pair shares its weight between its words.
  const features = ['bias', 'w:been', 'w:through', 'w:show', 'w:how', 'w:way', 'b:show_you', 'b:the_way', 'w:the']
  const any = [-4, 0.4, 0.4, 1.5, 0.5, 0.3, 1, 0.4, -0.1]
  const role = [0, 0, 0, 1, 0.5, 1, 0.5, 0.5, 0]
  const opinion = new SecondOpinion({threshold: 0.5, features, any, categories: {'role-model': role}} as unknown as ModelData)
  const tokens = tokensOf('Nadia has been through it all and can show you how to cope the way she did.')
  const words = (span: [number, number] | undefined, of = tokens) => span && of.slice(span[0], span[1]).map((t) => t.norm).join(' ')
  assert.equal(words(opinion.evidenceSpan(tokens, [], 'role-model' as CategoryId)), 'show you how to cope the way')
  // At most `longest` words ("show you how"), then no trailing "how" or "the", no leading "and", even where they carry weight.
  assert.equal(words(opinion.evidenceSpan(tokens, [], 'role-model' as CategoryId, 3)), 'show you')
  const short = tokensOf('And the way.')
  assert.equal(words(opinion.evidenceSpan(short, [], 'role-model' as CategoryId), short), 'way')
  // Nothing weighs towards it: no span (the finding then goes on a trigger word).
  assert.equal(opinion.evidenceSpan(tokensOf('The bus was late.'), [], 'role-model' as CategoryId), undefined)
})

test('in running prose the second opinion must be surer (proseThreshold): a one-line paragraph, a list item or a field is judged at threshold', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  // One made-up word that weighs towards deficit framing: probability 0.92 alone (weight 5.5), 0.9975 with "wholly" (8.5).
  const model = (any: number[]) => ({version: 1, threshold: 0.85, proseThreshold: 0.99, features: ['bias', 'w:wholly', 'w:zorblat'], any, categories: {deficit: [0, 0, 1], 'role-model': [0, 0, 0]}, triggerWeight: 0.8}) as unknown as ModelData
  const packs = builtinPacks().map((p) => (p.model ? {...p, model: model([-3, 3, 5.5])} : p))
  const reviewer = new Reviewer(packs)
  const found = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)
  assert.deepEqual(found('Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('- Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('The hall opens at nine. Most of them are zorblat.\n'), [])
  assert.deepEqual(found('The hall opens at nine. Most of them are wholly zorblat.\n'), ['1:framing-deficit'])
  // Without a proseThreshold the model's one threshold holds everywhere.
  const plain = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model: {...model([-3, 3, 5.5]), proseThreshold: undefined}} : p)))
  assert.deepEqual(plain.review('The hall opens at nine. Most of them are zorblat.\n').map((f) => f.ruleId), ['framing-deficit'])
})

test('proseThreshold null: the second opinion keeps out of running prose, and the prefilter rules out prose that only its trigger words let through', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const model = {version: 1, threshold: 0.85, proseThreshold: null, features: ['bias', 'w:zorblat'], any: [-3, 6], categories: {deficit: [0, 1], 'role-model': [0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const reviewer = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model} : p)))
  const found = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)
  // Standing alone: judged (a one-line paragraph, a list item, a paragraph wrapped over two lines, a title before a name).
  assert.deepEqual(found('Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('- Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('Most of them\nare zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('Mr. Pruitt and his friends are zorblat.\n'), ['1:framing-deficit'])
  // A list item beside one of two sentences, or after a paragraph, still stands alone.
  assert.deepEqual(found('- Most of them are zorblat.\n- The hall opens at nine. It closes at six.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('- The hall opens at nine. It closes at six.\n- Most of them are zorblat.\n'), ['2:framing-deficit'])
  assert.deepEqual(found('The hall opens at nine. It closes at six.\n\n- Most of them are zorblat.\n'), ['3:framing-deficit'])
  // Running prose: two sentences, on one line or over two.
  for (const prose of ['The hall opens at nine. Most of them are zorblat.\n', 'The hall opens at nine.\nMost of them are zorblat.\n', 'Most of them are zorblat. The hall opens at nine.\n'])
    assert.deepEqual(found(prose), [], prose)
  assert.equal(reviewer.mayMatch('The hall opens at nine. Most of them are zorblat.'), false)
  assert.equal(reviewer.mayMatch('The hall opens at nine.\nMost of them are zorblat.'), true, 'a line with no boundary in it may stand alone')
  assert.equal(reviewer.mayMatch('- Most of them are zorblat.\n- The hall opens at nine. It closes at six.'), true)
  // The same answers as the document parsed in one piece, without the prefilter.
  for (const text of ['The hall opens at nine. Most of them are zorblat.\n\n- Most are zorblat.\n', 'Intro. More.\n\n| a | b |\n|---|---|\n| zorblat people | x. Y |\n'])
    assert.deepEqual(reviewer.review(text), reviewer.reviewWhole(text), text)
})

test('on a list item or a table row the second opinion must be surer (itemThreshold, rowThreshold); a line of pipes with no delimiter row is no table', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  // "zorblat" alone: probability 0.92; with "wholly": 0.9975.
  const model = {version: 1, threshold: 0.85, proseThreshold: null, itemThreshold: 0.99, features: ['bias', 'w:wholly', 'w:zorblat'], any: [-3, 3, 5.5], categories: {deficit: [0, 0, 1], 'role-model': [0, 0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const reviewer = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model} : p)))
  const found = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)
  assert.deepEqual(found('Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('- Most of them are zorblat.\n'), [])
  assert.deepEqual(found('1. Most of them are zorblat.\n'), [])
  assert.deepEqual(found('- Most of them are wholly zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(found('| Group | Notes |\n| --- | --- |\n| Tuesday | Most of them are zorblat |\n'), [])
  assert.deepEqual(found('| Group | Notes |\r\n| --- | --- |\r\n| Tuesday | Most of them are zorblat |\r\n'), [], 'CRLF')
  assert.deepEqual(found('| Group | Notes |\n| --- | --- |\n| Tuesday | Most of them are wholly zorblat |\n'), ['3:framing-deficit'])
  // Pipes without a delimiter row are a paragraph, judged at threshold (as the sentence sets' table-like items are).
  assert.deepEqual(found('| Tuesday | Most of them are zorblat |\n'), ['1:framing-deficit'])
  // A table row may ask more than a list item (`rowThreshold`: its cells are fragments); unset, it is the item's.
  const rows = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model: {...model, itemThreshold: 0.9, rowThreshold: 0.999}} : p)))
  const inRows = (text: string) => rows.review(text).map((f) => `${f.line}:${f.ruleId}`)
  assert.deepEqual(inRows('- Most of them are zorblat.\n'), ['1:framing-deficit'])
  assert.deepEqual(inRows('| Group | Notes |\n| --- | --- |\n| Tuesday | Most of them are wholly zorblat |\n'), [])
})

test('a phrase rule switched off (configuration, profile, the document\'s name) leaves its words alone: the second opinion does not flag them instead', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const model = {version: 1, threshold: 0.85, features: ['bias', 'w:client', 'w:zorblat'], any: [-3, 6, 6], categories: {'expert-patient': [0, 1, 1], deficit: [0, 0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const packs = builtinPacks().map((p) => (p.model ? {...p, model} : p))
  const ids = (r: InstanceType<typeof Reviewer>, text: string) => r.review(text).map((f) => f.ruleId)
  assert.deepEqual(ids(new Reviewer(packs), 'Each client has a key worker.'), ['client'])
  assert.deepEqual(ids(new Reviewer(packs, {rules: {client: 'off'}}), 'Each client has a key worker.'), [])
  assert.deepEqual(ids(new Reviewer(packs).forText('# Client Handbook\n\nEach client has a key worker.'), '# Client Handbook\n\nEach client has a key worker.'), [])
  // Other rules switched off leave the model as it was.
  assert.deepEqual(ids(new Reviewer(packs, {rules: {'role-model': 'off'}}), 'Each client has a key worker.'), ['client'])
  assert.deepEqual(ids(new Reviewer(packs, {rules: {client: 'off'}}), 'Most of them are zorblat.'), ['framing-expert-patient'])
})

test('the second opinion reads sentences, not headings: "## How is a zorblat plan made?" is a topic, the same words in a list item are judged', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const model = {version: 1, threshold: 0.85, features: ['bias', 'w:zorblat'], any: [-3, 6], categories: {deficit: [0, 1], 'role-model': [0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const reviewer = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model} : p)))
  const found = (text: string) => reviewer.review(text).map((f) => `${f.line}:${f.ruleId}`)
  // (Not "What is a zorblat plan?": a question that names its words is a mention, context/mention.ts.)
  assert.deepEqual(found('# Guide\n\n## How is a zorblat plan made?\n'), [])
  assert.deepEqual(found('# Guide\n\n- How is a zorblat plan made?\n'), ['3:framing-deficit'])
  assert.deepEqual(found('How is a zorblat plan made?\n'), ['1:framing-deficit'])
})

test('an expert-patient verdict where the person is the expert ("Tenants are the experts on their own lives") is the words, not the framing', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  const model = {version: 1, threshold: 0.85, features: ['bias', 'w:experts', 'w:expert'], any: [-3, 6, 6], categories: {'expert-patient': [0, 1, 1], deficit: [0, 0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const reviewer = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model} : p)))
  const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
  assert.deepEqual(ids('Tenants are the experts on their own lives.'), [])
  assert.deepEqual(ids('You are the expert in your own recovery.'), [])
  // Staff as the experts, or an expert the person is not, stays the model's finding (or a rule's).
  const staffExperts = ids('Our psychiatrists are expert in planning recovery.')
  assert.ok(staffExperts.length === 1 && ['framing-expert-patient', 'staff-decide-recovery'].includes(staffExperts[0]), staffExperts.join())
  assert.deepEqual(ids('An expert reviews each plan.'), ['framing-expert-patient'])
})

test('a who-decides frame the sentence negates ("Staff do not set goals for residents") is a rejection: the second opinion does not flag it instead', async () => {
  const {Reviewer} = await import('../src/core/index.js')
  const {builtinPacks} = await import('../src/node/builtin-rules.js')
  // A model that calls any sentence with "goals" who-decides framing, so only the rejection can keep it quiet.
  const model = {version: 1, threshold: 0.85, features: ['bias', 'w:goals'], any: [-3, 6], categories: {'expert-patient': [0, 1], deficit: [0, 0]}, triggerWeight: 0.8} as unknown as ModelData
  const reviewer = new Reviewer(builtinPacks().map((p) => (p.model ? {...p, model} : p)))
  const ids = (text: string) => reviewer.review(text).map((f) => f.ruleId)
  assert.deepEqual(ids('Staff do not set goals for residents.'), [])
  assert.deepEqual(ids('The consultant never decides the goals.'), [])
  // The frame itself, and a negation that puts the say off ("not yet") or supposes it ("if"), are left to the rules and the model.
  const found = ids('Staff set goals for residents.')
  assert.ok(found.length === 1 && !found[0].startsWith('framing-'), found.join())
  assert.deepEqual(ids('Staff have not yet set goals for residents.'), ['framing-expert-patient'])
  assert.deepEqual(ids('If staff cannot agree the goals, the consultant steps in.'), ['framing-expert-patient'])
})
