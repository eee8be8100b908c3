// `npm test`: the checks (`npm run check`), then every test — unit, integration against the real
// embedded database, the mini-program's component tests, and browser tests of the H5 build in
// Debian's Chromium. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from '../server/src/core/db/ferretdbBinary';
import { buildH5, ROOT } from './h5';
import { contract } from './contractPart';

// The layout checks first (`npm run check`: tsc, ESLint, dependency-cruiser; docs/testing.md). A
// failure stops the run before any test, still with the closing line CI reads.
// SKIP_CHECKS=1 skips them (local runs only; CI never sets it).
if (process.env.SKIP_CHECKS === '1') {
  console.log('SKIP_CHECKS=1: not running `npm run check`.');
} else {
  const check = spawnSync('npm', ['run', '--silent', 'check'], { cwd: ROOT, stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('\nnpm test stopped: `npm run check` failed (type errors, lint errors or import-rule violations above). No test was run.');
    console.log('\n0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

// The weapp build with WeChat's own compiler and code-quality check (miniprogram-ci, offline) and
// the package-size limits (scripts/build-weapp.ts). SKIP_WEAPP=1 skips it (local runs only).
if (process.env.SKIP_WEAPP === '1') {
  console.log('SKIP_WEAPP=1: not running `npm run build:weapp`.');
} else {
  const weapp = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' });
  if (weapp.status !== 0) {
    console.error('\nnpm test stopped: `npm run build:weapp` failed (a compile error, a failed WeChat code-quality item or a package over its size limit, above).');
    console.log('\n0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

ensureFerretdbBinary((l) => console.log(l));
// The browser tests run against the current sources, so the H5 app is always rebuilt here.
buildH5();

interface Counts { passed: number; failed: number; skipped: number; total: number; ok: boolean }

/**
 * One jest run. The browser tests and the tests that start their own API processes run on their
 * own after the rest, one file at a time: on a 2-core machine they otherwise compete with the
 * integration tests for the CPU, time out, or see a starved process answer 503.
 */
function jest(name: string, args: string[]): Counts {
  const results = path.join(ROOT, '.tmp', `jest-${name}.json`);
  mkdirSync(path.dirname(results), { recursive: true });
  rmSync(results, { force: true });
  const run = spawnSync('npx', ['jest', '--passWithNoTests', '--json', `--outputFile=${results}`, ...args, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  try {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests, total: r.numTotalTests, ok: run.status === 0 };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, total: 0, ok: false };
  }
}

// The contract test (Schemathesis from /docs/json, scripts/contract.ts) runs after the integration tests.
const parts = [
  jest('main', ['--maxWorkers=2', '--selectProjects', 'unit', 'integration', 'miniprogram']),
  contract(),
  jest('alone', ['--runInBand', '--selectProjects', 'processes', 'browser']),
];
const sum = (k: 'passed' | 'failed' | 'skipped' | 'total') => parts.reduce((n, p) => n + p[k], 0);
// The plain closing line CI reads.
console.log(`\n${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(parts.every((p) => p.ok) && sum('total') > 0 ? 0 : 1);
