import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded database is FerretDB compiled into the project's own small Go program
 * (tools/ferretdb-host). It is built with the Go toolchain on first use and cached: the build is
 * redone only when its sources change.
 */
export const FERRETDB_HOST_DIR = path.resolve(__dirname, '../../../../tools/ferretdb-host');
export const FERRETDB_HOST_BIN = path.join(FERRETDB_HOST_DIR, 'bin', 'ferretdb-host');
const STAMP = path.join(FERRETDB_HOST_DIR, 'bin', '.source-hash');

function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) h.update(readFileSync(path.join(FERRETDB_HOST_DIR, f)));
  return h.digest('hex');
}

export function ensureFerretdbBinary(log: (line: string) => void = () => {}): string {
  const hash = sourceHash();
  if (existsSync(FERRETDB_HOST_BIN) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return FERRETDB_HOST_BIN;
  log('Building the embedded database (FerretDB over SQLite) with Go; the first build takes a minute or two…');
  execFileSync('go', ['build', '-trimpath', '-o', FERRETDB_HOST_BIN, '.'], {
    cwd: FERRETDB_HOST_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  writeFileSync(STAMP, hash);
  return FERRETDB_HOST_BIN;
}
