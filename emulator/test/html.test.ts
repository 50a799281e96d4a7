/**
 * HtmlService fake: outputs, files from a folder, templates with scriptlets and escaping, call
 * counting and fault injection. Each quirk cites the Apps Script reference it copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { FakeBlob } from '../src/blob';
import { createEnv, type Env, InjectedFault } from '../src/env';
import { type FakeHtmlOutput, FakeHtmlService } from '../src/html';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'html-fake-'));
  writeFileSync(join(dir, 'Dialog.html'), '<p>Hello</p>');
  writeFileSync(join(dir, 'Report.html'), '<h1><?= title ?></h1><? for (const r of rows) { ?><li><?= r ?></li><? } ?>');
  writeFileSync(join(dir, 'Script.html'), '<script>var data = <?= data ?>;</script><p><?= data.name ?></p>');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setup(): { env: Env; html: FakeHtmlService } {
  const env = createEnv();
  return { env, html: new FakeHtmlService(env, dir) };
}

describe('HtmlOutput', () => {
  // https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)
  it('createHtmlOutput holds the content; setWidth/setHeight/setTitle chain', () => {
    const { html } = setup();
    const out = html.createHtmlOutput('<b>Hi</b>').setWidth(520).setHeight(420).setTitle('Preview');
    expect(out.getContent()).toBe('<b>Hi</b>');
    expect(out.getWidth()).toBe(520);
    expect(out.getHeight()).toBe(420);
    expect(out.getTitle()).toBe('Preview');
    expect(html.createHtmlOutput().getContent()).toBe('');
  });

  it('width and height must be whole pixel counts', () => {
    const { html } = setup();
    expect(() => html.createHtmlOutput('').setWidth(1.5)).toThrow('Invalid argument: width');
  });

  // https://developers.google.com/apps-script/reference/html/html-output#appendUntrusted(String)
  it('append adds trusted HTML; appendUntrusted escapes it', () => {
    const { html } = setup();
    const out = html.createHtmlOutput('<p>').append('<i>ok</i>').appendUntrusted('<b>"Tom" & \'Jerry\'</b>');
    expect(out.getContent()).toBe('<p><i>ok</i>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;');
    expect(out.clear().getContent()).toBe('');
  });

  it('sandbox and X-Frame modes, meta tags, favicon', () => {
    const { html } = setup();
    const out = html
      .createHtmlOutput('')
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .setFaviconUrl('https://example.org/i.png');
    expect(out.getMetaTags().map((t) => `${t.getName()}=${t.getContent()}`)).toEqual(['viewport=width=device-width']);
    expect(out.getFaviconUrl()).toBe('https://example.org/i.png');
    expect((out as unknown as FakeHtmlOutput).xFrameOptionsMode).toBe('ALLOWALL');
    // https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)
    expect(() => out.addMetaTag('description', 'x')).toThrow(/Invalid argument/);
  });

  it('getBlob is text/html; getAs("application/pdf") is a PDF of the text', () => {
    const { html } = setup();
    const out = html.createHtmlOutput('<h1>Report</h1><p>a &amp; b</p>').setTitle('report');
    expect(out.getBlob().getContentType()).toBe('text/html');
    expect(out.getBlob().getName()).toBe('report.html');
    const pdf = Buffer.from((out.getAs('application/pdf') as unknown as FakeBlob).bytes).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('(a & b)');
  });
});

describe('files', () => {
  // https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)
  it('createHtmlOutputFromFile reads <name>.html, with or without the extension', () => {
    const { html } = setup();
    expect(html.createHtmlOutputFromFile('Dialog').getContent()).toBe('<p>Hello</p>');
    expect(html.createHtmlOutputFromFile('Dialog.html').getContent()).toBe('<p>Hello</p>');
  });

  it('a missing file throws "No HTML file named <name> was found."', () => {
    const { html } = setup();
    expect(() => html.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => html.createTemplateFromFile('Nope.html')).toThrow('No HTML file named Nope was found.');
    expect(() => html.createHtmlOutputFromFile('../etc/passwd')).toThrow(/No HTML file named/);
  });

  it('scriptlets in a file are not run by createHtmlOutputFromFile', () => {
    const { html } = setup();
    expect(html.createHtmlOutputFromFile('Report').getContent()).toContain('<?= title ?>');
  });
});

describe('HtmlTemplate', () => {
  // https://developers.google.com/apps-script/guides/html/templates#pushing_variables_to_templates
  it('properties set on the template are variables of its scriptlets', () => {
    const { html } = setup();
    const t = html.createTemplateFromFile('Report');
    t.title = 'Seats';
    t.rows = ['Cologne', 'Stockholm'];
    expect(t.evaluate().getContent()).toBe('<h1>Seats</h1><li>Cologne</li><li>Stockholm</li>');
    expect(t.getRawContent()).toContain('<?= title ?>');
  });

  // https://developers.google.com/apps-script/guides/html/templates#printing_scriptlets
  it('<?= ?> escapes HTML; <?!= ?> prints as is; <? ?> only runs code', () => {
    const { html } = setup();
    const t = html.createTemplate('<? var x = "<b>&</b>"; ?>[<?= x ?>][<?!= x ?>][<?= "\'q\'" ?>]');
    expect(t.evaluate().getContent()).toBe('[&lt;b&gt;&amp;&lt;/b&gt;][<b>&</b>][&#39;q&#39;]');
  });

  // Contextual escaping: inside <script> a printed value is written as a JavaScript literal.
  it('inside <script> a printed value becomes a JavaScript literal', () => {
    const { html } = setup();
    const t = html.createTemplateFromFile('Script');
    t.data = { name: 'Ana </script>' };
    expect(t.evaluate().getContent()).toBe(
      '<script>var data = {"name":"Ana \\u003c/script\\u003e"};</script><p>Ana &lt;/script&gt;</p>',
    );
  });

  it('undefined and null print as nothing; a trailing semicolon in a printing scriptlet is fine', () => {
    const { html } = setup();
    expect(html.createTemplate('[<?= undefined ?>][<?!= null ?>][<?= 1 + 1; ?>]').evaluate().getContent()).toBe(
      '[][][2]',
    );
  });

  // https://developers.google.com/apps-script/reference/html/html-template#getCode()
  it('getCode shows the generated JavaScript', () => {
    const { html } = setup();
    const code = html.createTemplate('a<?= b ?>c').getCode();
    expect(code).toContain('__out.push("a");');
    expect(code).toContain('(b)');
  });

  it('a template from an HtmlOutput (asTemplate) evaluates too', () => {
    const { html } = setup();
    const t = html.createHtmlOutput('<?= 6 * 7 ?>').asTemplate();
    expect(t.evaluate().getContent()).toBe('42');
  });

  it('scriptlets reach the script’s globals through htmlService.globals (another vm realm)', () => {
    const { html } = setup();
    const context: Record<string, unknown> = {};
    runInNewContext('function include(n) { return "<i>" + n + "</i>"; } var SENDER = "Desk";', context);
    html.globals = context;
    const t = html.createTemplate('<?!= include("x") ?> <?= SENDER ?>');
    expect(t.evaluate().getContent()).toBe('<i>x</i> Desk');
  });

  it('an error in a scriptlet propagates', () => {
    const { html } = setup();
    expect(() => html.createTemplate('<?= missingVariable ?>').evaluate()).toThrow(/missingVariable/);
  });
});

describe('call counting and fault injection', () => {
  it('every API call is counted under Html.<Class>.<method>', () => {
    const { env, html } = setup();
    html.createHtmlOutput('x').setWidth(1).setHeight(1);
    html.createTemplateFromFile('Dialog').evaluate();
    expect(env.calls.count('Html.HtmlService.createHtmlOutput')).toBe(1);
    expect(env.calls.count('Html.HtmlOutput.setWidth')).toBe(1);
    expect(env.calls.count('Html.HtmlService.createTemplateFromFile')).toBe(1);
    expect(env.calls.count('Html.HtmlTemplate.evaluate')).toBe(1);
    expect(env.calls.total('Html.')).toBe(5);
  });

  it('failOn makes the k-th call throw InjectedFault', () => {
    const { env, html } = setup();
    env.calls.failOn('Html.HtmlService.createTemplateFromFile', 1);
    expect(() => html.createTemplateFromFile('Dialog')).toThrow(InjectedFault);
    expect(html.createTemplateFromFile('Dialog').evaluate().getContent()).toBe('<p>Hello</p>');
  });
});
