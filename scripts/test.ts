// `npm test`: every test — unit, integration against the real embedded database, the mini-program's
// component tests, and browser tests of the H5 build in Debian's Chromium. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from '../server/src/db/ferretdbBinary';
import { buildH5, ROOT } from './h5';

ensureFerretdbBinary((l) => console.log(l));
// The browser tests run against the current sources, so the H5 app is always rebuilt here.
buildH5();

const results = path.join(ROOT, '.tmp', 'jest-results.json');
mkdirSync(path.dirname(results), { recursive: true });
const jest = spawnSync('npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${results}`, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });

try {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  // The plain closing line CI reads.
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  if (r.numTotalTests === 0) process.exit(1);
} catch {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
process.exit(jest.status ?? 1);
