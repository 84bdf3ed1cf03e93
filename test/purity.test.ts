// The engine must run in the CLI, the language server and a browser: no editor
// API and no Node-only modules under src/core.
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

test('src/core imports neither vscode nor Node built-ins', () => {
  const offenders: string[] = []
  for (const file of files('src/core')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)|require\(['"]([^'"]+)['"]\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3]
      if (/^(vscode|vscode-languageserver|vscode-languageclient)(\/|$)|^node:|^(fs|path|os|child_process|worker_threads|url|util)$/.test(spec)) offenders.push(`${file}: ${spec}`)
    }
    if (/\bprocess\.|\b__dirname\b|\bBuffer\./.test(readFileSync(file, 'utf8'))) offenders.push(`${file}: uses a Node global`)
  }
  assert.deepEqual(offenders, [])
})
