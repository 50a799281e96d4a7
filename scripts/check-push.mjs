// Checks what `clasp push` would send (clasp status, offline, no login): exactly the files the
// build wrote to build/ (Code.js, appsscript.json and the HTML files), nothing else.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = execFileSync(join(root, 'node_modules/.bin/clasp'), ['status', '--json'], { cwd: root, encoding: 'utf8' });
const status = JSON.parse(out.slice(out.indexOf('{')));
const pushed = status.filesToPush.map((f) => f.replace(/^build\//, '')).sort();
const built = readdirSync(join(root, 'build')).sort();
const same = pushed.length === built.length && pushed.every((f, i) => f === built[i]);
if (!same) {
  console.error(`clasp would push ${JSON.stringify(pushed)} but the build wrote ${JSON.stringify(built)}`);
  process.exit(1);
}
if (!pushed.includes('Code.js') || !pushed.includes('appsscript.json')) {
  console.error('clasp would not push Code.js and appsscript.json');
  process.exit(1);
}
console.log(`clasp push would send exactly the ${pushed.length} built files: ${pushed.join(', ')}`);
