// `npm run check`: the checks that keep the code's layout (docs/testing.md, "Checks") — TypeScript
// over every package, ESLint, dependency-cruiser. Runs the package.json scripts below two at a time
// (one per core), prints each one's output as a block when it ends, and exits 1 if any failed,
// naming them. `npm test` runs it before the tests.
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** Longest first, so the two lanes end at about the same time. */
const CHECKS = ['typecheck:root', 'typecheck:miniprogram', 'lint', 'check:deps'];
const PARALLEL = 2;

interface Outcome { name: string; ok: boolean; seconds: number }

function run(name: string): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0;
      console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s)`);
      if (output.trim()) console.log(output.trimEnd());
      resolve({ name, ok, seconds });
    });
  });
}

async function main(): Promise<void> {
  const queue = [...CHECKS];
  const outcomes: Outcome[] = [];
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) outcomes.push(await run(name));
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
  if (failed.length > 0) {
    console.log(`\nChecks failed: ${failed.join(', ')} (run \`npm run ${failed[0]}\` to see it alone).`);
    process.exit(1);
  }
  console.log(`\nChecks passed: ${CHECKS.join(', ')}.`);
}

void main();
