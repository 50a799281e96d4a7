/**
 * What a submission reads (issue 16): the columns it uses, found by their headers, not the whole
 * Applications and Notices sheets. The emulator's execution report lists every block of cells a
 * run read (emulator/src/env.ts, CellsRead); no test here times anything.
 */
import type { CellsRead, Emulator } from '../../emulator/src';
import { fillApplications, queueReceivedNotices, records, setUpWorkspace, validAnswer } from './harness';

const N = 300;

/** The reads of the submission `answer` (its onFormSubmit execution). */
function submissionReads(emulator: Emulator, answer: ReturnType<typeof validAnswer>): CellsRead[] {
  const first = emulator.executionLog.length;
  emulator.submit(answer);
  const runs = emulator.executionLog.slice(first).filter((r) => r.functionName === 'onFormSubmit');
  expect(runs).toHaveLength(1);
  return runs[0].reads;
}

/** The headers of the columns a read covers, below the header row (a header row read gives none). */
function columnsRead(emulator: Emulator, sheet: string, reads: readonly CellsRead[]): Set<string> {
  const header = (emulator.sheetValues(sheet) ?? [[]])[0].map(String);
  const out = new Set<string>();
  for (const r of reads) {
    if (r.sheet !== sheet || r.row + r.numRows - 1 < 2) continue;
    for (let c = r.column; c < r.column + r.numColumns; c++) out.add(header[c - 1] ?? `column ${c}`);
  }
  return out;
}

/** How many data rows the reads cover in the column `header` of `sheet`. */
function rowsOf(emulator: Emulator, sheet: string, reads: readonly CellsRead[], header: string): number {
  const column = (emulator.sheetValues(sheet) ?? [[]])[0].map(String).indexOf(header) + 1;
  return reads
    .filter((r) => r.sheet === sheet && r.column <= column && column < r.column + r.numColumns)
    .reduce((s, r) => s + Math.max(0, r.row + r.numRows - Math.max(r.row, 2)), 0);
}

const cells = (reads: readonly CellsRead[], sheet: string) =>
  reads.filter((r) => r.sheet === sheet).reduce((s, r) => s + r.numRows * r.numColumns, 0);

function season(): Emulator {
  const emulator = setUpWorkspace({ language: 'en', mailQuota: 10 * N + 100 });
  fillApplications(emulator, N);
  queueReceivedNotices(emulator, N);
  emulator.submit(validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si' }));
  return emulator;
}

describe('a submission reads only the columns it uses', () => {
  it('Applications: the id, time, municipality and status of each row; Notices: the key of each row', () => {
    const emulator = season();
    const reads = submissionReads(emulator, validAnswer({ Municipality: 'Bled', 'Email address': 'info@bled.si' }));
    expect([...columnsRead(emulator, 'Applications', reads)].sort()).toEqual(
      ['Application ID', 'Municipality', 'Status', 'Submitted At'].sort(),
    );
    // Every key, and no status: the only row it sends is the one it queued (src/workspace/sending.ts).
    expect([...columnsRead(emulator, 'Notices', reads)].sort()).toEqual(['Notice Key']);
    expect(rowsOf(emulator, 'Notices', reads, 'Status')).toBe(0);
    // Far fewer cells than the two sheets hold (23 and 9 columns of N + 2 rows).
    const whole = (N + 2) * 23 + (N + 2) * 9;
    expect(cells(reads, 'Applications') + cells(reads, 'Notices')).toBeLessThan(whole / 4);
    // And what it wrote is right: the row taken in, its confirmation sent.
    expect(records(emulator, 'Applications').at(-1)?.Municipality).toBe('Bled');
    expect(emulator.mailApp.outbox.at(-1)?.to).toEqual(['info@bled.si']);
  });

  it('finds the columns by their headers where staff moved them, and marks the earlier application Duplicate', () => {
    const emulator = season();
    // Staff move Status and Issues to the front of Applications (a cut and paste keeps the headers).
    const sheet = emulator.workbook().sheetByName('Applications')!;
    const status = sheet.cells[0].findIndex((c) => c?.value === 'Status');
    for (const row of sheet.cells) if (row) row.unshift(...row.splice(status, 2));
    const reads = submissionReads(
      emulator,
      validAnswer({ Municipality: 'Bohinj', 'Email address': 'info@bohinj.si', 'Contact person': 'Ana Novak' }),
    );
    expect([...columnsRead(emulator, 'Applications', reads)].sort()).toEqual(
      ['Application ID', 'Issues', 'Municipality', 'Status', 'Submitted At'].sort(),
    );
    // The Issues of the application it replaces only, to add the note to them.
    expect(rowsOf(emulator, 'Applications', reads, 'Issues')).toBe(1);
    const bohinj = records(emulator, 'Applications').filter((r) => r.Municipality === 'Bohinj');
    expect(bohinj.map((r) => r.Status)).toEqual(['Duplicate', expect.not.stringMatching(/^Duplicate$/)]);
    expect(emulator.mailApp.outbox.at(-1)?.to).toEqual(['info@bohinj.si']);
  });
});

describe('a Send notices run reads the rows of no more notices than it can send', () => {
  it('with 700 waiting it reads the rows of the first 575 (its time budget over 0.6 s a mail), and the next run sends the rest, each once', () => {
    const n = 700;
    const emulator = setUpWorkspace({ language: 'en', mailQuota: 10 * n + 100 });
    fillApplications(emulator, n);
    queueReceivedNotices(emulator, n);
    const first = emulator.executionLog.length;
    emulator.run('sendNotices');
    const run = emulator.executionLog.slice(first).find((r) => r.functionName === 'sendNotices')!;
    expect(emulator.mailApp.outbox).toHaveLength(575);
    // Every row's key and status (and the id of every application), but the other cells of 575 rows only.
    const rowsRead = (sheet: string, header: string) => {
      const column = (emulator.sheetValues(sheet) ?? [[]])[0].map(String).indexOf(header) + 1;
      const covering = run.reads.filter(
        (r) => r.sheet === sheet && r.row >= 2 && r.column <= column && column < r.column + r.numColumns,
      );
      return Math.max(0, ...covering.map((r) => r.numRows));
    };
    expect(rowsRead('Notices', 'Notice Key')).toBe(n);
    expect(rowsRead('Notices', 'To')).toBe(575);
    expect(rowsRead('Applications', 'Application ID')).toBe(n);
    expect(rowsRead('Applications', 'Contact Name')).toBe(575);
    // The rest goes by the resume trigger, a minute later.
    emulator.env.clock.advance(61 * 1000);
    emulator.run('runScheduledWork', {}, { trigger: true });
    const sent = emulator.mailApp.outbox.flatMap((m) => m.to);
    expect(sent).toHaveLength(n);
    expect(new Set(sent).size).toBe(n);
    expect(records(emulator, 'Notices').every((r) => r.Status === 'Sent')).toBe(true);
  });
});
