// Run after `npm install` changes package-lock.json (`npm run fix-lockfile`).
//
// Why: the package registry reachable from this project's machines does not serve other
// platforms' optional native binaries (e.g. @swc/core-darwin-arm64). `npm install` then leaves
// them out of package-lock.json, and `npm ci` refuses the lockfile as "not in sync". This adds
// each missing optional package as a stub entry marked optional; npm ci skips it on Linux x64
// (an optional package that cannot be fetched is not an error).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const LOCK = path.join(ROOT, 'package-lock.json');

function missingFromLock(): Array<[string, string]> {
  let out = '';
  try {
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    out = String((err as { stderr?: Buffer }).stderr ?? '');
  }
  return [...out.matchAll(/Missing: (@?[^@\s]+)@(\S*) from lock file/g)].map((m) => [m[1], m[2]]);
}

type Entry = { version?: string; dev?: boolean; optional?: boolean; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, Entry> };
let added = 0;
for (const [name, version] of missingFromLock()) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const parent = Object.values(lock.packages).find((p) => p.optionalDependencies?.[name]);
  if (!parent) throw new Error(`${name} is missing from the lockfile and is not an optional dependency: run npm install`);
  lock.packages[key] = { version: version || parent.optionalDependencies![name], optional: true, ...(parent.dev ? { dev: true } : {}) };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional stub entr${added === 1 ? 'y' : 'ies'} added`);
