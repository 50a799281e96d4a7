/**
 * The weak spots mutation testing found (issue 17): plausible bugs that the rest of the suite let
 * through. Each test here fails when its behaviour is broken; the README's "For contributors"
 * section lists the bug each was checked against. Through the built bundle.
 */
import type { Emulator } from '../../emulator/src';
import { renderDashboard } from '../../src/ui/dashboard-view';
import {
  fillApplications,
  queueReceivedNotices,
  records,
  setSetting,
  setUpWorkspace,
  sheetsExceptLog,
  validAnswer,
} from './harness';

const apps = (emulator: Emulator) => records(emulator, 'Applications');
const notices = (emulator: Emulator) => records(emulator, 'Notices');
const lastAlert = (emulator: Emulator) => emulator.ui.alerts.at(-1)?.prompt ?? '';

/** Staff typing into a data cell (row 0 = first data row) of a sheet, by header. */
function type(emulator: Emulator, sheetName: string, row: number, header: string, value: unknown) {
  const sheet = emulator.workbook().sheetByName(sheetName)!;
  const col = sheet.dataValues()[0].map(String).indexOf(header);
  if (col < 0) throw new Error(`no column ${header} in ${sheetName}`);
  sheet.setValue(row + 1, col, value as never);
}

const COLOGNE = 'Cologne, 25–27 April 2017';

/**
 * `n` applications that all want the one seat of Cologne, with the same Score, from municipalities
 * that are all newcomers: only the submission time and the Application ID tell them apart.
 */
function tiedForOneSeat(n: number, language: 'en' | 'sl' = 'en'): Emulator {
  const emulator = setUpWorkspace({ language });
  type(emulator, 'Excursions', 0, 'Places', 1);
  fillApplications(emulator, n);
  for (let i = 0; i < n; i++) {
    type(emulator, 'Applications', i, 'Preferences', `1st choice: ${COLOGNE} (CGN-2017-04)`);
    type(emulator, 'Applications', i, 'Delegates', 1);
    type(emulator, 'Applications', i, 'Score', 5);
  }
  return emulator;
}

const accepted = (emulator: Emulator) =>
  records(emulator, 'Allocations')
    .filter((r) => r.Decision === 'Accepted')
    .map((r) => r['Application ID']);

describe('boundaries', () => {
  it('takes an answer given one millisecond before the deadline, and marks one at the exact instant Late', () => {
    // The default deadline is the day of 22 February 2017 in Ljubljana: it ends at 23:00 UTC.
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.submit(validAnswer(), { timestamp: new Date('2017-02-22T22:59:59.999Z') });
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'b@bled.si' }), {
      timestamp: new Date('2017-02-22T23:00:00.000Z'),
    });
    expect(apps(emulator).map((a) => a.Status)).toEqual(['Received', 'Late']);
  });

  it('sends exactly down to the quota reserve and not one mail into it', () => {
    for (const [remaining, expected] of [
      [11, 1],
      [10, 0],
      [9, 0],
    ]) {
      const emulator = setUpWorkspace({ language: 'en' });
      fillApplications(emulator, 3);
      queueReceivedNotices(emulator, 3);
      setSetting(emulator, 'quotaReserve', 10);
      emulator.mailApp.setRemainingQuota(remaining);
      emulator.run('sendNotices');
      expect([remaining, emulator.mailApp.outbox.length]).toEqual([remaining, expected]);
    }
  });

  it('keeps sending at exactly 5.75 minutes (the budget the README gives) of execution and stops one millisecond past it', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 5);
    queueReceivedNotices(emulator, 5);
    let sends = 0;
    const before = emulator.env.calls.beforeCall;
    emulator.env.calls.beforeCall = (method) => {
      before?.(method);
      // The first mail takes the run to exactly 5.75 minutes, the next one a millisecond past.
      if (method === 'Mail.MailApp.sendEmail') emulator.env.clock.advance(sends++ === 0 ? 5.75 * 60 * 1000 : 1);
    };
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox).toHaveLength(2);
    expect(notices(emulator).map((n) => n.Status)).toEqual(['Sent', 'Sent', 'Queued', 'Queued', 'Queued']);
  });
});

describe('ties and missing values in the allocation', () => {
  it('puts an application whose Submitted At is blank after one that has a time', () => {
    const emulator = tiedForOneSeat(2);
    // APP-00001 would win the tie on its Application ID; with no time it must not.
    type(emulator, 'Applications', 0, 'Submitted At', '');
    emulator.run('allocatePlaces');
    expect(accepted(emulator)).toEqual(['APP-00002']);
  });

  it('gives the seat to the earlier submission when everything else ties', () => {
    const emulator = tiedForOneSeat(2);
    type(emulator, 'Applications', 0, 'Submitted At', new Date('2017-02-10T10:00:00Z'));
    type(emulator, 'Applications', 1, 'Submitted At', new Date('2017-02-09T10:00:00Z'));
    emulator.run('allocatePlaces');
    expect(accepted(emulator)).toEqual(['APP-00002']);
  });

  it('refuses a Score that is not a number, naming the application, and writes nothing', () => {
    const emulator = tiedForOneSeat(2);
    type(emulator, 'Applications', 1, 'Score', 'n/a');
    const before = sheetsExceptLog(emulator);
    emulator.run('allocatePlaces');
    expect(lastAlert(emulator)).toMatch(/^1 application that takes part has no Score yet \(first: APP-00002\)/);
    expect(sheetsExceptLog(emulator)).toBe(before);
  });

  it('refuses a Content Score that is not a number, naming the cell, in the staff language', () => {
    for (const [language, message] of [
      ['en', /Cell Applications!\w+3 holds "deset", which is not a number 0–10/],
      ['sl', /Celica Applications!\w+3 vsebuje "deset", kar ni število 0–10/],
    ] as const) {
      const emulator = setUpWorkspace({ language });
      fillApplications(emulator, 2);
      type(emulator, 'Applications', 1, 'Content Score', 'deset');
      const before = sheetsExceptLog(emulator);
      emulator.run('scoreApplicants');
      expect(lastAlert(emulator)).toMatch(message);
      expect(sheetsExceptLog(emulator)).toBe(before);
    }
  });
});

describe('switches, both ways', () => {
  /** One Received and one Late application for the one seat; the Late one would win on time. */
  function lateAndOnTime(): Emulator {
    const emulator = tiedForOneSeat(2);
    type(emulator, 'Applications', 0, 'Status', 'Late');
    return emulator;
  }

  it.each([
    ['TRUE', ['APP-00001']],
    ['da', ['APP-00001']],
    [' Yes ', ['APP-00001']],
    ['FALSE', ['APP-00002']],
    ['ne', ['APP-00002']],
    ['NE ', ['APP-00002']],
    ['', ['APP-00002']],
  ])('acceptLate %p: the Late application takes part only when it is on', (value, winner) => {
    const emulator = lateAndOnTime();
    setSetting(emulator, 'acceptLate', value === 'TRUE' ? true : value === 'FALSE' ? false : value);
    emulator.run('allocatePlaces');
    expect(accepted(emulator)).toEqual(winner);
  });

  it('requireSignedForm: on, only the ticked application takes part; off, the earlier one wins', () => {
    const on = tiedForOneSeat(2);
    type(on, 'Applications', 1, 'Signed Form Received', true);
    setSetting(on, 'requireSignedForm', true);
    on.run('allocatePlaces');
    expect(accepted(on)).toEqual(['APP-00002']);

    const off = tiedForOneSeat(2);
    type(off, 'Applications', 1, 'Signed Form Received', true);
    setSetting(off, 'requireSignedForm', false);
    off.run('allocatePlaces');
    expect(accepted(off)).toEqual(['APP-00001']);
  });
});

describe('more switches, both ways', () => {
  it.each([
    [true, ['APP-00002']],
    ['ne', ['APP-00001']],
  ])('prioritizeNewcomers %p: a newcomer goes before a higher score only when it is on', (value, winner) => {
    const emulator = tiedForOneSeat(2);
    type(emulator, 'Applications', 0, 'Score', 9);
    // APP-00001's municipality went on an excursion that is Done: it is no newcomer.
    type(emulator, 'Excursions', 1, 'Status', 'Done');
    const done = String(records(emulator, 'Excursions')[1]['Excursion ID']);
    const allocations = emulator.workbook().sheetByName('Allocations')!;
    const header = allocations.dataValues()[0].map(String);
    const row = header.map(() => '' as string);
    row[header.indexOf('Application ID')] = 'OLD-1';
    row[header.indexOf('Municipality')] = String(records(emulator, 'Applications')[0].Municipality);
    row[header.indexOf('Excursion ID')] = done;
    row[header.indexOf('Decision')] = 'Accepted';
    allocations.appendRow(row);
    setSetting(emulator, 'prioritizeNewcomers', value);
    emulator.run('allocatePlaces');
    // OLD-1's row at the Done excursion records the past and stays as it was (issue 12).
    expect(accepted(emulator)).toEqual([...winner, 'OLD-1']);
  });

  it.each([
    ['FALSE', 0],
    ['da', 1],
  ])('attachPdf %p: the acceptance mail carries the letter only when it is on', (value, attachments) => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'attachPdf', value);
    emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    emulator.run('sendNotices');
    const mails = emulator.mailApp.outbox.filter((m) => m.subject.startsWith('Excursion to'));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.map((m) => m.attachments.length)).toEqual(mails.map(() => attachments));
  });
});

describe('Settings as staff type them', () => {
  it.each([
    ['en', 'flase', /Settings cell Settings!B\d+ \(acceptLate\): "flase" is not TRUE or FALSE/],
    ['sl', 'nee', /Celica Settings!B\d+ na listu Settings \(acceptLate\): "nee" ni TRUE ali FALSE/],
  ])('refuses a typo in a TRUE/FALSE setting (%s), naming the cell, and writes nothing', (language, value, message) => {
    const emulator = tiedForOneSeat(2, language as 'en' | 'sl');
    setSetting(emulator, 'acceptLate', value);
    const before = sheetsExceptLog(emulator);
    emulator.run('allocatePlaces');
    expect(lastAlert(emulator)).toMatch(message);
    expect(sheetsExceptLog(emulator)).toBe(before);
  });

  it.each([
    ['', /\(quotaReserve\): "" is not a whole number of at least 0/],
    ['  ', /\(quotaReserve\): " {2}" is not a whole number of at least 0/],
    ['ten', /\(quotaReserve\): "ten" is not a whole number of at least 0/],
    ['2.5', /\(quotaReserve\): "2.5" is not a whole number of at least 0/],
  ])('does not read a quota reserve of %p as a number: it stops before sending', (value, message) => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 2);
    queueReceivedNotices(emulator, 2);
    setSetting(emulator, 'quotaReserve', value);
    emulator.mailApp.setRemainingQuota(2);
    emulator.run('sendNotices');
    expect(lastAlert(emulator)).toMatch(message);
    expect(emulator.mailApp.outbox).toHaveLength(0);
  });

  it('finds a column whose header has a space after it', () => {
    const emulator = tiedForOneSeat(2);
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const header = sheet.dataValues()[0].map(String);
    sheet.setValue(0, header.indexOf('Status'), 'Status ');
    sheet.setValue(0, header.indexOf('Score'), ' Score');
    emulator.run('allocatePlaces');
    expect(accepted(emulator)).toEqual(['APP-00001']);
  });
});

describe('notice keys', () => {
  it('sends one mail for two Queued rows with the same key, and marks the second Skipped', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 2);
    queueReceivedNotices(emulator, 2);
    const sheet = emulator.workbook().sheetByName('Notices')!;
    const rows = sheet.dataValues();
    sheet.appendRow([...rows[1]]);
    emulator.run('sendNotices');
    expect(emulator.mailApp.outbox.map((m) => m.to[0])).toEqual(['contact0@example.org', 'contact1@example.org']);
    expect(notices(emulator).map((n) => [n['Notice Key'], n.Status])).toEqual([
      ['received:APP-00001', 'Sent'],
      ['received:APP-00002', 'Sent'],
      ['received:APP-00001', 'Skipped'],
    ]);
  });
});

describe('escaping in what staff see', () => {
  const MARKUP = '<img src=x onerror=alert(1)>';

  it('escapes a subject line, a recipient and a body in the preview dialog', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 1);
    queueReceivedNotices(emulator, 1);
    type(emulator, 'Applications', 0, 'Municipality', MARKUP);
    type(emulator, 'Notices', 0, 'To', `"${MARKUP}"@example.org`);
    emulator.run('previewNotices');
    const html = emulator.ui.dialogs.at(-1)!.html;
    expect(html).toContain('Application received:');
    expect(html).not.toContain('<img');
    // The subject carries the municipality: escaped once in its line, twice inside the srcdoc.
    expect(html).toMatch(/Subject:<\/b> [^<]*&#60;img src=x onerror=alert\(1\)&#62;/);
  });

  it('escapes excursion labels, statuses, regions and notice types in the dashboard the sidebar shows', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    fillApplications(emulator, 1);
    queueReceivedNotices(emulator, 1);
    type(emulator, 'Excursions', 0, 'Label', MARKUP);
    type(emulator, 'Notices', 0, 'Type', `<b>${MARKUP}`);
    type(emulator, 'Applications', 0, 'Status', `<i>${MARKUP}`);
    type(emulator, 'Applications', 0, 'Region', `<u>${MARKUP}`);
    const data = emulator.run('getDashboardData');
    const html = renderDashboard(data as Parameters<typeof renderDashboard>[0]);
    expect(JSON.stringify(data)).toContain(MARKUP);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<i>|<u>/);
    expect(html).toContain('&#60;u&#62;');
  });
});

describe('escaping in the Set up report', () => {
  it('escapes the template folder name staff gave in Drive', () => {
    const MARKUP = '<img src=x onerror=alert(1)>';
    const emulator = setUpWorkspace({ language: 'en' });
    const settings = records(emulator, 'Settings');
    const folderId = settings.find((s) => s.Key === 'templateFolderId')!.Value as string;
    emulator.env.drive.find(folderId)!.name = `Templates ${MARKUP}`;
    emulator.env.drive.remove(settings.find((s) => s.Key === 'template.accepted.en')!.Value as string);
    emulator.run('setupWorkspace');
    const html = emulator.ui.dialogs.at(-1)!.html;
    expect(html).toContain('Templates &#60;img');
    expect(html).not.toContain('<img');
  });
});
