// Builds build/Code.js for Apps Script: one IIFE (no `export`, which breaks `clasp push`) plus one
// top-level forwarder `function name() {...}` per export of src/main.ts, because Apps Script finds
// menu callbacks and triggers only among top-level functions. The export list comes from an ESM
// probe build of the same entry, so it cannot drift from the code.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(import.meta.dirname, '..');
// `--entry FILE --out DIR` build another entry (the build's own tests use it); the default is the add-on.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? resolve(process.argv[i + 1]) : fallback;
};
const entry = arg('--entry', join(root, 'src/main.ts'));
const out = arg('--out', join(root, 'build'));
// The editor add-on's build: the same Code.js and HTML beside its own manifest, which asks for
// `spreadsheets` (its hourly run opens the spreadsheet by id) where the bound build asks only for
// `spreadsheets.currentonly`. Made with the default build only.
const addonOut = process.argv.includes('--out') ? null : join(root, 'build-addon');
const uiDir = arg('--ui', join(root, 'src/ui'));
const globalName = '__excursionDesk';
const common = {
  entryPoints: [entry],
  bundle: true,
  platform: 'neutral',
  // Apps Script's V8 runtime; older targets would need polyfills, newer syntax is lowered.
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'silent',
};

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

// 1. Probe: an ESM build whose metafile names the exports, loaded to check each is a function.
const probeDir = join(tmpdir(), `excursion-desk-probe-${process.pid}`);
mkdirSync(probeDir, { recursive: true });
const probeFile = join(probeDir, 'probe.mjs');
let exportsList;
try {
  const probe = await esbuild.build({ ...common, format: 'esm', outfile: probeFile, metafile: true });
  exportsList = Object.values(probe.metafile.outputs)[0].exports;
  const mod = await import(pathToFileURL(probeFile).href);
  const notFunctions = exportsList.filter((name) => typeof mod[name] !== 'function');
  if (notFunctions.length > 0) {
    fail(
      `${entry.replace(`${root}/`, '')} exports ${notFunctions.map((n) => `"${n}"`).join(', ')}, which ${notFunctions.length > 1 ? 'are not functions' : 'is not a function'}. ` +
        'Every export of the entry becomes an Apps Script entry point and must be a function.',
    );
  }
} catch (error) {
  fail(error.errors ? error.errors.map((e) => e.text).join('\n') : String(error));
} finally {
  rmSync(probeDir, { recursive: true, force: true });
}
if (exportsList.length === 0)
  fail(`${entry.replace(`${root}/`, '')} exports nothing, so Apps Script would find no entry point.`);

// 2. The bundle: IIFE assigned to one global, then the forwarders.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const iife = await esbuild.build({
  ...common,
  format: 'iife',
  globalName,
  write: false,
  outfile: join(out, 'Code.js'),
});
const forwarders = exportsList
  .sort()
  .map((name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}`)
  .join('\n');
const banner = '// Excursion Desk: built by scripts/build.mjs from src/ — do not edit.\n';
writeFileSync(join(out, 'Code.js'), `${banner}${iife.outputFiles[0].text}\n${forwarders}\n`);

// 3. The manifest and the HTML files HtmlService serves. A marker `<!-- script: client/x.ts -->`
// in an HTML file is replaced by that page script, bundled for the browser and inlined, because
// Apps Script serves only the pushed files (no separate .js, no network).
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
const html = readdirSync(uiDir).filter((f) => f.endsWith('.html'));
const SCRIPT_MARKER = /<!--\s*script:\s*(\S+?)\s*-->/g;
for (const f of html) {
  const source = readFileSync(join(uiDir, f), 'utf8');
  const scripts = new Map();
  for (const [, name] of source.matchAll(SCRIPT_MARKER)) {
    if (scripts.has(name)) continue;
    const file = resolve(uiDir, name);
    const shown = file.replace(`${root}/`, '');
    if (!existsSync(file)) fail(`${f} names the page script "${name}", but ${shown} does not exist.`);
    let bundled;
    try {
      const result = await esbuild.build({
        entryPoints: [file],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2019',
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'silent',
        write: false,
      });
      bundled = result.outputFiles[0].text;
    } catch (error) {
      fail(
        `${f}: the page script ${shown} does not build:\n${error.errors ? error.errors.map((e) => e.text).join('\n') : String(error)}`,
      );
    }
    if (/<\/script/i.test(bundled))
      fail(`${f}: the page script ${shown} contains "</script", which would end the inlined <script> early.`);
    scripts.set(name, bundled);
  }
  const page = source.replace(SCRIPT_MARKER, (_m, name) => `<script>\n${scripts.get(name)}</script>`);
  writeFileSync(join(out, f), page);
}

if (addonOut) {
  rmSync(addonOut, { recursive: true, force: true });
  mkdirSync(addonOut, { recursive: true });
  for (const f of readdirSync(out)) if (f !== 'appsscript.json') copyFileSync(join(out, f), join(addonOut, f));
  copyFileSync(join(root, 'appsscript.addon.json'), join(addonOut, 'appsscript.json'));
}

console.log(
  `${out.replace(`${root}/`, '')}/Code.js: ${exportsList.length} entry points (${exportsList.sort().join(', ')}); ${html.length} HTML file(s)${addonOut ? '; build-addon/ the same under appsscript.addon.json' : ''}`,
);
