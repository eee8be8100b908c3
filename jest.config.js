// One jest run, five projects. `npm test` (scripts/test.ts) runs them all; each can run alone
// with `npm run test:<project>`.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' }, module: { type: 'commonjs' } }];

const node = {
  testEnvironment: 'node',
  // content-disposition 3 (used by @fastify/static) ships only ES modules; Node runs it, jest
  // needs it compiled to CommonJS.
  transform: { '^.+\\.ts$': swc, '/node_modules/content-disposition/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...node,
      displayName: 'unit',
      testMatch: ['<rootDir>/shared/src/**/*.test.ts', '<rootDir>/config/**/*.test.ts', '<rootDir>/server/src/**/*.test.ts', '<rootDir>/test/checks/**/*.test.ts'],
    },
    {
      ...node,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    {
      // Tests that start their own API processes (`npm start`'s entry) and time what they see across
      // them: run alone, after the rest (scripts/test.ts), so a busy machine is not mistaken for a bug.
      ...node,
      displayName: 'processes',
      testMatch: ['<rootDir>/test/processes/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    {
      ...node,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
    '<rootDir>/miniprogram/jest.config.js',
  ],
};
