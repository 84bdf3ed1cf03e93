// What the in-VS-Code suite says through the workbench log (codeAutomationLog), for every driver:
//   MOCHA_SUMMARY {json}              the runner's summary (the web worker host has no file to write it to)
//   RECOVERY_LINT_FINDINGS {json}     a host's findings (hosts.test.ts), saved to --findings
//   RECOVERY_LINT_SCREENSHOT name     take a screenshot into --screenshots/name.png, then write
//                                     <workspace>/.vscode-test/name.done, which the test waits for
// Everything else is printed, less the workbench's noise (NOISE) unless verbose.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { NOISE } from './code-server.mjs';

/** The files the suite reads from the workspace copy: the expected findings and the driver's options. */
export function prepareExchange(workspace, { expected, screenshots, grep }) {
  const exchange = path.join(workspace, '.vscode-test');
  fs.mkdirSync(exchange, { recursive: true });
  if (expected) fs.copyFileSync(path.resolve(expected), path.join(exchange, 'expected.json'));
  // The web worker host has no environment variables: the grep goes there too (test/vscode/web/runner.ts).
  fs.writeFileSync(path.join(exchange, 'driver.json'), JSON.stringify({ screenshots: Boolean(screenshots), grep }));
  return exchange;
}

/** A codeAutomationLog handler; `summary()` is the last MOCHA_SUMMARY seen (a missed screenshot counts as a failure). */
export function suiteLog({ page, exchange, findings, screenshots, verbose, say }) {
  let logged;
  const asked = [];
  const taken = [];
  const handler = async (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    const said = what => { const i = line.indexOf(`${what} `); return i < 0 ? undefined : line.slice(i + what.length + 1).trim(); };
    const summary = said('MOCHA_SUMMARY');
    if (summary) { try { logged = JSON.parse(summary); } catch { /* not ours */ } }
    const found = said('RECOVERY_LINT_FINDINGS');
    if (found) {
      if (findings) {
        fs.mkdirSync(path.dirname(path.resolve(findings)), { recursive: true });
        fs.writeFileSync(findings, found + '\n');
      }
      return;
    }
    const shot = said('RECOVERY_LINT_SCREENSHOT');
    if (shot && screenshots && /^[\w-]+$/.test(shot)) {
      asked.push(shot);
      fs.mkdirSync(screenshots, { recursive: true });
      const file = path.join(screenshots, `${shot}.png`);
      fs.rmSync(file, { force: true });
      await page.screenshot({ path: file }).then(() => taken.push(shot), e => console.error(`screenshot ${shot} failed: ${e.message}`));
      fs.writeFileSync(path.join(exchange, `${shot}.done`), '{}');
      say(`screenshot ${file}`);
      return;
    }
    if (verbose || !NOISE.test(line)) console.log(type === 'error' ? `[ext-host error] ${line}` : line);
  };
  /** The summary, with one more failure for each screenshot the suite asked for and did not get. */
  const summary = () => (logged && asked.length > taken.length ? { ...logged, failures: logged.failures + asked.length - taken.length } : logged);
  return { handler, summary };
}
