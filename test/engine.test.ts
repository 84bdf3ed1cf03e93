import assert from 'node:assert/strict'
import {test} from 'node:test'
import {brief, review} from './helpers.js'

test('matches inflections, hyphen, space and joined forms, any case', () => {
  const text = 'Role models. role-modelling. ROLE MODEL. caseload, case load, case-load, Caseloads.'
  assert.deepEqual(
    review(text).map((f) => f.text),
    ['Role models', 'role-modelling', 'ROLE MODEL', 'caseload', 'case load', 'case-load', 'Caseloads']
  )
})

test('never matches inside a longer or hyphenated word', () => {
  assert.deepEqual(review('Outpatients and patient-centred care. Self-patient.'), [])
})

test('guards keep ordinary senses out: be patient, patient with, the role of', () => {
  assert.deepEqual(brief(review('Be patient. She is very patient with us. The role of a model. The patient safety team.')), [])
  assert.deepEqual(brief(review('The patient is here.')), ['1:5-1:12 test-patient patient'])
})

test('positions are exact: 1-based, exclusive end, UTF-16, text equals the source slice', () => {
  const text = '# Title 😀\r\n\r\n> Quoted\r\n> and\ta role model &amp; more\r\n\r\n- “Item” — patients\r\n'
  const findings = review(text)
  assert.deepEqual(brief(findings), ['4:7-4:19 test-role-model a role model', '6:12-6:20 test-patient patients'])
  for (const f of findings) assert.equal(text.slice(f.offset, f.endOffset), f.text)
  // Columns count UTF-16 code units: the emoji takes two.
  const emoji = review('😀 patients here')
  assert.equal(emoji[0].column, 4)
})

test('only prose: code, inline code, URLs, front matter and HTML are not reviewed', () => {
  const text = [
    '---',
    'title: patient',
    '---',
    '',
    '```',
    'patient',
    '```',
    '',
    'Use `patient` and <span title="patient">x</span> and https://example.com/patient',
    '',
    '<img alt="patient" src="a.png">',
    '',
    '[a link](https://example.com/patient) and ![patient photo](p.png)'
  ].join('\n')
  assert.deepEqual(brief(review(text)), ['13:45-13:52 test-patient patient'])
})

test('headings, list items, task items, table cells, footnotes and link text are prose', () => {
  const text = ['# What a patient said', '', '- patient', '- [ ] patient task', '', '| A | B |', '|---|---|', '| x | patient |', '', 'Note[^1]. [patient link](x.md)', '', '[^1]: About patients.'].join('\n')
  assert.deepEqual(
    review(text).map((f) => `${f.line}:${f.text}`),
    ['1:a patient', '3:patient', '4:patient', '8:patient', '10:patient', '12:patients']
  )
})

test('a heading or title line that names its subject is not a finding; one that reads as a sentence is reviewed', () => {
  const text = ['# Patient Safety Policy', '', '## Relapse prevention plan', '', 'Service User Involvement Strategy 2024', '', '## How we support each patient', '', 'The patient chose the group.'].join('\n')
  assert.deepEqual(
    review(text).map((f) => `${f.line}:${f.text}`),
    ['7:patient', '9:patient']
  )
})

test('a mention is not a use: quotes, avoid/instead-of frames, avoid columns, attributed blockquotes', () => {
  const text = [
    'Avoid calling someone a role model. Say person instead of patient.',
    'Terms such as patient or caseload can distance people. We never say "role model" here.',
    '',
    '| Avoid | Use instead |',
    '|---|---|',
    '| patient | person |',
    '',
    '> I was just a patient to them.',
    '> — Sam, a member',
    '',
    'A patient said this.'
  ].join('\n')
  assert.deepEqual(brief(review(text)), ['11:1-11:10 test-patient A patient'])
})

test('a person describing themself is not a labelling finding', () => {
  assert.deepEqual(review('I am an addict in recovery. As an addict, I know this.'), [])
  assert.deepEqual(brief(review('He is an addict.')), ['1:7-1:16 test-addict an addict'])
})

test('suggestions keep case and fix the article and number', () => {
  const [a] = review('He is an addict.')
  assert.deepEqual(a.suggestions, ['a person who uses drugs'])
  const [b] = review('Addicts are welcome.')
  assert.deepEqual(b.suggestions, ['People who use drugs'])
  const [c] = review('Role models matter.')
  assert.deepEqual(c.suggestions, ['People who share their experience', 'Peers'])
  assert.equal(a.safeFix, true)
  assert.equal(c.safeFix, false)
})

test('directives: disable/enable ranges, line, next line, per rule and per category', () => {
  const text = [
    '<!-- recovery-lint-disable test-patient -->',
    'patient role model',
    '<!-- recovery-lint-enable test-patient -->',
    'patient <!-- recovery-lint-disable-line -->',
    '<!-- recovery-lint-disable-next-line test-role-model -->',
    'patient role model',
    'patient role model'
  ].join('\n')
  assert.deepEqual(
    review(text).map((f) => `${f.line}:${f.ruleId}`),
    ['2:test-role-model', '6:test-patient', '7:test-patient', '7:test-role-model']
  )
})

test('directives in a code block are just text', () => {
  const text = '```\n<!-- recovery-lint-disable -->\n```\n\npatient'
  assert.equal(review(text).length, 1)
})

test('config: rules, categories, profile and allowed phrases', () => {
  const text = 'The patient has a caseload and a role model.'
  assert.deepEqual(review(text, {rules: {'test-patient': 'off'}}).map((f) => f.ruleId), ['test-caseload', 'test-role-model'])
  // The test pack is one category; contested rules stay warnings even when a config asks for errors.
  assert.deepEqual(review(text, {categories: {'role-model': 'error'}}).map((f) => f.severity), ['error', 'error', 'warning'])
  assert.deepEqual(review(text, {categories: {'role-model': 'off'}, rules: {'test-caseload': true}}).map((f) => f.ruleId), ['test-caseload'])
  assert.deepEqual(review(text, {profile: 'clinical'}).map((f) => f.ruleId), ['test-patient', 'test-role-model'])
  assert.deepEqual(review(text, {allow: ['patient']}).map((f) => f.ruleId), ['test-caseload', 'test-role-model'])
})

test('plain text is reviewed with the same rules and directives', () => {
  const text = 'The patient.\r\n<!-- recovery-lint-disable-next-line -->\r\nA patient.\r\nAnother patient.'
  assert.deepEqual(brief(review(text, {}, 'text')), ['1:5-1:12 test-patient patient', '4:9-4:16 test-patient patient'])
})

test('a directive may name a category', () => {
  const text = '<!-- recovery-lint-disable-next-line role-model -->\npatient role model\n\npatient'
  assert.deepEqual(review(text).map((f) => `${f.line}:${f.ruleId}`), ['4:test-patient'])
})

test('adjective sense: after be, or in a list of qualities after it, "patient" is a quality', () => {
  assert.deepEqual(review('Be patient. Staff should be calm, patient and kind. Staff were patient, calm and caring. She is very patient.'), [])
  assert.deepEqual(
    review('We support carers, patients and families. The patient is calm.').map((f) => f.text),
    ['patients', 'patient']
  )
})

test('directives: enabling one rule inside a disable-all range', () => {
  const text = '<!-- recovery-lint-disable -->\npatient role model\n<!-- recovery-lint-enable test-patient -->\npatient role model\n<!-- recovery-lint-enable -->\n\nrole model'
  assert.deepEqual(review(text).map((f) => `${f.line}:${f.ruleId}`), ['4:test-patient', '7:test-role-model'])
})

test('"avoid" introduces discussed wording only as an instruction about words', () => {
  assert.deepEqual(review('Avoid patient. Avoid saying patients. Staff help people avoid patients.').map((f) => f.text), ['patients'])
})

test('a plural possessive does not break a guard', () => {
  assert.deepEqual(review("Patients' views matter. The patients' safety team.").map((f) => f.text), ['Patients'])
})

test('self-description after "as a former …, I"', () => {
  assert.deepEqual(review('As a former addict, I know the fear. As an addict, he knows.').map((f) => f.text), ['an addict'])
})

test('verb alternatives agree with the matched verb; acronyms are not shouted', async () => {
  const {Reviewer} = await import('../src/core/review.js')
  const {parseRulePack} = await import('../src/core/rules/load.js')
  const pack = parseRulePack(
    'v.yml',
    `category: deficit\nrules:\n  - id: v-suffer\n    severity: warning\n    kind: verb\n    phrases: [suffer from]\n    message: A message here.\n    rationale: A rationale that is long enough.\n    alternatives: [lives with, has a diagnosis of]\n    principles: [safe]\n    sources: [src]\n    examples: {flag: [a, b], pass: [c, d]}\n  - id: v-ocd\n    severity: warning\n    phrases: [OCD]\n    message: A message here.\n    rationale: A rationale that is long enough.\n    alternatives: [very particular]\n    principles: [safe]\n    sources: [src]\n    examples: {flag: [a, b], pass: [c, d]}\n`
  )
  const r = new Reviewer([pack])
  const s = (t: string) => r.review(t).map((f) => f.suggestions)
  assert.deepEqual(s('People suffering from anxiety.'), [['living with', 'having a diagnosis of']])
  assert.deepEqual(s('She suffers from anxiety.'), [['lives with', 'has a diagnosis of']])
  assert.deepEqual(s('They suffer from anxiety.'), [['live with', 'have a diagnosis of']])
  assert.deepEqual(s('He suffered from anxiety.'), [['lived with', 'had a diagnosis of']])
  // "so" + "very particular" would double the degree word.
  assert.deepEqual(s('He is so OCD.'), [['particular']])
  assert.deepEqual(s('He is OCD.'), [['very particular']])
})

test('"a term that includes X" discusses X', () => {
  assert.deepEqual(review('I use peer as a blanket term that includes patient and caseload. Words like patient matter.'), [])
})

test('only short noun phrases are pluralised', async () => {
  const {pluralise} = await import('../src/core/grammar/shape.js')
  assert.equal(pluralise('person who uses drugs'), 'people who use drugs')
  assert.equal(pluralise('peer worker'), 'peer workers')
  assert.equal(pluralise('co-produced outcome measures'), 'co-produced outcome measures')
  assert.equal(pluralise('what people tell us has changed'), 'what people tell us has changed')
  assert.equal(pluralise('progress on their own goals'), 'progress on their own goals')
})

test('a lone carriage return is a line ending, as in VS Code', () => {
  const text = '> The patient who fails treatment.\r\r\n\r\n| Instead of | Try |\r\n| --- | --- |\r'
  assert.doesNotThrow(() => review(text))
  assert.deepEqual(brief(review('One.\rThe patient.\r\nA patient.')), ['2:5-2:12 test-patient patient', '3:1-3:10 test-patient A patient'])
})

test('directives: enabling one rule inside a disabled category; line directives see a finding split over two lines', () => {
  const text = '<!-- recovery-lint-disable role-model -->\nThe patient and a role model. <!-- recovery-lint-enable test-patient -->\nThe patient and a role model.'
  assert.deepEqual(review(text).map((f) => `${f.line}:${f.ruleId}`), ['3:test-patient'])
  assert.deepEqual(review('<!-- recovery-lint-disable-next-line -->\nHe is an\naddict.\n'), [])
})

test('huge blocks, entities, BOM and deep nesting do not break positions or the stack', () => {
  const list = Array.from({length: 3000}, (_, i) => `- item ${i} for the patient`).join('\n')
  assert.equal(review(list).length, 3000)
  const para = 'Word is here. '.repeat(20000) + 'The patient.'
  const [f] = review(para)
  assert.equal(para.slice(f.offset, f.endOffset), 'patient')
  assert.deepEqual(brief(review('\uFEFFour patients here.')), ['1:6-1:14 test-patient patients'])
  assert.deepEqual(brief(review('Caf&eacute; and a patient. &#x110000; patient')), ['1:17-1:26 test-patient a patient', '1:39-1:46 test-patient patient'])
  assert.doesNotThrow(() => review('>'.repeat(3000) + ' patient'))
})

test('a fix across markup is never applied unseen; suggestions do not double a determiner', async () => {
  const {applyFixes} = await import('../src/core/fix.js')
  for (const text of ['He is [an](https://x.org/a) addict.', 'He is <b>an</b> addict.', 'He is an *addict*.']) {
    const findings = review(text)
    assert.equal(findings.length, 1, text)
    assert.equal(findings[0].safeFix, false, text)
    assert.equal(applyFixes(text, findings).text, text)
  }
  assert.equal(applyFixes('He is an addict.', review('He is an addict.')).text, 'He is a person who uses drugs.')
  // "These caseloads" → "The people I work alongside": the alternative brings its own determiner.
  const [c] = review('These caseloads are big.')
  assert.deepEqual(c.fixes[0], {before: 6, after: 0, replacement: 'The people I work alongside', alternative: 0})
  assert.equal(applyFixes('These caseloads are big.', [{...c, safeFix: true}]).text, 'The people I work alongside are big.')
  // A possessive says whose: it is never dropped, so the alternative is advice here.
  const [d] = review('Our caseloads are big.')
  assert.deepEqual(d.fixes, [])
  assert.deepEqual(d.advice, ['the people I work alongside'])
  assert.match(d.message, /Consider: “the people I work alongside”\.$/)
})

test('a NUL (which micromark writes as U+FFFD) does not hide the findings around it', () => {
  // Plain paragraph, and one with markup (micromark's path): same positions either way.
  assert.deepEqual(brief(review('He is an addict\u0000 today.\n')), ['1:7-1:16 test-addict an addict'])
  assert.deepEqual(brief(review('He is *an* addict\u0000 today.\n')), ['1:12-1:18 test-addict addict'])
})

test('the findings limit counts only findings directives leave on: the first 20000 of those, then one notice', () => {
  // 21,000 switched off and 21,000 left on, alternating: the limit (MAX_FINDINGS) must not be spent on the first.
  const pair = '<!-- recovery-lint-disable role-model -->\n\nWe are role models.\n\n<!-- recovery-lint-enable role-model -->\n\nThey are role models.\n\n'
  const findings = review(pair.repeat(21_000), {}, 'text')
  const shown = findings.filter((f) => f.category === 'role-model')
  assert.equal(shown.length, 20_000)
  assert.ok(shown.every((f) => f.text === 'role models' && f.line % 8 === 7), 'a switched-off finding shown')
  const notices = findings.filter((f) => f.ruleId === 'review-limit')
  assert.deepEqual(notices.map((f) => f.message), ['More than 20000 findings in this document: only the first 20000 are shown.'])
})
