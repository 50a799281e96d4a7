/**
 * The dashboard sidebar as the build writes it and showDashboard serves it (no browser here; the
 * page itself runs in test/browser/sidebar.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, setUpWorkspace } from './harness';

const page = readFileSync(join(BUILD_DIR, 'Sidebar.html'), 'utf8');

describe('build/Sidebar.html', () => {
  it('holds its page script inline, in place of the marker, and loads nothing from the network', () => {
    expect(page).not.toMatch(/<!--\s*script:/);
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('getDashboardData');
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/i);
    // Bundled for the browser: no module syntax, no Node.
    expect(page).not.toMatch(/^\s*(import|export)\s/m);
    expect(page).not.toContain('require(');
  });

  it('is what Dashboard opens, titled in the staff language', () => {
    const en = setUpWorkspace({ language: 'en' });
    en.run('showDashboard');
    expect(en.ui.sidebars).toEqual([{ title: 'Excursion Desk: dashboard', html: page, width: null }]);
    const sl = setUpWorkspace({ language: 'sl' });
    sl.run('showDashboard');
    expect(sl.ui.sidebars.map((s) => s.title)).toEqual(['Excursion Desk: nadzorna plošča']);
  });
});

describe('the build of page scripts', () => {
  const build = (html: string, scripts: Record<string, string> = {}) => {
    const dir = mkdtempSync(join(tmpdir(), 'build-ui-'));
    mkdirSync(join(dir, 'ui/client'), { recursive: true });
    writeFileSync(join(dir, 'ui/Page.html'), html);
    for (const [name, source] of Object.entries(scripts)) writeFileSync(join(dir, 'ui', name), source);
    try {
      execFileSync(
        process.execPath,
        [join(__dirname, '../../scripts/build.mjs'), '--ui', join(dir, 'ui'), '--out', join(dir, 'out')],
        { encoding: 'utf8', stdio: 'pipe' },
      );
      return { ok: true, message: readFileSync(join(dir, 'out/Page.html'), 'utf8') };
    } catch (e) {
      return { ok: false, message: String((e as { stderr: string }).stderr) };
    }
  };

  it('fails with a clear message when a marker names a missing file', () => {
    const result = build('<body><!-- script: client/missing.ts --></body>');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /Page\.html names the page script "client\/missing\.ts", but .*client\/missing\.ts does not exist/,
    );
  });

  it('fails when a page script does not compile, naming it', () => {
    const result = build('<body><!-- script: client/bad.ts --></body>', { 'client/bad.ts': 'const x = ;\n' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Page\.html: the page script .*client\/bad\.ts does not build/);
  });

  it('inlines the bundle as one ES2019 IIFE, with the modules it imports', () => {
    const result = build('<body><!-- script: client/page.ts --></body>', {
      'client/page.ts': "import { greet } from './greet';\ndocument.body.append(greet?.('page') ?? '');\n",
      'client/greet.ts': 'export const greet = (name: string): string => name.toUpperCase();\n',
    });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^<body><script>\n\(\(\) => \{/);
    expect(result.message).toContain('name.toUpperCase()');
    // ES2019 has no optional chaining or ??: esbuild lowers them.
    expect(result.message).not.toMatch(/\?\.|\?\?/);
    expect(result.message).not.toMatch(/^\s*(import|export)\s/m);
  });
});
