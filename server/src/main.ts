import { loadConfig, ConfigError } from '@dajiuzhu/config';
import { buildApp } from './app';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './core/db/embedded';
import { isDatabaseUnavailable } from './core/db/unavailable';
import { seedDemoData } from './core/seed/demo';
import { demoStory } from './domains/demoStory';
import { DEMO_ACCOUNTS } from '@dajiuzhu/shared';

/** After the drain, the time closing the database and the embedded process may take before exit(1). */
const CLOSE_MARGIN_MS = 7000;

/**
 * Server entry: configuration, database (MONGODB_URI, or the embedded FerretDB under DATA_DIR),
 * the API with the H5 app, demo data when `seedDemo` and development sign-in are on, graceful shutdown.
 */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUri = config.mongodbUri;
  if (!databaseUri) {
    embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, log: (l) => console.log(l) });
    databaseUri = embedded.uri;
  }

  const app = await buildApp(config, { databaseUri, databaseName: config.mongodbUri ? undefined : 'dajiuzhu' });
  if (config.devSignIn && config.seedDemo) {
    const seeding = Date.now();
    const seeded = await seedDemoData(app, demoStory(config.applications.deadlines.publicNoticeDays));
    if (seeded.ran.length) console.log(`Demo data: ${seeded.ran.length} steps loaded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
  }

  let closing = false;
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, drainMs: config.shutdownGraceMs }, 'shutting down: no new connections, finishing the requests in flight');
    // Last resort, should closing the database itself hang.
    const force = setTimeout(() => { console.error('shutdown took too long; exiting'); process.exit(1); }, config.shutdownGraceMs + CLOSE_MARGIN_MS);
    force.unref();
    try {
      // Requests in flight get shutdownGraceMs to finish; the connections still open then are cut,
      // so the database is closed cleanly and the exit code stays 0.
      const { cut } = await app.drain(config.shutdownGraceMs);
      if (cut) app.log.warn({ cut }, 'drain time over: connections still open were closed');
      await app.close(); // closes the database connection
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
    } finally {
      await embedded?.stop();
      process.exit(code);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('uncaughtException', (err) => { app.log.fatal({ err }, 'uncaught exception'); void shutdown('uncaughtException', 1); });
  process.on('unhandledRejection', (err) => {
    // Background work (a job, a reload) that met the database down is not a bug and must not stop
    // the server: the database comes back by itself, and so does the work on its next run.
    if (isDatabaseUnavailable(err)) { app.log.error({ err }, 'background work failed: database unavailable'); return; }
    app.log.fatal({ err }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });

  // A 4,096-connection accept backlog (Node's default is 511): a burst of new connections waits to
  // be accepted instead of being reset by the kernel (seen with 1,000 simultaneous requests).
  const address = await app.listen({ host: config.host, port: config.port, backlog: 4096 });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  const lines = [
    '',
    `大救助 is running: open ${url}/`,
    `  API docs:  ${url}/docs`,
    `  Database:  ${embedded ? `embedded FerretDB (SQLite under ${embedded.dataDir})` : 'MongoDB (MONGODB_URI)'}`,
  ];
  // Where to look inside with the usual MongoDB tools (mongosh, Compass): the embedded database
  // listens on 127.0.0.1 only and asks for no password, like a development MongoDB.
  if (embedded) lines.push(`  Look inside: mongosh "${embedded.uri.replace(/\/?$/, '/')}dajiuzhu"  (or the same URI in MongoDB Compass)`);
  if (config.devSignIn) {
    lines.push('  Demo sign-ins (choose one on the 演示登录 screen):');
    for (const a of DEMO_ACCOUNTS) lines.push(`    - ${a.label}${a.regionCode ? ` [${a.regionCode}]` : ''}`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

if (require.main === module) void main();
