import assert from 'node:assert/strict'
import {test} from 'node:test'
import {regionOfText} from '../src/core/context/region.js'
import {Reviewer} from '../src/core/review.js'
import {builtinPacks} from '../src/node/builtin-rules.js'
import type {Config} from '../src/core/types.js'

const reviewer = (config: Config = {}) => new Reviewer(builtinPacks(), config)
const clients = (text: string, config?: Config) => reviewer(config).review(text).filter((f) => f.ruleId === 'client').length

const ontario = '# Peer support at Lakeside\n\nLakeside Hospital in Toronto, Ontario, offers peer support to every client of the outpatient clinic.\n\nA client can ask for a peer supporter at any visit.\n'
const leeds = '# Peer support in Leeds\n\nThe NHS trust offers peer support to every client; your GP can refer you.\n'

test('a region is read from the places and agencies a text names, when they all point one way', () => {
  assert.equal(regionOfText(ontario), 'ca')
  assert.equal(regionOfText('Medicaid pays for peer support in Ohio and Texas.'), 'us')
  assert.equal(regionOfText('Ask your GP; the NHS pays.'), 'uk')
  assert.equal(regionOfText('The NDIS funds support across New South Wales.'), 'au')
  assert.equal(regionOfText('Peer support in Toronto.'), undefined, 'one sign is not enough')
  assert.equal(regionOfText('Peer workers in Toronto, Ontario, and at NHS trusts across England.'), undefined, 'signs of two regions: a mixed text has none')
  // A stray sign of another region ("Victoria" as someone's name) against many of one does not hide it.
  assert.equal(regionOfText('ODSP in Ontario: ask ODSP about ODSP work rules. Ontario Works and ODSP differ. Victoria, a client, asked us.'), 'ca')
  assert.equal(regionOfText('ODSP and Ontario Works in Toronto; NHS trusts across England.'), undefined, 'three signs against two is a mixed text')
})

test('"client" is the ordinary word of Canadian and US services: off in their documents, info elsewhere', () => {
  assert.equal(clients(ontario), 0)
  assert.equal(clients(leeds), 1)
  // A document with no signs of its region: the word is reported.
  assert.equal(clients('Every client is offered a peer supporter.'), 1)
})

test('a document\'s front matter or the configuration names its region, and wins over its signs', () => {
  assert.equal(clients(`---\nrecovery-lint: {region: uk}\n---\n${ontario}`), 2)
  assert.equal(clients(leeds, {region: 'ca'}), 0)
  assert.equal(clients(`---\nrecovery-lint: {region: uk}\n---\n${leeds}`, {region: 'ca'}), 1, 'the document\'s own word wins over the configuration')
  // An unknown region in front matter is not one: the text's signs decide.
  assert.equal(clients(`---\nrecovery-lint: {region: mars}\n---\n${ontario}`), 0)
})
