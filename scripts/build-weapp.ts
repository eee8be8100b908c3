/**
 * Builds the WeChat mini-program (Taro, weapp) and checks it as WeChat would, offline:
 * 1. package sizes: the main package (everything in dist/weapp outside a subpackage root) ≤ 1 MB
 *    (our own budget: WeChat allows 2 MB, and a small main package opens fast), each subpackage
 *    ≤ 2 MB (WeChat's limit);
 * 2. WeChat's own compiler over the output (`miniprogram-ci` getCompiledResult: the WXML/WXSS/JS
 *    compilation the developer tools run before an upload) — a compile error fails the build;
 * 3. WeChat's code-quality check (`miniprogram-ci` checkCodeQuality: JS/WXML/WXSS compression,
 *    lazy code loading, package size, images and audio ≤ 200 KB, no code in the main package used
 *    only by a subpackage, no unused components, plugins or files) — any failed item fails the build.
 * Nothing is uploaded and nothing leaves the machine: the project attributes are WeChat's published
 * defaults given locally (no `getattr`), the signing key is a throwaway RSA key made for this run
 * (the checks never use it), and miniprogram-ci's one optional request (its list of extra file
 * types) goes to a proxy on 127.0.0.1 that refuses, so it falls back to its built-in list.
 *
 * `npm run build:weapp` (from the repo root); `-- --skip-build` checks the existing dist/weapp.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MAIN_LIMIT = 1024 * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
/** A placeholder appid of the right form: the offline checks never send it anywhere. */
const OFFLINE_APPID = 'wx0000000000000000';
/** A local port nothing listens on: miniprogram-ci's optional request is refused at once, on this machine. */
const REFUSING_PROXY = 'http://127.0.0.1:9';

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

/** Problems with the package sizes (empty when within the limits). */
function checkSizes(): string[] {
  const roots = subpackageRoots();
  const sizes = new Map<string, number>(roots.map((r) => [r, 0]));
  let main = 0;
  for (const file of listFiles(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    if (rel === 'project.config.json' || rel === 'project.private.config.json') continue; // tool settings, not shipped
    const bytes = statSync(file).size;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    if (owner) sizes.set(owner, (sizes.get(owner) ?? 0) + bytes);
    else main += bytes;
  }
  const problems: string[] = [];
  console.log('\nweapp package sizes (main ≤ 1 MB, each subpackage ≤ 2 MB):');
  console.log(`  main package: ${formatBytes(main)}`);
  if (main > MAIN_LIMIT) problems.push(`main package is ${formatBytes(main)}, over 1 MB`);
  for (const [r, bytes] of sizes) {
    console.log(`  subpackage ${r}: ${formatBytes(bytes)}`);
    if (bytes > SUBPACKAGE_LIMIT) problems.push(`subpackage ${r} is ${formatBytes(bytes)}, over 2 MB`);
  }
  const total = main + [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`  total: ${formatBytes(total)}`);
  return problems;
}

interface QualityItem { name: string; success: boolean; text: string; detail?: unknown }

/**
 * Runs `fn`, turning a crash of miniprogram-ci's internals into a rejection: its compiler starts a
 * child process and, when that child is not ready within 20 s (a loaded 2-core machine), throws
 * "fork process timeout" from a timer instead of rejecting.
 */
function guarded<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onCrash = (err: unknown) => { cleanup(); reject(err); };
    const cleanup = () => { process.off('uncaughtException', onCrash); process.off('unhandledRejection', onCrash); };
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    fn().then((v) => { cleanup(); resolve(v); }, (e: unknown) => { cleanup(); reject(e); });
  });
}

/** The compile, tried again (up to three times) only when its worker did not start in time; a compile error is never retried. */
async function compileWithRetry(run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await guarded(run);
    } catch (err) {
      if (attempt >= 3 || !/fork process timeout/.test(err instanceof Error ? err.message : String(err))) throw err;
      console.log(`WeChat compiler: its worker did not start in time (attempt ${attempt}); trying again`);
    }
  }
}

/** WeChat's compiler and code-quality check over dist/weapp, offline. Problems found (empty when clean). */
async function wechatChecks(): Promise<string[]> {
  // miniprogram-ci reads proxy settings once, when it loads: set before the require.
  process.env.HTTPS_PROXY = REFUSING_PROXY;
  process.env.HTTP_PROXY = REFUSING_PROXY;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  ci.proxy(REFUSING_PROXY);

  const keyDir = mkdtempSync(path.join(tmpdir(), 'weapp-ci-'));
  const problems: string[] = [];
  try {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const privateKeyPath = path.join(keyDir, 'private.key');
    writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
    const project = new ci.Project({ appid: OFFLINE_APPID, type: 'miniProgram', projectPath: dist, privateKeyPath, ignores: ['node_modules/**/*'] });
    // The project's attributes from WeChat's published defaults, here: with a key, attr() would ask WeChat's server.
    project.attr = async () => ({ ...ci.DefaultProjectAttr, setting: { ...ci.DefaultProjectAttr.setting } });

    const quality = (await ci.checkCodeQuality(project)) as QualityItem[];
    console.log('\nWeChat code-quality check:');
    for (const item of quality) {
      console.log(`  ${item.success ? 'ok  ' : 'FAIL'} ${item.name}${item.success ? '' : `: ${item.text}`}`);
      if (!item.success) problems.push(`code quality ${item.name}: ${item.text}${item.detail ? ` ${JSON.stringify(item.detail).slice(0, 500)}` : ''}`);
    }

    const started = Date.now();
    try {
      const compiled = await compileWithRetry(() => ci.getCompiledResult({ project, version: '0.0.0-offline-check', setting: { useProjectConfig: true }, onProgressUpdate: () => undefined }));
      console.log(`\nWeChat compiler: ${Object.keys(compiled).length} files compiled (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      problems.push(`WeChat compiler: ${err instanceof Error ? err.message : String(err)}`);
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
  return problems;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!process.argv.includes('--skip-build')) build();
  if (!existsSync(path.join(dist, 'app.json'))) {
    console.error(`no build output at ${dist}`);
    process.exit(1);
  }
  const problems = [...checkSizes(), ...(await wechatChecks())];
  console.log(`\nbuild:weapp took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (problems.length) {
    for (const p of problems) console.error(`ERROR: ${p}`);
    process.exit(1);
  }
  console.log('weapp: WeChat compiler and code-quality check passed');
  // miniprogram-ci may leave a worker or timer behind: the result is in, so end here.
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
