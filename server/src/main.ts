import { loadConfig, ConfigError } from '@dajiuzhu/config';
import { buildApp } from './app';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './core/db/embedded';
import { seedDemoData } from './core/seed/demo';
import { DEMO_ACCOUNTS } from '@dajiuzhu/shared';

/**
 * Server entry: configuration, database (MONGODB_URI, or the embedded FerretDB under DATA_DIR),
 * the API with the H5 app, demo data when development sign-in is on, graceful shutdown.
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
  if (config.devSignIn && process.env.SEED_DEMO !== 'false') await seedDemoData(app.services);

  let closing = false;
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => { console.error('shutdown took too long; exiting'); process.exit(1); }, config.shutdownGraceMs);
    force.unref();
    try {
      await app.close(); // stops accepting, finishes in-flight requests, closes the database connection
    } finally {
      await embedded?.stop();
      process.exit(code);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('uncaughtException', (err) => { app.log.fatal({ err }, 'uncaught exception'); void shutdown('uncaughtException', 1); });
  process.once('unhandledRejection', (err) => { app.log.fatal({ err }, 'unhandled rejection'); void shutdown('unhandledRejection', 1); });

  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace('0.0.0.0', '127.0.0.1');
  const lines = [
    '',
    `大救助 is running: open ${url}/`,
    `  API docs:  ${url}/docs`,
    `  Database:  ${embedded ? `embedded FerretDB (SQLite under ${embedded.dataDir})` : 'MongoDB (MONGODB_URI)'}`,
  ];
  if (config.devSignIn) {
    lines.push('  Demo sign-ins (choose one on the 演示登录 screen):');
    for (const a of DEMO_ACCOUNTS) lines.push(`    - ${a.label}${a.regionCode ? ` [${a.regionCode}]` : ''}`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

if (require.main === module) void main();
