// ESLint 9 flat config (`npm run lint`). typescript-eslint's `recommended` set WITHOUT type
// information (no `parserOptions.project`): it parses each file on its own, so the whole tree lints
// in seconds on 2 cores; `tsc --noEmit` (`npm run typecheck`) is the type-aware check.
// Goal: catch real problems (hooks misuse, eval, unused code, accidental `any` leaks), not style.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output, data, caches, and the deliberately broken fixtures of test/checks.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'miniprogram/dist/**',
      '.tmp/**',
      'data/**',
      'coverage/**',
      '.swc/**',
      'test-results/**',
      'bench/results/**',
      'tools/ferretdb-host/bin/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // `_`-prefixed names are the codebase's way of saying "unused on purpose" (Fastify handler
      // signatures, destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // `any` at boundaries (mongoose lean documents, jest mocks, Taro event payloads) is common and
      // deliberate here; tsc's strict mode already guards the typed code. Visible, not blocking.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain JavaScript configuration and tool files run by Node as CommonJS.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // The mini-program's React code: hooks must be called unconditionally, in order.
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // WeChat refuses code that evaluates strings; shared/ runs in the mini-program too.
    files: ['shared/**/*.{ts,tsx,js}', 'miniprogram/**/*.{ts,tsx,js,mjs}'],
    // no-implied-eval (setTimeout("code")) only checks names it knows to be globals.
    languageOptions: { globals: { setTimeout: 'readonly', setInterval: 'readonly', execScript: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      // Older WeChat base libraries lack Object.hasOwn (and the mini-program's TS lib is below ES2022).
      'no-restricted-properties': ['error', { object: 'Object', property: 'hasOwn', message: '用 Object.prototype.hasOwnProperty.call：旧版微信基础库没有 Object.hasOwn' }],
    },
  },
);
