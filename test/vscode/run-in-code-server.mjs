#!/usr/bin/env node
// Runs a mocha suite INSIDE an extension host of a real VS Code (code-server 4.139.1, Code 1.139.1), driven
// by headless Debian Chromium: the Node extension host, or with --web the web worker extension host (as in
// vscode.dev: no Node; the extension's `browser` entry). No Microsoft download: needs `bash scripts/setup-vscode-test.sh` once
// and `node scripts/build-vscode-tests.mjs` before each run. Runs on the system Node (20+).
//
// Usage: node test/vscode/run-in-code-server.mjs [options]
//   --extension-path DIR  extension under development (default: project root)
//   --tests-path FILE     runner exporting run(): Promise<void> (default: out/test/vscode/index.cjs;
//                         with --web out/test/vscode-web/index.cjs)
//   --web                 run the extension in the web worker extension host (payload
//                         ["extensionDevelopmentKind","web"]); the summary comes from the log (no file system there)
//   --expected FILE       copied into the workspace copy as .vscode-test/expected.json (hosts.test.ts reads it)
//   --findings FILE       where to save the findings the suite logs (RECOVERY_LINT_FINDINGS {json})
//   --screenshots DIR     take the screenshots the suite asks for (RECOVERY_LINT_SCREENSHOT name) as DIR/name.png
//   --workspace DIR       folder to open; copied to a temp dir first (default: test/vscode/fixtures/workspace)
//   --timeout MS          whole-run limit after code-server is up (default: 180000)
//   --result FILE         write {passes, failures, tests, pending} JSON there
//   --workspace-trust     keep Workspace Trust on (the copied folder then opens in Restricted Mode);
//                         default passes --disable-workspace-trust
//   --grep REGEXP         only tests whose full title matches (VSCODE_TEST_GREP in the extension host;
//                         .vscode-test/driver.json in the workspace copy for the web worker host)
//   --env KEY=VALUE       extra env var for the extension host (repeatable)
//   --keep                keep the temp dir (logs, user data, workspace copy); --verbose: all workbench log lines
// Exit: 0 all passed, 1 test failures, 2 infrastructure error (setup missing, code-server broken, timeout).
// Env: CODE_SERVER_NODE, CODE_SERVER_DIR, CHROMIUM_PATH, VSCODE_TEST_CACHE override where things are.
import fs from 'node:fs';
import path from 'node:path';
import {
  InfraError, ROOT, checkInstalled, clock, copyWorkspace, launchChromium, makeSandbox, startCodeServer, teardown, cliOptions,
} from './lib/code-server.mjs';
import { prepareExchange, suiteLog } from './lib/suite-log.mjs';

const SPEC = {
  'extension-path': { default: ROOT },
  'tests-path': { default: undefined },
  web: { flag: true, default: false },
  expected: { default: undefined },
  findings: { default: undefined },
  screenshots: { default: undefined },
  workspace: { default: path.join(ROOT, 'test/vscode/fixtures/workspace') },
  timeout: { default: 180000, number: true },
  result: { default: undefined },
  'workspace-trust': { flag: true, default: false },
  grep: { default: undefined },
  env: { repeat: true },
  keep: { flag: true, default: false },
  verbose: { flag: true, default: false },
};

const ms = clock();
const say = msg => console.log(`[vscode-test ${ms()}] ${msg}`);

async function main(opts) {
  checkInstalled();
  const extPath = path.resolve(opts['extension-path']);
  const testsPath = path.resolve(opts['tests-path'] ?? path.join(ROOT, opts.web ? 'out/test/vscode-web/index.cjs' : 'out/test/vscode/index.cjs'));
  if (!fs.existsSync(path.join(extPath, 'package.json'))) throw new InfraError(`no package.json in --extension-path ${extPath}`);
  if (!fs.existsSync(testsPath)) throw new InfraError(`--tests-path ${testsPath} not found (run: node scripts/build-vscode-tests.mjs)`);
  const extraEnv = {};
  for (const kv of opts.env) {
    const i = kv.indexOf('=');
    if (i < 1) throw new InfraError(`--env needs KEY=VALUE, got ${kv}`);
    extraEnv[kv.slice(0, i)] = kv.slice(i + 1);
  }

  // --web: the payload entry ["extensionDevelopmentKind","web"] is read into the web workbench's environment as
  // `extensionDevelopmentLocationKind`, while the running-location tracker reads `extensionDevelopmentKind`
  // (Code 1.139): it does not take effect. The user setting remote.extensionKind (the same kinds, per extension
  // id) does: the extension runs in the web worker extension host. Both are given.
  const pkg = JSON.parse(fs.readFileSync(path.join(extPath, 'package.json'), 'utf8'));
  const sb = makeSandbox('vscode-test-', {
    ...(opts.web ? { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: ['web'] } } : {}),
    ...(opts.screenshots ? { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } : {}), // no empty chat bar in the pictures
  });
  let cs;
  let browser;
  try {
    const workspace = copyWorkspace(opts.workspace, sb.tmp);
    const resultFile = path.join(sb.tmp, 'mocha-result.json');
    const exchange = prepareExchange(workspace, { expected: opts.expected, screenshots: opts.screenshots, grep: opts.grep });
    cs = await startCodeServer(sb, { trust: !opts['workspace-trust'], smokeTestDriver: true });
    say(`code-server up on ${cs.authority} (workspace copy: ${workspace})`);

    browser = await launchChromium(path.join(sb.tmp, 'chromium-profile'));
    const page = browser.pages()[0] || await browser.newPage();
    let finish;
    const finished = new Promise(r => { finish = r; });
    // The workbench calls these (IAutomatedWindow) when present: every log line incl. the extension host's
    // console (mocha's reporter), and the extension host's exit code once run() settled.
    const log = suiteLog({ page, exchange, findings: opts.findings, screenshots: opts.screenshots, verbose: opts.verbose, say });
    await page.exposeFunction('codeAutomationLog', log.handler);
    await page.exposeFunction('codeAutomationExit', code => finish({ code }));
    page.on('crash', () => finish({ infra: 'the browser page crashed' }));
    // The web worker extension host's console reaches the page's console (the Node host's reaches codeAutomationLog).
    if (opts.verbose) page.on('console', m => console.log(`[console ${m.type()}] ${m.text()}`));

    const remote = p => `vscode-remote://${cs.authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extPath)],
      ...(opts.web ? [['extensionDevelopmentKind', 'web']] : []),
      ['extensionTestsPath', remote(testsPath)],
      ['extensionEnvironment', JSON.stringify({
        VSCODE_TEST_RESULT_FILE: resultFile,
        ...(opts.grep ? { VSCODE_TEST_GREP: opts.grep } : {}),
        ...extraEnv,
      })],
    ];
    await page.goto(`http://${cs.authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    let timer;
    const outcome = await Promise.race([
      finished,
      cs.broken.then(reason => ({ infra: `VS Code server broken: ${reason}` })),
      new Promise(r => { timer = setTimeout(() => r({ infra: `no result after ${opts.timeout} ms (--timeout)` }), opts.timeout); }),
    ]);
    clearTimeout(timer);
    if (outcome.infra) throw new InfraError(outcome.infra);
    say(`extension host exited with ${outcome.code}`);

    let summary;
    try { summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { summary = log.summary(); }
    if (!summary) {
      // run() never reported: the runner itself did not load, or the extension host died
      throw new InfraError(`extension host exited with ${outcome.code} and the test runner wrote no result (${testsPath})`);
    }
    const failed = outcome.code !== 0 || summary.failures > 0;
    return { summary, exitCode: failed ? 1 : 0, cs, sb };
  } finally {
    await teardown({ browser, cs, sb, keep: opts.keep, say });
  }
}

function writeResult(file, summary) {
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
}

const opts = cliOptions('run-in-code-server', import.meta.url, SPEC);

main(opts).then(({ summary, exitCode }) => {
  const out = { passes: summary.passes, failures: summary.failures, tests: summary.tests, pending: summary.pending };
  if (summary.error) out.error = summary.error;
  writeResult(opts.result, out);
  say(`done, exit ${exitCode}`);
  console.log(`vscode: ${out.passes} passed, ${out.failures} failed, ${out.pending} skipped`);
  process.exit(exitCode);
}, e => {
  const reason = e instanceof InfraError ? e.message : (e?.stack || String(e));
  writeResult(opts.result, { passes: 0, failures: 0, tests: 0, pending: 0, error: reason.split('\n')[0] });
  console.error(`run-in-code-server: infrastructure error: ${reason}`);
  say('done, exit 2');
  process.exit(2);
});
