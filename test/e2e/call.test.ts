/**
 * The call (SPEC section 11, issue 15) through the built bundle: Send the call mails each
 * municipality with an address its invitation and personal form link, at most once, within the
 * quota and carried on by the scheduled run; the call reminder goes only to invited municipalities
 * that have not applied; the `received` notice carries the application as a PDF to sign and stamp.
 * The tests read what the letters carry (links, names, numbers), never their wording.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, ExecutionKilled } from '../../emulator/src';
import type { SentMail } from '../../emulator/src/mail';
import { formLinks, runDemo } from '../../src/cli/demo';
import {
  addSheetRow,
  BUILD_DIR,
  records,
  setMunicipalityEmails,
  setSetting,
  setUpWorkspace,
  sheetsExceptLog,
  validAnswer,
} from './harness';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const ADDRESSES = {
  Kobilje: 'obcina.kobilje@kobilje.example',
  Celje: 'mestna.obcina@celje.example',
  Ajdovščina: 'obcina@ajdovscina.example',
  Piran: 'obcina.piran@piran.example',
};

/** Set up in English, with a contact address and four municipalities' addresses filled in by staff. */
function callWorkspace(addresses: Record<string, string> = ADDRESSES): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  setSetting(emulator, 'replyTo', 'info@skupnost.example');
  setMunicipalityEmails(emulator, addresses);
  return emulator;
}

/** The application form link in a letter (prefilled, `usp=pp_url`), HTML entities undone. */
function formLink(mail: SentMail): string {
  const html = (mail.htmlBody ?? '').replace(/&amp;/g, '&').replace(/&#38;/g, '&');
  const found = `${mail.body}\n${html}`.match(
    /https:\/\/docs\.google\.com\/forms\/d\/e\/[^\s"'<>]+usp=pp_url[^\s"'<>]*/,
  );
  if (!found) throw new Error(`No prefilled form link in "${mail.subject}"`);
  return found[0];
}

/** Mails of the outbox by the notice type their Notices row has (matched by recipient and subject). */
function mailsOf(emulator: Emulator, type: string): SentMail[] {
  const rows = records(emulator, 'Notices').filter((n) => n.Type === type && n.Status === 'Sent');
  return emulator.mailApp.outbox.filter((m) =>
    rows.some((n) => m.to.includes(String(n.To)) && n.Subject === m.subject),
  );
}

/** How many mails went to each address. */
function perAddress(mails: readonly SentMail[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of mails) for (const to of m.to) out.set(to, (out.get(to) ?? 0) + 1);
  return out;
}

/** The text a PDF reader (pdf-parse, on pdf.js) reads from a PDF, in a process of its own (see pdf-text.cjs). */
function pdfText(bytes: Uint8Array): string {
  const run = spawnSync(process.execPath, [join(__dirname, 'pdf-text.cjs')], { input: Buffer.from(bytes) });
  if (run.status !== 0)
    throw new Error(`The PDF could not be read: ${run.stderr.toString().split('\n').slice(-12).join('\n')}`);
  return run.stdout.toString('utf8');
}

describe('Send the call', () => {
  it('mails every municipality with an address its invitation, whose link opens the form with its name filled in', () => {
    const emulator = callWorkspace();
    emulator.run('sendInvitations');
    const invitations = mailsOf(emulator, 'invitation');
    expect(invitations.map((m) => m.to[0]).sort()).toEqual(Object.values(ADDRESSES).sort());
    for (const [name, address] of Object.entries(ADDRESSES)) {
      const mail = invitations.find((m) => m.to[0] === address)!;
      expect(emulator.responder.openPrefilled(formLink(mail)).answers.Municipality).toBe(name);
      expect(mail.body).toContain(name);
      expect(mail.replyTo).toBe('info@skupnost.example');
    }
    const keys = records(emulator, 'Notices').map((n) => [n['Notice Key'], n['Application ID'], n.Status]);
    expect(keys).toEqual(
      expect.arrayContaining(Object.keys(ADDRESSES).map((name) => [`invitation:${name}`, '', 'Sent'])),
    );
  });

  it('asks first, saying how many go, what the quota allows today and the days the rest needs; No writes nothing', () => {
    const emulator = callWorkspace();
    emulator.mailApp.setRemainingQuota(12);
    const before = sheetsExceptLog(emulator);
    emulator.ui.answers.push('NO');
    emulator.run('sendInvitations');
    const prompt = emulator.ui.alerts[0].prompt;
    // 4 to send; 12 left today minus the reserve of 10 lets 2 go; the other 2 need 1 more day.
    expect(prompt).toMatch(/: 4\./);
    expect(prompt).toMatch(/allows 2\b/);
    expect(prompt).toMatch(/run: 2; days they need: 1\./);
    expect(prompt).toContain('Ankaran');
    expect(sheetsExceptLog(emulator)).toBe(before);
    expect(emulator.mailApp.outbox).toHaveLength(0);
  });

  it('sends what the quota allows today and the scheduled run sends the rest the next day, each once', () => {
    const emulator = callWorkspace();
    emulator.mailApp.setRemainingQuota(12);
    emulator.run('sendInvitations');
    expect(mailsOf(emulator, 'invitation')).toHaveLength(2);
    expect(records(emulator, 'Notices').filter((n) => n.Status === 'Queued')).toHaveLength(2);
    emulator.advance(DAY + HOUR);
    const invitations = mailsOf(emulator, 'invitation');
    expect([...perAddress(invitations).values()]).toEqual([1, 1, 1, 1]);
  });

  it('a second Send the call mails only the municipalities not invited yet', () => {
    const emulator = callWorkspace({ Kobilje: ADDRESSES.Kobilje, Celje: ADDRESSES.Celje });
    emulator.run('sendInvitations');
    expect(emulator.mailApp.outbox).toHaveLength(2);
    setMunicipalityEmails(emulator, { Piran: ADDRESSES.Piran });
    emulator.run('sendInvitations');
    expect(emulator.mailApp.outbox.slice(2).map((m) => m.to)).toEqual([[ADDRESSES.Piran]]);
    emulator.ui.reset();
    emulator.run('sendInvitations');
    expect(emulator.mailApp.outbox).toHaveLength(3);
    expect(emulator.ui.alerts[0].prompt).toMatch(/No municipality is left to invite/);
  });

  it('writes a malformed address Skipped with the reason and mails the rest; one without an address is listed, not mailed', () => {
    const emulator = callWorkspace({ Kobilje: 'obcina at kobilje', Celje: ADDRESSES.Celje });
    emulator.run('sendInvitations');
    const prompt = emulator.ui.alerts[0].prompt;
    expect(prompt).toContain('Kobilje ("obcina at kobilje")');
    expect(prompt).toMatch(/\(210\): Ajdovščina, Ankaran/);
    const kobilje = records(emulator, 'Notices').find((n) => n['Notice Key'] === 'invitation:Kobilje')!;
    expect(kobilje.Status).toBe('Skipped');
    expect(kobilje.Error).toContain('obcina at kobilje');
    expect(emulator.mailApp.outbox.map((m) => m.to)).toEqual([[ADDRESSES.Celje]]);
    // Corrected by staff, it is invited under the next key; the Skipped row stays as it was.
    setMunicipalityEmails(emulator, { Kobilje: ADDRESSES.Kobilje });
    emulator.run('sendInvitations');
    expect(emulator.mailApp.outbox.map((m) => m.to)).toEqual([[ADDRESSES.Celje], [ADDRESSES.Kobilje]]);
    expect(records(emulator, 'Notices').map((n) => [n['Notice Key'], n.Status])).toEqual([
      ['invitation:Celje', 'Sent'],
      ['invitation:Kobilje', 'Skipped'],
      ['invitation:Kobilje#2', 'Sent'],
    ]);
  });

  it('keeps hostile register names and answers inert in the letter and the sheet', () => {
    const emulator = callWorkspace({});
    addSheetRow(emulator, 'Municipalities', { Name: '=Črna <b>na</b> "Koroškem"', Email: 'crna@crna.example' });
    emulator.run('sendInvitations');
    const [mail] = emulator.mailApp.outbox;
    expect(mail.htmlBody).not.toContain('<b>na</b>');
    expect(mail.htmlBody).toContain('=Črna &#60;b&#62;na&#60;/b&#62;');
    expect(emulator.responder.openPrefilled(formLink(mail)).answers.Municipality).toBe('=Črna <b>na</b> "Koroškem"');
    const row = records(emulator, 'Notices')[0];
    expect(row['Notice Key']).toBe('invitation:=Črna <b>na</b> "Koroškem"');
    expect(row.Status).toBe('Sent');
  });
});

/**
 * The service calls of one Send the call run, as (method, k-th call), to fail or kill in turn. The
 * template Doc's reading repeats one kind of call many times (each stops the run before anything is
 * written): its first and last are tried, and of every other method the first three and the last
 * two; CALL_SWEEP_ALL=1 tries every call.
 */
function callPoints(build: () => Emulator): { method: string; k: number }[] {
  const probe = build();
  const before = probe.env.calls.snapshot();
  probe.run('sendInvitations');
  const after = probe.env.calls.snapshot();
  return Object.entries(after).flatMap(([method, n]) => {
    const calls = n - (before[method] ?? 0);
    return Array.from({ length: calls }, (_, i) => i + 1)
      .filter(
        (k) =>
          process.env.CALL_SWEEP_ALL === '1' ||
          (method.startsWith('Document.') ? k === 1 || k === calls : k <= 3 || k > calls - 2),
      )
      .map((k) => ({ method, k }));
  });
}

describe('a fault on any call of Send the call', () => {
  it('sends no municipality twice, and a second run finishes the call', () => {
    const two = { Kobilje: ADDRESSES.Kobilje, Celje: ADDRESSES.Celje };
    const build = () => callWorkspace(two);
    const points = callPoints(build);
    expect(points.length).toBeGreaterThan(20);
    let finishedLater = 0;
    for (const { method, k } of points) {
      const emulator = build();
      emulator.env.calls.failOn(method, emulator.env.calls.count(method) + k);
      expect(() => emulator.run('sendInvitations')).not.toThrow();
      // Staff run it again; the scheduled run carries on what is left.
      emulator.run('sendInvitations');
      emulator.advance(DAY + HOUR);
      const counts = perAddress(emulator.mailApp.outbox);
      for (const [to, n] of counts) expect([method, k, to, n]).toEqual([method, k, to, 1]);
      // Every municipality got its invitation, unless the mail under way when the run failed stays
      // Sending (it may or may not have gone: staff see it and decide).
      const sending = records(emulator, 'Notices')
        .filter((n) => n.Status === 'Sending')
        .map((n) => n.To);
      const missed = Object.values(two).filter((to) => !counts.has(to) && !sending.includes(to));
      expect([method, k, missed]).toEqual([method, k, []]);
      if (counts.size === 2) finishedLater++;
    }
    expect(finishedLater).toBeGreaterThan(0);
  });
});

describe('the call reminder', () => {
  /** Invited on 6 February; Celje applies, Piran applies and is then Withdrawn by staff, Kobilje and Ajdovščina do not. */
  function season(): Emulator {
    const emulator = callWorkspace();
    emulator.run('sendInvitations');
    emulator.advance(2 * DAY);
    emulator.submit(validAnswer({ Municipality: 'Mestna občina Celje', 'Email address': 'ana@celje.example' }));
    emulator.submit(validAnswer({ Municipality: 'Piran', 'Email address': 'info@piran.example' }));
    const apps = emulator.workbook().sheetByName('Applications')!;
    const header = apps.dataValues()[0];
    const piranRow = apps.dataValues().findIndex((r) => r[header.indexOf('Municipality')] === 'Piran');
    apps.setValue(piranRow, header.indexOf('Status'), 'Withdrawn');
    return emulator;
  }

  it('goes once, from callReminderDays before the deadline, only to invited municipalities that have not applied', () => {
    const emulator = season();
    // 18 February: not yet (deadline 22 February, callReminderDays 2).
    emulator.advance(Date.UTC(2017, 1, 18, 12) - emulator.env.clock.nowMs());
    expect(mailsOf(emulator, 'call_reminder')).toHaveLength(0);
    // The trigger Send the call left wakes on 20 February.
    emulator.advance(Date.UTC(2017, 1, 20, 6) - emulator.env.clock.nowMs());
    const reminders = mailsOf(emulator, 'call_reminder');
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(
      [ADDRESSES.Ajdovščina, ADDRESSES.Kobilje, ADDRESSES.Piran].sort(),
    );
    for (const m of reminders) expect(emulator.responder.openPrefilled(formLink(m)).answers.Municipality).toBeTruthy();
    // Never twice: the days up to the deadline pass.
    for (let h = 0; h < 72; h++) emulator.advance(HOUR);
    expect(mailsOf(emulator, 'call_reminder')).toHaveLength(3);
    expect(records(emulator, 'Notices').filter((n) => n.Type === 'call_reminder')).toHaveLength(3);
  });

  it('is not sent when callReminderDays is blank', () => {
    const emulator = season();
    setSetting(emulator, 'callReminderDays', '');
    emulator.run('runScheduledWork');
    emulator.advance(Date.UTC(2017, 1, 21, 6) - emulator.env.clock.nowMs());
    emulator.run('runScheduledWork');
    expect(records(emulator, 'Notices').filter((n) => n.Type === 'call_reminder')).toHaveLength(0);
  });
});

describe('the application as a PDF to sign and stamp', () => {
  const hostile = {
    Municipality: 'Občina Črnomelj',
    'Contact person': '=HYPERLINK("http://evil.example","Žiga Čeč")',
    Motivation: '<script>alert("x")</script> & <b>šola</b>\nDruga vrstica: ČŠŽ čšž',
  };

  it('is on the received notice, with every answer as given and the Application ID, hostile text kept as text', () => {
    const emulator = setUpWorkspace({ language: 'sl' });
    emulator.submit(validAnswer(hostile));
    const mail = emulator.mailApp.outbox.at(-1)!;
    const row = records(emulator, 'Applications')[0];
    expect(row.Status).toBe('Received');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.name).toBe(`${row['Application ID']}.pdf`);
    const text = pdfText(pdf.bytes);
    expect(text).toContain(String(row['Application ID']));
    const answers = validAnswer(hostile);
    for (const [question, answer] of Object.entries(answers)) {
      if (question === 'Excursion preferences') continue;
      const given = Array.isArray(answer) ? answer.join(', ') : String(answer);
      for (const line of given.split('\n').filter(Boolean))
        expect([question, text]).toEqual([question, expect.stringContaining(line)]);
    }
    expect(text).toContain('Excursion preferences [Cologne, 25–27 April 2017]');
    expect(text).toContain('1st choice');
    // The letter itself carries the answers escaped, never as markup.
    expect(mail.htmlBody).not.toContain('<script>');
  });

  it('is left off when attachApplicationPdf is FALSE', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'attachApplicationPdf', false);
    emulator.submit(validAnswer());
    expect(emulator.mailApp.outbox.at(-1)!.attachments).toHaveLength(0);
    // Nothing asks for a signed form that was not sent.
    expect(emulator.mailApp.outbox.at(-1)!.body).toContain('Until then there is nothing you need to do.');
    expect(emulator.mailApp.outbox.at(-1)!.body).not.toMatch(/sign and stamp/);
  });

  it("is named in the letter: print, sign, stamp and return it by the deadline, in the letter's language", () => {
    const en = setUpWorkspace({ language: 'en' });
    en.submit(validAnswer());
    const english = en.mailApp.outbox.at(-1)!;
    expect(english.attachments).toHaveLength(1);
    expect(english.body).toContain(
      'Attached is your application as you submitted it. Please print it, sign and stamp it, and send it back to us by 22 February 2017 (scanned, in reply to this message, or by post).',
    );
    expect(english.body).not.toContain('Until then there is nothing you need to do.');
    const sl = setUpWorkspace({ language: 'sl' });
    sl.submit(validAnswer());
    expect(sl.mailApp.outbox.at(-1)!.body).toContain(
      'V prilogi vam pošiljamo prijavo, kot ste jo oddali. Prosimo, da jo natisnete, podpišete, žigosate in nam jo vrnete do 22. februarja 2017 (skenirano v odgovoru na to sporočilo ali po pošti).',
    );
  });
});

describe('the demo season starts with the call', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'call-demo-')), 'out');
  const summary = runDemo({ out, bundleDir: BUILD_DIR, progress: () => {}, say: () => {} });
  const emulator = summary.emulator;
  const notices = records(emulator, 'Notices');
  const sent = (type: string) => notices.filter((n) => n.Type === type && n.Status === 'Sent');

  it("mails every sample municipality with an address its invitation, whose link opens the form with the municipality's name filled in", () => {
    expect(summary.stopped).toEqual([]);
    const invited = sent('invitation').map((n) => String(n['Notice Key']).replace(/^invitation:/, ''));
    expect(invited.length).toBeGreaterThan(200);
    const links = formLinks(emulator);
    for (const name of invited) {
      const url = [...links.values()].find((u) => emulator.responder.openPrefilled(u).answers.Municipality === name);
      expect([name, url !== undefined]).toEqual([name, true]);
    }
    expect(notices.find((n) => n['Notice Key'] === 'invitation:Solčava')?.Status).toBe('Skipped');
    expect(notices.some((n) => n['Notice Key'] === 'invitation:Hodoš')).toBe(false);
    expect(summary.demo?.call.throughLinks).toBeGreaterThan(summary.demo?.call.typed ?? 0);
  });

  it('reminds only invited municipalities that had not applied, once each', () => {
    const reminders = sent('call_reminder');
    expect(reminders.length).toBeGreaterThan(0);
    const apps = records(emulator, 'Applications');
    for (const r of reminders) {
      const name = String(r['Notice Key']).replace(/^call_reminder:/, '');
      const before = apps.filter(
        (a) =>
          a.Municipality === name &&
          a.Status !== 'Withdrawn' &&
          (a['Submitted At'] as Date).getTime() < (r['Sent At'] as Date).getTime(),
      );
      expect([name, before.length]).toEqual([name, 0]);
    }
    expect(new Set(reminders.map((r) => r['Notice Key'])).size).toBe(reminders.length);
  });

  it('attaches the application as a PDF to every received mail', () => {
    const received = sent('received');
    expect(received.length).toBeGreaterThan(30);
    const apps = new Map(records(emulator, 'Applications').map((a) => [a['Application ID'], a]));
    received.forEach((n, i) => {
      const mail = emulator.mailApp.outbox.find((m) => m.to.includes(String(n.To)) && m.subject === n.Subject)!;
      expect([n['Notice Key'], mail.attachments.map((a) => a.contentType)]).toEqual([
        n['Notice Key'],
        ['application/pdf'],
      ]);
      if (i > 2) return;
      const text = pdfText(mail.attachments[0].bytes);
      const app = apps.get(n['Application ID'])!;
      expect(text).toContain(String(n['Application ID']));
      expect(text).toContain(String(app['Contact Name']));
      expect(text).toContain(String(app.Email));
    });
  });
});

describe('the signed form', () => {
  it('with requireSignedForm, an application whose signed form has not come back 3 days before the deadline gets one reminder', () => {
    const emulator = callWorkspace();
    setSetting(emulator, 'requireSignedForm', true);
    emulator.run('sendInvitations');
    emulator.advance(DAY);
    emulator.submit(validAnswer({ Municipality: 'Celje', 'Email address': 'ana@celje.example' }));
    emulator.submit(validAnswer({ Municipality: 'Piran', 'Email address': 'info@piran.example' }));
    const apps = emulator.workbook().sheetByName('Applications')!;
    const header = apps.dataValues()[0];
    const celje = apps.dataValues().findIndex((r) => r[header.indexOf('Municipality')] === 'Celje');
    apps.setValue(celje, header.indexOf('Signed Form Received'), true);
    const piranId = records(emulator, 'Applications').find((a) => a.Municipality === 'Piran')!['Application ID'];
    const signed = () => records(emulator, 'Notices').filter((n) => String(n['Notice Key']).endsWith(':signed'));
    emulator.advance(Date.UTC(2017, 1, 18, 12) - emulator.env.clock.nowMs());
    expect(signed()).toHaveLength(0);
    // 19 February, 3 days before the last day to apply: the trigger Send the call left wakes.
    emulator.advance(Date.UTC(2017, 1, 19, 6) - emulator.env.clock.nowMs());
    expect(signed().map((n) => [n['Notice Key'], n.Type, n.To, n.Status])).toEqual([
      [`incomplete:${piranId}:signed`, 'incomplete', 'info@piran.example', 'Sent'],
    ]);
    const mail = emulator.mailApp.outbox.find(
      (m) => m.to[0] === 'info@piran.example' && m.subject === signed()[0].Subject,
    )!;
    expect(mail.body).toContain(String(piranId));
    for (let h = 0; h < 72; h++) emulator.advance(HOUR);
    expect(signed()).toHaveLength(1);
  });
});

describe('Send the call killed at any service call', () => {
  it('mails no municipality twice; the next runs mail the rest, one left Sending at most', () => {
    const two = { Kobilje: ADDRESSES.Kobilje, Celje: ADDRESSES.Celje, Piran: ADDRESSES.Piran };
    const build = () => callWorkspace(two);
    const points = callPoints(build);
    let kills = 0;
    for (const { method, k } of points) {
      const emulator = build();
      emulator.env.calls.killOn(method, emulator.env.calls.count(method) + k);
      try {
        emulator.run('sendInvitations');
      } catch (e) {
        expect(e).toBeInstanceOf(ExecutionKilled);
        kills++;
      } finally {
        emulator.env.calls.clearFaults();
        // A killed run's sending lease lasts 7 minutes.
        emulator.env.clock.advance(8 * 60 * 1000);
      }
      emulator.run('sendInvitations');
      emulator.advance(DAY + HOUR);
      const counts = perAddress(emulator.mailApp.outbox);
      for (const [to, n] of counts) expect([method, k, to, n]).toEqual([method, k, to, 1]);
      const rows = records(emulator, 'Notices');
      const sending = rows.filter((n) => n.Status === 'Sending').map((n) => n.To);
      expect([method, k, sending.length <= 1]).toEqual([method, k, true]);
      const missed = Object.values(two).filter((to) => !counts.has(to) && !sending.includes(to));
      expect([method, k, missed]).toEqual([method, k, []]);
    }
    expect(kills).toBeGreaterThan(points.length / 2);
  });
});
