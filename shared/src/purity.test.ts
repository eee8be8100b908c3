import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * shared/ runs unchanged in Node, browsers and WeChat's JS engine: pure TypeScript with no Node,
 * Taro or mongoose imports, and no eval / new Function (WeChat forbids them).
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const files = sources(__dirname);

describe('shared/ stays portable', () => {
  it('has sources to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => [path.relative(__dirname, f), f]))('%s imports only relative files and typebox', (_rel, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec.startsWith('.') || spec.startsWith('@sinclair/typebox')).toBe(true);
    expect(text).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });
});
