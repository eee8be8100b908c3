import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/**
 * The real server entry (`npm start` runs it), with the embedded database: it must stop cleanly on
 * SIGTERM and SIGINT, and its database process must never outlive it, even when it is killed.
 */
const ROOT = path.resolve(__dirname, '../..');

function databaseProcessesFor(dataDir: string): number {
  try {
    return execFileSync('pgrep', ['-f', `ferretdb-host -dir ${dataDir}`]).toString().trim().split('\n').filter(Boolean).length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

async function startServer(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', H5_DIR: '', SEED_DEMO: 'false', MONGODB_URI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (c) => { out += c; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (c) => {
      out += c;
      const m = /open (http:\/\/\S+?)\/\s/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)); });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited };
}

/** Sends headers and half a body, calls `during`, then sends the rest; resolves with the status. */
function slowRequest(url: string, during: () => void): Promise<number> {
  const body = JSON.stringify({ openid: 'slow-client', role: 'resident' });
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) + 1 } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      during();
      setTimeout(() => req.end(body.slice(10) + ' '), 300);
    }, 300);
  });
}

async function waitUntil(check: () => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until && !check()) await new Promise((r) => setTimeout(r, 100));
  return check();
}

describe('server process lifecycle', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-life-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('finishes in-flight work and stops the database on %s', async (signal) => {
    const s = await startServer(dataDir);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    expect(databaseProcessesFor(dataDir)).toBe(1);
    // A request whose body is still arriving when the signal comes is finished, not cut off.
    const inFlight = slowRequest(s.url, () => s.child.kill(signal));
    expect(await inFlight).toBe(200);
    expect(await s.exited).toBe(0);
    expect(await waitUntil(() => databaseProcessesFor(dataDir) === 0)).toBe(true);
  });

  it('leaves no database process behind when the server is killed outright', async () => {
    const s = await startServer(dataDir);
    expect(databaseProcessesFor(dataDir)).toBe(1);
    s.child.kill('SIGKILL');
    await s.exited;
    expect(await waitUntil(() => databaseProcessesFor(dataDir) === 0)).toBe(true);
  });
});
