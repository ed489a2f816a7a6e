/**
 * The boundaries `npm run lint` keeps (issue 13): a pure domain, libs that never reach into apps or
 * into each other's internals, stage folders that meet only in `tender/`, and no import cycles.
 * `test/lint/boundaries.spec.ts` shows each rule failing on a violating fixture.
 */
const STAGES = 'planning|notice|bidding|evaluation|award|challenge|contract';
// Specs and fixtures exercise the whole domain; the layering is for the code they test.
const TESTS = '\\.spec\\.ts$|/testing/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No file imports another in a circle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain imports no framework, no infrastructure, no Node built-in, no other lib.',
      from: { path: '^libs/domain/src/' },
      to: {
        dependencyTypesNot: ['local', 'type-only', 'aliased-tsconfig-paths', 'aliased-tsconfig'],
      },
    },
    {
      name: 'domain-imports-only-itself',
      severity: 'error',
      from: { path: '^libs/domain/src/' },
      to: { pathNot: '^libs/domain/src/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-deep-import-from-apps',
      severity: 'error',
      comment: 'Outside a lib, only its index (`@fairtender/x`) or its `testing/` entry.',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '/testing/'] },
    },
    {
      name: 'no-deep-import-between-libs',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '/testing/'],
      },
    },
    {
      name: 'stages-meet-only-in-tender',
      severity: 'error',
      comment: 'A stage folder imports tender/ and shared/, never another stage.',
      from: { path: `^libs/domain/src/(${STAGES})/`, pathNot: TESTS },
      to: { path: `^libs/domain/src/(${STAGES})/`, pathNot: '^libs/domain/src/$1/' },
    },
    {
      name: 'tender-imports-no-stage',
      severity: 'error',
      comment: 'The tender aggregate is built from its own events, state and evolve, and shared/.',
      from: { path: '^libs/domain/src/tender/', pathNot: TESTS },
      to: { path: '^libs/domain/src/', pathNot: '^libs/domain/src/(tender|shared)/' },
    },
    {
      name: 'shared-imports-no-stage',
      severity: 'error',
      from: { path: '^libs/domain/src/shared/', pathNot: TESTS },
      to: { path: '^libs/domain/src/', pathNot: '^libs/domain/src/shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
