#!/usr/bin/env node
// `npm test`: typecheck, unit tests, build both targets, then E2E in Chromium and in Firefox.
// Every stage runs even when an earlier one failed, so one run shows everything that is wrong.
// The last line is the plain total: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.output/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.argv.slice(2); // e.g. `node tests/run.mjs unit e2e-chromium`
const stages = [
  { name: 'check', cmd: ['npm', 'run', 'check'] },
  { name: 'unit', vitest: ['--project', 'unit'] },
  { name: 'build', cmd: ['npm', 'run', 'build:all'] },
  { name: 'e2e-chromium', vitest: ['--project', 'e2e'], env: { QINGDU_BROWSER: 'chromium' } },
  { name: 'e2e-firefox', vitest: ['--project', 'e2e'], env: { QINGDU_BROWSER: 'firefox' } },
].filter((s) => only.length === 0 || only.includes(s.name));

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  const started = Date.now();
  const report = join(reports, `${stage.name}.json`);
  const args = stage.vitest
    ? ['npx', 'vitest', 'run', ...stage.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
    : stage.cmd;
  console.log(`\n=== ${stage.name}: ${args.join(' ')}`);
  const run = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...stage.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (stage.vitest) {
    let p = 0;
    let f = 0;
    if (existsSync(report)) {
      const json = JSON.parse(readFileSync(report, 'utf-8'));
      p = json.numPassedTests ?? 0;
      f = (json.numFailedTests ?? 0) + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
      // A suite that failed to load (e.g. its browser is missing) has no test results; count it.
      f += (json.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
    }
    if (run.status !== 0 && f === 0) f = 1;
    passed += p;
    failed += f;
    summary.push(`${stage.name}: ${p} passed, ${f} failed (${seconds} s)`);
  } else {
    const ok = run.status === 0;
    if (ok) passed += 1;
    else failed += 1;
    summary.push(`${stage.name}: ${ok ? 'ok' : `failed with exit code ${run.status}`} (${seconds} s)`);
  }
}
console.log('\n=== summary');
for (const line of summary) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
