// Checks what `clasp push` would send (clasp status, offline, no login), for each build: exactly
// the files the build wrote (Code.js, appsscript.json and the HTML files), nothing else. The bound
// script pushes build/ through .clasp.json; the editor add-on pushes build-addon/ through
// .clasp-addon.json (`clasp -P .clasp-addon.json push`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const projects = [
  { project: '.clasp.json', dir: 'build' },
  { project: '.clasp-addon.json', dir: 'build-addon' },
];
for (const { project, dir } of projects) {
  const out = execFileSync(join(root, 'node_modules/.bin/clasp'), ['status', '--json', '-P', project], {
    cwd: root,
    encoding: 'utf8',
  });
  const status = JSON.parse(out.slice(out.indexOf('{')));
  const pushed = status.filesToPush.map((f) => f.replace(new RegExp(`^${dir}/`), '')).sort();
  const built = readdirSync(join(root, dir)).sort();
  const same = pushed.length === built.length && pushed.every((f, i) => f === built[i]);
  if (!same) {
    console.error(
      `${project}: clasp would push ${JSON.stringify(pushed)} but the build wrote ${JSON.stringify(built)}`,
    );
    process.exit(1);
  }
  if (!pushed.includes('Code.js') || !pushed.includes('appsscript.json')) {
    console.error(`${project}: clasp would not push Code.js and appsscript.json`);
    process.exit(1);
  }
  console.log(`${project}: clasp push would send exactly the ${pushed.length} files of ${dir}/: ${pushed.join(', ')}`);
}
