import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The embedded database is FerretDB compiled into the project's own small Go program
 * (tools/ferretdb-host), over a copy of the pinned FerretDB module with the project's patches
 * (tools/ferretdb-host/patches/*.patch, see its README) applied. It is built with the Go toolchain
 * on first use and cached: the build is redone only when its sources or patches change.
 */
export const FERRETDB_HOST_DIR = path.resolve(__dirname, '../../../../tools/ferretdb-host');
export const FERRETDB_HOST_BIN = path.join(FERRETDB_HOST_DIR, 'bin', 'ferretdb-host');
const STAMP = path.join(FERRETDB_HOST_DIR, 'bin', '.source-hash');
const PATCHES = path.join(FERRETDB_HOST_DIR, 'patches');
/** Where go.mod's `replace` points: the pinned module, patched. */
const PATCHED_SRC = path.join(FERRETDB_HOST_DIR, 'bin', 'ferretdb-src');
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

function patchFiles(): string[] {
  return readdirSync(PATCHES).filter((f) => f.endsWith('.patch')).sort().map((f) => path.join(PATCHES, f));
}

function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) h.update(readFileSync(path.join(FERRETDB_HOST_DIR, f)));
  for (const p of patchFiles()) h.update(path.basename(p)).update(readFileSync(p));
  return h.digest('hex');
}

/** The FerretDB version go.mod requires (the `replace` swaps in its patched copy). */
function pinnedVersion(): string {
  const m = /^\s*github\.com\/FerretDB\/FerretDB (v\S+)/m.exec(readFileSync(path.join(FERRETDB_HOST_DIR, 'go.mod'), 'utf8'));
  if (!m) throw new Error('tools/ferretdb-host/go.mod does not require github.com/FerretDB/FerretDB');
  return m[1];
}

/** Copies the pinned module out of Go's module cache and applies every patch, in name order. */
function preparePatchedSource(env: NodeJS.ProcessEnv): void {
  const version = pinnedVersion();
  // Outside the host's module, so its `replace` does not hide the real module from the download.
  const outside = mkdtempSync(path.join(tmpdir(), 'ferretdb-download-'));
  let dir: string;
  try {
    const out = execFileSync('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${version}`], { cwd: outside, env: { ...env, GOFLAGS: '-mod=mod' }, encoding: 'utf8' });
    dir = (JSON.parse(out) as { Dir: string }).Dir;
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
  rmSync(PATCHED_SRC, { recursive: true, force: true });
  cpSync(dir, PATCHED_SRC, { recursive: true });
  chmodRecursive(PATCHED_SRC);
  // FerretDB reads its version from build info when it is a dependency; a replaced copy has none.
  writeFileSync(path.join(PATCHED_SRC, 'build', 'version', 'version.txt'), `${version}\n`);
  for (const p of patchFiles()) {
    execFileSync('patch', ['-p1', '--forward', '--batch', '--quiet', '-d', PATCHED_SRC, '-i', p], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
}

/** The module cache is read-only; the copy must be writable to be patched (and removed later). */
function chmodRecursive(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chmodRecursive(p);
    else chmodSync(p, 0o644);
  }
}

export function ensureFerretdbBinary(log: (line: string) => void = () => {}): string {
  const hash = sourceHash();
  if (existsSync(FERRETDB_HOST_BIN) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return FERRETDB_HOST_BIN;
  log('Building the embedded database (FerretDB over SQLite, patched) with Go; the first build takes a minute or two…');
  const env = { ...process.env, CGO_ENABLED: '0' };
  preparePatchedSource(env);
  // Built beside the binary and renamed over it: hosts already running keep their file, and one
  // starting meanwhile never finds a half-written binary.
  const fresh = `${FERRETDB_HOST_BIN}.${process.pid}`;
  execFileSync('go', ['build', '-trimpath', '-o', fresh, '.'], {
    cwd: FERRETDB_HOST_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  renameSync(fresh, FERRETDB_HOST_BIN);
  writeFileSync(STAMP, hash);
  return FERRETDB_HOST_BIN;
}
