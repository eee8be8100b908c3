import type { FastifyBaseLogger } from 'fastify';
import type { Lease, LeaseService } from './leases';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background work that runs exactly once across API processes (core/jobs; docs/architecture.md). */
    jobs: Jobs;
  }
}

export interface Jobs {
  /** This process's holder name (in `leases.holder`). */
  holder: string;
  /**
   * Runs `fn` if this process can take the lease `key` (for `ttlMs`, renewed while `fn` runs), then
   * gives it back. `{ ran: false }` when another process holds it. `fn` should stop early when
   * `signal` aborts (the lease was lost: another process may be running it now).
   */
  runExclusive<T>(key: string, ttlMs: number, fn: (signal: AbortSignal) => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
  /**
   * A periodic job: every process ticks every `intervalMs`, and only the process holding the lease
   * `key` runs `fn` (one holder keeps it while it lives; it is taken over within `ttlMs` of the
   * holder's death, at the successor's next tick). A run still going when the next tick comes is
   * not started again. Stopped (and the lease released) on close.
   */
  every(key: string, intervalMs: number, fn: (signal: AbortSignal) => Promise<unknown>): void;
  /** Whether this process holds `key` now (tests, monitoring). */
  holds(key: string): boolean;
  close(): Promise<void>;
}

export function createJobs(leases: LeaseService, opts: { leaseTtlMs: number; log: FastifyBaseLogger }): Jobs {
  const held = new Map<string, Lease>();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let closed = false;

  async function leaseFor(key: string): Promise<Lease | null> {
    const lease = held.get(key);
    if (lease?.held()) return lease;
    held.delete(key);
    const taken = await leases.acquire(key, opts.leaseTtlMs);
    if (taken) { held.set(key, taken); opts.log.info({ job: key, holder: leases.holder }, 'job lease taken'); }
    return taken;
  }

  return {
    holder: leases.holder,
    async runExclusive(key, ttlMs, fn) {
      const lease = await leases.acquire(key, ttlMs);
      if (!lease) return { ran: false };
      try {
        return { ran: true, result: await fn(lease.signal) };
      } finally {
        await lease.release();
      }
    },
    every(key, intervalMs, fn) {
      let busy = false;
      const tick = async () => {
        if (closed || busy) return;
        busy = true;
        try {
          const lease = await leaseFor(key);
          if (!lease || closed) return;
          opts.log.debug({ job: key, holder: leases.holder }, 'job run');
          const run = fn(lease.signal);
          running.add(run);
          try { await run; } finally { running.delete(run); }
        } catch (err) {
          opts.log.error({ err, job: key }, 'job failed');
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      timers.add(timer);
    },
    holds: (key) => held.get(key)?.held() ?? false,
    async close() {
      closed = true;
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
      await Promise.allSettled([...held.values()].map((l) => l.release()));
      held.clear();
    },
  };
}
