// Tests run in a time zone that is not Europe/Paris (see the "test" script), so any accidental
// dependence on the process time zone fails loudly.
const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = {
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: ['/node_modules/(?!(lit|lit-html|lit-element|@lit|@lit-labs|temporal-polyfill|temporal-utils|temporal-spec|cookie)/)'],
  transform,
};
export default {
  // Safety net: a leaked handle in one test must never keep CI waiting until its time limit.
  forceExit: true,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/**/*.test.ts'], testPathIgnorePatterns: ['/tests/integration/'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
  ],
};
