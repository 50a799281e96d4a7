/**
 * Base.Blob for the emulator, and the hand-written PDF writer that the Document, Drive and Html
 * fakes use for getAs('application/pdf'). Bytes live in a Uint8Array of Node's realm; the script
 * sees them as a plain array of signed bytes (-128..127), as Apps Script's Java bytes are.
 * Never bundled into build/Code.js.
 */
import type { Env } from './env';

type GBlob = GoogleAppsScript.Base.Blob;

/** The facade returns its fakes where the real API returns real objects; the fakes only implement a Pick. */
export function gas<T>(x: unknown): T {
  return x as T;
}

/** What the script may pass as blob data: bytes from any realm, or a string (UTF-8). */
export type BlobData = Uint8Array | ArrayLike<number> | string;

/** Copies bytes or a byte-like array (signed or unsigned, any realm) into a Node Uint8Array. */
export function toBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data === null || data === undefined) return new Uint8Array(0);
  if (Array.isArray(data) || (typeof data === 'object' && typeof (data as { length?: unknown }).length === 'number')) {
    const src = data as ArrayLike<unknown>;
    const out = new Uint8Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = Number(src[i]) & 0xff;
    return out;
  }
  throw new Error(`The parameters (${typeof data}) don't match the method signature for Utilities.newBlob.`);
}

function normCharset(charset: string | undefined): string {
  return (charset ?? 'UTF-8').trim().toUpperCase().replace(/_/g, '-');
}

/** Encodes a string in a Java charset name (UTF-8, ISO-8859-1, US-ASCII, UTF-16, UTF-16LE, UTF-16BE). */
export function encodeString(s: string, charset?: string): Uint8Array {
  const cs = normCharset(charset);
  if (cs === 'UTF-8' || cs === 'UTF8') return new TextEncoder().encode(s);
  if (cs === 'ISO-8859-1' || cs === 'LATIN1' || cs === 'US-ASCII' || cs === 'ASCII') {
    const out = new Uint8Array(s.length);
    const max = cs.startsWith('ISO') || cs === 'LATIN1' ? 0xff : 0x7f;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[i] = c <= max ? c : 0x3f; // Java replaces unmappable characters with '?'
    }
    return out;
  }
  if (cs === 'UTF-16LE' || cs === 'UTF-16BE' || cs === 'UTF-16') {
    const le = cs === 'UTF-16LE';
    const bom = cs === 'UTF-16' ? 2 : 0; // Java's "UTF-16" writes a big-endian byte-order mark
    const out = new Uint8Array(bom + s.length * 2);
    if (bom) {
      out[0] = 0xfe;
      out[1] = 0xff;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[bom + 2 * i] = le ? c & 0xff : c >> 8;
      out[bom + 2 * i + 1] = le ? c >> 8 : c & 0xff;
    }
    return out;
  }
  throw new Error(`Unsupported charset: ${charset}`);
}

/** Decodes bytes in a Java charset name. */
export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  const cs = normCharset(charset);
  const label =
    cs === 'UTF8' ? 'utf-8' : cs === 'LATIN1' ? 'iso-8859-1' : cs === 'ASCII' ? 'us-ascii' : cs.toLowerCase();
  if (label === 'us-ascii') return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  if (label === 'iso-8859-1') return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new Error(`Unsupported charset: ${charset}`);
  }
}

/**
 * Blob.getAs naming: "it assumes that the part of the filename that follows the last period (if
 * any) is an existing extension that should be replaced", so "ShoppingList.12.25.2014" becomes
 * "ShoppingList.12.25.pdf".
 */
export function replaceExtension(name: string | null, ext: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.${ext}`;
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  md: 'text/markdown',
  eml: 'message/rfc822',
  zip: 'application/zip',
};

// https://developers.google.com/apps-script/reference/base/blob
export class FakeBlob
  implements
    Pick<
      GBlob,
      | 'getBytes'
      | 'setBytes'
      | 'getDataAsString'
      | 'getContentType'
      | 'setContentType'
      | 'setContentTypeFromExtension'
      | 'getName'
      | 'setName'
      | 'copyBlob'
      | 'getAs'
      | 'getBlob'
      | 'setDataFromString'
      | 'isGoogleType'
    >
{
  /** The data, in Node's realm (emulator-only). */
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;

  constructor(
    private readonly env: Env,
    data: unknown = new Uint8Array(0),
    contentType: string | null = null,
    name: string | null = null,
  ) {
    this.bytes = toBytes(data);
    this.contentType = contentType;
    this.name = name;
  }

  /** The data as a string, uncounted (emulator-only). */
  text(charset?: string): string {
    return decodeBytes(this.bytes, charset);
  }

  /** Signed bytes (-128..127) in a plain array, as Apps Script returns Java bytes. */
  getBytes(): number[] {
    this.env.calls.record('Base.Blob.getBytes');
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }

  setBytes(data: number[]): GBlob {
    this.env.calls.record('Base.Blob.setBytes');
    this.bytes = toBytes(data);
    return gas<GBlob>(this);
  }

  getDataAsString(charset?: string): string {
    this.env.calls.record('Base.Blob.getDataAsString');
    return decodeBytes(this.bytes, charset);
  }

  setDataFromString(string: string, charset?: string): GBlob {
    this.env.calls.record('Base.Blob.setDataFromString');
    this.bytes = encodeString(String(string), charset);
    return gas<GBlob>(this);
  }

  getContentType(): string | null {
    this.env.calls.record('Base.Blob.getContentType');
    return this.contentType;
  }

  setContentType(contentType: string | null): GBlob {
    this.env.calls.record('Base.Blob.setContentType');
    this.contentType = contentType === null ? null : String(contentType);
    return gas<GBlob>(this);
  }

  setContentTypeFromExtension(): GBlob {
    this.env.calls.record('Base.Blob.setContentTypeFromExtension');
    const ext = this.name?.includes('.') ? this.name.slice(this.name.lastIndexOf('.') + 1).toLowerCase() : '';
    const type = EXTENSION_TYPES[ext];
    if (!type) throw new Error(`Could not determine the content type of the blob from its name: ${this.name}`);
    this.contentType = type;
    return gas<GBlob>(this);
  }

  getName(): string | null {
    this.env.calls.record('Base.Blob.getName');
    return this.name;
  }

  setName(name: string): GBlob {
    this.env.calls.record('Base.Blob.setName');
    this.name = String(name);
    return gas<GBlob>(this);
  }

  copyBlob(): GBlob {
    this.env.calls.record('Base.Blob.copyBlob');
    return gas<GBlob>(new FakeBlob(this.env, this.bytes.slice(), this.contentType, this.name));
  }

  getBlob(): GBlob {
    this.env.calls.record('Base.Blob.getBlob');
    return gas<GBlob>(this);
  }

  /**
   * Converts: to its own type it is a copy; text/* and HTML convert to a PDF of their text; anything
   * else throws "Converting from X to Y is not supported."
   */
  getAs(contentType: string): GBlob {
    this.env.calls.record('Base.Blob.getAs');
    return gas<GBlob>(convertBlob(this.env, this, String(contentType)));
  }

  isGoogleType(): boolean {
    this.env.calls.record('Base.Blob.isGoogleType');
    return false;
  }
}

/** The extension Blob.getAs gives a converted blob's name. */
function extensionOf(contentType: string): string {
  for (const [ext, type] of Object.entries(EXTENSION_TYPES)) if (type === contentType) return ext;
  return contentType.slice(contentType.lastIndexOf('/') + 1);
}

/** Blob conversion shared by Blob, HtmlOutput and Drive files (uncounted). */
export function convertBlob(env: Env, blob: FakeBlob, contentType: string): FakeBlob {
  const from = blob.contentType ?? 'application/octet-stream';
  const name = replaceExtension(blob.name, extensionOf(contentType));
  if (contentType === from) return new FakeBlob(env, blob.bytes.slice(), from, name);
  if (contentType === 'application/pdf' && (from.startsWith('text/') || from === 'application/json')) {
    let text = blob.text();
    if (from === 'text/html') text = htmlToText(text);
    return new FakeBlob(env, renderPdf(text.split(/\r\n|\r|\n/)), 'application/pdf', name);
  }
  throw new Error(`Converting from ${from} to ${contentType} is not supported.`);
}

/** The visible text of an HTML fragment, roughly (tags dropped, block ends as new lines). */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr|title)>/gi, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      // Numeric references too (a renderer shows &#60; as "<"): the add-on escapes with them.
      .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&amp;/g, '&')
  );
}

// ---------------------------------------------------------------------------------------------
// A minimal, valid PDF written by hand: A4 pages, Helvetica 11pt, 50 lines a page.

/** Lines per PDF page. */
export const PDF_LINES_PER_PAGE = 50;
/** Characters per PDF line before it wraps. */
export const PDF_LINE_WIDTH = 95;

/** Unicode to Windows-1252 for the characters outside Latin-1 that cp1252 has (Š, Ž, €, ...). */
const CP1252: Record<number, number> = {
  8364: 0x80,
  8218: 0x82,
  402: 0x83,
  8222: 0x84,
  8230: 0x85,
  8224: 0x86,
  8225: 0x87,
  710: 0x88,
  8240: 0x89,
  352: 0x8a,
  8249: 0x8b,
  338: 0x8c,
  381: 0x8e,
  8216: 0x91,
  8217: 0x92,
  8220: 0x93,
  8221: 0x94,
  8226: 0x95,
  8211: 0x96,
  8212: 0x97,
  732: 0x98,
  8482: 0x99,
  353: 0x9a,
  8250: 0x9b,
  339: 0x9c,
  382: 0x9e,
  376: 0x9f,
};

/**
 * Central European letters WinAnsiEncoding lacks (Slovenian č and Č, and ć, Ć, đ of names), put in
 * the five codes WinAnsi leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) through the font's
 * /Differences (PDF 32000-1:2008, 9.6.6.1): the standard Helvetica has these glyphs under the Adobe
 * glyph names below, and a PDF reader maps the names back to Unicode, so the text reads back whole.
 */
const DIFFERENCES: readonly [number, number, string][] = [
  [0x81, 0x10c, 'Ccaron'],
  [0x8d, 0x10d, 'ccaron'],
  [0x8f, 0x106, 'Cacute'],
  [0x90, 0x107, 'cacute'],
  [0x9d, 0x111, 'dcroat'],
];
const DIFFERENCE_CODES = new Map(DIFFERENCES.map(([code, unicode]) => [unicode, code]));

/** The font dictionary: Helvetica, WinAnsiEncoding with the Central European letters added. */
export const PDF_FONT = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${DIFFERENCES.map(([code, , name]) => `${code} /${name}`).join(' ')}] >> >>`;

/** A PDF string literal's bytes in the font's encoding; characters it lacks lose their accents or become '?'. */
function pdfStringBytes(s: string): number[] {
  const out: number[] = [0x28];
  for (const ch of s) {
    let code = ch.codePointAt(0) ?? 0x3f;
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) {
      const mapped = CP1252[code] ?? DIFFERENCE_CODES.get(code);
      if (mapped !== undefined) code = mapped;
      else {
        const base = ch.normalize('NFD').charCodeAt(0);
        code = base < 0x80 ? base : 0x3f;
      }
    } else if (code < 0x20) code = 0x20;
    if (code === 0x28 || code === 0x29 || code === 0x5c) out.push(0x5c);
    out.push(code);
  }
  out.push(0x29);
  return out;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/**
 * A PDF of the given lines of text: header, catalog, page tree, one font, a page and a content
 * stream per 50 lines, an xref table with the byte offset of every object, trailer, %%EOF.
 */
export function renderPdf(lines: string[]): Uint8Array {
  const wrapped = lines.flatMap((l) => wrapLine(l.replace(/\t/g, '    '), PDF_LINE_WIDTH));
  const pages: string[][] = [];
  for (let i = 0; i < wrapped.length; i += PDF_LINES_PER_PAGE) pages.push(wrapped.slice(i, i + PDF_LINES_PER_PAGE));
  if (pages.length === 0) pages.push([]);

  const chunks: number[] = [];
  const ascii = (s: string) => {
    for (let i = 0; i < s.length; i++) chunks.push(s.charCodeAt(i) & 0xff);
  };
  const offsets: number[] = [];
  const object = (n: number, body: () => void) => {
    offsets[n] = chunks.length;
    ascii(`${n} 0 obj\n`);
    body();
    ascii('\nendobj\n');
  };

  ascii('%PDF-1.4\n');
  chunks.push(0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a); // binary marker comment
  const pageObj = (i: number) => 4 + 2 * i;
  object(1, () => ascii('<< /Type /Catalog /Pages 2 0 R >>'));
  object(2, () =>
    ascii(`<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${pages.length} >>`),
  );
  object(3, () => ascii(PDF_FONT));
  pages.forEach((pageLines, i) => {
    const n = pageObj(i);
    object(n, () =>
      ascii(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${n + 1} 0 R >>`,
      ),
    );
    const content: number[] = [];
    const push = (s: string) => {
      for (let k = 0; k < s.length; k++) content.push(s.charCodeAt(k));
    };
    push('BT\n/F1 11 Tf\n14 TL\n50 792 Td\n');
    for (const line of pageLines) {
      for (const b of pdfStringBytes(line)) content.push(b);
      push(" '\n");
    }
    push('ET');
    object(n + 1, () => {
      ascii(`<< /Length ${content.length} >>\nstream\n`);
      for (const b of content) chunks.push(b);
      ascii('\nendstream');
    });
  });
  const count = 4 + 2 * pages.length;
  const xref = chunks.length;
  ascii(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) ascii(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  ascii(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF`);
  return Uint8Array.from(chunks);
}
