/** Hostile workbooks through the real entry points: a clear message or a Log row, and no value lost. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../emulator/src';
import { records, runCli, SAMPLE_DIR, setSetting, setUpWorkspace, sheetsExceptLog, validAnswer } from './harness';

function scoredCall(): Emulator {
  const emulator = setUpWorkspace({ language: 'en' });
  emulator.submit(validAnswer());
  emulator.submit(validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
  emulator.run('scoreApplicants');
  return emulator;
}

describe('a wrong value in Settings', () => {
  it('stops Allocate places with a message naming the cell, and nothing changes', () => {
    const emulator = scoredCall();
    setSetting(emulator, 'maxExcursionsPerMunicipality', 'two');
    const before = sheetsExceptLog(emulator);
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Settings cell Settings!B10 (maxExcursionsPerMunicipality): "two" is not a whole number of at least 1. Correct it and try again; nothing was written.',
    );
    expect(sheetsExceptLog(emulator)).toBe(before);
  });

  it('says it in Slovenian for a Slovenian call', () => {
    const emulator = scoredCall();
    setSetting(emulator, 'language', 'sl');
    setSetting(emulator, 'acceptLate', 'morda');
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Celica Settings!B4 na listu Settings (acceptLate): "morda" ni TRUE ali FALSE. Popravite jo in poskusite znova; nič ni bilo zapisano.',
    );
  });

  it('writes the Log line of a Slovenian call in Slovenian through and through, the English to the execution log', () => {
    const emulator = scoredCall();
    setSetting(emulator, 'language', 'sl');
    setSetting(emulator, 'maxExcursionsPerMunicipality', 'two');
    emulator.run('allocatePlaces');
    const stopped = records(emulator, 'Log')
      .map((r) => String(r.Details))
      .filter((d) => d.startsWith('Ustavljeno:'));
    expect(stopped.at(-1)).toContain('"two" ni celo število, ki je najmanj 1');
    expect(stopped.at(-1)).not.toMatch(/whole number/);
    expect(emulator.logs.at(-1)).toMatch(
      /^\[error\] allocatePlaces stopped: .*"two" is not a whole number of at least 1/,
    );
    expect(emulator.ui.alerts.at(-1)?.prompt).toContain('"two" ni celo število, ki je najmanj 1');
  });

  it('stops Send notices the same way, and sends nothing', () => {
    const emulator = scoredCall();
    emulator.run('allocatePlaces');
    setSetting(emulator, 'quotaReserve', 'some');
    const sent = emulator.mailApp.outbox.length;
    emulator.run('sendNotices');
    expect(emulator.ui.alerts.at(-1)?.prompt).toMatch(/^Settings cell Settings!B\d+ \(quotaReserve\)/);
    expect(emulator.mailApp.outbox).toHaveLength(sent);
  });

  it('does not keep a form answer from being taken in (the default is used, and the answer confirmed)', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'acceptLate', 'perhaps');
    emulator.submit(validAnswer());
    expect(records(emulator, 'Applications')).toHaveLength(1);
    expect(records(emulator, 'Notices')[0].Status).toBe('Sent');
  });
});

describe('headers staff broke', () => {
  it('a doubled header stops scoring with its name, and nothing is written', () => {
    const emulator = scoredCall();
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const width = sheet.dataValues()[0].length;
    sheet.setValue(0, width, 'Score');
    const before = sheetsExceptLog(emulator);
    emulator.run('scoreApplicants');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Sheet "Applications" has the column "Score" twice. Rename one of them and try again; nothing was written.',
    );
    expect(sheetsExceptLog(emulator)).toBe(before);
  });

  it('a renamed required header stops allocation with its name; Set up adds it back without losing the data', () => {
    const emulator = scoredCall();
    const sheet = emulator.workbook().sheetByName('Excursions')!;
    const col = sheet.dataValues()[0].indexOf('Places');
    sheet.setValue(0, col, 'Seats');
    const before = sheetsExceptLog(emulator);
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Sheet "Excursions" has no column "Places". Add it back (row 1) and try again; nothing was written.',
    );
    expect(sheetsExceptLog(emulator)).toBe(before);
    emulator.run('setupWorkspace');
    expect(sheet.valueAt(1, col)).toBe(12);
  });
});

describe('a busy lock and an empty quota', () => {
  it('a menu action finding another run at work says so and changes nothing', () => {
    const emulator = scoredCall();
    emulator.locks.holdElsewhere('document', 600000);
    const before = sheetsExceptLog(emulator);
    emulator.run('allocatePlaces');
    expect(emulator.ui.alerts.at(-1)?.prompt).toBe(
      'Another Excursion Desk action is running right now. Please try again in a minute.',
    );
    expect(sheetsExceptLog(emulator)).toBe(before);
    expect(records(emulator, 'Log').at(-1)?.Details).toBe('Not run: another action held the lock');
  });

  it('with no mail quota left, an answer is taken in and its confirmation waits in the queue', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    emulator.mailApp.setRemainingQuota(0);
    emulator.submit(validAnswer());
    expect(records(emulator, 'Applications')).toHaveLength(1);
    expect(records(emulator, 'Notices')[0].Status).toBe('Queued');
    expect(emulator.mailApp.outbox).toHaveLength(0);
  });
});

describe('excursions without places', () => {
  it('an excursion with 0 places accepts no one, and the others are allocated as usual', () => {
    const emulator = scoredCall();
    const sheet = emulator.workbook().sheetByName('Excursions')!;
    sheet.setValue(1, sheet.dataValues()[0].indexOf('Places'), 0);
    emulator.run('allocatePlaces');
    const rows = records(emulator, 'Allocations');
    expect(rows.filter((r) => r['Excursion ID'] === 'CGN-2017-04' && r.Decision === 'Accepted')).toEqual([]);
    expect(rows.filter((r) => r.Decision === 'Accepted').length).toBeGreaterThan(0);
  });
});

describe('malformed files and dates in the past', () => {
  it('stops the CLI at a responses file with an unclosed quote, naming the file and the line, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const responses = join(dir, 'responses.csv');
    writeFileSync(responses, 'Timestamp,Municipality,Email address\n2017-02-06T09:00:00Z,"Bled,info@bled.si\n');
    const out = join(dir, 'out');
    const result = runCli([
      'run',
      '--responses',
      responses,
      '--excursions',
      join(SAMPLE_DIR, 'excursions.csv'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/responses\.csv.*(line|row) \d+/);
    expect(result.err).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it('marks an answer after a deadline in the past Late, says so in Issues, and leaves it out of the allocation', () => {
    const emulator = setUpWorkspace({ language: 'en' });
    setSetting(emulator, 'applicationDeadline', new Date('2017-01-31T23:00:00Z'));
    emulator.submit(validAnswer());
    const [app] = records(emulator, 'Applications');
    expect(app.Status).toBe('Late');
    expect(String(app.Issues)).toMatch(/deadline/i);
    emulator.run('scoreApplicants');
    emulator.run('allocatePlaces');
    expect(records(emulator, 'Allocations')).toHaveLength(0);
  });
});
