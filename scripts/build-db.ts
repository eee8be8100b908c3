// Builds the embedded database tool (tools/ferretdb-host) if its sources changed since the last build.
import { ensureFerretdbBinary } from '../server/src/core/db/ferretdbBinary';

console.log(ensureFerretdbBinary((l) => console.log(l)));
