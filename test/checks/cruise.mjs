// Runs dependency-cruiser's JS API with the repository's own rule set (.dependency-cruiser.cjs)
// on a tree under `baseDir`, and prints the violations as JSON: [{ rule, from, to }].
// A separate Node process because dependency-cruiser is ES-modules only and jest runs CommonJS.
// Usage: node test/checks/cruise.mjs <baseDir> [folder …]   (folders relative to baseDir)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import config from '../../.dependency-cruiser.cjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [baseDir, ...folders] = process.argv.slice(2);
if (!baseDir) throw new Error('usage: node test/checks/cruise.mjs <baseDir> [folder …]');

// The root tsconfig, by absolute path (the fixture tree has none of its own).
const tsConfigFile = path.join(ROOT, 'tsconfig.json');
const result = await cruise(
  folders.length > 0 ? folders : ['server', 'shared', 'config', 'miniprogram/src'],
  {
    ...config.options,
    tsConfig: { fileName: tsConfigFile },
    baseDir: path.resolve(baseDir),
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    outputType: 'json',
  },
  {},
  { tsConfig: extractTSConfig(tsConfigFile) },
);
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
const violations = output.summary.violations.map((v) => ({
  rule: v.rule.name,
  from: v.from,
  to: v.cycle ? v.cycle.map((c) => (typeof c === 'string' ? c : c.name)).join(' → ') : v.to,
}));
process.stdout.write(`${JSON.stringify(violations, null, 2)}\n`);
