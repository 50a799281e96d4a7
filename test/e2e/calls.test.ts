/**
 * Spreadsheet calls per action, counted by the emulator, as the sheets grow. Two counts: every call
 * of the Spreadsheet service, and the reads and writes among them (isSheetsIo: the calls that carry
 * cells to or from Sheets, not lookups of a sheet or a range). Neither may grow with the number of
 * applications; the reads and writes are held to the figures the README gives.
 */
import { type Emulator, isSheetsIo } from '../../emulator/src';
import { fillApplications, queueReceivedNotices, setUpWorkspace, validAnswer } from './harness';

function counted(emulator: Emulator, act: () => void): { all: number; io: number; byMethod: Record<string, number> } {
  const before = emulator.env.calls.snapshot('Spreadsheet.');
  act();
  const after = emulator.env.calls.snapshot('Spreadsheet.');
  const byMethod: Record<string, number> = {};
  for (const [m, n] of Object.entries(after)) if (n - (before[m] ?? 0) > 0) byMethod[m] = n - (before[m] ?? 0);
  const io = Object.entries(byMethod)
    .filter(([m]) => isSheetsIo(m))
    .reduce((s, [, n]) => s + n, 0);
  return { all: Object.values(byMethod).reduce((s, n) => s + n, 0), io, byMethod };
}

/** A season of n applications: scored, allocated twice (the second changes nothing), notices queued. */
function season(n: number) {
  const emulator = setUpWorkspace({ language: 'en', mailQuota: 10 * n + 100 });
  fillApplications(emulator, n);
  emulator.submit(validAnswer({ Municipality: 'Žiri', 'Email address': 'obcina@ziri.si' }));
  const submission = counted(emulator, () =>
    emulator.submit(validAnswer({ Municipality: 'Žužemberk', 'Email address': 'obcina@zuzemberk.si' })),
  );
  const scoring = counted(emulator, () => emulator.run('scoreApplicants'));
  const allocation = counted(emulator, () => emulator.run('allocatePlaces'));
  const reallocation = counted(emulator, () => emulator.run('allocatePlaces'));
  return { submission, scoring, allocation, reallocation };
}

describe('Spreadsheet calls per action', () => {
  const small = season(40);
  const large = season(2000);

  it('scoring: 7 reads and writes (Settings, Scoring, Excursions, Applications, the Log header; Score, the Log row)', () => {
    expect(small.scoring.io).toBe(7);
    expect(large.scoring).toEqual(small.scoring);
  });

  it('allocation: 14 reads and writes the first time (it makes the Summary chart), plus one insertRowsAfter for each sheet that must grow', () => {
    const grow = (c: { byMethod: Record<string, number> }) => c.byMethod['Spreadsheet.Sheet.insertRowsAfter'] ?? 0;
    // One more than before issue 12: Municipalities is read, since only a municipality of the register takes part.
    expect(small.allocation.io - grow(small.allocation)).toBe(14);
    expect(large.allocation.io - grow(large.allocation)).toBe(small.allocation.io - grow(small.allocation));
    expect(grow(large.allocation)).toBeLessThanOrEqual(2);
    // Again with nothing changed: seven reads (six sheets, the Log header), the chart check, Allocations, Summary, the Log row.
    expect(small.reallocation.io).toBe(11);
    expect(large.reallocation).toEqual(small.reallocation);
  });

  it("a submission: 17 reads and writes, and one flush (the sending lease's): its confirmation is queued Sending, so that flush keeps it", () => {
    // Applications and Notices are read by column (issue 16, src/workspace/sheets.ts): the header
    // row, then each run of adjacent columns used (Applications two, Notices its keys), one read
    // each. Its mark of progress (a document property) waits for the sending lease's flush (its
    // developer metadata written, then flushed), so taking it in flushes nothing itself, and nor
    // does its confirmation: it is queued Sending, so the lease's flush makes that durable before
    // the mail (issue 16). 2 reads for the application PDF the confirmation carries (issue 15: the
    // response sheet's header, then the answer's own row, not the whole sheet).
    expect(small.submission.io).toBe(17);
    expect(small.submission.byMethod['Spreadsheet.SpreadsheetApp.flush']).toBe(1);
    expect(large.submission).toEqual(small.submission);
  });

  it('sending: no reads or writes per notice; 4 per block of 50 (Sending written, flush, statuses written, flush)', () => {
    const sending = (n: number) => {
      const emulator = setUpWorkspace({ language: 'en', mailQuota: 1000 });
      fillApplications(emulator, n);
      queueReceivedNotices(emulator, n);
      return counted(emulator, () => emulator.run('sendNotices'));
    };
    const [a, b, c] = [sending(10), sending(50), sending(51)];
    expect(b).toEqual(a);
    expect(c.io - b.io).toBe(4);
    expect(c.all - b.all).toBe(6);
  });
});
