// The end-to-end and browser tests load build/ (Code.js, Sidebar.html): build it from the current
// src/ before they run, so a stale build cannot be tested by mistake (about a second).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts/build.mjs')], { stdio: 'ignore' });
};
