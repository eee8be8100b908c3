/**
 * Builds the WeChat mini-program (Taro, weapp) and checks package sizes against WeChat's limits:
 * the main package (everything in dist/weapp outside a subpackage root) and each subpackage must
 * stay ≤ 2 MB. Run from the repo root: `npm run build:weapp`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const LIMIT = 2 * 1024 * 1024;
const root = path.resolve(__dirname, '..');
const miniprogram = path.join(root, 'miniprogram');
const dist = path.join(miniprogram, 'dist', 'weapp');

function build(): void {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  // --no-check: otherwise taro fetches a config schema from the internet on every build.
  const result = spawnSync(npx, ['taro', 'build', '--type', 'weapp', '--no-check'], {
    cwd: miniprogram,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  if (result.status !== 0) {
    console.error(`weapp build failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function subpackageRoots(): string[] {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, ''));
}

function formatBytes(n: number): string {
  return `${n} B (${(n / 1024).toFixed(1)} KB)`;
}

function main(): void {
  if (!process.argv.includes('--skip-build')) build();
  if (!existsSync(path.join(dist, 'app.json'))) {
    console.error(`no build output at ${dist}`);
    process.exit(1);
  }
  const roots = subpackageRoots();
  const sizes = new Map<string, number>(roots.map((r) => [r, 0]));
  let main = 0;
  for (const file of listFiles(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    const bytes = statSync(file).size;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (owner) sizes.set(owner, (sizes.get(owner) ?? 0) + bytes);
    else main += bytes;
  }

  const problems: string[] = [];
  console.log('\nweapp package sizes (limit 2 MB each):');
  console.log(`  main package: ${formatBytes(main)}`);
  if (main > LIMIT) problems.push(`main package is ${formatBytes(main)}, over 2 MB`);
  for (const [r, bytes] of sizes) {
    console.log(`  subpackage ${r}: ${formatBytes(bytes)}`);
    if (bytes > LIMIT) problems.push(`subpackage ${r} is ${formatBytes(bytes)}, over 2 MB`);
  }
  const total = main + [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`  total: ${formatBytes(total)}`);
  if (problems.length) {
    for (const p of problems) console.error(`ERROR: ${p}`);
    process.exit(1);
  }
}

main();
