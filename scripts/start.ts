// `npm start`: builds what is missing (the database tool, the H5 app), then starts the embedded
// database, the API serving the H5 app, and loads the demo data once.
import { ensureFerretdbBinary } from '../server/src/core/db/ferretdbBinary';
import { buildH5, h5Exists } from './h5';

async function start() {
  ensureFerretdbBinary((l) => console.log(l));
  if (!h5Exists()) buildH5();
  const { main } = await import('../server/src/main');
  await main();
}

void start();
