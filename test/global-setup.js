// The end-to-end tests load build/Code.js: build it when it is missing (npm test builds first).
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  const root = join(__dirname, '..');
  if (!existsSync(join(root, 'build/Code.js'))) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  }
};
