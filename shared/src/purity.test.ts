import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * shared/ runs unchanged in Node, browsers and WeChat's JS engine: pure TypeScript with no Node,
 * Taro or mongoose imports, no require / dynamic import() (static imports only, so the bundlers
 * and this check see every dependency), and no eval / Function constructor (WeChat forbids them).
 * The mini-program's own sources (miniprogram/src) must not use eval or the Function constructor
 * either.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'test-stubs' ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Code evaluation from strings: eval(…), new Function(…), Function(…) (also globalThis.Function(…)); not TypeBox's Type.Function. */
const EVAL = /(?<![\w$])eval\s*\(|(?<![\w$]|Type\.)Function\s*\(/;
/** CommonJS require(…) and dynamic import(…); `import x from` and `import type` are static and fine. */
const DYNAMIC_LOAD = /(?<![\w$.])require\s*\(|(?<![\w$.])import\s*\(/;

const files = sources(__dirname);
const miniprogramDir = path.resolve(__dirname, '../../miniprogram/src');
const miniprogramFiles = sources(miniprogramDir);

describe('the checks themselves', () => {
  it.each([
    'eval("1")', 'const f = new Function("return 1")', 'Function("return 1")()', 'globalThis.Function("x")', 'window.eval ("x")',
  ])('catch code evaluation: %s', (code) => expect(code).toMatch(EVAL));
  it.each(['require("fs")', 'const m = await import("./x")', 'void import ("./y")'])('catch dynamic loading: %s', (code) => expect(code).toMatch(DYNAMIC_LOAD));
  it.each([
    "import { x } from './x';", "import type { Y } from './y';", 'const t = Type.Function([], Type.Void());', 'isFunction(x)', 'medieval(1)', 'requireRole("staff")', 'app.requireRole("staff")',
    'type F = Function;',
  ])('leave ordinary code alone: %s', (code) => {
    expect(code).not.toMatch(EVAL);
    expect(code).not.toMatch(DYNAMIC_LOAD);
  });
});

describe('shared/ stays portable', () => {
  it('has sources to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => [path.relative(__dirname, f), f]))('%s imports only relative files and typebox, statically, and evaluates no code', (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec.startsWith('.') || spec.startsWith('@sinclair/typebox')).toBe(true);
    expect(text).not.toMatch(EVAL);
    expect(text).not.toMatch(DYNAMIC_LOAD);
  });
});

describe('miniprogram/src evaluates no code (WeChat forbids eval and the Function constructor)', () => {
  it('has sources to check', () => expect(miniprogramFiles.length).toBeGreaterThan(10));

  it.each(miniprogramFiles.map((f) => [path.relative(miniprogramDir, f), f]))('%s', (_rel, file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(EVAL);
  });
});
