/**
 * What the browser tests share: Debian's Chromium where it is installed, otherwise the Chromium
 * that the npm package @sparticuz/chromium carries inside itself (so `npm ci && npm test` needs
 * nothing but Node and npm), driven by playwright-core (never a downloaded browser, never the
 * network), a google.script.run shim that runs each call in the emulator, and
 * screenshots under test-output/ (and docs/ for the README).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';

export const CHROMIUM = '/usr/bin/chromium';
/** Set to 1 to ignore the system Chromium and use the packaged one (CI runs the browser tests so once more). */
export const PACKAGED_ONLY = 'EXCURSION_DESK_PACKAGED_CHROMIUM';
export const OUTPUT_DIR = join(__dirname, '../../test-output');
const DOCS_DIR = join(__dirname, '../../docs');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The Chromium to start: Debian's when installed (and not ignored through PACKAGED_ONLY), else the
 * one inside @sparticuz/chromium. That package is an ES module and unpacks its browser to /tmp on
 * first use; a child Node process asks it for the path, since jest's CommonJS runtime cannot load it.
 */
export function chromiumPath(): string {
  if (process.env[PACKAGED_ONLY] !== '1' && existsSync(CHROMIUM)) return CHROMIUM;
  try {
    return whileUnpacking(() =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath());",
        ],
        { cwd: join(__dirname, '../..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      ).trim(),
    );
  } catch (e) {
    throw new Error(
      `The browser tests need Chromium: neither ${CHROMIUM} nor the one inside the npm package @sparticuz/chromium ` +
        `could be started (${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}). ` +
        "Run `npm ci` again, or install Debian's Chromium with `apt-get install -y chromium`.",
      { cause: e },
    );
  }
}

/**
 * Runs `unpack` in one test process at a time. @sparticuz/chromium takes /tmp/chromium as ready
 * as soon as the file exists, so a second jest worker could start a browser that is still being
 * written: the first worker holds a lock folder while it unpacks, and leaves a mark when done.
 */
function whileUnpacking(unpack: () => string): string {
  const lock = join(tmpdir(), 'excursion-desk-chromium.lock');
  const ready = join(tmpdir(), 'excursion-desk-chromium.ready');
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (existsSync(ready)) return unpack();
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is unpacking (a lock older than the deadline is left over from a killed run).
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      const path = unpack();
      writeFileSync(ready, path);
      return path;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Starts headless Chromium with a fresh profile; fails (never skips) when no Chromium can be found. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  const userDataDir = mkdtempSync(join(tmpdir(), 'excursion-desk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Every URL the page asked for, and every script error it threw (both should stay local and empty). */
export function watch(page: Page): { requests: string[]; errors: string[] } {
  const seen = { requests: [] as string[], errors: [] as string[] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  return seen;
}

/** Requests that would leave the machine: anything but the page's own file and inline data. */
export function networkRequests(requests: string[]): string[] {
  return requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
}

/** Writes `html` to test-output/pages/<name> and opens it from that file:// URL. */
export async function openHtml(page: Page, html: string, name: string): Promise<void> {
  const dir = join(OUTPUT_DIR, 'pages');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, html);
  await page.goto(pathToFileURL(file).href);
}

/**
 * Writes test-output/<name>.png on every run; with `docsName`, also docs/<docsName> when it is
 * missing or UPDATE_SCREENSHOTS=1 (so a test run does not rewrite the committed pictures), or on
 * every run with `always` (the README's pictures of the dashboard stay those of the code).
 */
export async function screenshot(
  page: Page,
  name: string,
  docsName?: string,
  options: { always?: boolean } = {},
): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (docsName) {
    const docs = join(DOCS_DIR, docsName);
    if (options.always || !existsSync(docs) || process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, docs);
  }
  return file;
}

/** The Node side of the shim: which server functions the page called, and a way to hold them. */
export interface GasBridge {
  calls: string[];
  /** Holds every call from now on until the returned function is called (to see the page while it waits). */
  hold(): () => void;
}

/**
 * google.script.run in the page: a chain of handlers (each with… returns a new runner), then any
 * function name, called asynchronously; the call goes to Node through `__gasRun`, which runs it as
 * one execution of the emulator. A returned value reaches the success handler; a thrown error
 * reaches the failure handler as an Error with its message. Runs before any script of the page.
 */
const SHIM = `(() => {
  const runner = (success, failure, userObject) => {
    const chain = {
      withSuccessHandler: (f) => runner(f, failure, userObject),
      withFailureHandler: (f) => runner(success, f, userObject),
      withUserObject: (o) => runner(success, failure, o),
    };
    return new Proxy(chain, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then') return undefined;
        return (...args) => {
          window.__gasRun(name, args).then((reply) => {
            if (reply.ok) {
              if (success) success(reply.value, userObject);
            } else if (failure) {
              failure(new Error(reply.message), userObject);
            } else {
              console.error('Uncaught ScriptError: ' + reply.message);
            }
          });
        };
      },
    });
  };
  window.google = { script: { run: runner(null, null, undefined) } };
})();`;

/**
 * What google.script.run can carry: primitives, arrays and plain objects. A Date or a function in
 * a server function's result makes the real call fail, so the shim fails it too, naming the path.
 */
function transferable(value: unknown, path: string): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      transferable(v, `${path}[${i}]`);
    });
    return;
  }
  if (Object.prototype.toString.call(value) === '[object Object]') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) transferable(v, `${path}.${k}`);
    return;
  }
  throw new Error(
    `${path} is a ${Object.prototype.toString.call(value).slice(8, -1)}, which google.script.run cannot pass`,
  );
}

/** Installs the shim in `page` (before its scripts run), backed by `emulator`. */
export async function installGasShim(page: Page, emulator: Emulator): Promise<GasBridge> {
  let gate: Promise<void> = Promise.resolve();
  const bridge: GasBridge = {
    calls: [],
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
  await page.exposeFunction('__gasRun', async (fn: string, args: unknown[]) => {
    bridge.calls.push(fn);
    await gate;
    try {
      if (args.length > 1) throw new Error(`${fn}: the emulator passes at most one argument`);
      const value = emulator.run(fn, args[0]);
      transferable(value, `the result of ${fn}`);
      return { ok: true, value };
    } catch (e) {
      // The bundle's errors come from the emulator's own realm: read the message, not the class.
      const message = e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
      return { ok: false, message };
    }
  });
  await page.addInitScript(SHIM);
  return bridge;
}
