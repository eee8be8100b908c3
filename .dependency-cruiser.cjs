// dependency-cruiser (`npm run check:deps`): the import rules that keep the code's layout
// (docs/architecture.md). Paths are relative to the directory cruised from (the repository root,
// or a fixture tree in test/checks/layout.test.ts, which proves each rule fires).
// Test files (*.test.ts) are exempt from the layering rules (not from no-circular): they are never
// shipped and may set up models or read files.

const TEST = '\\.test\\.tsx?$';
/** Route files: domains/<d>/routes/**, any core routes/ folder or routes.ts, any *Routes.ts. */
const ROUTES = ['^server/src/domains/[^/]+/routes/', '^server/src/core/(|.*/)routes(/|\\.ts$)', '^server/src/.*Routes\\.ts$'];
/** Model files: anything under a models/ folder, model.ts, models.ts, *Model*.ts. */
// (`(|.*/)` rather than `(.*/)?`: dependency-cruiser refuses regular expressions it deems unsafe.)
const MODELS = ['^server/src/(|.*/)models/', '^server/src/(|.*/)[^/]*[Mm]odels?[^/]*\\.ts$'];
const MONGOOSE = '(^|/)node_modules/mongoose/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'route-no-model',
      comment: 'Routes go through services; only repositories touch models (routes → services → repositories → models).',
      severity: 'error',
      from: { path: ROUTES, pathNot: TEST },
      to: { path: MODELS },
    },
    {
      name: 'route-no-mongoose',
      comment: 'Routes never talk to the database: no mongoose in a route file, not even its types.',
      severity: 'error',
      from: { path: ROUTES, pathNot: TEST },
      to: { path: MONGOOSE },
    },
    {
      name: 'service-no-mongoose',
      comment: 'Services reach the database only through their repository: no mongoose (connection, models, types) in services/.',
      severity: 'error',
      from: { path: '^server/src/domains/[^/]+/services/', pathNot: TEST },
      to: { path: MONGOOSE },
    },
    {
      name: 'domain-only-through-api',
      comment: "A domain uses another domain only through that domain's api.ts, never its internals.",
      severity: 'error',
      from: { path: '^server/src/domains/([^/]+)/', pathNot: TEST },
      to: { path: '^server/src/domains/[^/]+/', pathNot: ['^server/src/domains/$1/', '^server/src/domains/[^/]+/api\\.ts$'] },
    },
    {
      name: 'core-no-domains',
      comment: 'core/ is used by the domains, never the reverse: app.ts and domains/index.ts wire them together.',
      severity: 'error',
      from: { path: '^server/src/core/', pathNot: TEST },
      to: { path: '^server/src/domains/' },
    },
    {
      name: 'shared-pure',
      comment: 'shared/ runs in WeChat, the browser and Node: it imports only shared/ and @sinclair/typebox (no Node built-ins, no other package).',
      severity: 'error',
      from: { path: '^shared/', pathNot: TEST },
      to: { pathNot: ['^shared/', '(^|/)node_modules/@sinclair/typebox/'] },
    },
    {
      name: 'miniprogram-no-server-or-config',
      comment: 'The mini-program ships to phones: it may use shared/, never server or configuration code.',
      severity: 'error',
      from: { path: '^miniprogram/src/', pathNot: TEST },
      to: { path: ['^server/', '^config/'] },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile and layers meaningless; break them with an interface or a smaller module.',
      severity: 'error',
      from: { path: '^(server|shared|config|miniprogram/src)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: {
      path: ['(^|/)dist/', '^\\.tmp/', '^data/', '^coverage/', '^test/fixtures/', '\\.(scss|css|png|jpe?g|gif|svg)$'],
    },
    // Type-only imports count: `import type { Connection } from 'mongoose'` in a service is a violation.
    tsPreCompilationDeps: true,
    // Resolution as tsc sees it; @dajiuzhu/shared and @dajiuzhu/config are workspace symlinks in
    // node_modules, followed to their real folders (shared/, config/).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
