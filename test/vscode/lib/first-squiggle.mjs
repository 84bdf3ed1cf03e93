// Time from "the document is shown" to "its first squiggle is drawn", measured in the page itself (one clock,
// performance.now(), sampled on every DOM mutation), so the browser <-> test round trips do not blur it.
import os from 'node:os';

// The probe is an init script: it is installed again on every load of the workbench (a window reload too).

/** The page-side probe: marks `shown` when an editor shows `firstLine`, `squiggle` when a squiggle decoration appears in it. */
function probe(firstLine) {
  const state = { shown: undefined, squiggle: undefined };
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
    if (state.shown !== undefined && state.squiggle === undefined && editor.querySelector('.view-overlays [class*="squiggly-"]')) {
      state.squiggle = performance.now();
      state.squiggleWall = Date.now();
    }
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
 * (ms = squiggle - shown) or undefined on time-out.
 */
export async function waitForFirstSquiggle(page, timeoutMs) {
  const handle = await page.waitForFunction(() => {
    const s = window.__firstSquiggle;
    return s && s.squiggle !== undefined && { shownAt: s.shown, squiggleAt: s.squiggle, shownWall: s.shownWall, squiggleWall: s.squiggleWall };
  }, null, { timeout: timeoutMs, polling: 100 }).catch(() => undefined);
  if (!handle) return undefined;
  const { shownAt, squiggleAt, shownWall, squiggleWall } = await handle.jsonValue();
  const clock = t => new Date(t).toISOString().slice(11, 23);
  return { shownAt: Math.round(shownAt), squiggleAt: Math.round(squiggleAt), ms: Math.round(squiggleAt - shownAt), shown: clock(shownWall), squiggle: clock(squiggleWall) };
}

/** How oversubscribed the machine is: the 1-minute load average over the cores, at least 1. */
export function loadFactor() {
  const cores = os.cpus().length || 1;
  const load = os.loadavg()[0];
  return { factor: Math.max(1, load / cores), load, cores };
}
