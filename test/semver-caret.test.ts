// The two semver functions the extension's bundle carries instead of the package (src/client/semver-caret.ts) answer as semver does.
import assert from 'node:assert/strict'
import {createRequire} from 'node:module'
import {test} from 'node:test'
import {parse, satisfies} from '../src/client/semver-caret.js'

const require = createRequire(import.meta.url)
const semverParse = require('semver/functions/parse') as (v: string) => {major: number; minor: number; patch: number; prerelease: Array<string | number>} | null
const semverSatisfies = require('semver/functions/satisfies') as (v: unknown, r: string) => boolean

const versions = ['1.91.0', '1.91.1', '1.139.0', '1.90.9', '2.0.0', '0.9.0', '1.91.0-insider', '1.100.2+build.7', 'v1.95.3', ' 1.92.0 ', '1.91', 'latest', '1.x']
const ranges = ['^1.91.0', '^0.9.0', '^0.0.3', '^2.1.0']

test('parse reads a version into the parts semver reads, and rejects what semver rejects', () => {
  for (const v of versions) {
    const ours = parse(v)
    const theirs = semverParse(v)
    assert.equal(ours === null, theirs === null, v)
    if (ours && theirs) assert.deepEqual([ours.major, ours.minor, ours.patch, ours.prerelease.join('.')], [theirs.major, theirs.minor, theirs.patch, theirs.prerelease.join('.')], v)
  }
})

test('satisfies agrees with semver on caret ranges, for strings and for parsed versions with the pre-release removed', () => {
  for (const range of ranges) {
    for (const v of versions) {
      if (semverParse(v) === null) continue
      assert.equal(satisfies(v, range), semverSatisfies(v, range), `${v} in ${range}`)
      // The client removes an insider's pre-release before it asks.
      const released = parse(v)!
      released.prerelease = []
      const theirs = semverParse(v)!
      theirs.prerelease = []
      assert.equal(satisfies(released, range), semverSatisfies(theirs, range), `${v} released, in ${range}`)
    }
  }
})

test('a range that is not a caret range is not understood, so the check fails loudly rather than passing', () => {
  assert.equal(satisfies('1.91.0', '>=1.0.0'), false)
})
