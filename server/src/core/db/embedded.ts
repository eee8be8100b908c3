import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureFerretdbBinary } from './ferretdbBinary';

export interface EmbeddedDatabase {
  /** mongodb://127.0.0.1:PORT/ (no database name). */
  uri: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

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

/**
 * Starts FerretDB on 127.0.0.1 (a free port unless one is given) with its SQLite files under
 * dataDir. This module alone starts and stops it.
 */
export async function startEmbeddedDatabase(opts: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const bin = ensureFerretdbBinary(opts.log);
  const dataDir = path.resolve(opts.dataDir, 'ferretdb');
  mkdirSync(dataDir, { recursive: true });
  installExitHook();

  const child = spawn(bin, ['-dir', dataDir, '-port', String(opts.port ?? 0)], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  const stderrTail: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    // Drained always (a full pipe would stall the database); only the tail is kept for errors.
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    if (stderrTail.length > 40) stderrTail.splice(0, stderrTail.length - 40);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { running.delete(child); resolve(); }));

  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`embedded database did not start in 30 s:\n${stderrTail.join('\n')}`)); }, 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /READY (mongodb:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`embedded database exited (code ${code}):\n${stderrTail.join('\n')}`)); });
  });
  const port = Number(new URL(uri).port);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    dataDir,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}
