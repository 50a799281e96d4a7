import fc from 'fast-check';
import { type Block, defaultTemplate, type TemplateText } from '../../src/core/default-templates';
import { LANGUAGES } from '../../src/core/i18n';
import {
  type DocBlock,
  PLACEHOLDERS,
  type Placeholder,
  parseTemplate,
  placeholdersOf,
  renderNotice,
  type Template,
  type TextRun,
} from '../../src/core/templates';
import { NOTICE_TYPES } from '../../src/core/vocabulary';

const para = (...runs: (TextRun | string)[]): DocBlock => ({
  kind: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
const heading = (text: string, level = 1): DocBlock => ({ kind: 'heading', level, runs: [{ text }] });
const item = (text: string, nesting = 0, ordered = false): DocBlock => ({
  kind: 'listItem',
  ordered,
  nesting,
  runs: [{ text }],
});
const bold = (text: string): TextRun => ({ text, bold: true });
const tpl = (subject: string, ...blocks: DocBlock[]): Template => ({ subject, blocks });

/** A default template as the Doc adapter would read it back. */
function toDocBlocks(text: TemplateText): DocBlock[] {
  const block = (b: Block): DocBlock => {
    const runs = b.inlines.map((i) => ({ text: i.text, bold: i.bold, italic: i.italic, link: i.link ?? null }));
    if (b.kind === 'heading') return { kind: 'heading', level: 2, runs };
    if (b.kind === 'bullet') return { kind: 'listItem', ordered: false, nesting: 0, runs };
    if (b.kind === 'number') return { kind: 'listItem', ordered: true, nesting: 0, runs };
    return { kind: 'paragraph', runs };
  };
  return [para(`Subject: ${text.subject}`), ...text.blocks.map(block)];
}

const sample: Record<Placeholder, string> = {
  Municipality: 'Občina Črna na Koroškem',
  ContactName: 'Ana Žagar',
  ApplicationId: 'APP-0007',
  ExcursionCity: 'Köln',
  ExcursionDates: '25.–27. 4. 2017',
  PlacesGranted: '2',
  WaitlistPosition: '3',
  Issues: 'Missing e-mail\nEnglish not confirmed',
  Deadline: '22. 2. 2017',
  SenderName: 'Sekretariat SOS',
  ExcursionLabel: 'Cologne, 25–27 April 2017',
  ReplyLink: 'https://docs.google.com/forms/d/e/REPLY/viewform?entry.1=APP-0007.CGN.1.sig',
  ReplyBy: '13. februarja 2017',
  FormLink: 'https://docs.google.com/forms/d/e/FORM/viewform?entry.2=%C4%8Crna',
  Changes: 'Število mest na tej ekskurziji se je spremenilo: prej 2 mesti, zdaj 1 mesto.',
  Excursions: 'Köln, 25.–27. aprila 2017\nStockholm, 10.–12. oktobra 2017',
  ReplyTo: 'growsmarter@sos.example',
  NextStep: 'Do takrat vam ni treba storiti ničesar.',
};

const ALLOWED_TAGS = ['!DOCTYPE', 'html', 'body', 'h[1-6]', 'p', 'strong', 'em', 'u', 'a', 'ul', 'ol', 'li', 'br'];
const FOREIGN_TAG = new RegExp(`<(?!/?(?:${ALLOWED_TAGS.join('|')})[\\s>])`, 'g');
const tagsOf = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];

describe('parseTemplate', () => {
  it('takes the subject from the first line and the rest as the body', () => {
    const { template, problems } = parseTemplate([para('Subject: Hello {{Municipality}}'), para('Body')]);
    expect(template.subject).toBe('Hello {{Municipality}}');
    expect(template.blocks).toEqual([para('Body')]);
    expect(problems).toEqual([]);
  });

  it('skips leading empty paragraphs before the subject', () => {
    const { template, problems } = parseTemplate([para(''), para('  '), para('Subject: Hi'), para('Body')]);
    expect(template.subject).toBe('Hi');
    expect(problems).toEqual([]);
  });

  it('accepts a lower-case label with extra spaces, even split across runs', () => {
    expect(parseTemplate([para('  subject :   Hi there  '), para('x')]).template.subject).toBe('Hi there');
    expect(parseTemplate([para(bold('SUBJECT:'), 'Hi'), para('x')]).template.subject).toBe('Hi');
  });

  it('moves text after a soft line break in the subject paragraph to the body', () => {
    const { template } = parseTemplate([para('Subject: Hi\rDear all,')]);
    expect(template.subject).toBe('Hi');
    expect(template.blocks.map((b) => b.runs.map((r) => r.text).join(''))).toEqual(['Dear all,']);
  });

  it('reports a missing subject and keeps every block as the body', () => {
    const blocks = [para('Dear {{ContactName}},'), para('Body')];
    const { template, problems } = parseTemplate(blocks);
    expect(problems).toEqual([{ kind: 'noSubject' }]);
    expect(template.subject).toBe('');
    expect(template.blocks).toEqual(blocks);
  });

  it('reports a label without a subject as no subject', () => {
    expect(parseTemplate([para('Subject:   '), para('Body')]).problems).toEqual([{ kind: 'noSubject' }]);
  });

  it('refuses a template without a body: a subject-only Doc is empty', () => {
    expect(parseTemplate([para('Subject: Hi'), para(' ')]).problems).toEqual([{ kind: 'empty' }]);
    expect(parseTemplate([]).problems).toEqual([{ kind: 'noSubject' }, { kind: 'empty' }]);
  });

  it('reports each unknown placeholder once', () => {
    const { problems } = parseTemplate([para('Subject: {{Foo}}'), para('{{Foo}} {{Bar}} {{Municipality}}')]);
    expect(problems).toEqual([
      { kind: 'unknownPlaceholder', name: 'Foo' },
      { kind: 'unknownPlaceholder', name: 'Bar' },
    ]);
  });
});

describe('placeholdersOf', () => {
  it('finds a placeholder split by a bold run', () => {
    const found = placeholdersOf(tpl('', para('Dear {{Munic', bold('ipality}}'), ',')));
    expect(found).toEqual({ known: ['Municipality'], unknown: [] });
  });

  it('separates known from unknown, each once, in order of use', () => {
    const found = placeholdersOf(
      tpl('{{ExcursionCity}} {{Foo}}', para('{{ContactName}} {{Foo}} {{ExcursionCity}}'), item('{{Nope}}')),
    );
    expect(found).toEqual({ known: ['ExcursionCity', 'ContactName'], unknown: ['Foo', 'Nope'] });
  });

  it('tolerates whitespace inside the braces', () => {
    expect(placeholdersOf(tpl('{{ Municipality }}', para('{{\tDeadline  }}'))).known).toEqual([
      'Municipality',
      'Deadline',
    ]);
  });

  it('reports an unknown {{Foo}} and ignores single braces', () => {
    expect(placeholdersOf(tpl('{Municipality}', para('{Deadline} {{Foo}} { {Bar} }')))).toEqual({
      known: [],
      unknown: ['Foo'],
    });
  });

  it('does not join a placeholder across two paragraphs', () => {
    expect(placeholdersOf(tpl('', para('{{Munic'), para('ipality}}')))).toEqual({ known: [], unknown: [] });
  });
});

describe('renderNotice on the default templates', () => {
  for (const lang of LANGUAGES) {
    for (const type of NOTICE_TYPES) {
      it(`merges every placeholder of the ${lang} ${type} notice`, () => {
        const { template, problems } = parseTemplate(toDocBlocks(defaultTemplate(type, lang)));
        expect(problems).toEqual([]);
        const notice = renderNotice(template, sample);
        for (const part of [notice.subject, notice.html, notice.text]) expect(part).not.toContain('{{');
        // The call's own notices (no application yet) name the call instead.
        const call = type === 'invitation' || type === 'call_reminder';
        expect(notice.subject).toContain(
          call
            ? 'GrowSmarter'
            : defaultTemplate(type, lang).subject.includes('{{Municipality}}')
              ? sample.Municipality
              : sample.ExcursionCity,
        );
        expect(notice.html).toMatch(/^<!DOCTYPE html><html><body style="[^"]+">.*<\/body><\/html>$/s);
        expect(notice.html).toContain(`<p style="margin:0 0 12px">${sample.SenderName}</p>`);
        expect(notice.text).not.toMatch(/<[a-z/!]/i);
        // Slovenian letters use the call's formal plural, English ones the contact's name.
        expect(notice.text).toContain(
          lang === 'sl' ? 'Spoštovane, spoštovani,' : call ? 'Dear colleagues,' : `Dear ${sample.ContactName},`,
        );
        expect(notice.html.match(FOREIGN_TAG)).toBeNull();
      });
    }
  }

  it('keeps bold as <strong> around the merged value', () => {
    const { template } = parseTemplate(toDocBlocks(defaultTemplate('received', 'en')));
    expect(renderNotice(template, sample).html).toContain(`<strong>${sample.ApplicationId}</strong>`);
  });

  it('renders the heading of the accepted notice', () => {
    const { template } = parseTemplate(toDocBlocks(defaultTemplate('accepted', 'sl')));
    const notice = renderNotice(template, sample);
    expect(notice.html).toMatch(/<h2 style="[^"]*">Ponudba mest na ekskurziji<\/h2>/);
    expect(notice.text.startsWith('Ponudba mest na ekskurziji\n\nSpoštovane, spoštovani,\n\n')).toBe(true);
  });

  it('lists each issue of the incomplete notice as its own bullet', () => {
    const { template } = parseTemplate(toDocBlocks(defaultTemplate('incomplete', 'en')));
    const notice = renderNotice(template, sample);
    expect(notice.html).toContain(
      '<li style="margin:0 0 4px">Missing e-mail</li><li style="margin:0 0 4px">English not confirmed</li></ul>',
    );
    expect(notice.text).toContain('not complete:\n\n- Missing e-mail\n- English not confirmed\n\nPlease fill in');
  });
});

describe('what each default notice says (SPEC section 7)', () => {
  const uses = (type: (typeof NOTICE_TYPES)[number], lang: (typeof LANGUAGES)[number]) =>
    placeholdersOf(parseTemplate(toDocBlocks(defaultTemplate(type, lang))).template).known;
  const text = (type: (typeof NOTICE_TYPES)[number], lang: (typeof LANGUAGES)[number]) =>
    renderNotice(parseTemplate(toDocBlocks(defaultTemplate(type, lang))).template, sample);
  const EXCURSION_TYPES = [
    'accepted',
    'waitlisted',
    'not_selected',
    'promoted',
    'changed',
    'reminder',
    'lapsed',
    'reply',
  ] as const;

  for (const lang of LANGUAGES) {
    it(`${lang}: an offer carries the reply link and its date, says how to decline and asks for the delegates`, () => {
      for (const type of ['accepted', 'promoted', 'reminder'] as const) {
        expect([type, uses(type, lang)]).toEqual([type, expect.arrayContaining(['ReplyLink', 'ReplyBy'])]);
        const body = text(type, lang).text;
        expect([type, body]).toEqual([type, expect.stringContaining('We decline')]);
        expect([type, /delegat/i.test(body)]).toEqual([type, true]);
      }
    });

    it(`${lang}: subjects about an excursion name it with its dates, and none calls an offer confirmed`, () => {
      for (const type of EXCURSION_TYPES) {
        const subject = defaultTemplate(type, lang).subject;
        expect([type, subject]).toEqual([type, expect.stringContaining('{{ExcursionDates}}')]);
      }
      for (const type of ['accepted', 'promoted', 'changed', 'reminder'] as const)
        expect([type, /confirm|potrj/i.test(defaultTemplate(type, lang).subject)]).toEqual([type, false]);
    });

    it(`${lang}: the incomplete notice links the form; late and ineligible invite no resubmission`, () => {
      expect(uses('incomplete', lang)).toContain('FormLink');
      for (const type of ['late', 'ineligible'] as const) {
        expect([type, uses(type, lang).includes('FormLink')]).toEqual([type, false]);
        expect([type, /again|znova|ponovno/i.test(text(type, lang).text)]).toEqual([type, false]);
      }
      expect(uses('ineligible', lang)).toContain('Issues');
      expect(uses('late', lang)).toContain('Deadline');
    });

    it(`${lang}: changed, promoted and reply say what changed`, () => {
      for (const type of ['changed', 'promoted', 'reply'] as const)
        expect([type, uses(type, lang)]).toEqual([type, expect.arrayContaining(['Changes'])]);
    });
  }
});

describe('renderNotice escaping', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;', "it's", '{{Municipality}}'];

  for (const value of hostile) {
    it(`escapes ${JSON.stringify(value)} in HTML and keeps it verbatim in text`, () => {
      const notice = renderNotice(tpl('Re: {{ContactName}}', para('Dear ', bold('{{ContactName}}'), ',')), {
        ContactName: value,
        Municipality: 'MERGED-AGAIN',
      });
      const escaped = value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      expect(notice.html).toContain(`<strong>${escaped}</strong>`);
      expect(notice.html.match(FOREIGN_TAG)).toBeNull();
      expect(notice.text).toBe(`Dear ${value},`);
      expect(notice.subject).toBe(`Re: ${value}`);
      expect(notice.html + notice.text + notice.subject).not.toContain('MERGED-AGAIN');
    });
  }

  it("escapes the template's own text", () => {
    expect(renderNotice(tpl('', para('a < b & c')), {}).html).toContain(
      '<p style="margin:0 0 12px">a &#60; b &#38; c</p>',
    );
  });

  it('turns a newline in a value into <br> in HTML and a line in text', () => {
    const notice = renderNotice(tpl('', para('To: {{ContactName}}!')), { ContactName: 'Ana\r\nBor' });
    expect(notice.html).toContain('To: Ana<br>Bor!');
    expect(notice.text).toBe('To: Ana\nBor!');
  });

  it('merges a missing value as empty and leaves an unknown placeholder as it is', () => {
    const notice = renderNotice(tpl('{{Foo}} {{Deadline}}', para('[{{Deadline}}] {{Foo}}')), {});
    expect(notice.subject).toBe('{{Foo}}');
    expect(notice.text).toBe('[] {{Foo}}');
  });

  it('gives a value the formatting of the run where its placeholder starts', () => {
    const notice = renderNotice(tpl('', para('x {{Munic', bold('ipality}} y'))), { Municipality: 'Kranj' });
    expect(notice.html).toContain('<p style="margin:0 0 12px">x Kranj<strong> y</strong></p>');
  });

  it('merges adjacent runs with the same formatting', () => {
    const notice = renderNotice(tpl('', para(bold('a'), bold('{{Deadline}}'), bold('c'))), { Deadline: 'b' });
    expect(notice.html).toContain('<strong>abc</strong>');
  });

  it('puts the subject on one line without escaping it', () => {
    const notice = renderNotice(tpl('  Re: {{Issues}} & more  '), { Issues: 'a <b>\n\n c\r\n' });
    expect(notice.subject).toBe('Re: a <b> c & more');
  });

  const template = tpl(
    'S {{Municipality}} {{Issues}}',
    heading('{{ExcursionCity}}'),
    ...PLACEHOLDERS.map((name) => para('[', bold(`{{${name}}}`), ']')),
    para({ text: '{{ContactName}}', link: 'https://example.com/?a=1&b=2', italic: true }),
    item('{{Issues}}'),
    item('{{Deadline}} and {{SenderName}}', 1, true),
  );
  const values = (line: fc.Arbitrary<string>) =>
    fc.record(
      Object.fromEntries(PLACEHOLDERS.map((name) => [name, line])) as Record<Placeholder, fc.Arbitrary<string>>,
    );
  /** The same values with every non-blank line made harmless: the tags the template itself produces. */
  const tame = (v: Record<Placeholder, string>) =>
    Object.fromEntries(
      Object.entries(v).map(([k, s]) => [
        k,
        s
          .split(/\r\n|[\r\n\v\u2028\u2029]/)
          .map((l) => (l.trim() === '' ? l : 'x'))
          .join('\n'),
      ]),
    ) as Record<Placeholder, string>;

  it('never lets a value add a tag to the HTML part (property)', () => {
    const anyText = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '\n', '\r', ' ', 'a', 'č', '{', '}') });
    fc.assert(
      fc.property(values(fc.oneof(anyText, fc.string({ unit: 'binary' }))), (v) => {
        const html = renderNotice(template, v).html;
        expect(html.match(FOREIGN_TAG)).toBeNull();
        expect(tagsOf(html)).toEqual(tagsOf(renderNotice(template, tame(v)).html));
      }),
    );
  });

  it('keeps every one-line value verbatim in the text part (property)', () => {
    const line = fc.string({ unit: 'grapheme' }).filter((s) => !/[\r\n\v\u2028\u2029]/.test(s));
    fc.assert(
      fc.property(values(line), (v) => {
        const text = renderNotice(template, v).text;
        for (const name of PLACEHOLDERS) expect(text).toContain(`[${v[name]}]`);
        expect(text).not.toContain('<strong>');
      }),
    );
  });
});

describe('renderNotice links', () => {
  const linked = (link: string, text = 'the site') => tpl('', para('See ', { text, link }, '.'));

  it('keeps http, https and mailto links', () => {
    for (const url of ['http://sos.si/', 'https://sos.si/a', 'mailto:info@sos.si']) {
      expect(renderNotice(linked(url), {}).html).toContain(`<a href="${url}" style="color:#1155cc">the site</a>`);
    }
    expect(renderNotice(linked('HTTPS://SOS.SI'), {}).text).toBe('See the site (HTTPS://SOS.SI).');
  });

  it('drops a javascript: link to plain text', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      const notice = renderNotice(linked(url), {});
      expect(notice.html).toContain('See the site.');
      expect(notice.html).not.toContain('<a ');
      expect(notice.text).toBe('See the site.');
    }
  });

  it('escapes the href', () => {
    const html = renderNotice(linked('https://x.si/?a=1&b="><script>'), {}).html;
    expect(html).toContain('href="https://x.si/?a=1&#38;b=&#34;&#62;&#60;script&#62;"');
    expect(html.match(FOREIGN_TAG)).toBeNull();
  });

  it('writes a link as text (url) in the text part unless the text is the url', () => {
    expect(renderNotice(linked('https://sos.si'), {}).text).toBe('See the site (https://sos.si).');
    expect(renderNotice(linked('https://sos.si', 'https://sos.si'), {}).text).toBe('See https://sos.si.');
    expect(renderNotice(linked('mailto:info@sos.si', 'info@sos.si'), {}).text).toBe('See info@sos.si.');
  });

  it('keeps one link around runs of different formatting', () => {
    const notice = renderNotice(
      tpl('', para({ text: 'the ', link: 'https://a.si' }, { text: 'site', link: 'https://a.si', bold: true })),
      {},
    );
    expect(notice.text).toBe('the site (https://a.si)');
    expect(notice.html).toContain('<a href="https://a.si" style="color:#1155cc"><strong>site</strong></a>');
  });
});

describe('renderNotice lists', () => {
  it('groups consecutive items into one list and separates lists by paragraphs', () => {
    const notice = renderNotice(tpl('', item('a'), item('b'), para('p'), item('c')), {});
    expect(notice.html.match(/<ul /g)).toHaveLength(2);
    expect(notice.html).toMatch(
      /<ul [^>]*><li[^>]*>a<\/li><li[^>]*>b<\/li><\/ul><p[^>]*>p<\/p><ul [^>]*><li[^>]*>c<\/li><\/ul>/,
    );
    expect(notice.text).toBe('- a\n- b\n\np\n\n- c');
  });

  it('nests lists by nesting level and numbers ordered items per list', () => {
    const notice = renderNotice(
      tpl('', item('one', 0, true), item('sub a', 1), item('sub b', 1), item('two', 0, true), item('deep', 1, true)),
      {},
    );
    expect(notice.html.replace(/ style="[^"]*"/g, '')).toContain(
      '<ol><li>one<ul><li>sub a</li><li>sub b</li></ul></li><li>two<ol><li>deep</li></ol></li></ol>',
    );
    expect(notice.text).toBe('1. one\n  - sub a\n  - sub b\n2. two\n  1. deep');
  });

  it('starts a new list when an item changes between bullets and numbers', () => {
    const notice = renderNotice(tpl('', item('a'), item('b', 0, true), item('c', 0, true)), {});
    expect(notice.html.replace(/ style="[^"]*"/g, '')).toContain('<ul><li>a</li></ul><ol><li>b</li><li>c</li></ol>');
    expect(notice.text).toBe('- a\n1. b\n2. c');
  });

  it('opens at most one level deeper than the list before', () => {
    const notice = renderNotice(tpl('', item('a', 2), item('b', 3)), {});
    expect(notice.html.replace(/ style="[^"]*"/g, '')).toContain('<ul><li>a<ul><li>b</li></ul></li></ul>');
    expect(notice.text).toBe('- a\n  - b');
  });

  it('makes a multi-line {{Issues}} several bullets, dropping blank lines', () => {
    const notice = renderNotice(tpl('', para('Issues:'), item(' {{ Issues }} ')), {
      Issues: 'No e-mail\n\n  \r\nNo <English>\n',
    });
    expect(notice.html).toContain(
      '<li style="margin:0 0 4px">No e-mail</li><li style="margin:0 0 4px">No &#60;English&#62;</li>',
    );
    expect(notice.text).toBe('Issues:\n\n- No e-mail\n- No <English>');
  });

  it('numbers the issues of an ordered item', () => {
    const notice = renderNotice(tpl('', item('{{Issues}}', 0, true)), { Issues: 'x\ny\nz' });
    expect(notice.text).toBe('1. x\n2. y\n3. z');
  });

  it('drops an item whose value is empty and indents a multi-line value mixed with text', () => {
    expect(renderNotice(tpl('', item('{{Issues}}'), para('end')), {}).html).not.toContain('<li');
    expect(renderNotice(tpl('', item('Note: {{Issues}}', 0, true)), { Issues: 'a\nb' }).text).toBe('1. Note: a\n   b');
  });
});

describe('renderNotice layout', () => {
  it('renders headings with inline styles and a blank line after them in text', () => {
    const notice = renderNotice(tpl('', heading('Title', 1), heading('Small', 6), para('Body')), {});
    expect(notice.html).toMatch(/<h1 style="font-size:\d+px;margin:[^"]+">Title<\/h1>/);
    expect(notice.html).toMatch(/<h6 style="font-size:\d+px;margin:[^"]+">Small<\/h6>/);
    expect(notice.text).toBe('Title\n\nSmall\n\nBody');
  });

  it('leaves empty paragraphs out of both parts', () => {
    const notice = renderNotice(tpl('', para('a'), para(''), para('   '), para('{{Deadline}}'), para('b')), {});
    expect(notice.html.match(/<p /g)).toHaveLength(2);
    expect(notice.text).toBe('a\n\nb');
  });

  it('renders italic and underline and trims trailing whitespace in text', () => {
    const notice = renderNotice(
      tpl('', para({ text: 'i', italic: true }, { text: 'u', underline: true }, '   '), para('next  ')),
      {},
    );
    expect(notice.html).toContain('<em>i</em><u>u</u>');
    expect(notice.text).toBe('iu\n\nnext');
  });

  it('keeps č, š and ž in the subject, the HTML and the text', () => {
    const notice = renderNotice(tpl('Čakalni seznam: {{Municipality}}', para('Šola {{Municipality}}')), {
      Municipality: 'Žalec, Škofja Loka, Črnomelj',
    });
    expect(notice.subject).toBe('Čakalni seznam: Žalec, Škofja Loka, Črnomelj');
    expect(notice.html).toContain('Šola Žalec, Škofja Loka, Črnomelj');
    expect(notice.text).toBe('Šola Žalec, Škofja Loka, Črnomelj');
  });
});
