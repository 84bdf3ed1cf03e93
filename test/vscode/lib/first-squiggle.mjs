// Time from "the document is shown" to "its first squiggle is drawn", measured in the page itself (one clock,
// performance.now(), sampled on every DOM mutation), so the browser <-> test round trips do not blur it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The probe is an init script: it is installed again on every load of the workbench (a window reload too).

/**
 * The page-side probe: marks `shown` when an editor shows `firstLine`, `squiggle` when a squiggle (error, warning
 * or info) appears in it, and `reference` when a hint's dots do (the squiggle reference extension's, see
 * test/vscode/fixtures/reference-extension: what any extension activated by the same event can do at best).
 */
function probe(firstLine) {
  const state = { shown: undefined, squiggle: undefined, reference: undefined };
  Object.defineProperty(window, '__firstSquiggle', { value: state });
  const check = () => {
    const editor = document.querySelector('.part.editor .monaco-editor');
    if (!editor) return;
    if (state.shown === undefined) {
      const lines = editor.querySelector('.view-lines');
      if (lines && lines.textContent.replace(/\u00a0/g, ' ').includes(firstLine)) {
        state.shown = performance.now();
        state.shownWall = Date.now();
      }
    }
    if (state.shown === undefined) return;
    if (state.squiggle === undefined && editor.querySelector('.view-overlays [class*="squiggly-"]:not([class*="squiggly-hint"])')) {
      state.squiggle = performance.now();
      state.squiggleWall = Date.now();
    }
    if (state.reference === undefined && editor.querySelector('.view-overlays [class*="squiggly-hint"]')) state.reference = performance.now();
  };
  const start = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
}

/** Install the probe for every load of `page` (call before the first navigation). */
export async function installFirstSquiggleProbe(page, firstLine) {
  await page.addInitScript(probe, firstLine);
}

/**
 * Wait until the current load of the page has drawn the first squiggle; returns {shownAt, squiggleAt, ms}
 * (ms = squiggle - shown) or undefined on time-out, with referenceMs (the reference's hint - shown) when the
 * reference extension is installed and drew within a few seconds more.
 */
export async function waitForFirstSquiggle(page, timeoutMs, { reference = false } = {}) {
  const read = () => page.evaluate(() => {
    const s = window.__firstSquiggle;
    return s && { shownAt: s.shown, squiggleAt: s.squiggle, referenceAt: s.reference, shownWall: s.shownWall, squiggleWall: s.squiggleWall };
  });
  const handle = await page.waitForFunction(() => window.__firstSquiggle?.squiggle !== undefined, null, { timeout: timeoutMs, polling: 100 }).catch(() => undefined);
  if (!handle) return undefined;
  let seen = await read();
  for (const until = Date.now() + 5000; reference && seen.referenceAt === undefined && Date.now() < until;) {
    await page.waitForTimeout(100);
    seen = await read();
  }
  const { shownAt, squiggleAt, referenceAt, shownWall, squiggleWall } = seen;
  const clock = t => new Date(t).toISOString().slice(11, 23);
  return {
    shownAt: Math.round(shownAt), squiggleAt: Math.round(squiggleAt), ms: Math.round(squiggleAt - shownAt),
    ...(referenceAt !== undefined ? { referenceMs: Math.round(referenceAt - shownAt) } : {}),
    shown: clock(shownWall), squiggle: clock(squiggleWall),
  };
}

/**
 * A .vsix of the squiggle reference extension (vsce, a few seconds), or undefined with the reason logged: the
 * e2e then checks the absolute targets alone.
 */
export function packageReference(outDir, say) {
  const dir = fileURLToPath(new URL('../fixtures/reference-extension/', import.meta.url));
  const out = path.join(outDir, 'squiggle-reference.vsix');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  if (r.status === 0 && fs.existsSync(out)) return out;
  say(`the squiggle reference was not packaged (vsce exited ${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').at(-1)}`);
  return undefined;
}

/** How oversubscribed the machine is: the 1-minute load average over the cores, at least 1. */
export function loadFactor() {
  const cores = os.cpus().length || 1;
  const load = os.loadavg()[0];
  return { factor: Math.max(1, load / cores), load, cores };
}
