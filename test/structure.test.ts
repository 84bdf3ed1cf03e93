/**
 * The shape of the house, checked: small files, no import cycles, one door to the
 * engine, and no Node in the server modules a browser build would run.
 */
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, normalize, relative} from 'node:path'
import {test} from 'node:test'

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..')

function files(dir: string, ext = /\.(ts|mts|mjs)$/): string[] {
  const abs = join(ROOT, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : files(join(dir, e.name), ext)) : ext.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []
  )
}

/** Every module specifier a file imports or re-exports (type-only ones included). */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1] ?? m[2] ?? m[3])
  return out
}

/** A relative specifier as a project path (`./x.js` → `src/core/x.ts`). */
function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const base = normalize(join(dirname(from), spec))
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base]) if (existsSync(join(ROOT, candidate))) return candidate
  return base
}

/** Lines as `wc -l` and an editor count them: a final newline ends a line, it does not start one. */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

test('no file in src/ is over 400 lines', () => {
  const long = files('src')
    .map((f) => [f, lineCount(readFileSync(join(ROOT, f), 'utf8'))] as const)
    .filter(([, n]) => n > 400)
  assert.deepEqual(long, [])
})

test('no import cycles in src/ (type-only imports count too)', () => {
  const graph = new Map<string, string[]>()
  for (const f of files('src')) graph.set(f, imports(f).flatMap((s) => resolveLocal(f, s) ?? []).filter((t) => t.startsWith('src')))
  // Tarjan's strongly connected components: any component of more than one module is a cycle.
  let index = 0
  const stack: string[] = []
  const info = new Map<string, {index: number; low: number; on: boolean}>()
  const cycles: string[][] = []
  const visit = (v: string) => {
    info.set(v, {index, low: index, on: true})
    index++
    stack.push(v)
    for (const w of graph.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w)
        info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.low)
      } else if (info.get(w)!.on) info.get(v)!.low = Math.min(info.get(v)!.low, info.get(w)!.index)
    }
    if (info.get(v)!.low === info.get(v)!.index) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        info.get(w)!.on = false
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!info.has(v)) visit(v)
  assert.deepEqual(cycles, [])
})

test('adapters reach the engine only through src/core/index.ts', () => {
  const offenders: string[] = []
  const adapters = [...files('src/cli'), ...files('src/server'), ...files('src/node'), ...files('src/page'), ...files('bench'), ...files('scripts')]
  for (const f of adapters) {
    for (const spec of imports(f)) {
      const target = resolveLocal(f, spec)
      if (target?.startsWith(join('src', 'core')) && target !== join('src', 'core', 'index.ts')) offenders.push(`${f} → ${target}`)
    }
  }
  // The VS Code client runs no review: it shares only the formats table with the engine.
  for (const f of files('src/client')) {
    for (const spec of imports(f)) {
      const target = resolveLocal(f, spec)
      if (target?.startsWith(join('src', 'core')) && target !== join('src', 'core', 'formats.ts')) offenders.push(`${f} → ${target}`)
    }
  }
  assert.deepEqual(offenders, [])
})

test('the server modules a browser build would run import no Node API and no Node adapter', () => {
  const offenders: string[] = []
  for (const f of files('src/server')) {
    if (f.endsWith('main.ts')) continue // the Node entry: connection and host
    for (const spec of imports(f)) {
      const target = resolveLocal(f, spec)
      if (/^node:|^(fs|path|os|child_process|worker_threads|url|util|stream)$|^vscode-languageserver\/node$/.test(spec)) offenders.push(`${f}: ${spec}`)
      if (target?.startsWith(join('src', 'node'))) offenders.push(`${f} → ${relative('.', target)}`)
    }
    if (/\bprocess\.|\b__dirname\b|\bBuffer\.|\bsetImmediate\(/.test(readFileSync(join(ROOT, f), 'utf8'))) offenders.push(`${f}: uses a Node global`)
  }
  assert.deepEqual(offenders, [])
})
