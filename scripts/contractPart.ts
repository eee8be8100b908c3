// The contract test as one part of `npm test` (scripts/test.ts), counted like the jest parts:
// it runs `npm run test:contract` (scripts/contract.ts) and reads the counts that run leaves.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './h5';

/** Where scripts/contract.ts leaves its reports, and its counts (operations tested, failed, not tested). */
export const CONTRACT_REPORTS = path.join(ROOT, '.tmp', 'contract');
export const CONTRACT_SUMMARY = path.join(CONTRACT_REPORTS, 'summary.json');

export function contract(): { passed: number; failed: number; skipped: number; total: number; ok: boolean } {
  rmSync(CONTRACT_SUMMARY, { force: true });
  const run = spawnSync('npx', ['tsx', 'scripts/contract.ts'], { cwd: ROOT, stdio: 'inherit' });
  try {
    const counts = JSON.parse(readFileSync(CONTRACT_SUMMARY, 'utf8'));
    return { passed: counts.passed, failed: counts.failed, skipped: counts.skipped, total: counts.total, ok: run.status === 0 };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, total: 0, ok: false };
  }
}
