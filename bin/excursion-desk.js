#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is nothing to compile before `npx excursion-desk`.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
process.exitCode = main(process.argv.slice(2));
