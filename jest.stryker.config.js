/**
 * Jest for `npm run mutate` only: the unit tests of src/core. The e2e suites load the built bundle,
 * which Stryker does not rebuild per mutant, so they would see none of its mutants; leaving them out
 * (and the global setup that builds) keeps a mutant's run to the tests that can kill it.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
  globalSetup: undefined,
};
