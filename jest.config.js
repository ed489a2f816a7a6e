/** Unit specs sit next to their code; integration and end-to-end specs live in test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@fairtender/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@fairtender/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

/**
 * NestJS 12 ships ES modules only. Node >= 20.19 require()s them natively, but Jest's module registry
 * cannot (before Node 24.9), so those packages are compiled to CommonJS like our own sources.
 */
const esmOnly = [
  '@nestjs',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'content-disposition',
  'cookie',
];
const swcJs = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

const common = {
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // Integration suites move thousands of events through real databases.
  testTimeout: 120_000,
  // Each spec file leaves its module registry behind (Jest's vm contexts; the heap grew by about
  // 50 MB a file here). On 2 cores Jest would run every file in its own process, one heap for the
  // whole suite: on Node 24 that run took over 25 minutes against 8 on Node 20. With a limit, Jest
  // runs the files in a worker and starts a fresh one when a file leaves it above the limit
  // (docs/testing.md#node-versions).
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
