// Three tiers (CONVENTIONS.md rule 9): unit specs beside the code, integration specs against real
// PostgreSQL/Redis/Kafka, end-to-end specs in test/. One transform and one alias map for all.
const { pathsToModuleNameMapper } = require('./scripts/jest-paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // otplib's base32 and HMAC plugins (@scure, @noble) ship ES modules only: compiled to CommonJS like the sources.
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/@(scure|noble)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@(scure|noble)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  setupFiles: ['<rootDir>/scripts/jest-setup.js'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/deploy/dashboards/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
