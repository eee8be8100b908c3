// Lints snippets with the repository's eslint.config.mjs as if each were the file it names.
// Reads [{ filePath, code }] as JSON on stdin; prints [[ruleId, …], …] (sorted per snippet).
// A separate Node process because the flat config is an ES module and jest runs CommonJS.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: ROOT });
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath), warnIgnored: true });
  out.push(result.messages.map((m) => m.ruleId ?? `parse: ${m.message}`).sort());
}
process.stdout.write(`${JSON.stringify(out)}\n`);
