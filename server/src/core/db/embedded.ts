import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from './ferretdbBinary';

export interface EmbeddedDatabase {
  /** mongodb://127.0.0.1:PORT/ (no database name). Stays the same across restarts. */
  uri: string;
  port: number;
  dataDir: string;
  /** How often the process died and was started again. */
  restarts(): number;
  /** The current process's id (it changes with each restart). */
  pid(): number | undefined;
  /** Stops it for good (no restart). */
  stop(): Promise<void>;
}

/** Restart with backoff: first delay, doubled after each failure up to the maximum; back to the first once it stayed up `stableMs`. */
export interface RestartPolicy { firstDelayMs: number; maxDelayMs: number; stableMs: number }
const RESTART: RestartPolicy = { firstDelayMs: 250, maxDelayMs: 30_000, stableMs: 10_000 };
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: a child must never outlive us. (It also exits by itself when its stdin closes.) */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

interface Launched { child: ChildProcess; uri: string; startedAt: number; exited: Promise<string> }

/** One process: spawned, READY awaited. `exited` resolves with how it ended. */
async function launch(bin: string, dataDir: string, port: number): Promise<Launched> {
  // Its own process group: a signal sent to ours (Ctrl-C in a terminal, `kill -- -PGID`) does not
  // reach it, so it stops when the server has drained its requests and says so, not before.
  const child = spawn(bin, ['-dir', dataDir, '-port', String(port)], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    // Drained always (a full pipe would stall the database); only the tail is kept for errors.
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    if (stderrTail.length > 40) stderrTail.splice(0, stderrTail.length - 40);
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => { running.delete(child); resolve(signal ?? `code ${code}`); }));
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    let ready = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`embedded database did not start in 30 s:\n${stderrTail.join('\n')}`)); }, START_TIMEOUT_MS);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) return;
      out += chunk;
      const m = /READY (mongodb:\/\/\S+)/.exec(out);
      if (m) { ready = true; clearTimeout(timer); resolve(m[1]); }
    });
    void exited.then((how) => { clearTimeout(timer); reject(new Error(`embedded database exited (${how}):\n${stderrTail.join('\n')}`)); });
  });
  return { child, uri, startedAt: Date.now(), exited };
}

/** Closing stdin is the stop signal it always obeys (see tools/ferretdb-host); SIGKILL if it lingers. */
async function terminate(p: Launched): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.stdin?.end();
  p.child.kill('SIGTERM');
  const killer = setTimeout(() => p.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await p.exited;
  clearTimeout(killer);
}

/**
 * Starts FerretDB on 127.0.0.1 (a free port unless one is given) with its SQLite files under
 * dataDir, and keeps it running: when the process dies it is started again on the same port with
 * backoff (the driver reconnects by itself), until `stop()`. This module alone starts and stops it.
 */
export async function startEmbeddedDatabase(opts: { dataDir: string; port?: number; log?: (line: string) => void; restart?: Partial<RestartPolicy> }): Promise<EmbeddedDatabase> {
  const bin = ensureFerretdbBinary(opts.log);
  const dataDir = path.resolve(opts.dataDir, 'ferretdb');
  mkdirSync(dataDir, { recursive: true });
  installExitHook();
  const policy = { ...RESTART, ...opts.restart };
  const log = opts.log ?? (() => {});

  let current = await launch(bin, dataDir, opts.port ?? 0);
  const uri = current.uri;
  const port = Number(new URL(uri).port);
  let stopping = false;
  let restarts = 0;
  let delay = policy.firstDelayMs;
  let pending: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  let stopped: Promise<void> | undefined;

  const sleep = (ms: number) => new Promise<void>((wake) => { pending = { timer: setTimeout(wake, ms), wake }; });

  async function supervise() {
    while (!stopping) {
      const how = await current.exited;
      if (stopping) return;
      if (Date.now() - current.startedAt >= policy.stableMs) delay = policy.firstDelayMs;
      for (;;) {
        log(`embedded database stopped unexpectedly (${how}); starting it again in ${delay} ms`);
        await sleep(delay);
        pending = undefined;
        delay = Math.min(delay * 2, policy.maxDelayMs);
        if (stopping) return;
        try {
          current = await launch(bin, dataDir, port);
        } catch (err) {
          log(`embedded database did not start: ${(err as Error).message.split('\n')[0]}`);
          continue;
        }
        restarts += 1;
        log(`embedded database is running again (restart ${restarts})`);
        break;
      }
    }
  }
  const supervisor = supervise();

  return {
    uri,
    port,
    dataDir,
    restarts: () => restarts,
    pid: () => current.child.pid,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (pending) { clearTimeout(pending.timer); pending.wake(); }
        await terminate(current);
        await supervisor;
        // A restart that was starting when stop() came has finished by now: stop it too.
        await terminate(current);
      })();
      return stopped;
    },
  };
}
