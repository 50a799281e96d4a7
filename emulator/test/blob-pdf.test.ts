/**
 * Blob.getAs('application/pdf') of an HTML blob (https://developers.google.com/apps-script/reference/base/blob#getAs(String)):
 * a real PDF whose text a PDF reader (pdf-parse, on pdf.js) reads back whole, Slovenian letters and
 * escaped markup included.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { convertBlob, FakeBlob } from '../src/blob';
import { createEnv } from '../src/env';

function readBack(bytes: Uint8Array): string {
  const run = spawnSync(process.execPath, [join(__dirname, '../../test/e2e/pdf-text.cjs')], {
    input: Buffer.from(bytes),
  });
  if (run.status !== 0) throw new Error(run.stderr.toString().slice(-2000));
  return run.stdout.toString('utf8');
}

describe('an HTML blob converted to PDF', () => {
  it('reads back with č, Č, š, ž, ć and đ, and with numeric character references decoded', () => {
    const env = createEnv();
    const html =
      '<html><body><h1>Občina Črnomelj</h1><p>Šiška, Žalec, čevapčiči, Ćiro, đak</p><p>&#60;b&#62;text&#60;/b&#62; &amp; &#x41;</p></body></html>';
    const pdf = convertBlob(
      env,
      new FakeBlob(env, new TextEncoder().encode(html), 'text/html', 'a.html'),
      'application/pdf',
    );
    expect(pdf.contentType).toBe('application/pdf');
    const text = readBack(pdf.bytes);
    expect(text).toContain('Občina Črnomelj');
    expect(text).toContain('Šiška, Žalec, čevapčiči, Ćiro, đak');
    expect(text).toContain('<b>text</b> & A');
  });
});
