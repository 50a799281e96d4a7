/**
 * HtmlService for the emulator: HtmlOutput, and HtmlTemplate with the three scriptlets of the
 * templated-HTML guide (<? code ?>, <?= printed and escaped ?>, <?!= printed raw ?>), compiled to
 * a JS function with `new Function`. Files come from a folder of .html files (normally build/).
 * Every public API method records "Html.<Class>.<method>" first. Never bundled into build/Code.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertBlob, FakeBlob, gas } from './blob';
import type { Env } from './env';

type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type GMetaTag = GoogleAppsScript.HTML.HtmlOutputMetaTag;
type GSandboxMode = GoogleAppsScript.HTML.SandboxMode;
type GXFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;
type GBlob = GoogleAppsScript.Base.Blob;
type GBlobSource = GoogleAppsScript.Base.BlobSource;

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  const out = {} as Record<T, T>;
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** https://developers.google.com/apps-script/reference/html/sandbox-mode */
export const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE'] as const);
/** https://developers.google.com/apps-script/reference/html/x-frame-options-mode */
export const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT'] as const);

/** Meta tags HtmlOutput.addMetaTag accepts (the reference lists them). */
const META_NAMES = new Set([
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

/** HTML-escapes text for an element body or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** True when the end of `html` is inside an open <script> element. */
function insideScript(html: string): boolean {
  const open = html.toLowerCase().lastIndexOf('<script');
  return open >= 0 && html.toLowerCase().indexOf('</script', open) < 0;
}

/**
 * Contextual escaping of a printed value: inside <script> the value is written as a JavaScript
 * literal (JSON, with "<" escaped so it cannot close the tag); elsewhere it is HTML-escaped.
 * undefined and null print as nothing.
 */
export function contextualEscape(before: string, value: unknown): string {
  if (insideScript(before)) {
    const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
    return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  }
  if (value === undefined || value === null) return '';
  return escapeHtml(String(value));
}

// https://developers.google.com/apps-script/reference/html/html-output-meta-tag
export class FakeHtmlOutputMetaTag implements Pick<GMetaTag, 'getName' | 'getContent'> {
  constructor(
    private readonly env: Env,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    this.env.calls.record('Html.HtmlOutputMetaTag.getName');
    return this.name;
  }

  getContent(): string {
    this.env.calls.record('Html.HtmlOutputMetaTag.getContent');
    return this.content;
  }
}

// https://developers.google.com/apps-script/reference/html/html-output
export class FakeHtmlOutput
  implements
    Pick<
      GHtmlOutput,
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'asTemplate'
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
      | 'addMetaTag'
      | 'getMetaTags'
      | 'setFaviconUrl'
      | 'getFaviconUrl'
      | 'getAs'
      | 'getBlob'
    >
{
  /** Emulator-only state, read by tests and the dialog fakes. */
  content: string;
  title = '';
  width: number | null = null;
  height: number | null = null;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  faviconUrl: string | null = null;
  metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: Env,
    content = '',
  ) {
    this.content = content;
  }

  getContent(): string {
    this.env.calls.record('Html.HtmlOutput.getContent');
    return this.content;
  }

  setContent(content: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setContent');
    this.content = String(content);
    return gas<GHtmlOutput>(this);
  }

  /** Appends trusted content as is. */
  append(addedContent: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.append');
    this.content += String(addedContent);
    return gas<GHtmlOutput>(this);
  }

  /** Appends with contextual escaping, so the text shows as text. */
  appendUntrusted(addedContent: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.appendUntrusted');
    this.content += contextualEscape(this.content, String(addedContent));
    return gas<GHtmlOutput>(this);
  }

  clear(): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.clear');
    this.content = '';
    return gas<GHtmlOutput>(this);
  }

  asTemplate(): GHtmlTemplate {
    this.env.calls.record('Html.HtmlOutput.asTemplate');
    return gas<GHtmlTemplate>(new FakeHtmlTemplate(this.env, this.content));
  }

  setTitle(title: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setTitle');
    this.title = String(title);
    return gas<GHtmlOutput>(this);
  }

  getTitle(): string {
    this.env.calls.record('Html.HtmlOutput.getTitle');
    return this.title;
  }

  /** Initial width of a dialog or sidebar, in pixels (an integer). */
  setWidth(width: number): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setWidth');
    this.width = checkPixels(width, 'width');
    return gas<GHtmlOutput>(this);
  }

  /** null until set. */
  getWidth(): number {
    this.env.calls.record('Html.HtmlOutput.getWidth');
    return gas<number>(this.width);
  }

  setHeight(height: number): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setHeight');
    this.height = checkPixels(height, 'height');
    return gas<GHtmlOutput>(this);
  }

  getHeight(): number {
    this.env.calls.record('Html.HtmlOutput.getHeight');
    return gas<number>(this.height);
  }

  /** Only IFRAME is still in force; the value is kept. */
  setSandboxMode(mode: GSandboxMode): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setSandboxMode');
    if (!(String(mode) in SandboxMode)) throw new Error('Invalid argument: mode');
    this.sandboxMode = String(mode);
    return gas<GHtmlOutput>(this);
  }

  setXFrameOptionsMode(mode: GXFrameOptionsMode): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setXFrameOptionsMode');
    if (!(String(mode) in XFrameOptionsMode)) throw new Error('Invalid argument: mode');
    this.xFrameOptionsMode = String(mode);
    return gas<GHtmlOutput>(this);
  }

  /** Only the meta tags the reference lists are accepted. */
  addMetaTag(name: string, content: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.addMetaTag');
    if (!META_NAMES.has(String(name))) throw new Error(`Invalid argument: name (${name})`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return gas<GHtmlOutput>(this);
  }

  getMetaTags(): GMetaTag[] {
    this.env.calls.record('Html.HtmlOutput.getMetaTags');
    return this.metaTags.map((t) => gas<GMetaTag>(new FakeHtmlOutputMetaTag(this.env, t.name, t.content)));
  }

  setFaviconUrl(iconUrl: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlOutput.setFaviconUrl');
    this.faviconUrl = String(iconUrl);
    return gas<GHtmlOutput>(this);
  }

  getFaviconUrl(): string {
    this.env.calls.record('Html.HtmlOutput.getFaviconUrl');
    return gas<string>(this.faviconUrl);
  }

  private blob(): FakeBlob {
    return new FakeBlob(this.env, this.content, 'text/html', this.title ? `${this.title}.html` : null);
  }

  /** The content as a text/html blob. */
  getBlob(): GBlob {
    this.env.calls.record('Html.HtmlOutput.getBlob');
    return gas<GBlob>(this.blob());
  }

  /** 'application/pdf' gives a PDF of the visible text. */
  getAs(contentType: string): GBlob {
    this.env.calls.record('Html.HtmlOutput.getAs');
    return gas<GBlob>(convertBlob(this.env, this.blob(), String(contentType)));
  }
}

function checkPixels(v: unknown, name: string): number {
  const n = Number(v);
  if (typeof v !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`Invalid argument: ${name}`);
  return n;
}

/** One piece of a parsed template. */
type Part = { kind: 'text' | 'code' | 'print' | 'raw'; src: string };

/** Splits a template into text and scriptlets; an unclosed scriptlet runs to the end. */
function parseTemplate(raw: string): Part[] {
  const parts: Part[] = [];
  let pos = 0;
  while (pos < raw.length) {
    const open = raw.indexOf('<?', pos);
    if (open < 0) {
      parts.push({ kind: 'text', src: raw.slice(pos) });
      break;
    }
    if (open > pos) parts.push({ kind: 'text', src: raw.slice(pos, open) });
    let kind: Part['kind'] = 'code';
    let start = open + 2;
    if (raw.startsWith('!=', start)) {
      kind = 'raw';
      start += 2;
    } else if (raw.startsWith('=', start)) {
      kind = 'print';
      start += 1;
    }
    const close = raw.indexOf('?>', start);
    const end = close < 0 ? raw.length : close;
    parts.push({ kind, src: raw.slice(start, end) });
    pos = close < 0 ? raw.length : close + 2;
  }
  return parts;
}

/** The JavaScript a template compiles to (what getCode() shows). */
export function compileTemplate(raw: string): string {
  const lines = ['var __out = [];', 'with (__scope) {'];
  for (const p of parseTemplate(raw)) {
    if (p.kind === 'text') lines.push(`__out.push(${JSON.stringify(p.src)});`);
    else if (p.kind === 'code') lines.push(p.src);
    else {
      const expr = p.src.trim().replace(/;+\s*$/, '');
      lines.push(
        p.kind === 'print' ? `__out.push(__escape(__out.join(''), (${expr})));` : `__out.push(__raw((${expr})));`,
      );
    }
  }
  lines.push('}', "return __out.join('');");
  return lines.join('\n');
}

/** Names a template object uses itself; everything else set on it is visible to its scriptlets. */
const OWN = new Set(['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']);

// https://developers.google.com/apps-script/reference/html/html-template
export class FakeHtmlTemplate
  implements Pick<GHtmlTemplate, 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'>
{
  /** Any property the script sets on the template is a variable of its scriptlets. */
  [property: string]: unknown;

  readonly #env: Env;
  readonly #raw: string;
  readonly #globals: () => object | null;

  constructor(env: Env, raw: string, globals: () => object | null = () => null) {
    this.#env = env;
    this.#raw = raw;
    this.#globals = globals;
  }

  getRawContent(): string {
    this.#env.calls.record('Html.HtmlTemplate.getRawContent');
    return this.#raw;
  }

  getCode(): string {
    this.#env.calls.record('Html.HtmlTemplate.getCode');
    return compileTemplate(this.#raw);
  }

  getCodeWithComments(): string {
    this.#env.calls.record('Html.HtmlTemplate.getCodeWithComments');
    return compileTemplate(this.#raw)
      .split('\n')
      .map((l) => `${l} // template`)
      .join('\n');
  }

  /** Runs the scriptlets; template properties, then the script's globals, are in scope. */
  evaluate(): GHtmlOutput {
    this.#env.calls.record('Html.HtmlTemplate.evaluate');
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!OWN.has(k)) vars[k] = this[k];
    const globals = this.#globals();
    const scope = new Proxy(vars, {
      has: (target, key) =>
        typeof key === 'string' && (key in target || (globals !== null && key in (globals as Record<string, unknown>))),
      get: (target, key) => {
        if (typeof key !== 'string') return undefined;
        if (key in target) return target[key];
        return globals ? (globals as Record<string, unknown>)[key] : undefined;
      },
      set: (target, key, value) => {
        if (typeof key !== 'string') return false;
        if (globals && !(key in target) && key in globals) (globals as Record<string, unknown>)[key] = value;
        else target[key] = value;
        return true;
      },
    });
    const code = compileTemplate(this.#raw);
    let fn: (scope: object, esc: typeof contextualEscape, raw: (v: unknown) => string) => string;
    try {
      fn = new Function('__scope', '__escape', '__raw', code) as typeof fn;
    } catch (e) {
      throw new Error(`SyntaxError in template: ${(e as Error).message}`);
    }
    const raw = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    return gas<GHtmlOutput>(new FakeHtmlOutput(this.#env, fn(scope, contextualEscape, raw)));
  }
}

// https://developers.google.com/apps-script/reference/html/html-service
export class FakeHtmlService
  implements
    Pick<
      GHtmlService,
      | 'createHtmlOutput'
      | 'createHtmlOutputFromFile'
      | 'createTemplate'
      | 'createTemplateFromFile'
      | 'SandboxMode'
      | 'XFrameOptionsMode'
    >
{
  readonly SandboxMode = gas<typeof GoogleAppsScript.HTML.SandboxMode>(SandboxMode);
  readonly XFrameOptionsMode = gas<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(XFrameOptionsMode);
  /**
   * The loaded script's global object, so scriptlets can call the script's functions (emulator-only;
   * the Emulator sets it once the bundle is loaded). Without it, scriptlets see template properties only.
   */
  globals: object | null = null;

  constructor(
    private readonly env: Env,
    /** Folder of the .html files (normally build/). */
    readonly fileDir: string,
  ) {}

  /** The file's text; `name` may end in ".html". Throws "No HTML file named X was found." */
  readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const path = join(this.fileDir, `${name}.html`);
    if (!/^[^\\]*$/.test(name) || name.split('/').includes('..') || !existsSync(path)) {
      throw new Error(`No HTML file named ${name} was found.`);
    }
    return readFileSync(path, 'utf8');
  }

  private text(source: unknown): string {
    if (source === undefined || source === null) return '';
    if (typeof source === 'string') return source;
    if (source instanceof FakeBlob) return source.text();
    if (typeof source === 'object' && typeof (source as GBlobSource).getBlob === 'function') {
      const b: unknown = (source as GBlobSource).getBlob();
      if (b instanceof FakeBlob) return b.text();
    }
    return String(source);
  }

  createHtmlOutput(html?: string | GBlobSource): GHtmlOutput {
    this.env.calls.record('Html.HtmlService.createHtmlOutput');
    return gas<GHtmlOutput>(new FakeHtmlOutput(this.env, this.text(html)));
  }

  /** Scriptlets in the file are not run (that is createTemplateFromFile's job). */
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    this.env.calls.record('Html.HtmlService.createHtmlOutputFromFile');
    return gas<GHtmlOutput>(new FakeHtmlOutput(this.env, this.readFile(filename)));
  }

  createTemplate(html: string | GBlobSource): GHtmlTemplate {
    this.env.calls.record('Html.HtmlService.createTemplate');
    return gas<GHtmlTemplate>(new FakeHtmlTemplate(this.env, this.text(html), () => this.globals));
  }

  createTemplateFromFile(filename: string): GHtmlTemplate {
    this.env.calls.record('Html.HtmlService.createTemplateFromFile');
    return gas<GHtmlTemplate>(new FakeHtmlTemplate(this.env, this.readFile(filename), () => this.globals));
  }
}
