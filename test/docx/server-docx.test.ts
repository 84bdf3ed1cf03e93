/** The language server's "Review Word document": NAME.reviewed.docx beside it, Problems by paragraph. */
import assert from 'node:assert/strict'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {REVIEW_DOCX_REQUEST, type ReviewDocxResult} from '../../src/server/protocol.js'
import {TEAM_CONFIG, TEAM_PACK, withServer} from '../server/harness.js'
import {rawDocx} from './fixtures.js'
import {anchorText, commentsOf} from './inspect.js'

test('review a Word document from the server: a reviewed copy beside it, findings by paragraph in Problems', async () => {
  await withServer({'.recoverylintrc.json': JSON.stringify(TEAM_CONFIG), 'team.yml': TEAM_PACK}, {}, async (client, ws) => {
    const body = '<w:p><w:r><w:t>Title</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">We keep a gloomy outlook here.</w:t></w:r></w:p>'
    const input = rawDocx(body)
    writeFileSync(join(ws.dir, 'policy.docx'), input)
    const uri = ws.uri('policy.docx')
    const result = await client.request<ReviewDocxResult>(REVIEW_DOCX_REQUEST, {uri})
    assert.equal(result.problem, undefined)
    assert.equal(result.findings, 1)
    assert.equal(result.output, ws.uri('policy.reviewed.docx'))
    const diags = client.latest(uri)!
    assert.equal(diags[0].code, 'team-gloomy-outlook')
    assert.equal(diags[0].range.start.line, 1)
    assert.match(String(diags[0].message), /^body ¶2: /)
    const out = new Uint8Array(readFileSync(join(ws.dir, 'policy.reviewed.docx')))
    assert.equal(anchorText(out, 'word/document.xml', commentsOf(out)[0].id), 'gloomy outlook')
    assert.deepEqual(readFileSync(join(ws.dir, 'policy.docx')), input)
    // A broken one: one line back, nothing written.
    writeFileSync(join(ws.dir, 'broken.docx'), 'nope')
    const bad = await client.request<ReviewDocxResult>(REVIEW_DOCX_REQUEST, {uri: ws.uri('broken.docx')})
    assert.match(bad.problem ?? '', /^broken\.docx: cannot read as a Word document/)
    assert.ok(!existsSync(join(ws.dir, 'broken.reviewed.docx')))
  })
})
