// Proves the layout checks of `npm run check` fail when broken: the rule set of
// .dependency-cruiser.cjs on the fixture tree test/fixtures/layout (every `bad*` file breaks a
// named rule, every other file must stay unreported), and ESLint's WeChat and hooks rules on
// snippets linted as if they lived in shared/ and miniprogram/src.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/layout');

interface Violation { rule: string; from: string; to: string }

function cruiseFixture(): Violation[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'cruise.mjs'), FIXTURE], { cwd: ROOT, encoding: 'utf8' });
  // Packages resolve from the repository's node_modules, above the fixture's base directory.
  return (JSON.parse(out) as Violation[]).map((v) => ({ ...v, to: v.to.replace(/^(\.\.\/)+node_modules\//, 'node_modules/') }));
}

describe('dependency-cruiser rules (.dependency-cruiser.cjs) on test/fixtures/layout', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../.dependency-cruiser.cjs') as { forbidden: Array<{ name: string; comment?: string; severity: string }> };
  let violations: Violation[];
  beforeAll(() => {
    violations = cruiseFixture();
  });

  it('reports exactly the broken imports, each under its rule name', () => {
    const seen = violations.filter((v) => v.rule !== 'no-circular').map((v) => `${v.rule}: ${v.from} → ${v.to}`).sort();
    expect(seen).toEqual([
      'core-no-domains: server/src/core/badCore.ts → server/src/domains/other/api.ts',
      'domain-only-through-api: server/src/domains/demo/services/badService.ts → server/src/domains/other/repository.ts',
      'miniprogram-no-server-or-config: miniprogram/src/bad.ts → config/src/index.ts',
      'miniprogram-no-server-or-config: miniprogram/src/bad.ts → server/src/domains/other/api.ts',
      'route-no-model: server/src/core/files/routes.ts → server/src/core/files/model.ts',
      'route-no-model: server/src/core/identity/badRoutes.ts → server/src/core/models.ts',
      'route-no-model: server/src/domains/demo/routes/bad.ts → server/src/domains/demo/models/thing.ts',
      'route-no-mongoose: server/src/domains/demo/routes/bad.ts → node_modules/mongoose/index.js',
      // A type-only import (tsPreCompilationDeps) counts.
      'service-no-mongoose: server/src/domains/demo/services/badService.ts → node_modules/mongoose/index.js',
      'shared-pure: shared/bad.ts → fs',
    ]);
  });

  it('reports an import cycle', () => {
    const cycles = violations.filter((v) => v.rule === 'no-circular');
    expect(cycles.length).toBeGreaterThan(0);
    for (const c of cycles) expect(`${c.from} → ${c.to}`).toMatch(/^server\/src\/core\/cycle\/[ab]\.ts → .*server\/src\/core\/cycle\/[ab]\.ts$/);
  });

  it('allows what the layout allows (own repository, another domain\'s api.ts, typebox in shared, tests)', () => {
    const froms = new Set(violations.map((v) => v.from));
    for (const allowed of [
      'server/src/domains/demo/repository.ts',
      'server/src/domains/demo/services/demoService.ts',
      'server/src/domains/demo/services/demoService.test.ts',
      'server/src/domains/demo/routes/good.ts',
      'server/src/domains/demo/index.ts',
      'shared/good.ts',
      'shared/purity.test.ts',
      'miniprogram/src/good.ts',
    ]) expect(froms).not.toContain(allowed);
  });

  it('has a fixture for every rule, each an error with a one-line reason', () => {
    const fired = new Set(violations.map((v) => v.rule));
    for (const rule of config.forbidden) {
      expect(fired).toContain(rule.name);
      expect(rule.severity).toBe('error');
      expect(rule.comment).toMatch(/^[^\n]{10,}$/);
    }
  });
});

describe('ESLint rules (eslint.config.mjs)', () => {
  const EVIL = 'export const a = eval("1");\nexport const b = new Function("return 1");\nexport const c = setTimeout("a()", 1);\n';
  const HOOKS = [
    "import { useEffect, useState } from 'react';",
    'export function Page({ show, id }: { show: boolean; id: string }) {',
    '  if (show) {',
    '    const [n] = useState(0); // called conditionally',
    '    return n;',
    '  }',
    '  useEffect(() => { console.log(id); }, []); // after an early return; `id` missing from the deps',
    '  return null;',
    '}',
    '',
  ].join('\n');
  let reported: string[][];
  beforeAll(() => {
    // One ESLint process for all snippets (each start costs about two seconds here).
    const snippets = [
      { filePath: 'shared/src/evil.ts', code: EVIL },
      { filePath: 'miniprogram/src/services/evil.ts', code: EVIL },
      { filePath: 'miniprogram/src/pages/bad/index.tsx', code: HOOKS },
    ];
    const out = execFileSync(process.execPath, [path.join(__dirname, 'lint.mjs')], { cwd: ROOT, input: JSON.stringify(snippets), encoding: 'utf8' });
    reported = JSON.parse(out) as string[][];
  });

  it('bans eval and new Function in shared/ and the mini-program (WeChat refuses them)', () => {
    expect(reported[0]).toEqual(['no-eval', 'no-implied-eval', 'no-new-func']);
    expect(reported[1]).toEqual(['no-eval', 'no-implied-eval', 'no-new-func']);
  });

  it('enforces the rules of hooks in the mini-program', () => {
    expect(reported[2]).toEqual(['react-hooks/exhaustive-deps', 'react-hooks/rules-of-hooks', 'react-hooks/rules-of-hooks']);
  });
});
