// @ts-check
/**
 * `npm run mutate`: mutation testing of src/core against its unit tests (test/core). Outside CI: the
 * first run takes long; the incremental file (reports/stryker-incremental.json, kept out of git) lets
 * the next run test only the mutants whose code or tests changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // Pure data is left out, its code kept in: a mutant in the municipality list, a template's words or
  // a catalogue message changes a word, not a decision. The README says why each.
  mutate: [
    'src/core/**/*.ts',
    '!src/core/municipality-list.ts',
    '!src/core/default-templates.ts',
    '!src/core/i18n.ts',
    'src/core/default-templates.ts:26-32',
    'src/core/default-templates.ts:217-219',
    'src/core/i18n.ts:432-451',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  timeoutMS: 10000,
};
