import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
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

async function startServer(dataDir: string, opts: { env?: Record<string, string>; ownGroup?: boolean } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', H5_DIR: '', SEED_DEMO: 'false', MONGODB_URI: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, to signal the whole group as a terminal (Ctrl-C) or `kill -- -PGID` does.
    detached: opts.ownGroup ?? false,
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
    // Ready once its first database ping has answered (on a loaded machine that can follow the listen line).
    let ready = 0;
    for (let i = 0; i < 100 && ready !== 200; i++) {
      ready = (await fetch(`${s.url}/readyz`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
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

/**
 * One HTTP request on a raw socket, sent in two parts `pauseMs` apart (`cut` = where the first part
 * ends; it may end inside the request line, the headers or the body). Resolves with the status
 * code, or with the socket error's code (ECONNRESET …) if the request was cut off.
 */
function rawRequest(url: string, request: Buffer, cut: number, pauseMs: number, atPause: () => void = () => {}): Promise<number | string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (d) => { answer += d.toString('latin1'); });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    socket.on('close', () => { clearTimeout(rest); resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]) || 'closed without an answer'); });
    socket.write(request.subarray(0, cut));
    const rest = setTimeout(() => { atPause(); socket.write(request.subarray(cut)); }, pauseMs);
  });
}

function jsonRequest(pathname: string, body: unknown, token?: string): Buffer {
  const json = JSON.stringify(body);
  return Buffer.from(`POST ${pathname} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
    `${token ? `Authorization: Bearer ${token}\r\n` : ''}Connection: close\r\n\r\n${json}`);
}

function uploadRequest(token: string): Buffer {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 0x20), Buffer.from('\n%%EOF\n')]);
  const body = Buffer.concat([
    Buffer.from('--b0undary\r\nContent-Disposition: form-data; name="file"; filename="证明.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
    pdf,
    Buffer.from('\r\n--b0undary--\r\n'),
  ]);
  return Buffer.concat([
    Buffer.from(`POST /api/v1/files?purpose=document HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`),
    body,
  ]);
}

/** A client that keeps one kept-alive connection busy until stopped: every answer's status, or the error's code. */
function keepAliveClient(url: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const outcomes: (number | string)[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      outcomes.push(await new Promise<number | string>((resolve) => {
        http.get(`${url}/healthz`, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode!)); })
          .on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      }));
      await new Promise((r) => setTimeout(r, 40));
    }
    agent.destroy();
  })();
  return { outcomes, stop: async () => { running = false; await done; } };
}

describe('draining on SIGTERM', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-drain-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('SIGTERM to the whole process group with slow requests in flight: each finishes 2xx, none is reset, then exit 0', async () => {
    const s = await startServer(dataDir, { ownGroup: true });
    const token = await new Promise<string>((resolve, reject) => {
      fetch(`${s.url}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'drain-uploader' }) })
        .then(async (r) => resolve(((await r.json()) as { accessToken: string }).accessToken), reject);
    });
    const keptAlive = keepAliveClient(s.url);
    await new Promise((r) => setTimeout(r, 200));

    // The signal goes to the group, as a terminal's Ctrl-C or a supervisor's group kill does: the
    // database process must not go with it while these requests still need it.
    const signal = () => process.kill(-s.child.pid!, 'SIGTERM');
    const signIn = (n: number) => jsonRequest('/api/v1/auth/dev', { openid: `drain-${n}` });
    const upload = uploadRequest(token);
    const slow = [
      rawRequest(s.url, signIn(1), 40, 300, signal), // the body is still arriving when the signal comes
      rawRequest(s.url, signIn(2), 20, 900), // only part of the headers has arrived
      rawRequest(s.url, signIn(3), 60, 1500),
      rawRequest(s.url, upload, 4000, 1200), // an upload arriving slowly
      rawRequest(s.url, jsonRequest('/api/v1/auth/refresh', { refreshToken: 'x'.repeat(43) }), 10, 700), // finishes with its own answer (401)
    ];
    const statuses = await Promise.all(slow);
    expect(statuses).toEqual([200, 200, 200, 201, 401]);
    expect(await s.exited).toBe(0);
    await keptAlive.stop();
    // The kept-alive client was answered, then told to close; afterwards its new connections were
    // refused (nothing sent, safe to retry elsewhere). Never a reset or a hang-up mid-request.
    expect(keptAlive.outcomes.length).toBeGreaterThan(3);
    for (const o of keptAlive.outcomes) expect([200, 'ECONNREFUSED']).toContain(o);
    expect(await waitUntil(() => databaseProcessesFor(dataDir) === 0)).toBe(true);
  });

  it('cuts what is still unfinished after the drain time (shutdownGraceMs), then closes the database and exits 0', async () => {
    const s = await startServer(dataDir, { env: { SHUTDOWN_GRACE_MS: '1500' } });
    const started = Date.now();
    // A client that never sends the rest of its body.
    const stuck = rawRequest(s.url, jsonRequest('/api/v1/auth/dev', { openid: 'never-finishes' }), 50, 60_000, () => {});
    await new Promise((r) => setTimeout(r, 300));
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1500);
    expect(took).toBeLessThan(1500 + 6000);
    expect(typeof (await stuck)).toBe('string'); // its connection was closed without an answer
    expect(await waitUntil(() => databaseProcessesFor(dataDir) === 0)).toBe(true);
  });
});
